#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>

#include "render/detail/canvas.hpp"

namespace frontline::render::detail {

/// Replaces every pixel of `target` with `source`'s (both the same size). Where the driver can,
/// this is a framebuffer blit, which Mesa's software rasteriser does as a memory copy (0.2 ms at
/// 1600x900 against 8.5 ms for a textured quad that samples every pixel); otherwise, or for a
/// multisampled target, the layer is drawn as a sprite without blending. Leaves `target` active.
void copy_layer(sf::RenderTexture& source, sf::RenderTarget& target);

/// Replaces the pixels of `region` (target pixels, top to bottom) of `target` (the canvas' size)
/// with the canvas'. A render texture without multisampling takes them straight into its texture
/// (0.4 ms for 1600x900 under llvmpipe); anything else through `staging` and a sprite drawn
/// without blending. Leaves `target` active.
void upload_canvas(const Canvas& canvas, sf::Texture& staging, sf::RenderTarget& target, const sf::IntRect& region);

/// Replaces `canvas` with the pixels of `source`. Where the driver can, they are read straight
/// from its framebuffer into the canvas, bottom row first as both keep them: one copy, where
/// `copyToImage` and `Canvas::assign` make four (1.5 ms at 1600x900 under llvmpipe).
void read_layer(sf::RenderTexture& source, Canvas& canvas);

/// Hands what was drawn onto `target` so far to the rasteriser (glFlush). Mesa's software
/// rasteriser fills its queued triangles on its own threads only once they are flushed, so the
/// CPU can composite a canvas meanwhile instead of waiting for them at the upload.
void start_rasterising(sf::RenderTarget& target);

}  // namespace frontline::render::detail
