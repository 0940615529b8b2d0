#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/event_mention.hpp"
#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/location.hpp"

namespace frontline {

/// A ranked reading of a place name, with the reason for its rank (for `frontline geocode`).
struct GeocodeCandidate {
    Location location;
    double score = 0.0;
    std::string reason;
};

/// Context that breaks ties between places of one name: the countries the story mentions, the
/// place it was filed from, and the places already resolved.
struct GeoContext {
    std::vector<std::string> countries;  ///< ISO3 codes, most mentioned first
    std::optional<LonLat> dateline;
    std::optional<Location> focus;       ///< the place the story is about
    /// Folded names the story uses as places somewhere other than at a sentence's start: a
    /// sentence-initial capitalised word ("Long lines of cars") is a place only if it is one of these.
    std::vector<std::string> names_in_use;
};

/// Turns place phrases into Locations. One instance per thread (it owns GEOS state through the
/// country index it is given).
class Geocoder {
public:
    Geocoder(const Gazetteer& gazetteer, const CountryIndex& countries) : gazetteer_(gazetteer), countries_(countries) {}

    /// Every reading of `name`, best first, each with its score and why.
    [[nodiscard]] std::vector<GeocodeCandidate> candidates(const std::string& name, const GeoContext& context) const;

    /// Builds the context of one article: its countries, dateline and focus place.
    [[nodiscard]] GeoContext context_of(const DocumentPlaces& places) const;

    /// The location of an event: the first of its place phrases that resolves (anaphors go to the
    /// focus), with geo_precision from the phrase's relation; none when nothing resolves.
    [[nodiscard]] std::optional<Location> locate(const std::vector<PlaceRef>& places, const GeoContext& context) const;

private:
    [[nodiscard]] std::optional<Location> resolve(const PlaceRef& ref, const GeoContext& context) const;
    [[nodiscard]] Location location_of_place(const Place& place, int precision) const;
    [[nodiscard]] std::optional<Location> location_of_country(const Country& country) const;

    const Gazetteer& gazetteer_;
    const CountryIndex& countries_;
};

}  // namespace frontline
