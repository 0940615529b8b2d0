#include "geo/geoparser.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"

namespace frontline {
namespace testing_support {
const Gazetteer& loaded_gazetteer();  // gazetteer_test.cpp
}  // namespace testing_support

namespace {

const LonLat kobane_point(38.35347, 36.89095);

class GeoparserTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!countries_) countries_.emplace(CountryIndex::load(CountryIndex::default_path()));
        if (!geocoder_) geocoder_.emplace(testing_support::loaded_gazetteer(), *countries_);
    }
    static Geoparser parser() { return Geoparser(*geocoder_); }

    /// The spans of every occurrence of `phrase` in `text`.
    static std::vector<ToponymSpan> spans_of(const std::string& text, const std::string& phrase) {
        std::vector<ToponymSpan> out;
        for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1))
            out.push_back({at, at + phrase.size()});
        return out;
    }

    /// The reading of the first mention of `phrase` in `text`, the other names given as spans too.
    static std::optional<Location> read(const std::string& text, const std::string& phrase, const std::vector<std::string>& others = {}) {
        std::vector<ToponymSpan> spans = spans_of(text, phrase);
        for (const std::string& o : others)
            for (const ToponymSpan& s : spans_of(text, o)) spans.push_back(s);
        const auto places = parser().resolve(text, spans);
        if (places.empty()) return std::nullopt;
        return places.front().location;
    }

    /// The phrases the geoparser finds in `text` by itself.
    static std::vector<std::string> found(const std::string& text) {
        std::vector<std::string> out;
        for (const ToponymSpan& s : parser().find(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
        return out;
    }

private:
    static std::optional<CountryIndex> countries_;
    static std::optional<Geocoder> geocoder_;
};

std::optional<CountryIndex> GeoparserTest::countries_;
std::optional<Geocoder> GeoparserTest::geocoder_;

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// ---- ambiguity settled by the story -------------------------------------------------------------

struct TwoStories {
    const char* name;
    const char* story;
    std::vector<std::string> others;  ///< the story's other place names
    const char* expected_country;
};

void PrintTo(const TwoStories& c, std::ostream* os) { *os << c.name << " in \"" << c.story << "\""; }

class SameNameTwoStoriesTest : public GeoparserTest, public ::testing::WithParamInterface<TwoStories> {};

TEST_P(SameNameTwoStoriesTest, TheStorysOtherPlacesDecide) {
    const auto location = read(GetParam().story, GetParam().name, GetParam().others);
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->country, GetParam().expected_country) << location->place << " " << location->place_id;
}

INSTANTIATE_TEST_SUITE_P(
    Names, SameNameTwoStoriesTest,
    ::testing::Values(
        TwoStories{"Alexandria", "An Alexandria woman was charged by the Rapides Parish sheriff on Friday.", {"Rapides Parish"}, "USA"},
        TwoStories{"Alexandria", "Protesters marched in Alexandria and Cairo on Friday.", {"Cairo"}, "EGY"},
        TwoStories{"Tripoli", "Clashes in Tripoli spread to Benghazi and Misrata.", {"Benghazi", "Misrata"}, "LBY"},
        TwoStories{"Tripoli", "Clashes in Tripoli spread to Beirut and Sidon in Lebanon.", {"Beirut", "Sidon", "Lebanon"}, "LBN"},
        TwoStories{"Paris", "The Paris council met in Lamar County, Texas.", {"Lamar County", "Texas"}, "USA"},
        TwoStories{"Paris", "Talks in Paris and Lyon ended without a deal.", {"Lyon"}, "FRA"}));

TEST_F(GeoparserTest, ACityStateQualifierDecides) {
    const std::string text = "She moved from Paris, Tex., to Athens, Ga., last year.";
    const auto places = parser().resolve(text, {spans_of(text, "Paris")[0], spans_of(text, "Athens")[0]});
    ASSERT_EQ(places.size(), 2U);
    ASSERT_TRUE(places[0].location && places[1].location);
    EXPECT_EQ(places[0].location->country, "USA");
    EXPECT_NEAR(places[0].location->anchor.lat(), 33.66, 0.1);  // Paris, Texas
    EXPECT_EQ(places[1].location->country, "USA");
    EXPECT_NEAR(places[1].location->anchor.lat(), 33.96, 0.1);  // Athens, Georgia
}

TEST_F(GeoparserTest, ANamesOwnMentionsAreNoEvidence) {
    // Alexandria four times does not make Egypt "a country of the story".
    const std::string text = "Alexandria police said Alexandria schools in Alexandria, La., will reopen; Alexandria waits.";
    const auto places = parser().resolve(text, spans_of(text, "Alexandria"));
    ASSERT_EQ(places.size(), 4U);
    for (const GeoparsedPlace& p : places) {
        ASSERT_TRUE(p.location.has_value());
        EXPECT_EQ(p.location->country, "USA");
    }
}

// ---- Kobane in every spelling -------------------------------------------------------------------

class GeoparseKobaneTest : public GeoparserTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(GeoparseKobaneTest, ResolvesToGeoNames172256) {
    const std::string text = std::string("Fighting continued in ") + GetParam() + " on Tuesday.";
    const auto location = read(text, GetParam());
    ASSERT_TRUE(location.has_value()) << GetParam();
    EXPECT_EQ(location->place_id, "geonames:172256") << GetParam();
    EXPECT_EQ(location->geo_precision, 1);
}

