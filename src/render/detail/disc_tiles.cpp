#include "render/detail/disc_tiles.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace frontline::render::detail {

std::size_t DiscTiles::KeyHash::operator()(const Key& key) const noexcept {
    const std::uint64_t size = (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(key.radius)) << 32U) |
                               std::bit_cast<std::uint32_t>(key.rim_width);
    const std::uint64_t colours = (static_cast<std::uint64_t>(key.fill) << 32U) | key.rim;
    const std::uint64_t eighths = (static_cast<std::uint64_t>(key.eighth_x) << 8U) | key.eighth_y;
    return std::hash<std::uint64_t>{}((size * 0x9E3779B97F4A7C15ULL) ^ (colours * 0xC2B2AE3D27D4EB4FULL) ^ eighths);
}

std::optional<DiscTiles::Placed> DiscTiles::tile(sf::Vector2f centre, float radius, float rim_width, sf::Color fill,
                                                 sf::Color rim) {
    // Written so that NaN fails each test.
    if (!(near_a_canvas(centre) && radius > 0.0F && radius < 4096.0F && rim_width >= 0.0F && rim_width < 4096.0F))
        return std::nullopt;
    const float eighths_x = std::round(centre.x * 8.0F);
    const float eighths_y = std::round(centre.y * 8.0F);
    const float pixel_x = std::floor(eighths_x / 8.0F);
    const float pixel_y = std::floor(eighths_y / 8.0F);
    const Key key{radius, rim_width, fill.toInteger(), rim.toInteger(),
                  static_cast<std::uint8_t>(eighths_x - pixel_x * 8.0F), static_cast<std::uint8_t>(eighths_y - pixel_y * 8.0F)};
    const sf::Vector2i at(static_cast<int>(pixel_x), static_cast<int>(pixel_y));
    if (const auto found = tiles_.find(key); found != tiles_.end()) return Placed{&found->second, at};
    // `Canvas::disc` tints the pixels within half a pixel of the rim's outer edge.
    const int margin = static_cast<int>(std::ceil(std::max(radius, radius + rim_width / 2.0F) + 0.5F)) + 1;
    // Three transparent columns more on the right let every row be blended four pixels at a time.
    const auto side = static_cast<unsigned>(2 * margin + 1);
    const std::size_t bytes = static_cast<std::size_t>(side + 3) * side * 4 + side * sizeof(ColumnRun);
    if (bytes_ + bytes > budget_bytes) {
        full_ = true;
        return std::nullopt;
    }
    auto& made = *tiles_.emplace(key, PaintedTile{Canvas(), {}, {margin, margin}}).first;
    pending_.push_back(&made);
    bytes_ += bytes;
    return Placed{&made.second, at};
}

void DiscTiles::paint_pending() {
    if (pending_.empty()) return;
    for_each_row_share([&](RowShare share) {
        for (std::size_t i = share.index; i < pending_.size(); i += share.count) {
            auto& [key, painted] = *pending_[i];
            const auto side = static_cast<unsigned>(2 * painted.origin.x + 1);
            painted.pixels = Canvas({side + 3, side}, 0);
            const sf::Vector2f centre(static_cast<float>(painted.origin.x) + static_cast<float>(key.eighth_x) / 8.0F,
                                      static_cast<float>(painted.origin.y) + static_cast<float>(key.eighth_y) / 8.0F);
            painted.pixels.disc(centre, key.radius, key.rim_width, sf::Color(key.fill), sf::Color(key.rim));
            painted.runs = painted.pixels.visible_runs();
        }
    });
    pending_.clear();
}

void DiscTiles::trim() {
    if (!full_) return;
    tiles_.clear();
    pending_.clear();
    bytes_ = 0;
    full_ = false;
}

}  // namespace frontline::render::detail
