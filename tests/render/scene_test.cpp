// Scene state: what is visible when, where glyphs go, framing and hover. No display needed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "render/detail/frame.hpp"
#include "render/scene.hpp"
#include "fixtures.hpp"

namespace frontline::render {
namespace {

using test::day;

bool inside(const sf::FloatRect& rect, sf::Vector2f p) {
    return p.x >= rect.left && p.x <= rect.left + rect.width && p.y >= rect.top && p.y <= rect.top + rect.height;
}

TEST(Scene, StartsOnTheLastDayShowingEveryPhysicalEvent) {
    const Scene scene = test::small_scene();
    EXPECT_EQ(scene.current(), day("2014-10-20"));
    EXPECT_EQ(scene.window(), TimeWindow::cumulative);
    const DayCount visible = scene.visible_counts();
    EXPECT_EQ(visible.physical, 4U);
    EXPECT_EQ(visible.statements, 1U);
    EXPECT_EQ(scene.placed_glyphs().size(), 4U);
}

TEST(Scene, StatementsAreCountedOnTheTimelineButNotDrawn) {
    const Scene scene = test::small_scene();
    EXPECT_FALSE(scene.figures()[2].on_map);
    const auto& counts = scene.daily_counts();
    ASSERT_EQ(counts.size(), 20U);
    EXPECT_EQ(counts[5].statements, 1U);  // 2014-10-06
    EXPECT_EQ(counts[4].physical, 1U);    // 2014-10-05
    for (const PlacedGlyph& glyph : scene.placed_glyphs()) EXPECT_NE(glyph.event, 2U);
}

TEST(Scene, ShowsOnlyWhatStartedByTheCurrentDay) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-08"));
    EXPECT_TRUE(scene.is_visible(0));
    EXPECT_TRUE(scene.is_visible(1));
    EXPECT_FALSE(scene.is_visible(3));
    EXPECT_FALSE(scene.is_visible(4));
}

TEST(Scene, SlidingWindowDropsOldEvents) {
    Scene scene = test::small_scene();
    scene.set_window(TimeWindow::sliding);
    scene.set_window_days(3);
    scene.set_current(day("2014-10-10"));
    EXPECT_EQ(scene.window_start(), day("2014-10-08"));
    EXPECT_FALSE(scene.is_visible(0));  // 10-05
    EXPECT_TRUE(scene.is_visible(1));   // 10-08
    EXPECT_TRUE(scene.is_visible(3));   // 10-10
    EXPECT_THROW(scene.set_window_days(0), UsageError);
}

TEST(Scene, PlayheadStaysInTheRange) {
    Scene scene = test::small_scene();
    scene.set_current(day("2015-01-01"));
    EXPECT_EQ(scene.current(), day("2014-10-20"));
    scene.set_current(day("2014-01-01"));
    EXPECT_EQ(scene.current(), day("2014-10-01"));
}

TEST(Scene, StepsBetweenEventDays) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-06"));
    EXPECT_EQ(scene.next_event_date(), day("2014-10-08"));
    EXPECT_EQ(scene.previous_event_date(), day("2014-10-05"));
    scene.set_current(day("2014-10-12"));
    EXPECT_FALSE(scene.next_event_date());
}

TEST(Scene, FitToEventsContainsEveryEvent) {
    Scene scene = test::small_scene();
    scene.pan(5000.0F, -3000.0F);
    scene.zoom_at({10.0F, 10.0F}, 40.0);
    scene.fit_to_events();
    for (const Event& event : scene.events()) {
        if (!event.location) continue;
        EXPECT_TRUE(inside(scene.layout().map, scene.to_screen(event.location->anchor))) << event.id;
    }
    // The border line's vertices too.
    for (const auto& line : scene.figures()[3].lines)
        for (const PlanePoint& p : line) EXPECT_TRUE(inside(scene.layout().map, scene.view().to_screen(p)));
}

