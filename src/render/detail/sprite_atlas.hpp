#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include "events/event.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/symbology.hpp"

namespace frontline::render::detail {

/// What a sprite shows: an event glyph (shape, certainty, radius, colour), a precision-2 halo
/// (radius, colour), the dot a spread glyph's spoke starts from, or a region's area (colour; drawn
/// scaled to the region's size on screen).
struct SpriteKey {
    enum class Kind : std::uint8_t { glyph, halo, anchor, area };
    Kind kind = Kind::glyph;
    GlyphShape shape = GlyphShape::dot;
    Certainty certainty = Certainty::confirmed;
    float radius = 0.0F;
    std::uint32_t colour = 0;  ///< `sf::Color::toInteger()`

    auto operator<=>(const SpriteKey&) const = default;
};

/// Small pictures the map repeats thousands of times (glyphs, halos), each rasterised once into
/// one texture with premultiplied alpha. A frame then draws 20,000 events as 20,000 textured
/// quads in one call, instead of tessellating and rasterising 20,000 outlines. Each quad is the
/// box around what was painted and no more: a software rasteriser samples and blends every pixel
/// a quad covers, transparent or not. (An octagon around a glyph covers a fifth fewer pixels but
/// costs three times the triangles, and llvmpipe then took 12 % longer per frame.)
class SpriteAtlas {
public:
    /// Paints a sprite centred on the point given, at full strength.
    using Painter = std::function<void(ShapeBatch&, sf::Vector2f centre)>;

    /// Side of the atlas texture: room for about 1,500 glyph sprites.
    static constexpr unsigned side = 2048;

    /// @return whether the texture could be made (false without an OpenGL context).
    bool ready();

    /// How the quads of one array are drawn: sprites at the size they were painted at sit on whole
    /// pixels, so each pixel is one texel (`exact`, which a software rasteriser samples at about
    /// two thirds of the cost); enlarged ones are interpolated (`smooth`).
    enum class Sampling : std::uint8_t { exact, smooth };

    /// Appends to `quads` (sf::Triangles) a quad centred on `centre` showing the sprite for
    /// `key`, painted by `paint` the first time the key is seen, with colour and alpha scaled by
    /// `strength` (0-1). With `scale` 1 the centre is rounded to a whole pixel and the quads are
    /// for `Sampling::exact`; otherwise the sprite is enlarged by `scale`, for `Sampling::smooth`.
    /// Returns false when the atlas is full or not ready: the caller draws the shape itself.
    bool add(sf::VertexArray& quads, const SpriteKey& key, const Painter& paint, sf::Vector2f centre, float strength,
             float scale = 1.0F);

    /// Draws `quads` built by `add` onto `target`.
    void draw(sf::RenderTarget& target, const sf::VertexArray& quads, Sampling sampling);

private:
    /// Where a sprite was painted: the centre it was painted at, and the box around what was
    /// painted, relative to that centre.
    struct Cell {
        sf::Vector2f centre;
        sf::FloatRect box;
    };

    std::optional<Cell> cell_for(const SpriteKey& key, const Painter& paint);

    sf::RenderTexture texture_;
    bool created_ = false;
    bool usable_ = false;
    bool painted_since_display_ = false;
    std::map<SpriteKey, Cell> cells_;
    float shelf_left_ = 0.0F;
    float shelf_top_ = 0.0F;
    float shelf_height_ = 0.0F;
};

/// Blending for premultiplied colour (the atlas and the area layer): "over" without
/// multiplying by alpha a second time.
[[nodiscard]] inline sf::BlendMode premultiplied_alpha() {
    return {sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha, sf::BlendMode::Add};
}

}  // namespace frontline::render::detail
