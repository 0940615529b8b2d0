#include <gtest/gtest.h>

#include <set>

#include <unistd.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>

#include "common/error.hpp"
#include "control/control_timeline.hpp"
#include "control/detail/geometry.hpp"
#include "control/scenario.hpp"
#include "geo/geos.hpp"
#include "io/control_writer.hpp"

namespace frontline {
namespace {

namespace cd = control_detail;

const std::string kobane = "geonames:172256";
const LonLat kobane_point(38.35347, 36.89095);

Event territorial(const std::string& type, const std::string& actor1, const std::string& actor2, const Date& day,
                  std::optional<double> magnitude = std::nullopt, const std::string& place_id = kobane,
                  const LonLat& at = kobane_point, int precision = 1) {
    Event e;
    e.id = type + "-" + actor1 + "-" + day.iso() + "-" + place_id;
    e.event_type = type;
    e.actor1 = actor1;
    e.actor2 = actor2;
    e.date_start = day;
    e.date_end = day;
    e.magnitude = magnitude;
    e.certainty = Certainty::reported;
    e.location = Location{"POINT (" + std::to_string(at.lon()) + " " + std::to_string(at.lat()) + ")", at, precision, "Place", place_id, "SYR"};
    return e;
}

const Date sep12(2014, 9, 12);
const Date oct8(2014, 10, 8);
const Date oct9(2014, 10, 9);

/// Writes GeoJSON files into a fresh temporary folder and removes it afterwards.
class ControlFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("frontline-control-" + std::to_string(::getpid()) + "-" +
                                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path write(const std::string& name, const std::string& text) const {
        const auto path = dir_ / name;
        std::ofstream(path) << text;
        return path;
    }

    /// A control layer of features given as (id, holder, valid_from, polygon coordinates JSON).
    std::filesystem::path layer(const std::vector<std::array<std::string, 4>>& features) const {
        std::string text = R"({"type":"FeatureCollection","features":[)";
        for (std::size_t i = 0; i < features.size(); ++i) {
            const auto& [id, holder, from, coords] = features[i];
            text += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"id":")" + id + "\"" +
                    (holder.empty() ? "" : R"(,"holder":")" + holder + "\"") + (from.empty() ? "" : R"(,"valid_from":")" + from + "\"") +
                    R"(},"geometry":{"type":"Polygon","coordinates":)" + coords + "}}";
        }
        return write("layer.geojson", text + "]}");
    }

    /// Inputs from a control layer of `features` held by `holders`, with every place looked up
    /// as one town of 200,000 people at `town`.
    ControlInputs inputs(const std::vector<std::array<std::string, 4>>& features, const std::set<std::string>& holders,
                         LonLat town) const {
        std::vector<std::string> warnings;
        ControlInputs in;
        in.initial = read_control_layer(layer(features), holders, warnings);
        in.lookup = [town](const std::string&) { return std::optional<PlaceInfo>(PlaceInfo{"Town", town, 200000}); };
        return in;
    }

    std::filesystem::path dir_;
};

std::string box(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
    return "[[" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "]]";
}

/// The checks every state of every timeline must pass (issue 5, "Invariants").
void expect_invariants(const ControlTimeline& t) {
    const GeosContext ctx;
    const double region = t.region_area_km2();
    for (std::size_t s = 0; s < t.states().size(); ++s) {
        const std::vector<HolderArea> held = t.holders(s);
        std::vector<GeosGeometry> geometries;
        double total = 0.0;
        for (const HolderArea& h : held) {
            geometries.push_back(cd::from_wkb(ctx, h.wkb));
            EXPECT_TRUE(cd::is_valid(ctx, *geometries.back())) << h.holder << " in state " << s << ": " << cd::invalid_reason(ctx, *geometries.back());
            total += h.area_km2;
        }
        for (std::size_t i = 0; i < geometries.size(); ++i)
            for (std::size_t j = i + 1; j < geometries.size(); ++j) {
                const GeosGeometry overlap = cd::intersection(ctx, *geometries[i], *geometries[j]);
                if (is_empty(ctx, *overlap)) continue;
                // Measured in the affine frame the timeline cuts in, where lon/lat edges stay
                // straight: a true projection bends a sliver's 400 m edges by millimetres and
                // reports a square metre where the pieces meet to a micrometre.
                const cd::LocalFrame frame(point_on_surface(ctx, *overlap));
                const GeosGeometry metric = frame.to_metric(ctx, *overlap);
                EXPECT_LT(frame.km2(area(ctx, *metric), cd::centroid_xy(ctx, *metric)) * 1e6, 1.0)
                    << held[i].holder << " overlaps " << held[j].holder << " in state " << s;
            }
        const double unclaimed = t.unclaimed(s).area_km2;
        EXPECT_NEAR(total + unclaimed, region, region * 0.001) << "holders and unclaimed ground cover the region in state " << s;
    }
}

