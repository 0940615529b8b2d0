#pragma once

#include <proj.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/lonlat.hpp"
#include "geo/geos.hpp"

/// GEOS overlay helpers and local metric projections for the control module. Every function
/// returns an owned geometry or throws GeoError with GEOS's or PROJ's reason.
namespace frontline::control_detail {

[[nodiscard]] GeosGeometry clone(const GeosContext& ctx, const GEOSGeometry& g);
[[nodiscard]] GeosGeometry intersection(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);
[[nodiscard]] GeosGeometry difference(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);
[[nodiscard]] GeosGeometry unite(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b);
/// The union of every geometry in `parts` (consumed); an empty MultiPolygon when there is none.
[[nodiscard]] GeosGeometry union_all(const GeosContext& ctx, std::vector<GeosGeometry> parts);
/// The union of pieces that tile the ground (they never overlap), snap-rounded to a 1e-11 degree
/// grid (1 µm). Floating-point union falls back on snapping vertices by up to millimetres when it
/// meets nearly collinear edges, and two holders dissolved apart would then overlap by square
/// metres; snap-rounding moves every shared vertex alike. Lon/lat input only.
[[nodiscard]] GeosGeometry dissolve(const GeosContext& ctx, std::vector<GeosGeometry> parts);
/// Every polygon of `parts` gathered into one MultiPolygon without any overlay: for parts that
/// neither overlap nor share an edge, whose plain gathering is already valid.
[[nodiscard]] GeosGeometry gather_polygons(const GeosContext& ctx, const std::vector<GeosGeometry>& parts);
/// Lines noded at every crossing, ready to polygonize; snap-rounded to a 1e-9 grid when
/// floating-point noding fails on nearly collinear lines.
[[nodiscard]] GeosGeometry node_lines(const GeosContext& ctx, std::vector<GeosGeometry> lines);
/// `g` grown by `distance` in its own units, 16 segments per quadrant.
[[nodiscard]] GeosGeometry buffer(const GeosContext& ctx, const GEOSGeometry& g, double distance);
/// The polygonal part of `g` as a MultiPolygon: overlays may leave lines and points where two
/// areas only touch, and a control area is only its surface.
[[nodiscard]] GeosGeometry polygons_of(const GeosContext& ctx, const GEOSGeometry& g);
[[nodiscard]] GeosGeometry empty_multipolygon(const GeosContext& ctx);
[[nodiscard]] GeosGeometry rectangle(const GeosContext& ctx, double x0, double y0, double x1, double y1);
/// The linear part of `g` merged into as few lines as possible, as a MultiLineString.
[[nodiscard]] GeosGeometry lines_of(const GeosContext& ctx, const GEOSGeometry& g);

/// A planar point in any units (metres in a local projection), where LonLat would refuse them.
struct XY {
    double x = 0.0;
    double y = 0.0;
};
/// The centre of mass of a non-empty geometry.
[[nodiscard]] XY centroid_xy(const GeosContext& ctx, const GEOSGeometry& g);

/// The rings of a polygonal geometry as plain points, for area sums that need no overlay.
struct AreaRings {
    std::vector<std::vector<XY>> rings;
    std::vector<double> signs;  ///< +1 for exteriors, -1 for holes, times the ring's orientation
};
[[nodiscard]] AreaRings area_rings(const GeosContext& ctx, const GEOSGeometry& g);
/// The area of the part of `rings` where x >= t: each ring is clipped to the half-plane
/// (Sutherland–Hodgman, exact for a half-plane even on concave rings) and its signed area summed.
[[nodiscard]] double area_right_of(const AreaRings& rings, double t);

/// An axis-aligned bounding box; empty geometries have an empty box that meets nothing.
struct Box {
    double x0 = 0.0, y0 = 0.0, x1 = -1.0, y1 = -1.0;
    [[nodiscard]] bool empty() const noexcept { return x1 < x0; }
    [[nodiscard]] bool meets(const Box& o) const noexcept {
        return !empty() && !o.empty() && x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1;
    }
};
[[nodiscard]] Box box_of(const GeosContext& ctx, const GEOSGeometry& g);

[[nodiscard]] bool is_valid(const GeosContext& ctx, const GEOSGeometry& g);
[[nodiscard]] std::string invalid_reason(const GeosContext& ctx, const GEOSGeometry& g);
/// `g` with `f` applied to every coordinate.
[[nodiscard]] GeosGeometry transformed(const GeosContext& ctx, const GEOSGeometry& g,
                                       const std::function<void(double& x, double& y)>& f);

/// `g` as ISO WKB bytes.
[[nodiscard]] std::string to_wkb(const GeosContext& ctx, const GEOSGeometry& g);
/// Reads ISO WKB bytes as to_wkb writes them.
[[nodiscard]] GeosGeometry from_wkb(const GeosContext& ctx, const std::string& wkb);

/// Every polygon of `g` as rings of lon/lat points, exterior first.
[[nodiscard]] std::vector<std::vector<std::vector<LonLat>>> polygon_rings(const GeosContext& ctx, const GEOSGeometry& g);
/// Every line of `g` as lon/lat points.
[[nodiscard]] std::vector<std::vector<LonLat>> line_points(const GeosContext& ctx, const GEOSGeometry& g);

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* c) const noexcept { proj_context_destroy(c); }
};
/// One PROJ context; like a GEOS context, one per thread.
using ProjContext = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
struct ProjDeleter {
    void operator()(PJ* p) const noexcept { proj_destroy(p); }
};
using ProjObject = std::unique_ptr<PJ, ProjDeleter>;

