#pragma once

#include <string>
#include <vector>

#include "render/layout.hpp"

namespace frontline::render::detail {

/// A labelled day on the time axis; `major` ticks (month or year starts) are drawn taller.
struct TimelineTick {
    Date day;
    std::string label;
    bool major = false;
};

/// Ticks for `axis` at the finest calendar step (day, 2 days, week, 2 weeks, month, quarter,
/// year) that keeps labels at least `min_spacing_px` apart.
[[nodiscard]] std::vector<TimelineTick> timeline_ticks(const TimelineAxis& axis, float min_spacing_px);

}  // namespace frontline::render::detail
