#include "render/detail/geometry_batch.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace frontline::render::detail {

namespace {

float length(sf::Vector2f v) noexcept { return std::hypot(v.x, v.y); }

/// Enough segments for a circle to look round at its size, few enough for hundreds of them.
std::size_t circle_segments(float radius) noexcept {
    return static_cast<std::size_t>(std::clamp(radius * 1.2F, 12.0F, 96.0F));
}

sf::Vector2f on_circle(sf::Vector2f centre, float radius, std::size_t i, std::size_t segments) noexcept {
    const double angle = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(segments);
    return {centre.x + radius * static_cast<float>(std::cos(angle)),
            centre.y + radius * static_cast<float>(std::sin(angle))};
}

}  // namespace

void ShapeBatch::triangle(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color colour) {
    vertices_.append({a, colour});
    vertices_.append({b, colour});
    vertices_.append({c, colour});
}

void ShapeBatch::rectangle(const sf::FloatRect& rect, sf::Color colour) {
    const sf::Vector2f top_left{rect.left, rect.top};
    const sf::Vector2f top_right{rect.left + rect.width, rect.top};
    const sf::Vector2f bottom_left{rect.left, rect.top + rect.height};
    const sf::Vector2f bottom_right{rect.left + rect.width, rect.top + rect.height};
    triangle(top_left, top_right, bottom_right, colour);
    triangle(top_left, bottom_right, bottom_left, colour);
}

void ShapeBatch::rounded_rectangle(const sf::FloatRect& rect, float radius, sf::Color colour) {
    radius = std::min({radius, rect.width / 2.0F, rect.height / 2.0F});
    constexpr std::size_t steps_per_corner = 6;
    std::vector<sf::Vector2f> outline;
    const std::array<sf::Vector2f, 4> corner_centres{
        {{rect.left + rect.width - radius, rect.top + rect.height - radius},
         {rect.left + radius, rect.top + rect.height - radius},
         {rect.left + radius, rect.top + radius},
         {rect.left + rect.width - radius, rect.top + radius}}};
    for (std::size_t corner = 0; corner < 4; ++corner)
        for (std::size_t step = 0; step <= steps_per_corner; ++step)
            outline.push_back(
                on_circle(corner_centres[corner], radius, corner * steps_per_corner + step, 4 * steps_per_corner));
    fan({rect.left + rect.width / 2.0F, rect.top + rect.height / 2.0F}, outline, colour);
}

void ShapeBatch::segment(sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour) {
    const sf::Vector2f d = b - a;
    const float len = length(d);
    if (len <= 0.0F) return;
    const sf::Vector2f along = d * (width / 2.0F / len);
    const sf::Vector2f across{-along.y, along.x};
    const sf::Vector2f start = a - along;
    const sf::Vector2f end = b + along;
    triangle(start + across, end + across, end - across, colour);
    triangle(start + across, end - across, start - across, colour);
}

void ShapeBatch::polyline(std::span<const sf::Vector2f> points, bool closed, float width, sf::Color colour) {
    for (std::size_t i = 1; i < points.size(); ++i) segment(points[i - 1], points[i], width, colour);
    if (closed && points.size() > 2) segment(points.back(), points.front(), width, colour);
}

void ShapeBatch::dashed_polyline(std::span<const sf::Vector2f> points, bool closed, float width, DashPattern pattern,
                                 sf::Color colour) {
    if (points.size() < 2) return;
    const float period = pattern.dash + pattern.gap;
    float phase = 0.0F;  // distance into the current period
    const std::size_t edges = closed ? points.size() : points.size() - 1;
    for (std::size_t i = 0; i < edges; ++i) {
        const sf::Vector2f a = points[i];
        const sf::Vector2f b = points[(i + 1) % points.size()];
        const float len = length(b - a);
        if (len <= 0.0F) continue;
        const sf::Vector2f unit = (b - a) / len;
        float done = 0.0F;
        while (done < len) {
            const bool in_dash = phase < pattern.dash;
            const float piece = std::min(len - done, (in_dash ? pattern.dash : period) - phase);
            if (in_dash) {
                // Butt ends: square caps would fill the gaps of short dashes.
                const sf::Vector2f from = a + unit * done;
                const sf::Vector2f to = a + unit * (done + piece);
                const sf::Vector2f across{-unit.y * width / 2.0F, unit.x * width / 2.0F};
                triangle(from + across, to + across, to - across, colour);
                triangle(from + across, to - across, from - across, colour);
            }
            done += piece;
            phase = std::fmod(phase + piece, period);
        }
    }
}

void ShapeBatch::disc(sf::Vector2f centre, float radius, sf::Color colour) {
    const std::size_t segments = circle_segments(radius);
    for (std::size_t i = 0; i < segments; ++i)
        triangle(centre, on_circle(centre, radius, i, segments), on_circle(centre, radius, i + 1, segments), colour);
}

void ShapeBatch::circle_outline(sf::Vector2f centre, float radius, float width, sf::Color colour) {
    const std::size_t segments = circle_segments(radius);
    const float inner = std::max(0.0F, radius - width / 2.0F);
    const float outer = radius + width / 2.0F;
    for (std::size_t i = 0; i < segments; ++i) {
        const sf::Vector2f a_in = on_circle(centre, inner, i, segments);
        const sf::Vector2f a_out = on_circle(centre, outer, i, segments);
        const sf::Vector2f b_in = on_circle(centre, inner, i + 1, segments);
        const sf::Vector2f b_out = on_circle(centre, outer, i + 1, segments);
        triangle(a_in, a_out, b_out, colour);
        triangle(a_in, b_out, b_in, colour);
    }
}

void ShapeBatch::fan(sf::Vector2f centre, std::span<const sf::Vector2f> outline, sf::Color colour) {
    for (std::size_t i = 0; i < outline.size(); ++i)
        triangle(centre, outline[i], outline[(i + 1) % outline.size()], colour);
}

void ShapeBatch::filled(std::span<const sf::Vector2f> points, std::span<const std::array<std::size_t, 3>> triangles,
                        sf::Color colour) {
    for (const auto& [a, b, c] : triangles) triangle(points[a], points[b], points[c], colour);
}

void ShapeBatch::draw(sf::RenderTarget& target) const {
    if (vertices_.getVertexCount() > 0) target.draw(vertices_);
}

}  // namespace frontline::render::detail