TEST(Scene, FitToABoxShowsAllOfItAndLittleMore) {
    Scene scene = test::small_scene();
    const LonLat south_west(37.6, 36.4);
    const LonLat north_east(39.2, 37.4);
    scene.fit_to(south_west, north_east);
    const sf::FloatRect& map = scene.layout().map;
    for (const LonLat& corner : {south_west, north_east, LonLat(37.6, 37.4), LonLat(39.2, 36.4)})
        EXPECT_TRUE(inside(map, scene.to_screen(corner))) << corner.lon() << " " << corner.lat();
    // Tight along the axis that limits it: the box spans the map's width or its height to a few percent.
    const sf::Vector2f west = scene.to_screen(LonLat(37.6, 36.9));
    const sf::Vector2f east = scene.to_screen(LonLat(39.2, 36.9));
    const sf::Vector2f south = scene.to_screen(LonLat(38.4, 36.4));
    const sf::Vector2f north = scene.to_screen(LonLat(38.4, 37.4));
    const float width_share = (east.x - west.x) / map.width;
    const float height_share = (south.y - north.y) / map.height;
    EXPECT_GT(std::max(width_share, height_share), 0.95F);
    // An event outside the box is off the map.
    EXPECT_FALSE(inside(map, scene.to_screen(LonLat(36.0, 36.9))));
}

TEST(Scene, ARegionKnownOnlyByItsPointDoesNotFrameTheMap) {
    std::vector<Event> events{test::make_event("airstrike", "USA", 38.353, 36.891, "2014-10-05"),
                              test::make_event("riot", "KURDS_CIV", 40.2, 37.9, "2014-10-07"),
                              test::make_event("protest", "KURDS_CIV", 10.45, 51.17, "2014-10-08", Certainty::reported, 3)};
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    scene.fit_to_events();
    EXPECT_TRUE(inside(scene.layout().map, scene.to_screen(scene.events()[0].location->anchor)));
    EXPECT_TRUE(inside(scene.layout().map, scene.to_screen(scene.events()[1].location->anchor)));
    EXPECT_FALSE(inside(scene.layout().map, scene.to_screen(scene.events()[2].location->anchor)));

    // Alone, it frames the map.
    std::vector<Event> alone{test::make_event("protest", "KURDS_CIV", 10.45, 51.17, "2014-10-08", Certainty::reported, 3)};
    Scene only(std::move(alone), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    only.fit_to_events();
    EXPECT_TRUE(inside(only.layout().map, only.to_screen(only.events()[0].location->anchor)));
}

TEST(Scene, FitsASingleTownToAtLeastThirtyKilometres) {
    std::vector<Event> events{test::make_event("airstrike", "USA", 38.353, 36.891, "2014-10-05")};
    const Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    const double km_across = static_cast<double>(scene.layout().map.height) / scene.view().pixels_per_km();
    EXPECT_GE(km_across, 30.0);
    EXPECT_LE(km_across, 60.0);
}

TEST(Scene, ScreenToLonLatRoundTripsWithinHalfAPixel) {
    const Scene scene = test::kobane_scene();
    const sf::FloatRect& map = scene.layout().map;
    for (float fx : {0.0F, 0.3F, 0.77F, 1.0F})
        for (float fy : {0.0F, 0.5F, 1.0F}) {
            const sf::Vector2f screen{map.left + fx * map.width, map.top + fy * map.height};
            const auto position = scene.to_lonlat(screen);
            ASSERT_TRUE(position);
            const sf::Vector2f back = scene.to_screen(*position);
            EXPECT_NEAR(back.x, screen.x, 0.5F);
            EXPECT_NEAR(back.y, screen.y, 0.5F);
        }
}

TEST(Scene, NewEventsNeverMoveTheGlyphsAlreadyPlaced) {
    // A renderer keeps what it drew of the older glyphs while the playhead moves on.
    std::vector<Event> events;
    for (int i = 0; i < 30; ++i) {
        Event event = test::make_event("armed_clash", i % 2 == 0 ? "YPG" : "ISIS", 38.353 + 0.0005 * (i % 3),
                                       36.891, day("2014-10-01").plus_days(i % 20).iso());
        for (int m = 0; m < i % 5; ++m) event.mentions.push_back(event.mentions.front());  // larger glyphs later
        events.push_back(std::move(event));
    }
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-20")), {1000, 700});
    scene.set_current(day("2014-10-05"));
    const auto before = scene.placed_glyphs();
    scene.set_current(day("2014-10-20"));
    const auto after = scene.placed_glyphs();
    ASSERT_GT(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].event, before[i].event);
        EXPECT_EQ(after[i].position, before[i].position);
    }
    // The oldest at the place itself.
    EXPECT_EQ(after.front().position, after.front().anchor);
}

