#include "eval/scorer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/lonlat.hpp"
#include "corpus_files.hpp"
#include "eval/gold.hpp"
#include "geo/country_index.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

const fs::path seed_gold = FRONTLINE_TEST_DATA "/corpus/seed/000_6520db93bddb2147.gold.json";

// A GeoNames point inside each country the gold files name.
const std::map<std::string, LonLat> point_in_country{
    {"Turkey", LonLat(40.21721, 37.91363)},  // Diyarbakir
    {"Syria", LonLat(37.16117, 36.20124)},   // Aleppo
    {"Iraq", LonLat(44.40088, 33.34058)},    // Baghdad
};

std::string point_wkt(const LonLat& p) {
    return "POINT (" + std::to_string(p.lon()) + " " + std::to_string(p.lat()) + ")";
}

/// Any id the gold list accepts, empty when it accepts only an absent actor.
std::string any_actor(const std::optional<ActorSet>& actors) {
    return actors && !actors->ids.empty() ? *actors->ids.begin() : std::string();
}

/// The event a perfect extractor would produce for `gold`: its first type, an accepted actor,
/// its date, its point (or a town in its country) and its magnitude.
Event event_for(const GoldEvent& gold) {
    Event e;
    e.id = gold.id;
    e.event_type = gold.event_types.front();
    e.actor1 = any_actor(gold.actor1);
    e.actor2 = any_actor(gold.actor2);
    e.date_start = gold.date;
    e.date_end = gold.date;
    e.magnitude = gold.magnitude ? std::optional<double>(gold.magnitude->value) : std::nullopt;
    if (gold.where) {
        const LonLat at = std::holds_alternative<WithinKm>(*gold.where)
                              ? std::get<WithinKm>(*gold.where).point
                              : point_in_country.at(std::get<InCountry>(*gold.where).country);
        Location location;
        location.wkt = point_wkt(at);
        location.anchor = at;
        location.place = gold.id;
        e.location = location;
    }
    Mention mention;
    mention.text = "sentence of " + gold.id;
    e.mentions.push_back(mention);
    return e;
}

std::vector<Event> events_for(const Gold& gold) {
    std::vector<Event> events;
    for (const GoldEvent& g : gold.events) events.push_back(event_for(g));
    return events;
}

const GoldEvent& gold_event(const Gold& gold, const std::string& id) {
    return *std::find_if(gold.events.begin(), gold.events.end(), [&](const GoldEvent& g) { return g.id == id; });
}

class ScorerTest : public ::testing::Test {
protected:
    // Reading Natural Earth takes a moment: one index for the whole suite.
    static void SetUpTestSuite() { countries_.emplace(CountryIndex::load(CountryIndex::default_path())); }
    static void TearDownTestSuite() { countries_.reset(); }

    static const CountryIndex& countries() { return *countries_; }

    const Gold seed = load_gold(seed_gold);

private:
    static std::optional<CountryIndex> countries_;
};

std::optional<CountryIndex> ScorerTest::countries_;

TEST_F(ScorerTest, EveryGoldCountryIsKnownToTheIndex) {
    for (const fs::path& path : corpus_gold_files()) {
        const Gold gold = load_gold(path);
        for (const GoldEvent& g : gold.events) {
            if (g.where && std::holds_alternative<InCountry>(*g.where)) {
                EXPECT_TRUE(countries().has_country(std::get<InCountry>(*g.where).country)) << gold.article << " " << g.id;
            }
        }
        for (const ForbiddenRule& rule : gold.forbidden) {
            if (rule.where && std::holds_alternative<InCountry>(*rule.where)) {
                EXPECT_TRUE(countries().has_country(std::get<InCountry>(*rule.where).country)) << gold.article;
            }
        }
    }
}

TEST_F(ScorerTest, EventsBuiltFromTheSeedGoldScorePerfectly) {
    const ArticleScore score = score_article(events_for(seed), seed, countries());
    EXPECT_EQ(score.article, "000_6520db93bddb2147");
    EXPECT_EQ(score.physical.required, 7U);
    EXPECT_EQ(score.physical.found, 7U);
    EXPECT_EQ(score.physical.produced, 11U);
    EXPECT_EQ(score.physical.matched, 11U);
    EXPECT_EQ(score.statement.required, 6U);
    EXPECT_EQ(score.statement.matched, 8U);
    EXPECT_DOUBLE_EQ(score.physical.recall(), 1.0);
    EXPECT_DOUBLE_EQ(score.physical.precision(), 1.0);
    EXPECT_DOUBLE_EQ(score.statement.recall(), 1.0);
    EXPECT_DOUBLE_EQ(score.statement.precision(), 1.0);
    EXPECT_TRUE(score.missed.empty());
    EXPECT_TRUE(score.unmatched.empty());
    EXPECT_TRUE(score.forbidden.empty());
    // Nine physical golds give a point (each produced exactly on it), two a country.
    EXPECT_EQ(score.physical.kms.size(), 9U);
    EXPECT_LT(*score.physical.median_km(), 1e-6);
    EXPECT_EQ(score.physical.located, 11U);
    EXPECT_EQ(score.physical.dated, 8U);  // O2, O3 and O4 give no date
}

