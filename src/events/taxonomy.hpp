#pragma once

#include <span>
#include <string_view>

#include "events/event.hpp"

namespace frontline {

/// One row of taxonomy.md: a Frontline event type with its ACLED and PLOVER codes.
struct EventTypeInfo {
    std::string_view name;
    Tier tier;
    std::string_view acled_event_type;
    std::string_view acled_sub_event_type;
    std::string_view plover_event;
    std::string_view plover_mode;
};

/// Every event type Frontline codes, physical first, in taxonomy.md's order.
[[nodiscard]] std::span<const EventTypeInfo> event_types() noexcept;

/// The row for `name`, or nullptr for a name outside the taxonomy.
[[nodiscard]] const EventTypeInfo* find_event_type(std::string_view name) noexcept;

/// Fills the ACLED and PLOVER fields of `event` from its event_type. ACLED splits
/// `territory_taken` by who takes it: a state regains territory, a non-state actor overtakes it.
/// @throws Error for an event_type outside the taxonomy (a programming error upstream).
void apply_taxonomy(Event& event, bool actor1_is_state);

}  // namespace frontline
