#pragma once

#include <filesystem>
#include <vector>

#include "eval/scorer.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline {

/// Runs the pipeline on every article of the given corpus folders that has a STEM.gold.json
/// (each article extracted alone, as score_events.py does) and scores it. Articles that cannot be
/// read are recorded as errors, not thrown.
/// @throws InputError when a gold file is malformed; DataError when a folder does not exist.
[[nodiscard]] CorpusScore evaluate_corpus(const Pipeline& pipeline, const std::vector<std::filesystem::path>& corpus_dirs);

}  // namespace frontline
