#pragma once

#include "common/lonlat.hpp"

namespace frontline {

/// The point `metres` from `from` towards `bearing_degrees` (0 north, 90 east), measured on the
/// WGS 84 ellipsoid: PROJ projects around `from` with an azimuthal equidistant projection, in
/// which distances and bearings from the centre are true, and the offset is undone there.
/// @throws GeoError when PROJ cannot build the projection or the point does not transform.
[[nodiscard]] LonLat offset_point(const LonLat& from, double bearing_degrees, double metres);

}  // namespace frontline
