#pragma once

#include <optional>

#include "common/lonlat.hpp"

namespace frontline::render {

/// A point on the projected plane, in kilometres east (`x`) and north (`y`) of the projection's
/// origin.
struct PlanePoint {
    double x = 0.0;
    double y = 0.0;

    friend bool operator==(const PlanePoint&, const PlanePoint&) = default;
};

/// The map projection: equirectangular with cos(lat0) scaling around an origin, which keeps
/// distances and shapes right to within a percent over the few hundred kilometres of a front.
/// Everything else in render/ only goes through `forward` and `inverse`, so PROJ can replace the
/// formulas without touching the callers.
class MapProjection {
public:
    /// A projection true to scale at `origin`.
    explicit MapProjection(LonLat origin);

    /// The point the plane is centred on, (0, 0) after projection.
    [[nodiscard]] const LonLat& origin() const noexcept { return origin_; }

    /// Projects a position to the plane. Never fails.
    [[nodiscard]] PlanePoint forward(const LonLat& position) const noexcept;

    /// The position that projects to `point`, or nothing when that lies beyond ±90° / ±180°.
    [[nodiscard]] std::optional<LonLat> inverse(const PlanePoint& point) const noexcept;

private:
    LonLat origin_;
    double km_per_degree_lon_;
};

}  // namespace frontline::render
