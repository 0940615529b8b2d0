// The CPU canvas the map's events are composited on, checked against what OpenGL draws for the
// same shapes (it stands in for it) and against coverage worked out by hand. Needs an X display
// for the comparisons with OpenGL (Xvfb; ctest provides one).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/System/Err.hpp>

#include "render/detail/canvas.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/detail/glyph_shapes.hpp"
#include "render/detail/disc_tiles.hpp"
#include "render/detail/draw_ahead.hpp"
#include "render/detail/layer_copy.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/segment_tiles.hpp"

namespace frontline::render {
namespace {

using detail::Canvas;
using detail::RowShare;
using detail::for_each_row_share;

bool have_display() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

/// The canvas' pixel at (x, y) from the top, premultiplied.
sf::Color at(const Canvas& canvas, unsigned x, unsigned y) {
    const std::size_t from_bottom = canvas.size().y - 1 - y;
    const std::uint8_t* p = canvas.data() + (from_bottom * canvas.size().x + x) * 4;
    return {p[0], p[1], p[2], p[3]};
}

/// The canvas as an image, top row first (the order `sf::Texture::copyToImage` gives).
sf::Image image_of(const Canvas& canvas) {
    sf::Image image;
    image.create(canvas.size().x, canvas.size().y);
    for (unsigned y = 0; y < canvas.size().y; ++y)
        for (unsigned x = 0; x < canvas.size().x; ++x) image.setPixel(x, y, at(canvas, x, y));
    return image;
}

struct Difference {
    int largest = 0;           ///< largest difference of a channel
    double share_above = 0.0;  ///< share of pixels with a channel off by more than the threshold
};

Difference compare(const sf::Image& a, const sf::Image& b, int threshold) {
    Difference found;
    std::size_t above = 0;
    const sf::Vector2u size = a.getSize();
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color p = a.getPixel(x, y);
            const sf::Color q = b.getPixel(x, y);
            const int off =
                std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b), std::abs(p.a - q.a)});
            found.largest = std::max(found.largest, off);
            if (off > threshold) ++above;
        }
    found.share_above = static_cast<double>(above) / (static_cast<double>(size.x) * size.y);
    return found;
}

/// Shapes of every kind the map draws: a glyph, lines at odd angles, a disc and a ring, in
/// colours that overlap.
detail::ShapeBatch sample_shapes() {
    detail::ShapeBatch batch;
    const detail::GlyphGeometry star = detail::glyph_geometry(GlyphShape::star);
    std::vector<sf::Vector2f> outline;
    for (const sf::Vector2f& p : star.outline) outline.push_back(sf::Vector2f(60.3F, 50.6F) + p * 30.0F);
    batch.filled(outline, star.triangles, sf::Color(200, 40, 30, 220));
    batch.polyline(outline, true, 1.7F, sf::Color(20, 20, 120));
    batch.segment({5.2F, 95.0F}, {150.7F, 20.1F}, 3.0F, sf::Color(30, 160, 60, 150));
    batch.disc({120.5F, 70.25F}, 18.3F, sf::Color(250, 200, 0, 90));
    batch.circle_outline({120.5F, 70.25F}, 18.3F, 1.2F, sf::Color(90, 60, 0, 200));
    return batch;
}

TEST(Canvas, FillsTrianglesAsFourTimesMultisampledOpenGlDoes) {
    if (!have_display()) GTEST_SKIP() << "no X display: run under xvfb-run (ctest does)";
    const sf::Vector2u size{170, 110};
    const sf::Color background(235, 230, 220);
    sf::ContextSettings settings;
    settings.antialiasingLevel = 4;
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(size.x, size.y, settings));
    if (target.getTexture().getNativeHandle() == 0) GTEST_SKIP() << "no texture";
    const detail::ShapeBatch shapes = sample_shapes();
    target.clear(background);
    shapes.draw(target);
    target.display();
    const sf::Image drawn = target.getTexture().copyToImage();

    Canvas canvas(size, background.toInteger());
    canvas.fill(shapes.vertices());
    // The same but for rounding, and where a stroke's segments overlap at a joint: OpenGL blends
    // those samples twice, the canvas once.
    EXPECT_LT(compare(image_of(canvas), drawn, 3).share_above, 0.005);
    EXPECT_LT(compare(image_of(canvas), drawn, 24).share_above, 0.001);
    EXPECT_LE(compare(image_of(canvas), drawn, 0).largest, 80);
    EXPECT_EQ(at(canvas, 3, 3), background);
}

