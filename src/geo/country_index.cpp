#include "geo/country_index.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>

#include "common/assets.hpp"
#include "common/atomic_file.hpp"
#include "common/cache.hpp"
#include "common/error.hpp"

namespace frontline {

namespace {

void register_gdal_once() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

std::string gdal_reason() {
    const std::string message = CPLGetLastErrorMsg();
    return message.empty() ? std::string() : ": " + message;
}

/// Takes ownership of a geometry a GEOS call returned, or fails with its message.
GeosGeometry owned(const GeosContext& ctx, GEOSGeometry* g, std::string_view what) {
    if (!g) ctx.fail(what);
    return GeosGeometry(g, GeosDeleter{ctx.handle()});
}

/// The outlines as GEOS reads them, kept in the cache folder so that a start need not parse
/// 3.6 MB of TopoJSON through GDAL (0.4 s and most of the peak memory): per feature, in file
/// order, its name and the WKB GDAL exported. The layout, native byte order as the file never
/// leaves the machine: magic, fingerprint (u64), checksum of the rest (u64), count (u32), then
/// per feature the name's and the WKB's sizes (u32 each) and their bytes.
constexpr std::string_view cache_magic = "FLNEWKB2";
constexpr std::size_t cache_header_size = cache_magic.size() + 2 * sizeof(std::uint64_t);

/// FNV-1a's multiply over eight bytes a step (9 MB in a couple of milliseconds): a cache damaged
/// after it was written is rebuilt rather than read as outlines, which GEOS would mostly accept.
std::uint64_t body_checksum(std::string_view body) noexcept {
    std::uint64_t hash = fnv1a({});
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= body.size(); i += sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, body.data() + i, sizeof word);
        hash = (hash ^ word) * 1099511628211ULL;
    }
    return fnv1a(body.substr(i), hash);
}

std::optional<std::filesystem::path> outline_cache_path(const std::filesystem::path& source, std::uint64_t& fingerprint) {
    const auto folder = cache_folder();
    if (!folder) return std::nullopt;
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(source, ec);
    if (ec) return std::nullopt;
    const auto file_hash = fingerprint_file(source, fnv1a(absolute.native(), fnv1a(cache_magic)));
    if (!file_hash) return std::nullopt;  // the TopoJSON reader reports the missing file
    fingerprint = *file_hash;
    char name[64];
    std::snprintf(name, sizeof name, "countries-%016llx.wkb", static_cast<unsigned long long>(fingerprint));
    return *folder / name;
}

/// Reads the whole cache file in one read; empty when it is missing or unreadable.
std::string read_whole_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) return {};
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    return in.gcount() == static_cast<std::streamsize>(size) ? bytes : std::string();
}

/// Takes fixed-size fields and byte strings off the front of a cache file, refusing to read
/// past its end.
class CacheCursor {
public:
    explicit CacheCursor(std::string_view bytes) : rest_(bytes) {}

    [[nodiscard]] std::optional<std::string_view> take(std::size_t size) {
        if (size > rest_.size()) return std::nullopt;
        const std::string_view taken = rest_.substr(0, size);
        rest_.remove_prefix(size);
        return taken;
    }
    template <typename Number>
    [[nodiscard]] std::optional<Number> number() {
        const auto bytes = take(sizeof(Number));
        if (!bytes) return std::nullopt;
        Number value{};
        std::memcpy(&value, bytes->data(), sizeof value);
        return value;
    }
    [[nodiscard]] bool at_end() const noexcept { return rest_.empty(); }
    [[nodiscard]] std::string_view rest() const noexcept { return rest_; }

private:
    std::string_view rest_;
};

