#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "events/event.hpp"

namespace frontline::detail {

/// One CSV field per RFC 4180: quoted, with quotes doubled, when it holds a comma, quote or line break.
[[nodiscard]] std::string csv_field(std::string_view value);

/// Writes a header and one CRLF-terminated record per event: ACLED's columns (event_id_cnty ...
/// fatalities) first, then Frontline's. Missing values are empty fields.
void write_acled_csv(const std::vector<Event>& events, std::ostream& out);

}  // namespace frontline::detail
