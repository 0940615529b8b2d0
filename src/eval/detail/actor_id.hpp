#pragma once

#include <string>
#include <string_view>

namespace frontline::eval::detail {

/// The comparison form of an actor id or surface text, as `norm_actor` in score_events.py:
/// upper case, every run of characters that are neither letters nor digits becomes one `_`,
/// none at either end ("Iraqi army" and "IRAQI-ARMY " both give `IRAQI_ARMY`). Empty when
/// nothing is left, which the scorer reads as "no actor". Invalid UTF-8 bytes count as separators.
[[nodiscard]] std::string normalize_actor_id(std::string_view utf8);

}  // namespace frontline::eval::detail
