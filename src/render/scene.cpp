#include "render/scene.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>
#include <numbers>
#include <utility>

#include "common/error.hpp"
#include "render/detail/triangulate.hpp"
#include "render/detail/wkt.hpp"

namespace frontline::render {

namespace {

/// `name`'s index in the sorted `names`; none when it is not one of them.
std::optional<std::size_t> index_of(const std::vector<std::string>& names, const std::string& name) {
    const auto at = std::lower_bound(names.begin(), names.end(), name);
    if (at == names.end() || *at != name) return std::nullopt;
    return static_cast<std::size_t>(at - names.begin());
}

constexpr float fit_padding_px = 48.0F;
constexpr double fit_min_extent_km = 30.0;
constexpr double empty_scene_extent_km = 1000.0;
/// Beyond this latitude cos(lat0) scaling breaks down; a view centred there is clamped to it.
constexpr double max_origin_latitude = 80.0;
/// Extra reach of the hover test beyond the glyph's edge: small glyphs are hard to hit exactly.
constexpr float hover_slack_px = 2.0F;
/// Marks closer than this on screen share one sunflower instead of piling up in two.
constexpr float cluster_merge_px = 6.0F;

bool is_on_map(const Event& event) {
    return event.tier() == Tier::physical && event.location.has_value() && event.date_start.has_value();
}

struct LonLatBox {
    double min_lon = 180.0;
    double min_lat = 90.0;
    double max_lon = -180.0;
    double max_lat = -90.0;

