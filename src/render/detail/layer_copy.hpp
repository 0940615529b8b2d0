#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

namespace frontline::render::detail {

/// Replaces every pixel of `target` with `source`'s (both the same size). Where the driver can,
/// this is a framebuffer blit, which Mesa's software rasteriser does as a memory copy (0.2 ms at
/// 1600x900 against 8.5 ms for a textured quad that samples every pixel); otherwise, or for a
/// multisampled target, the layer is drawn as a sprite without blending. Leaves `target` active.
void copy_layer(sf::RenderTexture& source, sf::RenderTarget& target);

}  // namespace frontline::render::detail
