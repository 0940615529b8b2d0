// Projection, view, layout, WKT, triangulation, glyph shapes, symbology: no display needed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "common/error.hpp"
#include "render/detail/glyph_shapes.hpp"
#include "render/detail/simplify.hpp"
#include "render/detail/tile_cover.hpp"
#include "render/detail/timeline_ticks.hpp"
#include "render/detail/triangulate.hpp"
#include "render/detail/wkt.hpp"
#include "render/layout.hpp"
#include "render/map_view.hpp"
#include "render/projection.hpp"
#include "render/symbology.hpp"
#include "fixtures.hpp"

namespace frontline::render {
namespace {

using test::day;

double polygon_area(const std::vector<PlanePoint>& ring) {
    double twice = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return std::abs(twice) / 2.0;
}

double triangles_area(const std::vector<PlanePoint>& ring, const std::vector<std::array<std::size_t, 3>>& triangles) {
    double sum = 0.0;
    for (const auto& [a, b, c] : triangles)
        sum += std::abs((ring[b].x - ring[a].x) * (ring[c].y - ring[a].y) -
                        (ring[b].y - ring[a].y) * (ring[c].x - ring[a].x)) /
               2.0;
    return sum;
}

// --- projection and view -----------------------------------------------------------------

TEST(MapProjection, IsTrueToScaleAtItsOrigin) {
    const MapProjection projection(LonLat(38.353, 36.891));
    const LonLat kobane(38.353, 36.891);
    const LonLat suruc(38.425, 36.976);
    const PlanePoint a = projection.forward(kobane);
    const PlanePoint b = projection.forward(suruc);
    EXPECT_NEAR(a.x, 0.0, 1e-9);
    EXPECT_NEAR(a.y, 0.0, 1e-9);
    EXPECT_NEAR(std::hypot(b.x - a.x, b.y - a.y), distance_km(kobane, suruc), 0.01 * distance_km(kobane, suruc));
}

TEST(MapProjection, InverseUndoesForwardAndRefusesTheOffWorld) {
    const MapProjection projection(LonLat(38.0, 36.0));
    for (const LonLat& p : {LonLat(38.0, 36.0), LonLat(42.5, 37.3), LonLat(-10.0, -45.0)}) {
        const auto back = projection.inverse(projection.forward(p));
        ASSERT_TRUE(back);
        EXPECT_NEAR(back->lon(), p.lon(), 1e-9);
        EXPECT_NEAR(back->lat(), p.lat(), 1e-9);
    }
    EXPECT_FALSE(projection.inverse({0.0, 20000.0}));
}

TEST(MapView, ScreenToPlaneRoundTripsWithinHalfAPixel) {
    const MapView view({0.0F, 46.0F, 1052.0F, 650.0F}, {12.5, -3.0}, 7.3);
    for (const sf::Vector2f screen :
         {sf::Vector2f(0.0F, 46.0F), sf::Vector2f(526.0F, 371.0F), sf::Vector2f(1051.0F, 695.0F)}) {
        const sf::Vector2f back = view.to_screen(view.to_plane(screen));
        EXPECT_NEAR(back.x, screen.x, 0.5F);
        EXPECT_NEAR(back.y, screen.y, 0.5F);
    }
}

TEST(MapView, ZoomKeepsThePointUnderTheCursor) {
    MapView view({0.0F, 0.0F, 800.0F, 600.0F}, {0.0, 0.0}, 2.0);
    const sf::Vector2f cursor(650.0F, 120.0F);
    const PlanePoint before = view.to_plane(cursor);
    view.zoom_at(cursor, 3.0);
    EXPECT_DOUBLE_EQ(view.pixels_per_km(), 6.0);
    const sf::Vector2f after = view.to_screen(before);
    EXPECT_NEAR(after.x, cursor.x, 0.01F);
    EXPECT_NEAR(after.y, cursor.y, 0.01F);
}

TEST(MapView, PanMovesContentWithTheMouse) {
    MapView view({0.0F, 0.0F, 800.0F, 600.0F}, {0.0, 0.0}, 2.0);
    const sf::Vector2f before = view.to_screen({10.0, 10.0});
    view.pan(30.0F, -20.0F);
    const sf::Vector2f after = view.to_screen({10.0, 10.0});
    EXPECT_NEAR(after.x - before.x, 30.0F, 1e-3F);
    EXPECT_NEAR(after.y - before.y, -20.0F, 1e-3F);
}

TEST(MapView, FitGivesASinglePointAtLeastTheMinimumExtent) {
    MapView view({0.0F, 0.0F, 800.0F, 600.0F}, {0.0, 0.0}, 1.0);
    view.fit({{5.0, 5.0}, {5.0, 5.0}}, 48.0F, 30.0);
    EXPECT_NEAR(view.pixels_per_km(), (600.0 - 96.0) / 30.0, 1e-9);
    EXPECT_NEAR(view.to_screen({5.0, 5.0}).x, 400.0F, 1e-3F);
}

TEST(MapView, ReframedKeepsWhatShowed) {
    const MapView view({0.0F, 0.0F, 800.0F, 600.0F}, {3.0, 4.0}, 2.0);
    const MapView bigger = view.reframed({0.0F, 0.0F, 1600.0F, 1500.0F});
    EXPECT_DOUBLE_EQ(bigger.pixels_per_km(), 4.0);
    EXPECT_EQ(bigger.centre(), (PlanePoint{3.0, 4.0}));
}

// --- layout and timeline axis ------------------------------------------------------------

TEST(Layout, PartsTileTheViewport) {
    const Layout layout = Layout::for_viewport({1280, 800});
    EXPECT_FLOAT_EQ(layout.title_bar.top, 0.0F);
    EXPECT_FLOAT_EQ(layout.map.top, layout.title_bar.height);
    EXPECT_FLOAT_EQ(layout.map.width + layout.legend.width, 1280.0F);
    EXPECT_FLOAT_EQ(layout.timeline.top + layout.timeline.height, 800.0F);
    EXPECT_FLOAT_EQ(layout.map.top + layout.map.height, layout.timeline.top);
    EXPECT_TRUE(layout.timeline.intersects(layout.histogram));
    EXPECT_FLOAT_EQ(Layout::for_viewport({500, 400}).legend.width, 0.0F);
}

TEST(DateRange, RefusesAnEndBeforeItsStart) {
    EXPECT_THROW(DateRange(day("2014-10-02"), day("2014-10-01")), UsageError);
    EXPECT_EQ(DateRange(day("2014-10-01"), day("2014-10-01")).days(), 1);
}

TEST(TimelineAxis, MapsDaysToColumnsAndBack) {
    const TimelineAxis axis(DateRange(day("2014-10-01"), day("2014-10-10")), 100.0F, 600.0F);
    EXPECT_FLOAT_EQ(axis.day_width(), 50.0F);
    EXPECT_FLOAT_EQ(axis.x_of(day("2014-10-01")), 125.0F);
    EXPECT_EQ(axis.date_at(axis.x_of(day("2014-10-07"))), day("2014-10-07"));
    EXPECT_EQ(axis.date_at(0.0F), day("2014-10-01"));
    EXPECT_EQ(axis.date_at(5000.0F), day("2014-10-10"));
}

TEST(TimelineTicks, PickMonthsForAYear) {
    const TimelineAxis axis(DateRange(day("2014-01-01"), day("2014-12-31")), 0.0F, 900.0F);
    const auto ticks = detail::timeline_ticks(axis, 60.0F);
    ASSERT_EQ(ticks.size(), 12U);
    for (const auto& tick : ticks) EXPECT_EQ(tick.day.day(), 1U);
    EXPECT_EQ(ticks.front().label, "Jan 2014");
    EXPECT_EQ(ticks[1].label, "Feb");
}

TEST(TimelineTicks, PickDaysOrWeeksForAFewWeeks) {
    const TimelineAxis axis(DateRange(day("2014-10-01"), day("2014-10-20")), 0.0F, 2000.0F);
    const auto ticks = detail::timeline_ticks(axis, 60.0F);
    EXPECT_EQ(ticks.size(), 20U);
    EXPECT_EQ(ticks[2].label, "3 Oct");
}

// --- WKT ---------------------------------------------------------------------------------

TEST(Wkt, ReadsPointsLinesAndPolygons) {
    const auto point = detail::parse_wkt("POINT (38.353 36.891)");
    ASSERT_TRUE(point);
    ASSERT_EQ(point->points.size(), 1U);
    EXPECT_EQ(point->points[0], LonLat(38.353, 36.891));

    for (const char* text : {"MULTIPOINT ((1 2), (3 4))", "MULTIPOINT (1 2, 3 4)", "multipoint z (1 2 9, 3 4 9)"}) {
        const auto multi = detail::parse_wkt(text);
        ASSERT_TRUE(multi) << text;
        EXPECT_EQ(multi->points.size(), 2U) << text;
    }
    const auto line = detail::parse_wkt("LINESTRING (37.8 36.76, 38.02 36.84, 38.25 36.88)");
    ASSERT_TRUE(line);
    ASSERT_EQ(line->lines.size(), 1U);
    EXPECT_EQ(line->lines[0].size(), 3U);

    const auto polygons = detail::parse_wkt(
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.2, 5.4 5.2, 5.4 5.4, 5.2 5.2)))");
    ASSERT_TRUE(polygons);
    EXPECT_EQ(polygons->lines.size(), 3U);

