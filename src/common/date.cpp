#include "common/date.hpp"

#include <charconv>
#include <cstdio>

#include "common/error.hpp"

namespace frontline {

namespace {
std::chrono::year_month_day to_ymd(std::chrono::sys_days d) { return std::chrono::year_month_day{d}; }
}  // namespace

Date::Date(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok() || year < 1 || year > 9999)
        throw Error("not a calendar date: " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                    std::to_string(day));
    days_ = std::chrono::sys_days{ymd};
}

Date::Date(std::chrono::sys_days days) : days_(days) {}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto parse = [&](std::size_t at, std::size_t len, auto& out) {
        const char* first = text.data() + at;
        const auto [ptr, ec] = std::from_chars(first, first + len, out);
        return ec == std::errc{} && ptr == first + len;
    };
    if (!parse(0, 4, y) || !parse(5, 2, m) || !parse(8, 2, d)) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok() || y < 1) return std::nullopt;
    return Date(std::chrono::sys_days{ymd});
}

std::string Date::iso() const {
    // Digits written by hand: every event's dates and id go through here, and snprintf's format
    // parsing was 3 % of extraction.
    const std::chrono::year_month_day ymd = to_ymd(days_);
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) {  // only reachable by adding days past the calendar's ends
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        return buf;
    }
    const auto y = static_cast<unsigned>(year);
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
    return {digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10), digit(m), '-', digit(d / 10), digit(d)};
}

int Date::year() const { return static_cast<int>(to_ymd(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(to_ymd(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(to_ymd(days_).day()); }
unsigned Date::weekday() const { return std::chrono::weekday{days_}.c_encoding(); }
Date Date::plus_days(long n) const { return Date(days_ + std::chrono::days{n}); }
long Date::days_since(const Date& other) const { return (days_ - other.days_).count(); }

}  // namespace frontline
