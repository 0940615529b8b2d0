#include "events/event.hpp"

#include "common/error.hpp"
#include "events/taxonomy.hpp"

namespace frontline {

const char* to_string(Certainty c) noexcept {
    switch (c) {
        case Certainty::confirmed: return "confirmed";
        case Certainty::reported: return "reported";
        case Certainty::claimed: return "claimed";
        case Certainty::hypothetical: return "hypothetical";
        case Certainty::negated: return "negated";
    }
    return "confirmed";
}

Certainty certainty_from_string(const std::string& name) {
    for (const Certainty c : {Certainty::confirmed, Certainty::reported, Certainty::claimed, Certainty::hypothetical,
                              Certainty::negated})
        if (name == to_string(c)) return c;
    throw Error("unknown certainty '" + name + "' (confirmed, reported, claimed, hypothetical, negated)");
}

const char* to_string(Tier t) noexcept { return t == Tier::statement ? "statement" : "physical"; }

Tier Event::tier() const {
    const EventTypeInfo* info = find_event_type(event_type);
    return info ? info->tier : Tier::physical;
}

}  // namespace frontline
