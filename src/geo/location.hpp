#pragma once

#include <string>

#include "common/lonlat.hpp"

namespace frontline {

/// Where an event happened, as precisely as the text allows.
struct Location {
    /// The geometry in WKT, lon/lat (EPSG:4326 in GIS order): a POINT for a town, a LINESTRING
    /// for a border, a MULTIPOINT or (MULTI)POLYGON for a region.
    std::string wkt;
    /// A representative point of `wkt`, used for distances and labels.
    LonLat anchor{0.0, 0.0};
    /// ACLED's code: 1 the named town, 2 near/part of it, 3 a region, province, country or border.
    int geo_precision = 1;
    std::string place;     ///< display name, e.g. "Kobane"
    std::string place_id;  ///< "geonames:172256", or "frontline:..." for curated places; may be empty
    std::string country;   ///< ISO 3166-1 alpha-3 of the country the place lies in; may be empty
};

}  // namespace frontline