template <typename Number>
void append_number(std::string& out, Number value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

void CountryIndex::add(std::string name, std::span<const unsigned char> wkb) {
    GeosGeometry outline = read_wkb(ctx_, wkb);
    GeosPrepared prepared = prepare(ctx_, *outline);
    // A later feature of the same name replaces the earlier one, as in the Python scorer's dict.
    by_name_.insert_or_assign(name, countries_.size());
    countries_.push_back(Country{std::move(name), std::move(outline), std::move(prepared)});
}

std::optional<CountryIndex> CountryIndex::load_cache(const std::filesystem::path& cache, std::uint64_t fingerprint) {
    const std::string bytes = read_whole_file(cache);
    CacheCursor cursor(bytes);
    const auto magic = cursor.take(cache_magic.size());
    const auto stored_fingerprint = cursor.number<std::uint64_t>();
    const auto checksum = cursor.number<std::uint64_t>();
    if (magic != cache_magic || stored_fingerprint != fingerprint || checksum != body_checksum(cursor.rest())) return std::nullopt;
    const auto count = cursor.number<std::uint32_t>();
    if (!count || *count == 0) return std::nullopt;
    CountryIndex index;
    index.countries_.reserve(std::min<std::size_t>(*count, bytes.size() / 8));  // a damaged count must not ask for gigabytes
    for (std::uint32_t i = 0; i < *count; ++i) {
        const auto name_size = cursor.number<std::uint32_t>();
        const auto wkb_size = cursor.number<std::uint32_t>();
        const auto name = name_size ? cursor.take(*name_size) : std::nullopt;
        const auto wkb = wkb_size ? cursor.take(*wkb_size) : std::nullopt;
        if (!name || !wkb || name->empty()) return std::nullopt;
        try {
            index.add(std::string(*name), std::span(reinterpret_cast<const unsigned char*>(wkb->data()), wkb->size()));
        } catch (const GeoError&) {
            return std::nullopt;  // a damaged cache is rebuilt from the source
        }
    }
    if (!cursor.at_end()) return std::nullopt;
    return index;
}

CountryIndex CountryIndex::load(const std::filesystem::path& path) {
    std::uint64_t fingerprint = 0;
    const auto cache = outline_cache_path(path, fingerprint);
    if (cache) {
        if (auto cached = load_cache(*cache, fingerprint)) return std::move(*cached);
    }

    register_gdal_once();
    const std::string file = path.string();
    // GDAL would print its complaints to stderr; they belong in the DataError instead.
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorReset();

    const char* const drivers[] = {"TopoJSON", nullptr};
    const GDALDatasetUniquePtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!dataset)
        throw DataError(SourceLocation(file), "cannot open as TopoJSON" + gdal_reason() +
                                                  "; expected countries-10m.json from `npm pack world-atlas`");
    OGRLayer* layer = dataset->GetLayerByName("countries");
    if (!layer) throw DataError(SourceLocation(file), "no 'countries' layer; expected world-atlas's countries-10m.json");
    const int name_field = layer->GetLayerDefn()->GetFieldIndex("name");
    if (name_field < 0) throw DataError(SourceLocation(file), "the 'countries' layer has no 'name' field");

    CountryIndex index;
    std::string cache_image(cache_magic);
    append_number(cache_image, fingerprint);
    append_number(cache_image, std::uint64_t{0});  // the checksum and the count, filled in below
    append_number(cache_image, std::uint32_t{0});
    std::vector<unsigned char> wkb;
    for (const auto& feature : *layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || !feature->IsFieldSetAndNotNull(name_field)) continue;
        std::string name = feature->GetFieldAsString(name_field);
        if (name.empty()) continue;

        wkb.resize(geometry->WkbSize());
        if (geometry->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
            throw DataError(SourceLocation::at_feature(file, name), "cannot export the outline as WKB" + gdal_reason());
        append_number(cache_image, static_cast<std::uint32_t>(name.size()));
        append_number(cache_image, static_cast<std::uint32_t>(wkb.size()));
        cache_image += name;
        cache_image.append(reinterpret_cast<const char*>(wkb.data()), wkb.size());
        try {
            index.add(name, wkb);
        } catch (const GeoError& e) {
            throw DataError(SourceLocation::at_feature(file, name), e.what());
        }
    }
    if (index.countries_.empty()) throw DataError(SourceLocation(file), "the 'countries' layer has no named feature");
    if (cache) {
        const auto count = static_cast<std::uint32_t>(index.countries_.size());
        std::memcpy(cache_image.data() + cache_header_size, &count, sizeof count);
        const std::uint64_t checksum = body_checksum(std::string_view(cache_image).substr(cache_header_size));
        std::memcpy(cache_image.data() + cache_magic.size() + sizeof fingerprint, &checksum, sizeof checksum);
        try {
            std::filesystem::create_directories(cache->parent_path());
            AtomicFile out(*cache);
            std::ofstream(out.temp_path(), std::ios::binary).write(cache_image.data(), static_cast<std::streamsize>(cache_image.size()));
            out.commit();
        } catch (const std::exception&) {
            // A read-only cache folder only means the outlines are read from the source next time too.
        }
    }
    return index;
}

