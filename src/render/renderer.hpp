#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>

#include "render/scene.hpp"

namespace frontline::render {

namespace detail {
struct FrameCaches;
}  // namespace detail

/// Draws one frame of `scene` over the whole of `target`, laid out by `Layout::for_viewport` of
/// the target's size (the scene's view is reframed when that differs from its viewport):
///
/// - the map: sea, land, borders, the visible events (glyph by type, colour by actor1, size by
///   mentions; a halo for geo_precision 2, a faint disc for 3; filled when confirmed, light when
///   reported, hollow and dashed when claimed; borders and regions as strokes; older events
///   fainter), place labels that never overlap (the most important win), a scale bar;
/// - the title bar (current date, counts), the legend (types and actors in the scene, with
///   visible counts), and the timeline (events per day, physical and statements stacked, the
///   playhead, the sliding window, calendar ticks);
/// - the selected event's side panel over the right of the map (its coding, then every mention
///   with its article and sentence);
/// - the hovered event's ring and tooltip, the tooltip's top-left corner 16 px right of and below
///   the glyph centre, or on the other side where it would leave the map.
///
/// Under the events, the control snapshot in force (`Scene::control()`): each holder's ground in
/// its actor colour (listed in the legend with its area), ground taken on a claim hatched by
/// `hatch` (`load_hatch_shader()`) or, when it is null, filled plainly and lighter, and the front
/// lines between holders.
///
/// Sets the target's view to its pixel grid. Text is UTF-8 throughout.
void draw(sf::RenderTarget& target, const Scene& scene, const sf::Font& font, const sf::Shader* hatch = nullptr);

/// A legend row that filters the map: clicking it shows or hides every event of that type, or
/// every event whose first actor is that actor ("" for an unknown one).
struct LegendToggle {
    enum class Kind { event_type, actor };
    Kind kind = Kind::event_type;
    std::string key;
};

/// The filter toggled by the legend row under `screen` as `draw` lays the legend out for the
/// scene's viewport; none over headings, other rows, or outside the legend.
[[nodiscard]] std::optional<LegendToggle> legend_toggle_at(const Scene& scene, sf::Vector2f screen);

/// Draws frame after frame of a scene as `draw` does, keeping the picture (everything but the
/// hovered event's ring and tooltip) in an off-screen texture: a frame in which the scene's
/// revision and the target's size are unchanged copies that texture and draws the hover over it,
/// instead of building and rasterising every layer again.
class Renderer {
public:
    /// `font` and `hatch` (may be null) must outlive the renderer. Needs an OpenGL context.
    explicit Renderer(const sf::Font& font, const sf::Shader* hatch = nullptr);
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;
    ~Renderer();

    /// One frame of `scene` over the whole of `target` (see `draw`).
    void draw(sf::RenderTarget& target, const Scene& scene);

    /// A preview of a pan or a zoom in progress, in a few milliseconds instead of a whole frame's
    /// drawing: the map of the last picture moved and scaled to the scene's view, the parts it does
    /// not cover in the map's background, the scale bar of the view, the panels as they were.
    /// Glyphs keep the size and spread they were drawn with until the next `draw`, which a
    /// viewer calls once the view rests. Returns false, drawing nothing, unless the last picture
    /// was drawn at the target's size and only the view changed since (`Scene::still_revision`),
    /// or while a side panel is open over the map.
    bool draw_moved(sf::RenderTarget& target, const Scene& scene);

private:
    const sf::Font& font_;
    const sf::Shader* hatch_;
    sf::RenderTexture picture_;
    bool picture_ok_ = false;          ///< whether `picture_` could be made at `picture_size_`
    sf::Vector2u picture_size_;
    std::uint64_t picture_revision_ = 0;  ///< scene revision the picture shows; 0: none
    /// The picture's map alone, before the scale bar and the panels went over it: what
    /// `draw_moved` moves.
    sf::RenderTexture map_picture_;
    bool map_picture_ok_ = false;
    std::uint64_t picture_still_revision_ = 0;  ///< `Scene::still_revision()` of the picture
    std::optional<MapView> picture_view_;       ///< the view the picture was drawn in
    std::unique_ptr<detail::FrameCaches> caches_;  ///< layers kept between pictures (sprites, strokes)
};

}  // namespace frontline::render
