#pragma once

#include <geos_c.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/lonlat.hpp"

namespace frontline {

/// Owns one GEOS context handle. GEOS reports failures through the context's handlers; this class
/// records the last error message so that a failed call can become a `GeoError` that carries it.
/// One context per thread: neither GEOS nor the recorded message may be shared between threads.
/// Every geometry made in a context must be destroyed before the context.
class GeosContext {
public:
    /// @throws GeoError when GEOS cannot allocate a context.
    GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GeosContext(GeosContext&&) noexcept = default;
    GeosContext& operator=(GeosContext&&) noexcept = default;
    ~GeosContext() = default;

    /// The handle to pass to `GEOS*_r` functions; null after the context has been moved from.
    [[nodiscard]] GEOSContextHandle_t handle() const noexcept;

    /// Throws a GeoError saying `what` failed, with GEOS's last error message when there is one,
    /// and forgets that message.
    /// @throws GeoError always.
    [[noreturn]] void fail(std::string_view what) const;

private:
    struct State;
    struct StateDeleter {
        void operator()(State* state) const noexcept;
    };
    // The handlers write into State through a pointer GEOS keeps, so State must not move when
    // the context does: it lives on the heap.
    std::unique_ptr<State, StateDeleter> state_;
};

/// Destroys a geometry with the context that made it (pattern of QGIS `qgsgeos.h`).
struct GeosDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(ctx, g); }
};
/// An owned GEOS geometry; it must not outlive its context.
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosDeleter>;

/// Destroys a prepared geometry with the context that made it.
struct GeosPreparedDeleter {
    GEOSContextHandle_t ctx;
    void operator()(const GEOSPreparedGeometry* g) const noexcept { GEOSPreparedGeom_destroy_r(ctx, g); }
};
/// An owned prepared geometry; it must outlive neither its context nor the geometry it prepares.
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

/// Parses WKT (lon/lat in Frontline).
/// @throws GeoError with GEOS's message when `wkt` is not valid WKT.
[[nodiscard]] GeosGeometry read_wkt(const GeosContext& ctx, std::string_view wkt);

/// Writes WKT with at most `decimals` digits after the point, trailing zeros trimmed.
/// @throws GeoError when GEOS cannot write the geometry.
[[nodiscard]] std::string to_wkt(const GeosContext& ctx, const GEOSGeometry& g, int decimals);

/// Parses ISO WKB of either byte order, as exported by GDAL.
/// @throws GeoError with GEOS's message when `wkb` is not valid WKB.
[[nodiscard]] GeosGeometry read_wkb(const GeosContext& ctx, std::span<const unsigned char> wkb);

/// A POINT at `p`.
/// @throws GeoError when GEOS cannot build it.
[[nodiscard]] GeosGeometry make_point(const GeosContext& ctx, const LonLat& p);

/// Prepares `g` for repeated predicates; `g` must outlive the result.
/// @throws GeoError when GEOS cannot prepare it.
[[nodiscard]] GeosPrepared prepare(const GeosContext& ctx, const GEOSGeometry& g);

/// True when `b` lies in the interior of `a` and nowhere outside it (OGC contains).
/// @throws GeoError when GEOS cannot evaluate the predicate.
[[nodiscard]] bool contains(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);
/// Prepared form of `contains`.
/// @throws GeoError when GEOS cannot evaluate the predicate.
[[nodiscard]] bool contains(const GeosContext& ctx, const GEOSPreparedGeometry& a, const GEOSGeometry& b);

/// True when `a` and `b` share at least one point.
/// @throws GeoError when GEOS cannot evaluate the predicate.
[[nodiscard]] bool intersects(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);

/// Planar distance in degrees; use `nearest_point` and `distance_km` for kilometres.
/// @throws GeoError when GEOS cannot compute it (for instance for an empty geometry).
[[nodiscard]] double distance(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);

/// The point of `g` nearest to `to` in the lon/lat plane (`to` itself when `g` covers it).
/// @throws GeoError when `g` is empty or GEOS fails.
[[nodiscard]] LonLat nearest_point(const GeosContext& ctx, const GEOSGeometry& g, const LonLat& to);

/// `g` grown by `degrees` in the lon/lat plane, arcs drawn with 16 segments per quadrant (the
/// default of GEOS and Shapely, so that results agree with the Python scorer).
/// @throws GeoError when GEOS fails.
[[nodiscard]] GeosGeometry buffer_degrees(const GeosContext& ctx, const GEOSGeometry& g, double degrees);

/// Rewrites `g` in GEOS's normal form (ordered rings and parts), so that equal shapes compare equal.
/// @throws GeoError when GEOS fails.
void normalize(const GeosContext& ctx, GEOSGeometry& g);

/// A valid geometry covering the same points as `g` (GEOS's MakeValid).
/// @throws GeoError when GEOS fails.
[[nodiscard]] GeosGeometry make_valid(const GeosContext& ctx, const GEOSGeometry& g);

/// True for a geometry without points.
/// @throws GeoError when GEOS fails.
[[nodiscard]] bool is_empty(const GeosContext& ctx, const GEOSGeometry& g);

/// Planar area in square degrees; 0 for points and lines.
/// @throws GeoError when GEOS fails.
[[nodiscard]] double area(const GeosContext& ctx, const GEOSGeometry& g);

/// The centre of mass of `g`, which may lie outside it (a crescent, a border line).
/// @throws GeoError when `g` is empty or GEOS fails.
[[nodiscard]] LonLat centroid(const GeosContext& ctx, const GEOSGeometry& g);

/// A point guaranteed to lie on `g` (Shapely's `representative_point`).
/// @throws GeoError when `g` is empty or GEOS fails.
[[nodiscard]] LonLat point_on_surface(const GeosContext& ctx, const GEOSGeometry& g);

}  // namespace frontline
