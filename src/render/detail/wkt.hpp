#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/lonlat.hpp"

namespace frontline::render::detail {

/// The parts of a WKT geometry the map draws: points get a glyph, lines and polygon rings a
/// stroke. Polygons are only outlined, so their rings are kept as lines.
struct WktShape {
    std::vector<LonLat> points;
    std::vector<std::vector<LonLat>> lines;

    [[nodiscard]] bool empty() const noexcept { return points.empty() && lines.empty(); }
};

/// Reads the WKT that `Location::wkt` holds: POINT, MULTIPOINT (with or without inner
/// parentheses), LINESTRING, MULTILINESTRING, POLYGON, MULTIPOLYGON and GEOMETRYCOLLECTION of
/// those, EMPTY, with Z/M ordinates ignored. Nothing when the text is not such WKT or holds a
/// coordinate outside ±180/±90.
[[nodiscard]] std::optional<WktShape> parse_wkt(std::string_view text);

}  // namespace frontline::render::detail
