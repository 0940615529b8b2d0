#pragma once

namespace frontline {

/// A WGS 84 position in GIS order (longitude first), the only coordinate order inside Frontline.
class LonLat {
public:
    /// @throws GeoError when a value is not finite or outside ±180 / ±90.
    LonLat(double lon, double lat);

    [[nodiscard]] double lon() const noexcept { return lon_; }
    [[nodiscard]] double lat() const noexcept { return lat_; }

    friend bool operator==(const LonLat&, const LonLat&) = default;

private:
    double lon_;
    double lat_;
};

/// Great-circle distance in kilometres (haversine on the mean Earth radius, 6371.0088 km).
[[nodiscard]] double distance_km(const LonLat& a, const LonLat& b);

}  // namespace frontline