// Gold events that could be confused with each other (a capture and the loser's retreat, a
// required and an optional strike) must still pair up one to one.
class CorpusSelfScore : public ScorerTest, public ::testing::WithParamInterface<fs::path> {};

TEST_P(CorpusSelfScore, EventsBuiltFromTheGoldScorePerfectly) {
    const Gold gold = load_gold(GetParam());
    const ArticleScore score = score_article(events_for(gold), gold, countries());
    EXPECT_EQ(score.physical.found, score.physical.required);
    EXPECT_EQ(score.physical.matched, score.physical.produced);
    EXPECT_EQ(score.statement.found, score.statement.required);
    EXPECT_EQ(score.statement.matched, score.statement.produced);
    EXPECT_TRUE(score.forbidden.empty()) << score.forbidden.front().why;
}

INSTANTIATE_TEST_SUITE_P(AllCorpora, CorpusSelfScore, ::testing::ValuesIn(corpus_gold_files()), gold_test_name);

TEST_F(ScorerTest, ASecondReportOfOneEventIsUnmatched) {
    std::vector<Event> events = events_for(seed);
    Event again = event_for(gold_event(seed, "G1"));
    again.mentions.front().text = "the headline again";
    events.push_back(again);
    const ArticleScore score = score_article(events, seed, countries());
    EXPECT_EQ(score.physical.found, 7U);
    EXPECT_EQ(score.physical.produced, 12U);
    EXPECT_EQ(score.physical.matched, 11U);
    ASSERT_EQ(score.unmatched.size(), 1U);
    EXPECT_EQ(score.unmatched.front().event_type, "territory_taken");
    EXPECT_EQ(score.unmatched.front().actor1, "YPG");
}

TEST_F(ScorerTest, AnEventThirtyKmOffAFifteenKmGoldMissesIt) {
    const GoldEvent& g1 = gold_event(seed, "G1");
    const LonLat gold_point = std::get<WithinKm>(*g1.where).point;
    const LonLat off(gold_point.lon(), gold_point.lat() - 30.0 / 111.195);  // 30 km south, into Syria
    ASSERT_NEAR(distance_km(gold_point, off), 30.0, 0.01);

    Event moved = event_for(g1);
    moved.location->wkt = point_wkt(off);
    ArticleScore score = score_article({moved}, seed, countries());
    EXPECT_EQ(score.physical.matched, 0U);
    EXPECT_EQ(score.missed.front(), "G1");

    const LonLat near(gold_point.lon(), gold_point.lat() - 10.0 / 111.195);
    moved.location->wkt = point_wkt(near);
    score = score_article({moved}, seed, countries());
    EXPECT_EQ(score.physical.found, 1U);
    ASSERT_EQ(score.physical.kms.size(), 1U);
    EXPECT_NEAR(score.physical.kms.front(), 10.0, 0.01);
}

TEST_F(ScorerTest, DistanceToALineIsToItsNearestPoint) {
    Event border = event_for(gold_event(seed, "G6"));  // deployment, 60 km around Kobane
    // An east-west line 0.2 degrees (22.2 km) south of the gold point, ending far from it.
    border.location->wkt = "LINESTRING (37.5 36.705, 39.5 36.705)";
    const ArticleScore score = score_article({border}, seed, countries());
    ASSERT_EQ(score.physical.kms.size(), 1U);
    EXPECT_NEAR(score.physical.kms.front(), distance_km(LonLat(38.356, 36.905), LonLat(38.356, 36.705)), 1e-6);
}

