#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/lonlat.hpp"

namespace frontline {

namespace detail {
struct GazetteerIndex;  // the mapped binary index (detail/gazetteer_index.hpp)
}

/// A populated place or a curated feature (a hill, a crossing, a district).
struct Place {
    std::string id;             ///< "geonames:172256" or "frontline:kobane-mishtanour-hill"
    std::string name;           ///< display name
    double lat = 0.0;
    double lon = 0.0;
    char feature_class = 'P';   ///< GeoNames class; 'C' curated
    std::string feature_code;   ///< PPLC, PPLA, PPLA2, PPL ...; curated: hill, crossing, district
    std::string country_iso3;
    std::string admin1;         ///< "SY.09"
    std::string admin2;         ///< "US.LA.079"; empty when GeoNames has none
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
    double lat = 0.0;     ///< the conventional point of the country (world-countries, GeoNames)
    double lon = 0.0;
};

/// An administrative unit: an admin-1 region ("Texas", "Aleppo") or an admin-2 one
/// ("Rapides Parish"), placed at the middle of the box its towns span.
struct AdminArea {
    std::string code;  ///< "US.TX", "US.LA.079"
    std::string name;
    double lat = 0.0;
    double lon = 0.0;
    std::uint16_t country = 0;  ///< index into countries(); check has_country
    bool has_country = false;
    std::uint32_t towns = 0;    ///< how many towns the point is the mean of
};

/// A named region above the country or a continent ("Middle East", "Europe").
struct Region {
    std::string id;     ///< "frontline:middle-east", "geonames:6255148"
    std::string name;
    std::string kind;   ///< continent, country-group, admin1-group
    double lat = 0.0;
    double lon = 0.0;
};

/// What a folded name can refer to, and through which form of the name.
struct NameHit {
    enum class Kind : std::uint8_t { place, country, admin1, admin2, region } kind = Kind::place;
    /// name: a name or spelling; demonym: "Syrian(s)" for a country; abbreviation: news style
    /// ("Calif.", "U.S."), matched case-sensitively; postal: a postal code ("TX"), meaningful only
    /// after "City, "; bare: an admin-2 name without its "County"/"Parish"/... word; alternate: one
    /// of a place's alternate names (GeoNames' "Cancun" for Changchun), weaker than a main name.
    enum class Form : std::uint8_t { name, demonym, abbreviation, postal, bare, alternate } form = Form::name;
    std::uint32_t index = 0;  ///< into places(), countries(), admin1, admin2 or regions
};

/// A direction word that makes part of a country or region ("northern" → N).
struct Direction {
    std::string folded;  ///< "northern", "north-eastern", "the north of"
    std::string code;    ///< N, S, E, W, NE, NW, SE, SW, C
};

/// Every place of geodata/: GeoNames populated places with their alternate names, the curated
/// additions, countries with their names and demonyms, admin-1 and admin-2 units, regions and
/// continents. Names are folded with text/fold.hpp so spellings and scripts meet.
///
/// The folded-name index, the places and their strings live in one flat binary file (sorted keys
/// → hit arrays, fixed-size records, a string pool) that is memory-mapped: loading it is a few
/// system calls, and only the pages a lookup touches become resident.
class Gazetteer {
public:
    /// Folding ~1,000,000 names takes seconds, so the index is built once into
    /// `$FRONTLINE_CACHE`, else `$XDG_CACHE_HOME/frontline`, else `~/.cache/frontline`, under a
    /// fingerprint of the geodata files (a file of another size or time makes a new index), then mapped. When the
    /// cache cannot be written the index is kept in memory instead.
    /// @throws DataError naming the file that is missing or malformed.
    [[nodiscard]] static Gazetteer load(const std::filesystem::path& data_root);

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    ~Gazetteer();

    /// Everything a folded name can mean.
    [[nodiscard]] std::span<const NameHit> lookup(std::string_view folded) const;

    [[nodiscard]] Place place(std::uint32_t i) const;
    [[nodiscard]] std::size_t place_count() const noexcept;
    /// Fast accessors for ranking, without building a Place.
    [[nodiscard]] LonLat place_point(std::uint32_t i) const;
    [[nodiscard]] std::int64_t place_population(std::uint32_t i) const;
    [[nodiscard]] std::optional<std::uint16_t> place_country(std::uint32_t i) const;
    /// Admin-1 index of a place, when its code is in admin1.tsv.
    [[nodiscard]] std::optional<std::uint32_t> place_admin1(std::uint32_t i) const;
    [[nodiscard]] std::optional<std::uint32_t> place_admin2(std::uint32_t i) const;
    [[nodiscard]] std::string_view place_feature_code(std::uint32_t i) const;
    [[nodiscard]] char place_feature_class(std::uint32_t i) const;

    [[nodiscard]] const Country& country(std::uint32_t i) const { return countries_.at(i); }
    [[nodiscard]] std::size_t country_count() const noexcept { return countries_.size(); }
    [[nodiscard]] AdminArea admin1(std::uint32_t i) const;
    [[nodiscard]] AdminArea admin2(std::uint32_t i) const;
    [[nodiscard]] const std::string& admin1_name(std::uint32_t i) const;
    /// The code of an admin-1 ("US.TX") or admin-2 unit ("US.LA.079"), without building an
    /// AdminArea; it lives as long as the gazetteer.
    [[nodiscard]] std::string_view admin1_code(std::uint32_t i) const;
    [[nodiscard]] std::string_view admin2_code(std::uint32_t i) const;
    [[nodiscard]] const Region& region(std::uint32_t i) const { return regions_.at(i); }
    [[nodiscard]] const std::vector<Direction>& directions() const noexcept { return directions_; }

    [[nodiscard]] std::optional<std::uint32_t> country_by_iso3(const std::string& iso3) const;
    [[nodiscard]] std::optional<std::uint32_t> country_by_iso2(std::string_view iso2) const;
    [[nodiscard]] std::optional<std::uint32_t> place_by_id(const std::string& id) const;

private:
    Gazetteer();
    void load_small_tables();

    std::unique_ptr<detail::GazetteerIndex> index_;
    // The small tables are copied out of the index once: they are read on every ranking.
    std::vector<Country> countries_;
    /// countries_ by ISO3, the first of a code where two share it: events and mentions ask for
    /// their country's record by code several times each.
    std::unordered_map<std::string, std::uint32_t> country_by_iso3_;
    std::vector<Region> regions_;
    std::vector<std::string> admin1_names_;
    std::vector<Direction> directions_;
};

}  // namespace frontline
