#include "render/detail/glyph_shapes.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include "render/detail/triangulate.hpp"

namespace frontline::render::detail {

namespace {

using Outline = std::vector<sf::Vector2f>;

/// `points` vertices alternating between the outer and inner radius, the first pointing up.
Outline star_outline(std::size_t points, float outer, float inner) {
    Outline outline;
    for (std::size_t i = 0; i < 2 * points; ++i) {
        const double angle =
            -std::numbers::pi / 2.0 + std::numbers::pi * static_cast<double>(i) / static_cast<double>(points);
        const float r = i % 2 == 0 ? outer : inner;
        outline.emplace_back(r * static_cast<float>(std::cos(angle)), r * static_cast<float>(std::sin(angle)));
    }
    return outline;
}

Outline regular_polygon(std::size_t corners, float radius, double first_angle) {
    Outline outline;
    for (std::size_t i = 0; i < corners; ++i) {
        const double angle =
            first_angle + 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(corners);
        outline.emplace_back(radius * static_cast<float>(std::cos(angle)),
                             radius * static_cast<float>(std::sin(angle)));
    }
    return outline;
}

/// A Greek cross with arms `half_width` thick on each side of the axis, turned by `angle`.
Outline cross_outline(float arm, float half_width, double angle) {
    const Outline upright{{-half_width, -arm}, {half_width, -arm},  {half_width, -half_width},
                          {arm, -half_width},  {arm, half_width},   {half_width, half_width},
                          {half_width, arm},   {-half_width, arm},  {-half_width, half_width},
                          {-arm, half_width},  {-arm, -half_width}, {-half_width, -half_width}};
    const auto c = static_cast<float>(std::cos(angle));
    const auto s = static_cast<float>(std::sin(angle));
    Outline turned;
    for (const sf::Vector2f& p : upright) turned.emplace_back(p.x * c - p.y * s, p.x * s + p.y * c);
    return turned;
}

Outline outline_of(GlyphShape shape) {
    constexpr double up = -std::numbers::pi / 2.0;
    switch (shape) {
        case GlyphShape::star: return star_outline(5, 1.25F, 0.52F);
        case GlyphShape::diamond: return {{0.0F, -1.2F}, {0.95F, 0.0F}, {0.0F, 1.2F}, {-0.95F, 0.0F}};
        case GlyphShape::burst: return star_outline(8, 1.2F, 0.62F);
        case GlyphShape::saltire: return cross_outline(1.15F, 0.34F, std::numbers::pi / 4.0);
        case GlyphShape::square: return {{-0.85F, -0.85F}, {0.85F, -0.85F}, {0.85F, 0.85F}, {-0.85F, 0.85F}};
        case GlyphShape::triangle_up: return {{0.0F, -1.2F}, {1.1F, 0.75F}, {-1.1F, 0.75F}};
        case GlyphShape::triangle_down: return {{-1.1F, -0.75F}, {1.1F, -0.75F}, {0.0F, 1.2F}};
        case GlyphShape::chevron:
            return {{0.0F, -0.95F}, {1.15F, 0.2F}, {1.15F, 0.95F}, {0.0F, 0.15F}, {-1.15F, 0.95F}, {-1.15F, 0.2F}};
        case GlyphShape::plus: return cross_outline(1.05F, 0.36F, 0.0);
        case GlyphShape::hexagon: return regular_polygon(6, 1.0F, 0.0);
        case GlyphShape::pentagon: return regular_polygon(5, 1.05F, up);
        case GlyphShape::octagon: return regular_polygon(8, 1.0F, std::numbers::pi / 8.0);
        case GlyphShape::circle: return regular_polygon(28, 0.95F, 0.0);
        case GlyphShape::cog: return star_outline(10, 1.1F, 0.82F);
        case GlyphShape::arrow:
            return {{-1.1F, -0.32F}, {0.15F, -0.32F}, {0.15F, -0.9F}, {1.15F, 0.0F},
                    {0.15F, 0.9F},   {0.15F, 0.32F},  {-1.1F, 0.32F}};
        case GlyphShape::dot: return regular_polygon(20, 0.7F, 0.0);
    }
    return regular_polygon(20, 0.7F, 0.0);
}

struct StoredGlyph {
    Outline outline;
    std::vector<std::array<std::size_t, 3>> triangles;
};

StoredGlyph build(GlyphShape shape) {
    StoredGlyph glyph{outline_of(shape), {}};
    std::vector<PlanePoint> plane;
    for (const sf::Vector2f& p : glyph.outline) plane.push_back({p.x, p.y});
    glyph.triangles = triangulate(plane);
    return glyph;
}

}  // namespace

GlyphGeometry glyph_geometry(GlyphShape shape) {
    static const std::array<StoredGlyph, 16> glyphs = [] {
        std::array<StoredGlyph, 16> all;
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = build(static_cast<GlyphShape>(i));
        return all;
    }();
    const StoredGlyph& glyph = glyphs[static_cast<std::size_t>(shape)];
    return {glyph.outline, glyph.triangles};
}

}  // namespace frontline::render::detail
