#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "events/event.hpp"

namespace frontline {

/// One change of who holds a place, and why.
struct ShareChange {
    Date day;                 ///< the change holds from the end of this day
    std::string place_id;
    std::string place;
    std::string holder;
    double share = 0.0;       ///< the holder's share of the place after the change
    std::string event_id;
    Certainty certainty = Certainty::confirmed;
};

/// Who holds what share of each town, day by day, as the territorial events tell it: the
/// non-geometric core of the control layer. Events are applied in date order:
/// - `territory_taken` by A with a magnitude m ("a third of Kobane"): A holds m of the place after
///   it, taken from the loser when one is named, else from the other holders in proportion;
///   without a magnitude A takes the whole place;
/// - `retreat` of A: A's share goes to whoever the event names as actor2, else to the other holders
///   in proportion, else it is unclaimed.
/// Only town-level places (geo_precision 1 with a place id) carry shares; a claimed change is kept
/// and marked as claimed, not hidden.
class ShareTimeline {
public:
    [[nodiscard]] static ShareTimeline from_events(const std::vector<Event>& events);

    /// The share (0–1) of `place_id` that `holder` holds at the end of `day`; 0 before any event.
    [[nodiscard]] double share(const std::string& place_id, const std::string& holder, const Date& day) const;

    [[nodiscard]] const std::vector<ShareChange>& changes() const noexcept { return changes_; }

private:
    std::vector<ShareChange> changes_;  ///< in the order applied (by day)
};

}  // namespace frontline