TEST(Scene, KeptPlacementIsTheOneWorkedOutAfresh) {
    // The scene carries its placement on as the playhead moves in a cumulative map and starts
    // again otherwise; either way it must be the placement of the events shown.
    std::vector<Event> events;
    for (int i = 0; i < 60; ++i) {
        Event event = test::make_event(i % 3 == 0 ? "airstrike" : "armed_clash", i % 2 == 0 ? "YPG" : "ISIS",
                                       38.353 + 0.002 * (i % 4), 36.891 - 0.002 * (i % 3),
                                       day("2014-10-01").plus_days((i * 7) % 20).iso());
        if (i % 5 == 0) event.date_end = event.date_start->plus_days(3);
        for (int m = 0; m < i % 4; ++m) event.mentions.push_back(event.mentions.front());
        events.push_back(std::move(event));
    }
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-20")), {1000, 700});
    const auto same_as_fresh = [&scene](const std::string& when) {
        const auto& kept = scene.placed_glyphs();
        const auto fresh = scene.placed_glyphs(scene.view());
        ASSERT_EQ(kept.size(), fresh.size()) << when;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            EXPECT_EQ(kept[i].event, fresh[i].event) << when << ", glyph " << i;
            EXPECT_EQ(kept[i].position, fresh[i].position) << when << ", glyph " << i;
            EXPECT_EQ(kept[i].anchor, fresh[i].anchor) << when << ", glyph " << i;
        }
    };
    for (int d = 0; d < 20; d += 3) {
        scene.set_current(day("2014-10-01").plus_days(d));
        same_as_fresh("forward to day " + std::to_string(d));
    }
    // Back a day at a time (the placement is cut back), then forward again past where it was.
    for (int d = 19; d >= 0; --d) {
        scene.set_current(day("2014-10-01").plus_days(d));
        same_as_fresh("back to day " + std::to_string(d));
    }
    scene.set_current(day("2014-10-12"));
    same_as_fresh("forward again");
    scene.set_current(day("2014-10-08"));
    same_as_fresh("back");
    scene.set_type_shown("airstrike", false);
    same_as_fresh("filtered");
    scene.set_current(day("2014-10-15"));
    same_as_fresh("filtered, forward");
    scene.set_window(TimeWindow::sliding);
    same_as_fresh("sliding");
    scene.set_current(day("2014-10-18"));
    same_as_fresh("sliding, forward");
    scene.zoom_at(scene.to_screen(LonLat(38.353, 36.891)), 4.0);
    same_as_fresh("zoomed");
}

TEST(Scene, SpreadsAndCutsBackGlyphsFarOffTheMapAsOnIt) {
    // The placement finds the groups near the map frame in a flat grid and those beyond it in a
    // hash map; zoomed in on one town, the other town's events are far off the map.
    std::vector<Event> events;
    for (int i = 0; i < 40; ++i) {
        const bool far_town = i % 2 == 1;
        events.push_back(test::make_event("armed_clash", "YPG", far_town ? 40.1 : 38.353, far_town ? 37.9 : 36.891,
                                          day("2014-10-01").plus_days((i / 2) % 10).iso()));
    }
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    scene.zoom_at(scene.to_screen(LonLat(38.353, 36.891)), 64.0);
    ASSERT_FALSE(inside(scene.layout().map, scene.to_screen(LonLat(40.1, 37.9))));
    const auto spread_like_the_near_town = [&scene](const std::string& when) {
        const auto& glyphs = scene.placed_glyphs();
        const auto fresh = scene.placed_glyphs(scene.view());
        ASSERT_EQ(glyphs.size(), fresh.size()) << when;
        std::vector<sf::Vector2f> near_offsets;
        std::vector<sf::Vector2f> far_offsets;
        for (std::size_t g = 0; g < glyphs.size(); ++g) {
            EXPECT_EQ(glyphs[g].position, fresh[g].position) << when << ", glyph " << g;
            (glyphs[g].event % 2 == 1 ? far_offsets : near_offsets).push_back(glyphs[g].position - glyphs[g].anchor);
        }
        // Each town one sunflower, spread alike: within the float screen coordinates' step that
        // far out, a 128th of a pixel.
        ASSERT_EQ(near_offsets.size(), far_offsets.size()) << when;
        for (std::size_t k = 0; k < near_offsets.size(); ++k) {
            EXPECT_NEAR(far_offsets[k].x, near_offsets[k].x, 1.0 / 64.0) << when << ", member " << k;
            EXPECT_NEAR(far_offsets[k].y, near_offsets[k].y, 1.0 / 64.0) << when << ", member " << k;
        }
    };
    for (int d = 9; d >= 0; d -= 3) {
        scene.set_current(day("2014-10-01").plus_days(d));
        spread_like_the_near_town("back to day " + std::to_string(d));
    }
    scene.set_current(day("2014-10-10"));
    spread_like_the_near_town("forward again");
}