CountryIndex CountryIndex::copy() const {
    CountryIndex index;
    index.countries_.reserve(countries_.size());
    for (const Country& country : countries_) {
        GeosGeometry outline = owned(index.ctx_, GEOSGeom_clone_r(index.ctx_.handle(), country.outline.get()), "copying an outline");
        GeosPrepared prepared = prepare(index.ctx_, *outline);
        index.countries_.push_back(Country{country.name, std::move(outline), std::move(prepared)});
    }
    index.by_name_ = by_name_;
    return index;
}

std::filesystem::path CountryIndex::default_path() {
    return data_root() / "geodata" / "naturalearth" / "countries-10m.json";
}

bool CountryIndex::has_country(const std::string& country_name) const { return by_name_.contains(country_name); }

bool CountryIndex::contains(const std::string& country_name, const GEOSGeometry& g, double slack_degrees) const {
    const auto found = by_name_.find(country_name);
    if (found == by_name_.end() || is_empty(ctx_, g)) return false;
    const Country& country = countries_[found->second];
    const GeosGeometry representative = make_point(ctx_, point_on_surface(ctx_, g));
    if (slack_degrees == 0.0) return frontline::contains(ctx_, *country.prepared, *representative);
    // Intersects first: it is cheaper than growing a country, and the answer is the same `or`.
    if (intersects(ctx_, *country.outline, g)) return true;
    const GeosGeometry grown = buffer_degrees(ctx_, *country.outline, slack_degrees);
    return frontline::contains(ctx_, *grown, *representative);
}

std::optional<std::string> CountryIndex::country_at(const LonLat& p) const {
    const GeosGeometry point = make_point(ctx_, p);
    // Prepared polygons reject by envelope first and then test against an indexed outline, so a
    // scan over ~250 countries costs microseconds.
    for (const Country& country : countries_)
        if (frontline::contains(ctx_, *country.prepared, *point)) return country.name;
    return std::nullopt;
}

namespace {

/// Answers a CountryIndex keeps from shared_border_wkt: far more than the borders and foci of a
/// day of news, few enough that their WKT stays a few megabytes.
constexpr std::size_t border_answer_capacity = 4096;

void append_rings(const GeosContext& ctx, const GEOSGeometry& g, std::vector<std::vector<LonLat>>& rings) {
    const GEOSContextHandle_t h = ctx.handle();
    const int parts = GEOSGetNumGeometries_r(h, &g);
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(h, &g, i);
        if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON) continue;
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, part);
        const GEOSCoordSequence* coords = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
        unsigned int size = 0;
        if (!coords || !GEOSCoordSeq_getSize_r(h, coords, &size) || size < 4) continue;
        std::vector<LonLat> points;
        points.reserve(size);
        for (unsigned int k = 0; k + 1 < size; ++k) {
            double x = 0.0, y = 0.0;
            if (!GEOSCoordSeq_getXY_r(h, coords, k, &x, &y)) ctx.fail("reading a ring");
            points.emplace_back(x, y);
        }
        rings.push_back(std::move(points));
    }
}

}  // namespace

std::optional<LonLat> CountryIndex::representative_point(const std::string& country_name) const {
    const auto found = by_name_.find(country_name);
    if (found == by_name_.end()) return std::nullopt;
    return point_on_surface(ctx_, *countries_[found->second].outline);
}

