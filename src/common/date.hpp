#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace frontline {

/// A civil calendar day (proleptic Gregorian), the unit of event dates. Always valid.
class Date {
public:
    /// @throws Error when year/month/day do not name a real day.
    Date(int year, unsigned month, unsigned day);
    explicit Date(std::chrono::sys_days days);

    /// Parses `YYYY-MM-DD`, also the date part of an ISO 8601 timestamp (`2014-10-09T12:00:00Z`).
    [[nodiscard]] static std::optional<Date> parse_iso(std::string_view text);

    [[nodiscard]] std::string iso() const;
    [[nodiscard]] int year() const;
    [[nodiscard]] unsigned month() const;
    [[nodiscard]] unsigned day() const;
    /// 0 = Sunday ... 6 = Saturday.
    [[nodiscard]] unsigned weekday() const;
    [[nodiscard]] std::chrono::sys_days days() const { return days_; }
    [[nodiscard]] Date plus_days(long n) const;
    /// Days from `other` to this date (positive when this date is later).
    [[nodiscard]] long days_since(const Date& other) const;

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    std::chrono::sys_days days_;
};

}  // namespace frontline
