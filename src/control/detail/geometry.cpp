#include "control/detail/geometry.hpp"

#include <cmath>
#include <numbers>
#include <cstdio>

#include "common/error.hpp"

namespace frontline::control_detail {

namespace {

constexpr double snap_grid = 1e-9;
constexpr double dissolve_grid = 1e-11;

GeosGeometry owned(const GeosContext& ctx, GEOSGeometry* g, std::string_view what) {
    if (!g) ctx.fail(what);
    return GeosGeometry(g, GeosDeleter{ctx.handle()});
}

/// Appends every polygon (or every line) inside `g`, descending into collections.
void collect(const GeosContext& ctx, const GEOSGeometry& g, int wanted_type, std::vector<const GEOSGeometry*>& out) {
    const int type = GEOSGeomTypeId_r(ctx.handle(), &g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), &g);
        for (int i = 0; i < n; ++i) collect(ctx, *GEOSGetGeometryN_r(ctx.handle(), &g, i), wanted_type, out);
    } else if (type == wanted_type && !GEOSisEmpty_r(ctx.handle(), &g)) {
        out.push_back(&g);
    }
}

GeosGeometry collection_of(const GeosContext& ctx, int type, const std::vector<const GEOSGeometry*>& parts) {
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parts.size());
    for (const GEOSGeometry* p : parts) clones.push_back(clone(ctx, *p).release());
    GEOSGeometry* made = GEOSGeom_createCollection_r(ctx.handle(), type, clones.data(), static_cast<unsigned>(clones.size()));
    if (!made)
        for (GEOSGeometry* c : clones) GEOSGeom_destroy_r(ctx.handle(), c);
    return owned(ctx, made, "cannot build a collection");
}

std::vector<LonLat> sequence_points(const GeosContext& ctx, const GEOSGeometry& line) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), &line);
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size)) ctx.fail("cannot read a coordinate sequence");
    std::vector<LonLat> points;
    points.reserve(size);
    for (unsigned i = 0; i < size; ++i) {
        double x = 0.0;
        double y = 0.0;
        if (!GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &x, &y)) ctx.fail("cannot read a coordinate");
        points.emplace_back(x, y);
    }
    return points;
}

}  // namespace

GeosGeometry node_lines(const GeosContext& ctx, std::vector<GeosGeometry> lines) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(lines.size());
    for (GeosGeometry& l : lines) raw.push_back(l.release());
    GEOSGeometry* all = GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size()));
    if (!all)
        for (GEOSGeometry* r : raw) GEOSGeom_destroy_r(ctx.handle(), r);
    const GeosGeometry collection = owned(ctx, all, "cannot build a collection");
    // Floating-point noding is several times faster and nearly always succeeds; snap-rounding
    // catches the rest.
    if (GEOSGeometry* out = GEOSUnaryUnion_r(ctx.handle(), collection.get())) return GeosGeometry(out, GeosDeleter{ctx.handle()});
    return owned(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), collection.get(), snap_grid), "noding failed");
}

GeosGeometry clone(const GeosContext& ctx, const GEOSGeometry& g) { return owned(ctx, GEOSGeom_clone_r(ctx.handle(), &g), "clone failed"); }

namespace {

using Overlay = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

/// Runs an overlay; when GEOS refuses an input as invalid (a ring the projection's round-off
/// made touch itself, say), runs it once more on the repaired inputs.
GeosGeometry overlay(const GeosContext& ctx, Overlay op, const GEOSGeometry& a, const GEOSGeometry& b, std::string_view what) {
    if (GEOSGeometry* out = op(ctx.handle(), &a, &b)) return GeosGeometry(out, GeosDeleter{ctx.handle()});
    const GeosGeometry fixed_a = is_valid(ctx, a) ? clone(ctx, a) : polygons_of(ctx, *make_valid(ctx, a));
    const GeosGeometry fixed_b = is_valid(ctx, b) ? clone(ctx, b) : polygons_of(ctx, *make_valid(ctx, b));
    return owned(ctx, op(ctx.handle(), fixed_a.get(), fixed_b.get()), what);
}

}  // namespace

