#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "render/projection.hpp"

namespace frontline::render::detail {

/// Splits a simple polygon (no holes, either orientation, closing point optional) into
/// triangles by ear clipping, returned as index triples into `ring`. O(n²): fine for country
/// outlines of a few thousand points, computed once per scene. A ring that crosses itself gets
/// the triangles found before the clipping got stuck, so bad data leaves a gap, never a hang.
[[nodiscard]] std::vector<std::array<std::size_t, 3>> triangulate(std::span<const PlanePoint> ring);

/// Splits a polygon (exterior ring first, then its holes) into triangles with GEOS's constrained
/// Delaunay triangulation, returned three points a triangle; the holes stay uncovered. With a
/// `tolerance` (in the rings' units) the polygon is first simplified to within it (GEOS's
/// Douglas-Peucker, which mends what it made invalid; its topology-preserving simplifier took four
/// times as long), so that it has no more triangles than a zoom can show. When GEOS cannot
/// triangulate it, the exterior is ear clipped (`triangulate`) and the holes are filled.
/// @throws GeoError when GEOS cannot build the polygon.
[[nodiscard]] std::vector<PlanePoint> triangulate_with_holes(const std::vector<std::vector<PlanePoint>>& rings,
                                                             double tolerance = 0.0);

}  // namespace frontline::render::detail
