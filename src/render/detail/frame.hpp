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
#include <SFML/Graphics/Texture.hpp>

#include "render/detail/canvas.hpp"
#include "render/detail/disc_tiles.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/detail/segment_tiles.hpp"
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

/// The events that settled by a day (see `fade_days`), drawn as the target shows them.
struct SettledLayers {
    Canvas marks;            ///< strokes, halos and glyphs
    Canvas areas;            ///< region discs, at the area layer's resolution
    TileCover area_cover;    ///< the tiles `areas` tints
    std::optional<Date> through;  ///< events that ended up to this day are in them; none: not drawn
    bool empty = true;
};

/// What a renderer keeps from one frame to the next, so that layers are rebuilt only when what
/// they show changed.
struct FrameCaches {
    SpriteAtlas sprites;
    /// The leader lines from a spread glyph back to its event's place.
    SegmentTiles spokes{1.0F, sf::Color(80, 80, 80, 120)};
    /// The region discs on the area layer (`areas`).
    DiscTiles discs;

    /// The land and the control snapshot's fills and front lines, as the view shows them.
    Layer ground;
    /// The view it was drawn in: a filter or the time window moves the glyphs, not the ground.
    std::optional<MapView> ground_view;
    std::uint64_t ground_control = 0;    ///< `Scene::control_revision()` drawn at
    const ControlSnapshot* ground_snapshot = nullptr;
    std::uint64_t ground_generation = 0;  ///< counts the times `ground` was drawn

    /// The ground as the canvases start from it: `ground` read back when first needed after it
    /// was drawn.
    Canvas ground_pixels;
    std::uint64_t ground_pixels_generation = 0;  ///< `ground_generation` read back; 0: none

    /// Region areas (geo_precision 3) are large faint discs, thousands of them in a big story:
    /// they are drawn onto this canvas at a fraction of the resolution (`area_layer_size` in
    /// renderer.cpp) and scaled up smoothly, which their soft look does not suffer from.
    Canvas areas;

    /// The settled events (see `fade_days`) as the target shows them. Moving the playhead on
    /// only adds the events that settled meanwhile, so a frame of playback draws a week of
    /// events, not the whole story; moving it back starts from the latest checkpoint before it.
    SettledLayers settled;
    std::uint64_t settled_placement = 0;  ///< `Scene::placement_revision()` they were drawn at; 0: none
    /// `settled` as it stood on some earlier days (`settled_checkpoint_spacing` apart), oldest
    /// first, for the same placement and size.
    std::vector<SettledLayers> settled_checkpoints;

    /// `ground_pixels` with `settled.marks` over it: the canvas a frame of playback starts from. The
    /// events that settle are drawn onto both while it is current.
    Canvas base;
    std::uint64_t base_ground_generation = 0;  ///< `ground_generation` it was composed on; 0: none

    /// The scene's still revision (`Scene::still_revision`) and the size the panels were last
    /// drawn at into a picture that keeps them: a pan or a zoom leaves them as they are, so a
    /// frame drawn after one does not draw them again. None when the last picture did not keep
    /// them.
    std::optional<std::pair<std::uint64_t, sf::Vector2u>> kept_panels;

    /// The frame's map as it is composited, and the texture it goes to the target through when
    /// it cannot go straight into the target's own (see `upload_canvas`).
    Canvas map_pixels;
    sf::Texture staging;

    /// The control fills as one zoom level shows them (each level a factor of two of zoom):
    /// triangulated from their polygons simplified to within a quarter of a pixel, so that a
    /// polygon traced in metres is not thousands of triangles too small to see. A pan stays at
    /// its level.
    struct ZoomedFills {
        std::uint64_t control_revision = 0;
        const ControlSnapshot* snapshot = nullptr;
        int level = 0;
        std::vector<sf::VertexArray> fills;  ///< by `ControlSnapshot::fills`
    };
    /// The last few levels drawn, the least recently drawn first: zooming in and back out again
    /// finds them.
    std::vector<ZoomedFills> zoomed_fills;

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
/// Brings the ground layer up to date (drawn and handed to the rasteriser when the view or the
/// control snapshot changed) and says whether `draw_ground_and_events` composites the events on
/// a canvas, which then replaces the pixels of the map frame and no others: it needs the layer.
[[nodiscard]] bool map_on_canvas(Frame& frame);
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