GeosGeometry intersection(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return overlay(ctx, GEOSIntersection_r, a, b, "intersection failed");
}

GeosGeometry difference(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return overlay(ctx, GEOSDifference_r, a, b, "difference failed");
}

GeosGeometry unite(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return overlay(ctx, GEOSUnion_r, a, b, "union failed");
}

GeosGeometry union_all(const GeosContext& ctx, std::vector<GeosGeometry> parts) {
    if (parts.empty()) return empty_multipolygon(ctx);
    if (parts.size() == 1) return std::move(parts.front());
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (GeosGeometry& p : parts) raw.push_back(p.release());
    GEOSGeometry* all = GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size()));
    if (!all)
        for (GEOSGeometry* r : raw) GEOSGeom_destroy_r(ctx.handle(), r);
    const GeosGeometry collection = owned(ctx, all, "cannot build a collection");
    if (GEOSGeometry* out = GEOSUnaryUnion_r(ctx.handle(), collection.get())) return GeosGeometry(out, GeosDeleter{ctx.handle()});
    // Nearly collinear edges can defeat floating-point noding; snap-rounding to a grid far finer
    // than any coordinate's meaning (1e-9 degrees is 0.1 mm) nodes them, and a part that the
    // cuts' round-off left touching itself is repaired first.
    if (GEOSGeometry* out = GEOSUnaryUnionPrec_r(ctx.handle(), collection.get(), snap_grid)) return GeosGeometry(out, GeosDeleter{ctx.handle()});
    const GeosGeometry repaired = make_valid(ctx, *collection);
    return owned(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), repaired.get(), snap_grid), "union failed");
}

GeosGeometry dissolve(const GeosContext& ctx, std::vector<GeosGeometry> parts) {
    if (parts.empty()) return empty_multipolygon(ctx);
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (GeosGeometry& p : parts) raw.push_back(p.release());
    GEOSGeometry* all = GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size()));
    if (!all)
        for (GEOSGeometry* r : raw) GEOSGeom_destroy_r(ctx.handle(), r);
    const GeosGeometry collection = owned(ctx, all, "cannot build a collection");
    return owned(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), collection.get(), dissolve_grid), "dissolve failed");
}

GeosGeometry gather_polygons(const GeosContext& ctx, const std::vector<GeosGeometry>& parts) {
    std::vector<const GEOSGeometry*> polygons;
    for (const GeosGeometry& p : parts) collect(ctx, *p, GEOS_POLYGON, polygons);
    return collection_of(ctx, GEOS_MULTIPOLYGON, polygons);
}

GeosGeometry buffer(const GeosContext& ctx, const GEOSGeometry& g, double distance) {
    constexpr int segments_per_quadrant = 16;
    return owned(ctx, GEOSBuffer_r(ctx.handle(), &g, distance, segments_per_quadrant), "buffer failed");
}

GeosGeometry polygons_of(const GeosContext& ctx, const GEOSGeometry& g) {
    if (GEOSGeomTypeId_r(ctx.handle(), &g) == GEOS_MULTIPOLYGON) return clone(ctx, g);
    std::vector<const GEOSGeometry*> polygons;
    collect(ctx, g, GEOS_POLYGON, polygons);
    return collection_of(ctx, GEOS_MULTIPOLYGON, polygons);
}

GeosGeometry empty_multipolygon(const GeosContext& ctx) {
    return owned(ctx, GEOSGeom_createEmptyCollection_r(ctx.handle(), GEOS_MULTIPOLYGON), "cannot build an empty geometry");
}

GeosGeometry rectangle(const GeosContext& ctx, double x0, double y0, double x1, double y1) {
    return owned(ctx, GEOSGeom_createRectangle_r(ctx.handle(), x0, y0, x1, y1), "cannot build a rectangle");
}