std::optional<CountryIndex::BorderLine> CountryIndex::shared_border_wkt(const std::string& a, const std::string& b,
                                                                        const std::optional<LonLat>& near, double radius_km) const {
    const auto first = by_name_.find(a);
    const auto second = by_name_.find(b);
    if (first == by_name_.end() || second == by_name_.end() || first->second == second->second) return std::nullopt;
    const BorderQuery query{first->second, second->second, near.has_value(), near ? std::bit_cast<std::uint64_t>(near->lon()) : 0,
                            near ? std::bit_cast<std::uint64_t>(near->lat()) : 0, radius_km};
    if (const auto answered = border_answers_.find(query); answered != border_answers_.end()) return answered->second;
    if (border_answers_.size() == border_answer_capacity) border_answers_.clear();
    return border_answers_.emplace(query, shared_border_of(first->second, second->second, near, radius_km)).first->second;
}

std::optional<CountryIndex::BorderLine> CountryIndex::shared_border_of(std::size_t first, std::size_t second,
                                                                       const std::optional<LonLat>& near, double radius_km) const {
    const GEOSContextHandle_t h = ctx_.handle();
    const auto key = std::make_pair(first, second);
    auto cached = shared_borders_.find(key);
    if (cached == shared_borders_.end()) {
        const GeosGeometry boundary = owned(ctx_, GEOSBoundary_r(h, countries_[first].outline.get()), "a country's boundary");
        const GeosGeometry neighbour = buffer_degrees(ctx_, *countries_[second].outline, 0.01);
        cached = shared_borders_.emplace(key, owned(ctx_, GEOSIntersection_r(h, boundary.get(), neighbour.get()), "a shared border")).first;
    }
    const GEOSGeometry* shared = cached->second.get();
    if (is_empty(ctx_, *shared)) return std::nullopt;
    GeosGeometry local;
    if (near) {
        const double dlat = radius_km / 111.2;
        const double dlon = dlat / std::max(0.1, std::cos(near->lat() * 3.14159265358979 / 180.0));
        local = owned(ctx_, GEOSClipByRect_r(h, shared, near->lon() - dlon, near->lat() - dlat, near->lon() + dlon,
                                             near->lat() + dlat),
                      "clipping a border");
        if (!is_empty(ctx_, *local)) shared = local.get();
    }
    GeosGeometry merged = owned(ctx_, GEOSLineMerge_r(h, shared), "merging a border");
    const LonLat anchor = near ? nearest_point(ctx_, *merged, *near) : point_on_surface(ctx_, *merged);
    return BorderLine{to_wkt(ctx_, *merged, 6), anchor};
}

std::vector<std::vector<LonLat>> CountryIndex::outline_rings(double lon0, double lat0, double lon1, double lat1) const {
    std::vector<std::vector<LonLat>> rings;
    const GEOSContextHandle_t h = ctx_.handle();
    // Callers pad the events' extent, which can run past the poles and the antimeridian; a clip
    // corner there would become a ring point no LonLat can hold.
    lon0 = std::max(lon0, -180.0);
    lat0 = std::max(lat0, -90.0);
    lon1 = std::min(lon1, 180.0);
    lat1 = std::min(lat1, 90.0);
    for (const Country& country : countries_) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!GEOSGeom_getXMin_r(h, country.outline.get(), &x0) || !GEOSGeom_getYMin_r(h, country.outline.get(), &y0) ||
            !GEOSGeom_getXMax_r(h, country.outline.get(), &x1) || !GEOSGeom_getYMax_r(h, country.outline.get(), &y1))
            continue;  // an empty outline (Natural Earth has some)
        if (x1 < lon0 || x0 > lon1 || y1 < lat0 || y0 > lat1) continue;
        const GeosGeometry clipped = owned(ctx_, GEOSClipByRect_r(h, country.outline.get(), lon0, lat0, lon1, lat1), "clipping an outline");
        // A screen needs no more detail than a few hundred metres at this scale.
        const double tolerance = std::max(lon1 - lon0, lat1 - lat0) / 2000.0;
        const GeosGeometry simple = owned(ctx_, GEOSTopologyPreserveSimplify_r(h, clipped.get(), tolerance), "simplifying an outline");
        append_rings(ctx_, *simple, rings);
    }
    return rings;
}

}  // namespace frontline