    const auto collection = detail::parse_wkt("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))");
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->points.size(), 1U);
    EXPECT_EQ(collection->lines.size(), 1U);

    const auto empty = detail::parse_wkt("POINT EMPTY");
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->empty());
}

TEST(Wkt, RefusesWhatItCannotRead) {
    for (const char* text : {"", "POINT", "POINT (1)", "POINT (1 2", "POINT (1 2) trailing", "CIRCLE (1 2, 3)",
                             "POINT (200 10)", "LINESTRING (1 2, )"})
        EXPECT_FALSE(detail::parse_wkt(text)) << text;
}

// --- triangulation and glyphs ------------------------------------------------------------

TEST(Triangulate, CoversAConcavePolygonExactly) {
    // An L shape, clockwise, with the closing point repeated.
    const std::vector<PlanePoint> ring{{0, 0}, {0, 3}, {1, 3}, {1, 1}, {3, 1}, {3, 0}, {0, 0}};
    const auto triangles = detail::triangulate(ring);
    EXPECT_EQ(triangles.size(), 4U);
    EXPECT_NEAR(triangles_area(ring, triangles), 5.0, 1e-12);
}

TEST(Triangulate, GivesUpOnDegenerateInputWithoutHanging) {
    EXPECT_TRUE(detail::triangulate(std::vector<PlanePoint>{{0, 0}, {1, 1}}).empty());
    const std::vector<PlanePoint> bowtie{{0, 0}, {2, 2}, {2, 0}, {0, 2}};
    EXPECT_LE(detail::triangulate(bowtie).size(), 2U);
}