GeosGeometry lines_of(const GeosContext& ctx, const GEOSGeometry& g) {
    std::vector<const GEOSGeometry*> lines;
    collect(ctx, g, GEOS_LINESTRING, lines);
    const GeosGeometry all = collection_of(ctx, GEOS_MULTILINESTRING, lines);
    if (lines.size() < 2) return clone(ctx, *all);
    const GeosGeometry merged = owned(ctx, GEOSLineMerge_r(ctx.handle(), all.get()), "line merge failed");
    std::vector<const GEOSGeometry*> parts;
    collect(ctx, *merged, GEOS_LINESTRING, parts);
    return collection_of(ctx, GEOS_MULTILINESTRING, parts);
}

XY centroid_xy(const GeosContext& ctx, const GEOSGeometry& g) {
    const GeosGeometry c = owned(ctx, GEOSGetCentroid_r(ctx.handle(), &g), "centroid failed");
    XY p;
    if (GEOSisEmpty_r(ctx.handle(), c.get()) || !GEOSGeomGetX_r(ctx.handle(), c.get(), &p.x) || !GEOSGeomGetY_r(ctx.handle(), c.get(), &p.y))
        ctx.fail("centroid of an empty geometry");
    return p;
}

namespace {

double signed_area(const std::vector<XY>& ring) {
    double twice = 0.0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const XY& a = ring[i];
        const XY& b = ring[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return 0.5 * twice;
}

std::vector<XY> ring_xy(const GeosContext& ctx, const GEOSGeometry& ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), &ring);
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size)) ctx.fail("cannot read a ring");
    std::vector<XY> points(size);
    for (unsigned i = 0; i < size; ++i)
        if (!GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &points[i].x, &points[i].y)) ctx.fail("cannot read a coordinate");
    if (!points.empty()) points.pop_back();  // the closing point repeats the first
    return points;
}

}  // namespace

AreaRings area_rings(const GeosContext& ctx, const GEOSGeometry& g) {
    std::vector<const GEOSGeometry*> polygons;
    collect(ctx, g, GEOS_POLYGON, polygons);
    AreaRings out;
    const auto add = [&](const GEOSGeometry& ring, double role) {
        std::vector<XY> points = ring_xy(ctx, ring);
        const double a = signed_area(points);
        if (a == 0.0) return;
        out.signs.push_back(a > 0.0 ? role : -role);
        out.rings.push_back(std::move(points));
    };
    for (const GEOSGeometry* polygon : polygons) {
        add(*GEOSGetExteriorRing_r(ctx.handle(), polygon), 1.0);
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), polygon);
        for (int i = 0; i < holes; ++i) add(*GEOSGetInteriorRingN_r(ctx.handle(), polygon, i), -1.0);
    }
    return out;
}

double area_right_of(const AreaRings& rings, double t) {
    double total = 0.0;
    std::vector<XY> clipped;
    for (std::size_t r = 0; r < rings.rings.size(); ++r) {
        const std::vector<XY>& ring = rings.rings[r];
        clipped.clear();
        for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
            const XY& a = ring[i];
            const XY& b = ring[(i + 1) % n];
            const bool a_in = a.x >= t;
            const bool b_in = b.x >= t;
            if (a_in) clipped.push_back(a);
            if (a_in != b_in) clipped.push_back(XY{t, a.y + (b.y - a.y) * (t - a.x) / (b.x - a.x)});
        }
        if (clipped.size() >= 3) total += rings.signs[r] * signed_area(clipped);
    }
    return total;
}

Box box_of(const GeosContext& ctx, const GEOSGeometry& g) {
    Box box;
    if (GEOSisEmpty_r(ctx.handle(), &g)) return box;
    if (!GEOSGeom_getXMin_r(ctx.handle(), &g, &box.x0) || !GEOSGeom_getYMin_r(ctx.handle(), &g, &box.y0) ||
        !GEOSGeom_getXMax_r(ctx.handle(), &g, &box.x1) || !GEOSGeom_getYMax_r(ctx.handle(), &g, &box.y1))
        ctx.fail("cannot read an envelope");
    return box;
}