TEST(Canvas, BlendsTheEdgesATranslucentShapesTrianglesShareOnce) {
    // A disc is a fan of triangles: inside it every pixel, on a shared edge or not, is the same.
    detail::ShapeBatch batch;
    batch.disc({40.0F, 40.0F}, 30.0F, sf::Color(0, 0, 200, 120));
    batch.segment({5.0F, 73.5F}, {75.0F, 73.5F}, 3.0F, sf::Color(200, 0, 0, 120));  // two triangles, corner to corner
    Canvas canvas({80, 80}, 0xFFFFFFFF);
    canvas.fill(batch.vertices());
    const sf::Color inside = at(canvas, 40, 40);
    for (unsigned y = 20; y < 60; ++y)
        for (unsigned x = 20; x < 60; ++x) ASSERT_EQ(at(canvas, x, y), inside) << x << ", " << y;
    const sf::Color along = at(canvas, 40, 73);
    for (unsigned x = 10; x < 70; ++x) EXPECT_EQ(at(canvas, x, 73), along) << x;
}

TEST(Canvas, CoversADiscByItsAreaAndLeavesTheRestAlone) {
    Canvas canvas({80, 80}, 0);
    const float radius = 20.0F;
    canvas.disc({40.3F, 39.6F}, radius, 1.0F, sf::Color(255, 0, 0, 100), sf::Color::Transparent);
    // Without a rim the summed alpha is the disc's area.
    double covered = 0.0;
    for (unsigned y = 0; y < 80; ++y)
        for (unsigned x = 0; x < 80; ++x) covered += at(canvas, x, y).a / 100.0;
    const double area = std::numbers::pi * radius * radius;
    EXPECT_NEAR(covered, area, 0.01 * area);
    EXPECT_EQ(at(canvas, 40, 40), sf::Color(100, 0, 0, 100));  // premultiplied
    EXPECT_EQ(at(canvas, 40, 5), sf::Color(0, 0, 0, 0));
    EXPECT_EQ(at(canvas, 2, 2), sf::Color(0, 0, 0, 0));
}

TEST(Canvas, DrawsADiscsRimOverItsFill) {
    Canvas canvas({60, 60}, 0xFFFFFFFF);
    canvas.disc({30.0F, 30.0F}, 20.0F, 4.0F, sf::Color(0, 0, 255, 60), sf::Color(0, 0, 0, 255));
    EXPECT_EQ(at(canvas, 30, 10), sf::Color(0, 0, 0, 255));  // on the rim: the rim's colour alone
    const sf::Color inside = at(canvas, 30, 30);
    EXPECT_NEAR(inside.r, 195, 1);
    EXPECT_EQ(inside.b, 255);
    EXPECT_EQ(at(canvas, 30, 3), sf::Color::White);
}

