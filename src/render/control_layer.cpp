#include "render/control_layer.hpp"

#include <map>
#include <utility>

#include "common/error.hpp"
#include "render/detail/triangulate.hpp"
#include "render/symbology.hpp"

namespace frontline::render {

namespace {

/// Fills sit under the events and labels: opaque enough to read the holder, light enough to
/// keep borders and place dots visible.
constexpr sf::Uint8 fill_alpha = 110;
/// Growth below this is numerical noise of the overlay, not ground taken.
constexpr double grown_epsilon_km2 = 1e-3;

std::vector<std::vector<PlanePoint>> project_rings(const MapProjection& projection, const PolygonRings& rings) {
    std::vector<std::vector<PlanePoint>> projected;
    projected.reserve(rings.size());
    for (const auto& ring : rings) {
        auto& out = projected.emplace_back();
        out.reserve(ring.size());
        for (const LonLat& p : ring) out.push_back(projection.forward(p));
    }
    return projected;
}

/// Appends `points` (three a triangle, on the plane) to `triangles` in `colour`.
void append_triangles(sf::VertexArray& triangles, const std::vector<PlanePoint>& points, sf::Color colour) {
    for (const PlanePoint& p : points)
        triangles.append(sf::Vertex(sf::Vector2f(static_cast<float>(p.x), static_cast<float>(p.y)), colour));
}

}  // namespace

void add_polygon(ControlFill& fill, std::vector<std::vector<PlanePoint>> polygon) {
    append_triangles(fill.triangles, detail::triangulate_with_holes(polygon), fill.colour);
    fill.polygons.push_back(std::move(polygon));
}

sf::VertexArray simplified_triangles(const ControlFill& fill, double tolerance_km) {
    sf::VertexArray triangles(sf::Triangles);
    try {
        for (const auto& polygon : fill.polygons)
            append_triangles(triangles, detail::triangulate_with_holes(polygon, tolerance_km), fill.colour);
    } catch (const GeoError&) {
        return fill.triangles;  // triangulated once already, unsimplified
    }
    return triangles;
}

std::vector<ControlSnapshot> control_snapshots(const ControlTimeline& timeline, const MapProjection& projection) {
    std::vector<ControlSnapshot> snapshots;
    const auto& states = timeline.states();
    snapshots.reserve(states.size());
    std::map<std::string, double> previous_area;
    for (std::size_t s = 0; s < states.size(); ++s) {
        ControlSnapshot& snapshot = snapshots.emplace_back(ControlSnapshot{states[s].valid_from, {}, {}});
        const bool on_claim = states[s].certainty != Certainty::confirmed && states[s].certainty != Certainty::reported;
        std::map<std::string, double> area;
        for (const HolderPieces& pieces : timeline.pieces(s)) {
            ControlFill& fill = snapshot.fills.emplace_back();
            fill.holder = pieces.holder;
            fill.area_km2 = pieces.area_km2;
            const sf::Color actor = actor_color(pieces.holder);
            fill.colour = sf::Color(actor.r, actor.g, actor.b, fill_alpha);
            const auto before = previous_area.find(pieces.holder);
            const double was = before == previous_area.end() ? 0.0 : before->second;
            fill.hatched = on_claim && s > 0 && pieces.area_km2 > was + grown_epsilon_km2;
            area[pieces.holder] = pieces.area_km2;
            for (const PolygonRings& polygon : pieces.polygons) add_polygon(fill, project_rings(projection, polygon));
        }
        previous_area = std::move(area);
        for (const FrontLine& front : timeline.front_lines(s))
            for (auto& line : project_rings(projection, front.lines)) snapshot.front_lines.push_back(std::move(line));
    }
    return snapshots;
}

}  // namespace frontline::render
