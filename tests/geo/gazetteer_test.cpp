#include "geo/gazetteer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/assets.hpp"
#include "common/error.hpp"
#include "text/fold.hpp"

namespace frontline {
namespace testing_support {

/// The gazetteer of the project's geodata, loaded once per test binary (it takes seconds);
/// geocoder_test.cpp shares it.
const Gazetteer& loaded_gazetteer() {
    static const Gazetteer gazetteer = Gazetteer::load(data_root());
    return gazetteer;
}

}  // namespace testing_support

namespace {

using testing_support::loaded_gazetteer;

constexpr const char* kobane_id = "geonames:172256";

/// Ids of the places a folded name can mean.
std::vector<std::string> place_ids(const std::string& folded) {
    std::vector<std::string> ids;
    for (const NameHit& hit : loaded_gazetteer().lookup(folded))
        if (hit.kind == NameHit::Kind::place) ids.push_back(loaded_gazetteer().place(hit.index).id);
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

class GazetteerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { (void)loaded_gazetteer(); }
    static const Gazetteer& gazetteer() { return loaded_gazetteer(); }
};

TEST_F(GazetteerTest, ANameWithoutItsArabicArticleIsAWeakerNameOfThePlace) {
    // GeoNames writes "Al Ḩasakah" and "Ar Raqqah"; news writes "Hasakah" and "Raqqa".
    const std::vector<std::string> ids = place_ids(fold("Hasakah"));
    EXPECT_TRUE(contains(ids, "geonames:173811"));
    for (const NameHit& hit : gazetteer().lookup(fold("Hasakah")))
        if (hit.kind == NameHit::Kind::place && gazetteer().place(hit.index).id == "geonames:173811") {
            EXPECT_EQ(hit.form, NameHit::Form::alternate);
        }
}

class KobaneSpellingTest : public GazetteerTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(KobaneSpellingTest, FoldedSpellingFindsKobane) {
    const std::string folded = fold(GetParam());
    EXPECT_TRUE(contains(place_ids(folded), kobane_id)) << GetParam() << " (folded \"" << folded << "\") -> "
                                                         << ::testing::PrintToString(place_ids(folded));
}

INSTANTIATE_TEST_SUITE_P(Spellings, KobaneSpellingTest,
                         ::testing::Values("kobani", "kobane", "Kobanê", "Kobanî", "KOBANI", "ayn al-arab", "Ayn al-Arab",
                                           "ain al-arab", "Ain al-Arab", "Arab Pinar"));

TEST_F(GazetteerTest, KobaneIsASyrianTownOnTheBorder) {
    const auto index = gazetteer().place_by_id(kobane_id);
    ASSERT_TRUE(index.has_value());
    const Place& kobane = gazetteer().place(*index);
    EXPECT_EQ(kobane.id, kobane_id);
    EXPECT_EQ(kobane.country_iso3, "SYR");
    EXPECT_EQ(kobane.feature_class, 'P');
    EXPECT_NEAR(kobane.lat, 36.891, 0.01);
    EXPECT_NEAR(kobane.lon, 38.353, 0.01);
    EXPECT_GT(kobane.population, 0);
    EXPECT_FALSE(kobane.approximate);
}

TEST_F(GazetteerTest, TurkishSpellingsFold) {
    // Mürşitpınar, the border crossing opposite Kobane, and Şanlıurfa, its province seat.
    const std::vector<std::string> crossing = place_ids(fold("Mürşitpınar crossing"));
    EXPECT_TRUE(contains(crossing, "frontline:kobane-mursitpinar-crossing")) << ::testing::PrintToString(crossing);
    const std::vector<std::string> urfa = place_ids(fold("Şanlıurfa"));
    ASSERT_FALSE(urfa.empty());
    EXPECT_TRUE(std::any_of(urfa.begin(), urfa.end(), [&](const std::string& id) {
        return gazetteer().place(*gazetteer().place_by_id(id)).country_iso3 == "TUR";
    }));
}

TEST_F(GazetteerTest, CuratedPlacesAreMarked) {
    const auto index = gazetteer().place_by_id("frontline:kobane-mishtanour-hill");
    ASSERT_TRUE(index.has_value());
    const Place& hill = gazetteer().place(*index);
    EXPECT_EQ(hill.feature_class, 'C');
    EXPECT_EQ(hill.feature_code, "hill");
    EXPECT_TRUE(hill.approximate);
    EXPECT_TRUE(contains(place_ids("mishtanour"), hill.id));
}

TEST_F(GazetteerTest, CountriesByNameAndCode) {
    const auto turkey = gazetteer().country_by_iso3("TUR");
    ASSERT_TRUE(turkey.has_value());
    EXPECT_EQ(gazetteer().country(*turkey).iso2, "TR");
    EXPECT_EQ(gazetteer().country(*turkey).ne_name, "Turkey");
    const auto syria = gazetteer().country_by_iso3("SYR");
    ASSERT_TRUE(syria.has_value());
    EXPECT_EQ(gazetteer().country(*syria).ne_name, "Syria");
    EXPECT_FALSE(gazetteer().country_by_iso3("XXX").has_value());

    for (const char* name : {"turkey", "syria", "iraq", "ukraine"}) {
        const auto& hits = gazetteer().lookup(name);
        EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [](const NameHit& h) { return h.kind == NameHit::Kind::country; }))
            << name;
    }
}