TEST(Scene, FiltersByTypeAndActorIncludingNamesItDoesNotHave) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-20"));
    const auto visible = [&] {
        std::vector<bool> shown;
        for (std::size_t i = 0; i < scene.events().size(); ++i) shown.push_back(scene.is_visible(i));
        return shown;
    };
    const std::vector<bool> all = visible();
    // Names no event has hide nothing, so the scene is left as it is: no frame to draw again.
    const std::uint64_t before = scene.revision();
    scene.set_type_shown("riot", false);
    scene.set_actor_shown("SAA", false);
    EXPECT_TRUE(scene.type_shown("riot"));
    EXPECT_TRUE(scene.actor_shown("SAA"));
    EXPECT_EQ(scene.revision(), before);
    EXPECT_EQ(visible(), all);

    scene.set_type_shown("airstrike", false);
    scene.set_actor_shown("ISIS", false);
    EXPECT_FALSE(scene.type_shown("airstrike"));
    EXPECT_FALSE(scene.actor_shown("ISIS"));
    EXPECT_FALSE(scene.is_visible(0)) << "the airstrike";
    EXPECT_FALSE(scene.is_visible(1)) << "ISIS's shelling";
    EXPECT_TRUE(scene.is_visible(4)) << "YPG's territory taken";
    scene.set_type_shown("airstrike", true);
    scene.set_actor_shown("ISIS", true);
    EXPECT_EQ(visible(), all);
}

TEST(Scene, SpreadsEventsAtOnePlaceWithoutOverlap) {
    std::vector<Event> events;
    for (int i = 0; i < 12; ++i)
        events.push_back(
            test::make_event("armed_clash", "YPG", 38.353, 36.891, "2014-10-0" + std::to_string(1 + i % 9)));
    const Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    const auto glyphs = scene.placed_glyphs();
    ASSERT_EQ(glyphs.size(), 12U);
    for (std::size_t a = 0; a < glyphs.size(); ++a) {
        EXPECT_EQ(glyphs[a].anchor, glyphs[0].anchor);
        for (std::size_t b = a + 1; b < glyphs.size(); ++b) {
            const sf::Vector2f d = glyphs[a].position - glyphs[b].position;
            EXPECT_GE(std::hypot(d.x, d.y), glyphs[a].radius + glyphs[b].radius - 0.5F);
        }
    }
    // Oldest first: the newest is drawn last, on top.
    for (std::size_t i = 1; i < glyphs.size(); ++i)
        EXPECT_FALSE(scene.events()[glyphs[i].event].date_start < scene.events()[glyphs[i - 1].event].date_start);
}

TEST(Scene, FindsTheEventUnderTheCursor) {
    Scene scene = test::small_scene();
    const sf::Vector2f airstrike = scene.to_screen(scene.events()[0].location->anchor);
    EXPECT_EQ(scene.event_at(airstrike), 0U);
    EXPECT_EQ(scene.event_at(airstrike + sf::Vector2f(4.0F, 0.0F)), 0U);
    EXPECT_FALSE(scene.event_at(airstrike + sf::Vector2f(60.0F, 60.0F)));
    scene.set_current(day("2014-10-04"));
    EXPECT_FALSE(scene.event_at(airstrike));  // not happened yet
    EXPECT_THROW(scene.set_hovered(99), UsageError);
}

