#include "pipeline/pipeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../text/test_article.hpp"
#include "events/taxonomy.hpp"
#include "pipeline_fixture.hpp"

namespace frontline {
namespace {

using testing_support::make_article;

Date iso(const char* text) { return *Date::parse_iso(text); }

std::string describe(const Event& e) {
    std::ostringstream out;
    out << e.event_type << '(' << e.actor1 << " -> " << e.actor2 << ", " << to_string(e.certainty);
    if (e.date_start) out << ", " << e.date_start->iso();
    if (e.date_end && e.date_end != e.date_start) out << ".." << e.date_end->iso();
    if (e.location) out << ", " << e.location->place << " p" << e.location->geo_precision;
    out << ", " << e.mentions.size() << " mention(s))";
    for (const Mention& m : e.mentions) out << "\n      <- \"" << m.text << '"';
    return out.str();
}

std::string describe(const std::vector<Event>& events) {
    if (events.empty()) return "no events";
    std::string out;
    for (const Event& e : events) out += "\n  " + describe(e);
    return out;
}

std::vector<Event> of_type(const std::vector<Event>& events, std::string_view type) {
    std::vector<Event> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const Event& e) { return e.event_type == type; });
    return out;
}

using testing_support::PipelineTest;

// ---- One real event, told in the headline and again in the body ------------------------------

struct RetoldCase {
    const char* name;
    const char* title;
    const char* body;
    const char* published;
    const char* type;
};

void PrintTo(const RetoldCase& c, std::ostream* os) { *os << c.name; }

class RetoldEventTest : public PipelineTest, public ::testing::WithParamInterface<RetoldCase> {};

TEST_P(RetoldEventTest, HeadlineAndBodyMakeOneEventWithTwoMentions) {
    const RetoldCase& c = GetParam();
    const std::vector<Event> events = pipeline().process(make_article(c.title, {c.body}, iso(c.published)));
    const std::vector<Event> found = of_type(events, c.type);
    ASSERT_EQ(found.size(), 1U) << describe(events);
    EXPECT_EQ(found[0].mentions.size(), 2U) << describe(events);
    ASSERT_TRUE(found[0].date_start.has_value());
    EXPECT_EQ(found[0].time_precision, 1) << "the body's day, not the headline's week";
}

const RetoldCase retold_cases[] = {
    {"RebelsTakeIdlib", "Rebels capture Idlib", "Rebels captured the town of Idlib on Monday.", "2015-03-30",
     "territory_taken"},
    {"IslamicStateTakesHit", "Islamic State captures Iraqi town of Hit",
     "Islamic State fighters captured the town of Hit in Anbar province on Thursday.", "2014-10-03", "territory_taken"},
    {"KurdsRetakeAVillageDaysBeforePublication", "Kurdish fighters retake Tell Hamis",
     "Kurdish fighters drove Islamic State militants out of the village of Tell Hamis on Friday.", "2014-10-09",
     "territory_taken"},
    {"StrikesOnRaqqa", "U.S. jets strike Raqqa", "U.S. warplanes struck Islamic State positions near Raqqa on Sunday.",
     "2014-10-07", "airstrike"},
    {"SeparatistsShellDebaltseve", "Separatists shell Debaltseve",
     "Russian-backed separatists shelled the town of Debaltseve on Monday.", "2015-02-10", "shelling"},
};

INSTANTIATE_TEST_SUITE_P(Articles, RetoldEventTest, ::testing::ValuesIn(retold_cases),
                         [](const ::testing::TestParamInfo<RetoldCase>& p) { return std::string(p.param.name); });

