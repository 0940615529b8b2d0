#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SFML/Graphics/Color.hpp>
#include <SFML/System/Vector2.hpp>

#include "events/event.hpp"
#include "render/base_layer.hpp"
#include "render/control_layer.hpp"
#include "render/layout.hpp"
#include "render/map_view.hpp"
#include "render/projection.hpp"
#include "render/symbology.hpp"

namespace frontline::render {

/// Which dated events the map shows at the current day.
enum class TimeWindow {
    cumulative,  ///< everything that started on or before the current day
    sliding,     ///< only what was going on during the last `window_days()` days
};

/// How one event appears on the map, worked out once when the scene is built.
struct EventFigure {
    bool on_map = false;            ///< a physical event with a location and a start date
    std::vector<PlanePoint> marks;  ///< where its glyph goes: the anchor, or each point of a MULTIPOINT
    /// Strokes: LINESTRING parts (a border) and polygon rings (a region's outline).
    std::vector<std::vector<PlanePoint>> lines;
    GlyphShape glyph = GlyphShape::dot;
    sf::Color colour;     ///< actor1's colour
    float radius = 0.0F;  ///< glyph radius in pixels, from the mention count
    std::size_t type_id = 0;   ///< its event type's index in `Scene::event_type_names()`
    std::size_t actor_id = 0;  ///< actor1's index in `Scene::actor_names()`
};

/// A glyph where the renderer draws it. Events at the same place (within a few pixels at the
/// current zoom) are spread around it on a sunflower spiral, oldest nearest, so that twenty
/// events in one town stay twenty glyphs.
struct PlacedGlyph {
    std::size_t event = 0;  ///< index into `Scene::events()`
    sf::Vector2f position;  ///< glyph centre on screen
    sf::Vector2f anchor;    ///< the event's own point on screen (== position when not spread)
    float radius = 0.0F;
};

/// Glyphs placed one event at a time, in drawing order: marks within a few pixels of a group's
/// anchor (its first mark) join the group and spread around it as a sunflower, the first on the
/// place itself and each later one further out. A glyph's spot depends only on the glyphs placed
/// before it, so a placement can be carried on as the playhead brings new events, and cut back
/// when it takes them away.
class GlyphPlacement {
public:
    explicit GlyphPlacement(const MapView& view);

    /// Places event `event`'s glyphs of `radius`, one at each of `marks` (plane coordinates).
    void add(std::size_t event, const std::vector<PlanePoint>& marks, float radius);

    /// Every glyph placed so far, in the order placed.
    [[nodiscard]] const std::vector<PlacedGlyph>& glyphs() const noexcept { return glyphs_; }

    /// Takes back the glyphs placed after the first `count`, leaving the placement as it was
    /// when it held those alone.
    void truncate(std::size_t count);

private:
    static constexpr std::uint32_t no_group = 0xffffffffU;
    struct Group {
        sf::Vector2f anchor;
        std::size_t members = 0;
        float largest = 0.0F;  ///< the largest glyph radius among the members
        std::uint32_t next = no_group;      ///< the next newer group in its cell
        std::uint32_t previous = no_group;  ///< the next older group in its cell
    };
    /// The groups whose anchors fall in one cell of the merge grid, oldest first, linked
    /// through `Group::next`.
    struct Cell {
        std::uint32_t oldest = no_group;
        std::uint32_t newest = no_group;
    };

    [[nodiscard]] bool is_near(std::int64_t column, std::int64_t row) const noexcept;
    [[nodiscard]] std::size_t near_index(std::int64_t column, std::int64_t row) const noexcept;
    /// The cell of grid column `column`, row `row`; null when it has no group.
    [[nodiscard]] const Cell* find_cell(std::int64_t column, std::int64_t row) const;
    Cell& cell(std::int64_t column, std::int64_t row);

