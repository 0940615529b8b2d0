#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "common/date.hpp"
#include "text/sentence.hpp"

namespace frontline {

/// A time expression of a sentence resolved to a date range.
struct TimeExpression {
    std::size_t first_token = 0;
    std::size_t last_token = 0;
    Date start;
    Date end;
    int precision = 1;  ///< 1 day, 2 week, 3 month
};

/// Finds the time expressions of a sentence ("on Thursday", "as of Wednesday", "late on Sunday",
/// "overnight", "yesterday", "last week", "Oct. 8", "19 January", "on Monday and Tuesday",
/// "earlier in January", "since mid-September") and resolves them against the publication date.
/// Weekdays and dates without a year point to the most recent such day on or before publication
/// Without a publication date nothing is resolved.
[[nodiscard]] std::vector<TimeExpression> find_time_expressions(const std::vector<Token>& tokens,
                                                                const std::optional<Date>& published);

}  // namespace frontline
