#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <thread>

#include "app/commands.hpp"
#include "app/export.hpp"
#include "app/exit_codes.hpp"
#include "common/error.hpp"

namespace {

using namespace frontline;
using namespace frontline::app;

std::optional<Date> parse_date_option(const std::string& text, const char* option) {
    if (text.empty()) return std::nullopt;
    const auto date = Date::parse_iso(text);
    if (!date) throw UsageError(std::string(option) + " takes a date as YYYY-MM-DD, not '" + text + "'");
    return date;
}

/// The ingest flags every reading subcommand takes, as typed; `apply` checks and converts them.
struct IngestFlags {
    std::string published;
    double max_article_mb = 10.0;

    void add_to(CLI::App& command) {
        command.add_option("--published", published, "Publication date for every article (YYYY-MM-DD)");
        command.add_option("--max-article-mb", max_article_mb, "Skip articles larger than this many MB")->check(CLI::PositiveNumber);
    }
    /// @throws UsageError for a date that is not YYYY-MM-DD.
    void apply(IngestOptions& options) const {
        options.published_override = parse_date_option(published, "--published");
        options.max_article_bytes = static_cast<std::size_t>(max_article_mb * 1024.0 * 1024.0);
    }
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Frontline: news articles about a war, coded as events and drawn as a living map."};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", "frontline 0.1.0");
    cli.footer("Exit codes: 0 ok; 1 some inputs skipped (output written); 2 usage or fatal error (nothing written);\n"
               "3 eval scores below the given thresholds.");

    ExtractOptions extract;
    IngestFlags extract_flags;
    auto* extract_cmd = cli.add_subcommand("extract", "Extract events from articles (.txt + .meta.json, .json, .ndjson, .html, folders, - for NDJSON on stdin)");
    extract_cmd->add_option("inputs", extract.inputs, "Articles, folders or -")->required();
    extract_cmd->add_option("-o,--output", extract.output,
                            "Output: - (GeoJSONSeq on stdout, article by article), a store that upserts by event id "
                            "(.gpkg, or PG:\"dbname=... host=...\"), or a file: .geojson, .geojsonl/.geojsons, .csv")
        ->required();
    extract.jobs = std::max(1u, std::thread::hardware_concurrency());
    extract_cmd->add_option("-j,--jobs", extract.jobs, "Threads extracting (default: all cores); the output is the same for any number")
        ->check(CLI::PositiveNumber);
    extract_cmd->add_option("--commit-every", extract.commit_every, "Articles per store transaction (.gpkg, PG:)")
        ->check(CLI::PositiveNumber);
    extract_flags.add_to(*extract_cmd);
    extract_cmd->add_flag("--trace", extract.trace, "Show on stderr what the extractor saw in every sentence");

    EvalOptions eval;
    auto* eval_cmd = cli.add_subcommand("eval", "Score extraction against gold annotations (gold-format.md)");
    eval_cmd->add_option("--corpus", eval.corpora, "Corpus folder with STEM.txt, STEM.meta.json, STEM.gold.json")->required();
    eval_cmd->add_flag("--json", eval.json, "Print the scores as JSON");
    eval_cmd->add_flag("--details", eval.details, "List missed, unmatched and forbidden events per article");
    eval_cmd->add_option("--min-physical-f1", eval.min_physical_f1, "Exit 3 when physical F1 is lower");
    eval_cmd->add_option("--min-statement-f1", eval.min_statement_f1, "Exit 3 when statement F1 is lower");
    eval_cmd->add_option("--max-forbidden", eval.max_forbidden, "Exit 3 when there are more forbidden events");
    eval_cmd->add_option("--max-median-km", eval.max_median_km, "Exit 3 when the median geocoding error of matched physical events is larger");
    eval_cmd->add_option("--min-date-accuracy", eval.min_date_accuracy,
                         "Exit 3 when a smaller share of matched physical events is dated within tolerance");
    eval_cmd->add_option("--scenario", eval.scenario,
                         "Control rows start from this scenario (geodata/scenarios/NAME or a folder); default: places start unheld");

    GeocodeOptions geocode;
    auto* geocode_cmd = cli.add_subcommand("geocode", "List the ranked readings of a place name");
    geocode_cmd->add_option("name", geocode.name, "Place name in any spelling")->required();
    geocode_cmd->add_option("--context", geocode.context, "Text whose places and countries break ties");
    geocode_cmd->add_option("--limit", geocode.limit, "How many candidates to list");

