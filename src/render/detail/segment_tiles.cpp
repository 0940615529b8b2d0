#include "render/detail/segment_tiles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace frontline::render::detail {

const SegmentTiles::Tile* SegmentTiles::tile(sf::Vector2f from, sf::Vector2f to) {
    const auto limit = static_cast<float>(longest_offset);
    // Written so that NaN fails each test.
    if (!(near_a_canvas(from) && std::abs(to.x - from.x) <= limit && std::abs(to.y - from.y) <= limit))
        return nullptr;
    const sf::Vector2i offset(static_cast<int>(to.x - from.x), static_cast<int>(to.y - from.y));
    if (offset == sf::Vector2i{}) return nullptr;
    const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(offset.x)) << 32U) |
                              static_cast<std::uint32_t>(offset.y);
    if (const auto found = tiles_.find(key); found != tiles_.end()) return &found->second;
    // `Canvas::segment` tints pixels up to half the width and a pixel beyond the ends.
    const int margin = static_cast<int>(std::ceil(width_ / 2.0F)) + 1;
    // Three transparent columns more on the right let every row be blended four pixels at a time.
    const sf::Vector2u size(static_cast<unsigned>(std::abs(offset.x) + 2 * margin + 3),
                            static_cast<unsigned>(std::abs(offset.y) + 2 * margin));
    const std::size_t bytes = static_cast<std::size_t>(size.x) * size.y * 4;
    if (bytes_ + bytes > budget_bytes) return nullptr;
    Tile painted{Canvas(size, 0), {}, {margin + std::max(0, -offset.x), margin + std::max(0, -offset.y)}};
    const sf::Vector2f start(static_cast<float>(painted.origin.x), static_cast<float>(painted.origin.y));
    painted.pixels.segment(start, start + sf::Vector2f(static_cast<float>(offset.x), static_cast<float>(offset.y)),
                           width_, colour_);
    painted.runs = painted.pixels.visible_runs();
    bytes_ += bytes;
    return &tiles_.emplace(key, std::move(painted)).first->second;
}

}  // namespace frontline::render::detail
