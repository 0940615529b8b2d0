#include "geo/geocoder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geos.hpp"

namespace frontline {
namespace testing_support {
const Gazetteer& loaded_gazetteer();  // gazetteer_test.cpp
}  // namespace testing_support

namespace {

const LonLat kobane_point(38.35347, 36.89095);

PlaceRef ref(const char* text, PlaceRelation relation = PlaceRelation::in, bool cue = true) {
    PlaceRef r;
    r.text = text;
    r.relation = relation;
    r.locative_cue = cue;
    return r;
}

class GeocoderTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!countries_) countries_.emplace(CountryIndex::load(CountryIndex::default_path()));
        if (!geocoder_) geocoder_.emplace(testing_support::loaded_gazetteer(), *countries_);
    }
    static const Geocoder& geocoder() { return *geocoder_; }
    static const CountryIndex& countries() { return *countries_; }

    static std::string first_id(const char* name, const GeoContext& context) {
        const auto found = geocoder().candidates(name, context);
        return found.empty() ? std::string("(none)") : found.front().location.place_id;
    }

    /// A context whose focus is Kobane, as an article about the siege gives.
    static GeoContext kobane_story() {
        GeoContext context;
        context.countries = {"SYR", "TUR"};
        const auto found = geocoder().candidates("Kobani", context);
        if (!found.empty()) context.focus = found.front().location;
        return context;
    }

private:
    static std::optional<CountryIndex> countries_;
    static std::optional<Geocoder> geocoder_;
};

std::optional<CountryIndex> GeocoderTest::countries_;
std::optional<Geocoder> GeocoderTest::geocoder_;

// ---- candidates -------------------------------------------------------------------------------

class KobaneNameTest : public GeocoderTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(KobaneNameTest, FirstCandidateIsKobane) { EXPECT_EQ(first_id(GetParam(), {}), "geonames:172256") << GetParam(); }

INSTANTIATE_TEST_SUITE_P(Spellings, KobaneNameTest,
                         ::testing::Values("Kobani", "Kobanî", "Kobane", "Kobanê", "KOBANI", "Ayn al-Arab", "Ain al-Arab"));

TEST_F(GeocoderTest, CandidatesComeBestFirstWithAReason) {
    const auto found = geocoder().candidates("Paris", {});
    ASSERT_GT(found.size(), 3U);
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_FALSE(found[i].reason.empty());
        if (i > 0) {
            EXPECT_GE(found[i - 1].score, found[i].score);
        }
    }
    EXPECT_EQ(found.front().location.country, "FRA") << "the capital outranks the small towns of its name";
    EXPECT_EQ(found.front().location.geo_precision, 1);
    EXPECT_EQ(found.front().location.wkt.rfind("POINT", 0), 0U) << found.front().location.wkt;
}

struct AmbiguousCase {
    const char* name;
    const char* country;   ///< the story's country
    const char* expected;  ///< GeoNames id of the reading
};

void PrintTo(const AmbiguousCase& c, std::ostream* os) { *os << c.name << " in a story about " << c.country; }

class AmbiguousNameTest : public GeocoderTest, public ::testing::WithParamInterface<AmbiguousCase> {};

TEST_P(AmbiguousNameTest, TheStorysCountryDecides) {
    GeoContext context;
    context.countries = {GetParam().country};
    EXPECT_EQ(first_id(GetParam().name, context), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Names, AmbiguousNameTest,
                         ::testing::Values(AmbiguousCase{"Birmingham", "GBR", "geonames:2655603"},
                                           AmbiguousCase{"Birmingham", "USA", "geonames:4049979"},  // Alabama
                                           AmbiguousCase{"Tripoli", "LBY", "geonames:2210247"},
                                           AmbiguousCase{"Tripoli", "LBN", "geonames:266826"},
                                           AmbiguousCase{"Paris", "FRA", "geonames:2988507"}));

TEST_F(GeocoderTest, TheDatelineDecides) {
    GeoContext from_beirut;
    from_beirut.dateline = LonLat(35.49442, 33.88894);
    EXPECT_EQ(first_id("Tripoli", from_beirut), "geonames:266826");
}

TEST_F(GeocoderTest, CountryNameIsACountry) {
    const auto found = geocoder().candidates("Syria", {});
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front().location.country, "SYR");
    EXPECT_EQ(found.front().location.geo_precision, 3);
}

TEST_F(GeocoderTest, UnknownNameHasNoCandidates) { EXPECT_TRUE(geocoder().candidates("Xyzzyville", {}).empty()); }

// ---- locate -------------------------------------------------------------------------------------

TEST_F(GeocoderTest, InATownIsPrecisionOne) {
    const auto location = geocoder().locate({ref("Kobani")}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 1);
    EXPECT_EQ(location->place_id, "geonames:172256");
    EXPECT_EQ(location->country, "SYR");
    EXPECT_LT(distance_km(location->anchor, kobane_point), 2.0);
}

TEST_F(GeocoderTest, NearATownIsPrecisionTwo) {
    const auto location = geocoder().locate({ref("Kobani", PlaceRelation::near)}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 2);
    EXPECT_LT(distance_km(location->anchor, kobane_point), 2.0);
}