/// @throws GeoError when PROJ cannot allocate a context.
[[nodiscard]] ProjContext make_proj_context();

/// An azimuthal equidistant projection (metres, WGS 84) centred on one place, taking lon/lat
/// in degrees as x/y. Within 50 km of the centre its scale errs by less than 0.002 %, so a km is a
/// km and areas of towns and their surroundings are true to well under the 0.1 % the invariants
/// demand. Built from a PROJ pipeline rather than `proj_create_crs_to_crs`: that consults proj.db
/// for a few milliseconds, too slow for one projection per place, and the pipeline names its
/// axis order (lon/lat) itself, which is what `proj_normalize_for_visualization` would ensure.
class LocalProjection {
public:
    /// @throws GeoError when PROJ cannot build the projection.
    LocalProjection(PJ_CONTEXT* ctx, const LonLat& centre);

    /// Lon/lat → metres. @throws GeoError for a coordinate PROJ cannot project.
    [[nodiscard]] GeosGeometry to_metric(const GeosContext& ctx, const GEOSGeometry& lonlat) const;
    /// Metres → lon/lat. @throws GeoError for a coordinate PROJ cannot invert.
    [[nodiscard]] GeosGeometry to_lonlat(const GeosContext& ctx, const GEOSGeometry& metric) const;
    /// Area of a lon/lat geometry in km².
    [[nodiscard]] double area_km2(const GeosContext& ctx, const GEOSGeometry& lonlat) const;

private:
    [[nodiscard]] GeosGeometry apply(const GeosContext& ctx, const GEOSGeometry& g, PJ_DIRECTION direction) const;

    LonLat centre_;
    ProjObject transform_;
};

/// A local affine frame in metres around an origin: x = N·cos φ0·Δλ, y = M·Δφ with the WGS 84
/// radii of curvature at the origin. Being affine, it keeps straight lines straight both ways, so
/// pieces cut from one another in the frame still share their edges exactly in lon/lat, which a
/// true projection (curving lines by millimetres to metres over a cell) would not. Its east-west
/// scale drifts with cos φ away from the origin; `km2` corrects for that at a piece's centre,
/// leaving an error of the order (Δφ)² (under 0.001 % within 30 km).
class LocalFrame {
public:
    explicit LocalFrame(const LonLat& origin);

    [[nodiscard]] const LonLat& centre() const noexcept { return origin_; }
    [[nodiscard]] GeosGeometry to_metric(const GeosContext& ctx, const GEOSGeometry& lonlat) const;
    [[nodiscard]] GeosGeometry to_lonlat(const GeosContext& ctx, const GEOSGeometry& metric) const;
    [[nodiscard]] XY to_metric(const LonLat& p) const;
    /// @throws GeoError for a point beyond ±180/±90.
    [[nodiscard]] LonLat to_lonlat(const XY& metric) const;
    /// The true area in km² of a piece with frame area `m2` centred at `centre` (frame metres).
    [[nodiscard]] double km2(double m2, const XY& centre) const;

private:
    LonLat origin_;
    double kx_;  ///< metres per degree of longitude at the origin
    double ky_;  ///< metres per degree of latitude at the origin
};

}  // namespace frontline::control_detail