TEST(Triangulate, SimplifiesToAToleranceKeepingHolesOpen) {
    // A disc of radius 10 traced with 720 points, with a square hole: to within 0.1, a few dozen
    // points make the circle, and the hole stays uncovered.
    std::vector<PlanePoint> circle;
    for (int k = 0; k < 720; ++k) {
        const double angle = 2.0 * std::numbers::pi * k / 720.0;
        circle.push_back({10.0 * std::cos(angle), 10.0 * std::sin(angle)});
    }
    const std::vector<PlanePoint> hole{{-2, -2}, {-2, 2}, {2, 2}, {2, -2}};
    const auto area_of = [](const std::vector<PlanePoint>& triangles) {
        double sum = 0.0;
        for (std::size_t i = 0; i + 2 < triangles.size(); i += 3)
            sum += std::abs((triangles[i + 1].x - triangles[i].x) * (triangles[i + 2].y - triangles[i].y) -
                            (triangles[i + 1].y - triangles[i].y) * (triangles[i + 2].x - triangles[i].x)) /
                   2.0;
        return sum;
    };
    const auto full = detail::triangulate_with_holes({circle, hole});
    const auto simple = detail::triangulate_with_holes({circle, hole}, 0.1);
    EXPECT_LT(simple.size() * 10, full.size());
    // Cut chords lose at most the tolerance times the perimeter.
    const double exact = std::numbers::pi * 100.0 - 16.0;
    EXPECT_NEAR(area_of(full), exact, 0.01);
    EXPECT_LT(area_of(simple), area_of(full) + 1e-9);
    EXPECT_GT(area_of(simple), exact - 0.1 * 2.0 * std::numbers::pi * 10.0);
    for (std::size_t i = 0; i + 2 < simple.size(); i += 3) {
        const double x = (simple[i].x + simple[i + 1].x + simple[i + 2].x) / 3.0;
        const double y = (simple[i].y + simple[i + 1].y + simple[i + 2].y) / 3.0;
        EXPECT_FALSE(std::abs(x) < 2.0 && std::abs(y) < 2.0) << "a triangle over the hole at " << x << ", " << y;
    }
}

