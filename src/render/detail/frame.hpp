#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>

#include "render/detail/geometry_batch.hpp"
#include "render/detail/sprite_atlas.hpp"
#include "render/detail/tile_cover.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"

namespace frontline::render::detail {

/// An off-screen layer kept from one frame to the next.
struct Layer {
    sf::RenderTexture texture;
    sf::Vector2u size;   ///< the size `texture` was made at
    bool made = false;   ///< false: the driver could not make a texture of `size`
    bool drawn = false;  ///< false: made afresh since it was last drawn, so it holds nothing

    /// (Re)makes the texture at `wanted` unless it is that size already; false when it cannot be
    /// made.
    bool ensure(sf::Vector2u wanted);
};

/// What a renderer keeps from one frame to the next, so that layers are rebuilt only when what
/// they show changed.
struct FrameCaches {
    SpriteAtlas sprites;

    /// The land and the control snapshot's fills and front lines, as the view shows them.
    Layer ground;
    std::uint64_t ground_placement = 0;  ///< `Scene::placement_revision()` drawn at; 0: none
    std::uint64_t ground_control = 0;    ///< `Scene::control_revision()` drawn at
    const ControlSnapshot* ground_snapshot = nullptr;
    std::uint64_t ground_generation = 0;  ///< counts the times `ground` was drawn

    /// Region areas (geo_precision 3) are large faint discs, thousands of them in a big story:
    /// they are drawn into this texture at a fraction of the resolution (`area_layer_size` in
    /// renderer.cpp) and scaled up smoothly, which their soft look does not suffer from.
    Layer areas;

    /// The settled events (see `fade_days`) as the target shows them: their strokes, halos and
    /// glyphs in `settled`, their region discs in `settled_areas` (at the area layer's
    /// resolution). Moving the playhead on only adds the events that settled meanwhile, so a
    /// frame of playback draws a week of events, not the whole story.
    Layer settled;
    Layer settled_areas;
    std::uint64_t settled_placement = 0;  ///< `Scene::placement_revision()` they were drawn at; 0: none
    std::optional<Date> settled_through;        ///< events that ended up to this day are in them
    std::optional<Date> settled_marks_through;  ///< ... in `settled` itself (see `base`)
    bool settled_empty = true;
    TileCover settled_area_cover;  ///< the tiles `settled_areas` tints
    std::uint64_t settled_generation = 0;  ///< counts the times `settled` was started afresh

    /// `ground` with the settled events' marks over it: the one layer a frame of playback starts
    /// from, copied whole. The events that settle are drawn onto it alone while it is current;
    /// when the ground or the settled layers start afresh, `settled` catches up and the two are
    /// composed again.
    Layer base;
    std::uint64_t base_ground_generation = 0;
    std::uint64_t base_settled_generation = 0;

    /// Front lines as strokes on screen for one control snapshot at one zoom; panning only moves
    /// them, so they are drawn shifted instead of rebuilt.
    sf::VertexArray fronts{sf::Triangles};
    std::uint64_t fronts_control_revision = 0;
    std::size_t fronts_snapshot = 0;
    double fronts_pixels_per_km = 0.0;
    sf::FloatRect fronts_frame;
    PlanePoint fronts_centre;
};

/// What every part of one frame's drawing needs: the target, the scene, and the layout, view
/// and glyph placement for the target's size, computed once per frame. At the scene's own
/// viewport size the scene's cached placement is used as it is.
struct Frame {
    Frame(sf::RenderTarget& target, const Scene& scene, const sf::Font& font, const sf::Shader* hatch,
          FrameCaches& caches);
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    sf::RenderTarget& target;
    const Scene& scene;
    const sf::Font& font;
    Layout layout;
    MapView view;
    const sf::Shader* hatch = nullptr;  ///< hatches claimed ground; null: plain fills
    FrameCaches& caches;

    /// The visible events' glyphs as `view` shows them, in drawing order.
    [[nodiscard]] const std::vector<PlacedGlyph>& glyphs() const {
        return reframed_glyphs_ ? *reframed_glyphs_ : scene.placed_glyphs();
    }

private:
    std::optional<std::vector<PlacedGlyph>> reframed_glyphs_;  ///< for a target of another size than the scene's
};

/// In a cumulative map an event fades for this many days after it ended, then stays as it is: the
/// current week stands out, and the renderer draws the settled events once.
constexpr int fade_days = 7;

/// How strongly event `index` is drawn (1 = fresh, down to 0.55 once settled in a cumulative map,
/// 0.5 at the far end of a sliding window).
[[nodiscard]] float recency(const Scene& scene, std::size_t index);

/// Draws `text` with its left edge at `x` and the middle of its ink at `centre_y`, on whole
/// pixels so it stays crisp. Returns the drawn width.
float draw_text(sf::RenderTarget& target, const sf::Font& font, const sf::String& text, unsigned size, float x,
                float centre_y, sf::Color colour, sf::Uint32 style = 0);

// The parts of a frame, in drawing order (renderer.cpp and panels.cpp).
void draw_base_layer(Frame& frame);
void draw_control(Frame& frame);
/// The ground (land, control) and the events over it.
void draw_ground_and_events(Frame& frame);
void draw_labels(Frame& frame);
void draw_scale_bar(Frame& frame);
void draw_title_bar(Frame& frame);
/// The legend's rows for `scene` in `panel`: headings, rows (those of event types and actors
/// toggle a filter) and their icons, laid out top to bottom until the panel is full.
struct LegendPlan {
    struct Row {
        sf::String label;
        std::string count;
        float centre_y = 0.0F;
        std::optional<LegendToggle> toggle;
        bool shown = true;  ///< false: filtered out
    };
    std::vector<Row> rows;
    std::vector<std::pair<sf::String, float>> headings;  ///< text, centre y
    ShapeBatch icons;
};
[[nodiscard]] LegendPlan plan_legend(const Scene& scene, const sf::FloatRect& panel);

void draw_legend(Frame& frame);
void draw_timeline(Frame& frame);
/// Where the selected event's side panel goes: over the right of the map.
[[nodiscard]] sf::FloatRect selection_panel(const Layout& layout);
/// The selected event's side panel: its coding, then every mention with its article and sentence
/// (as many as fit; the rest counted).
void draw_selection(Frame& frame);
/// The hovered glyph's ring and the tooltip: drawn over a finished picture.
void draw_hover(Frame& frame);

/// A glyph of `shape` at `centre`, radius `radius`, as the map draws an event of `certainty`.
void draw_glyph(ShapeBatch& batch, GlyphShape shape, sf::Vector2f centre, float radius, sf::Color colour,
                Certainty certainty, float strength);

}  // namespace frontline::render::detail