TEST(ControlScenarioTest, TheSeedStoryGivesAThirdThenNothing) {
    const Scenario scenario = load_scenario("kobane-2014");
    EXPECT_TRUE(scenario.warnings.empty());
    const ControlTimeline t = ControlTimeline::build(ControlInputs::from(&scenario, {}),
                                                     {territorial("territory_taken", "YPG", "ISIS", oct9),
                                                      territorial("territory_taken", "ISIS", "", oct8, 1.0 / 3.0),
                                                      territorial("retreat", "ISIS", "", oct9)});
    EXPECT_NEAR(t.share(kobane, "ISIS", oct8), 1.0 / 3.0, 0.005);
    EXPECT_NEAR(t.share(kobane, "YPG", oct8), 2.0 / 3.0, 0.005);
    EXPECT_NEAR(t.share(kobane, "ISIS", oct9), 0.0, 1e-6);
    EXPECT_NEAR(t.share(kobane, "YPG", oct9), 1.0, 0.001);
    EXPECT_NEAR(t.share(kobane, "YPG", sep12), 1.0, 0.001) << "the scenario gives the town to the YPG";
    EXPECT_TRUE(t.shares(kobane, Date(2014, 9, 11)).empty()) << "nothing before the first state";
    ASSERT_EQ(t.states().size(), 3u);
    EXPECT_EQ(t.states()[0].layer_features.size(), 2u);
    EXPECT_EQ(t.states()[1].events.size(), 1u);
    EXPECT_EQ(t.states()[1].valid_to, oct9);
    EXPECT_FALSE(t.states()[2].valid_to) << "the current state has an open end";
    expect_invariants(t);
}

TEST(ControlScenarioTest, TurkeyBelongsToNoHolder) {
    const Scenario scenario = load_scenario("kobane-2014");
    ASSERT_EQ(scenario.outside.size(), 1u);
    const ControlTimeline t = ControlTimeline::build(ControlInputs::from(&scenario, {}), {territorial("territory_taken", "ISIS", "", oct8)});
    const GeosContext ctx;
    const GeosGeometry turkey = cd::from_wkb(ctx, scenario.outside.front());
    for (std::size_t s = 0; s < t.states().size(); ++s)
        for (const HolderArea& h : t.holders(s)) {
            const GeosGeometry inside = cd::intersection(ctx, *cd::from_wkb(ctx, h.wkb), *turkey);
            // Snap-rounding at 1e-9 degrees (0.1 mm) may leave ~10 m² along ~400 km of border.
            EXPECT_LT(area(ctx, *inside), 1e-9) << h.holder << " holds Turkish ground in state " << s;
        }
    // The finer border keeps the town in Syria, though Natural Earth puts its point in Turkey.
    EXPECT_NEAR(t.share(kobane, "ISIS", oct8), 1.0, 1e-6);
    EXPECT_NEAR(*t.place_area_km2(kobane), 10.3, 0.5) << "the curated outline: ~3.5 x 3 km";
}

