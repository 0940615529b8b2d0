#include "render/detail/simplify.hpp"

namespace frontline::render::detail {

std::vector<sf::Vector2f> simplified(const GeosContext& ctx, std::vector<sf::Vector2f> line, double tolerance) {
    if (line.size() < 3) return line;
    GEOSContextHandle_t h = ctx.handle();
    std::vector<double> xy;
    xy.reserve(2 * line.size());
    for (const sf::Vector2f& p : line) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(line.size()), 0, 0);
    if (sequence == nullptr) return line;
    const GeosGeometry whole(GEOSGeom_createLineString_r(h, sequence), GeosDeleter{h});
    if (!whole) return line;
    const GeosGeometry simple(GEOSSimplify_r(h, whole.get(), tolerance), GeosDeleter{h});
    const GEOSCoordSequence* kept = simple ? GEOSGeom_getCoordSeq_r(h, simple.get()) : nullptr;
    unsigned count = 0;
    if (kept == nullptr || GEOSCoordSeq_getSize_r(h, kept, &count) == 0 || count < 2) return line;
    std::vector<sf::Vector2f> points;
    points.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        double x = 0.0;
        double y = 0.0;
        if (GEOSCoordSeq_getXY_r(h, kept, i, &x, &y) == 0) return line;
        points.emplace_back(static_cast<float>(x), static_cast<float>(y));
    }
    return points;
}

}  // namespace frontline::render::detail