TEST(Canvas, CoversASegmentByItsArea) {
    Canvas canvas({60, 40}, 0);
    // Along a row: exactly one pixel high, from x = 9.5 to 40.5 with its square ends.
    canvas.segment({10.0F, 20.5F}, {40.0F, 20.5F}, 1.0F, sf::Color(0, 0, 0, 200));
    EXPECT_EQ(at(canvas, 20, 20).a, 200);
    EXPECT_EQ(at(canvas, 20, 19).a, 0);
    EXPECT_EQ(at(canvas, 20, 21).a, 0);
    EXPECT_EQ(at(canvas, 9, 20).a, 100);   // half of the pixel under the end
    EXPECT_EQ(at(canvas, 41, 20).a, 0);
    // At an angle the summed alpha is still its length (ends included) by its width.
    Canvas slanted({60, 60}, 0);
    slanted.segment({8.3F, 50.2F}, {47.9F, 11.7F}, 2.0F, sf::Color(0, 0, 0, 100));
    double covered = 0.0;
    for (unsigned y = 0; y < 60; ++y)
        for (unsigned x = 0; x < 60; ++x) covered += at(slanted, x, y).a / 100.0;
    const double area = (std::hypot(47.9 - 8.3, 11.7 - 50.2) + 2.0) * 2.0;
    EXPECT_NEAR(covered, area, 0.03 * area);
}

TEST(SegmentTiles, DrawASegmentAsCanvasSegmentDrawsIt) {
    detail::SegmentTiles tiles(1.0F, sf::Color(80, 80, 80, 120));
    const sf::Vector2u size(70, 60);
    // Every direction and length up to the longest offset's tenth, shallow and steep, and lines
    // that start or end off the canvas (cut at its edges), in both shares of rows at once.
    const std::vector<std::pair<sf::Vector2f, sf::Vector2f>> lines{
        {{30, 30}, {45, 31}}, {{30, 30}, {29, 12}}, {{30, 30}, {18, 41}}, {{30, 30}, {30, 36}},
        {{30, 30}, {23, 30}}, {{2, 3}, {-4, 9}},    {{68, 58}, {75, 50}}, {{10, 59}, {16, 66}},
        {{-1, 20}, {5, 20}}};
    for (const auto& [from, to] : lines) {
        Canvas computed(size, 0xF0F0E6FF);
        computed.segment(from, to, tiles.width(), tiles.colour());
        const detail::SegmentTiles::Tile* tile = tiles.tile(from, to);
        ASSERT_NE(tile, nullptr);
        Canvas tiled(size, 0xF0F0E6FF);
        for_each_row_share([&](RowShare share) { detail::SegmentTiles::draw(tiled, *tile, from, share); });
        // Within a level: the tile works out the cover at other coordinates, rounded otherwise.
        EXPECT_LE(compare(image_of(computed), image_of(tiled), 0).largest, 1)
            << "from (" << from.x << ", " << from.y << ") to (" << to.x << ", " << to.y << ")";
        EXPECT_GT(compare(image_of(Canvas(size, 0xF0F0E6FF)), image_of(tiled), 0).largest, 30);
    }
    // One tile an offset, wherever the line starts.
    EXPECT_EQ(tiles.tile({5, 5}, {20, 6}), tiles.tile({30, 30}, {45, 31}));
    // None for what `Canvas::segment` draws instead: no length, too long, or too far off.
    EXPECT_EQ(tiles.tile({5, 5}, {5, 5}), nullptr);
    EXPECT_EQ(tiles.tile({5, 5}, {5.0F + detail::SegmentTiles::longest_offset + 1, 5}), nullptr);
    EXPECT_EQ(tiles.tile({3e9F, 5}, {3e9F, 9}), nullptr);
}