    void add(const LonLat& p) {
        min_lon = std::min(min_lon, p.lon());
        max_lon = std::max(max_lon, p.lon());
        min_lat = std::min(min_lat, p.lat());
        max_lat = std::max(max_lat, p.lat());
    }
    [[nodiscard]] bool empty() const { return min_lon > max_lon; }
    [[nodiscard]] LonLat centre() const {
        return {(min_lon + max_lon) / 2.0,
                std::clamp((min_lat + max_lat) / 2.0, -max_origin_latitude, max_origin_latitude)};
    }
};

/// The projection origin: the middle of the events on the map, else of the base layer.
LonLat choose_origin(const std::vector<Event>& events, const BaseLayer& base) {
    LonLatBox box;
    for (const Event& event : events)
        if (is_on_map(event)) box.add(event.location->anchor);
    if (box.empty())
        for (const auto& ring : base.outlines)
            for (const LonLat& p : ring) box.add(p);
    return box.empty() ? LonLat(0.0, 0.0) : box.centre();
}

std::vector<PlanePoint> project_all(const MapProjection& projection, const std::vector<LonLat>& points) {
    std::vector<PlanePoint> projected;
    projected.reserve(points.size());
    for (const LonLat& p : points) projected.push_back(projection.forward(p));
    return projected;
}

EventFigure make_figure(const Event& event, const MapProjection& projection) {
    EventFigure figure;
    figure.on_map = is_on_map(event);
    figure.glyph = glyph_for(event.event_type);
    figure.colour = actor_color(event.actor1);
    figure.radius = glyph_radius(event.mentions.size());
    if (!event.location) return figure;
    const Location& location = *event.location;
    if (const auto shape = detail::parse_wkt(location.wkt)) {
        figure.marks = project_all(projection, shape->points);
        for (const auto& line : shape->lines) figure.lines.push_back(project_all(projection, line));
    }
    if (figure.marks.empty()) figure.marks.push_back(projection.forward(location.anchor));
    return figure;
}

/// The last revision handed out to any scene; 0 is never used, so it can mean "no picture yet".
std::atomic<std::uint64_t> last_revision{0};

/// Golden angle: consecutive sunflower seeds never line up, so the spiral packs evenly.
constexpr double golden_angle = std::numbers::pi * (3.0 - 2.2360679774997896964);

}  // namespace

Scene::Scene(std::vector<Event> events, BaseLayer base, DateRange range, sf::Vector2u viewport)
    : events_(std::move(events)),
      base_(std::move(base)),
      range_(range),
      projection_(choose_origin(events_, base_)),
      viewport_(viewport),
      layout_(Layout::for_viewport(viewport)),
      view_(layout_.map, {}, 1.0),
      current_(range.last()) {
    if (viewport.x == 0 || viewport.y == 0)
        throw UsageError("cannot draw into an empty viewport (" + std::to_string(viewport.x) + "x" +
                         std::to_string(viewport.y) + ")");

    figures_.reserve(events_.size());
    for (const Event& event : events_) {
        figures_.push_back(make_figure(event, projection_));
        event_type_names_.push_back(event.event_type);
        actor_names_.push_back(event.actor1);
    }
    for (auto* names : {&event_type_names_, &actor_names_}) {
        std::sort(names->begin(), names->end());
        names->erase(std::unique(names->begin(), names->end()), names->end());
    }
    for (std::size_t i = 0; i < events_.size(); ++i) {
        figures_[i].type_id = *index_of(event_type_names_, events_[i].event_type);
        figures_[i].actor_id = *index_of(actor_names_, events_[i].actor1);
    }
    type_hidden_.assign(event_type_names_.size(), false);
    actor_hidden_.assign(actor_names_.size(), false);

    for (const auto& ring : base_.outlines) {
        land_outlines_.push_back(project_all(projection_, ring));
        const auto& outline = land_outlines_.back();
        for (const auto& [a, b, c] : detail::triangulate(outline)) {
            land_triangles_.push_back(outline[a]);
            land_triangles_.push_back(outline[b]);
            land_triangles_.push_back(outline[c]);
        }
    }

    daily_counts_.resize(static_cast<std::size_t>(range_.days()));
    for (const Event& event : events_) {
        if (!event.date_start) continue;
        event_days_.push_back(*event.date_start);
        if (!range_.contains(*event.date_start)) continue;
        DayCount& count = daily_counts_[static_cast<std::size_t>(event.date_start->days_since(range_.first()))];
        ++(event.tier() == Tier::physical ? count.physical : count.statements);
    }
    std::sort(event_days_.begin(), event_days_.end());
    event_days_.erase(std::unique(event_days_.begin(), event_days_.end()), event_days_.end());
    for (std::size_t i = 0; i < events_.size(); ++i)
        if (events_[i].date_start) by_start_.push_back(i);
    std::stable_sort(by_start_.begin(), by_start_.end(),
                     [this](std::size_t a, std::size_t b) { return *events_[a].date_start < *events_[b].date_start; });

    fit_to_events();
    control_revision_ = revision_;  // another scene's layers, even without control, are not this one's
}

void Scene::changed() noexcept {
    revision_ = ++last_revision;
    still_revision_ = revision_;
}

void Scene::placement_changed() noexcept {
    changed();
    placement_revision_ = revision_;
}

void Scene::view_moved() noexcept {
    const std::uint64_t still = still_revision_;
    placement_changed();
    still_revision_ = still;
}

void Scene::set_current(const Date& day) {
    const Date clamped = range_.clamp(day);
    if (clamped == current_) return;
    current_ = clamped;
    changed();
}

namespace {

/// Whether `name` shows by `hidden`, its flags by index into `names`.
bool shown_in(const std::vector<bool>& hidden, const std::vector<std::string>& names, const std::string& name) {
    const auto index = index_of(names, name);
    return !index || !hidden[*index];
}

/// Sets `name`'s flag in `hidden` to `!shown`; whether that changed it.
bool set_shown(std::vector<bool>& hidden, const std::vector<std::string>& names, const std::string& name, bool shown) {
    const auto index = index_of(names, name);
    if (!index || hidden[*index] == !shown) return false;
    hidden[*index] = !shown;
    return true;
}

}  // namespace

void Scene::set_type_shown(const std::string& event_type, bool shown) {
    if (set_shown(type_hidden_, event_type_names_, event_type, shown)) placement_changed();
}

void Scene::set_actor_shown(const std::string& actor, bool shown) {
    if (set_shown(actor_hidden_, actor_names_, actor, shown)) placement_changed();
}

bool Scene::type_shown(const std::string& event_type) const {
    return shown_in(type_hidden_, event_type_names_, event_type);
}

bool Scene::actor_shown(const std::string& actor) const { return shown_in(actor_hidden_, actor_names_, actor); }

const std::vector<PlacedGlyph>& Scene::placed_glyphs() const {
    if (placement_ && placed_revision_ == revision_) return placement_->glyphs();
    // In a cumulative map the shown events are those of `by_start_` up to the playhead (less the
    // filtered ones), so moving it forward only appends events to the drawing order.
    // Moving it back takes the last ones off again.
    const bool carried_on = placement_ && placed_placement_revision_ == placement_revision_ &&
                            window_ == TimeWindow::cumulative;
    if (!carried_on) {
        placement_.emplace(view_);
        placed_upto_ = 0;
        glyphs_before_.clear();
    }
    if (window_ == TimeWindow::cumulative) {
        std::size_t kept = placed_upto_;
        while (kept > 0 && current_ < *events_[by_start_[kept - 1]].date_start) --kept;
        if (kept < placed_upto_) {
            placement_->truncate(glyphs_before_[kept]);
            glyphs_before_.resize(kept);
            placed_upto_ = kept;
        }
        for (; placed_upto_ < by_start_.size(); ++placed_upto_) {
            const std::size_t i = by_start_[placed_upto_];
            if (current_ < *events_[i].date_start) break;
            glyphs_before_.push_back(placement_->glyphs().size());
            if (figures_[i].on_map && is_visible(i)) placement_->add(i, figures_[i].marks, figures_[i].radius);
        }
    } else {
        for (const std::size_t i : by_start_)
            if (figures_[i].on_map && is_visible(i)) placement_->add(i, figures_[i].marks, figures_[i].radius);
    }
    placed_revision_ = revision_;
    placed_placement_revision_ = placement_revision_;
    return placement_->glyphs();
}

void Scene::set_viewport(sf::Vector2u viewport) {
    if (viewport.x == 0 || viewport.y == 0) return;
    viewport_ = viewport;
    layout_ = Layout::for_viewport(viewport);
    view_ = view_.reframed(layout_.map);
    placement_changed();
}

void Scene::fit_to_events() {
    std::optional<PlaneBox> box;
    const auto add = [&box](const PlanePoint& p) { box = box ? box->including(p) : PlaneBox{p, p}; };
    // Events at a place, near it or on a drawn line or outline frame the map. One known only by a
    // region's representative point (a protest "in Germany" in a Syrian story) would zoom the story
    // out to a continent, so such points frame it only when nothing is placed more exactly.
    for (const bool exact_only : {true, false}) {
        for (std::size_t i = 0; i < figures_.size(); ++i) {
            const EventFigure& figure = figures_[i];
            const bool region_point = events_[i].location && events_[i].location->geo_precision > 2 && figure.lines.empty();
            if (!figure.on_map || (exact_only && region_point)) continue;
            for (const PlanePoint& p : figure.marks) add(p);
            for (const auto& line : figure.lines)
                for (const PlanePoint& p : line) add(p);
        }
        if (box) break;
    }
    if (!box)
        for (const auto& ring : land_outlines_)
            for (const PlanePoint& p : ring) add(p);
    if (!box) {
        constexpr double half = empty_scene_extent_km / 2.0;
        box = PlaneBox{{-half, -half}, {half, half}};
    }
    view_.fit(*box, fit_padding_px, fit_min_extent_km);
    placement_changed();
}

void Scene::fit_to(const LonLat& south_west, const LonLat& north_east) {
    // The box's edges are curves on the plane: sample them, not only the corners.
    constexpr int samples = 16;
    std::optional<PlaneBox> box;
    for (int i = 0; i <= samples; ++i) {
        const double t = static_cast<double>(i) / samples;
        const double lon = south_west.lon() + t * (north_east.lon() - south_west.lon());
        const double lat = south_west.lat() + t * (north_east.lat() - south_west.lat());
        for (const LonLat& p : {LonLat(lon, south_west.lat()), LonLat(lon, north_east.lat()), LonLat(south_west.lon(), lat),
                                LonLat(north_east.lon(), lat)}) {
            const PlanePoint q = projection_.forward(p);
            box = box ? box->including(q) : PlaneBox{q, q};
        }
    }
    view_.fit(*box, 0.0F, 1.0);
    placement_changed();
}

const ControlSnapshot* Scene::control() const {
    const auto after = std::upper_bound(control_.begin(), control_.end(), current_,
                                        [](const Date& day, const ControlSnapshot& s) { return day < s.valid_from; });
    return after == control_.begin() ? nullptr : &*std::prev(after);
}

TimelineAxis Scene::timeline_axis() const {
    return {range_, layout_.histogram.left, layout_.histogram.left + layout_.histogram.width};
}

void Scene::set_window_days(int days) {
    if (days < 1) throw UsageError("a sliding window needs at least one day, not " + std::to_string(days));
    window_days_ = days;
    placement_changed();
}

bool Scene::is_visible(std::size_t index) const {
    const Event& event = events_.at(index);
    if (!event.date_start || current_ < *event.date_start) return false;
    const EventFigure& figure = figures_[index];
    if (type_hidden_[figure.type_id] || actor_hidden_[figure.actor_id]) return false;
    if (window_ == TimeWindow::cumulative) return true;
    return !(event.date_end.value_or(*event.date_start) < window_start());
}

long Scene::age_days(std::size_t index) const {
    const Event& event = events_.at(index);
    if (!event.date_start) return 0;
    return std::max(0L, current_.days_since(event.date_end.value_or(*event.date_start)));
}

std::optional<Date> Scene::previous_event_date() const {
    const auto it = std::lower_bound(event_days_.begin(), event_days_.end(), current_);
    if (it == event_days_.begin()) return std::nullopt;
    return *std::prev(it);
}

std::optional<Date> Scene::next_event_date() const {
    const auto it = std::upper_bound(event_days_.begin(), event_days_.end(), current_);
    if (it == event_days_.end()) return std::nullopt;
    return *it;
}

DayCount Scene::visible_counts() const {
    DayCount counts;
    for (std::size_t i = 0; i < events_.size(); ++i) {
        if (!is_visible(i)) continue;
        if (events_[i].tier() == Tier::statement)
            ++counts.statements;
        else if (figures_[i].on_map)
            ++counts.physical;
    }
    return counts;
}

namespace {

/// The merge grid's cell (column, row) of a screen point.
std::pair<std::int64_t, std::int64_t> cell_of(sf::Vector2f p) {
    return {static_cast<std::int64_t>(std::floor(p.x / cluster_merge_px)),
            static_cast<std::int64_t>(std::floor(p.y / cluster_merge_px))};
}

std::uint64_t cell_key(std::int64_t x, std::int64_t y) {
    return (static_cast<std::uint64_t>(x) << 32U) ^ static_cast<std::uint64_t>(y & 0xffffffff);
}

/// How far beyond the map frame the flat part of the merge grid reaches: glyphs spread that far
/// still show at the frame's edge.
constexpr float near_margin_px = 64.0F;

}  // namespace

GlyphPlacement::GlyphPlacement(const MapView& view) : view_(view) {
    const sf::FloatRect& frame = view.frame();
    const auto [left, top] = cell_of({frame.left - near_margin_px, frame.top - near_margin_px});
    const auto [right, bottom] =
        cell_of({frame.left + frame.width + near_margin_px, frame.top + frame.height + near_margin_px});
    near_left_ = left;
    near_top_ = top;
    near_columns_ = right - left + 1;
    near_rows_ = bottom - top + 1;
    near_.resize(static_cast<std::size_t>(near_columns_ * near_rows_));
}

bool GlyphPlacement::is_near(std::int64_t column, std::int64_t row) const noexcept {
    return column >= near_left_ && column < near_left_ + near_columns_ && row >= near_top_ &&
           row < near_top_ + near_rows_;
}

std::size_t GlyphPlacement::near_index(std::int64_t column, std::int64_t row) const noexcept {
    return static_cast<std::size_t>((row - near_top_) * near_columns_ + (column - near_left_));
}

const GlyphPlacement::Cell* GlyphPlacement::find_cell(std::int64_t column, std::int64_t row) const {
    if (is_near(column, row)) {
        const Cell& near = near_[near_index(column, row)];
        return near.oldest == no_group ? nullptr : &near;
    }
    const auto far = far_.find(cell_key(column, row));
    return far == far_.end() ? nullptr : &far->second;
}

GlyphPlacement::Cell& GlyphPlacement::cell(std::int64_t column, std::int64_t row) {
    return is_near(column, row) ? near_[near_index(column, row)] : far_[cell_key(column, row)];
}

void GlyphPlacement::add(std::size_t event, const std::vector<PlanePoint>& marks, float radius) {
    for (const PlanePoint& mark : marks) {
        const sf::Vector2f screen = view_.to_screen(mark);
        const auto [cx, cy] = cell_of(screen);
        std::uint32_t joined = no_group;
        for (std::int64_t dx = -1; dx <= 1 && joined == no_group; ++dx)
            for (std::int64_t dy = -1; dy <= 1 && joined == no_group; ++dy) {
                const Cell* near = find_cell(cx + dx, cy + dy);
                if (near == nullptr) continue;
                for (std::uint32_t g = near->oldest; g != no_group; g = groups_[g].next) {
                    const sf::Vector2f d = groups_[g].anchor - screen;
                    // hypot is at least either side, so a group this far along one axis is out
                    // of reach without working it out.
                    if (std::abs(d.x) > cluster_merge_px || std::abs(d.y) > cluster_merge_px) continue;
                    if (std::hypot(d.x, d.y) <= cluster_merge_px) {
                        joined = g;
                        break;
                    }
                }
            }
        if (joined == no_group) {
            joined = static_cast<std::uint32_t>(groups_.size());
            Group& started = groups_.emplace_back(Group{screen});
            Cell& home = cell(cx, cy);
            started.previous = home.newest;
            if (home.newest == no_group)
                home.oldest = joined;
            else
                groups_[home.newest].next = joined;
            home.newest = joined;
        }
        // Spaced by the largest glyph so far, so that later members never push earlier ones.
        Group& group = groups_[joined];
        placings_.push_back({joined, group.largest});
        group.largest = std::max(group.largest, radius);
        sf::Vector2f position = group.anchor;
        if (group.members > 0) {
            const auto k = static_cast<double>(group.members);
            const double distance = 1.3 * static_cast<double>(group.largest) * std::sqrt(k + 1.5);
            const double angle = golden_angle * k;
            position += sf::Vector2f(static_cast<float>(distance * std::cos(angle)),
                                     static_cast<float>(distance * std::sin(angle)));
        }
        ++group.members;
        glyphs_.push_back({event, position, group.anchor, radius});
    }
}

void GlyphPlacement::truncate(std::size_t count) {
    // Undone newest first, so that each glyph finds its group as it left it.
    while (glyphs_.size() > count) {
        const Placing& placing = placings_.back();
        Group& group = groups_[placing.group];
        --group.members;
        group.largest = placing.largest_before;
        if (group.members == 0) {
            // The glyph started its group, which is therefore the newest one, last in its cell.
            const auto [cx, cy] = cell_of(group.anchor);
            Cell& home = cell(cx, cy);
            home.newest = group.previous;
            if (group.previous == no_group)
                home.oldest = no_group;
            else
                groups_[group.previous].next = no_group;
            if (home.oldest == no_group && !is_near(cx, cy)) far_.erase(cell_key(cx, cy));
            groups_.pop_back();
        }
        placings_.pop_back();
        glyphs_.pop_back();
    }
}

std::vector<PlacedGlyph> Scene::placed_glyphs(const MapView& view) const {
    GlyphPlacement placement(view);
    for (const std::size_t i : by_start_)
        if (figures_[i].on_map && is_visible(i)) placement.add(i, figures_[i].marks, figures_[i].radius);
    return placement.glyphs();
}

std::optional<std::size_t> Scene::event_at(sf::Vector2f screen) const {
    const std::vector<PlacedGlyph>& glyphs = placed_glyphs();
    for (auto it = glyphs.rbegin(); it != glyphs.rend(); ++it) {
        const sf::Vector2f d = screen - it->position;
        if (std::hypot(d.x, d.y) <= it->radius + hover_slack_px) return it->event;
    }
    return std::nullopt;
}

void Scene::set_hovered(std::optional<std::size_t> index) {
    if (index && *index >= events_.size())
        throw UsageError("no event " + std::to_string(*index) + " to hover: the scene has " +
                         std::to_string(events_.size()));
    hovered_ = index;
}

void Scene::set_selected(std::optional<std::size_t> index) {
    if (index && *index >= events_.size())
        throw UsageError("no event " + std::to_string(*index) + " to select: the scene has " + std::to_string(events_.size()));
    if (index == selected_) return;
    selected_ = index;
    changed();
}

std::optional<DateRange> event_date_range(const std::vector<Event>& events) {
    std::optional<Date> first;
    std::optional<Date> last;
    for (const Event& event : events) {
        if (!event.date_start) continue;
        const Date end = std::max(*event.date_start, event.date_end.value_or(*event.date_start));
        if (!first || *event.date_start < *first) first = event.date_start;
        if (!last || *last < end) last = end;
    }
    if (!first) return std::nullopt;
    return DateRange(*first, *last);
}

}  // namespace frontline::render
