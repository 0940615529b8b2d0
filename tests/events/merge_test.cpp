#include "events/merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "common/lonlat.hpp"

namespace frontline {
namespace {

Date day(unsigned d) { return Date(2014, 10, d); }

Location point(const char* name, const char* id, double lon, double lat, int precision = 1, const char* country = "SYR") {
    Location l;
    l.wkt = "POINT (" + std::to_string(lon) + " " + std::to_string(lat) + ")";
    l.anchor = LonLat(lon, lat);
    l.geo_precision = precision;
    l.place = name;
    l.place_id = id;
    l.country = country;
    return l;
}

// Points near the GeoNames ones; ids other than Kobane's are labels for these tests.
Location kobane(int precision = 1) { return point("Kobane", "geonames:172256", 38.35347, 36.89095, precision); }
Location suruc() { return point("Suruc", "test:suruc", 38.42472, 36.97611, 1, "TUR"); }        // 12 km from Kobane
Location tal_abyad() { return point("Tal Abyad", "test:tal-abyad", 38.95, 36.69667); }              // 57 km from Kobane
Location raqqa(int precision = 1) { return point("Raqqa", "test:raqqa", 39.00889, 35.95283, precision); }  // 120 km

Event event(const char* type, const char* actor1, const char* actor2, std::optional<Location> where, Date start,
            std::size_t sentence, const char* article = "a1") {
    Event e;
    e.event_type = type;
    e.actor1 = actor1;
    e.actor2 = actor2;
    e.location = std::move(where);
    e.date_start = start;
    e.date_end = start;
    e.time_precision = 1;
    e.mentions.push_back(Mention{article, sentence, sentence * 100, sentence * 100 + 50, "sentence " + std::to_string(sentence)});
    return e;
}

Event capture(std::size_t sentence, Date start = day(8), std::optional<Location> where = kobane()) {
    return event("territory_taken", "ISIS", "YPG", std::move(where), start, sentence);
}

// ---- same_real_event --------------------------------------------------------------------------

TEST(SameRealEventTest, SameTypeActorsPlaceAndDay) { EXPECT_TRUE(same_real_event(capture(1), capture(2))); }

TEST(SameRealEventTest, IsSymmetric) {
    const std::vector<Event> events = {capture(1), capture(2, day(9)), event("territory_taken", "ISIS", "", kobane(), day(8), 3),
                                       event("territory_taken", "YPG", "ISIS", kobane(), day(8), 4), capture(5, day(8), suruc()),
                                       capture(6, day(8), tal_abyad())};
    for (const Event& a : events)
        for (const Event& b : events) EXPECT_EQ(same_real_event(a, b), same_real_event(b, a)) << a.mentions[0].text << " / " << b.mentions[0].text;
}

TEST(SameRealEventTest, DifferentTypesStayApart) {
    EXPECT_FALSE(same_real_event(capture(1), event("armed_clash", "ISIS", "YPG", kobane(), day(8), 2)));
}

TEST(SameRealEventTest, AnUnknownActorIsCompatible) {
    EXPECT_TRUE(same_real_event(capture(1), event("territory_taken", "ISIS", "", kobane(), day(8), 2)));
    EXPECT_TRUE(same_real_event(capture(1), event("territory_taken", "", "YPG", kobane(), day(8), 2)));
}

TEST(SameRealEventTest, DifferentActorsStayApart) {
    EXPECT_FALSE(same_real_event(capture(1), event("territory_taken", "YPG", "ISIS", kobane(), day(8), 2)));
    EXPECT_FALSE(same_real_event(capture(1), event("territory_taken", "ISIS", "FSA", kobane(), day(8), 2)));
}

TEST(SameRealEventTest, TownsAFewKilometresApartAtTownPrecisionMerge) {
    ASSERT_LT(distance_km(kobane().anchor, suruc().anchor), 15.0);
    EXPECT_TRUE(same_real_event(capture(1), capture(2, day(8), suruc())));
}

TEST(SameRealEventTest, TownsFiftyKilometresApartStayApart) {
    ASSERT_GT(distance_km(kobane().anchor, tal_abyad().anchor), 50.0);
    EXPECT_FALSE(same_real_event(capture(1), capture(2, day(8), tal_abyad())));
}

TEST(SameRealEventTest, NearATownReachesFurther) {
    // 57 km is beyond "near" (about 40 km) too; 30 km is within it but beyond a town's 15 km.
    const Location thirty_km_east = point("east of Kobane", "", 38.69, 36.89, 2);
    ASSERT_GT(distance_km(kobane().anchor, thirty_km_east.anchor), 25.0);
    ASSERT_LT(distance_km(kobane().anchor, thirty_km_east.anchor), 35.0);
    EXPECT_TRUE(same_real_event(capture(1, day(8), kobane(2)), capture(2, day(8), thirty_km_east)));
    EXPECT_FALSE(same_real_event(capture(1, day(8), kobane(1)), capture(2, day(8), point("east", "", 38.69, 36.89, 1))));
    EXPECT_FALSE(same_real_event(capture(1, day(8), kobane(2)), capture(2, day(8), tal_abyad())));
}

TEST(SameRealEventTest, ACountryWideMentionMergesWithATownOfThatCountry) {
    const Location syria = point("Syria", "iso3166:SYR", 38.5, 35.0, 3);
    EXPECT_TRUE(same_real_event(capture(1, day(8), syria), capture(2, day(8), raqqa(1))));
    EXPECT_FALSE(same_real_event(capture(1, day(8), kobane(1)), capture(2, day(8), raqqa(1))));
}

TEST(SameRealEventTest, ProvincesOfOneCountryFarApartStayApart) {
    const Location hasakah = point("Hasakah province", "test:hasakah", 40.75, 36.50, 3);  // 215 km from Kobane
    EXPECT_FALSE(same_real_event(capture(1, day(8), kobane(3)), capture(2, day(8), hasakah)));
    EXPECT_TRUE(same_real_event(capture(1, day(8), kobane(3)), capture(2, day(8), raqqa(3))));  // 120 km: within a region's reach
}

TEST(SameRealEventTest, PlacesListedInOneSentenceStayApart) {
    // "Two people were killed in Siirt and one in the province of Mus": one event per place.
    EXPECT_FALSE(same_real_event(capture(3, day(8), kobane(1)), capture(3, day(8), suruc())));
    EXPECT_TRUE(same_real_event(capture(3, day(8), kobane(1)), capture(3, day(8), kobane(1))));
}

TEST(SameRealEventTest, DifferentDaysStayApart) { EXPECT_FALSE(same_real_event(capture(1, day(8)), capture(2, day(9)))); }

TEST(SameRealEventTest, OverlappingDateRangesMerge) {
    Event week = capture(2, day(3));
    week.date_end = day(9);
    week.time_precision = 2;
    EXPECT_TRUE(same_real_event(capture(1, day(8)), week));
    Event before = capture(3, day(1));
    before.date_end = day(5);
    EXPECT_FALSE(same_real_event(capture(1, day(8)), before));
}

TEST(SameRealEventTest, AnUndatedCodingMatchesAnyDate) {
    Event undated = capture(2);
    undated.date_start.reset();
    undated.date_end.reset();
    EXPECT_TRUE(same_real_event(capture(1, day(8)), undated));
}

TEST(SameRealEventTest, StatementsWithoutPlaceMerge) {
    const Event a = event("accusation", "KURDS_CIV", "TUR", std::nullopt, day(8), 1);
    const Event b = event("accusation", "KURDS_CIV", "TUR", std::nullopt, day(8), 2);
    EXPECT_TRUE(same_real_event(a, b));
    EXPECT_TRUE(same_real_event(a, event("accusation", "KURDS_CIV", "TUR", kobane(), day(8), 3)));
}

TEST(SameRealEventTest, APlacedAndAnUnplacedPhysicalEventStayApart) {
    EXPECT_FALSE(same_real_event(capture(1), capture(2, day(8), std::nullopt)));
}

// ---- merge_events -----------------------------------------------------------------------------

std::set<std::string> ids_of(const std::vector<Event>& events) {
    std::set<std::string> ids;
    for (const Event& e : events) ids.insert(e.id);
    return ids;
}

TEST(MergeEventsTest, FoldsReportsOfOneEventAndConcatenatesMentions) {
    const std::vector<Event> merged =
        merge_events({capture(1), event("airstrike", "USA", "ISIS", kobane(), day(8), 2), capture(3), capture(5, day(8), tal_abyad())});
    ASSERT_EQ(merged.size(), 3U);
    EXPECT_EQ(merged[0].event_type, "territory_taken");
    EXPECT_EQ(merged[1].event_type, "airstrike");
    EXPECT_EQ(merged[2].location->place, "Tal Abyad");
    ASSERT_EQ(merged[0].mentions.size(), 2U);
    EXPECT_EQ(merged[0].mentions[0].sentence_index, 1U);
    EXPECT_EQ(merged[0].mentions[1].sentence_index, 3U);
    EXPECT_EQ(merged[1].mentions.size(), 1U);
    EXPECT_EQ(merged[2].mentions.size(), 1U);
}

TEST(MergeEventsTest, KeepsEveryMentionOfManyReports) {
    std::vector<Event> events;
    for (std::size_t i = 0; i < 5; ++i) events.push_back(capture(i));
    const std::vector<Event> merged = merge_events(events);
    ASSERT_EQ(merged.size(), 1U);
    EXPECT_EQ(merged[0].mentions.size(), 5U);
}

TEST(MergeEventsTest, MentionsComeInTextOrder) {
    const std::vector<Event> merged = merge_events({capture(7), capture(2), capture(4)});
    ASSERT_EQ(merged.size(), 1U);
    ASSERT_EQ(merged[0].mentions.size(), 3U);
    EXPECT_EQ(merged[0].mentions[0].sentence_index, 2U);
    EXPECT_EQ(merged[0].mentions[1].sentence_index, 4U);
    EXPECT_EQ(merged[0].mentions[2].sentence_index, 7U);
}

TEST(MergeEventsTest, KeepsTheMostPreciseDateAndPlace) {
    Event headline = capture(0, day(3), kobane(2));
    headline.date_end = day(9);
    headline.time_precision = 2;
    headline.actor2.clear();
    const std::vector<Event> merged = merge_events({headline, capture(4, day(8), kobane(1))});
    ASSERT_EQ(merged.size(), 1U);
    EXPECT_EQ(merged[0].date_start, day(8));
    EXPECT_EQ(merged[0].date_end, day(8));
    EXPECT_EQ(merged[0].time_precision, 1);
    ASSERT_TRUE(merged[0].location.has_value());
    EXPECT_EQ(merged[0].location->geo_precision, 1);
    EXPECT_EQ(merged[0].actor2, "YPG") << "an unknown actor is filled from the other report";
}

TEST(MergeEventsTest, AnActorFilledFromAnotherReportBringsItsAcledSubType) {
    // The headline does not say who took the town; the body says the Syrian army did.
    Event headline = event("territory_taken", "", "", kobane(), day(8), 0);
    headline.acled_event_type = "Battles";
    headline.acled_sub_event_type = "Non-state actor overtakes territory";
    Event body = event("territory_taken", "SYR", "", kobane(), day(8), 3);
    body.acled_event_type = "Battles";
    body.acled_sub_event_type = "Government regains territory";
    const std::vector<Event> merged = merge_events({headline, body});
    ASSERT_EQ(merged.size(), 1U);
    EXPECT_EQ(merged[0].actor1, "SYR");
    EXPECT_EQ(merged[0].acled_sub_event_type, "Government regains territory");
}

TEST(MergeEventsTest, KeepsAMagnitudeFromAnyReport) {
    Event share = capture(2);
    share.magnitude = 1.0 / 3.0;
    const std::vector<Event> merged = merge_events({capture(1), share});
    ASSERT_EQ(merged.size(), 1U);
    ASSERT_TRUE(merged[0].magnitude.has_value());
    EXPECT_NEAR(*merged[0].magnitude, 1.0 / 3.0, 1e-12);
}

TEST(MergeEventsTest, IdsLookLikeEvIdsAndDiffer) {
    const std::vector<Event> merged = merge_events({capture(1), capture(2, day(9)), capture(3, day(8), tal_abyad())});
    ASSERT_EQ(merged.size(), 3U);
    const std::regex pattern("ev-[0-9a-f]{16}");
    for (const Event& e : merged) EXPECT_TRUE(std::regex_match(e.id, pattern)) << e.id;
    EXPECT_EQ(ids_of(merged).size(), 3U);
}

TEST(MergeEventsTest, IdsAreStableAcrossRuns) {
    const std::vector<Event> input = {capture(1), event("airstrike", "USA", "ISIS", kobane(), day(8), 2), capture(3)};
    const std::vector<Event> first = merge_events(input);
    const std::vector<Event> second = merge_events(input);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].id, second[i].id);
    EXPECT_EQ(first[0].id, stable_event_id(first[0]));
}

