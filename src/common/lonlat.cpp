#include "common/lonlat.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "common/error.hpp"

namespace frontline {

LonLat::LonLat(double lon, double lat) : lon_(lon), lat_(lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90.0 || std::abs(lon) > 180.0)
        throw GeoError("coordinate out of range: lon " + std::to_string(lon) + " lat " + std::to_string(lat));
}

double distance_km(const LonLat& a, const LonLat& b) {
    constexpr double earth_radius_km = 6371.0088;
    constexpr double rad = std::numbers::pi / 180.0;
    const double dlat = (b.lat() - a.lat()) * rad;
    const double dlon = (b.lon() - a.lon()) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat() * rad) * std::cos(b.lat() * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace frontline