TEST(ControlScenarioTest, ANamedDistrictIsTakenWhole) {
    const Scenario scenario = load_scenario("kobane-2014");
    const LonLat east(38.3625, 36.88712);
    const ControlTimeline t = ControlTimeline::build(ControlInputs::from(&scenario, {}),
                                                     {territorial("territory_taken", "ISIS", "YPG", Date(2014, 10, 6), std::nullopt,
                                                                  "frontline:kobane-east", east)});
    const double district = *t.place_area_km2("frontline:kobane-east");
    const double town = *t.place_area_km2(kobane);
    EXPECT_NEAR(t.share("frontline:kobane-east", "ISIS", Date(2014, 10, 6)), 1.0, 1e-6);
    EXPECT_NEAR(t.share(kobane, "ISIS", Date(2014, 10, 6)), district / town, 0.002);
    EXPECT_NEAR(t.share("frontline:kobane-west", "ISIS", Date(2014, 10, 6)), 0.0, 1e-6);
    expect_invariants(t);
}

TEST_F(ControlFileTest, APartialCaptureFacesTheTakersGround) {
    // A holds a block 20 km east of the place, B the rest; A takes a quarter of the place.
    const ControlInputs in = inputs({{"b", "B", "2020-01-01", box(9.5, 49.5, 10.5, 50.5)}, {"a", "A", "2020-01-01", box(10.5, 49.5, 11.0, 50.5)}}, {"A", "B"}, LonLat(10.2, 50.0));
    const Date day(2020, 2, 1);
    const ControlTimeline t = ControlTimeline::build(in, {territorial("territory_taken", "A", "B", day, 0.25, "x:1", LonLat(10.2, 50.0))});
    EXPECT_NEAR(t.share("x:1", "A", day), 0.25, 0.002);
    EXPECT_NEAR(t.share("x:1", "B", day), 0.75, 0.002);
    // The population formula: 200,000 people at 4,000 per km² -> 50 km².
    EXPECT_NEAR(*t.place_area_km2("x:1"), 50.0, 0.5);
    const GeosContext ctx;
    for (const HolderArea& h : t.holders_at(day)) {
        if (h.holder != "A") continue;
        const GeosGeometry mine = cd::intersection(ctx, *cd::from_wkb(ctx, h.wkb), *make_point(ctx, LonLat(10.2, 50.0)));
        EXPECT_TRUE(is_empty(ctx, *mine)) << "a quarter taken from the east does not reach the centre";
        const GeosGeometry disc = cd::buffer(ctx, *make_point(ctx, LonLat(10.2, 50.0)), 0.1);
        const LonLat c = centroid(ctx, *cd::intersection(ctx, *cd::from_wkb(ctx, h.wkb), *disc));
        EXPECT_GT(c.lon(), 10.2) << "the part taken faces A's ground to the east";
    }
    // Taking a larger share later grows it from the same side; a smaller one changes nothing.
    const ControlTimeline more = ControlTimeline::build(in, {territorial("territory_taken", "A", "B", day, 0.25, "x:1", LonLat(10.2, 50.0)),
                                                            territorial("territory_taken", "A", "B", day.plus_days(1), 0.6, "x:1", LonLat(10.2, 50.0)),
                                                            territorial("territory_taken", "A", "B", day.plus_days(2), 0.1, "x:1", LonLat(10.2, 50.0))});
    EXPECT_NEAR(more.share("x:1", "A", day.plus_days(1)), 0.6, 0.002);
    EXPECT_NEAR(more.share("x:1", "A", day.plus_days(2)), 0.6, 0.002);
    expect_invariants(more);
}

TEST_F(ControlFileTest, ASideNamedIsTakenFromThatSideAndAnUnnamedPartMovesNothing) {
    // B holds everything; A is nowhere near, so only the side the text names can place the cut.
    const ControlInputs in = inputs({{"b", "B", "2020-01-01", box(9.5, 49.5, 10.5, 50.5)}}, {"B"}, LonLat(10.0, 50.0));
    const Date day(2020, 2, 1);
    Event west = territorial("territory_taken", "A", "B", day, std::nullopt, "x:1", LonLat(10.0, 50.0), 2);
    west.part = PlacePart{270.0};
    Event parts = territorial("territory_taken", "B", "A", day.plus_days(1), std::nullopt, "x:1", LonLat(10.0, 50.0), 2);
    parts.part = PlacePart{};
    const ControlTimeline t = ControlTimeline::build(in, {west, parts});
    EXPECT_NEAR(t.share("x:1", "A", day), 0.15, 0.002) << "a side with no share said: a few districts";
    EXPECT_NEAR(t.share("x:1", "A", day.plus_days(1)), 0.15, 0.002) << "'parts of the town' moves nothing";
    EXPECT_EQ(t.states().size(), 2u);
    const GeosContext ctx;
    for (const HolderArea& h : t.holders_at(day)) {
        if (h.holder != "A") continue;
        EXPECT_LT(centroid(ctx, *cd::from_wkb(ctx, h.wkb)).lon(), 10.0) << "the western side";
    }
    expect_invariants(t);
}

