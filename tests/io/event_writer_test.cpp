#include "io/event_writer.hpp"

#include <cstdlib>
#include <regex>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "io/detail/acled_csv.hpp"
#include "sample_events.hpp"

namespace frontline::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path golden_folder = std::filesystem::path(FRONTLINE_TEST_DATA) / "io";

// Exports are compared byte for byte with golden files. After an intended change of the output,
// regenerate them with `FRONTLINE_UPDATE_GOLDEN=1 frontline_io_test` and review the diff in git.
class GoldenFiles : public TempFolder, public ::testing::WithParamInterface<std::string> {};

TEST_P(GoldenFiles, ExportMatchesGoldenFile) {
    const auto written = folder_ / GetParam();
    write_events(sample_events(), written);
    const auto golden = golden_folder / GetParam();
    const char* update = std::getenv("FRONTLINE_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1")
        std::filesystem::copy_file(written, golden, std::filesystem::copy_options::overwrite_existing);
    EXPECT_EQ(read_file(written), read_file(golden)) << "diff " << written << " " << golden;
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenFiles, ::testing::Values("events.geojson", "events.csv"),
                         [](const auto& test) { return test.param.substr(test.param.find('.') + 1); });

using GeoJson = TempFolder;

TEST_F(GeoJson, IsRfc7946WithNullGeometryAndMentionArrays) {
    write_events(sample_events(), folder_ / "events.geojson");
    const std::string text = read_file(folder_ / "events.geojson");
    const auto json = nlohmann::json::parse(text);
    EXPECT_FALSE(json.contains("crs"));
    EXPECT_FALSE(json.contains("bbox"));
    const auto& features = json.at("features");
    ASSERT_EQ(features.size(), 4u);
    EXPECT_EQ(features[0]["geometry"]["coordinates"], nlohmann::json::parse("[38.3612346, 36.8945123]"));
    EXPECT_EQ(features[1]["geometry"]["type"], "LineString");
    EXPECT_TRUE(features[2]["geometry"].is_null());
    EXPECT_EQ(features[2]["properties"]["tier"], "statement");
    EXPECT_TRUE(features[2]["properties"]["place"].is_null());
    EXPECT_TRUE(features[2]["properties"]["magnitude"].is_null());
    EXPECT_TRUE(features[1]["properties"]["actor2"].is_null());
    const auto& mentions = features[0]["properties"]["mentions"];
    ASSERT_TRUE(mentions.is_array());
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0]["sentence_index"], 2);
    EXPECT_EQ(features[0]["properties"]["mention_count"], 2);
    EXPECT_EQ(features[3]["properties"]["place"], "Kobanî");
    EXPECT_FALSE(std::regex_search(text, std::regex(R"("coordinates": \[[^\]]*\d\.\d{8})")));
}

TEST_F(GeoJson, SequenceHasOneFeaturePerLine) {
    write_events(sample_events(), folder_ / "events.geojsonl");
    std::istringstream lines(read_file(folder_ / "events.geojsonl"));
    std::vector<std::string> ids;
    for (std::string line; std::getline(lines, line);) {
        ASSERT_NE(line.front(), '\x1e') << "no RS separators";
        const auto feature = nlohmann::json::parse(line);
        EXPECT_EQ(feature["type"], "Feature");
        EXPECT_TRUE(feature["properties"]["mentions"].is_array());
        ids.push_back(feature["properties"]["id"]);
    }
    EXPECT_THAT(ids, ElementsAre("evt-0001", "evt-0002", "evt-0003", "evt-0004"));
}

TEST(GeoJsonStdout, DashStreamsTheSequence) {
    ::testing::internal::CaptureStdout();
    write_events(sample_events(), "-");
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 4);
    EXPECT_THAT(out, HasSubstr("\"place\": \"Kobanî\""));
}