TEST_F(ScorerTest, WrongDateActorOrMagnitudeMisses) {
    const GoldEvent& g3 = gold_event(seed, "G3");  // ISIS takes a third of Kobane on 2014-10-08, ±0 days
    Event late = event_for(g3);
    late.date_start = late.date_end = Date(2014, 10, 9);
    Event other_actor = event_for(g3);
    other_actor.actor1 = "SYR";
    Event other_share = event_for(g3);
    other_share.magnitude = 0.5;
    for (const Event& e : {late, other_actor, other_share})
        EXPECT_EQ(score_article({e}, seed, countries()).physical.matched, 0U) << e.actor1;

    Event text_actor = event_for(g3);
    text_actor.actor1 = "ISLAMIC_STATE_FIGHTERS";
    text_actor.actor1_text = "isis";  // the surface text is tried too
    EXPECT_EQ(score_article({text_actor}, seed, countries()).physical.matched, 1U);

    Event no_share = event_for(g3);
    no_share.magnitude.reset();  // a magnitude is checked only when both have one
    EXPECT_EQ(score_article({no_share}, seed, countries()).physical.matched, 1U);
}

TEST_F(ScorerTest, ForbiddenRulesAreCountedPerHit) {
    Event hypothetical = event_for(gold_event(seed, "G3"));
    hypothetical.date_start = hypothetical.date_end = Date(2014, 10, 10);  // "if Kobani falls"
    hypothetical.magnitude = 1.0;
    Event negated = event_for(gold_event(seed, "G4"));
    negated.actor1 = "TUR";  // "ruled out any ground offensive"
    const ArticleScore score = score_article({hypothetical, negated}, seed, countries());
    ASSERT_EQ(score.forbidden.size(), 2U);
    EXPECT_EQ(score.forbidden[0].rule, 0U);
    EXPECT_EQ(score.forbidden[0].event.date, "2014-10-10");
    EXPECT_EQ(score.forbidden[1].rule, 1U);
    EXPECT_EQ(score.forbidden[1].event.actor1, "TUR");
}

TEST_F(ScorerTest, ACountryGoldTakesAPointJustAcrossTheBorder) {
    // O4 wants Syria; the Kobane point lies 600 m inside Turkey by Natural Earth's border, within
    // the 0.02 degree slack.
    Event background = event_for(gold_event(seed, "O4"));
    background.location->wkt = "POINT (38.35347 36.89095)";
    EXPECT_EQ(score_article({background}, seed, countries()).physical.matched, 1U);
    background.location->wkt = point_wkt(point_in_country.at("Turkey"));
    EXPECT_EQ(score_article({background}, seed, countries()).physical.matched, 0U);
    background.location.reset();
    EXPECT_EQ(score_article({background}, seed, countries()).physical.matched, 0U);
}

TEST_F(ScorerTest, BadWktIsAGeoError) {
    Event broken = event_for(gold_event(seed, "G1"));
    broken.location->wkt = "POINT (38.35";
    EXPECT_THROW((void)score_article({broken}, seed, countries()), GeoError);
}

TEST_F(ScorerTest, CorpusTotalsReportAndJson) {
    CorpusScore corpus;
    corpus.add(score_article(events_for(seed), seed, countries()));
    std::vector<Event> partial = events_for(seed);
    partial.erase(partial.begin());  // drop G1
    corpus.add(score_article(partial, seed, countries()));
    corpus.add_error("broken-article", "exit 1: boom");

    EXPECT_EQ(corpus.physical.required, 14U);
    EXPECT_EQ(corpus.physical.found, 13U);
    EXPECT_EQ(corpus.physical.produced, 21U);
    EXPECT_DOUBLE_EQ(corpus.physical.precision(), 1.0);
    EXPECT_DOUBLE_EQ(corpus.physical.recall(), 13.0 / 14.0);

    const std::string report = format_report(corpus);
    EXPECT_NE(report.find("000_6520db93bddb2147"), std::string::npos) << report;
    EXPECT_NE(report.find("broken-article: ERROR exit 1: boom"), std::string::npos) << report;
    EXPECT_NE(report.find("physical P=1.00 R=0.93 F1=0.96 | statements P=1.00 R=1.00 F1=1.00 | forbidden 0 | "
                          "errors 1 | median km 0.0"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("control err -"), std::string::npos) << report;
    EXPECT_NE(format_details(corpus).find("missed: G1"), std::string::npos);

    const nlohmann::json json = to_json(corpus);
    EXPECT_EQ(json["articles"].size(), 2U);
    EXPECT_EQ(json["articles"][1]["missed"], nlohmann::json::array({"G1"}));
    EXPECT_EQ(json["errors"][0]["article"], "broken-article");
    EXPECT_DOUBLE_EQ(json["summary"]["physical_recall"].get<double>(), 13.0 / 14.0);
    EXPECT_TRUE(json["summary"]["control_error"].is_null());
    EXPECT_EQ(json["summary"]["errors"], 1);
}

}  // namespace
}  // namespace frontline
