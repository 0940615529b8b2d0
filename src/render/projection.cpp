#include "render/projection.hpp"

#include <cmath>
#include <numbers>

namespace frontline::render {

namespace {
/// Mean Earth radius, the one `distance_km` uses, so that scale bars and distances agree.
constexpr double earth_radius_km = 6371.0088;
constexpr double km_per_degree = earth_radius_km * std::numbers::pi / 180.0;
}  // namespace

MapProjection::MapProjection(LonLat origin)
    : origin_(origin), km_per_degree_lon_(km_per_degree * std::cos(origin.lat() * std::numbers::pi / 180.0)) {}

PlanePoint MapProjection::forward(const LonLat& position) const noexcept {
    return {(position.lon() - origin_.lon()) * km_per_degree_lon_, (position.lat() - origin_.lat()) * km_per_degree};
}

std::optional<LonLat> MapProjection::inverse(const PlanePoint& point) const noexcept {
    const double lon = origin_.lon() + point.x / km_per_degree_lon_;
    const double lat = origin_.lat() + point.y / km_per_degree;
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180.0 || std::abs(lat) > 90.0)
        return std::nullopt;
    return LonLat(lon, lat);
}

}  // namespace frontline::render