TEST(DiscTiles, DrawADiscAsCanvasDiscDrawsItFaded) {
    detail::DiscTiles tiles;
    const sf::Vector2u size(60, 50);
    const sf::Color fill(200, 40, 40, 30);
    const sf::Color rim(200, 40, 40, 90);
    struct Disc {
        sf::Vector2f centre;
        float radius;
        float strength;
    };
    // Centres on an eighth of a pixel and between, full and faded, cut by the canvas' edges.
    const std::vector<Disc> discs{{{30.0F, 25.0F}, 9.2F, 1.0F},  {{30.375F, 24.625F}, 9.2F, 0.55F},
                                  {{12.3F, 40.9F}, 5.0F, 0.8F},  {{2.0F, 3.0F}, 9.2F, 1.0F},
                                  {{57.9F, 48.2F}, 14.0F, 0.3F}, {{30.0F, 25.0F}, 0.6F, 1.0F}};
    for (const Disc& disc : discs) {
        const float rim_width = std::max(0.125F, disc.radius / 32.0F);
        const auto placed = tiles.tile(disc.centre, disc.radius, rim_width, fill, rim);
        ASSERT_TRUE(placed.has_value());
        tiles.paint_pending();
        Canvas tiled(size, 0xF0F0E6FF);
        const auto level = detail::strength_level(disc.strength);
        for_each_row_share([&](RowShare share) { tiled.draw_tile(*placed->tile, placed->at, level, share); });
        // The disc itself, at its centre rounded to the eighth the tile was painted for.
        const sf::Vector2f rounded(std::round(disc.centre.x * 8.0F) / 8.0F, std::round(disc.centre.y * 8.0F) / 8.0F);
        Canvas computed(size, 0xF0F0E6FF);
        computed.disc(rounded, disc.radius, rim_width, detail::faded(fill, disc.strength),
                      detail::faded(rim, disc.strength));
        // Within two levels: the tile is painted at full strength and tinted after rounding.
        EXPECT_LE(compare(image_of(computed), image_of(tiled), 0).largest, 2)
            << "centre (" << disc.centre.x << ", " << disc.centre.y << ") strength " << disc.strength;
        EXPECT_GT(compare(image_of(Canvas(size, 0xF0F0E6FF)), image_of(tiled), 0).largest, 0);
    }
    // One tile for the discs that differ only in where they are by whole pixels, and in strength.
    const auto first = tiles.tile({30.0F, 25.0F}, 9.2F, 0.2875F, fill, rim);
    const auto moved = tiles.tile({3.0F, 41.0F}, 9.2F, 0.2875F, fill, rim);
    ASSERT_TRUE(first && moved);
    EXPECT_EQ(first->tile, moved->tile);
    EXPECT_EQ(moved->at, sf::Vector2i(3, 41));
    // None far off any canvas or of no size: `Canvas::disc` draws those.
    EXPECT_FALSE(tiles.tile({3e9F, 5.0F}, 9.2F, 0.3F, fill, rim));
    EXPECT_FALSE(tiles.tile({3.0F, 5.0F}, 0.0F, 0.3F, fill, rim));
}

TEST(DiscTiles, StartAgainOnceTheyTakeTheirBudget) {
    detail::DiscTiles tiles;
    // Discs of 60 px, a colour each and so a tile each: about 64 KB a tile.
    const auto disc = [&](std::uint32_t colour) {
        return tiles.tile({100.0F, 100.0F}, 60.0F, 2.0F, sf::Color((colour << 8U) | 0xFFU), sf::Color::Black);
    };
    std::uint32_t made = 0;
    while (disc(made + 1)) {
        ++made;
        ASSERT_LT(made, 10000U);
    }
    EXPECT_GT(made, 100U);
    EXPECT_TRUE(disc(1).has_value());  // a tile made before the budget was taken is still there
    tiles.paint_pending();
    tiles.trim();
    EXPECT_TRUE(disc(made + 1).has_value());
}

TEST(Canvas, BlitsSpritesTexelForTexelAndTintsThem) {
    // A 4x2 atlas: a premultiplied half-transparent red texel at (1, 0), the rest transparent
    // but for an opaque blue one at (2, 1).
    sf::Image atlas;
    atlas.create(4, 2, sf::Color::Transparent);
    atlas.setPixel(1, 0, sf::Color(128, 0, 0, 128));
    atlas.setPixel(2, 1, sf::Color(0, 0, 255, 255));
    const auto quad = [](std::vector<sf::Vertex>& quads, sf::Vector2f corner, sf::Uint8 tint) {
        const sf::Color colour(tint, tint, tint, tint);
        const sf::Vector2f corners[4] = {{0, 0}, {4, 0}, {4, 2}, {0, 2}};
        for (const int i : {0, 1, 2, 0, 2, 3}) quads.emplace_back(corner + corners[i], colour, corners[i]);
    };
    std::vector<sf::Vertex> quads;
    quad(quads, {10.0F, 5.0F}, 255);
    quad(quads, {20.0F, 5.0F}, 128);
    quad(quads, {-2.0F, 0.0F}, 255);  // hangs off the left edge
    Canvas canvas({30, 10}, 0xFFFFFFFF);
    canvas.draw_sprites(quads, atlas);
    EXPECT_EQ(at(canvas, 11, 5), sf::Color(255, 127, 127, 255));  // red at half over white
    EXPECT_EQ(at(canvas, 12, 6), sf::Color(0, 0, 255, 255));
    EXPECT_EQ(at(canvas, 10, 5), sf::Color::White);
    EXPECT_EQ(at(canvas, 22, 6), sf::Color(127, 127, 255, 255));  // blue at half strength
    EXPECT_EQ(at(canvas, 0, 1), sf::Color(0, 0, 255, 255));
}