TEST(MergeEventsTest, IdsDoNotDependOnInputOrder) {
    const Event a = capture(1);
    const Event b = event("airstrike", "USA", "ISIS", kobane(), day(8), 2);
    const Event c = capture(3);
    EXPECT_EQ(ids_of(merge_events({a, b, c})), ids_of(merge_events({c, b, a})));
    EXPECT_EQ(ids_of(merge_events({a, b, c})), ids_of(merge_events({b, c, a})));
}

TEST(MergeEventsTest, IdsOfReportsPlacedAtNeighbouringTownsDoNotDependOnOrder) {
    // Two reports of one capture, one placing it at Kobane, the other at Suruc across the border
    // (12 km, town precision): one event, and the same id whichever report comes first.
    const Event at_kobane = capture(1);
    const Event at_suruc = capture(2, day(8), suruc());
    const std::vector<Event> forward = merge_events({at_kobane, at_suruc});
    const std::vector<Event> backward = merge_events({at_suruc, at_kobane});
    ASSERT_EQ(forward.size(), 1U);
    ASSERT_EQ(backward.size(), 1U);
    EXPECT_EQ(forward[0].id, backward[0].id);
}

TEST(MergeEventsTest, IdDependsOnTheEventNotTheMentionText) {
    Event a = capture(1);
    Event b = capture(1);
    b.mentions[0].text = "other words";
    EXPECT_EQ(stable_event_id(a), stable_event_id(b));
    b.date_start = day(9);
    EXPECT_NE(stable_event_id(a), stable_event_id(b));
}

TEST(MergeEventsTest, NothingInNothingOut) { EXPECT_TRUE(merge_events({}).empty()); }

}  // namespace
}  // namespace frontline
