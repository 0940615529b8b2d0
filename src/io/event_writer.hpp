#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace frontline {

/// The file formats events are exported to.
enum class EventFormat { geojson, geojsonseq, geopackage, csv };

/// The format a path asks for, by extension: .geojson/.json, .geojsonl/.geojsons/.geojsonseq,
/// .gpkg, .csv; "-" means GeoJSONSeq on stdout.
/// @throws UsageError for any other extension, naming the path and the accepted ones.
[[nodiscard]] EventFormat event_format_for(const std::string& path);

/// Writes `events` in the format `event_format_for(path)` picks, in full or not at all: the file
/// is built under a temporary name and renamed over `path`, so a failure leaves the previous file
/// intact. GeoJSON is RFC 7946 (lon/lat, 7 decimals, no "crs"); `mentions` is a JSON array;
/// events without a location get a null geometry; missing values are nulls. CSV has ACLED's
/// columns first, then Frontline's. "-" streams GeoJSONSeq to stdout.
/// @throws UsageError for an unknown extension.
/// @throws GeoError when an event's WKT cannot be parsed (the message names the event id).
/// @throws OutputError when the file cannot be written (missing folder, no permission, disk full).
void write_events(const std::vector<Event>& events, const std::string& path);

/// GeoJSONSeq on stdout written as events come (`frontline extract -o -`): one feature per line
/// in the form the GeoJSON export gives, so that memory does not grow with the input and the next
/// stage of a pipe sees each article's events at once.
class EventStream {
public:
    /// Writes and flushes `events`.
    /// @throws GeoError for an event whose WKT cannot be parsed; OutputError when stdout fails.
    void write(const std::vector<Event>& events);

private:
    static constexpr const char* shown_name = "<stdout>";
    std::string buffer_;  ///< reused: one article's events at a time
};

}  // namespace frontline
