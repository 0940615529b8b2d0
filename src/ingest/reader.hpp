#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "ingest/article.hpp"

namespace frontline {

struct IngestOptions {
    /// Replaces every article's publication date (`--published`).
    std::optional<Date> published_override;
    /// Articles larger than this are skipped with a message.
    std::size_t max_article_bytes = 10u * 1024u * 1024u;
};

/// What reading left to tell the user: each entry is one line that names the file and the place
/// in it (`file:line:column: ...` or `file: byte N: ...`).
struct IngestReport {
    std::vector<std::string> warnings;  ///< read anyway (repaired UTF-8, missing sidecar fields, ...)
    std::vector<std::string> skipped;   ///< inputs or articles that were not read at all
    std::size_t articles_read = 0;
};

using ArticleHandler = std::function<void(Article&&)>;

/// Reads every article of one input and hands each to `handler` as soon as it is parsed, so that
/// NDJSON streams are processed in bounded memory. `input` is a file (.txt with an optional
/// STEM.meta.json sidecar, .json, .ndjson/.jsonl, .html/.htm), a folder (read recursively, in
/// sorted order) or "-" (NDJSON on `stdin_stream`). A STEM.meta.json or STEM.gold.json sidecar named
/// on its own is passed over: it is read with the article it describes. Problems go to `report`; nothing throws for
/// bad input.
void read_articles(const std::string& input, const IngestOptions& options, const ArticleHandler& handler,
                   IngestReport& report, std::istream& stdin_stream);

}  // namespace frontline
