#include "events/taxonomy.hpp"

#include <array>
#include <string>

#include "common/error.hpp"

namespace frontline {

namespace {

constexpr std::string_view remote = "Explosions/Remote violence";
constexpr std::string_view strategic = "Strategic developments";
constexpr std::string_view vac = "Violence against civilians";

constexpr std::array<EventTypeInfo, 20> table = {{
    {"airstrike", Tier::physical, remote, "Air/drone strike", "ASSAULT", "aerial"},
    {"shelling", Tier::physical, remote, "Shelling/artillery/missile attack", "ASSAULT", "explosives"},
    {"bombing", Tier::physical, remote, "Remote explosive/landmine/IED", "ASSAULT", "explosives"},
    {"armed_clash", Tier::physical, "Battles", "Armed clash", "ASSAULT", "firearms"},
    {"territory_taken", Tier::physical, "Battles", "Non-state actor overtakes territory", "ASSAULT", "occupy"},
    {"advance", Tier::physical, "Battles", "Armed clash", "MOBILIZE", "troops"},
    {"retreat", Tier::physical, strategic, "Non-violent transfer of territory", "RETREAT", "military"},
    {"deployment", Tier::physical, strategic, "Change to group/activity", "MOBILIZE", "troops"},
    {"aid", Tier::physical, strategic, "Other", "AID", "military"},
    {"attack_on_civilians", Tier::physical, vac, "Attack", "ASSAULT", "firearms"},
    {"abduction", Tier::physical, vac, "Abduction/forced disappearance", "ASSAULT", "abduction"},
    {"arrest", Tier::physical, strategic, "Arrests", "COERCE", "arrest"},
    {"protest", Tier::physical, "Protests", "Peaceful protest", "PROTEST", "demonstrate"},
    {"riot", Tier::physical, "Riots", "Violent demonstration", "PROTEST", "riot"},
    {"displacement", Tier::physical, strategic, "Other", "", ""},
    {"appeal", Tier::statement, "", "", "REQUEST", ""},
    {"accusation", Tier::statement, "", "", "ACCUSE", ""},
    {"warning", Tier::statement, "", "", "THREATEN", "warning"},
    {"rejection", Tier::statement, "", "", "REJECT", ""},
    {"consultation", Tier::statement, "", "", "CONSULT", ""},
}};

}  // namespace

std::span<const EventTypeInfo> event_types() noexcept { return table; }

const EventTypeInfo* find_event_type(std::string_view name) noexcept {
    for (const auto& row : table)
        if (row.name == name) return &row;
    return nullptr;
}

void apply_taxonomy(Event& event, bool actor1_is_state) {
    const EventTypeInfo* info = find_event_type(event.event_type);
    if (!info) throw Error("event type '" + event.event_type + "' is not in the taxonomy");
    event.acled_event_type = info->acled_event_type;
    event.acled_sub_event_type = info->acled_sub_event_type;
    event.plover_event = info->plover_event;
    event.plover_mode = info->plover_mode;
    if (event.event_type == "territory_taken" && actor1_is_state)
        event.acled_sub_event_type = "Government regains territory";
}

}  // namespace frontline
