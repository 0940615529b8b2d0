#pragma once

#include <vector>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>

#include "render/detail/geometry_batch.hpp"
#include "render/scene.hpp"

namespace frontline::render::detail {

/// What every part of one frame's drawing needs: the target, the scene, and the layout, view
/// and glyph placement for the target's size, computed once per frame.
struct Frame {
    sf::RenderTarget& target;
    const Scene& scene;
    const sf::Font& font;
    Layout layout;
    MapView view;
    std::vector<PlacedGlyph> glyphs;
    const sf::Shader* hatch = nullptr;  ///< hatches claimed ground; null: plain fills
};

/// How strongly event `index` is drawn (1 = fresh, down to 0.55 for month-old news), so the current
/// days stand out in a cumulative map.
[[nodiscard]] float recency(const Scene& scene, std::size_t index);

/// Draws `text` with its left edge at `x` and the middle of its ink at `centre_y`, on whole
/// pixels so it stays crisp. Returns the drawn width.
float draw_text(sf::RenderTarget& target, const sf::Font& font, const sf::String& text, unsigned size, float x,
                float centre_y, sf::Color colour, sf::Uint32 style = 0);

// The parts of a frame, in drawing order (renderer.cpp and panels.cpp).
void draw_base_layer(Frame& frame);
void draw_control(Frame& frame);
void draw_events(Frame& frame);
void draw_labels(Frame& frame);
void draw_scale_bar(Frame& frame);
void draw_title_bar(Frame& frame);
void draw_legend(Frame& frame);
void draw_timeline(Frame& frame);
void draw_tooltip(Frame& frame);

/// A glyph of `shape` at `centre`, radius `radius`, as the map draws an event of `certainty`.
void draw_glyph(ShapeBatch& batch, GlyphShape shape, sf::Vector2f centre, float radius, sf::Color colour,
                Certainty certainty, float strength);

}  // namespace frontline::render::detail