TEST(Canvas, BlendsEveryRowLengthAsOnePixelAtATime) {
    // Rows are blended eight, four or one pixel at a time (and the last few through a mask), by
    // what the processor has: every length and tint must give the one-pixel arithmetic exactly.
    constexpr unsigned side = 48;
    sf::Image atlas;
    atlas.create(side, side, sf::Color::Transparent);
    unsigned seed = 12345U;
    const auto next = [&seed] {
        seed = seed * 1103515245U + 12345U;
        return (seed >> 16U) & 0xFFU;
    };
    for (unsigned y = 0; y < side; ++y)
        for (unsigned x = 0; x < side; ++x) {
            const auto alpha = static_cast<sf::Uint8>(x % 5 == 0 ? 0 : next());
            const auto channel = [&] { return static_cast<sf::Uint8>(alpha == 0 ? 0 : next() % (alpha + 1U)); };
            const sf::Uint8 r = channel();
            const sf::Uint8 g = channel();
            const sf::Uint8 b = channel();
            atlas.setPixel(x, y, sf::Color(r, g, b, alpha));  // premultiplied: no channel above alpha
        }
    const auto divide_by_255 = [](unsigned value) { return (value + 128U + ((value + 128U) >> 8U)) >> 8U; };
    for (const sf::Uint8 tint : {sf::Uint8{255}, sf::Uint8{140}}) {
        Canvas canvas({side + 8, side}, 0);
        std::vector<std::array<unsigned, 4>> expected(static_cast<std::size_t>(side + 8) * side);
        for (unsigned y = 0; y < side; ++y)
            for (unsigned x = 0; x < side + 8; ++x) {
                const sf::Color start(static_cast<sf::Uint8>(next()), static_cast<sf::Uint8>(next()),
                                      static_cast<sf::Uint8>(next()), 255);
                expected[y * (side + 8) + x] = {start.r, start.g, start.b, start.a};
            }
        // The canvas starts from the same pixels, drawn on as quads one pixel high.
        std::vector<sf::Vertex> fills;
        for (unsigned y = 0; y < side; ++y)
            for (unsigned x = 0; x < side + 8; ++x) {
                const auto& e = expected[y * (side + 8) + x];
                const sf::Color colour(static_cast<sf::Uint8>(e[0]), static_cast<sf::Uint8>(e[1]),
                                       static_cast<sf::Uint8>(e[2]), 255);
                const sf::Vector2f corners[4] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
                for (const int i : {0, 1, 2, 0, 2, 3})
                    fills.emplace_back(sf::Vector2f(static_cast<float>(x), static_cast<float>(y)) + corners[i], colour);
            }
        sf::VertexArray opaque(sf::Triangles);
        for (const sf::Vertex& v : fills) opaque.append(v);
        canvas.fill(opaque);
        // Row y is a quad 1 to `side` pixels long from atlas row y, starting at column y % 8.
        std::vector<sf::Vertex> quads;
        for (unsigned y = 0; y < side; ++y) {
            const auto length = static_cast<float>(y + 1);
            const auto left = static_cast<float>(y % 8);
            const sf::Vector2f corners[4] = {{0, 0}, {length, 0}, {length, 1}, {0, 1}};
            for (const int i : {0, 1, 2, 0, 2, 3})
                quads.emplace_back(sf::Vector2f(left, static_cast<float>(y)) + corners[i],
                                   sf::Color(tint, tint, tint, tint), sf::Vector2f(0.0F, static_cast<float>(y)) + corners[i]);
            for (unsigned k = 0; k <= y; ++k) {
                const sf::Color texel = atlas.getPixel(k, y);
                const std::array<unsigned, 4> source{texel.r, texel.g, texel.b, texel.a};
                std::array<unsigned, 4> tinted{};
                for (std::size_t c = 0; c < 4; ++c) tinted[c] = tint == 255 ? source[c] : divide_by_255(source[c] * tint);
                if (tinted[3] == 0 && source[3] == 0) continue;
                auto& pixel = expected[y * (side + 8) + y % 8 + k];
                for (std::size_t c = 0; c < 4; ++c)
                    pixel[c] = std::min(255U, tinted[c] + divide_by_255(pixel[c] * (255U - tinted[3])));
            }
        }
        canvas.draw_sprites(quads, atlas);
        for (unsigned y = 0; y < side; ++y)
            for (unsigned x = 0; x < side + 8; ++x) {
                const auto& e = expected[y * (side + 8) + x];
                ASSERT_EQ(at(canvas, x, y), sf::Color(static_cast<sf::Uint8>(e[0]), static_cast<sf::Uint8>(e[1]),
                                                      static_cast<sf::Uint8>(e[2]), static_cast<sf::Uint8>(e[3])))
                    << "tint " << unsigned{tint} << ", row " << y << " (" << y + 1 << " long), column " << x;
            }
    }
}

