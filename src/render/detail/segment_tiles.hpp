#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include <SFML/Graphics/Color.hpp>
#include <SFML/System/Vector2.hpp>

#include "render/detail/canvas.hpp"

namespace frontline::render::detail {

/// Segments of one width and colour between pixel corners, each painted once per offset between
/// its ends (by `Canvas::segment`) and blended from that tile wherever a segment of the offset is
/// drawn. A crowded story spreads thousands of glyphs around their places with a leader line back
/// to each; the offsets repeat, since every place's glyphs spread along the same spiral, and
/// blending a tile's few pixels a row costs a fraction of working out each pixel's cover.
class SegmentTiles {
public:
    /// A segment's tile, its origin the pixel corner it starts from.
    using Tile = PaintedTile;

    /// Segments no longer than this along either axis have tiles, ...
    static constexpr int longest_offset = 64;
    /// ... until the tiles take this many bytes.
    static constexpr std::size_t budget_bytes = 4UL * 1024UL * 1024UL;

    SegmentTiles(float width, sf::Color colour) : width_(width), colour_(colour) {}

    [[nodiscard]] float width() const noexcept { return width_; }
    [[nodiscard]] sf::Color colour() const noexcept { return colour_; }

    /// The tile of the segment from `from` to `to` (pixel corners: whole coordinates), painted
    /// now if need be; null for a segment of no length, past `longest_offset` or `budget_bytes`,
    /// or starting further off the canvas than any canvas reaches, which the caller draws with
    /// `Canvas::segment`. Tiles stay where they are while more are painted; none may be painted
    /// while others are drawn from another thread.
    const Tile* tile(sf::Vector2f from, sf::Vector2f to);

    /// Draws the segment from `from` (the pixel corner given to `tile()`) that `tile` shows.
    static void draw(Canvas& canvas, const Tile& tile, sf::Vector2f from, RowShare share) {
        canvas.draw_tile(tile, sf::Vector2i(static_cast<int>(from.x), static_cast<int>(from.y)), 255, share);
    }

private:
    float width_;
    sf::Color colour_;
    std::unordered_map<std::uint64_t, Tile> tiles_;  // by offset; nodes, so a tile never moves
    std::size_t bytes_ = 0;
};

}  // namespace frontline::render::detail
