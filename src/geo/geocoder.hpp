#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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
    NameHit::Kind kind = NameHit::Kind::place;  ///< what the name was read as
    NameHit::Form form = NameHit::Form::name;   ///< through which form of the name
    std::string admin1;  ///< admin-1 code the reading lies in ("US.LA"); empty for countries and regions
    std::string admin2;  ///< admin-2 code the reading lies in or is ("US.LA.079"); may be empty
    std::int64_t population = 0;  ///< of a town reading
    bool capital = false;         ///< a national capital (PPLC)
    bool seat = false;            ///< the seat of a first-level region (PPLA)
};

/// Context that breaks ties between places of one name: the countries the story mentions, the
/// place it was filed from, and the places already resolved.
///
/// Geocoder::resolve keeps the readings it chose while the context ranks alike, and tells that by
/// comparing these fields one by one (`ranks_alike` in geocoder.cpp): a field added here that
/// changes a score must be added to that comparison too, or resolve answers from a stale memo.
struct GeoContext {
    std::vector<std::string> countries;  ///< ISO3 codes, most mentioned first
    std::optional<LonLat> dateline;
    std::optional<Location> focus;       ///< the place the story is about
    /// Folded names the story uses as places somewhere other than at a sentence's start: a
    /// sentence-initial capitalised word ("Long lines of cars") is a place only if it is one of these.
    std::vector<std::string> names_in_use;
    /// Admin-1 codes ("US.TX", "SY.09") of the regions the story names or places its towns in,
    /// most named first.
    std::vector<std::string> admin1;
    /// Places of the story already resolved without doubt: a reading near them is likelier.
    std::vector<LonLat> neighbours;
    /// What one mention is qualified by, as in "Paris, Texas" or "Paris, Tex.": an admin-1 code or
    /// an ISO3 code. Set per mention, never for a whole story.
    std::string within;
    /// Say "County", "Parish", "Province" after the name: an admin-2 reading is wanted.
    bool admin_cue = false;
    /// How strongly the story's other names point into each admin-1 region ("US.KY"): every name
    /// gives each region among its readings 1/(number of such regions), so "Richmond" and
    /// "Madison County" together point at Kentucky even though each alone is ambiguous.
    std::map<std::string, double> admin1_support;
    /// The same for admin-2 units ("US.TN.079"), without dilution: two names that can share a
    /// county ("Paris" and "Henry County") are rarely there by chance.
    std::map<std::string, double> admin2_support;
};

/// Turns place phrases into Locations. One instance per thread: it owns GEOS state through the
/// country index it is given, and its const look-ups fill memos of its own without a lock (each
/// thread of `extract -j N` has its own Pipeline::for_thread() copy, hence its own Geocoder).
class Geocoder {
public:
    Geocoder(const Gazetteer& gazetteer, const CountryIndex& countries) : gazetteer_(gazetteer), countries_(countries) {}

    /// Every reading of `name`, best first, each with its score and why.
    [[nodiscard]] std::vector<GeocodeCandidate> candidates(const std::string& name, const GeoContext& context) const;
    /// The same readings in the same order with empty reasons: extraction never shows them, and
    /// writing them for every candidate of every mention cost more than ranking them.
    [[nodiscard]] std::vector<GeocodeCandidate> readings(const std::string& name, const GeoContext& context) const;

    /// Builds the context of one article: its countries, dateline and focus place.
    [[nodiscard]] GeoContext context_of(const DocumentPlaces& places) const;

    /// The location of an event: the first of its place phrases that resolves (anaphors go to the
    /// focus), with geo_precision from the phrase's relation; none when nothing resolves.
    [[nodiscard]] std::optional<Location> locate(const std::vector<PlaceRef>& places, const GeoContext& context) const;

    /// The one best reading of a mention, or none; `relation` sets its precision and offsets.
    [[nodiscard]] std::optional<Location> resolve(const PlaceRef& ref, const GeoContext& context) const;