TEST(GeoJsonStdout, EscapesEveryCharacterJsonNeedsWhereverItFalls) {
    // The writer looks for characters to escape eight bytes at a time: put each kind at every
    // offset of a chunk, next to multi-byte UTF-8, and read the text back.
    std::vector<std::string> texts;
    const std::vector<std::string> specials = {"\"", "\\", "\n", "\t", "\r", "\b", "\f", std::string(1, '\x01'), std::string(1, '\x1f')};
    for (const std::string& special : specials)
        for (std::size_t offset = 0; offset < 17; ++offset)
            texts.push_back(std::string(offset, 'a') + special + "Kobanê — " + std::string(17 - offset, 'b') + special);
    texts.push_back(std::string(40, 'x'));  // nothing to escape, several whole chunks
    texts.push_back("");
    Event event = sample_events().front();
    event.mentions.clear();
    for (const std::string& text : texts) event.mentions.push_back({"article", 0, 0, text.size(), text});
    ::testing::internal::CaptureStdout();
    write_events({event}, "-");
    const nlohmann::json written = nlohmann::json::parse(::testing::internal::GetCapturedStdout());
    const auto& mentions = written["properties"]["mentions"];
    ASSERT_EQ(mentions.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(mentions[i]["text"], texts[i]) << i;
}

TEST_F(GeoJson, StdoutStreamHoldsWhatTheFileExportHolds) {
    // `-o -` writes its own JSON (GDAL's json-c path was as slow as extraction); it must say
    // exactly what the GDAL-written GeoJSONSeq file says.
    write_events(sample_events(), folder_ / "events.geojsonl");
    ::testing::internal::CaptureStdout();
    write_events(sample_events(), "-");
    std::istringstream streamed(::testing::internal::GetCapturedStdout());
    std::istringstream file(read_file(folder_ / "events.geojsonl"));
    std::size_t lines = 0;
    for (std::string a, b; std::getline(file, a);) {
        ASSERT_TRUE(std::getline(streamed, b));
        EXPECT_EQ(nlohmann::json::parse(b), nlohmann::json::parse(a)) << b;
        ++lines;
    }
    EXPECT_EQ(lines, 4u);
}

TEST_F(GeoJson, StdoutStreamWritesLinesAndAreasAsTheFileExportDoes) {
    // `-o -` writes lines and areas from their WKT without OGR; every kind (and anything it
    // leaves to OGR: a Z coordinate, spacing of its own) must read back as the GDAL file says.
    // Rings are wound as RFC 7946 asks (outer anticlockwise, holes clockwise): GDAL's file
    // export rewinds others, the stream keeps rings as given.
    const std::vector<std::string> wkts = {
        "LINESTRING (38.2 36.85,38.5 36.84,38.123456789 36.987654321)",
        "MULTILINESTRING ((38.2 36.85,38.5 36.84),(39 37,39.5 37.25))",
        "POLYGON ((38 36,39 36,39 37,38 37,38 36),(38.2 36.2,38.4 36.4,38.4 36.2,38.2 36.2))",
        "MULTIPOLYGON (((38 36,39 36,39 37,38 36)),((40 36,41 36,41 37,40 36),(40.2 36.1,40.4 36.3,40.4 36.1,40.2 36.1)))",
        "LINESTRING Z (38.2 36.85 1,38.5 36.84 2)",
        "LINESTRING(38.2 36.85, 38.5 36.84)",
        "MULTIPOINT ((38.2 36.85),(38.5 36.84))"};
    std::vector<Event> events;
    for (std::size_t i = 0; i < wkts.size(); ++i) {
        Event event = sample_events()[1];
        event.id = "evt-wkt-" + std::to_string(i);
        event.location->wkt = wkts[i];
        events.push_back(event);
    }
    write_events(events, folder_ / "lines.geojsonl");
    ::testing::internal::CaptureStdout();
    write_events(events, "-");
    std::istringstream streamed(::testing::internal::GetCapturedStdout());
    std::istringstream file(read_file(folder_ / "lines.geojsonl"));
    std::size_t lines = 0;
    for (std::string a, b; std::getline(file, a);) {
        ASSERT_TRUE(std::getline(streamed, b));
        const auto from_file = nlohmann::json::parse(a), from_stream = nlohmann::json::parse(b);
        EXPECT_EQ(from_stream["geometry"]["type"], from_file["geometry"]["type"]) << wkts[lines];
        // GDAL keeps a Z the stream leaves out (the stream writes longitude and latitude only).
        if (wkts[lines].find(" Z ") == std::string::npos) {
            EXPECT_EQ(from_stream["geometry"], from_file["geometry"]) << wkts[lines];
        }
        ++lines;
    }
    EXPECT_EQ(lines, wkts.size());
}

TEST(GeoJsonStdout, AnArticleWithAnUnreadableGeometryWritesNoneOfItsLines) {
    // The stream keeps lines between flushes: a failure halfway through an article's events must
    // not leave half of them, or half a line, to be written when the stream goes.
    std::vector<Event> events = sample_events();
    events[1].location->wkt = "LINESTRING (38.2 36.85, oops)";
    ::testing::internal::CaptureStdout();
    EXPECT_THROW(write_events(events, "-"), GeoError);
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
}

TEST(AcledCsv, QuotesFieldsPerRfc4180) {
    EXPECT_EQ(detail::csv_field("Kobanî"), "Kobanî");
    EXPECT_EQ(detail::csv_field("a, b"), "\"a, b\"");
    EXPECT_EQ(detail::csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    EXPECT_EQ(detail::csv_field("two\nlines"), "\"two\nlines\"");
}

class Atomicity : public TempFolder, public ::testing::WithParamInterface<std::string> {};

TEST_P(Atomicity, MissingFolderIsAnOutputError) {
    const auto path = (folder_ / "missing" / ("events" + GetParam())).string();
    try {
        write_events(sample_events(), path);
        FAIL() << "expected OutputError";
    } catch (const OutputError& error) {
        EXPECT_THAT(error.what(), HasSubstr(path));
    }
}

TEST_P(Atomicity, FailureKeepsPreviousFileAndLeavesNoTemporaryFile) {
    const std::string name = "events" + GetParam();
    const auto path = folder_ / name;
    write_events(sample_events(), path);
    const std::string before = read_file(path);

    auto events = sample_events();
    events.push_back(events[1]);
    events.back().id = "evt-bad";
    events.back().location->wkt = "LINESTRING (38.2 36.85,";
    if (GetParam() == ".csv") {
        // CSV carries no geometry, so it cannot fail this way; it must still write atomically.
        write_events(events, path);
        EXPECT_NE(read_file(path), before);
    } else {
        try {
            write_events(events, path);
            FAIL() << "expected GeoError";
        } catch (const GeoError& error) {
            EXPECT_THAT(error.what(), HasSubstr("evt-bad"));
            EXPECT_THAT(error.what(), HasSubstr(path.string()));
        }
        EXPECT_EQ(read_file(path), before);
    }
    EXPECT_THAT(folder_contents(), ElementsAre(name));
}

INSTANTIATE_TEST_SUITE_P(Formats, Atomicity, ::testing::Values(".geojson", ".geojsonl", ".gpkg", ".csv"),
                         [](const auto& test) { return test.param.substr(1); });

TEST(EventFormatFor, KnowsEveryExtension) {
    EXPECT_EQ(event_format_for("out.geojson"), EventFormat::geojson);
    EXPECT_EQ(event_format_for("out.json"), EventFormat::geojson);
    EXPECT_EQ(event_format_for("out.geojsonl"), EventFormat::geojsonseq);
    EXPECT_EQ(event_format_for("out.geojsons"), EventFormat::geojsonseq);
    EXPECT_EQ(event_format_for("out.geojsonseq"), EventFormat::geojsonseq);
    EXPECT_EQ(event_format_for("-"), EventFormat::geojsonseq);
    EXPECT_EQ(event_format_for("dir.v2/out.gpkg"), EventFormat::geopackage);
    EXPECT_EQ(event_format_for("OUT.GPKG"), EventFormat::geopackage);
    EXPECT_EQ(event_format_for("out.csv"), EventFormat::csv);
}

TEST(EventFormatFor, RejectsOtherExtensionsNamingThePath) {
    for (const std::string path : {"out.shp", "out", "geojson"}) {
        try {
            (void)event_format_for(path);
            FAIL() << "expected UsageError for " << path;
        } catch (const UsageError& error) {
            EXPECT_THAT(error.what(), HasSubstr(path + ": "));
            EXPECT_THAT(error.what(), HasSubstr(".gpkg"));
        }
    }
}

}  // namespace
}  // namespace frontline::test
