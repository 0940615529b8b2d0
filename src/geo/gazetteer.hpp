#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/lonlat.hpp"

namespace frontline {

/// A populated place, an administrative seat or a curated feature (a hill, a crossing, a district).
struct Place {
    std::string id;             ///< "geonames:172256" or "frontline:kobane-mishtanour-hill"
    std::string name;           ///< display name
    double lat = 0.0;
    double lon = 0.0;
    char feature_class = 'P';   ///< GeoNames class; 'C' curated
    std::string feature_code;   ///< PPLC, PPLA, PPLA2, PPL ...; curated: hill, crossing, district
    std::string country_iso3;
    std::string admin1;         ///< "SY.09"
    std::int64_t population = 0;
    bool approximate = false;   ///< curated coordinates that are estimates
};

/// A country of the gazetteer (geodata/countries.tsv).
struct Country {
    std::string iso2;
    std::string iso3;
    std::string name;     ///< English short name
    std::string ne_name;  ///< Natural Earth's name (the outline's key)
    std::string capital;
};

/// What a folded name can refer to.
struct NameHit {
    enum class Kind { place, country, admin1 } kind = Kind::place;
    std::uint32_t index = 0;  ///< into places(), countries() or the admin1 seats
};

/// Every place of geodata/: GeoNames populated places with their alternate names, the curated
/// additions and names, countries with their names, and first-level regions (resolved to their
/// most populous seat). Names are folded with text/fold.hpp so spellings and scripts meet.
class Gazetteer {
public:
    /// Folding ~900,000 names takes seconds, so the folded name index is cached on first use in
    /// `$FRONTLINE_CACHE`, else `$XDG_CACHE_HOME/frontline`, else `~/.cache/frontline`, under a
    /// fingerprint of the geodata files (a changed file makes a new cache). A cache that cannot be
    /// written only costs time.
    /// @throws DataError naming the file that is missing or malformed.
    [[nodiscard]] static Gazetteer load(const std::filesystem::path& data_root);

    /// Everything a folded name can mean.
    [[nodiscard]] const std::vector<NameHit>& lookup(const std::string& folded) const;
    [[nodiscard]] const Place& place(std::uint32_t i) const { return places_.at(i); }
    [[nodiscard]] const Country& country(std::uint32_t i) const { return countries_.at(i); }
    /// The seat (most populous place) of an admin-1 region, as an index into places().
    [[nodiscard]] std::optional<std::uint32_t> admin1_seat(std::uint32_t admin1) const;
    [[nodiscard]] const std::string& admin1_name(std::uint32_t admin1) const { return admin1_names_.at(admin1); }
    [[nodiscard]] std::optional<std::uint32_t> country_by_iso3(const std::string& iso3) const;
    [[nodiscard]] std::optional<std::uint32_t> place_by_id(const std::string& id) const;
    [[nodiscard]] std::size_t place_count() const noexcept { return places_.size(); }

private:
    void add_name(std::string_view name, NameHit hit);
    [[nodiscard]] bool read_name_cache(const std::filesystem::path& path);
    void write_name_cache(const std::filesystem::path& path) const;

    bool names_cached_ = false;  ///< names_ came from the cache: add_name has nothing to do

    std::vector<Place> places_;
    std::vector<Country> countries_;
    std::vector<std::string> admin1_codes_;
    std::vector<std::string> admin1_names_;
    std::vector<std::optional<std::uint32_t>> admin1_seats_;
    std::unordered_map<std::string, std::vector<NameHit>> names_;
    std::unordered_map<std::string, std::uint32_t> by_id_;
    std::unordered_map<std::string, std::uint32_t> by_iso3_;
};

}  // namespace frontline
