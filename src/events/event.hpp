#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "geo/location.hpp"

namespace frontline {

/// How sure the text is that the event happened (taxonomy.md, "Certainty").
enum class Certainty { confirmed, reported, claimed, hypothetical, negated };

[[nodiscard]] const char* to_string(Certainty c) noexcept;
/// @throws Error for a name that is not one of the five values.
[[nodiscard]] Certainty certainty_from_string(const std::string& name);

/// Physical events are drawn on the map; statements go on the timeline (taxonomy.md).
enum class Tier { physical, statement };

[[nodiscard]] const char* to_string(Tier t) noexcept;

/// One place an event was read: the sentence and its character span in the article text.
/// Offsets count Unicode code points from the start of `Article::text`.
struct Mention {
    std::string article_id;
    std::size_t sentence_index = 0;
    std::size_t char_start = 0;
    std::size_t char_end = 0;
    std::string text;  ///< the whole sentence
};

/// The part of a place a territorial event concerns when the text names only a part of it.
struct PlacePart {
    /// The side named ("the eastern districts", "neighbourhoods in the east of the town"), in
    /// degrees clockwise from north; none for an unnamed part ("parts of the town").
    std::optional<double> side_bearing;

    friend bool operator==(const PlacePart&, const PlacePart&) = default;
};

/// A coded event (architecture.md, "One event"). The same input always gives the same `id`.
struct Event {
    std::string id;
    std::string event_type;
    std::string acled_event_type;
    std::string acled_sub_event_type;
    std::string plover_event;
    std::string plover_mode;
    std::string actor1;
    std::string actor2;
    std::string actor1_text;
    std::string actor2_text;
    std::optional<Date> date_start;
    std::optional<Date> date_end;
    int time_precision = 3;  ///< 1 day, 2 week, 3 month (ACLED)
    std::optional<Location> location;  ///< absent for statements with no place
    Certainty certainty = Certainty::confirmed;
    std::string source;                 ///< who the outlet attributes the report to ("BBC"); empty = the outlet itself
    std::optional<double> magnitude;    ///< share (0-1) of the place taken or affected
    std::optional<PlacePart> part;      ///< territorial events told of a part of the place only
    std::optional<int> fatalities;
    std::vector<Mention> mentions;
    double confidence = 0.5;  ///< 0-1: how sure the extractor is of its coding

    [[nodiscard]] Tier tier() const;
};

}  // namespace frontline
