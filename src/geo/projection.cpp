#include "geo/projection.hpp"

#include <proj.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <string>

#include "common/error.hpp"

namespace frontline {

namespace {

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
using ProjContext = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;

struct ProjDeleter {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using ProjTransform = std::unique_ptr<PJ, ProjDeleter>;

}  // namespace

LonLat offset_point(const LonLat& from, double bearing_degrees, double metres) {
    // One context per call: offsets are rare (a handful per article) and this keeps the function
    // safe to call from any thread.
    const ProjContext ctx(proj_context_create());
    if (!ctx) throw GeoError("PROJ: cannot create a context");
    char local[160];
    std::snprintf(local, sizeof local, "+proj=aeqd +lat_0=%.8f +lon_0=%.8f +datum=WGS84 +units=m +type=crs", from.lat(), from.lon());
    const ProjTransform raw(proj_create_crs_to_crs(ctx.get(), "EPSG:4326", local, nullptr));
    if (!raw) throw GeoError(std::string("PROJ: cannot build a local projection: ") + proj_context_errno_string(ctx.get(), proj_context_errno(ctx.get())));
    const ProjTransform pj(proj_normalize_for_visualization(ctx.get(), raw.get()));
    if (!pj) throw GeoError("PROJ: cannot normalise the axis order to lon/lat");
    const double b = bearing_degrees * std::numbers::pi / 180.0;
    const PJ_COORD out = proj_trans(pj.get(), PJ_INV, proj_coord(metres * std::sin(b), metres * std::cos(b), 0, 0));
    if (out.xy.x == HUGE_VAL || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
        throw GeoError("PROJ: an offset point does not transform back to lon/lat");
    return LonLat(std::remainder(out.lp.lam, 360.0), out.lp.phi);
}

}  // namespace frontline
