#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace frontline {

/// True when two codings describe one real event: same type, compatible actors (equal, or one of
/// them unknown), places within the looser of the two precisions (about 15 km for a town, 40 km
/// near one, same country or 150 km for a region) and date ranges that overlap.
[[nodiscard]] bool same_real_event(const Event& a, const Event& b);

/// Folds every group of codings of one real event into one Event carrying all their mentions,
/// keeping the most precise place and date and the best-supported coding. The order of first
/// appearance is kept, and ids are (re)computed with `stable_event_id`.
[[nodiscard]] std::vector<Event> merge_events(std::vector<Event> events);

/// A hash of the first mention's article, type, actors, place and start date: the same input
/// always gives the same id ("ev-" + 16 hex digits).
[[nodiscard]] std::string stable_event_id(const Event& event);

}  // namespace frontline
