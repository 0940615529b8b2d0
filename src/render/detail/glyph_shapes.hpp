#pragma once

#include <array>
#include <cstddef>
#include <span>

#include <SFML/System/Vector2.hpp>

#include "render/symbology.hpp"

namespace frontline::render::detail {

/// A glyph's outline around (0, 0), about 1 unit in radius, screen orientation (y down), and the
/// triangles that fill it. (0, 0) lies inside every glyph, so a glyph always covers its point.
struct GlyphGeometry {
    std::span<const sf::Vector2f> outline;
    std::span<const std::array<std::size_t, 3>> triangles;
};

[[nodiscard]] GlyphGeometry glyph_geometry(GlyphShape shape);

}  // namespace frontline::render::detail