TEST_F(ControlFileTest, AHoldingSaidGrowsOrShrinksTheHoldersShare) {
    const ControlInputs in = inputs({{"b", "B", "2020-01-01", box(9.5, 49.5, 10.5, 50.5)}, {"a", "A", "2020-01-01", box(10.5, 49.5, 11.0, 50.5)}}, {"A", "B"}, LonLat(10.2, 50.0));
    const Date day(2020, 2, 1);
    const LonLat town(10.2, 50.0);
    Event half = territorial("territory_held", "A", "", day, 0.5, "x:1", town);
    Event fifth = territorial("territory_held", "A", "", day.plus_days(5), 0.2, "x:1", town);
    // The same day's capture of a third applies first; the holding said that day is the state after it.
    const ControlTimeline t = ControlTimeline::build(in, {territorial("territory_taken", "A", "B", day, 1.0 / 3.0, "x:1", town)}, {half, fifth});
    EXPECT_NEAR(t.share("x:1", "A", day), 0.5, 0.002);
    EXPECT_NEAR(t.share("x:1", "A", day.plus_days(5)), 0.2, 0.002) << "the excess goes back to B";
    EXPECT_NEAR(t.share("x:1", "B", day.plus_days(5)), 0.8, 0.002);
    ASSERT_EQ(t.states().size(), 3u);
    EXPECT_EQ(t.states()[2].events, std::vector<std::string>{fifth.id}) << "a state records the holding that made it";
    expect_invariants(t);
}

TEST_F(ControlFileTest, ARetreatReturnsThePlaceToTheHolderOfItsSurroundings) {
    const auto path = layer({{"b", "B", "2020-01-01", box(9.5, 49.5, 10.5, 50.5)}});
    std::vector<std::string> warnings;
    ControlInputs in;
    in.initial = read_control_layer(path, {"B"}, warnings);
    const Date day(2020, 2, 1);
    const LonLat town(10.0, 50.0);
    const ControlTimeline t = ControlTimeline::build(in, {territorial("territory_taken", "A", "", day, std::nullopt, "x:1", town),
                                                         territorial("retreat", "A", "", day.plus_days(3), std::nullopt, "x:1", town)});
    EXPECT_NEAR(t.share("x:1", "A", day), 1.0, 1e-6);
    EXPECT_NEAR(t.share("x:1", "A", day.plus_days(3)), 0.0, 1e-6);
    EXPECT_NEAR(t.share("x:1", "B", day.plus_days(3)), 1.0, 1e-6);
    EXPECT_NEAR(*t.place_area_km2("x:1"), std::numbers::pi, 0.01) << "a place the lookup does not know is a 1 km disc";
    expect_invariants(t);
}

TEST_F(ControlFileTest, FrontLinesAreTheSharedBoundaries) {
    const auto path = layer({{"a", "A", "2020-01-01", box(10.0, 50.0, 10.1, 50.1)}, {"b", "B", "2020-01-01", box(10.1, 50.0, 10.2, 50.1)},
                             {"c", "C", "2020-01-01", box(10.4, 50.0, 10.5, 50.1)}});
    std::vector<std::string> warnings;
    ControlInputs in;
    in.initial = read_control_layer(path, {"A", "B", "C"}, warnings);
    const ControlTimeline t = ControlTimeline::build(in, {});
    const auto lines = t.front_lines_at(Date(2020, 1, 1));
    ASSERT_EQ(lines.size(), 1u) << "C touches nobody";
    EXPECT_EQ(lines[0].holder_a, "A");
    EXPECT_EQ(lines[0].holder_b, "B");
    EXPECT_NEAR(lines[0].length_km, 0.1 * 111.2, 0.2);
    ASSERT_EQ(lines[0].lines.size(), 1u);
    EXPECT_NEAR(lines[0].lines[0].front().lon(), 10.1, 1e-9);
    EXPECT_TRUE(t.front_lines_at(Date(2019, 12, 31)).empty());
}