bool is_valid(const GeosContext& ctx, const GEOSGeometry& g) {
    const char answer = GEOSisValid_r(ctx.handle(), &g);
    if (answer == 2) ctx.fail("validity check failed");
    return answer == 1;
}

std::string invalid_reason(const GeosContext& ctx, const GEOSGeometry& g) {
    char* reason = GEOSisValidReason_r(ctx.handle(), &g);
    if (!reason) ctx.fail("validity check failed");
    std::string out(reason);
    GEOSFree_r(ctx.handle(), reason);
    return out;
}

namespace {

int call_transform(double* x, double* y, void* userdata) {
    (*static_cast<const std::function<void(double&, double&)>*>(userdata))(*x, *y);
    return 1;
}

}  // namespace

GeosGeometry transformed(const GeosContext& ctx, const GEOSGeometry& g, const std::function<void(double& x, double& y)>& f) {
    // GEOS hands `userdata` back unchanged; the callback only reads through it.
    void* userdata = const_cast<std::function<void(double&, double&)>*>(&f);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    return owned(ctx, GEOSGeom_transformXY_r(ctx.handle(), &g, call_transform, userdata), "coordinate transform failed");
}

std::string to_wkb(const GeosContext& ctx, const GEOSGeometry& g) {
    struct WriterDeleter {
        GEOSContextHandle_t h;
        void operator()(GEOSWKBWriter* w) const noexcept { GEOSWKBWriter_destroy_r(h, w); }
    };
    const std::unique_ptr<GEOSWKBWriter, WriterDeleter> writer(GEOSWKBWriter_create_r(ctx.handle()), {ctx.handle()});
    if (!writer) ctx.fail("cannot create a WKB writer");
    GEOSWKBWriter_setFlavor_r(ctx.handle(), writer.get(), GEOS_WKB_ISO);
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(ctx.handle(), writer.get(), &g, &size);
    if (!bytes) ctx.fail("cannot write WKB");
    std::string out(reinterpret_cast<const char*>(bytes), size);
    GEOSFree_r(ctx.handle(), bytes);
    return out;
}

GeosGeometry from_wkb(const GeosContext& ctx, const std::string& wkb) {
    return read_wkb(ctx, std::span(reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size()));
}

std::vector<std::vector<std::vector<LonLat>>> polygon_rings(const GeosContext& ctx, const GEOSGeometry& g) {
    std::vector<const GEOSGeometry*> polygons;
    collect(ctx, g, GEOS_POLYGON, polygons);
    std::vector<std::vector<std::vector<LonLat>>> out;
    out.reserve(polygons.size());
    for (const GEOSGeometry* polygon : polygons) {
        std::vector<std::vector<LonLat>> rings;
        rings.push_back(sequence_points(ctx, *GEOSGetExteriorRing_r(ctx.handle(), polygon)));
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), polygon);
        for (int i = 0; i < holes; ++i) rings.push_back(sequence_points(ctx, *GEOSGetInteriorRingN_r(ctx.handle(), polygon, i)));
        out.push_back(std::move(rings));
    }
    return out;
}

std::vector<std::vector<LonLat>> line_points(const GeosContext& ctx, const GEOSGeometry& g) {
    std::vector<const GEOSGeometry*> lines;
    collect(ctx, g, GEOS_LINESTRING, lines);
    std::vector<std::vector<LonLat>> out;
    out.reserve(lines.size());
    for (const GEOSGeometry* line : lines) out.push_back(sequence_points(ctx, *line));
    return out;
}

ProjContext make_proj_context() {
    ProjContext ctx(proj_context_create());
    if (!ctx) throw GeoError("PROJ could not create a context (out of memory?)");
    return ctx;
}

