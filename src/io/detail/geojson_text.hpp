#pragma once

#include <string>

#include "events/event.hpp"
#include "io/gdal.hpp"

namespace frontline::detail {

/// Appends `event` to `out` as one GeoJSON Feature (RFC 7946) on one line, without a line end:
/// the properties of the `events` layer in its field order, missing values as null, `mentions`
/// an array, coordinates rounded to 7 decimals and other numbers to 15 significant figures, in
/// the spacing GDAL's GeoJSON driver writes. Building the text directly costs a fraction of
/// going through OGR features and json-c, which made writing the stream as slow as extracting.
/// @throws GeoError naming the event when its WKT cannot be parsed.
void append_geojson_feature(std::string& out, const Event& event, const GdalErrorCapture& errors);

}  // namespace frontline::detail
