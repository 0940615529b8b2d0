#include "render/detail/triangulate.hpp"

#include <algorithm>

#include "geo/geos.hpp"

namespace frontline::render::detail {

namespace {

double cross(const PlanePoint& a, const PlanePoint& b, const PlanePoint& c) noexcept {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/// Twice the signed area; positive for a counter-clockwise ring.
double signed_area(std::span<const PlanePoint> ring, std::span<const std::size_t> indices) noexcept {
    double area = 0.0;
    for (std::size_t i = 0, j = indices.size() - 1; i < indices.size(); j = i++)
        area += (ring[indices[j]].x - ring[indices[i]].x) * (ring[indices[j]].y + ring[indices[i]].y);
    return area;
}

/// Inside or on the edge of the counter-clockwise triangle abc.
bool in_triangle(const PlanePoint& p, const PlanePoint& a, const PlanePoint& b, const PlanePoint& c) noexcept {
    return cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0;
}

}  // namespace

std::vector<std::array<std::size_t, 3>> triangulate(std::span<const PlanePoint> ring) {
    // Vertex order without repeated points (including the optional closing one).
    std::vector<std::size_t> order;
    order.reserve(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i)
        if (order.empty() || !(ring[i] == ring[order.back()])) order.push_back(i);
    while (order.size() > 1 && ring[order.front()] == ring[order.back()]) order.pop_back();
    std::vector<std::array<std::size_t, 3>> triangles;
    if (order.size() < 3) return triangles;
    if (signed_area(ring, order) < 0.0) std::reverse(order.begin(), order.end());

    // A circular doubly linked list over `order`, so removing an ear is O(1).
    const std::size_t n = order.size();
    std::vector<std::size_t> next(n);
    std::vector<std::size_t> prev(n);
    for (std::size_t i = 0; i < n; ++i) {
        next[i] = (i + 1) % n;
        prev[i] = (i + n - 1) % n;
    }
    const auto point = [&](std::size_t node) -> const PlanePoint& { return ring[order[node]]; };
    const auto is_ear = [&](std::size_t node) {
        const PlanePoint& a = point(prev[node]);
        const PlanePoint& b = point(node);
        const PlanePoint& c = point(next[node]);
        if (cross(a, b, c) <= 0.0) return false;  // reflex or flat
        for (std::size_t other = next[next[node]]; other != prev[node]; other = next[other]) {
            const PlanePoint& p = point(other);
            if (p == a || p == b || p == c) continue;  // a ring touching itself at a vertex
            if (in_triangle(p, a, b, c)) return false;
        }
        return true;
    };

    std::size_t remaining = n;
    std::size_t node = 0;
    std::size_t tried_without_progress = 0;
    triangles.reserve(n - 2);
    while (remaining > 3 && tried_without_progress < remaining) {
        const PlanePoint& a = point(prev[node]);
        const PlanePoint& c = point(next[node]);
        const bool flat = cross(a, point(node), c) == 0.0;
        if (flat || is_ear(node)) {
            if (!flat) triangles.push_back({order[prev[node]], order[node], order[next[node]]});
            next[prev[node]] = next[node];
            prev[next[node]] = prev[node];
            --remaining;
            node = prev[node];  // the neighbours may have just become ears
            tried_without_progress = 0;
        } else {
            node = next[node];
            ++tried_without_progress;
        }
    }
    if (remaining == 3 && cross(point(prev[node]), point(node), point(next[node])) > 0.0)
        triangles.push_back({order[prev[node]], order[node], order[next[node]]});
    return triangles;
}

std::vector<PlanePoint> triangulate_with_holes(const std::vector<std::vector<PlanePoint>>& rings, double tolerance) {
    std::vector<PlanePoint> triangles;
    if (rings.empty() || rings.front().size() < 3) return triangles;
    const GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    // GEOSGeom_createPolygon_r takes the rings over, so they are released from their owners only
    // once every ring has been built.
    std::vector<GeosGeometry> owned;
    for (const auto& ring : rings) {
        if (ring.size() < 3) continue;
        std::vector<double> xy;
        xy.reserve(2 * ring.size() + 2);
        for (const PlanePoint& p : ring) {
            xy.push_back(p.x);
            xy.push_back(p.y);
        }
        if (ring.front() != ring.back()) {
            xy.push_back(ring.front().x);
            xy.push_back(ring.front().y);
        }
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
        if (seq == nullptr) ctx.fail("building a control polygon's ring");
        GEOSGeometry* made = GEOSGeom_createLinearRing_r(h, seq);
        if (made == nullptr) ctx.fail("building a control polygon's ring");
        owned.emplace_back(made, GeosDeleter{h});
    }
    if (owned.empty()) return triangles;
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < owned.size(); ++i) holes.push_back(owned[i].release());
    GEOSGeometry* shell = owned.front().release();
    const GeosGeometry polygon(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())),
                               GeosDeleter{h});
    if (!polygon) ctx.fail("building a control polygon");
    // Overlays leave repeated and nearly collinear points that GEOS's ear finder can trip on
    // ("Unable to find a convex corner"); without them it rarely fails, and when it still does,
    // ear clipping the exterior keeps the ground drawn (a hole filled beats a holder missing).
    const GeosGeometry cleaned(GEOSRemoveRepeatedPoints_r(h, polygon.get(), 0.0), GeosDeleter{h});
    const GeosGeometry simple(cleaned && tolerance > 0.0 ? GEOSSimplify_r(h, cleaned.get(), tolerance)
                                                         : nullptr,
                              GeosDeleter{h});
    const GEOSGeometry* outline = simple ? simple.get() : cleaned.get();
    const GeosGeometry result(outline != nullptr ? GEOSConstrainedDelaunayTriangulation_r(h, outline) : nullptr,
                              GeosDeleter{h});
    if (!result) {
        const auto& exterior = rings.front();
        for (const auto& corner : triangulate(exterior))
            for (const std::size_t k : corner) triangles.push_back(exterior[k]);
        return triangles;
    }
    const int count = GEOSGetNumGeometries_r(h, result.get());
    triangles.reserve(3 * static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* triangle = GEOSGetGeometryN_r(h, result.get(), i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, triangle));
        for (unsigned k = 0; k < 3; ++k) {
            PlanePoint p;
            if (seq == nullptr || GEOSCoordSeq_getXY_r(h, seq, k, &p.x, &p.y) == 0)
                ctx.fail("reading a triangle of a control polygon");
            triangles.push_back(p);
        }
    }
    return triangles;
}

}  // namespace frontline::render::detail
