#include "geo/geos.hpp"

#include "common/error.hpp"

namespace frontline {

struct GeosContext::State {
    GEOSContextHandle_t handle = nullptr;
    std::string last_error;
};

void GeosContext::StateDeleter::operator()(State* state) const noexcept {
    if (state->handle) GEOS_finish_r(state->handle);
    delete state;
}

namespace {

void record_error(const char* message, void* userdata) {
    static_cast<std::string*>(userdata)->assign(message ? message : "");
}

// Notices are about input GEOS copes with (an unclosed ring it closes, say); they are no failure.
void ignore_notice(const char* /*message*/, void* /*userdata*/) {}

/// The reader, writer or coordinate sequence GEOS allocated for one call, freed on every path.
template <class T, void (*Destroy)(GEOSContextHandle_t, T*)>
struct GeosHandleDeleter {
    GEOSContextHandle_t ctx;
    void operator()(T* p) const noexcept { Destroy(ctx, p); }
};
template <class T, void (*Destroy)(GEOSContextHandle_t, T*)>
using GeosHandle = std::unique_ptr<T, GeosHandleDeleter<T, Destroy>>;

using WktReader = GeosHandle<GEOSWKTReader, GEOSWKTReader_destroy_r>;
using WktWriter = GeosHandle<GEOSWKTWriter, GEOSWKTWriter_destroy_r>;
using WkbReader = GeosHandle<GEOSWKBReader, GEOSWKBReader_destroy_r>;
using CoordSequence = GeosHandle<GEOSCoordSequence, GEOSCoordSeq_destroy_r>;

GeosGeometry owned(const GeosContext& ctx, GEOSGeometry* g, std::string_view what) {
    if (!g) ctx.fail(what);
    return GeosGeometry(g, GeosDeleter{ctx.handle()});
}

/// GEOS predicates answer 1, 0, or 2 for an exception.
bool predicate(const GeosContext& ctx, char answer, std::string_view what) {
    if (answer == 2) ctx.fail(what);
    return answer == 1;
}

LonLat point_coordinates(const GeosContext& ctx, const GEOSGeometry& point, std::string_view what) {
    double x = 0.0;
    double y = 0.0;
    if (!GEOSGeomGetX_r(ctx.handle(), &point, &x) || !GEOSGeomGetY_r(ctx.handle(), &point, &y)) ctx.fail(what);
    return LonLat(x, y);
}

void require_not_empty(const GeosContext& ctx, const GEOSGeometry& g, std::string_view what) {
    if (is_empty(ctx, g)) throw GeoError(std::string(what) + ": the geometry is empty");
}

}  // namespace

GeosContext::GeosContext() : state_(new State) {
    state_->handle = GEOS_init_r();
    if (!state_->handle) throw GeoError("GEOS could not create a context (out of memory?)");
    GEOSContext_setErrorMessageHandler_r(state_->handle, record_error, &state_->last_error);
    GEOSContext_setNoticeMessageHandler_r(state_->handle, ignore_notice, nullptr);
}

GEOSContextHandle_t GeosContext::handle() const noexcept { return state_ ? state_->handle : nullptr; }

void GeosContext::fail(std::string_view what) const {
    std::string message(what);
    if (state_ && !state_->last_error.empty()) {
        message += ": " + state_->last_error;
        state_->last_error.clear();
    } else {
        message += " (GEOS gave no reason)";
    }
    throw GeoError(message);
}

GeosGeometry read_wkt(const GeosContext& ctx, std::string_view wkt) {
    const WktReader reader(GEOSWKTReader_create_r(ctx.handle()), {ctx.handle()});
    if (!reader) ctx.fail("cannot create a WKT reader");
    const std::string text(wkt);  // GEOS wants a NUL-terminated string
    return owned(ctx, GEOSWKTReader_read_r(ctx.handle(), reader.get(), text.c_str()),
                 "cannot read WKT '" + text.substr(0, 80) + "'");
}

std::string to_wkt(const GeosContext& ctx, const GEOSGeometry& g, int decimals) {
    const WktWriter writer(GEOSWKTWriter_create_r(ctx.handle()), {ctx.handle()});
    if (!writer) ctx.fail("cannot create a WKT writer");
    GEOSWKTWriter_setTrim_r(ctx.handle(), writer.get(), 1);
    GEOSWKTWriter_setRoundingPrecision_r(ctx.handle(), writer.get(), decimals);
    char* text = GEOSWKTWriter_write_r(ctx.handle(), writer.get(), &g);
    if (!text) ctx.fail("cannot write WKT");
    std::string out(text);
    GEOSFree_r(ctx.handle(), text);
    return out;
}

GeosGeometry read_wkb(const GeosContext& ctx, std::span<const unsigned char> wkb) {
    const WkbReader reader(GEOSWKBReader_create_r(ctx.handle()), {ctx.handle()});
    if (!reader) ctx.fail("cannot create a WKB reader");
    return owned(ctx, GEOSWKBReader_read_r(ctx.handle(), reader.get(), wkb.data(), wkb.size()), "cannot read WKB");
}

GeosGeometry make_point(const GeosContext& ctx, const LonLat& p) {
    return owned(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), p.lon(), p.lat()), "cannot create a point");
}

