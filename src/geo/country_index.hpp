#pragma once

#include <filesystem>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/lonlat.hpp"
#include "geo/geos.hpp"

namespace frontline {

/// Country outlines from Natural Earth (the `countries` layer of world-atlas's
/// `countries-10m.json`), looked up by the English name Natural Earth gives them ("Turkey",
/// "Syria", "Iraq", "Ukraine"): the names gold files use in `where: {"country": ...}`.
///
/// The outlines are kept as Natural Earth draws them, some slightly invalid after TopoJSON
/// quantisation, because the reference scorer (`score_events.py`) uses them that way.
/// Not thread-safe: it evaluates predicates in its own GEOS context, so use one index per thread.
class CountryIndex {
public:
    /// Reads every named feature of the `countries` layer through GDAL's TopoJSON driver, or
    /// the same outlines from `countries-<fingerprint>.wkb` in `cache_folder()` when an earlier
    /// load of this file (same path, size and modification time) left them there; a load from
    /// the source writes that file (atomically; a cache that cannot be written is skipped, one
    /// that cannot be read is rebuilt).
    /// @throws DataError naming `path` when it cannot be opened as TopoJSON, has no `countries`
    ///         layer or `name` field, or holds a geometry GEOS cannot read.
    [[nodiscard]] static CountryIndex load(const std::filesystem::path& path);

    /// The same outlines in a GEOS context of their own, for another thread: copied, not read
    /// again (from the WKB cache that takes ~0.1 s, from the TopoJSON about 0.5 s and ~130 MB at
    /// its peak). Call it from the thread that uses this index, before the copy goes to its thread.
    /// @throws GeoError when GEOS cannot copy an outline.
    [[nodiscard]] CountryIndex copy() const;

    /// `geodata/naturalearth/countries-10m.json` under `data_root()`.
    /// @throws DataError when Frontline's data folder cannot be found.
    [[nodiscard]] static std::filesystem::path default_path();

    /// Whether the index knows a country of that name.
    [[nodiscard]] bool has_country(const std::string& country_name) const;

    /// The test of `Countries.contains` in `score_events.py`. With `slack_degrees` > 0: the
    /// country grown by the slack contains the geometry's representative point, or the country
    /// intersects the geometry (a point placed just across a border, or a border line, counts).
    /// With 0: the country contains the representative point. False for an unknown country or an
    /// empty geometry.
    /// @throws GeoError when GEOS fails on the geometry.
    [[nodiscard]] bool contains(const std::string& country_name, const GEOSGeometry& g, double slack_degrees) const;

    /// The name of the country whose interior holds `p`; none at sea or exactly on a border.
    /// Where outlines overlap, the first in the file wins.
    /// @throws GeoError when GEOS fails.
    [[nodiscard]] std::optional<std::string> country_at(const LonLat& p) const;

    /// A point inside the country (GEOS PointOnSurface of its outline), to place country-wide events.
    /// @throws GeoError when GEOS fails.
    [[nodiscard]] std::optional<LonLat> representative_point(const std::string& country_name) const;

    /// A stretch of the border two countries share, as WKT in lon/lat with a point on it.
    struct BorderLine {
        std::string wkt;
        LonLat anchor;
    };
    /// The shared border of two countries ("its border with Syria"): the part within `radius_km`
    /// of `near` when given and when the border passes there, else all of it. Outlines that do not
    /// quite meet (Natural Earth's are about 1 km accurate) are bridged by a 0.01° tolerance.
    /// None when the countries do not touch.
    /// @throws GeoError when GEOS fails.
    [[nodiscard]] std::optional<BorderLine> shared_border_wkt(const std::string& a, const std::string& b,
                                                              const std::optional<LonLat>& near, double radius_km) const;

    /// The outer rings of every country outline clipped to a lon/lat box, for drawing a base map.
    /// @throws GeoError when GEOS fails.
    [[nodiscard]] std::vector<std::vector<LonLat>> outline_rings(double lon0, double lat0, double lon1, double lat1) const;

    /// Number of named countries read.
    [[nodiscard]] std::size_t size() const noexcept { return countries_.size(); }

private:
    struct Country {
        std::string name;
        GeosGeometry outline;
        GeosPrepared prepared;  // declared after `outline`, so destroyed before it
    };

    CountryIndex() = default;

    /// The outlines kept by an earlier `load` of the same source; none when the cache file is
    /// missing, of another source or format, short or damaged.
    [[nodiscard]] static std::optional<CountryIndex> load_cache(const std::filesystem::path& cache, std::uint64_t fingerprint);
    /// shared_border_wkt for two indices into countries_, without its memo.
    /// @throws GeoError when GEOS fails.
    [[nodiscard]] std::optional<BorderLine> shared_border_of(std::size_t first, std::size_t second, const std::optional<LonLat>& near,
                                                             double radius_km) const;
    /// Adds a feature's outline.
    /// @throws GeoError when GEOS cannot read or prepare `wkb`.
    void add(std::string name, std::span<const unsigned char> wkb);

    GeosContext ctx_;  // declared first, so destroyed after every geometry made in it
    std::vector<Country> countries_;
    std::unordered_map<std::string, std::size_t> by_name_;
    /// The whole shared border of each pair of countries asked about: buffering and intersecting
    /// two outlines is the costliest step of geocoding, and stories name the same borders over
    /// and over. Filled by const lookups, as the index is already one per thread.
    mutable std::map<std::pair<std::size_t, std::size_t>, GeosGeometry> shared_borders_;
    /// A question to shared_border_wkt: the two countries, the point (when given) and the radius.
    /// The point is kept as its bits, so that -0.0 and 0.0, which GEOS may answer differently,
    /// are two questions.
    struct BorderQuery {
        std::size_t first = 0;
        std::size_t second = 0;
        bool near = false;
        std::uint64_t lon_bits = 0;
        std::uint64_t lat_bits = 0;
        double radius_km = 0.0;
        friend auto operator<=>(const BorderQuery&, const BorderQuery&) = default;
    };
    /// shared_border_wkt's answers: clipping, merging and writing a border as WKT cost more than
    /// the rest of geocoding a mention, and a story asks about the same border near the same
    /// focus for every mention of it. Bounded, cleared when full; one per index, hence per thread.
    mutable std::map<BorderQuery, std::optional<BorderLine>> border_answers_;
};

}  // namespace frontline