TEST(Canvas, DrawsNothingFromAnEmptyAtlasAndLeavesSfErrAlone) {
    // Without an atlas texture every glyph is drawn as geometry and the sprite passes get an
    // empty image. Asking it for its pixels wrote to sf::err() from both drawing threads at once,
    // which hung the renderer.
    std::ostringstream errors;
    std::streambuf* const kept = sf::err().rdbuf(errors.rdbuf());
    Canvas canvas({16, 16}, 0xFFFFFFFF);
    const sf::Image no_atlas;
    for_each_row_share([&](RowShare share) { canvas.draw_sprites({}, no_atlas, share); });
    std::vector<sf::Vertex> quad;
    for (const sf::Vector2f corner : {sf::Vector2f(2, 2), {6, 2}, {6, 6}, {2, 2}, {6, 6}, {2, 6}})
        quad.emplace_back(corner, sf::Color::White, corner);
    canvas.draw_sprites(quad, no_atlas);
    sf::err().rdbuf(kept);
    EXPECT_EQ(errors.str(), "");
    EXPECT_EQ(at(canvas, 4, 4), sf::Color::White);
}

TEST(Canvas, ScalesALayerUpAsSmoothOpenGlSamplingDoes) {
    if (!have_display()) GTEST_SKIP() << "no X display: run under xvfb-run (ctest does)";
    const sf::Vector2u small{21, 13};
    const sf::Vector2u size{168, 104};
    Canvas layer(small, 0);
    layer.disc({10.0F, 6.0F}, 5.0F, 1.0F, sf::Color(200, 30, 30, 120), sf::Color(60, 0, 0, 220));
    layer.disc({15.0F, 8.0F}, 4.0F, 0.5F, sf::Color(30, 30, 200, 90), sf::Color(0, 0, 60, 160));

    // OpenGL: the layer as a smooth texture stretched over a target, blended premultiplied.
    sf::Texture texture;
    ASSERT_TRUE(texture.loadFromImage(image_of(layer)));
    texture.setSmooth(true);
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(size.x, size.y));
    target.clear(sf::Color(240, 240, 230));
    sf::Sprite stretched(texture);
    stretched.setScale(static_cast<float>(size.x) / static_cast<float>(small.x),
                       static_cast<float>(size.y) / static_cast<float>(small.y));
    target.draw(stretched, sf::RenderStates(sf::BlendMode(sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha)));
    target.display();
    const sf::Image drawn = target.getTexture().copyToImage();

    Canvas canvas(size, sf::Color(240, 240, 230).toInteger());
    canvas.composite_scaled(layer, {sf::IntRect(0, 0, static_cast<int>(size.x), static_cast<int>(size.y))});
    const Difference difference = compare(image_of(canvas), drawn, 3);
    EXPECT_LT(difference.share_above, 0.001) << "largest difference " << difference.largest;

    // Only the runs given are touched.
    Canvas part(size, 0xFFFFFFFF);
    part.composite_scaled(layer, {sf::IntRect(0, 40, 168, 8)});
    EXPECT_EQ(at(part, 80, 39), sf::Color::White);
    EXPECT_NE(at(part, 80, 44), sf::Color::White);
}

