#include "io/detail/acled_csv.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace frontline::detail {

namespace {

constexpr std::array columns{
    // ACLED's codebook names, in its order.
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    // What ACLED has no column for.
    "frontline_event_type", "plover_event", "plover_mode", "actor1_text", "actor2_text", "date_end", "place_id",
    "certainty", "magnitude", "confidence", "mention_count"};

/// The shortest fixed-point text that reads back as `value`: no exponent, no trailing zeros.
std::string decimal(double value) {
    std::array<char, 400> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
    return {buffer.data(), result.ptr};
}

/// Coordinates carry the same 7 decimals (about 1 cm) as the GeoJSON export.
std::string coordinate(double degrees) { return decimal(std::round(degrees * 1e7) / 1e7); }

template <class T>
std::string optional_text(const std::optional<T>& value, std::string (*format)(T)) {
    return value ? format(*value) : std::string();
}

std::string iso(Date date) { return date.iso(); }
std::string year(Date date) { return std::to_string(date.year()); }
std::string integer(int value) { return std::to_string(value); }

}  // namespace

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void write_acled_csv(const std::vector<Event>& events, std::ostream& out) {
    auto write_record = [&out](const auto& fields) {
        bool first = true;
        for (const auto& field : fields) {
            if (!first) out << ',';
            out << csv_field(field);
            first = false;
        }
        out << "\r\n";
    };
    write_record(columns);
    for (const Event& event : events) {
        const auto& location = event.location;
        const std::array<std::string, columns.size()> record{
            event.id,
            optional_text(event.date_start, iso),
            optional_text(event.date_start, year),
            integer(event.time_precision),
            event.acled_event_type,
            event.acled_sub_event_type,
            event.actor1,
            event.actor2,
            location ? location->country : "",
            location ? location->place : "",
            location ? coordinate(location->anchor.lat()) : "",
            location ? coordinate(location->anchor.lon()) : "",
            location ? integer(location->geo_precision) : "",
            event.source,
            event.mentions.empty() ? "" : event.mentions.front().text,
            optional_text(event.fatalities, integer),
            event.event_type,
            event.plover_event,
            event.plover_mode,
            event.actor1_text,
            event.actor2_text,
            optional_text(event.date_end, iso),
            location ? location->place_id : "",
            to_string(event.certainty),
            optional_text(event.magnitude, decimal),
            decimal(event.confidence),
            std::to_string(event.mentions.size())};
        write_record(record);
    }
}

}  // namespace frontline::detail
