// The frame around the map: title bar, legend, timeline, tooltip (see renderer.hpp).
#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <SFML/Graphics/Text.hpp>

#include "events/taxonomy.hpp"
#include "render/detail/frame.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/text.hpp"
#include "render/detail/timeline_ticks.hpp"

namespace frontline::render::detail {

namespace {

constexpr float panel_margin = 18.0F;
constexpr float legend_row_height = 20.0F;
constexpr float legend_icon_radius = 6.5F;
constexpr float tooltip_offset = 16.0F;
constexpr float tooltip_padding = 12.0F;
constexpr float tooltip_text_width = 360.0F;
constexpr std::size_t tooltip_sentence_lines = 7;
constexpr float selection_panel_width = 400.0F;
constexpr std::size_t selection_sentence_lines = 6;
constexpr float min_tick_spacing_px = 64.0F;

std::string plural(std::size_t n, const std::string& singular, const std::string& plural_form) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

void panel_background(ShapeBatch& batch, const sf::FloatRect& rect) { batch.rectangle(rect, palette::chrome); }

// --- title bar ---------------------------------------------------------------------------

std::string window_caption(const Scene& scene) {
    if (scene.window() == TimeWindow::sliding)
        return scene.window_days() == 1 ? "this day only" : "last " + std::to_string(scene.window_days()) + " days";
    return "since " + medium_day(scene.range().first());
}

}  // namespace

void draw_title_bar(Frame& frame) {
    const sf::FloatRect& bar = frame.layout.title_bar;
    if (bar.height <= 0.0F) return;
    ShapeBatch background;
    panel_background(background, bar);
    background.rectangle({bar.left, bar.top + bar.height - 1.0F, bar.width, 1.0F}, palette::chrome_edge);
    background.draw(frame.target);

    const float middle = bar.top + bar.height / 2.0F;
    const sf::String date = utf8(long_day(frame.scene.current()));
    const sf::String title = utf8(frame.scene.title().empty() ? "" : "  \u00b7  " + frame.scene.title());
    const DayCount counts = frame.scene.visible_counts();
    const std::string shown = plural(counts.physical, "event", "events") + " on the map  \u00b7  " +
                              plural(counts.statements, "statement", "statements");
    const sf::String summary = utf8(shown + "  \u00b7  " + window_caption(frame.scene));
    const sf::String short_summary = utf8(shown);

    // On a narrow viewport drop the title first, then the window caption, then the counts.
    constexpr unsigned date_size = 19;
    constexpr unsigned title_size = 15;
    constexpr unsigned summary_size = 13;
    constexpr float min_gap = 24.0F;
    const float room = bar.width - 2.0F * panel_margin;
    const float date_width = text_width(frame.font, date, date_size, true);
    const float title_width = text_width(frame.font, title, title_size);
    const float summary_width = text_width(frame.font, summary, summary_size);
    const float short_width = text_width(frame.font, short_summary, summary_size);
    const bool with_title = date_width + title_width + min_gap + summary_width <= room;
    const sf::String* right = nullptr;
    if (date_width + min_gap + summary_width <= room)
        right = &summary;
    else if (date_width + min_gap + short_width <= room)
        right = &short_summary;

    float x = bar.left + panel_margin;
    x += draw_text(frame.target, frame.font, date, date_size, x, middle, palette::chrome_text, sf::Text::Bold);
    if (with_title) draw_text(frame.target, frame.font, title, title_size, x, middle, palette::chrome_muted);
    if (right) {
        const float width = text_width(frame.font, *right, summary_size);
        draw_text(frame.target, frame.font, *right, summary_size, bar.left + bar.width - panel_margin - width, middle,
                  palette::chrome_muted);
    }
}

// --- legend ------------------------------------------------------------------------------

LegendPlan plan_legend(const Scene& scene, const sf::FloatRect& panel) {
    LegendPlan plan;
    if (panel.width <= 0.0F || panel.height <= 0.0F) return plan;

    // Entries come from the whole scene, so the legend holds still during playback; the counts
    // beside them follow the playhead.
    const auto& type_names = scene.event_type_names();
    const auto& actor_names = scene.actor_names();
    std::vector<std::optional<std::size_t>> type_visible(type_names.size());  // none: no event of it on the map
    std::vector<std::pair<std::size_t, std::size_t>> actor_counts(actor_names.size());  // (total, visible)
    bool any_halo = false;
    bool any_disc = false;
    for (std::size_t i = 0; i < scene.events().size(); ++i) {
        const EventFigure& figure = scene.figures()[i];
        if (!figure.on_map) continue;
        const Event& event = scene.events()[i];
        const std::size_t visible = scene.is_visible(i) ? 1 : 0;
        type_visible[figure.type_id] = type_visible[figure.type_id].value_or(0) + visible;
        auto& [total, shown] = actor_counts[figure.actor_id];
        ++total;
        shown += visible;
        any_halo = any_halo || event.location->geo_precision == 2;
        any_disc = any_disc || event.location->geo_precision >= 3;
    }
    const auto type_id = [&type_names](const std::string& name) -> std::optional<std::size_t> {
        const auto found = std::lower_bound(type_names.begin(), type_names.end(), name);
        if (found == type_names.end() || *found != name) return std::nullopt;
        return static_cast<std::size_t>(found - type_names.begin());
    };
    std::vector<std::size_t> types;  // known types in taxonomy order, then the others by name
    for (const EventTypeInfo& info : event_types())
        if (const auto id = type_id(std::string(info.name)); id && type_visible[*id]) types.push_back(*id);
    for (std::size_t id = 0; id < type_names.size(); ++id)
        if (type_visible[id] && !find_event_type(type_names[id])) types.push_back(id);
    std::vector<std::size_t> actors;  // most events first
    for (std::size_t id = 0; id < actor_names.size(); ++id)
        if (actor_counts[id].first > 0) actors.push_back(id);
    std::stable_sort(actors.begin(), actors.end(),
                     [&actor_counts](std::size_t a, std::size_t b) { return actor_counts[a].first > actor_counts[b].first; });

    const float left = panel.left + panel_margin;
    const float bottom = panel.top + panel.height - 8.0F;
    float y = panel.top + 14.0F;
    ShapeBatch& icons = plan.icons;
    std::vector<LegendPlan::Row>& rows = plan.rows;
    std::vector<std::pair<sf::String, float>>& headings = plan.headings;
    bool out_of_room = false;
    constexpr float heading_height = 26.0F;
    // A heading goes in only with room for its first row under it.
    const auto heading = [&](const std::string& text) {
        if (y + heading_height + legend_row_height > bottom) {
            out_of_room = true;
            return false;
        }
        headings.emplace_back(utf8(text), y + 13.0F);
        y += heading_height;
        return true;
    };
    // Returns the icon centre for the caller to draw, or nothing when the panel is full.
    const auto row = [&](const std::string& label, const std::string& count,
                         std::optional<LegendToggle> toggle = std::nullopt) -> std::optional<sf::Vector2f> {
        if (y + legend_row_height > bottom) {
            out_of_room = true;
            return std::nullopt;
        }
        const float centre_y = y + legend_row_height / 2.0F;
        const bool shown = !toggle || (toggle->kind == LegendToggle::Kind::event_type ? scene.type_shown(toggle->key)
                                                                                       : scene.actor_shown(toggle->key));
        rows.push_back({utf8(label), count, centre_y, std::move(toggle), shown});
        y += legend_row_height;
        return sf::Vector2f(left + legend_icon_radius + 1.0F, centre_y);
    };

    if (const ControlSnapshot* control = scene.control(); control != nullptr && heading("WHO HOLDS THE GROUND")) {
        for (const ControlFill& fill : control->fills) {
            std::array<char, 32> area{};
            std::snprintf(area.data(), area.size(), fill.area_km2 >= 10.0 ? "%.0f km\u00b2" : "%.1f km\u00b2",
                          fill.area_km2);
            const auto icon = row((fill.holder.empty() ? "unclaimed" : fill.holder) + (fill.hatched ? " (claimed)" : ""),
                                  area.data());
            if (!icon) break;
            const sf::FloatRect swatch(icon->x - legend_icon_radius, icon->y - legend_icon_radius,
                                       2.0F * legend_icon_radius, 2.0F * legend_icon_radius);
            icons.rectangle(swatch, palette::chrome_muted);
            icons.rectangle({swatch.left + 1.2F, swatch.top + 1.2F, swatch.width - 2.4F, swatch.height - 2.4F},
                            sf::Color(fill.colour.r, fill.colour.g, fill.colour.b));
        }
    }
    if (!types.empty() && !out_of_room && heading("EVENTS")) {
        for (const std::size_t id : types) {
            const std::string& type = type_names[id];
            const auto icon = row(display_name(type), std::to_string(*type_visible[id]),
                                  LegendToggle{LegendToggle::Kind::event_type, type});
            if (!icon) break;
            draw_glyph(icons, glyph_for(type), *icon, legend_icon_radius, palette::legend_glyph, Certainty::confirmed,
                       1.0F);
        }
    }
    // The key to the glyphs (how sure, where) keeps its room: the actors with the fewest events
    // give theirs up first, folded into one row of others.
    constexpr std::array certainty_rows{std::pair{Certainty::confirmed, "confirmed"},
                                        std::pair{Certainty::reported, "reported by a source"},
                                        std::pair{Certainty::claimed, "claimed by a party"}};
    // A named place, read more often, and a ring and a disc when some event needs them.
    const std::size_t where_rows = 2U + (any_halo ? 1U : 0U) + (any_disc ? 1U : 0U);
    const float key_height =
        2.0F * heading_height + static_cast<float>(certainty_rows.size() + where_rows) * legend_row_height;
    const auto actor_rows_with_key = static_cast<std::size_t>(
        std::max(0.0F, std::floor((bottom - y - heading_height - key_height) / legend_row_height)));
    constexpr std::size_t min_actor_rows = 3;
    const std::size_t max_actor_rows = std::min<std::size_t>(12, std::max(min_actor_rows, actor_rows_with_key));
    if (!actors.empty() && !out_of_room && heading("WHO (FIRST ACTOR)")) {
        for (std::size_t i = 0; i < actors.size(); ++i) {
            const bool last_row = i + 1 == max_actor_rows && actors.size() > max_actor_rows;
            if (last_row) {
                row("+ " + plural(actors.size() - i, "other", "others"), "");
                break;
            }
            const std::string& actor = actor_names[actors[i]];
            const auto icon = row(actor.empty() ? "unknown" : actor, std::to_string(actor_counts[actors[i]].second),
                                  LegendToggle{LegendToggle::Kind::actor, actor});
            if (!icon) break;
            icons.disc(*icon, legend_icon_radius, palette::chrome_muted);
            icons.disc(*icon, legend_icon_radius - 1.2F, actor_color(actor));
        }
    }
    if (!out_of_room && heading("HOW SURE")) {
        for (const auto& [certainty, label] : certainty_rows) {
            const auto icon = row(label, "");
            if (!icon) break;
            draw_glyph(icons, GlyphShape::circle, *icon, legend_icon_radius, sf::Color(150, 180, 220), certainty, 1.0F);
        }
    }
    if (!out_of_room && heading("WHERE")) {
        if (const auto icon = row("at a named place", ""))
            draw_glyph(icons, GlyphShape::dot, *icon, legend_icon_radius, palette::legend_glyph, Certainty::confirmed,
                       1.0F);
        if (any_halo)
            if (const auto icon = row("near it (ring)", "")) {
                icons.disc(*icon, legend_icon_radius + 2.0F, sf::Color(214, 220, 226, 70));
                icons.circle_outline(*icon, legend_icon_radius + 2.0F, 1.2F, sf::Color(214, 220, 226, 160));
                draw_glyph(icons, GlyphShape::dot, *icon, 4.0F, palette::legend_glyph, Certainty::confirmed, 1.0F);
            }
        if (any_disc)
            if (const auto icon = row("a whole region (disc)", "")) {
                icons.disc(*icon, legend_icon_radius + 2.0F, sf::Color(214, 220, 226, 45));
                icons.circle_outline(*icon, legend_icon_radius + 2.0F, 1.0F, sf::Color(214, 220, 226, 110));
            }
        if (const auto icon = row("larger = read more often", "")) {
            draw_glyph(icons, GlyphShape::dot, *icon + sf::Vector2f(-3.0F, 2.0F), 3.5F, palette::legend_glyph,
                       Certainty::confirmed, 1.0F);
            draw_glyph(icons, GlyphShape::dot, *icon + sf::Vector2f(3.5F, -1.0F), 6.5F, palette::legend_glyph,
                       Certainty::confirmed, 1.0F);
        }
    }
    return plan;
}

void draw_legend(Frame& frame) {
    const sf::FloatRect& panel = frame.layout.legend;
    if (panel.width <= 0.0F || panel.height <= 0.0F) return;
    const LegendPlan plan = plan_legend(frame.scene, panel);
    const float left = panel.left + panel_margin;
    const float right = panel.left + panel.width - panel_margin;

    ShapeBatch background;
    panel_background(background, panel);
    background.rectangle({panel.left, panel.top, 1.0F, panel.height}, palette::chrome_edge);
    background.draw(frame.target);
    plan.icons.draw(frame.target);
    // A row filtered out: its icon veiled, its label muted and struck through.
    ShapeBatch veils;
    for (const LegendPlan::Row& entry : plan.rows)
        if (!entry.shown)
            veils.rectangle({left - 2.0F, entry.centre_y - legend_icon_radius - 2.0F, 2.0F * legend_icon_radius + 4.0F,
                             2.0F * legend_icon_radius + 4.0F},
                            sf::Color(palette::chrome.r, palette::chrome.g, palette::chrome.b, 190));
    veils.draw(frame.target);
    for (const auto& [text, centre_y] : plan.headings) {
        sf::Text shape(text, frame.font, 11);
        shape.setLetterSpacing(1.6F);
        shape.setFillColor(palette::chrome_muted);
        shape.setPosition(std::round(left), std::round(centre_y - 11.0F * 0.62F));
        frame.target.draw(shape);
    }
    ShapeBatch strikes;
    for (const LegendPlan::Row& entry : plan.rows) {
        const float label_left = left + 2.0F * legend_icon_radius + 10.0F;
        const float width = draw_text(frame.target, frame.font, entry.label, 13, label_left, entry.centre_y,
                                      entry.shown ? palette::chrome_text : palette::chrome_muted);
        if (!entry.shown) strikes.rectangle({label_left, entry.centre_y, width, 1.0F}, palette::chrome_muted);
        if (entry.count.empty()) continue;
        const sf::String count = utf8(entry.count);
        draw_text(frame.target, frame.font, count, 12, right - text_width(frame.font, count, 12), entry.centre_y,
                  palette::chrome_muted);
    }
    strikes.draw(frame.target);
}

// --- timeline ----------------------------------------------------------------------------

void draw_timeline(Frame& frame) {
    const sf::FloatRect& panel = frame.layout.timeline;
    const sf::FloatRect& bars = frame.layout.histogram;
    if (panel.height <= 0.0F) return;
    const Scene& scene = frame.scene;
    const DateRange& range = scene.range();
    const TimelineAxis axis(range, bars.left, bars.left + bars.width);
    const float baseline = bars.top + bars.height;

    ShapeBatch shapes;
    panel_background(shapes, panel);
    shapes.rectangle({panel.left, panel.top, panel.width, 1.0F}, palette::chrome_edge);
    if (scene.window() == TimeWindow::sliding) {
        const float from = axis.x_left(range.clamp(scene.window_start()));
        const float to = axis.x_left(scene.current()) + axis.day_width();
        shapes.rectangle({from, bars.top - 2.0F, to - from, bars.height + 2.0F}, sf::Color(255, 255, 255, 24));
    }

    // Days too narrow for a 2 px bar are pooled into bins of several days.
    const auto bin_days = static_cast<long>(std::max(1.0F, std::ceil(2.0F / axis.day_width())));
    const auto& counts = scene.daily_counts();
    std::vector<DayCount> bins(static_cast<std::size_t>((range.days() + bin_days - 1) / bin_days));
    unsigned tallest = 0;
    for (std::size_t day = 0; day < counts.size(); ++day) {
        DayCount& bin = bins[day / static_cast<std::size_t>(bin_days)];
        bin.physical += counts[day].physical;
        bin.statements += counts[day].statements;
        tallest = std::max(tallest, bin.physical + bin.statements);
    }
    for (std::size_t b = 0; b < bins.size() && tallest > 0; ++b) {
        const unsigned total = bins[b].physical + bins[b].statements;
        if (total == 0) continue;
        const Date first = range.first().plus_days(static_cast<long>(b) * bin_days);
        const Date last = range.clamp(first.plus_days(bin_days - 1));
        const float x0 = axis.x_left(first);
        const float x1 = axis.x_left(last) + axis.day_width();
        const float gap = x1 - x0 > 4.0F ? 1.0F : 0.0F;
        const bool active =
            !(scene.current() < last) && (scene.window() == TimeWindow::cumulative || !(last < scene.window_start()));
        const float height = std::max(2.0F, bars.height * static_cast<float>(total) / static_cast<float>(tallest));
        const float physical_height = height * static_cast<float>(bins[b].physical) / static_cast<float>(total);
        shapes.rectangle({x0 + gap / 2.0F, baseline - physical_height, x1 - x0 - gap, physical_height},
                         active ? palette::bar_physical : palette::bar_physical_idle);
        shapes.rectangle({x0 + gap / 2.0F, baseline - height, x1 - x0 - gap, height - physical_height},
                         active ? palette::bar_statement : palette::bar_statement_idle);
    }
    shapes.rectangle({bars.left, baseline, bars.width, 1.0F}, sf::Color(110, 122, 135));

    const std::vector<TimelineTick> ticks = timeline_ticks(axis, min_tick_spacing_px);
    std::vector<std::pair<sf::String, float>> labels;
    float last_label_right = -1e9F;
    for (const TimelineTick& tick : ticks) {
        const float x = std::round(axis.x_left(tick.day));
        shapes.rectangle({x, baseline + 1.0F, 1.0F, tick.major ? 7.0F : 4.0F}, sf::Color(110, 122, 135));
        const sf::String label = utf8(tick.label);
        const float width = text_width(frame.font, label, 11);
        const float label_left = std::max(panel.left + 4.0F, axis.x_of(tick.day) - width / 2.0F);
        if (label_left < last_label_right + 8.0F || label_left + width > panel.left + panel.width - 4.0F) continue;
        labels.emplace_back(label, label_left);
        last_label_right = label_left + width;
    }

    const float playhead_x = axis.x_of(scene.current());
    shapes.rectangle({playhead_x - 1.0F, bars.top - 4.0F, 2.0F, bars.height + 9.0F}, palette::playhead);
    shapes.triangle({playhead_x - 6.0F, bars.top - 10.0F}, {playhead_x + 6.0F, bars.top - 10.0F},
                    {playhead_x, bars.top - 3.0F}, palette::playhead);

    // Key, top left: what the two bar colours mean.
    const float key_y = panel.top + 11.0F;
    shapes.rectangle({bars.left, key_y - 4.0F, 9.0F, 9.0F}, palette::bar_physical);
    shapes.draw(frame.target);
    const float after_first = bars.left + 14.0F +
                              draw_text(frame.target, frame.font, utf8("events on the map"), 11, bars.left + 14.0F,
                                        key_y, palette::chrome_muted);
    ShapeBatch second_key;
    second_key.rectangle({after_first + 14.0F, key_y - 4.0F, 9.0F, 9.0F}, palette::bar_statement);
    second_key.draw(frame.target);
    draw_text(frame.target, frame.font, utf8("statements   (per day)"), 11, after_first + 28.0F, key_y,
              palette::chrome_muted);
    for (const auto& [label, x] : labels)
        draw_text(frame.target, frame.font, label, 11, x, baseline + 17.0F, palette::chrome_muted);
}

// --- tooltip -----------------------------------------------------------------------------

namespace {

std::string date_text(const Event& event) {
    if (!event.date_start) return "undated";
    const Date& start = *event.date_start;
    const Date end = event.date_end.value_or(start);
    std::string text;
    if (end == start)
        text = medium_day(start);
    else if (start.year() == end.year() && start.month() == end.month())
        text = std::to_string(start.day()) + "\u2013" + medium_day(end);
    else
        text = short_day(start) + " \u2013 " + medium_day(end);
    if (event.time_precision == 2) text += "  (that week)";
    if (event.time_precision >= 3) text += "  (that month)";
    return text;
}

std::string place_text(const Event& event) {
    if (!event.location) return "no place";
    const Location& where = *event.location;
    std::string name = where.place;
    if (name.empty()) {
        const auto coordinate = [](double value, char positive, char negative) {
            std::string number = std::to_string(std::abs(value));
            number.resize(number.find('.') + 4);
            return number + "\u00b0" + (value < 0.0 ? negative : positive);
        };
        name = coordinate(where.anchor.lat(), 'N', 'S') + " " + coordinate(where.anchor.lon(), 'E', 'W');
    }
    if (!where.country.empty()) name += ", " + where.country;
    if (where.geo_precision == 2) return "near " + name;
    if (where.geo_precision >= 3) return name + "  (the whole area)";
    return name;
}

std::string actors_text(const Event& event) {
    const auto actor = [](const std::string& id, const std::string& text) {
        if (id.empty()) return text.empty() ? std::string("unknown actor") : text;
        return text.empty() || text == id ? id : id + " (" + text + ")";
    };
    std::string line = actor(event.actor1, event.actor1_text);
    if (!event.actor2.empty() || !event.actor2_text.empty())
        line += "  \u2192  " + actor(event.actor2, event.actor2_text);
    return line;
}

std::string certainty_text(const Event& event) {
    std::string text = to_string(event.certainty);
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
    if (!event.source.empty()) text += " by " + event.source;
    return text;
}

struct TooltipLine {
    sf::String text;
    unsigned size;
    sf::Color colour;
    sf::Uint32 style;
    float gap_before;
};

}  // namespace

void draw_hover(Frame& frame) {
    const Scene& scene = frame.scene;
    if (!scene.hovered()) return;
    const std::size_t index = *scene.hovered();
    const auto& glyphs = frame.glyphs();
    const auto glyph =
        std::find_if(glyphs.begin(), glyphs.end(), [index](const PlacedGlyph& g) { return g.event == index; });
    if (glyph == glyphs.end()) return;  // hovered but not on the map at this day
    const Event& event = scene.events()[index];

    ShapeBatch ring;
    ring.circle_outline(glyph->position, glyph->radius + 5.0F, 3.5F, sf::Color::White);
    ring.circle_outline(glyph->position, glyph->radius + 5.0F, 1.6F, sf::Color(20, 20, 20));
    ring.draw(frame.target);

    std::vector<TooltipLine> lines;
    const auto add = [&](const std::string& text, unsigned size, sf::Color colour, sf::Uint32 style, float gap,
                         std::size_t max_lines) {
        bool first = true;
        for (sf::String& line : wrap_text(frame.font, utf8(text), size, tooltip_text_width, max_lines)) {
            lines.push_back({std::move(line), size, colour, style, first ? gap : 0.0F});
            first = false;
        }
    };
    const sf::Color muted = palette::chrome_muted;
    add(actors_text(event), 13, palette::chrome_text, sf::Text::Regular, 0.0F, 2);
    add(date_text(event) + "   \u00b7   " + place_text(event), 13, palette::chrome_text, sf::Text::Regular, 0.0F, 2);
    add(certainty_text(event), 13, palette::chrome_text, sf::Text::Regular, 0.0F, 2);
    if (!event.mentions.empty() && !event.mentions.front().text.empty())
        add("\u201c" + event.mentions.front().text + "\u201d", 13, sf::Color(206, 214, 222), sf::Text::Italic, 8.0F,
            tooltip_sentence_lines);
    if (!event.mentions.empty())
        add(event.mentions.front().article_id +
                (event.mentions.size() > 1
                     ? "  \u00b7  read in " + plural(event.mentions.size(), "sentence", "sentences")
                     : std::string()),
            11, muted, sf::Text::Regular, 6.0F, 1);

    const sf::String heading = utf8(display_name(event.event_type));
    constexpr unsigned heading_size = 16;
    constexpr float heading_icon_room = 24.0F;
    float width = heading_icon_room + text_width(frame.font, heading, heading_size, true);
    float height = 26.0F;
    for (const TooltipLine& line : lines) {
        width = std::max(width, text_width(frame.font, line.text, line.size, (line.style & sf::Text::Bold) != 0));
        height += line.gap_before + static_cast<float>(line.size) * 1.4F;
    }
    const sf::Vector2f box_size{std::ceil(width) + 2.0F * tooltip_padding, std::ceil(height) + 2.0F * tooltip_padding};

    const sf::FloatRect& map = frame.layout.map;
    sf::Vector2f corner = glyph->position + sf::Vector2f(tooltip_offset, tooltip_offset);
    if (corner.x + box_size.x > map.left + map.width) corner.x = glyph->position.x - tooltip_offset - box_size.x;
    if (corner.y + box_size.y > map.top + map.height) corner.y = glyph->position.y - tooltip_offset - box_size.y;
    const sf::Vector2u target_size = frame.target.getSize();
    corner.x = std::clamp(corner.x, 4.0F, std::max(4.0F, static_cast<float>(target_size.x) - box_size.x - 4.0F));
    corner.y = std::clamp(corner.y, 4.0F, std::max(4.0F, static_cast<float>(target_size.y) - box_size.y - 4.0F));
    corner = {std::round(corner.x), std::round(corner.y)};

    ShapeBatch box;
    box.rounded_rectangle({corner.x + 3.0F, corner.y + 4.0F, box_size.x, box_size.y}, 7.0F, sf::Color(0, 0, 0, 60));
    box.rounded_rectangle({corner.x, corner.y, box_size.x, box_size.y}, 7.0F, palette::tooltip);
    const EventFigure& figure = scene.figures()[index];
    const float heading_y = corner.y + tooltip_padding + 11.0F;
    draw_glyph(box, figure.glyph, {corner.x + tooltip_padding + 8.0F, heading_y}, 8.0F, figure.colour, event.certainty,
               1.0F);
    box.draw(frame.target);
    draw_text(frame.target, frame.font, heading, heading_size, corner.x + tooltip_padding + heading_icon_room,
              heading_y, palette::chrome_text, sf::Text::Bold);
    float y = corner.y + tooltip_padding + 26.0F;
    for (const TooltipLine& line : lines) {
        y += line.gap_before;
        const float line_height = static_cast<float>(line.size) * 1.4F;
        draw_text(frame.target, frame.font, line.text, line.size, corner.x + tooltip_padding, y + line_height / 2.0F,
                  line.colour, line.style);
        y += line_height;
    }
}

sf::FloatRect selection_panel(const Layout& layout) {
    const sf::FloatRect& map = layout.map;
    const float width = std::min(selection_panel_width, map.width * 0.45F);
    return {map.left + map.width - width - 10.0F, map.top + 10.0F, width, map.height - 20.0F};
}

void draw_selection(Frame& frame) {
    const Scene& scene = frame.scene;
    if (!scene.selected()) return;
    const std::size_t index = *scene.selected();
    const Event& event = scene.events()[index];
    const sf::FloatRect panel = selection_panel(frame.layout);
    if (panel.width < 120.0F || panel.height < 120.0F) return;

    // The selected glyph, where it shows at this day.
    const auto& glyphs = frame.glyphs();
    if (const auto glyph = std::find_if(glyphs.begin(), glyphs.end(), [index](const PlacedGlyph& g) { return g.event == index; });
        glyph != glyphs.end()) {
        ShapeBatch ring;
        ring.circle_outline(glyph->position, glyph->radius + 6.0F, 3.0F, palette::playhead);
        ring.draw(frame.target);
    }

    ShapeBatch box;
    box.rounded_rectangle({panel.left + 3.0F, panel.top + 4.0F, panel.width, panel.height}, 7.0F, sf::Color(0, 0, 0, 60));
    box.rounded_rectangle(panel, 7.0F, palette::tooltip);
    const EventFigure& figure = scene.figures()[index];
    const float left = panel.left + tooltip_padding;
    const float text_width_px = panel.width - 2.0F * tooltip_padding;
    float y = panel.top + tooltip_padding + 11.0F;
    draw_glyph(box, figure.glyph, {left + 8.0F, y}, 8.0F, figure.colour, event.certainty, 1.0F);
    box.draw(frame.target);
    draw_text(frame.target, frame.font, utf8(display_name(event.event_type)), 16, left + 24.0F, y, palette::chrome_text, sf::Text::Bold);
    const sf::String close = utf8("Esc closes");
    draw_text(frame.target, frame.font, close, 11, panel.left + panel.width - tooltip_padding - text_width(frame.font, close, 11), y,
              palette::chrome_muted);
    y += 20.0F;

    const float bottom = panel.top + panel.height - tooltip_padding;
    const auto line = [&](const sf::String& text, unsigned size, sf::Color colour, sf::Uint32 style = sf::Text::Regular) {
        const float height = static_cast<float>(size) * 1.4F;
        draw_text(frame.target, frame.font, text, size, left, y + height / 2.0F, colour, style);
        y += height;
    };
    const auto paragraph = [&](const std::string& text, unsigned size, sf::Color colour, std::size_t max_lines,
                               sf::Uint32 style = sf::Text::Regular) {
        for (const sf::String& l : wrap_text(frame.font, utf8(text), size, text_width_px, max_lines)) line(l, size, colour, style);
    };
    paragraph(actors_text(event), 13, palette::chrome_text, 2);
    paragraph(date_text(event) + "   \u00b7   " + place_text(event), 13, palette::chrome_text, 2);
    paragraph(certainty_text(event), 13, palette::chrome_text, 2);
    std::set<std::string> articles;
    for (const Mention& m : event.mentions) articles.insert(m.article_id);
    y += 6.0F;
    paragraph("Read in " + plural(event.mentions.size(), "sentence", "sentences") + " of " +
                  plural(articles.size(), "article", "articles") + (event.id.empty() ? std::string() : "  \u00b7  " + event.id),
              11, palette::chrome_muted, 2);

    constexpr float mention_room = 13.0F * 1.4F + 11.0F * 1.4F + 10.0F;  // an article line and one sentence line
    for (std::size_t k = 0; k < event.mentions.size(); ++k) {
        const Mention& m = event.mentions[k];
        if (y + mention_room > bottom - (k + 1 < event.mentions.size() ? 11.0F * 1.4F : 0.0F)) {
            line(utf8("+ " + plural(event.mentions.size() - k, "more mention", "more mentions")), 11, palette::chrome_muted);
            break;
        }
        y += 10.0F;
        line(utf8(m.article_id + "  \u00b7  sentence " + std::to_string(m.sentence_index + 1)), 11, palette::chrome_muted);
        const auto room_lines = static_cast<std::size_t>(std::max(1.0F, (bottom - y) / (13.0F * 1.4F)));
        paragraph("\u201c" + m.text + "\u201d", 13, sf::Color(206, 214, 222), std::min(room_lines, selection_sentence_lines),
                  sf::Text::Italic);
    }
}

}  // namespace frontline::render::detail

namespace frontline::render {

std::optional<LegendToggle> legend_toggle_at(const Scene& scene, sf::Vector2f screen) {
    const sf::FloatRect& panel = scene.layout().legend;
    if (!panel.contains(screen)) return std::nullopt;
    for (const detail::LegendPlan::Row& row : detail::plan_legend(scene, panel).rows)
        if (row.toggle && std::abs(screen.y - row.centre_y) <= detail::legend_row_height / 2.0F) return row.toggle;
    return std::nullopt;
}

}  // namespace frontline::render