class GlyphShapes : public ::testing::TestWithParam<GlyphShape> {};

TEST_P(GlyphShapes, AreFilledExactlyAndCoverTheirCentre) {
    const auto geometry = detail::glyph_geometry(GetParam());
    std::vector<PlanePoint> ring;
    for (const sf::Vector2f& p : geometry.outline) ring.push_back({p.x, p.y});
    std::vector<std::array<std::size_t, 3>> triangles(geometry.triangles.begin(), geometry.triangles.end());
    // Clipping can leave collinear vertices, removed without a triangle: fewer than n - 2 is fine,
    // a gap or an overlap is not.
    EXPECT_LE(triangles.size(), ring.size() - 2);
    EXPECT_NEAR(triangles_area(ring, triangles), polygon_area(ring), 1e-4);
    const auto covers_centre = [&ring](const std::array<std::size_t, 3>& t) {
        const auto side = [](const PlanePoint& a, const PlanePoint& b) { return a.x * b.y - a.y * b.x; };
        const double s1 = side(ring[t[0]], ring[t[1]]);
        const double s2 = side(ring[t[1]], ring[t[2]]);
        const double s3 = side(ring[t[2]], ring[t[0]]);
        return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    };
    EXPECT_TRUE(std::any_of(triangles.begin(), triangles.end(), covers_centre));
}

INSTANTIATE_TEST_SUITE_P(All, GlyphShapes,
                         ::testing::Values(GlyphShape::star, GlyphShape::diamond, GlyphShape::burst,
                                           GlyphShape::saltire, GlyphShape::square, GlyphShape::triangle_up,
                                           GlyphShape::triangle_down, GlyphShape::chevron, GlyphShape::plus,
                                           GlyphShape::hexagon, GlyphShape::pentagon, GlyphShape::octagon,
                                           GlyphShape::circle, GlyphShape::cog, GlyphShape::arrow, GlyphShape::dot));

// --- symbology ---------------------------------------------------------------------------

TEST(Symbology, EveryPhysicalTypeHasItsOwnGlyph) {
    std::set<GlyphShape> seen;
    for (const char* type :
         {"airstrike", "shelling", "bombing", "armed_clash", "territory_taken", "advance", "retreat", "deployment",
          "aid", "attack_on_civilians", "abduction", "arrest", "protest", "riot", "displacement"})
        EXPECT_TRUE(seen.insert(glyph_for(type)).second) << type;
    EXPECT_EQ(glyph_for("something_new"), GlyphShape::dot);
}

TEST(Symbology, ActorsKeepTheirColours) {
    EXPECT_EQ(actor_color("USA"), sf::Color(32, 96, 200));
    EXPECT_EQ(actor_color("TUR"), sf::Color(215, 38, 61));
    EXPECT_LT(actor_color("ISIS").r, 60);
    // Actors outside the palette: stable and told apart.
    EXPECT_EQ(actor_color("IRAQI_ARMY"), actor_color("IRAQI_ARMY"));
    EXPECT_NE(actor_color("IRAQI_ARMY"), actor_color("DONBAS_SEP"));
}

TEST(Symbology, GlyphsGrowWithMentionsWithinBounds) {
    EXPECT_FLOAT_EQ(glyph_radius(0), glyph_radius(1));
    EXPECT_LT(glyph_radius(1), glyph_radius(4));
    EXPECT_LE(glyph_radius(10000), 16.0F);
    EXPECT_EQ(display_name("armed_clash"), "Armed clash");
}