TEST_F(PipelineTest, ReportsOfOneEventInTwoArticlesMerge) {
    const Article first = make_article("Rebels capture Idlib", {"Rebels captured the town of Idlib on Monday."}, iso("2015-03-30"), "wire-a");
    const Article second = make_article("Idlib falls", {"The town of Idlib was seized by rebels on Monday."}, iso("2015-03-31"), "wire-b");
    std::vector<Event> all = pipeline().process(first);
    const std::vector<Event> more = pipeline().process(second);
    all.insert(all.end(), more.begin(), more.end());
    const std::vector<Event> merged = merge_across_articles(all);
    const std::vector<Event> taken = of_type(merged, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(merged);
    std::set<std::string> articles;
    for (const Mention& m : taken[0].mentions) articles.insert(m.article_id);
    EXPECT_EQ(articles, (std::set<std::string>{"wire-a", "wire-b"}));
}

// ---- Geocoded, coded events -------------------------------------------------------------------

TEST_F(PipelineTest, EventsAreGeocodedAndCoded) {
    const std::vector<Event> events =
        pipeline().process(make_article("Fighting in northern Syria", {"Rebels captured the town of Idlib on Monday."}, iso("2015-03-30")));
    const std::vector<Event> taken = of_type(events, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(events);
    const Event& e = taken[0];
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->country, "SYR");
    EXPECT_EQ(e.location->geo_precision, 1);
    EXPECT_EQ(e.location->place_id.rfind("geonames:", 0), 0U) << e.location->place_id;
    EXPECT_EQ(e.acled_event_type, "Battles");
    EXPECT_EQ(e.acled_sub_event_type, "Non-state actor overtakes territory");
    EXPECT_EQ(e.plover_event, "ASSAULT");
    EXPECT_EQ(e.plover_mode, "occupy");
    EXPECT_EQ(e.date_start, iso("2015-03-30"));
    EXPECT_EQ(e.id.rfind("ev-", 0), 0U) << e.id;
}

TEST_F(PipelineTest, AStateRetakingTerritoryIsGovernmentRegainingIt) {
    const std::vector<Event> events = pipeline().process(
        make_article("Army retakes Palmyra", {"The Syrian army recaptured the city of Palmyra on Sunday."}, iso("2016-03-28")));
    const std::vector<Event> taken = of_type(events, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(events);
    EXPECT_EQ(taken[0].actor1, "SYR") << describe(events);
    EXPECT_EQ(taken[0].acled_sub_event_type, "Government regains territory");
}

TEST_F(PipelineTest, AStateRetakingTerritoryToldOnceIsGovernmentRegainingIt) {
    const std::vector<Event> events = pipeline().process(
        make_article("News from Syria", {"The Syrian army recaptured the city of Palmyra on Sunday."}, iso("2016-03-28")));
    const std::vector<Event> taken = of_type(events, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(events);
    EXPECT_EQ(taken[0].actor1, "SYR");
    EXPECT_EQ(taken[0].acled_sub_event_type, "Government regains territory");
}

TEST_F(PipelineTest, PoliceOfTheCountryWhereTheRiotIsAreItsState) {
    const std::vector<Event> events = pipeline().process(
        make_article("Unrest in south-east Turkey", {"Police fired tear gas at Kurdish protesters in Diyarbakir on Tuesday."},
                     iso("2014-10-09")));
    const std::vector<Event> riots = of_type(events, "riot");
    ASSERT_FALSE(riots.empty()) << describe(events);
    const Event& riot = riots.back();
    EXPECT_EQ(riot.actor1, "KURDS_CIV") << describe(events);
    ASSERT_TRUE(riot.location.has_value());
    EXPECT_EQ(riot.location->country, "TUR");
    EXPECT_EQ(riot.actor2, "TUR");
}

// ---- Headlines: an event noun opening the title is no place -----------------------------------

struct HeadlineCase {
    const char* title;
    const char* not_a_place;  ///< the capitalised first word
    const char* country;      ///< where the headline's events are (ISO3)
};

void PrintTo(const HeadlineCase& c, std::ostream* os) { *os << c.title; }

class HeadlinePlaceTest : public PipelineTest, public ::testing::WithParamInterface<HeadlineCase> {};

TEST_P(HeadlinePlaceTest, EventsAreAtTheNamedPlaceNotAtTheFirstWord) {
    const HeadlineCase& c = GetParam();
    const std::vector<Event> events =
        pipeline().process(make_article(c.title, {"Witnesses described the scene on Monday."}, iso("2015-05-12")));
    std::string wrong;
    std::size_t located = 0;
    for (const Event& e : events) {
        if (!e.location) continue;
        ++located;
        const bool at_word = e.location->place.find(c.not_a_place) != std::string::npos;
        if (at_word || e.location->country != c.country) wrong += "\n  " + describe(e);
    }
    EXPECT_EQ(wrong, "");
    EXPECT_GT(located, 0U) << "the headline's event is placed:" << describe(events);
}

INSTANTIATE_TEST_SUITE_P(Titles, HeadlinePlaceTest,
                         ::testing::Values(HeadlineCase{"Blast in Baghdad", "Blast", "IRQ"},
                                           HeadlineCase{"Fighting in northern Syria", "Fighting", "SYR"},
                                           HeadlineCase{"Unrest in Turkey", "Unrest", "TUR"},
                                           HeadlineCase{"Massacre in northern Iraq", "Massacre", "IRQ"},
                                           HeadlineCase{"Thousands flee Sinjar", "Thousands", "IRQ"}),
                         [](const ::testing::TestParamInfo<HeadlineCase>& p) {
                             return std::string(p.param.not_a_place) + "_" + p.param.country;
                         });

TEST_F(PipelineTest, EveryEventIsCompleteAndPhysicalOnesArePlaced) {
    const Article article = make_article(
        "Kurds push Islamic State back in Kobani",
        {"KOBANI, Syria — Kurdish fighters drove Islamic State militants out of two villages near Kobani on Friday.",
         "U.S. warplanes struck Islamic State positions south of the town on Saturday.",
         "Turkey ruled out a ground offensive, and police fired tear gas at Kurdish protesters in Diyarbakir.",
         "The UN warned that a massacre would follow if the town fell."},
        iso("2014-10-12"));
    const std::vector<Event> events = pipeline().process(article);
    ASSERT_FALSE(events.empty());
    std::set<std::string> ids;
    for (const Event& e : events) {
        EXPECT_NE(find_event_type(e.event_type), nullptr) << describe(e);
        EXPECT_FALSE(e.mentions.empty()) << describe(e);
        EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
        if (e.tier() == Tier::physical) {
            EXPECT_TRUE(e.location.has_value()) << describe(e);
            EXPECT_NE(e.certainty, Certainty::hypothetical) << describe(e);
            EXPECT_NE(e.certainty, Certainty::negated) << describe(e);
            EXPECT_FALSE(e.acled_event_type.empty()) << describe(e);
        }
        if (e.date_start && e.date_end) {
            EXPECT_LE(*e.date_start, *e.date_end) << describe(e);
        }
    }
    EXPECT_TRUE(of_type(events, "attack_on_civilians").empty()) << "a warning is no massacre:" << describe(events);
    EXPECT_TRUE(of_type(events, "advance").empty()) << "a ruled-out offensive is no advance:" << describe(events);
}

TEST_F(PipelineTest, SameArticleGivesSameIds) {
    const Article article = make_article("Rebels capture Idlib",
                                         {"Rebels captured the town of Idlib on Monday.", "Thousands of civilians fled the town."},
                                         iso("2015-03-30"));
    const std::vector<Event> a = pipeline().process(article);
    const std::vector<Event> b = pipeline().process(article);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].id, b[i].id) << describe(a[i]);
}

TEST_F(PipelineTest, ContextOfAnArticleAboutKobaneFocusesOnKobane) {
    const Article article = make_article("Battle for Kobani",
                                         {"Islamic State fighters advanced on Kobani on Monday.",
                                          "Kurdish fighters held the centre of Kobani as refugees crossed into Turkey."},
                                         iso("2014-10-09"));
    const GeoContext context = pipeline().context_for(article);
    ASSERT_TRUE(context.focus.has_value());
    EXPECT_EQ(context.focus->place_id, "geonames:172256");
    EXPECT_NE(std::find(context.countries.begin(), context.countries.end(), "TUR"), context.countries.end());
}

// ---- Unnamed governments, borders and crossings -----------------------------------------------

TEST_F(PipelineTest, AnUnnamedMinisterSpeaksForTheDatelinesState) {
    const std::vector<Event> events = pipeline().process(make_article(
        "Riots spread in the south-east",
        {"VAN, Turkey — Protesters clashed with police in Van and Hakkari on Tuesday night.",
         "Interior Minister Efkan Ala warned on Wednesday that the government would not tolerate violence."},
        iso("2014-10-08")));
    const std::vector<Event> warnings = of_type(events, "warning");
    ASSERT_EQ(warnings.size(), 1U) << describe(events);
    EXPECT_EQ(warnings[0].actor1, "TUR");
}

TEST_F(PipelineTest, AStatesTanksOnItsBorderStandOnItsOwnSide) {
    const std::vector<Event> events = pipeline().process(make_article(
        "Siege of Kobani",
        {"Islamic State fighters shelled Kobani on Friday.", "Turkish tanks were deployed on the border on Friday."},
        iso("2014-10-03")));
    const std::vector<Event> deployments = of_type(events, "deployment");
    ASSERT_EQ(deployments.size(), 1U) << describe(events);
    const Event& e = deployments[0];
    EXPECT_EQ(e.actor1, "TUR");
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(pipeline().countries().country_at(e.location->anchor), std::optional<std::string>("Turkey")) << e.location->wkt;
    EXPECT_LT(distance_km(e.location->anchor, LonLat(38.36, 36.89)), 15.0) << e.location->wkt;
}

TEST_F(PipelineTest, PeopleFleeingIntoAStateCrossAtItsBorderByTheStory) {
    const std::vector<Event> events = pipeline().process(make_article(
        "Exodus from Kobani",
        {"Islamic State fighters attacked villages around Kobani on Friday.",
         "Thousands of Syrian Kurds fled into Turkey on Saturday."},
        iso("2014-09-20")));
    const std::vector<Event> fled = of_type(events, "displacement");
    ASSERT_EQ(fled.size(), 1U) << describe(events);
    ASSERT_TRUE(fled[0].location.has_value());
    EXPECT_LT(distance_km(fled[0].location->anchor, LonLat(38.36, 36.89)), 30.0) << fled[0].location->wkt;
}

}  // namespace
}  // namespace frontline
