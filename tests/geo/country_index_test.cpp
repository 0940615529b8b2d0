#include "geo/country_index.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace frontline {
namespace {

// GeoNames points (cities1000) of the places the gold files code.
const LonLat diyarbakir(40.21721, 37.91363);
const LonLat mosul(43.11889, 36.335);
const LonLat kobane(38.35347, 36.89095);

class CountryIndexTest : public ::testing::Test {
protected:
    // Reading Natural Earth takes a moment: one index for the whole suite.
    static void SetUpTestSuite() { index_.emplace(CountryIndex::load(CountryIndex::default_path())); }
    static void TearDownTestSuite() { index_.reset(); }

    static const CountryIndex& index() { return *index_; }

    // Geometries for the index's predicates; destroyed before this context.
    GeosContext ctx;

private:
    static std::optional<CountryIndex> index_;
};

std::optional<CountryIndex> CountryIndexTest::index_;

TEST_F(CountryIndexTest, KnowsTheCountriesOfTheCorpusByTheirGoldNames) {
    EXPECT_GT(index().size(), 200U);
    for (const char* name : {"Turkey", "Syria", "Iraq", "Ukraine", "Russia", "Belgium"})
        EXPECT_TRUE(index().has_country(name)) << name;
    EXPECT_FALSE(index().has_country("Syrian Arab Republic"));
}

TEST_F(CountryIndexTest, TownsLieInTheirCountries) {
    const GeosGeometry in_turkey = make_point(ctx, diyarbakir);
    EXPECT_TRUE(index().contains("Turkey", *in_turkey, 0.0));
    EXPECT_TRUE(index().contains("Turkey", *in_turkey, 0.02));
    EXPECT_FALSE(index().contains("Syria", *in_turkey, 0.02));
    EXPECT_EQ(index().country_at(diyarbakir), "Turkey");

    const GeosGeometry in_iraq = make_point(ctx, mosul);
    EXPECT_TRUE(index().contains("Iraq", *in_iraq, 0.0));
    EXPECT_FALSE(index().contains("Turkey", *in_iraq, 0.02));
    EXPECT_EQ(index().country_at(mosul), "Iraq");
}

// Natural Earth's 10m border runs about 0.005 degrees (600 m) south of the GeoNames point of
// Kobane, so the point falls in Turkey. Only the 0.02 degree slack the scorer grants puts it in
// Syria too; score_events.py gives the same answers (Countries.contains, checked with Shapely).
TEST_F(CountryIndexTest, KobaneIsInSyriaOnlyWithTheScorersSlack) {
    const GeosGeometry point = make_point(ctx, kobane);
    EXPECT_TRUE(index().contains("Syria", *point, 0.02));
    EXPECT_FALSE(index().contains("Syria", *point, 0.0));
    EXPECT_TRUE(index().contains("Turkey", *point, 0.0));
    EXPECT_EQ(index().country_at(kobane), "Turkey");
}

TEST_F(CountryIndexTest, WithSlackAGeometryTouchingTheCountryCounts) {
    // From Diyarbakir south across the border: its representative point is in Turkey, but the
    // line enters Syria.
    const GeosGeometry line = read_wkt(ctx, "LINESTRING (40.2 37.9, 40.2 36.5)");
    EXPECT_TRUE(index().contains("Syria", *line, 0.02));
    EXPECT_FALSE(index().contains("Syria", *read_wkt(ctx, "LINESTRING (40.2 37.9, 40.3 37.8)"), 0.02));
}

TEST_F(CountryIndexTest, UnknownNamesEmptyGeometriesAndTheSeaGiveNothing) {
    EXPECT_FALSE(index().contains("Atlantis", *make_point(ctx, diyarbakir), 0.02));
    EXPECT_FALSE(index().contains("Turkey", *read_wkt(ctx, "POINT EMPTY"), 0.02));
    EXPECT_EQ(index().country_at(LonLat(0.0, 0.0)), std::nullopt);
}

TEST_F(CountryIndexTest, ABorderAskedAgainIsAnsweredAsTheFirstTime) {
    const auto near_kobane = index().shared_border_wkt("Turkey", "Syria", kobane, 30.0);
    const auto again = index().shared_border_wkt("Turkey", "Syria", kobane, 30.0);
    const auto wider = index().shared_border_wkt("Turkey", "Syria", kobane, 60.0);
    const auto whole = index().shared_border_wkt("Turkey", "Syria", std::nullopt, 30.0);
    const auto unasked = index().copy().shared_border_wkt("Turkey", "Syria", kobane, 30.0);  // a copy keeps no answers
    ASSERT_TRUE(near_kobane && again && wider && whole && unasked);
    EXPECT_EQ(again->wkt, near_kobane->wkt);
    EXPECT_EQ(again->anchor, near_kobane->anchor);
    EXPECT_EQ(unasked->wkt, near_kobane->wkt);
    EXPECT_NE(wider->wkt, near_kobane->wkt) << "another radius is another question";
    EXPECT_NE(whole->wkt, near_kobane->wkt) << "no point is another question";
    EXPECT_FALSE(index().shared_border_wkt("Turkey", "Belgium", kobane, 30.0).has_value());
}

TEST_F(CountryIndexTest, OutlinesOfABoxPastThePolesStayOnTheGlobe) {
    // Germany to Iraq padded by one and a half times its extent, as the map's base layer asks.
    const auto rings = index().outline_rings(-43.1, -19.3, 96.3, 101.0);
    ASSERT_FALSE(rings.empty());
    double north = -90.0;
    for (const auto& ring : rings)
        for (const LonLat& p : ring) north = std::max(north, p.lat());
    EXPECT_LE(north, 90.0);
    EXPECT_GT(north, 70.0);  // Svalbard and the Russian Arctic are in the box
}

TEST(CountryIndexLoad, FailuresNameTheFile) {
    const std::string missing = "/nonexistent/countries-10m.json";
    try {
        (void)CountryIndex::load(missing);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
    }
    const std::string not_topojson = FRONTLINE_TEST_DATA "/corpus/dev/README.md";
    try {
        (void)CountryIndex::load(not_topojson);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find(not_topojson), std::string::npos) << e.what();
    }
}

