#include "render/detail/timeline_ticks.hpp"

#include <array>

#include "render/detail/text.hpp"

namespace frontline::render::detail {

namespace {

enum class Step { day, two_days, week, two_weeks, month, quarter, year };

/// Typical length of a step in days, to compare with the label spacing.
constexpr double step_days(Step step) {
    switch (step) {
        case Step::day: return 1.0;
        case Step::two_days: return 2.0;
        case Step::week: return 7.0;
        case Step::two_weeks: return 14.0;
        case Step::month: return 30.4;
        case Step::quarter: return 91.3;
        case Step::year: return 365.25;
    }
    return 365.25;
}

bool is_tick(Step step, const Date& day, const Date& first) {
    constexpr unsigned monday = 1;
    switch (step) {
        case Step::day: return true;
        case Step::two_days: return day.days_since(first) % 2 == 0;
        case Step::week: return day.weekday() == monday;
        // Every other Monday counted from the epoch, so the weeks do not shift when the range does.
        case Step::two_weeks: return day.weekday() == monday && (day.days().time_since_epoch().count() / 7) % 2 == 0;
        case Step::month: return day.day() == 1;
        case Step::quarter: return day.day() == 1 && (day.month() - 1) % 3 == 0;
        case Step::year: return day.day() == 1 && day.month() == 1;
    }
    return false;
}

std::string label_for(Step step, const Date& day, bool first_label) {
    switch (step) {
        case Step::day:
        case Step::two_days:
        case Step::week:
        case Step::two_weeks: return short_day(day);
        case Step::month:
        case Step::quarter:
            return day.month() == 1 || first_label ? month_abbreviation(day) + " " + std::to_string(day.year())
                                                   : month_abbreviation(day);
        case Step::year: return std::to_string(day.year());
    }
    return {};
}

}  // namespace

std::vector<TimelineTick> timeline_ticks(const TimelineAxis& axis, float min_spacing_px) {
    constexpr std::array steps{Step::day,   Step::two_days, Step::week, Step::two_weeks,
                               Step::month, Step::quarter,  Step::year};
    Step chosen = Step::year;
    for (const Step step : steps) {
        if (step_days(step) * static_cast<double>(axis.day_width()) >= static_cast<double>(min_spacing_px)) {
            chosen = step;
            break;
        }
    }
    std::vector<TimelineTick> ticks;
    const DateRange& range = axis.range();
    for (Date day = range.first(); day <= range.last(); day = day.plus_days(1)) {
        if (!is_tick(chosen, day, range.first())) continue;
        const bool major = chosen <= Step::two_weeks ? day.day() == 1 : day.month() == 1;
        ticks.push_back({day, label_for(chosen, day, ticks.empty()), major});
    }
    return ticks;
}

}  // namespace frontline::render::detail