GeosPrepared prepare(const GeosContext& ctx, const GEOSGeometry& g) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx.handle(), &g);
    if (!prepared) ctx.fail("cannot prepare a geometry");
    return GeosPrepared(prepared, GeosPreparedDeleter{ctx.handle()});
}

bool contains(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return predicate(ctx, GEOSContains_r(ctx.handle(), &a, &b), "contains failed");
}

bool contains(const GeosContext& ctx, const GEOSPreparedGeometry& a, const GEOSGeometry& b) {
    return predicate(ctx, GEOSPreparedContains_r(ctx.handle(), &a, &b), "prepared contains failed");
}

bool intersects(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return predicate(ctx, GEOSIntersects_r(ctx.handle(), &a, &b), "intersects failed");
}

double distance(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    double d = 0.0;
    if (!GEOSDistance_r(ctx.handle(), &a, &b, &d)) ctx.fail("distance failed");
    return d;
}

LonLat nearest_point(const GeosContext& ctx, const GEOSGeometry& g, const LonLat& to) {
    require_not_empty(ctx, g, "nearest point");
    const GeosGeometry target = make_point(ctx, to);
    // The sequence holds the nearest point of `g` first, then that of `target`.
    const CoordSequence nearest(GEOSNearestPoints_r(ctx.handle(), &g, target.get()), {ctx.handle()});
    if (!nearest) ctx.fail("nearest points failed");
    double x = 0.0;
    double y = 0.0;
    if (!GEOSCoordSeq_getXY_r(ctx.handle(), nearest.get(), 0, &x, &y)) ctx.fail("nearest points failed");
    return LonLat(x, y);
}

GeosGeometry buffer_degrees(const GeosContext& ctx, const GEOSGeometry& g, double degrees) {
    constexpr int segments_per_quadrant = 16;
    return owned(ctx, GEOSBuffer_r(ctx.handle(), &g, degrees, segments_per_quadrant), "buffer failed");
}

void normalize(const GeosContext& ctx, GEOSGeometry& g) {
    if (GEOSNormalize_r(ctx.handle(), &g) != 0) ctx.fail("normalize failed");
}

GeosGeometry make_valid(const GeosContext& ctx, const GEOSGeometry& g) {
    return owned(ctx, GEOSMakeValid_r(ctx.handle(), &g), "make valid failed");
}

bool is_empty(const GeosContext& ctx, const GEOSGeometry& g) {
    return predicate(ctx, GEOSisEmpty_r(ctx.handle(), &g), "is empty failed");
}

double area(const GeosContext& ctx, const GEOSGeometry& g) {
    double a = 0.0;
    if (!GEOSArea_r(ctx.handle(), &g, &a)) ctx.fail("area failed");
    return a;
}

LonLat centroid(const GeosContext& ctx, const GEOSGeometry& g) {
    require_not_empty(ctx, g, "centroid");
    const GeosGeometry c = owned(ctx, GEOSGetCentroid_r(ctx.handle(), &g), "centroid failed");
    return point_coordinates(ctx, *c, "centroid failed");
}

LonLat point_on_surface(const GeosContext& ctx, const GEOSGeometry& g) {
    require_not_empty(ctx, g, "point on surface");
    const GeosGeometry p = owned(ctx, GEOSPointOnSurface_r(ctx.handle(), &g), "point on surface failed");
    return point_coordinates(ctx, *p, "point on surface failed");
}

}  // namespace frontline
