#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/control_timeline.hpp"
#include "events/event.hpp"

namespace frontline {

/// The layers `frontline export` can write.
enum class ExportLayer { events, control, frontlines };

/// Parses a comma-separated list such as "events,control,frontlines".
/// @throws UsageError for an empty list or an unknown layer name, listing the known ones.
[[nodiscard]] std::vector<ExportLayer> parse_export_layers(const std::string& list);

/// What to export and where.
struct ExportRequest {
    std::vector<ExportLayer> layers;
    /// The instant of the control and front-line layers; none: every state of the timeline.
    std::optional<Date> at;
    /// A folder (created when missing) for one RFC 7946 GeoJSON per layer (`events.geojson`,
    /// `control.geojson`, `frontlines.geojson`), or a `.gpkg` for one GeoPackage with a layer each.
    std::string output;
};

/// Writes the requested layers, each file in full or not at all (built under a temporary name,
/// then renamed). `control` has one feature per holder and state: `holder`, `valid_from`,
/// `valid_to` (ISO 8601 dates; null for the current state), `certainty`, `events` (a JSON array
/// of event ids), `area_km2`; `frontlines` has one feature per pair of holders and state:
/// `holder_a`, `holder_b`, the same time fields, `length_km`.
/// @throws UsageError for an output that is neither a folder nor a .gpkg.
/// @throws OutputError when a file cannot be written; GeoError when GDAL rejects a geometry.
void write_export(const ExportRequest& request, const std::vector<Event>& events, const ControlTimeline& timeline);

}  // namespace frontline
