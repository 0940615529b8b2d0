#include "control/share_timeline.hpp"

#include <algorithm>

namespace frontline {

namespace {

bool territorial(const Event& e) {
    return (e.event_type == "territory_taken" || e.event_type == "retreat") && e.location && e.location->geo_precision == 1 &&
           !e.location->place_id.empty() && !e.actor1.empty() && (e.date_end || e.date_start);
}

Date day_of(const Event& e) { return e.date_end.value_or(*e.date_start); }

/// Moves `amount` of the place to `gainer`, taking it from `loser` first when named, then from
/// the other holders in proportion to what they hold.
void transfer(std::map<std::string, double>& shares, const std::string& gainer, const std::string& loser, double amount) {
    double needed = amount;
    if (!loser.empty() && loser != gainer) {
        const double taken = std::min(shares[loser], needed);
        shares[loser] -= taken;
        needed -= taken;
    }
    double others = 0.0;
    for (const auto& [holder, share] : shares)
        if (holder != gainer) others += share;
    if (needed > 0.0 && others > 0.0) {
        const double fraction = std::min(1.0, needed / others);
        for (auto& [holder, share] : shares)
            if (holder != gainer) share -= share * fraction;
    }
    shares[gainer] = std::min(1.0, shares[gainer] + amount);
}

}  // namespace

ShareTimeline ShareTimeline::from_events(const std::vector<Event>& events) {
    std::vector<const Event*> ordered;
    for (const Event& e : events)
        if (territorial(e)) ordered.push_back(&e);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Event* a, const Event* b) { return day_of(*a) < day_of(*b); });

    ShareTimeline timeline;
    std::map<std::string, std::map<std::string, double>> holdings;  // place -> holder -> share
    for (const Event* e : ordered) {
        auto& shares = holdings[e->location->place_id];
        if (e->event_type == "territory_taken") {
            const double target = e->magnitude.value_or(1.0);
            const double current = shares[e->actor1];
            if (target > current) transfer(shares, e->actor1, e->actor2, target - current);
        } else {
            const double left = shares[e->actor1];
            shares[e->actor1] = 0.0;
            if (!e->actor2.empty()) shares[e->actor2] = std::min(1.0, shares[e->actor2] + left);
        }
        for (const auto& [holder, share] : shares)
            timeline.changes_.push_back(
                {day_of(*e), e->location->place_id, e->location->place, holder, share, e->id, e->certainty});
    }
    return timeline;
}

double ShareTimeline::share(const std::string& place_id, const std::string& holder, const Date& day) const {
    double share = 0.0;
    for (const ShareChange& c : changes_)
        if (c.place_id == place_id && c.holder == holder && c.day <= day) share = c.share;
    return share;
}

}  // namespace frontline