    MapView view_;
    std::vector<Group> groups_;
    /// The grid, as wide as the merge distance: a mark looks at the 3x3 cells around it. The
    /// cells over the map frame and a margin round it are in `near_`, a flat array (a mark on
    /// screen finds its cells without hashing); the rest of the plane in `far_`.
    std::int64_t near_left_ = 0;
    std::int64_t near_top_ = 0;
    std::int64_t near_columns_ = 0;
    std::int64_t near_rows_ = 0;
    std::vector<Cell> near_;
    std::unordered_map<std::uint64_t, Cell> far_;
    std::vector<PlacedGlyph> glyphs_;
    /// For each glyph, what placing it changed: the group it joined (started, when the group has
    /// it alone) and that group's largest radius before.
    struct Placing {
        std::size_t group = 0;
        float largest_before = 0.0F;
    };
    std::vector<Placing> placings_;
};

/// Events per day of the scene's range, for the timeline histogram.
struct DayCount {
    unsigned physical = 0;
    unsigned statements = 0;
};

/// Everything the renderer and the viewer draw: the events, the base map, the projection and
/// view, the timeline position and the hovered event. Building it projects and triangulates once;
/// moving the view or the playhead afterwards is cheap.
class Scene {
public:
    /// Builds a scene over `range` in a viewport of `viewport` pixels, framed on its events
    /// (`fit_to_events()`) with the playhead on the last day of the range, in cumulative mode.
    /// An event whose WKT cannot be read is drawn at its anchor.
    /// @throws UsageError for an empty viewport.
    Scene(std::vector<Event> events, BaseLayer base, DateRange range, sf::Vector2u viewport = {1280, 800});

    /// The events as given, in the given order; every index in the scene refers to this vector.
    [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }
    /// How each event is drawn, parallel to `events()`.
    [[nodiscard]] const std::vector<EventFigure>& figures() const noexcept { return figures_; }
    /// The events' types, each once, sorted (`EventFigure::type_id` indexes them).
    [[nodiscard]] const std::vector<std::string>& event_type_names() const noexcept { return event_type_names_; }
    /// The events' first actors ("" for an unknown one), each once, sorted (`EventFigure::actor_id`).
    [[nodiscard]] const std::vector<std::string>& actor_names() const noexcept { return actor_names_; }
    /// The base layer as given (labels are placed from it at every frame).
    [[nodiscard]] const BaseLayer& base() const noexcept { return base_; }
    /// The base layer's outlines on the plane, and their fill as triangles (three points each).
    [[nodiscard]] const std::vector<std::vector<PlanePoint>>& land_outlines() const noexcept { return land_outlines_; }
    [[nodiscard]] const std::vector<PlanePoint>& land_triangles() const noexcept { return land_triangles_; }
    /// The days the timeline spans.
    [[nodiscard]] const DateRange& range() const noexcept { return range_; }
    /// Centred on the events (else the base layer) when the scene was built; fixed afterwards.
    [[nodiscard]] const MapProjection& projection() const noexcept { return projection_; }

    /// Optional heading shown next to the date in the title bar ("Kobane, autumn 2014").
    [[nodiscard]] const std::string& title() const noexcept { return title_; }
    /// Sets the heading; an empty one shows the date alone.
    void set_title(std::string title) {
        title_ = std::move(title);
        changed();
    }

    /// Changes whenever anything drawn changes (view, viewport, playhead, window, filters, control,
    /// title, the selected event), but not with the hovered event, which is drawn over the rest. Revisions are unique
    /// across all scenes of the process, so a renderer that kept a picture of revision r knows the
    /// picture is current for whichever scene now has revision r.
    [[nodiscard]] std::uint64_t revision() const noexcept { return revision_; }
    /// The revision at which the view, the viewport, the time window or a filter last changed:
    /// everything that decides where the glyphs of the shown events go, other than the playhead.
    /// While it stays, moving the playhead on in a cumulative map only adds glyphs (see
    /// `placed_glyphs`), which lets a renderer keep what it drew of the older ones.
    [[nodiscard]] std::uint64_t placement_revision() const noexcept { return placement_revision_; }
    /// The revision of the last change other than a pan or a zoom: while it stays, a picture drawn
    /// since then, moved and scaled, shows what the scene shows now, but for where glyphs that
    /// crowd together are spread (a viewer previews a drag with it, see `Renderer::draw_moved`).
    [[nodiscard]] std::uint64_t still_revision() const noexcept { return still_revision_; }

    // --- control -------------------------------------------------------------------------

