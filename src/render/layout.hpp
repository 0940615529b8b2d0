#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include "common/date.hpp"

namespace frontline::render {

/// An inclusive, non-empty span of days.
class DateRange {
public:
    /// @throws UsageError when `last` is before `first`.
    DateRange(Date first, Date last);

    /// The first day, included.
    [[nodiscard]] const Date& first() const noexcept { return first_; }
    /// The last day, included.
    [[nodiscard]] const Date& last() const noexcept { return last_; }
    /// Number of days in the range, both ends included (at least 1).
    [[nodiscard]] long days() const { return last_.days_since(first_) + 1; }
    /// Whether `day` lies in the range, ends included.
    [[nodiscard]] bool contains(const Date& day) const { return first_ <= day && day <= last_; }
    /// `day` moved into the range.
    [[nodiscard]] Date clamp(const Date& day) const { return day < first_ ? first_ : (last_ < day ? last_ : day); }

private:
    Date first_;
    Date last_;
};

/// Where each part of the picture goes in a window or image of a given size, in pixels. The
/// renderer draws into these rectangles and the viewer hit-tests against them, so a click lands
/// where the drawing is.
struct Layout {
    sf::FloatRect title_bar;  ///< top strip: current date, counts
    sf::FloatRect map;        ///< the map itself
    sf::FloatRect legend;     ///< right column; zero width when the viewport is too narrow for one
    sf::FloatRect timeline;   ///< bottom strip
    sf::FloatRect histogram;  ///< inside `timeline`: the bars, whose bottom edge is the time axis

    /// The layout of a `size` viewport. Sizes below 200×200 give degenerate but valid rectangles.
    [[nodiscard]] static Layout for_viewport(sf::Vector2u size);
};

/// Maps days of a `DateRange` to columns of the timeline histogram: each day owns an equal slice
/// of [left, right).
class TimelineAxis {
public:
    /// An axis spreading `range` over the pixel columns [left, right).
    /// @throws Error when `right <= left`.
    TimelineAxis(DateRange range, float left, float right);

    /// The days on the axis.
    [[nodiscard]] const DateRange& range() const noexcept { return range_; }
    /// Width of one day's slice in pixels.
    [[nodiscard]] float day_width() const noexcept { return day_width_; }
    /// Left edge of the slice of `day` (which may lie outside the range).
    [[nodiscard]] float x_left(const Date& day) const;
    /// Centre of the slice of `day`: where its bar and the playhead at that day are drawn.
    [[nodiscard]] float x_of(const Date& day) const;
    /// The day whose slice holds `x`, clamped to the range.
    [[nodiscard]] Date date_at(float x) const;

private:
    DateRange range_;
    float left_;
    float day_width_;
};

}  // namespace frontline::render
