#pragma once

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "events/event.hpp"

namespace frontline::test {

/// One of each shape the exporters must handle: a point with two mentions (and a comma and quotes
/// for CSV), a border line, a statement with no place, and non-ASCII place text.
inline std::vector<Event> sample_events() {
    Event taken;
    taken.id = "evt-0001";
    taken.event_type = "territory_taken";
    taken.acled_event_type = "Battles";
    taken.acled_sub_event_type = "Non-state actor overtakes territory";
    taken.plover_event = "ASSAULT";
    taken.plover_mode = "occupy";
    taken.actor1 = "ISIS";
    taken.actor2 = "YPG";
    taken.actor1_text = "Islamic State";
    taken.actor2_text = "Kurdish fighters";
    taken.date_start = Date(2014, 10, 6);
    taken.date_end = Date(2014, 10, 6);
    taken.time_precision = 1;
    // More decimals than the GeoJSON export keeps, to show the rounding to 7.
    taken.location = Location{"POINT (38.36123456789 36.89451234567)", LonLat(38.36123456789, 36.89451234567), 2,
                              "Mistenur hill", "frontline:mistenur", "SYR"};
    taken.certainty = Certainty::claimed;
    taken.source = "BBC";
    taken.magnitude = 0.33;
    taken.mentions = {
        {"2014-10-07-kobane-hill", 2, 310, 402,
         "IS fighters raised their flag on Mistenur hill, \"a strategic height\", Kurdish commanders said."},
        {"2014-10-07-kobane-hill", 0, 0, 41, "IS flag raised over Kobane hill"}};
    taken.confidence = 0.8;

    Event border;
    border.id = "evt-0002";
    border.event_type = "deployment";
    border.acled_event_type = "Strategic developments";
    border.acled_sub_event_type = "Change to group/activity";
    border.plover_event = "MOBILIZE";
    border.plover_mode = "troops";
    border.actor1 = "TUR";
    border.actor1_text = "Turkish tanks";
    border.date_start = Date(2014, 10, 3);
    border.date_end = Date(2014, 10, 3);
    border.time_precision = 1;
    border.location = Location{"LINESTRING (38.2 36.85,38.5 36.84)", LonLat(38.35, 36.845), 3,
                               "Turkish-Syrian border", "frontline:tur-syr-border", "TUR"};
    border.mentions = {{"2014-10-03-kobane-shelling", 4, 512, 590,
                        "Turkish tanks were deployed along the border with Syria."}};
    border.confidence = 0.7;

    Event appeal;
    appeal.id = "evt-0003";
    appeal.event_type = "appeal";
    appeal.plover_event = "REQUEST";
    appeal.actor1 = "UN";
    appeal.actor1_text = "UN envoy";
    appeal.date_start = Date(2014, 10, 10);
    appeal.time_precision = 1;
    appeal.mentions = {{"2014-10-11-kobane-security-quarter", 7, 880, 960,
                        "The UN envoy urged Turkey to help stop the massacre."}};

    Event strike;
    strike.id = "evt-0004";
    strike.event_type = "airstrike";
    strike.acled_event_type = "Explosions/Remote violence";
    strike.acled_sub_event_type = "Air/drone strike";
    strike.plover_event = "ASSAULT";
    strike.plover_mode = "aerial";
    strike.actor1 = "USA";
    strike.actor2 = "ISIS";
    strike.actor1_text = "coalition aircraft";
    strike.actor2_text = "Islamic State positions";
    strike.date_start = Date(2014, 10, 14);
    strike.date_end = Date(2014, 10, 14);
    strike.time_precision = 1;
    strike.location = Location{"POINT (38.3568 36.8906)", LonLat(38.3568, 36.8906), 1, "Kobanî", "geonames:172256",
                               "SYR"};
    strike.certainty = Certainty::reported;
    strike.fatalities = 12;
    strike.mentions = {{"2014-10-14-kobane-airstrikes-tall-shair", 1, 95, 170,
                        "Coalition aircraft struck Islamic State positions around Kobanî."}};
    strike.confidence = 0.9;

    return {taken, border, appeal, strike};
}

/// Every field of an event as JSON, so that a failed comparison prints a readable diff.
inline nlohmann::ordered_json describe(const Event& event) {
    auto iso = [](const std::optional<Date>& date) { return date ? nlohmann::ordered_json(date->iso()) : nullptr; };
    nlohmann::ordered_json json{{"id", event.id},
                                {"event_type", event.event_type},
                                {"acled", {event.acled_event_type, event.acled_sub_event_type}},
                                {"plover", {event.plover_event, event.plover_mode}},
                                {"actors", {event.actor1, event.actor2, event.actor1_text, event.actor2_text}},
                                {"dates", {iso(event.date_start), iso(event.date_end), event.time_precision}},
                                {"certainty", to_string(event.certainty)},
                                {"source", event.source},
                                {"magnitude", event.magnitude ? nlohmann::ordered_json(*event.magnitude) : nullptr},
                                {"fatalities", event.fatalities ? nlohmann::ordered_json(*event.fatalities) : nullptr},
                                {"confidence", event.confidence},
                                {"mentions", nlohmann::ordered_json::array()}};
    for (const Mention& m : event.mentions)
        json["mentions"].push_back({m.article_id, m.sentence_index, m.char_start, m.char_end, m.text});
    if (const auto& l = event.location)
        json["location"] = {l->wkt, l->anchor.lon(), l->anchor.lat(), l->geo_precision, l->place, l->place_id,
                            l->country};
    return json;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

/// A fresh empty folder per test, removed afterwards.
class TempFolder : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = std::string(info->test_suite_name()) + "-" + info->name();
        for (char& c : name)
            if (c == '/') c = '-';
        folder_ = std::filesystem::temp_directory_path() / ("frontline-io-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::remove_all(folder_);
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    /// The names in the folder, to show that no temporary file was left behind.
    [[nodiscard]] std::vector<std::string> folder_contents() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(folder_)) names.push_back(entry.path().filename());
        std::sort(names.begin(), names.end());
        return names;
    }

    std::filesystem::path folder_;
};

}  // namespace frontline::test