    GeoparseOptions geoparse;
    auto* geoparse_cmd = cli.add_subcommand("geoparse", "Find and resolve the place names of JSONL articles ({id, text, toponyms?})");
    geoparse_cmd->add_option("input", geoparse.input, "JSONL file, one article per line")->required();
    geoparse_cmd->add_option("-o,--output", geoparse.output, "JSONL file: {id, places: [{start, end, phrase, geonameid, lat, lon, geo_precision}]}")
        ->required();
    geoparse_cmd->add_option("--spans", geoparse.spans, "'given': resolve the input's toponyms; 'find' (default): find them too");

    ExportOptions export_options;
    IngestFlags export_flags;
    auto* export_cmd = cli.add_subcommand("export", "Export events, control areas and front lines to GIS layers");
    export_cmd->add_option("inputs", export_options.inputs, "Articles, folders or -")->required();
    export_cmd->add_option("--scenario", export_options.scenario, "Initial control layer: geodata/scenarios/NAME or a folder");
    export_cmd->add_option("--layers", export_options.layers, "Comma-separated: events, control, frontlines (default: all)");
    export_cmd->add_option("-o,--output", export_options.output, "A folder (one RFC 7946 GeoJSON per layer) or a .gpkg")->required();
    export_cmd->add_option("--at", export_options.at, "Only the control state at this instant (YYYY-MM-DD); default: every state");
    export_flags.add_to(*export_cmd);

    RenderOptions render;
    IngestFlags render_flags;
    auto* render_cmd = cli.add_subcommand("render", "Draw the map at one instant off-screen to a PNG");
    render_cmd->add_option("inputs", render.inputs, "Articles, folders or -")->required();
    render_cmd->add_option("-o,--output", render.output, "PNG file");
    render_cmd->add_option("--at", render.at, "The instant (YYYY-MM-DD); default: the last day with events");
    render_cmd->add_option("--size", render.size, "Image size WxH");
    render_cmd->add_option("--layers", render.layers_dir, "Also write the GeoJSON layers into this folder");
    render_cmd->add_option("--scenario", render.scenario, "Draw control areas from geodata/scenarios/NAME or a folder");
    render_cmd->add_option("--frames", render.frames_dir, "Also (or instead of -o) write one PNG per timeline step into this folder, "
                                                          "and timeline.gif / timeline.mp4 when ImageMagick / ffmpeg is installed");
    render_cmd->add_option("--step", render.step, "Time between frames: Nd days or Nw weeks (default 1d)");
    render_cmd->add_option("--bbox", render.bbox, "Frame lon0,lat0,lon1,lat1 (degrees) instead of fitting the events");
    render_flags.add_to(*render_cmd);

    RenderOptions view;
    IngestFlags view_flags;
    auto* view_cmd = cli.add_subcommand("view", "Open the map viewer with its timeline");
    view_cmd->add_option("inputs", view.inputs, "Articles, folders or -")->required();
    view_cmd->add_option("--at", view.at, "Start at this instant (YYYY-MM-DD)");
    view_cmd->add_option("--scenario", view.scenario, "Draw control areas from geodata/scenarios/NAME or a folder");
    view_cmd->add_option("--bbox", view.bbox, "Start framed on lon0,lat0,lon1,lat1 (degrees) instead of the events");
    view_flags.add_to(*view_cmd);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? exit_ok : exit_failure;
    }

    try {
        if (*extract_cmd) {
            extract_flags.apply(extract.ingest);
            return run_extract(extract);
        }
        if (*eval_cmd) return run_eval(eval);
        if (*export_cmd) {
            export_flags.apply(export_options.ingest);
            return run_export(export_options);
        }
        if (*geocode_cmd) return run_geocode(geocode);
        if (*geoparse_cmd) return run_geoparse(geoparse);
        if (*render_cmd) {
            render_flags.apply(render.ingest);
            return run_render(render);
        }
        if (*view_cmd) {
            view_flags.apply(view.ingest);
            return run_view(view);
        }
    } catch (const Error& e) {
        std::cerr << "frontline: error: " << e.what() << '\n';
        return exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "frontline: internal error: " << e.what() << '\n';
        return exit_failure;
    }
    return exit_failure;
}