TEST_F(GeocoderTest, DistanceAndBearingMoveTheAnchor) {
    PlaceRef west = ref("Kobani", PlaceRelation::near);
    west.offset_km = 10.0;
    west.bearing_degrees = 270.0;
    const auto location = geocoder().locate({west}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 2);
    EXPECT_NEAR(distance_km(location->anchor, kobane_point), 10.0, 0.5);
    EXPECT_LT(location->anchor.lon(), kobane_point.lon());
    EXPECT_NEAR(location->anchor.lat(), kobane_point.lat(), 0.01);
}

TEST_F(GeocoderTest, ACountryIsPrecisionThreeInsideIt) {
    const auto location = geocoder().locate({ref("Turkey")}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_EQ(location->country, "TUR");
    EXPECT_EQ(countries().country_at(location->anchor), "Turkey");
}

TEST_F(GeocoderTest, ARegionIsPrecisionThree) {
    const auto location = geocoder().locate({ref("Hakkari", PlaceRelation::region)}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_EQ(location->country, "TUR");
}

TEST_F(GeocoderTest, AnAnaphorIsTheFocus) {
    PlaceRef the_town;
    the_town.anaphor = true;
    const GeoContext story = kobane_story();
    ASSERT_TRUE(story.focus.has_value());
    const auto location = geocoder().locate({the_town}, story);
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->place_id, "geonames:172256");
    EXPECT_FALSE(geocoder().locate({the_town}, {}).has_value()) << "no focus, nowhere to point";
}

TEST_F(GeocoderTest, TheFirstPlaceThatResolvesWins) {
    const auto location = geocoder().locate({ref("Xyzzyville"), ref("Kobani"), ref("Suruc")}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->place_id, "geonames:172256");
    EXPECT_FALSE(geocoder().locate({ref("Xyzzyville")}, {}).has_value());
    EXPECT_FALSE(geocoder().locate({}, {}).has_value());
}

TEST_F(GeocoderTest, BorderWithSyriaNearTheFocusIsALineOnTheBorder) {
    // "Turkey has deployed forces to its border with Syria", in a story about Kobane.
    PlaceRef border = ref("Syria", PlaceRelation::border);
    border.border_partner = "TUR";
    border.feature_hint = "border";
    const auto location = geocoder().locate({border}, kobane_story());
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_TRUE(location->wkt.starts_with("LINESTRING") || location->wkt.starts_with("MULTILINESTRING")) << location->wkt;
    EXPECT_LT(distance_km(location->anchor, kobane_point), 60.0) << "the stretch of border near the focus";
    // On the border: both countries, with the scorer's slack, hold the anchor.
    GeosContext ctx;
    const GeosGeometry anchor = make_point(ctx, location->anchor);
    EXPECT_TRUE(countries().contains("Turkey", *anchor, 0.02));
    EXPECT_TRUE(countries().contains("Syria", *anchor, 0.02));
}

TEST_F(GeocoderTest, BorderWithoutFocusIsStillTheSharedBorder) {
    PlaceRef border = ref("Syria", PlaceRelation::border);
    border.border_partner = "TUR";
    const auto location = geocoder().locate({border}, {});
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_TRUE(location->wkt.starts_with("LINESTRING") || location->wkt.starts_with("MULTILINESTRING")) << location->wkt;
}

// ---- memos --------------------------------------------------------------------------------------

// resolve keeps the reading it chose while the context ranks alike, and compares the ranking
// fields by hand: a field the comparison missed would answer a changed context from the memo.
// Each change below turns "Paris" in an American story (Paris, Texas, by a hair) to another
// reading, so a geocoder that resolved the American story first must follow it as a fresh one does.
TEST_F(GeocoderTest, TheResolveMemoFollowsEveryRankingFieldOfTheContext) {
    GeoContext american;
    american.countries = {"USA"};
    const auto paris = geocoder().candidates("Paris", {});
    ASSERT_FALSE(paris.empty());
    const GeocodeCandidate& france = paris.front();
    ASSERT_EQ(france.location.country, "FRA");
    ASSERT_FALSE(france.admin1.empty());
    ASSERT_FALSE(france.admin2.empty());
    const std::vector<std::pair<std::string, GeoContext>> changes = [&] {
        std::vector<std::pair<std::string, GeoContext>> out;
        auto change = [&](const char* field, auto edit) {
            GeoContext changed = american;
            edit(changed);
            out.emplace_back(field, std::move(changed));
        };
        change("countries", [](GeoContext& c) { c.countries = {"FRA"}; });
        change("dateline", [&](GeoContext& c) { c.dateline = france.location.anchor; });
        change("focus", [&](GeoContext& c) { c.focus = france.location; });
        change("admin1", [&](GeoContext& c) { c.admin1 = {france.admin1}; });
        change("neighbours", [&](GeoContext& c) { c.neighbours = {france.location.anchor}; });
        change("within", [](GeoContext& c) { c.within = "FRA"; });
        change("admin_cue", [](GeoContext& c) { c.admin_cue = true; });
        change("admin1_support", [&](GeoContext& c) { c.admin1_support[france.admin1] = 1.0; });
        change("admin2_support", [&](GeoContext& c) { c.admin2_support[france.admin2] = 1.0; });
        return out;
    }();
    for (const auto& [field, changed] : changes) {
        const Geocoder memoised(testing_support::loaded_gazetteer(), countries());
        const auto before = memoised.resolve(ref("Paris"), american);
        const auto after = memoised.resolve(ref("Paris"), changed);
        const auto fresh = Geocoder(testing_support::loaded_gazetteer(), countries()).resolve(ref("Paris"), changed);
        ASSERT_TRUE(before && after && fresh) << field;
        EXPECT_NE(before->wkt, fresh->wkt) << field << " must change the reading, or this case tests nothing";
        EXPECT_EQ(after->wkt, fresh->wkt) << field;
        EXPECT_EQ(after->place_id, fresh->place_id) << field;
        EXPECT_EQ(after->geo_precision, fresh->geo_precision) << field;
    }
}

// resolve takes the best reading by one scan over unsorted scores; candidates() sorts them all.
TEST_F(GeocoderTest, ResolveTakesTheFirstCandidateThatIsAPlace) {
    GeoContext american;
    american.countries = {"USA"};
    for (const GeoContext& context : {GeoContext{}, american, kobane_story()})
        for (const char* name : {"Paris", "Birmingham", "Tripoli", "Kobani", "Syria", "Aleppo", "Washington", "Georgia", "Palmyra"}) {
            const auto found = geocoder().candidates(name, context);
            const auto place = std::find_if(found.begin(), found.end(),
                                            [](const GeocodeCandidate& c) { return c.form != NameHit::Form::demonym; });
            ASSERT_NE(place, found.end()) << name;
            const auto location = geocoder().resolve(ref(name), context);
            ASSERT_TRUE(location.has_value()) << name;
            EXPECT_EQ(location->wkt, place->location.wkt) << name;
            EXPECT_EQ(location->place_id, place->location.place_id) << name;
            // Asked again, from the memo and the location table.
            const auto again = geocoder().resolve(ref(name), context);
            ASSERT_TRUE(again.has_value()) << name;
            EXPECT_EQ(again->wkt, location->wkt) << name;
            EXPECT_EQ(again->place, location->place) << name;
        }
}

TEST_F(GeocoderTest, ReadingsAreTheCandidatesWithoutReasons) {
    for (const char* name : {"Paris", "Rapides Parish", "Henry County", "Ga.", "US", "Middle East"}) {
        const auto explained = geocoder().candidates(name, kobane_story());
        const auto plain = geocoder().readings(name, kobane_story());
        ASSERT_EQ(plain.size(), explained.size()) << name;
        for (std::size_t i = 0; i < plain.size(); ++i) {
            EXPECT_TRUE(plain[i].reason.empty()) << name;
            EXPECT_EQ(plain[i].score, explained[i].score) << name << " #" << i;
            EXPECT_EQ(plain[i].location.wkt, explained[i].location.wkt) << name << " #" << i;
            EXPECT_EQ(plain[i].location.place_id, explained[i].location.place_id) << name << " #" << i;
        }
    }
}

// ---- context_of ---------------------------------------------------------------------------------

TEST_F(GeocoderTest, TheMostNamedTownIsTheFocus) {
    DocumentPlaces places;
    places.all = {ref("Suruc"), ref("Kobani"), ref("Syria", PlaceRelation::in, false), ref("Kobane"), ref("Turkey", PlaceRelation::in, false),
                  ref("Kobanê")};
    const GeoContext context = geocoder().context_of(places);
    ASSERT_TRUE(context.focus.has_value());
    EXPECT_EQ(context.focus->place_id, "geonames:172256");
    EXPECT_EQ(context.focus->geo_precision, 1);
    ASSERT_EQ(context.countries.size(), 2U);
    EXPECT_NE(std::find(context.countries.begin(), context.countries.end(), "SYR"), context.countries.end());
    EXPECT_NE(std::find(context.countries.begin(), context.countries.end(), "TUR"), context.countries.end());
}

TEST_F(GeocoderTest, TheDatelineEntersTheContext) {
    DocumentPlaces places;
    places.dateline = ref("Suruc");
    places.all = {*places.dateline, ref("Kobani")};
    const GeoContext context = geocoder().context_of(places);
    ASSERT_TRUE(context.dateline.has_value());
    EXPECT_LT(distance_km(*context.dateline, LonLat(38.425, 36.976)), 10.0);
    EXPECT_NE(std::find(context.countries.begin(), context.countries.end(), "TUR"), context.countries.end());
}

TEST_F(GeocoderTest, NoPlacesNoContext) {
    const GeoContext context = geocoder().context_of({});
    EXPECT_FALSE(context.focus.has_value());
    EXPECT_FALSE(context.dateline.has_value());
    EXPECT_TRUE(context.countries.empty());
}

}  // namespace
}  // namespace frontline
