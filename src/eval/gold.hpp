#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/date.hpp"
#include "common/lonlat.hpp"
#include "events/event.hpp"

namespace frontline {

/// The actors a gold field accepts (`actor1: ["ISIS", null]`), in normalised form.
struct ActorSet {
    std::set<std::string> ids;      ///< normalised: upper case, words joined by `_`
    bool accepts_absent = false;    ///< the list holds `null` (or a name that normalises to nothing)

    /// Whether `actor` is acceptable once normalised; an empty actor is "absent".
    [[nodiscard]] bool accepts(std::string_view actor) const;
};

/// `where: {"lat", "lon", "km"}`: the event's geometry must come within `km` of `point`.
struct WithinKm {
    LonLat point;
    double km = 0.0;
};

/// `where: {"country"}`: the event's geometry must lie in that Natural Earth country.
struct InCountry {
    std::string country;
};

using GoldWhere = std::variant<WithinKm, InCountry>;

/// `magnitude: {"value", "tolerance"}`, e.g. the share of a town taken.
struct GoldMagnitude {
    double value = 0.0;
    double tolerance = 0.0;
};

/// One expected event of a gold file (gold-format.md, `events`). Absent fields are not checked.
struct GoldEvent {
    std::string id;  ///< `G*` required physical, `O*` optional physical, `S*` statement
    Tier tier = Tier::physical;
    bool required = true;
    std::vector<std::string> event_types;  ///< any of these; never empty
    std::optional<ActorSet> actor1;
    std::optional<ActorSet> actor2;
    std::optional<GoldWhere> where;
    std::optional<Date> date;
    int date_tolerance_days = 0;
    std::optional<GoldMagnitude> magnitude;
    std::vector<Certainty> certainty;  ///< acceptable values, for people: the scorer ignores them
    std::string source;                ///< who the outlet attributes it to; not scored
    std::string evidence;              ///< the words that carry the event; not scored
};

/// An event a careful analyst would never code; a produced event that fits every field given
/// here is a forbidden hit. Absent fields match anything.
struct ForbiddenRule {
    std::optional<Tier> tier;
    std::vector<std::string> event_types;  ///< empty: any type
    std::optional<ActorSet> actor1;        ///< compared with the produced id only, not its text
    std::optional<ActorSet> actor2;
    std::optional<Date> date_after;   ///< the event starts on or after this day
    std::optional<Date> date_before;  ///< the event starts on or before this day
    std::optional<GoldWhere> where;   ///< a country here is tested without slack
    std::string why;
};

/// Expected share of a place held by an actor at an instant (gold-format.md, `control`).
struct ControlExpectation {
    std::string place;
    std::string holder;
    std::string at;  ///< ISO 8601 instant as written, e.g. `2014-10-08T23:59:59Z`; its date is valid
    double share = 0.0;
    double tolerance = 0.0;
    std::string why;
};

/// The analyst's coding of one article: `STEM.gold.json`.
struct Gold {
    std::string article;  ///< the `article` field, else the file's stem
    std::optional<Date> published;
    std::vector<GoldEvent> events;
    std::vector<ForbiddenRule> forbidden;
    std::vector<ControlExpectation> control;
};

/// Reads and checks a gold file: every field gold-format.md defines, in the forms the corpus
/// uses (`event_type` as a string or a list, actor lists with `null`, `where` as a point and
/// radius or a country). Unknown fields (`notes`, `why` ...) are ignored. Stricter than
/// score_events.py, which skips what it cannot parse: a malformed date, an event type outside
/// taxonomy.md, a tier that contradicts the event type or a repeated id is an error here.
/// @throws InputError naming the file and, where one applies, the event id (`forbidden[N]` and
///         `control[N]` for rows without one).
[[nodiscard]] Gold load_gold(const std::filesystem::path& path);

}  // namespace frontline
