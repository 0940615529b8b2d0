#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/reader.hpp"

namespace frontline::app {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string output;
    IngestOptions ingest;
    bool trace = false;
    std::size_t jobs = 1;               ///< threads extracting; the output is the same for any number
    std::size_t commit_every = 1000;    ///< articles per store transaction (.gpkg, PG:)
};

struct EvalOptions {
    std::vector<std::string> corpora;
    bool json = false;
    bool details = false;
    std::optional<double> min_physical_f1;
    std::optional<double> min_statement_f1;
    std::optional<std::size_t> max_forbidden;
    std::optional<double> max_median_km;
    std::optional<double> min_date_accuracy;
    std::string scenario;  ///< control rows start from this scenario; empty: places start unheld
};

struct GeocodeOptions {
    std::string name;
    std::string context;
    std::size_t limit = 10;
};

struct GeoparseOptions {
    std::string input;
    std::string output;
    std::string spans = "find";  ///< "given": resolve the input's toponyms; "find": find them too
};

struct RenderOptions {
    std::vector<std::string> inputs;
    IngestOptions ingest;
    std::string output;
    std::string at;      ///< ISO date; empty = the last day with events
    std::string size = "1600x900";
    std::string layers_dir;  ///< also write GeoJSON layers here (empty: no)
    std::string scenario;    ///< control layer from geodata/scenarios/NAME or a folder (empty: none)
    std::string bbox;        ///< "lon0,lat0,lon1,lat1" to frame; empty: fit to the events
    std::string frames_dir;  ///< render: one PNG per timeline step into this folder (empty: none)
    std::string step = "1d"; ///< render --frames: "Nd" days or "Nw" weeks between frames
};

/// `frontline extract`: articles in, events out: GeoJSONSeq on stdout as they come (`-o -`),
/// upserted into a store (.gpkg, PG:) in batches, or one file (GeoJSON, GeoJSONSeq, CSV).
[[nodiscard]] int run_extract(const ExtractOptions& options);
/// `frontline eval`: scores extraction against the gold files of corpus folders.
[[nodiscard]] int run_eval(const EvalOptions& options);
/// `frontline geocode`: ranked readings of a place name, each with its reason.
[[nodiscard]] int run_geocode(const GeocodeOptions& options);
/// `frontline geoparse`: place names of JSONL articles, found or given, resolved (src/app/geoparse.cpp).
[[nodiscard]] int run_geoparse(const GeoparseOptions& options);
/// `frontline render`: the map at one instant, off-screen, to PNG.
[[nodiscard]] int run_render(const RenderOptions& options);
/// `frontline view`: the interactive viewer.
[[nodiscard]] int run_view(const RenderOptions& options);

}  // namespace frontline::app