TEST_F(GazetteerTest, FirstLevelRegionsLieAmongTheirTowns) {
    const auto hits = gazetteer().lookup("hakkari");
    const auto region = std::find_if(hits.begin(), hits.end(), [](const NameHit& h) { return h.kind == NameHit::Kind::admin1; });
    ASSERT_NE(region, hits.end());
    const AdminArea hakkari = gazetteer().admin1(region->index);
    EXPECT_EQ(hakkari.code, "TR.70");
    ASSERT_TRUE(hakkari.has_country);
    EXPECT_EQ(gazetteer().country(hakkari.country).iso3, "TUR");
    EXPECT_GT(hakkari.towns, 0U);
    // Hakkari province spans roughly 43-44.8 E, 36.9-38 N.
    EXPECT_NEAR(hakkari.lat, 37.5, 0.8);
    EXPECT_NEAR(hakkari.lon, 43.9, 1.0);
    EXPECT_EQ(fold(gazetteer().admin1_name(region->index)), "hakkari");
}

TEST_F(GazetteerTest, AbbreviationsAndDemonymsNameTheirRegion) {
    auto has = [&](const char* key, NameHit::Kind kind, NameHit::Form form) {
        const auto hits = gazetteer().lookup(key);
        return std::any_of(hits.begin(), hits.end(), [&](const NameHit& h) { return h.kind == kind && h.form == form; });
    };
    EXPECT_TRUE(has("calif.", NameHit::Kind::admin1, NameHit::Form::abbreviation));
    EXPECT_TRUE(has("b.c.", NameHit::Kind::admin1, NameHit::Form::abbreviation));
    EXPECT_TRUE(has("tx", NameHit::Kind::admin1, NameHit::Form::postal));
    EXPECT_TRUE(has("syrians", NameHit::Kind::country, NameHit::Form::demonym));
    EXPECT_TRUE(has("rapides parish", NameHit::Kind::admin2, NameHit::Form::name));
    EXPECT_TRUE(has("rapides", NameHit::Kind::admin2, NameHit::Form::bare));
    EXPECT_TRUE(has("europe", NameHit::Kind::region, NameHit::Form::name));
}

TEST_F(GazetteerTest, CountriesHaveTheirConventionalPoint) {
    const auto usa = gazetteer().country_by_iso3("USA");
    ASSERT_TRUE(usa.has_value());
    EXPECT_NEAR(gazetteer().country(*usa).lat, 39.76, 0.01);
    EXPECT_NEAR(gazetteer().country(*usa).lon, -98.5, 0.01);
}

TEST_F(GazetteerTest, NamesInOtherScriptsMeet) {
    EXPECT_TRUE(contains(place_ids(fold("Алеппо")), "geonames:170063"));
    EXPECT_TRUE(contains(place_ids(fold("Aleppo")), "geonames:170063"));
}

TEST_F(GazetteerTest, UnknownNamesFindNothing) {
    EXPECT_TRUE(gazetteer().lookup("xyzzyville").empty());
    EXPECT_TRUE(gazetteer().lookup("").empty());
    EXPECT_FALSE(gazetteer().place_by_id("geonames:0").has_value());
}

TEST_F(GazetteerTest, HoldsThePopulatedPlacesOfTheWorld) {
    EXPECT_GT(gazetteer().place_count(), 100000U);
}

TEST(GazetteerLoadTest, MissingFolderIsADataError) {
    EXPECT_THROW((void)Gazetteer::load("/nonexistent/frontline-data"), DataError);
}

}  // namespace
}  // namespace frontline
