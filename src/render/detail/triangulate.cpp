#include "render/detail/triangulate.hpp"

#include <algorithm>

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

}  // namespace frontline::render::detail
