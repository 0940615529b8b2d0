#pragma once

#include <string>

#include <ogrsf_frmts.h>

#include "events/event.hpp"
#include "io/gdal.hpp"

namespace frontline::detail {

/// Creates the `events` layer's fields (id, event_type, ..., mentions) on `layer`, in the order
/// every export and store uses.
/// @throws OutputError naming the field that cannot be created.
void create_event_fields(OGRLayer& layer, const GdalErrorCapture& errors);

/// The first field of the `events` layer that `definition` lacks; empty when it has them all.
[[nodiscard]] std::string missing_event_field(const OGRFeatureDefn& definition);

/// The event's location as an OGR geometry (the location must be set).
/// @throws GeoError naming the event when its WKT cannot be parsed.
[[nodiscard]] OGRGeometryUniquePtr geometry_of(const Event& event, const GdalErrorCapture& errors);

/// Sets every field and the geometry of `feature` from `event`; missing values become nulls,
/// `mentions` a JSON array.
/// @throws GeoError naming the event when its WKT cannot be parsed.
void fill_feature(OGRFeature& feature, const Event& event, const GdalErrorCapture& errors);

/// The event a feature of an `events` layer holds (the inverse of `fill_feature`). `file` names
/// the data set in error messages.
/// @throws InputError for a feature without `id`, an unknown certainty, a malformed date or
///         `mentions` value; GeoError for an anchor outside ±180/±90.
[[nodiscard]] Event event_from_feature(const OGRFeature& feature, const std::string& file);

}  // namespace frontline::detail
