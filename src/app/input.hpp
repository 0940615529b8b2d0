#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "events/event.hpp"
#include "ingest/reader.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline::app {

/// Articles read from the command line's inputs, turned into merged events, with what was
/// skipped on the way (already printed to stderr, one line each).
struct ExtractionRun {
    std::vector<Event> events;
    std::vector<Event> holdings;  ///< see Pipeline::Reading
    std::size_t articles = 0;
    std::size_t skipped = 0;
    std::optional<Date> first_day;
    std::optional<Date> last_day;
};

/// Reads every input, extracts and merges its events. Warnings and skips go to stderr.
[[nodiscard]] ExtractionRun extract_inputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                                           const IngestOptions& options);

}  // namespace frontline::app