TEST(Scene, UnreadableWktFallsBackToTheAnchor) {
    Event event = test::make_event("airstrike", "USA", 38.353, 36.891, "2014-10-05");
    event.location->wkt = "POINT (oops)";
    const Scene scene({event}, BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    ASSERT_EQ(scene.figures()[0].marks.size(), 1U);
    EXPECT_EQ(scene.figures()[0].marks[0], scene.projection().forward(LonLat(38.353, 36.891)));
}

TEST(Scene, MultipointEventsGetAGlyphAtEachPoint) {
    Event riots = test::make_event("riot", "KURDS_CIV", 40.0, 37.9, "2014-10-07");
    riots.location->wkt = "MULTIPOINT ((40.219 37.916), (40.744 37.313), (41.132 37.887))";
    const Scene scene({riots}, BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {1000, 700});
    EXPECT_EQ(scene.placed_glyphs().size(), 3U);
}

TEST(Scene, EventDateRangeSpansStartsAndEnds) {
    std::vector<Event> events{test::make_event("airstrike", "USA", 38.0, 36.0, "2014-10-05"),
                              test::make_statement("appeal", "UN", "2014-09-30")};
    events[0].date_end = day("2014-10-09");
    events.push_back(Event{});  // undated
    const auto range = event_date_range(events);
    ASSERT_TRUE(range);
    EXPECT_EQ(range->first(), day("2014-09-30"));
    EXPECT_EQ(range->last(), day("2014-10-09"));
    EXPECT_FALSE(event_date_range({Event{}}));
}

TEST(Scene, RefusesAnEmptyViewport) {
    EXPECT_THROW(Scene({}, BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-02")), {0, 700}), UsageError);
}

/// The legend's plan, its headings in order, and whether each has a row of its own under it in
/// the panel.
struct LegendCheck {
    detail::LegendPlan plan;
    std::vector<std::string> headings;
    bool every_heading_has_a_row = true;
    bool rows_inside = true;
};

LegendCheck check_legend(const Scene& scene) {
    const sf::FloatRect& panel = scene.layout().legend;
    LegendCheck check{detail::plan_legend(scene, panel), {}};
    const detail::LegendPlan& plan = check.plan;
    for (std::size_t h = 0; h < plan.headings.size(); ++h) {
        const float at = plan.headings[h].second;
        const float next = h + 1 < plan.headings.size() ? plan.headings[h + 1].second : panel.top + panel.height;
        check.headings.push_back(plan.headings[h].first.toAnsiString());
        check.every_heading_has_a_row =
            check.every_heading_has_a_row &&
            std::any_of(plan.rows.begin(), plan.rows.end(),
                        [&](const detail::LegendPlan::Row& row) { return row.centre_y > at && row.centre_y < next; });
    }
    for (const auto& row : plan.rows)
        check.rows_inside = check.rows_inside && row.centre_y > panel.top && row.centre_y < panel.top + panel.height;
    return check;
}

TEST(Legend, KeepsTheKeyToTheGlyphsByFoldingTheActorsWithFewestEvents) {
    std::vector<Event> events;
    for (int actor = 0; actor < 24; ++actor)
        for (int k = 0; k <= actor % 3; ++k)
            events.push_back(test::make_event(actor % 2 == 0 ? "airstrike" : "armed_clash",
                                              "ACTOR" + std::to_string(actor), 38.3 + 0.01 * actor, 36.9, "2014-10-05",
                                              Certainty::confirmed, 1 + actor % 3));
    const Scene scene(events, BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-20")), {1000, 600});
    const LegendCheck check = check_legend(scene);
    EXPECT_EQ(check.headings, (std::vector<std::string>{"EVENTS", "WHO (FIRST ACTOR)", "HOW SURE", "WHERE"}));
    EXPECT_TRUE(check.every_heading_has_a_row);
    EXPECT_TRUE(check.rows_inside);
    const detail::LegendPlan& plan = check.plan;
    EXPECT_TRUE(std::any_of(plan.rows.begin(), plan.rows.end(), [](const detail::LegendPlan::Row& row) {
        return row.label.toAnsiString().starts_with("+ ") && row.label.toAnsiString().ends_with(" others");
    }));
    // The first actor rows are those with the most events (three each).
    const auto first_actor = std::find_if(plan.rows.begin(), plan.rows.end(), [](const detail::LegendPlan::Row& row) {
        return row.toggle && row.toggle->kind == LegendToggle::Kind::actor;
    });
    ASSERT_NE(first_actor, plan.rows.end());
    EXPECT_EQ(first_actor->count, "3");
}

TEST(Legend, PutsNoHeadingWithoutRoomForItsFirstRow) {
    // Short viewports, a pixel apart: in one of them the panel ends just under a heading.
    for (unsigned height = 300; height < 420; ++height) {
        const Scene scene = test::small_scene();
        Scene sized(scene.events(), BaseLayer{}, scene.range(), {1000, height});
        const LegendCheck check = check_legend(sized);
        EXPECT_TRUE(check.every_heading_has_a_row) << "viewport height " << height;
        EXPECT_TRUE(check.rows_inside) << "viewport height " << height;
    }
}

}  // namespace
}  // namespace frontline::render