TEST(Simplified, DropsWhatAPixelCannotShowAndKeepsTheEnds) {
    const GeosContext ctx;
    // Collinear points go; a ring of 100 px radius in 2,000 steps keeps its shape within the
    // tolerance with a few dozen.
    std::vector<sf::Vector2f> straight;
    for (int i = 0; i <= 100; ++i) straight.emplace_back(static_cast<float>(i), 5.0F + 0.5F * static_cast<float>(i));
    const auto line = detail::simplified(ctx, straight, 0.25);
    ASSERT_EQ(line.size(), 2U);
    EXPECT_EQ(line.front(), straight.front());
    EXPECT_EQ(line.back(), straight.back());

    std::vector<sf::Vector2f> ring;
    for (int i = 0; i <= 2000; ++i) {
        const double angle = 2.0 * std::numbers::pi * i / 2000.0;
        ring.emplace_back(static_cast<float>(300.0 + 100.0 * std::cos(angle)),
                          static_cast<float>(200.0 + 100.0 * std::sin(angle)));
    }
    const auto kept = detail::simplified(ctx, ring, 0.25);
    EXPECT_GT(kept.size(), 20U);
    EXPECT_LT(kept.size(), 200U);
    EXPECT_EQ(kept.front(), kept.back());
    // Every point of the ring lies within the tolerance of the simplified outline.
    for (const sf::Vector2f& p : ring) {
        double nearest = 1e9;
        for (std::size_t i = 1; i < kept.size(); ++i) {
            const double ax = kept[i - 1].x;
            const double ay = kept[i - 1].y;
            const double dx = kept[i].x - ax;
            const double dy = kept[i].y - ay;
            const double t = std::clamp(((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
            nearest = std::min(nearest, std::hypot(p.x - (ax + t * dx), p.y - (ay + t * dy)));
        }
        EXPECT_LE(nearest, 0.26);
    }
    // Too short to simplify: as it was.
    EXPECT_EQ(detail::simplified(ctx, {{1.0F, 1.0F}, {2.0F, 2.0F}}, 0.25).size(), 2U);
}

TEST(TileCover, RunsAlongEachRowOfTilesABoxTouches) {
    using detail::TileCover;
    constexpr int tile = static_cast<int>(TileCover::tile_px);
    TileCover cover({1000, 700});
    EXPECT_TRUE(cover.empty());
    EXPECT_TRUE(cover.runs({0, 0, 1000, 700}).empty());
    // From inside tile (1, 0) to inside tile (3, 1): two rows of three tiles.
    cover.cover({static_cast<float>(tile) + 10.0F, 5.0F, 2.0F * tile, static_cast<float>(tile)});
    EXPECT_FALSE(cover.empty());
    const auto runs = cover.runs({0, 0, 1000, 700});
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0], sf::IntRect(tile, 0, 3 * tile, tile));
    EXPECT_EQ(runs[1], sf::IntRect(tile, tile, 3 * tile, tile));
    // Cut to the clip.
    const auto clipped = cover.runs({tile + 20, 30, 1000, 700});
    ASSERT_EQ(clipped.size(), 2U);
    EXPECT_EQ(clipped[0], sf::IntRect(tile + 20, 30, 3 * tile - 20, tile - 30));
}

TEST(TileCover, IgnoresWhatLiesOutsideTheTargetAndJoinsAnotherCover) {
    using detail::TileCover;
    constexpr int tile = static_cast<int>(TileCover::tile_px);
    TileCover cover({300, 200});
    cover.cover({-500.0F, -500.0F, 100.0F, 100.0F});
    cover.cover({400.0F, 10.0F, 50.0F, 50.0F});
    EXPECT_TRUE(cover.empty());
    // A box hanging over the edge marks the edge tiles; the last column is a partial tile.
    cover.cover({290.0F, -20.0F, 100.0F, 30.0F});
    TileCover other({300, 200});
    other.cover({0.0F, 150.0F, 1.0F, 1.0F});
    cover.add(other);
    const auto runs = cover.runs({0, 0, 300, 200});
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0], sf::IntRect(4 * tile, 0, 300 - 4 * tile, tile));
    EXPECT_EQ(runs[1], sf::IntRect(0, 2 * tile, tile, tile));
    cover.clear();
    EXPECT_TRUE(cover.empty());
}

}  // namespace
}  // namespace frontline::render