TEST(Canvas, DrawsTheSameInSharesOfRowsAsAllAtOnce) {
    const detail::ShapeBatch shapes = sample_shapes();
    Canvas layer({21, 14}, 0);
    layer.disc({9.0F, 7.0F}, 6.0F, 1.0F, sf::Color(0, 120, 0, 80), sf::Color(0, 60, 0, 200));
    const auto draw = [&](Canvas& canvas, RowShare share) {
        canvas.fill(shapes.vertices(), share);
        canvas.disc({50.0F, 60.0F}, 33.0F, 1.5F, sf::Color(10, 10, 200, 40), sf::Color(10, 10, 90, 120), share);
        canvas.segment({0.0F, 0.0F}, {169.0F, 109.0F}, 1.0F, sf::Color(80, 80, 80, 120), share);
        canvas.composite_scaled(layer, {sf::IntRect(0, 0, 170, 110)}, share);
    };
    Canvas whole({170, 110}, 0xF0F0E6FF);
    draw(whole, RowShare{});
    Canvas shared({170, 110}, 0xF0F0E6FF);
    detail::for_each_row_share([&](RowShare share) { draw(shared, share); });
    EXPECT_EQ(compare(image_of(whole), image_of(shared), 0).largest, 0);
}

TEST(Canvas, PassesOnWhatADrawingThreadThrew) {
    EXPECT_THROW(detail::for_each_row_share([](RowShare share) {
                     if (share.index + 1 == share.count) throw std::runtime_error("drawing failed");
                 }),
                 std::runtime_error);
}

/// What `DrawAhead` drew on each of 64 rows, in the order drawn.
struct RowLog {
    std::array<std::vector<std::size_t>, 64> rows;

    void draw(std::size_t item, RowShare share) {
        for (unsigned y = 0; y < rows.size(); ++y)
            if (share.owns(y)) rows[y].push_back(item);
    }
};

TEST(DrawAhead, DrawsEveryItemOnEveryRowOnceAndInOrder) {
    for (const std::size_t handed_before_finish : {0UL, 1UL, 7UL, 40UL}) {
        RowLog log;
        {
            detail::DrawAhead ahead([&](std::size_t item, RowShare share) { log.draw(item, share); });
            for (std::size_t count = 1; count <= handed_before_finish; ++count) {
                ahead.hand_over(count);
                if (count == 5) ahead.drain();
            }
            ahead.finish(40);
        }
        std::vector<std::size_t> in_order(40);
        for (std::size_t i = 0; i < in_order.size(); ++i) in_order[i] = i;
        for (const auto& row : log.rows) EXPECT_EQ(row, in_order) << handed_before_finish << " handed over first";
    }
}

