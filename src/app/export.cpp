#include "app/export.hpp"

#include <iostream>
#include <optional>

#include "app/exit_codes.hpp"
#include "app/input.hpp"
#include "common/assets.hpp"
#include "common/error.hpp"
#include "control/control_timeline.hpp"
#include "control/scenario.hpp"
#include "io/control_writer.hpp"

namespace frontline::app {

int run_export(const ExportOptions& options) {
    // Everything the command line can get wrong fails before the articles are read.
    ExportRequest request{parse_export_layers(options.layers), std::nullopt, options.output};
    if (!options.at.empty()) {
        request.at = Date::parse_iso(options.at);
        if (!request.at) throw UsageError("--at takes a date as YYYY-MM-DD, not '" + options.at + "'");
    }
    std::optional<Scenario> scenario;
    if (!options.scenario.empty()) {
        scenario = load_scenario(options.scenario);
        for (const std::string& warning : scenario->warnings) std::cerr << "frontline: warning: " << warning << '\n';
    }

    const Pipeline pipeline(data_root());
    const ExtractionRun run = extract_inputs(pipeline, options.inputs, options.ingest);
    if (run.articles == 0) throw InputError("no article could be read from the given inputs; nothing written");
    const ControlTimeline timeline = ControlTimeline::build(
        ControlInputs::from(scenario ? &*scenario : nullptr, gazetteer_lookup(pipeline.gazetteer())), run.events, run.holdings);
    write_export(request, run.events, timeline);
    std::cerr << "frontline: " << run.events.size() << " events and " << timeline.states().size() << " control states from "
              << run.articles << " articles written to " << options.output << '\n';
    return run.skipped > 0 ? exit_inputs_skipped : exit_ok;
}

}  // namespace frontline::app
