#include "control/detail/geometry.hpp"

#include <cmath>
#include <cstdio>

#include "common/error.hpp"

namespace frontline::control_detail {

namespace {

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

GeosGeometry clone(const GeosContext& ctx, const GEOSGeometry& g) { return owned(ctx, GEOSGeom_clone_r(ctx.handle(), &g), "clone failed"); }

GeosGeometry intersection(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return owned(ctx, GEOSIntersection_r(ctx.handle(), &a, &b), "intersection failed");
}

GeosGeometry difference(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return owned(ctx, GEOSDifference_r(ctx.handle(), &a, &b), "difference failed");
}

GeosGeometry unite(const GeosContext& ctx, const GEOSGeometry& a, const GEOSGeometry& b) {
    return owned(ctx, GEOSUnion_r(ctx.handle(), &a, &b), "union failed");
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
    return owned(ctx, GEOSUnaryUnion_r(ctx.handle(), collection.get()), "union failed");
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

ProjObject wgs84(PJ_CONTEXT* ctx) {
    ProjObject crs(proj_create(ctx, "EPSG:4326"));
    if (!crs) throw GeoError(std::string("PROJ does not know EPSG:4326 (is proj.db installed?): ") + proj_context_errno_string(ctx, proj_context_errno(ctx)));
    return crs;
}

LocalProjection::LocalProjection(PJ_CONTEXT* ctx, const PJ* wgs84_crs, const LonLat& centre) : centre_(centre) {
    char definition[160];
    std::snprintf(definition, sizeof definition, "+proj=aeqd +lat_0=%.9f +lon_0=%.9f +datum=WGS84 +units=m +type=crs", centre.lat(),
                  centre.lon());
    const ProjObject local(proj_create(ctx, definition));
    if (!local) throw GeoError(std::string("PROJ cannot build ") + definition);
    const ProjObject raw(proj_create_crs_to_crs_from_pj(ctx, wgs84_crs, local.get(), nullptr, nullptr));
    if (!raw) throw GeoError(std::string("PROJ cannot transform EPSG:4326 to ") + definition);
    // EPSG:4326 is latitude first; Frontline is lon/lat throughout.
    transform_.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!transform_) throw GeoError(std::string("PROJ cannot normalise the transformation to ") + definition);
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

}  // namespace frontline::control_detail