TEST(DrawAhead, DrainsWhatWasHandedOverBeforeItReturns) {
    RowLog log;
    detail::DrawAhead ahead([&](std::size_t item, RowShare share) { log.draw(item, share); });
    ahead.hand_over(3);
    ahead.drain();
    // Read while the second thread waits for more: drawn whole, all three.
    for (const auto& row : log.rows) EXPECT_EQ(row, (std::vector<std::size_t>{0, 1, 2}));
    ahead.finish(4);
    for (const auto& row : log.rows) EXPECT_EQ(row, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(DrawAhead, PassesOnWhatADrawingThreadThrewAndStopsWhenLeft) {
    {
        detail::DrawAhead ahead([](std::size_t item, RowShare) {
            if (item == 2) throw std::runtime_error("drawing failed");
        });
        ahead.hand_over(5);
        EXPECT_THROW(ahead.finish(6), std::runtime_error);
    }
    {
        detail::DrawAhead ahead([](std::size_t item, RowShare) {
            if (item == 0) throw std::runtime_error("drawing failed");
        });
        ahead.hand_over(1);
        // On one core there is no second thread: the item is drawn, and throws, in `finish`.
        if (std::thread::hardware_concurrency() >= 2) {
            EXPECT_THROW(ahead.drain(), std::runtime_error);
        }
    }
    // Left before `finish` (the caller threw): returns after the item being drawn.
    std::atomic<int> drawn = 0;
    {
        detail::DrawAhead ahead([&](std::size_t, RowShare) { ++drawn; });
        ahead.hand_over(2);
    }
    EXPECT_LE(drawn.load(), 2);
}

TEST(Canvas, UploadsIntoARegionOfTheTargetOnly) {
    if (!have_display()) GTEST_SKIP() << "no X display: run under xvfb-run (ctest does)";
    const sf::Vector2u size{64, 48};
    Canvas canvas(size, 0x204080FF);
    canvas.disc({32.0F, 24.0F}, 10.0F, 1.0F, sf::Color(255, 255, 0, 255), sf::Color(255, 255, 0, 255));
    for (const unsigned samples : {0U, 4U}) {
        sf::ContextSettings settings;
        settings.antialiasingLevel = samples;
        sf::RenderTexture target;
        ASSERT_TRUE(target.create(size.x, size.y, settings));
        target.clear(sf::Color::White);
        sf::Texture staging;
        detail::upload_canvas(canvas, staging, target, {8, 4, 48, 40});
        target.display();
        const sf::Image result = target.getTexture().copyToImage();
        EXPECT_EQ(result.getPixel(32, 24), sf::Color(255, 255, 0)) << samples << " samples";
        EXPECT_EQ(result.getPixel(10, 6), sf::Color(0x20, 0x40, 0x80)) << samples << " samples";
        EXPECT_EQ(result.getPixel(4, 24), sf::Color::White) << samples << " samples";
        EXPECT_EQ(result.getPixel(32, 46), sf::Color::White) << samples << " samples";
    }
}

TEST(Canvas, ReadsALayerAsItsTextureHoldsIt) {
    if (!have_display()) GTEST_SKIP() << "no X display: run under xvfb-run (ctest does)";
    const sf::Vector2u size{64, 48};
    for (const unsigned samples : {0U, 4U}) {
        sf::ContextSettings settings;
        settings.antialiasingLevel = samples;
        sf::RenderTexture layer;
        ASSERT_TRUE(layer.create(size.x, size.y, settings));
        layer.clear(sf::Color(0x20, 0x40, 0x80));
        detail::ShapeBatch shapes = sample_shapes();
        shapes.draw(layer);
        layer.display();
        Canvas expected;
        expected.assign(layer.getTexture().copyToImage());
        Canvas read({3, 2}, 0);
        detail::read_layer(layer, read);
        ASSERT_EQ(read.size(), size) << samples << " samples";
        EXPECT_EQ(compare(image_of(expected), image_of(read), 0).largest, 0) << samples << " samples";
        // Top row first in the image: the layer's top-left corner is the canvas' top-left.
        EXPECT_EQ(at(read, 0, 0), sf::Color(0x20, 0x40, 0x80)) << samples << " samples";
    }
}

}  // namespace
}  // namespace frontline::render
