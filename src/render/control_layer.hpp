#pragma once

#include <string>
#include <vector>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include "common/date.hpp"
#include "control/control_timeline.hpp"
#include "render/projection.hpp"

namespace frontline::render {

/// One holder's ground in one control state, ready to draw.
struct ControlFill {
    std::string holder;
    sf::Color colour;
    /// Ground that changed hands on a claim that day: drawn hatched, not as settled ground.
    bool hatched = false;
    double area_km2 = 0.0;
    /// The fill's polygons on the plane (km around the projection origin, y north), each its
    /// exterior ring first, then its holes.
    std::vector<std::vector<std::vector<PlanePoint>>> polygons;
    /// `polygons` as triangles, built once when the state is loaded. The renderer draws the
    /// polygons simplified to what its zoom shows, and these where they cannot be.
    sf::VertexArray triangles{sf::Triangles};
};

/// Adds `polygon` (exterior ring first, then its holes, on the plane) to `fill`: its rings and
/// its triangles in the fill's colour.
/// @throws GeoError when GEOS cannot build the polygon.
void add_polygon(ControlFill& fill, std::vector<std::vector<PlanePoint>> polygon);

/// `fill`'s polygons as triangles in its colour, each simplified to within `tolerance_km` first,
/// so that a zoom gets no more triangles than it can show; `fill.triangles` when GEOS cannot
/// simplify one of them.
[[nodiscard]] sf::VertexArray simplified_triangles(const ControlFill& fill, double tolerance_km);

/// Who held what from `valid_from` until the next snapshot, projected and triangulated.
struct ControlSnapshot {
    Date valid_from;
    std::vector<ControlFill> fills;                    ///< by holder id
    std::vector<std::vector<PlanePoint>> front_lines;  ///< shared boundaries of two holders
};

/// Projects and triangulates every state of `timeline` once (GEOS constrained Delaunay
/// triangulation, so holes stay open). A holder whose ground grew on a day whose state rests on a
/// claim is hatched in that state.
/// @throws GeoError when GEOS cannot build a polygon from the timeline's rings.
[[nodiscard]] std::vector<ControlSnapshot> control_snapshots(const ControlTimeline& timeline,
                                                             const MapProjection& projection);

}  // namespace frontline::render
