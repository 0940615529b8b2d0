#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "events/event.hpp"

namespace frontline {

/// One polygon of an initial control layer, checked and repaired: `wkb` is a valid lon/lat
/// (Multi)Polygon as ISO WKB.
struct ControlFeature {
    std::string file;        ///< where it was read
    std::string feature_id;  ///< its `id` field, else its feature number
    std::string holder;
    Date valid_from;  ///< no default: a control polygon always says from when it holds
    Certainty certainty = Certainty::confirmed;
    std::string wkb;  ///< ISO WKB bytes
};

/// A polygon that gives a place its area: a town's outline (`kind` town-outline, the place is its
/// `parent`) or a district or quarter (the place is its own `id`).
struct PlaceOutline {
    std::string file;
    std::string place_id;
    std::string name;
    std::string kind;
    std::string wkb;  ///< ISO WKB bytes, lon/lat
};

/// Reads every polygon feature of a GeoJSON or GeoPackage control layer through GDAL: the layer
/// named `control` when there is one (as `frontline export` writes), else every layer. Each feature needs `holder` (one of `known_holders`) and `valid_from` (ISO 8601 date);
/// `certainty` is optional (confirmed when absent). A self-intersecting or otherwise invalid
/// polygon is repaired with GEOSMakeValid and a warning naming the feature is appended to
/// `warnings`.
/// @throws InputError naming the file and feature for a missing or unknown holder, a missing or
///         malformed valid_from, an unknown certainty, or a geometry that is not a polygon;
///         naming the file when GDAL cannot open it.
[[nodiscard]] std::vector<ControlFeature> read_control_layer(const std::filesystem::path& file,
                                                             const std::set<std::string>& known_holders,
                                                             std::vector<std::string>& warnings);

/// Reads the outline and district polygons of a GeoJSON file (geodata/curated/*.geojson);
/// features of other kinds are passed over.
/// @throws DataError naming the file or feature when it cannot be read.
[[nodiscard]] std::vector<PlaceOutline> read_place_outlines(const std::filesystem::path& file);

/// Every outline of the files in `geodata/curated/` under `data_root()`.
/// @throws DataError as read_place_outlines.
[[nodiscard]] std::vector<PlaceOutline> curated_place_outlines();

/// A starting point for the control timeline (`geodata/scenarios/NAME/scenario.json`): who held
/// what on a date, the outlines of its places, and the ground no holder may ever hold.
struct Scenario {
    std::string name;
    std::filesystem::path folder;
    std::set<std::string> holders;           ///< the actor ids its control layer may name
    std::vector<ControlFeature> control;     ///< the initial control layer
    std::vector<PlaceOutline> outlines;      ///< town outlines and districts it relies on
    std::vector<std::string> outside;        ///< ISO WKB lon/lat polygons that belong to no holder
    std::vector<std::string> warnings;       ///< repairs made while reading (one line each)
};

/// Loads a scenario from a folder, or by name from `geodata/scenarios/NAME` under `data_root()`.
/// `outside` entries name a Natural Earth country (`country`, read from `countries`) minus an
/// optional finer correction (`except`, a GeoJSON file of polygons that are not that country).
/// @throws UsageError when no scenario of that name exists (listing those that do).
/// @throws DataError naming the file when scenario.json is malformed; InputError as
///         read_control_layer for its control layer.
[[nodiscard]] Scenario load_scenario(const std::string& name_or_folder);

}  // namespace frontline
