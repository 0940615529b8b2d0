#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "common/lonlat.hpp"

namespace frontline {

/// Appends `value` as printf's "%.*f" writes it in the C locale (std::to_chars promises the
/// same digits), without printf's format parsing and locale look-ups: every candidate place and
/// every written coordinate goes through here (profiled: snprintf was 4 % of extraction).
inline void append_fixed(std::string& out, double value, int decimals) {
    char text[400];  // the longest double printed in full: 309 digits before the point
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, decimals);
    if (ec == std::errc{}) out.append(text, end);
}

/// "POINT (lon lat)" with six decimals, the WKT Frontline writes for a place.
[[nodiscard]] inline std::string point_wkt(const LonLat& p) {
    std::string wkt = "POINT (";
    append_fixed(wkt, p.lon(), 6);
    wkt += ' ';
    append_fixed(wkt, p.lat(), 6);
    wkt += ')';
    return wkt;
}

/// The x and y of a "POINT (x y)" as point_wkt writes it (not checked as a position), or nothing
/// for any other WKT: the GeoJSON writer reads most events' geometry back through here rather
/// than through OGR's WKT parser and geometry objects (profiled: 2 % of extraction).
[[nodiscard]] inline std::optional<std::pair<double, double>> read_point_wkt(std::string_view wkt) {
    constexpr std::string_view prefix = "POINT (";
    if (!wkt.starts_with(prefix) || !wkt.ends_with(')')) return std::nullopt;
    const char* const end = wkt.data() + wkt.size() - 1;
    double x = 0.0, y = 0.0;
    const auto [after_x, x_error] = std::from_chars(wkt.data() + prefix.size(), end, x);
    if (x_error != std::errc{} || after_x == end || *after_x != ' ') return std::nullopt;
    const auto [after_y, y_error] = std::from_chars(after_x + 1, end, y);
    if (y_error != std::errc{} || after_y != end) return std::nullopt;
    return std::pair(x, y);
}

}  // namespace frontline
