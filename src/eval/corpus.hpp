#pragma once

#include <filesystem>
#include <vector>

#include "control/scenario.hpp"
#include "eval/scorer.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline {

/// Runs the pipeline on every article of the given corpus folders that has a STEM.gold.json
/// (each article extracted alone, as score_events.py does) and scores it. Articles that cannot be
/// read are recorded as errors, not thrown.
/// Control rows hold after all events of the corpus up to their instant (gold-format.md): the
/// territorial events of every article read move one ControlTimeline that starts from `scenario`
/// (none: every place starts unheld), and each row's share is read from it at the row's instant.
/// @throws InputError when a gold file is malformed; DataError when a folder does not exist.
[[nodiscard]] CorpusScore evaluate_corpus(const Pipeline& pipeline, const std::vector<std::filesystem::path>& corpus_dirs,
                                          const Scenario* scenario = nullptr);

}  // namespace frontline
