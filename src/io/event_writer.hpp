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
/// in the form the GeoJSON export gives, so that memory does not grow with the input. Lines are
/// kept until `flush`, which the caller asks for whenever the next stage of a pipe should see
/// them (before it waits for more input): a write and a flush per article were a tenth of
/// `extract -` on one thread, most of it the reader of the pipe woken for every article.
class EventStream {
public:
    EventStream() = default;
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;
    /// Writes out what is still kept, ignoring errors: the run has failed or its end was not
    /// reached, and the events of the articles read so far still belong on stdout.
    ~EventStream();

    /// Adds `events`; written out at the next `flush`, or at once when a megabyte is kept.
    /// @throws GeoError for an event whose WKT cannot be parsed (none of `events` is kept then);
    /// OutputError when stdout fails.
    void write(const std::vector<Event>& events);
    /// Writes out what is kept and flushes stdout.
    /// @throws OutputError when stdout fails.
    void flush();

private:
    static constexpr const char* shown_name = "<stdout>";
    static constexpr std::size_t kept_at_most = 1 << 20;
    std::string buffer_;  ///< lines not written yet
};

}  // namespace frontline