    /// Sets who held what over time, drawn under the events; `snapshots` in time order, built
    /// with `control_snapshots(timeline, projection())`. Replaces any earlier control layer.
    void set_control(std::vector<ControlSnapshot> snapshots) {
        control_ = std::move(snapshots);
        changed();
        control_revision_ = revision_;
    }
    /// The revision at which the control layer was last set, or the scene made: no two scenes
    /// share one. Renderers keep the ground and the strokes built from it.
    [[nodiscard]] std::uint64_t control_revision() const noexcept { return control_revision_; }
    /// Every control snapshot, in time order (empty without a control layer).
    [[nodiscard]] const std::vector<ControlSnapshot>& control_snapshots() const noexcept { return control_; }
    /// The snapshot in force at the end of the current day; null before the first or without one.
    [[nodiscard]] const ControlSnapshot* control() const;

    // --- view ----------------------------------------------------------------------------

    /// Size in pixels of the window or image the scene is laid out for.
    [[nodiscard]] sf::Vector2u viewport() const noexcept { return viewport_; }
    /// `Layout::for_viewport(viewport())`, kept with the scene.
    [[nodiscard]] const Layout& layout() const noexcept { return layout_; }
    /// What part of the plane shows in `layout().map`.
    [[nodiscard]] const MapView& view() const noexcept { return view_; }
    /// Resizes the viewport, keeping what the map showed in view (see `MapView::reframed`).
    /// An empty size (a minimised window) is ignored.
    void set_viewport(sf::Vector2u viewport);
    /// Frames every event on the map with 48 px to spare, at least 30 km across so a single town
    /// is not a dot; with no event on the map, the base layer; with neither, 1000 km around the
    /// projection origin.
    void fit_to_events();
    /// Frames the box from `south_west` to `north_east` (lon/lat) as tightly as the map's shape
    /// allows: every point of it shows, centred.
    void fit_to(const LonLat& south_west, const LonLat& north_east);
    /// Moves the map content by (dx, dy) pixels.
    void pan(float dx, float dy) {
        view_.pan(dx, dy);
        view_moved();
    }
    /// Zooms by `factor` (> 1 zooms in) keeping the point under `screen` in place.
    void zoom_at(sf::Vector2f screen, double factor) {
        view_.zoom_at(screen, factor);
        view_moved();
    }
    /// Where `position` shows in the viewport (possibly outside the map frame).
    [[nodiscard]] sf::Vector2f to_screen(const LonLat& position) const {
        return view_.to_screen(projection_.forward(position));
    }
    /// The position under a screen point, or nothing off the edge of the world.
    [[nodiscard]] std::optional<LonLat> to_lonlat(sf::Vector2f screen) const {
        return projection_.inverse(view_.to_plane(screen));
    }
    /// The axis of the timeline histogram in the current layout.
    [[nodiscard]] TimelineAxis timeline_axis() const;

    // --- time ----------------------------------------------------------------------------

    /// The playhead: the day the map shows.
    [[nodiscard]] const Date& current() const noexcept { return current_; }
    /// Moves the playhead; a day outside the range is clamped into it.
    void set_current(const Date& day);
    /// Cumulative (the default) or sliding.
    [[nodiscard]] TimeWindow window() const noexcept { return window_; }
    void set_window(TimeWindow window) noexcept {
        window_ = window;
        placement_changed();
    }
    /// Length of the sliding window in days, 7 unless set; unused while cumulative.
    [[nodiscard]] int window_days() const noexcept { return window_days_; }
    /// @throws UsageError for fewer than one day.
    void set_window_days(int days);
    /// First day the sliding window covers (the current day in a one-day window).
    [[nodiscard]] Date window_start() const { return current_.plus_days(1 - window_days_); }

    /// Whether event `index` shows at the current day: its type and first actor are not filtered
    /// out, it started on or before the day and, in a sliding window, had not ended before the
    /// window's first day. Undated events never show.
    [[nodiscard]] bool is_visible(std::size_t index) const;
    /// Days since event `index` ended, counted from the current day (0 while it is going on).
    [[nodiscard]] long age_days(std::size_t index) const;
    /// The closest day before / after the current one on which some event starts.
    [[nodiscard]] std::optional<Date> previous_event_date() const;
    [[nodiscard]] std::optional<Date> next_event_date() const;
    /// Events starting on each day of the range, index 0 = `range().first()`.
    [[nodiscard]] const std::vector<DayCount>& daily_counts() const noexcept { return daily_counts_; }
    /// Visible events, split as in `DayCount`.
    [[nodiscard]] DayCount visible_counts() const;

    // --- filters (the legend's toggles) -------------------------------------------------------

