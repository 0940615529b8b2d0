#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace frontline {

/// Reads events back from a GeoJSON, GeoJSONSeq or GeoPackage file written by `write_events`
/// (layer `events`, or the only layer). Missing or null properties become empty values; a null
/// geometry gives an event without a location. The location's anchor comes from the `longitude`
/// and `latitude` properties, or from the geometry's centroid when a file lacks them.
/// @throws InputError when the file cannot be opened as vector data, or a feature has no `id`,
///         an unknown certainty, a malformed date or `mentions` value (naming file and feature).
/// @throws GeoError when an anchor lies outside ±180/±90.
[[nodiscard]] std::vector<Event> read_events(const std::string& path);

}  // namespace frontline
