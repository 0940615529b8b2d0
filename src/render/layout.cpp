#include "render/layout.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"

namespace frontline::render {

namespace {
constexpr float title_height = 46.0F;
constexpr float timeline_height = 104.0F;
constexpr float legend_width = 228.0F;
/// Below this width a legend column would squeeze the map to nothing; the map gets it all.
constexpr float min_width_for_legend = 720.0F;
constexpr float histogram_margin_x = 18.0F;
/// Room above the bars for the histogram key and the viewer's playback status.
constexpr float histogram_top_pad = 24.0F;
/// Room under the axis for the tick labels.
constexpr float histogram_bottom_pad = 30.0F;
}  // namespace

Layout Layout::for_viewport(sf::Vector2u size) {
    const auto width = static_cast<float>(size.x);
    const auto height = static_cast<float>(size.y);
    const float title_h = std::min(title_height, height / 4.0F);
    const float timeline_h = std::min(timeline_height, height / 3.0F);
    const float legend_w = width >= min_width_for_legend ? legend_width : 0.0F;
    const float middle_h = std::max(0.0F, height - title_h - timeline_h);

    Layout layout;
    layout.title_bar = {0.0F, 0.0F, width, title_h};
    layout.map = {0.0F, title_h, std::max(0.0F, width - legend_w), middle_h};
    layout.legend = {width - legend_w, title_h, legend_w, middle_h};
    layout.timeline = {0.0F, title_h + middle_h, width, timeline_h};
    const float bars_h = std::max(1.0F, timeline_h - histogram_top_pad - histogram_bottom_pad);
    const float bars_w = std::max(1.0F, width - 2.0F * histogram_margin_x);
    layout.histogram = {histogram_margin_x, layout.timeline.top + histogram_top_pad, bars_w, bars_h};
    return layout;
}

DateRange::DateRange(Date first, Date last) : first_(first), last_(last) {
    if (last_ < first_)
        throw UsageError("date range ends (" + last_.iso() + ") before it starts (" + first_.iso() + ")");
}

TimelineAxis::TimelineAxis(DateRange range, float left, float right)
    : range_(range), left_(left), day_width_((right - left) / static_cast<float>(range.days())) {
    if (!(right > left)) throw Error("timeline axis needs right > left");
}

float TimelineAxis::x_left(const Date& day) const {
    return left_ + day_width_ * static_cast<float>(day.days_since(range_.first()));
}

float TimelineAxis::x_of(const Date& day) const { return x_left(day) + day_width_ / 2.0F; }

Date TimelineAxis::date_at(float x) const {
    const auto offset = static_cast<long>(std::floor((x - left_) / day_width_));
    return range_.first().plus_days(std::clamp(offset, 0L, range_.days() - 1));
}

}  // namespace frontline::render
