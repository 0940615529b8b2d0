#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace frontline::render::detail {

/// The rows of a canvas one of `count` threads draws: strips of `strip_rows` rows dealt out in
/// turn, so that a map whose events crowd into one part still shares the work evenly.
struct RowShare {
    static constexpr unsigned strip_rows = 8;
    unsigned index = 0;
    unsigned count = 1;

    [[nodiscard]] bool owns(unsigned y) const noexcept { return count == 1 || (y / strip_rows) % count == index; }
};

/// Runs `draw` once for each share of a canvas' rows, the shares at once on threads of their
/// own (the machine's cores but at most two: the rasteriser's threads need the rest), and
/// returns when all are done; an exception thrown by one is rethrown here.
void for_each_row_share(const std::function<void(RowShare)>& draw);

/// The columns [first, end) of a row of a small canvas that show anything.
struct ColumnRun {
    unsigned first = 0;
    unsigned end = 0;
};

struct PaintedTile;

/// Whether `point` (canvas pixels) is within reach of any canvas, so that whole pixels around it
/// fit an int: false far off it, and for NaN.
[[nodiscard]] inline bool near_a_canvas(sf::Vector2f point) noexcept {
    constexpr float reach = 1 << 20;
    return std::abs(point.x) < reach && std::abs(point.y) < reach;
}

/// A picture in memory, premultiplied RGBA, that the map's event layers are composited on by the
/// CPU before it goes to the target in one upload. Mesa's software rasteriser (the only OpenGL
/// without a GPU) samples and blends a sprite's pixel in 4-10 ns; this does it in about one, and
/// a frame of playback composites over two million of them.
///
/// Rows are kept bottom to top, as an OpenGL texture holds them, so that the upload is one copy.
/// Coordinates given to the methods are target pixels, top to bottom. Each drawing method touches
/// only the rows of `share`, so that threads with different shares can draw on one canvas.
class Canvas {
public:
    Canvas() = default;
    /// `size` pixels of `premultiplied` (r, g, b, a).
    Canvas(sf::Vector2u size, std::uint32_t premultiplied);

    [[nodiscard]] sf::Vector2u size() const noexcept { return {width_, height_}; }
    /// The rows, bottom first, 4 bytes a pixel (r, g, b, a).
    [[nodiscard]] const std::uint8_t* data() const noexcept { return pixels_.data(); }

    /// The pixels of `image` (top row first, as `sf::Texture::copyToImage` gives them), taken as
    /// premultiplied: what OpenGL drew into an opaque or premultiplied layer.
    void assign(const sf::Image& image);

    /// The rows of a canvas made `size` pixels, bottom first, for the caller to fill whole (a
    /// framebuffer read into them); what they held is undefined until then.
    [[nodiscard]] std::uint8_t* rows_to_fill(sf::Vector2u size);

    /// Fills `triangles` (sf::Triangles, one colour each, as `ShapeBatch` makes them) blended as
    /// SFML's default `sf::BlendAlpha` blends them, with four samples a pixel (the pattern of 4x
    /// multisampling) for smooth edges. Consecutive triangles of one colour are one shape, each
    /// sample blended once however many of them cover it.
    void fill(const sf::VertexArray& triangles, RowShare share = {});

    /// A segment from `a` to `b`, `width` wide with square ends reaching `width / 2` beyond them
    /// (as `ShapeBatch::segment` makes it), of `colour` (straight alpha), each pixel tinted by the
    /// share of it the segment covers.
    void segment(sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour, RowShare share = {});

    /// Draws quads made by `SpriteAtlas::add` at scale 1 (whole pixels, one texel each) from
    /// `atlas`, premultiplied, each tinted by its vertices' colour as OpenGL modulates a texture.
    /// Draws nothing from an empty atlas.
    void draw_sprites(std::span<const sf::Vertex> quads, const sf::Image& atlas, RowShare share = {});

    /// A disc of `fill` with a ring of `rim` `rim_width` wide centred on its edge (straight alpha,
    /// blended as `fill` blends them), edges smoothed over a pixel.
    void disc(sf::Vector2f centre, float radius, float rim_width, sf::Color fill, sf::Color rim, RowShare share = {});

    /// Composites `layer` (smaller) over the pixels of `runs`, scaled up to the canvas' size and
    /// sampled bilinearly as OpenGL samples a smooth texture stretched over it.
    void composite_scaled(const Canvas& layer, const std::vector<sf::IntRect>& runs, RowShare share = {});

    /// Composites `layer` (premultiplied, the same size) over the whole canvas.
    void composite(const Canvas& layer, RowShare share = {});

    /// Blends `tile` over this canvas with its origin at pixel `at`, scaled by `tint` / 255 as
    /// `draw_sprites` tints a sprite.
    void draw_tile(const PaintedTile& tile, sf::Vector2i at, unsigned tint = 255, RowShare share = {});

    /// Each row's columns from its first pixel that is not transparent to its last, top row
    /// first; an empty run for a transparent row.
    [[nodiscard]] std::vector<ColumnRun> visible_runs() const;

private:
    [[nodiscard]] std::uint8_t* row(unsigned y) noexcept {
        return pixels_.data() + static_cast<std::size_t>(height_ - 1 - y) * width_ * 4;
    }
    [[nodiscard]] const std::uint8_t* row(unsigned y) const noexcept {
        return pixels_.data() + static_cast<std::size_t>(height_ - 1 - y) * width_ * 4;
    }

    unsigned width_ = 0;
    unsigned height_ = 0;
    std::vector<std::uint8_t> pixels_;
};

/// A small picture painted once and blended wherever it repeats (`Canvas::draw_tile`), each row
/// only in the columns that show anything.
struct PaintedTile {
    Canvas pixels;                ///< premultiplied; past a row's run, transparent
    std::vector<ColumnRun> runs;  ///< from `Canvas::visible_runs`
    sf::Vector2i origin;          ///< the pixel that goes where the tile is drawn
};

}  // namespace frontline::render::detail