/// Points whose answers a cached index must repeat: towns in three countries and the sea.
std::vector<std::optional<std::string>> answers(const CountryIndex& index) {
    std::vector<std::optional<std::string>> out;
    for (const LonLat& p : {diyarbakir, mosul, kobane, LonLat(30.5234, 50.4501), LonLat(0.0, 0.0)}) out.push_back(index.country_at(p));
    out.push_back(std::to_string(index.size()));
    return out;
}

/// Points `FRONTLINE_CACHE` at a folder of its own for one test and puts it back afterwards.
class CountryIndexCache : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* saved = std::getenv("FRONTLINE_CACHE")) saved_ = saved;
        folder_ = std::filesystem::temp_directory_path() / ("frontline-country-cache-" + std::to_string(::getpid()));
        std::filesystem::remove_all(folder_);
        ::setenv("FRONTLINE_CACHE", folder_.c_str(), 1);
    }
    void TearDown() override {
        if (saved_) ::setenv("FRONTLINE_CACHE", saved_->c_str(), 1);
        else ::unsetenv("FRONTLINE_CACHE");
        std::filesystem::remove_all(folder_);
    }

    /// The one cache file the folder holds.
    [[nodiscard]] std::filesystem::path cache_file() const {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder_))
            if (entry.path().extension() == ".wkb") files.push_back(entry.path());
        EXPECT_EQ(files.size(), 1U);
        return files.empty() ? std::filesystem::path() : files.front();
    }

    std::filesystem::path folder_;

private:
    std::optional<std::string> saved_;
};

TEST_F(CountryIndexCache, ASecondLoadReadsTheSameOutlinesFromTheCache) {
    const auto from_source = answers(CountryIndex::load(CountryIndex::default_path()));
    const std::filesystem::path cache = cache_file();
    EXPECT_TRUE(cache.filename().string().starts_with("countries-")) << cache;
    const auto written = std::filesystem::last_write_time(cache);
    EXPECT_EQ(answers(CountryIndex::load(CountryIndex::default_path())), from_source);
    EXPECT_EQ(std::filesystem::last_write_time(cache), written);  // read, not rebuilt
}

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_F(CountryIndexCache, AShortOrDamagedCacheIsRebuilt) {
    const auto from_source = answers(CountryIndex::load(CountryIndex::default_path()));
    const std::filesystem::path cache = cache_file();
    const std::string written = file_bytes(cache);
    for (const std::uintmax_t size : {std::uintmax_t{0}, std::uintmax_t{5}, std::uintmax_t{23}, written.size() / 2, written.size() - 1}) {
        std::filesystem::resize_file(cache, size);
        EXPECT_EQ(answers(CountryIndex::load(CountryIndex::default_path())), from_source) << size;
        EXPECT_EQ(file_bytes(cache), written) << size;  // rebuilt from the source
    }
    // The sizes intact, coordinates inside scrambled: still WKB that GEOS would read, but the
    // checksum no longer matches, so the source is read again.
    {
        std::fstream file(cache, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(written.size() / 2));
        const std::string junk(64, '\x7f');
        file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    EXPECT_EQ(answers(CountryIndex::load(CountryIndex::default_path())), from_source);
    EXPECT_EQ(file_bytes(cache), written);
}

TEST_F(CountryIndexCache, AChangedSourceMakesANewCache) {
    const std::filesystem::path copy = folder_ / "countries-10m.json";
    std::filesystem::create_directories(folder_);
    std::filesystem::copy_file(CountryIndex::default_path(), copy);
    const auto from_source = answers(CountryIndex::load(copy));
    const std::filesystem::path first = cache_file();
    std::filesystem::last_write_time(copy, std::filesystem::last_write_time(copy) - std::chrono::hours(1));
    EXPECT_EQ(answers(CountryIndex::load(copy)), from_source);
    std::size_t caches = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) caches += entry.path().extension() == ".wkb";
    EXPECT_EQ(caches, 2U);
    EXPECT_TRUE(std::filesystem::exists(first));
}

}  // namespace
}  // namespace frontline