INSTANTIATE_TEST_SUITE_P(Spellings, GeoparseKobaneTest,
                         ::testing::Values("Kobani", "Kobanî", "Kobanê", "Kobane", "Ayn al-Arab", "Ain al-Arab"));

// ---- precision codes ----------------------------------------------------------------------------

TEST_F(GeoparserTest, ANamedTownIsPrecisionOne) {
    const auto location = read("Kurdish fighters held Kobani.", "Kobani");
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 1);
    EXPECT_LT(distance_km(location->anchor, kobane_point), 1.0);
}

TEST_F(GeoparserTest, NearAndOutskirtsArePrecisionTwo) {
    for (const char* text : {"Shells fell near Kobani.", "Shells fell on the outskirts of Kobani."}) {
        const auto location = read(text, "Kobani");
        ASSERT_TRUE(location.has_value()) << text;
        EXPECT_EQ(location->geo_precision, 2) << text;
        EXPECT_LT(distance_km(location->anchor, kobane_point), 1.0) << text;
    }
}

TEST_F(GeoparserTest, KilometresSouthOfATownMoveThePointByThatMuch) {
    const auto location = read("Militants took a village 10 km south of Kobani.", "Kobani");
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 2);
    EXPECT_NEAR(distance_km(location->anchor, kobane_point), 10.0, 0.05);
    EXPECT_LT(location->anchor.lat(), kobane_point.lat());
    EXPECT_NEAR(location->anchor.lon(), kobane_point.lon(), 1e-6);
    EXPECT_TRUE(location->wkt.starts_with("POINT")) << location->wkt;
}

TEST_F(GeoparserTest, MilesAreConvertedToo) {
    const auto location = read("The camp lies 5 miles northwest of Kobani.", "Kobani");
    ASSERT_TRUE(location.has_value());
    EXPECT_NEAR(distance_km(location->anchor, kobane_point), 5 * 1.609344, 0.05);
    EXPECT_GT(location->anchor.lat(), kobane_point.lat());
    EXPECT_LT(location->anchor.lon(), kobane_point.lon());
}

TEST_F(GeoparserTest, PartOfACountryIsPrecisionThree) {
    const auto location = read("Air strikes hit targets in northern Syria.", "Syria");
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_EQ(location->country, "SYR");
}

TEST_F(GeoparserTest, CitiesThroughoutACountryArePrecisionThree) {
    const auto location = read("Protests spread to Kurdish cities throughout Turkey.", "Turkey");
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->geo_precision, 3);
    EXPECT_EQ(location->country, "TUR");
}

// ---- finding names ------------------------------------------------------------------------------

TEST_F(GeoparserTest, FindsCuedNamesCountriesAndQualifiedTowns) {
    const auto names = found("Fighting raged in Kobani as Turkey watched. A family from Paris, Texas, fled to Alexandria, La.");
    EXPECT_TRUE(has(names, "Kobani"));
    EXPECT_TRUE(has(names, "Turkey"));
    EXPECT_TRUE(has(names, "Paris"));
    EXPECT_TRUE(has(names, "Alexandria"));
}

TEST_F(GeoparserTest, APersonOrAGovernmentIsNoPlace) {
    const auto names = found("Washington said it would send aid. George Washington never slept here. March was cold in Boston.");
    EXPECT_FALSE(has(names, "Washington")) << ::testing::PrintToString(names);
    EXPECT_FALSE(has(names, "March"));
    EXPECT_TRUE(has(names, "Boston"));
}

TEST_F(GeoparserTest, AStreetIsFoundButNotPlaced) {
    const std::string text = "The fire broke out on Nelson Street in Dublin.";
    const auto spans = parser().find(text);
    const auto places = parser().resolve(text, spans);
    ASSERT_EQ(places.size(), 2U);
    EXPECT_EQ(places[0].phrase, "Nelson Street");
    EXPECT_FALSE(places[0].location.has_value());
    EXPECT_EQ(places[1].phrase, "Dublin");
    EXPECT_TRUE(places[1].location.has_value());
}

// ---- offsets ------------------------------------------------------------------------------------

TEST_F(GeoparserTest, OffsetsCountCodePointsInNonAsciiText) {
    // ä, ê, ü, ş and ı are two bytes each in UTF-8 but one code point.
    const std::string text = "Kämpfe: fighting in Kobanê and near Mürşitpınar.";
    const std::vector<std::size_t> starts = code_point_starts(text);
    const auto spans = parser().find(text);
    std::vector<std::pair<std::size_t, std::size_t>> code_points;
    for (const ToponymSpan& s : spans) code_points.emplace_back(code_point_index(starts, s.begin), code_point_index(starts, s.end));
    // Kobanê: code points 20-26; Mürşitpınar: 36-47 (one per letter).
    EXPECT_NE(std::find(code_points.begin(), code_points.end(), std::pair<std::size_t, std::size_t>(20, 26)), code_points.end())
        << ::testing::PrintToString(code_points);
    EXPECT_NE(std::find(code_points.begin(), code_points.end(), std::pair<std::size_t, std::size_t>(36, 47)), code_points.end())
        << ::testing::PrintToString(code_points);
    EXPECT_EQ(starts.size(), 49U);  // 48 code points and the end
    EXPECT_EQ(starts[code_point_index(starts, spans.front().begin)], spans.front().begin);
}

}  // namespace
}  // namespace frontline
