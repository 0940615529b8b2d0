#pragma once

#include <string>
#include <vector>

#include "common/lonlat.hpp"

namespace frontline::render {

/// How a base-layer label is drawn: a country or region name is spread capitals with no marker,
/// a place is a dot with its name beside it.
enum class LabelKind { place, country };

/// A name on the base map.
struct MapLabel {
    LonLat position;
    std::string name;  ///< UTF-8
    /// Higher wins when two labels would overlap (population rank, admin level...); the scale is
    /// the caller's, only the order matters.
    int importance = 0;
    LabelKind kind = LabelKind::place;
};

/// The background map under the events, passed in by the caller (the geo module supplies it).
struct BaseLayer {
    /// Land outlines, one closed ring per country or island (first point need not be repeated at
    /// the end). Filled as land, their edges drawn as borders and coasts.
    std::vector<std::vector<LonLat>> outlines;
    std::vector<MapLabel> labels;
};

}  // namespace frontline::render
