#pragma once

#include <cstddef>
#include <vector>

#include <SFML/Graphics/Rect.hpp>

namespace frontline::render::detail {

/// Which square tiles of a target something was drawn on, so that a layer is composited over
/// those tiles only: every composited pixel costs a software rasteriser a texture sample and a
/// blend, and a story's region discs usually cover a small part of the map.
class TileCover {
public:
    /// Tiles this many target pixels a side: a multiple of the area layer's divisor, so that a
    /// tile's edges fall on the layer's texels.
    static constexpr unsigned tile_px = 64;

    TileCover() = default;
    explicit TileCover(sf::Vector2u target_size);

    /// Marks every tile `box` (target pixels) touches; parts outside the target are ignored.
    void cover(const sf::FloatRect& box);
    /// Marks the tiles `other` (of the same target size) marked.
    void add(const TileCover& other);
    void clear();
    [[nodiscard]] bool empty() const { return covered_ == 0; }

    /// The marked tiles within `clip` as rectangles in target pixels: runs of marked tiles along
    /// each row of tiles, each cut to `clip`.
    [[nodiscard]] std::vector<sf::IntRect> runs(const sf::IntRect& clip) const;

private:
    unsigned width_ = 0;  ///< target pixels
    unsigned height_ = 0;
    std::size_t columns_ = 0;
    std::size_t rows_ = 0;
    std::vector<bool> tiles_;  ///< row by row
    std::size_t covered_ = 0;
};

}  // namespace frontline::render::detail
