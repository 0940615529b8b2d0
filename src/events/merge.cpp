#include "events/merge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "common/number_text.hpp"

namespace frontline {

namespace {

bool actors_compatible(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

double merge_radius_km(int geo_precision) {
    switch (geo_precision) {
        case 1: return 15.0;
        case 2: return 40.0;
        default: return 150.0;
    }
}

bool places_compatible(const Event& a, const Event& b) {
    if (!a.location || !b.location) return a.tier() == Tier::statement || (!a.location && !b.location);
    const Location& la = *a.location;
    const Location& lb = *b.location;
    if (!la.place_id.empty() && la.place_id == lb.place_id) return true;
    const int precision = std::max(la.geo_precision, lb.geo_precision);
    // "Riots across Turkey" and "riots in Mardin" are one story told at two scales; "the province
    // of Mus" and Diyarbakir are two places of one country.
    const bool country_wide = la.place_id.starts_with("iso3166:") || lb.place_id.starts_with("iso3166:");
    if (precision >= 3 && country_wide && !la.country.empty() && la.country == lb.country) return true;
    return distance_km(la.anchor, lb.anchor) <= merge_radius_km(precision);
}

bool dates_overlap(const Event& a, const Event& b) {
    if (!a.date_start || !b.date_start) return true;
    const Date a_end = a.date_end.value_or(*a.date_start);
    const Date b_end = b.date_end.value_or(*b.date_start);
    return *a.date_start <= b_end && *b.date_start <= a_end;
}

/// Lower is better: a location with a finer precision, a date range with a finer precision.
int location_rank(const Event& e) { return e.location ? e.location->geo_precision : 9; }

/// A total order on places of equal precision, so that the merged event (and its id) does not
/// depend on which report came first.
bool better_place(const Event& a, const Event& b) {
    if (location_rank(a) != location_rank(b)) return location_rank(a) < location_rank(b);
    if (!a.location || !b.location) return false;
    return std::tie(a.location->place_id, a.location->wkt) < std::tie(b.location->place_id, b.location->wkt);
}

void absorb(Event& into, Event&& other) {
    if (into.actor1.empty()) {
        into.actor1 = other.actor1;
        into.actor1_text = other.actor1_text;
        into.acled_sub_event_type = other.acled_sub_event_type;  // it depends on who actor1 is
    }
    if (into.actor2.empty()) { into.actor2 = other.actor2; into.actor2_text = other.actor2_text; }
    if (better_place(other, into)) into.location = other.location;
    if (other.date_start && (!into.date_start || other.time_precision < into.time_precision)) {
        into.date_start = other.date_start;
        into.date_end = other.date_end;
        into.time_precision = other.time_precision;
    } else if (other.date_start && into.date_start && other.time_precision == into.time_precision) {
        // Two ranges of one precision: keep their intersection, the days both readings allow.
        into.date_start = std::max(*into.date_start, *other.date_start);
        into.date_end = std::min(into.date_end.value_or(*into.date_start), other.date_end.value_or(*other.date_start));
        if (*into.date_end < *into.date_start) into.date_end = into.date_start;
    }
    if (!into.magnitude) into.magnitude = other.magnitude;
    if (!into.fatalities) into.fatalities = other.fatalities;
    if (into.source.empty()) into.source = other.source;
    if (other.confidence > into.confidence) {
        into.certainty = other.certainty;
        into.confidence = other.confidence;
    }
    into.mentions.insert(into.mentions.end(), std::make_move_iterator(other.mentions.begin()),
                         std::make_move_iterator(other.mentions.end()));
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 1469598103934665603ULL) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

}  // namespace

/// Two events read from one sentence at two named places were kept apart by the extractor on
/// purpose ("two in Siirt, one in the province of Mus": one event per place).
bool told_apart_in_one_sentence(const Event& a, const Event& b) {
    if (!a.location || !b.location || a.location->place.empty() || b.location->place.empty() ||
        a.location->place == b.location->place)
        return false;
    for (const Mention& x : a.mentions)
        for (const Mention& y : b.mentions)
            if (x.article_id == y.article_id && x.sentence_index == y.sentence_index) return true;
    return false;
}

bool same_real_event(const Event& a, const Event& b) {
    return a.event_type == b.event_type && !told_apart_in_one_sentence(a, b) && actors_compatible(a.actor1, b.actor1) &&
           actors_compatible(a.actor2, b.actor2) && places_compatible(a, b) && dates_overlap(a, b);
}

std::vector<Event> merge_events(std::vector<Event> events) {
    std::vector<Event> merged;
    merged.reserve(events.size());
    for (Event& event : events) {
        const auto same = std::find_if(merged.begin(), merged.end(), [&](const Event& m) { return same_real_event(m, event); });
        if (same == merged.end())
            merged.push_back(std::move(event));
        else
            absorb(*same, std::move(event));
    }
    // Absorbing a mention can sharpen an event's place or dates so that it now matches an event
    // kept apart before: merge until nothing changes, so one real event never keeps two rows.
    // Each pass costs what the first loop did; one more pass is rarely needed.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < merged.size(); ++i)
            for (std::size_t j = i + 1; j < merged.size();)
                if (same_real_event(merged[i], merged[j])) {
                    absorb(merged[i], std::move(merged[j]));
                    merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(j));
                    changed = true;
                } else {
                    ++j;
                }
    }
    for (Event& event : merged) {
        std::stable_sort(event.mentions.begin(), event.mentions.end(), [](const Mention& x, const Mention& y) {
            return std::tie(x.article_id, x.sentence_index, x.char_start) < std::tie(y.article_id, y.sentence_index, y.char_start);
        });
        event.id = stable_event_id(event);
    }
    return merged;
}

std::string stable_event_id(const Event& event) {
    std::string key = event.mentions.empty() ? std::string() : event.mentions.front().article_id;
    key += '\x1f' + event.event_type + '\x1f' + event.actor1 + '\x1f' + event.actor2 + '\x1f';
    if (event.location) {
        if (event.location->place_id.empty()) {
            append_fixed(key, event.location->anchor.lon(), 3);
            key += ',';
            append_fixed(key, event.location->anchor.lat(), 3);
        } else {
            key += event.location->place_id;
        }
    }
    key += '\x1f';
    if (event.date_start) key += event.date_start->iso();
    // Hex digits by hand, not snprintf: one id per event, and format parsing showed in profiles.
    std::string id = "ev-0000000000000000";
    std::uint64_t hash = fnv1a(key);
    for (std::size_t i = id.size(); i-- > 3; hash >>= 4) id[i] = "0123456789abcdef"[hash & 0xf];
    return id;
}

}  // namespace frontline
