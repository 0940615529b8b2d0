#include "render/detail/tile_cover.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace frontline::render::detail {

TileCover::TileCover(sf::Vector2u target_size)
    : width_(target_size.x),
      height_(target_size.y),
      columns_((target_size.x + tile_px - 1) / tile_px),
      rows_((target_size.y + tile_px - 1) / tile_px),
      tiles_(columns_ * rows_, false) {}

void TileCover::cover(const sf::FloatRect& box) {
    // Every tile marked already: a story of many region discs gets there early.
    if (covered_ == tiles_.size() || box.width < 0.0F || box.height < 0.0F) return;
    const float right = box.left + box.width;
    const float bottom = box.top + box.height;
    if (right < 0.0F || bottom < 0.0F || box.left >= static_cast<float>(width_) || box.top >= static_cast<float>(height_))
        return;
    const auto tile = [](float pixel, std::size_t count) {
        const float index = std::floor(std::max(0.0F, pixel) / static_cast<float>(tile_px));
        return std::min(static_cast<std::size_t>(index), count - 1);
    };
    const std::size_t last_row = tile(bottom, rows_);
    const std::size_t last_column = tile(right, columns_);
    for (std::size_t row = tile(box.top, rows_); row <= last_row; ++row)
        for (std::size_t column = tile(box.left, columns_); column <= last_column; ++column) {
            const std::size_t index = row * columns_ + column;
            if (!tiles_[index]) {
                tiles_[index] = true;
                ++covered_;
            }
        }
}

void TileCover::add(const TileCover& other) {
    assert(other.columns_ == columns_ && other.rows_ == rows_);
    if (other.covered_ == 0) return;
    covered_ = 0;
    for (std::size_t i = 0; i < tiles_.size(); ++i) {
        tiles_[i] = tiles_[i] || other.tiles_[i];
        if (tiles_[i]) ++covered_;
    }
}

void TileCover::clear() {
    std::fill(tiles_.begin(), tiles_.end(), false);
    covered_ = 0;
}

std::vector<sf::IntRect> TileCover::runs(const sf::IntRect& clip) const {
    std::vector<sf::IntRect> found;
    const auto px = [](std::size_t tiles) { return static_cast<int>(tiles * tile_px); };
    for (std::size_t row = 0; row < rows_; ++row) {
        for (std::size_t column = 0; column < columns_;) {
            if (!tiles_[row * columns_ + column]) {
                ++column;
                continue;
            }
            std::size_t end = column;
            while (end < columns_ && tiles_[row * columns_ + end]) ++end;
            sf::IntRect run;
            if (sf::IntRect(px(column), px(row), px(end - column), px(1)).intersects(clip, run)) found.push_back(run);
            column = end;
        }
    }
    return found;
}

}  // namespace frontline::render::detail