TEST_F(ControlFileTest, EventsApplyInDateOrderAndClaimsAreMarked) {
    const auto path = layer({{"b", "B", "2020-01-01", box(9.5, 49.5, 10.5, 50.5)}});
    std::vector<std::string> warnings;
    ControlInputs in;
    in.initial = read_control_layer(path, {"B"}, warnings);
    const LonLat town(10.0, 50.0);
    Event claim = territorial("territory_taken", "A", "B", Date(2020, 2, 2), std::nullopt, "x:1", town);
    claim.certainty = Certainty::claimed;
    Event hypothetical = territorial("territory_taken", "C", "", Date(2020, 2, 3), std::nullopt, "x:1", town);
    hypothetical.certainty = Certainty::hypothetical;
    const ControlTimeline t = ControlTimeline::build(in, {territorial("territory_taken", "B", "A", Date(2020, 2, 5), std::nullopt, "x:1", town),
                                                         claim, hypothetical});
    EXPECT_NEAR(t.share("x:1", "A", Date(2020, 2, 2)), 1.0, 1e-6);
    EXPECT_NEAR(t.share("x:1", "A", Date(2020, 2, 5)), 0.0, 1e-6);
    EXPECT_EQ(t.share("x:1", "C", Date(2020, 2, 3)), 0.0) << "a hypothetical capture moves nothing";
    const auto s = t.state_at(Date(2020, 2, 3));
    ASSERT_TRUE(s);
    EXPECT_EQ(t.states()[*s].certainty, Certainty::claimed);
    EXPECT_EQ(t.states()[*s].events, std::vector<std::string>{claim.id});
    EXPECT_EQ(t.states().size(), 3u);
}

