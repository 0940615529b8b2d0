#include "io/event_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "io/event_writer.hpp"
#include "sample_events.hpp"

namespace frontline::test {
namespace {

using ::testing::HasSubstr;

class RoundTrip : public TempFolder, public ::testing::WithParamInterface<std::string> {};

TEST_P(RoundTrip, ReadsBackWhatWasWritten) {
    const auto path = (folder_ / ("events" + GetParam())).string();
    auto events = sample_events();
    write_events(events, path);
    // GeoJSON keeps 7 decimals of the geometry (RFC 7946); GeoPackage keeps doubles.
    if (GetParam() != ".gpkg") events[0].location->wkt = "POINT (38.3612346 36.8945123)";

    const auto read = read_events(path);
    ASSERT_EQ(read.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(describe(read[i]).dump(2), describe(events[i]).dump(2));
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip, ::testing::Values(".gpkg", ".geojson", ".geojsonl"),
                         [](const auto& test) { return test.param.substr(1); });

using ReadEvents = TempFolder;

TEST_F(ReadEvents, AnchorsAtTheCentroidWithoutLongitudeAndLatitude) {
    const auto path = folder_ / "other.geojson";
    std::ofstream(path) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"id": "x1", "event_type": "shelling", "date_start": "2014-10-03"},
        "geometry": {"type": "LineString", "coordinates": [[38.0, 36.0], [39.0, 37.0]]}}]})";
    const auto events = read_events(path);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].location->anchor, LonLat(38.5, 36.5));
    EXPECT_EQ(events[0].date_start->iso(), "2014-10-03");
    EXPECT_TRUE(events[0].mentions.empty());
}

TEST_F(ReadEvents, ErrorsNameTheFileAndTheFeature) {
    const auto path = (folder_ / "bad.geojson").string();
    std::ofstream(path) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"id": "x1", "certainty": "rumoured"}, "geometry": null}]})";
    try {
        (void)read_events(path);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr(path + ": feature x1: unknown certainty"));
    }
}

TEST_F(ReadEvents, MissingFileIsAnInputError) {
    const auto path = (folder_ / "none.gpkg").string();
    EXPECT_THROW((void)read_events(path), InputError);
}

}  // namespace
}  // namespace frontline::test
