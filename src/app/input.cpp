#include "app/input.hpp"

#include <iostream>

#include "app/stdin_stream.hpp"

namespace frontline::app {

ExtractionRun extract_inputs(const Pipeline& pipeline, const std::vector<std::string>& inputs, const IngestOptions& options) {
    ExtractionRun run;
    std::vector<Event> events;
    IngestReport report;
    StdinStream standard_input;
    for (const std::string& input : inputs) {
        read_articles(
            input, options,
            [&](Article&& article) {
                ++run.articles;
                Pipeline::Reading found = pipeline.read(article);
                events.insert(events.end(), std::make_move_iterator(found.events.begin()), std::make_move_iterator(found.events.end()));
                run.holdings.insert(run.holdings.end(), std::make_move_iterator(found.holdings.begin()),
                                    std::make_move_iterator(found.holdings.end()));
            },
            report, standard_input);
    }
    for (const std::string& warning : report.warnings) std::cerr << "frontline: warning: " << warning << '\n';
    for (const std::string& skipped : report.skipped) std::cerr << "frontline: skipped: " << skipped << '\n';
    run.skipped = report.skipped.size();
    run.events = merge_across_articles(std::move(events));
    for (const Event& e : run.events) {
        if (!e.date_start) continue;
        if (!run.first_day || *e.date_start < *run.first_day) run.first_day = e.date_start;
        const Date end = e.date_end.value_or(*e.date_start);
        if (!run.last_day || *run.last_day < end) run.last_day = end;
    }
    return run;
}

}  // namespace frontline::app