    [[nodiscard]] const Gazetteer& gazetteer() const noexcept { return gazetteer_; }
    [[nodiscard]] const CountryIndex& country_index() const noexcept { return countries_; }

private:
    /// A reading as ranking sees it: what its score depends on, without the strings of a Location
    /// (building one for every candidate, its WKT above all, cost more than ranking them all).
    /// The views point into the gazetteer.
    struct ScoredReading {
        NameHit hit;
        double score = 0.0;
        /// What an admin unit's score starts from instead of `score` when the text says "County",
        /// "Parish" ... after the name (GeoContext::admin_cue); the same as `score` for the rest.
        double cue_score = 0.0;
        LonLat anchor{0.0, 0.0};
        int geo_precision = 1;         ///< of the Location it becomes
        std::string_view country;      ///< ISO3; empty when unknown
        std::string_view admin1;       ///< as GeocodeCandidate::admin1
        std::string_view admin2;       ///< as GeocodeCandidate::admin2
        std::int64_t population = 0;
        bool capital = false;
        bool seat = false;
        std::string reason;            ///< only when explaining
    };

    /// Every reading of `name`, best first; reasons only when `explain`.
    [[nodiscard]] std::vector<ScoredReading> ranked(const std::string& name, const GeoContext& context, bool explain) const;
    /// The same readings with the same scores, in the gazetteer's order.
    [[nodiscard]] std::vector<ScoredReading> scored(const std::string& name, const GeoContext& context, bool explain) const;
    /// The reading `ranked` would list first among those `wanted` lets through (the highest score,
    /// the earliest of equal ones), without sorting them all; null when none is wanted.
    [[nodiscard]] static const ScoredReading* best_of(const std::vector<ScoredReading>& readings, bool (*wanted)(const ScoredReading&));
    /// The part of a reading no story changes (where it is, what it is, the score its kind and
    /// size give); none for an admin unit without towns.
    [[nodiscard]] std::optional<ScoredReading> base_reading(const NameHit& hit, bool unit_word, bool explain) const;
    /// The readings of a name's hits before any story: base_reading of each, bar abbreviations
    /// and postal codes of a name written without a capital.
    [[nodiscard]] std::vector<ScoredReading> base_readings(const std::string& name, std::span<const NameHit> hits, bool unit_word,
                                                           bool explain) const;
    /// Adds to a base reading's score what the story says of it.
    static void score_in(ScoredReading& c, const GeoContext& context, bool explain);
    /// The full Location of a reading, from the location table or made now.
    [[nodiscard]] Location location_of(const ScoredReading& r) const;
    [[nodiscard]] Location make_location(const ScoredReading& r) const;
    [[nodiscard]] std::vector<GeocodeCandidate> as_candidates(std::vector<ScoredReading> ranked) const;
    /// What a name is to the gazetteer, worked out once per name: stories name the same places
    /// over and over, and folding a name and finding it among a million keys cost more than
    /// scoring its readings.
    struct NameEntry {
        std::string folded;                 ///< fold(name)
        std::span<const NameHit> key_hits;  ///< the hits of its comparison key (no article, no possessive)
        std::span<const NameHit> hits;      ///< key_hits, or when none those of the key without a final '.'
        bool unit_word = false;             ///< the key ends in " county", " parish", " province" ...
        /// base_readings of `hits`, without reasons: only their ranking depends on the story.
        std::vector<ScoredReading> readings;
        /// A town reading under its own name is notable (100,000 people, a capital or a seat),
        /// so alternate names weigh less.
        bool notable_own_name = false;
    };
    /// The entry of `name`, from the name table or made now; valid until the next call.
    [[nodiscard]] const NameEntry& name_entry(const std::string& name) const;

    /// The reading of a named mention that resolve starts from (before its relation moves or
    /// widens it), or none; memoised per context.
    [[nodiscard]] std::optional<Location> chosen_reading(const PlaceRef& ref, const GeoContext& context) const;

    /// The readings chosen under one context: a story names its places again and again, and each
    /// mention would rank all readings of its name anew.
    struct ResolveMemo {
        struct Entry {
            std::string text;          ///< the mention's PlaceRef::text,
            std::string feature_hint;  ///< feature_hint
            bool locative_cue = false; ///< and locative_cue: all that chosen_reading reads of it
            std::optional<Location> location;
        };
        GeoContext context;  ///< the context the entries were chosen under
        std::vector<Entry> entries;
    };

    const Gazetteer& gazetteer_;
    const CountryIndex& countries_;
    mutable ResolveMemo resolve_memo_;
    /// The name table, by the name as written. Filled without a lock: see the class comment.
    mutable std::unordered_map<std::string, NameEntry> names_;
    /// The location table: the Locations of readings already chosen, by the kind and index of
    /// what they read (all a Location depends on). Stories choose the same places again and
    /// again, and writing a WKT and copying names out of the gazetteer cost more than choosing.
    mutable std::unordered_map<std::uint64_t, Location> locations_;
};

}  // namespace frontline