LocalProjection::LocalProjection(PJ_CONTEXT* ctx, const LonLat& centre) : centre_(centre) {
    char definition[240];
    std::snprintf(definition, sizeof definition,
                  "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                  "+step +proj=aeqd +lat_0=%.9f +lon_0=%.9f +ellps=WGS84",
                  centre.lat(), centre.lon());
    transform_.reset(proj_create(ctx, definition));
    if (!transform_) throw GeoError(std::string("PROJ cannot build ") + definition + ": " + proj_context_errno_string(ctx, proj_context_errno(ctx)));
}

GeosGeometry LocalProjection::apply(const GeosContext& ctx, const GEOSGeometry& g, PJ_DIRECTION direction) const {
    bool failed = false;
    GeosGeometry out = transformed(ctx, g, [&](double& x, double& y) {
        const PJ_COORD c = proj_trans(transform_.get(), direction, proj_coord(x, y, 0.0, 0.0));
        // PROJ marks a point it cannot transform with HUGE_VAL.
        if (c.xy.x == HUGE_VAL || !std::isfinite(c.xy.x) || !std::isfinite(c.xy.y)) failed = true;
        x = c.xy.x;
        y = c.xy.y;
    });
    if (failed)
        throw GeoError("PROJ cannot transform a coordinate around lon " + std::to_string(centre_.lon()) + " lat " +
                       std::to_string(centre_.lat()));
    return out;
}

GeosGeometry LocalProjection::to_metric(const GeosContext& ctx, const GEOSGeometry& lonlat) const { return apply(ctx, lonlat, PJ_FWD); }

GeosGeometry LocalProjection::to_lonlat(const GeosContext& ctx, const GEOSGeometry& metric) const { return apply(ctx, metric, PJ_INV); }

double LocalProjection::area_km2(const GeosContext& ctx, const GEOSGeometry& lonlat) const {
    if (GEOSisEmpty_r(ctx.handle(), &lonlat)) return 0.0;
    return area(ctx, *to_metric(ctx, lonlat)) / 1e6;  // planar m² in the local projection
}

LocalFrame::LocalFrame(const LonLat& origin) : origin_(origin) {
    constexpr double a = 6378137.0;            // WGS 84 semi-major axis, m
    constexpr double e2 = 0.0066943799901413;  // WGS 84 first eccentricity squared
    const double phi = origin.lat() * std::numbers::pi / 180.0;
    const double w = 1.0 - e2 * std::sin(phi) * std::sin(phi);
    const double n = a / std::sqrt(w);                 // prime vertical radius
    const double m = a * (1.0 - e2) / (w * std::sqrt(w));  // meridian radius
    kx_ = n * std::cos(phi) * std::numbers::pi / 180.0;
    ky_ = m * std::numbers::pi / 180.0;
}

GeosGeometry LocalFrame::to_metric(const GeosContext& ctx, const GEOSGeometry& lonlat) const {
    return transformed(ctx, lonlat, [this](double& x, double& y) {
        x = (x - origin_.lon()) * kx_;
        y = (y - origin_.lat()) * ky_;
    });
}

GeosGeometry LocalFrame::to_lonlat(const GeosContext& ctx, const GEOSGeometry& metric) const {
    return transformed(ctx, metric, [this](double& x, double& y) {
        x = origin_.lon() + x / kx_;
        y = origin_.lat() + y / ky_;
    });
}

XY LocalFrame::to_metric(const LonLat& p) const { return XY{(p.lon() - origin_.lon()) * kx_, (p.lat() - origin_.lat()) * ky_}; }

LonLat LocalFrame::to_lonlat(const XY& metric) const { return LonLat(origin_.lon() + metric.x / kx_, origin_.lat() + metric.y / ky_); }

double LocalFrame::km2(double m2, const XY& centre) const {
    const double lat = origin_.lat() + centre.y / ky_;
    return m2 / 1e6 * std::cos(lat * std::numbers::pi / 180.0) / std::cos(origin_.lat() * std::numbers::pi / 180.0);
}

}  // namespace frontline::control_detail
