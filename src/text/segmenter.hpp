#pragma once

#include <vector>

#include "ingest/article.hpp"
#include "text/sentence.hpp"

namespace frontline {

/// Splits every paragraph of an article into sentences (ICU sentence rules with the English
/// abbreviation suppressions, plus news abbreviations such as "U.S.", "Oct." and "Gen.") and
/// tokenizes each. Boilerplate paragraphs are segmented too: provenance needs them, and the
/// extractor decides what to skip.
[[nodiscard]] std::vector<Sentence> segment(const Article& article);

}  // namespace frontline
