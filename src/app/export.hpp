#pragma once

#include <string>
#include <vector>

#include "ingest/reader.hpp"

namespace frontline::app {

struct ExportOptions {
    std::vector<std::string> inputs;
    IngestOptions ingest;
    std::string scenario;  ///< a name under geodata/scenarios/ or a folder; empty: places start unheld
    std::string layers = "events,control,frontlines";
    std::string output;    ///< a folder (GeoJSON per layer) or a .gpkg
    std::string at;        ///< YYYY-MM-DD; empty: every state
};

/// `frontline export`: articles in, as `frontline extract` reads them; the events, control areas
/// and front lines out, as a folder of RFC 7946 GeoJSON files or one GeoPackage.
[[nodiscard]] int run_export(const ExportOptions& options);

}  // namespace frontline::app