TEST_F(ControlFileTest, ASelfIntersectingPolygonIsRepairedWithAWarning) {
    const auto path = layer({{"bowtie", "A", "2020-01-01", "[[[10,50],[10.1,50.1],[10.1,50],[10,50.1],[10,50]]]"}});
    std::vector<std::string> warnings;
    const auto features = read_control_layer(path, {"A"}, warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("bowtie"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("GEOSMakeValid"), std::string::npos) << warnings[0];
    ControlInputs in;
    in.initial = features;
    const ControlTimeline t = ControlTimeline::build(in, {});
    expect_invariants(t);
    EXPECT_GT(t.holders_at(Date(2020, 1, 1)).at(0).area_km2, 0.0);
}

TEST_F(ControlFileTest, AnUnknownHolderIsAnErrorNamingTheFeature) {
    const auto path = layer({{"good", "A", "2020-01-01", box(10, 50, 10.1, 50.1)}, {"stranger", "Z", "2020-01-01", box(11, 50, 11.1, 50.1)}});
    std::vector<std::string> warnings;
    try {
        (void)read_control_layer(path, {"A"}, warnings);
        FAIL() << "an unknown holder was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("stranger"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("unknown holder 'Z'"), std::string::npos) << e.what();
    }
}

TEST_F(ControlFileTest, AMissingValidFromIsAnErrorNamingTheFeature) {
    const auto path = layer({{"undated", "A", "", box(10, 50, 10.1, 50.1)}});
    std::vector<std::string> warnings;
    try {
        (void)read_control_layer(path, {"A"}, warnings);
        FAIL() << "a polygon without valid_from was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("undated"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("valid_from"), std::string::npos) << e.what();
    }
}

TEST_F(ControlFileTest, ExportWritesEveryStateAndReadsBackAsALayer) {
    const Scenario scenario = load_scenario("kobane-2014");
    const std::vector<Event> events{territorial("territory_taken", "ISIS", "", oct8, 1.0 / 3.0), territorial("territory_taken", "YPG", "ISIS", oct9)};
    const ControlTimeline t = ControlTimeline::build(ControlInputs::from(&scenario, {}), events);
    const auto folder = dir_ / "out";
    write_export({parse_export_layers("events,control,frontlines"), std::nullopt, folder.string()}, events, t);
    std::ifstream in(folder / "control.geojson");
    const auto control = nlohmann::json::parse(in);
    ASSERT_EQ(control["features"].size(), 6u) << "two holders in each of three states";
    const auto& last = control["features"].back()["properties"];
    EXPECT_TRUE(last["valid_to"].is_null()) << "the current state has an open end";
    EXPECT_EQ(last["valid_from"], "2014-10-09");
    EXPECT_TRUE(last["events"].is_array());
    EXPECT_TRUE(std::filesystem::exists(folder / "events.geojson"));
    EXPECT_TRUE(std::filesystem::exists(folder / "frontlines.geojson"));

    const auto gpkg = dir_ / "out.gpkg";
    write_export({parse_export_layers("control,frontlines"), oct8, gpkg.string()}, events, t);
    std::vector<std::string> warnings;
    const auto features = read_control_layer(gpkg, {"ISIS", "YPG"}, warnings);
    ASSERT_EQ(features.size(), 2u) << "--at: only the state of that day";
    EXPECT_EQ(features[0].valid_from, oct8);
    EXPECT_THROW((void)parse_export_layers("events,rivers"), UsageError);
}

TEST_F(ControlFileTest, InvariantsHoldThroughManyRandomEvents) {
    // Eight towns 0.1° apart, so that their surroundings overlap into shared cells, two holders
    // splitting the ground between them, and sixty captures, partial captures, advances and
    // retreats by three actors.
    const auto path = layer({{"a", "A", "2020-01-01", box(9.6, 49.6, 10.22, 50.4)}, {"b", "B", "2020-01-01", box(10.22, 49.6, 10.9, 50.4)}});
    std::vector<std::string> warnings;
    ControlInputs in;
    in.initial = read_control_layer(path, {"A", "B"}, warnings);
    in.lookup = [](const std::string& id) {
        const int i = id.back() - '0';
        return std::optional<PlaceInfo>(PlaceInfo{id, LonLat(10.0 + 0.1 * (i % 4), 49.95 + 0.1 * (i / 4)), 5000L * (i + 1)});
    };
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> town(0, 7);
    std::uniform_int_distribution<int> kind(0, 9);
    std::uniform_real_distribution<double> share(0.1, 0.9);
    const std::vector<std::string> actors{"A", "B", "C"};
    std::vector<Event> events;
    for (int i = 0; i < 60; ++i) {
        const int k = kind(rng);
        const int p = town(rng);
        const std::string id = "p:" + std::to_string(p);
        const LonLat at(10.0 + 0.1 * (p % 4), 49.95 + 0.1 * (p / 4));
        const std::string type = k < 5 ? "territory_taken" : k < 8 ? "retreat" : "advance";
        events.push_back(territorial(type, actors[static_cast<std::size_t>(i % 3)], "", Date(2020, 2, 1).plus_days(i / 3),
                                     k < 3 ? std::optional<double>(share(rng)) : std::nullopt, id, at, k == 4 ? 2 : 1));
    }
    const ControlTimeline t = ControlTimeline::build(in, events);
    EXPECT_EQ(t.states().size(), 21u);
    expect_invariants(t);
    for (int p = 0; p < 8; ++p) {
        double total = 0.0;
        for (const auto& [holder, v] : t.shares("p:" + std::to_string(p), Date(2020, 3, 1))) total += v;
        EXPECT_LE(total, 1.0 + 1e-9) << "p:" << p;
    }
    EXPECT_NE(t.place_bases().at("p:3").find("population 20000: disc of r = 1.26"), std::string::npos) << t.place_bases().at("p:3");
}

TEST(ControlScenarioTest, AnUnknownScenarioListsTheKnownOnes) {
    try {
        (void)load_scenario("atlantis-1999");
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("kobane-2014"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace frontline
