#pragma once

// The on-disk layout of the gazetteer's binary index. Every record is trivially copyable with
// explicit padding, so the file is used in place after mmap; integers are host order (the index
// is a cache of this machine, never shipped).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.hpp"

namespace frontline::detail {

inline constexpr std::uint32_t no_index = 0xFFFFFFFFu;
inline constexpr std::uint16_t no_country = 0xFFFFu;

struct PlaceRecord {
    double lat;
    double lon;
    std::int64_t population;
    std::uint32_t geonameid;  ///< 0 for curated places
    std::uint32_t name;       ///< string pool offsets
    std::uint32_t id;         ///< curated id ("frontline:..."), 0 for GeoNames places
    std::uint32_t admin1;     ///< index into the admin-1 table or no_index
    std::uint32_t admin2;
    std::uint16_t country;    ///< index into the country table or no_country
    char feature_class;
    std::uint8_t approximate;
    char feature_code[8];     ///< NUL-padded
    std::uint32_t padding;
};

struct AdminRecord {
    double lat;
    double lon;
    std::uint32_t code;  ///< string pool offsets
    std::uint32_t name;
    std::uint32_t towns;
    std::uint16_t country;
    std::uint16_t padding;
};

struct CountryRecord {
    double lat;
    double lon;
    std::uint32_t iso2, iso3, name, ne_name, capital;  ///< string pool offsets
    std::uint32_t padding;
};

struct RegionRecord {
    double lat;
    double lon;
    std::uint32_t id, name, kind;  ///< string pool offsets
    std::uint32_t padding;
};

struct KeyRecord {
    std::uint32_t text;   ///< string pool offset of the folded name
    std::uint32_t length;
    std::uint32_t first_hit;
    std::uint32_t hit_count;
};

/// Laid out exactly as NameHit, so that lookup() hands out the mapped records as they are.
struct HitRecord {
    NameHit::Kind kind;
    NameHit::Form form;
    std::uint16_t padding;
    std::uint32_t index;
};
static_assert(sizeof(HitRecord) == sizeof(NameHit) && alignof(HitRecord) == alignof(NameHit));
static_assert(offsetof(HitRecord, kind) == offsetof(NameHit, kind) && offsetof(HitRecord, form) == offsetof(NameHit, form) &&
              offsetof(HitRecord, index) == offsetof(NameHit, index));

/// Section order in the file, after the header.
enum Section : std::size_t { places, admin1, admin2, countries, regions, keys, hits, pool, section_count };

struct IndexHeader {
    char magic[8];            ///< "FLGZIDX1"
    std::uint64_t fingerprint;
    std::uint64_t offset[section_count];
    std::uint64_t count[section_count];  ///< records (bytes for the pool)
};

/// The index, mapped from its cache file or built in memory; views into one byte buffer.
struct GazetteerIndex {
    GazetteerIndex() = default;
    GazetteerIndex(const GazetteerIndex&) = delete;
    GazetteerIndex& operator=(const GazetteerIndex&) = delete;
    ~GazetteerIndex();

    /// Maps `path` and checks its header; false when it is missing, stale or damaged.
    bool map(const std::filesystem::path& path, std::uint64_t fingerprint);
    /// Takes a built image (when the cache cannot be written).
    void adopt(std::vector<char> image);

    std::span<const PlaceRecord> places;
    std::span<const AdminRecord> admin1;
    std::span<const AdminRecord> admin2;
    std::span<const CountryRecord> countries;
    std::span<const RegionRecord> regions;
    std::span<const KeyRecord> keys;
    std::span<const HitRecord> hits;
    std::string_view pool;

    [[nodiscard]] std::string_view str(std::uint32_t offset) const;

private:
    bool attach(const char* data, std::size_t size, std::uint64_t fingerprint);

    void* mapping_ = nullptr;
    std::size_t mapping_size_ = 0;
    std::vector<char> owned_;
};

/// Builds the index image from geodata/ (the slow path: folds every name).
/// @throws DataError naming a missing or malformed file.
[[nodiscard]] std::vector<char> build_index(const std::filesystem::path& geodata, std::uint64_t fingerprint);

}  // namespace frontline::detail
