#pragma once

#include <vector>

#include <SFML/System/Vector2.hpp>

#include "geo/geos.hpp"

namespace frontline::render::detail {

/// `line` (screen pixels) simplified by GEOS's Douglas-Peucker to within `tolerance` pixels; its
/// ends stay. A front traced in metres has thousands of vertices that a zoomed-out map cannot
/// show, and each costs the rasteriser two triangles a stroke. A line GEOS cannot simplify comes
/// back as it was.
[[nodiscard]] std::vector<sf::Vector2f> simplified(const GeosContext& ctx, std::vector<sf::Vector2f> line,
                                                   double tolerance);

}  // namespace frontline::render::detail