    /// Shows or hides every event of `event_type`; all types show at first. A type no event has
    /// has nothing to hide: the scene is left as it is.
    void set_type_shown(const std::string& event_type, bool shown);
    /// Shows or hides every event whose first actor is `actor` ("" for an unknown one), as above.
    void set_actor_shown(const std::string& actor, bool shown);
    [[nodiscard]] bool type_shown(const std::string& event_type) const;
    [[nodiscard]] bool actor_shown(const std::string& actor) const;

    // --- placement and hover ---------------------------------------------------------------

    /// Glyphs of the visible events on the map as `view` shows them, in drawing order (oldest
    /// first, so the newest is on top). Glyphs at one place form a sunflower around it, the
    /// oldest on the place itself; a glyph's position depends only on the events drawn before it.
    [[nodiscard]] std::vector<PlacedGlyph> placed_glyphs(const MapView& view) const;
    /// `placed_glyphs(view())`, worked out once per revision (hover tests and the renderer ask for
    /// it at every mouse move and frame).
    [[nodiscard]] const std::vector<PlacedGlyph>& placed_glyphs() const;
    /// The event whose glyph is under `screen` (the topmost one), if any.
    [[nodiscard]] std::optional<std::size_t> event_at(sf::Vector2f screen) const;
    /// The event whose tooltip is shown, if any.
    [[nodiscard]] const std::optional<std::size_t>& hovered() const noexcept { return hovered_; }
    /// Marks an event for the tooltip, or clears the mark.
    /// @throws UsageError for an index past the end of `events()`.
    void set_hovered(std::optional<std::size_t> index);
    /// The event whose side panel is open (every mention, with its article), if any.
    [[nodiscard]] const std::optional<std::size_t>& selected() const noexcept { return selected_; }
    /// Opens the side panel on event `index`, or closes it with nullopt.
    /// @throws UsageError for an index past the events.
    void set_selected(std::optional<std::size_t> index);

private:
    /// Gives the scene a new revision: something drawn changed.
    void changed() noexcept;
    /// A new revision that is also the placement revision.
    void placement_changed() noexcept;
    /// A placement change by a pan or a zoom alone, which keeps the still revision.
    void view_moved() noexcept;

    std::vector<Event> events_;
    BaseLayer base_;
    DateRange range_;
    MapProjection projection_;
    std::vector<EventFigure> figures_;
    std::vector<std::string> event_type_names_;
    std::vector<std::string> actor_names_;
    std::vector<std::vector<PlanePoint>> land_outlines_;
    std::vector<PlanePoint> land_triangles_;
    std::vector<DayCount> daily_counts_;
    std::vector<Date> event_days_;  ///< distinct start days, sorted
    std::string title_;
    std::vector<ControlSnapshot> control_;

    sf::Vector2u viewport_;
    Layout layout_;
    MapView view_;

    Date current_;
    TimeWindow window_ = TimeWindow::cumulative;
    int window_days_ = 7;
    /// The hidden types and actors by index into `event_type_names_` and `actor_names_`, as
    /// each `EventFigure` refers to them: placing 20,000 events asks for each.
    std::vector<bool> type_hidden_;
    std::vector<bool> actor_hidden_;
    std::optional<std::size_t> hovered_;
    std::optional<std::size_t> selected_;

    std::uint64_t revision_ = 0;
    std::uint64_t control_revision_ = 0;
    std::uint64_t placement_revision_ = 0;
    std::uint64_t still_revision_ = 0;
    std::vector<std::size_t> by_start_;  ///< the dated events by start day, in index order within a day
    /// `placed_glyphs()`'s placement, of the events in `by_start_[0, placed_upto_)` shown at
    /// `placed_revision_`; carried on or cut back when only the playhead moved in a cumulative map.
    mutable std::optional<GlyphPlacement> placement_;
    mutable std::size_t placed_upto_ = 0;
    /// How many glyphs the placement held before each event of `by_start_[0, placed_upto_)` was
    /// added: the count to cut it back to when the playhead goes back before that event.
    mutable std::vector<std::size_t> glyphs_before_;
    mutable std::uint64_t placed_revision_ = 0;  ///< 0: none
    mutable std::uint64_t placed_placement_revision_ = 0;
};

/// The span from the earliest start to the latest end (or start) among `events`; nothing when
/// none is dated.
[[nodiscard]] std::optional<DateRange> event_date_range(const std::vector<Event>& events);

}  // namespace frontline::render
