#pragma once

#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Vertex.hpp>

#include "events/event.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/symbology.hpp"

namespace frontline::render::detail {

/// What a sprite shows: an event glyph (shape, certainty, radius, colour), a precision-2 halo
/// (radius, colour), or the dot a spread glyph's spoke starts from.
struct SpriteKey {
    enum class Kind : std::uint8_t { glyph, halo, anchor };
    Kind kind = Kind::glyph;
    GlyphShape shape = GlyphShape::dot;
    Certainty certainty = Certainty::confirmed;
    float radius = 0.0F;
    std::uint32_t colour = 0;  ///< `sf::Color::toInteger()`

    auto operator<=>(const SpriteKey&) const = default;
};

/// A hash of every field of a `SpriteKey`: a frame looks up tens of thousands of them.
struct SpriteKeyHash {
    [[nodiscard]] std::size_t operator()(const SpriteKey& key) const noexcept {
        const std::uint64_t kinds = (static_cast<std::uint64_t>(key.kind) << 16U) |
                                    (static_cast<std::uint64_t>(key.shape) << 8U) |
                                    static_cast<std::uint64_t>(key.certainty);
        const std::uint64_t looks = (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(key.radius)) << 32U) |
                                    key.colour;
        return std::hash<std::uint64_t>{}(looks * 0x9E3779B97F4A7C15ULL ^ kinds);
    }
};

/// Quads of sprites as triangles, six vertices a quad: a plain vector, which a frame fills with
/// tens of thousands of vertices faster than `sf::VertexArray::append` does.
using SpriteQuads = std::vector<sf::Vertex>;

/// Small pictures the map repeats thousands of times (glyphs, halos), each rasterised once into
/// one texture with premultiplied alpha. A frame then draws 20,000 events as 20,000 quads blitted
/// from the atlas' image onto the canvas (`Canvas::draw_sprites`), or as textured quads in one
/// call where there is no canvas, instead of tessellating and rasterising 20,000 outlines. Each
/// quad is the box around what was painted and no more: every pixel a quad covers is blended,
/// transparent or not. (An octagon around a glyph covers a fifth fewer pixels but
/// costs three times the triangles, and llvmpipe then took 12 % longer per frame.)
class SpriteAtlas {
public:
    /// Paints a sprite centred on the point given, at full strength.
    using Painter = std::function<void(ShapeBatch&, sf::Vector2f centre)>;

    /// Side of the atlas texture: room for about 1,500 glyph sprites.
    static constexpr unsigned side = 2048;

    /// @return whether the texture could be made (false without an OpenGL context).
    bool ready();

    /// Appends to `quads` (sf::Triangles) a quad centred on `centre`, rounded to a whole pixel so
    /// that each pixel is one texel, showing the sprite for `key`, painted by `paint` the first
    /// time the key is seen, with colour and alpha scaled by `strength` (0-1). Returns false when
    /// the atlas is full or not ready: the caller draws the shape itself.
    template <typename Paint>
    bool add(SpriteQuads& quads, const SpriteKey& key, const Paint& paint, sf::Vector2f centre, float strength) {
        // A painter held by reference: a lambda with a few captures would be copied to the heap,
        // for each of a frame's tens of thousands of sprites.
        return add_quad(quads, key, Painter(std::cref(paint)), centre, strength);
    }

    /// Draws `quads` built by `add` onto `target`.
    void draw(sf::RenderTarget& target, const SpriteQuads& quads);

    /// The atlas in memory (premultiplied, top row first), for `Canvas::draw_sprites`: read back
    /// when sprites were painted since it last was. `target` is made active again afterwards.
    [[nodiscard]] const sf::Image& image(sf::RenderTarget& target);
    /// Whether `image` would read the atlas back (sprites were painted since it last did), which
    /// changes the image under anything drawing from it.
    [[nodiscard]] bool image_stale() const noexcept { return usable_ && painted_since_image_; }

private:
    /// Where a sprite was painted: the centre it was painted at, and the box around what was
    /// painted, relative to that centre.
    struct Cell {
        sf::Vector2f centre;
        sf::FloatRect box;
    };

    bool add_quad(SpriteQuads& quads, const SpriteKey& key, const Painter& paint, sf::Vector2f centre, float strength);
    std::optional<Cell> cell_for(const SpriteKey& key, const Painter& paint);
    void display_painted(sf::RenderTarget& target);

    sf::RenderTexture texture_;
    bool created_ = false;
    bool usable_ = false;
    bool painted_since_display_ = false;
    bool painted_since_image_ = true;
    sf::Image image_;
    std::unordered_map<SpriteKey, Cell, SpriteKeyHash> cells_;
    float shelf_left_ = 0.0F;
    float shelf_top_ = 0.0F;
    float shelf_height_ = 0.0F;
};

/// Blending for premultiplied colour (the atlas): "over" without
/// multiplying by alpha a second time.
[[nodiscard]] inline sf::BlendMode premultiplied_alpha() {
    return {sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha, sf::BlendMode::Add};
}

}  // namespace frontline::render::detail
