#pragma once

#include "extract/event_mention.hpp"
#include "extract/lexicon.hpp"
#include "ingest/article.hpp"

namespace frontline {

/// Reads an article the way an analyst codes it for ACLED: every sentence that reports an event
/// becomes an EventMention with its type, actors (active and passive voice), place phrases, date,
/// certainty, source, magnitude and fatalities. Hypothetical and negated clauses never yield
/// physical events; boilerplate paragraphs yield nothing. Places stay unresolved phrases: the
/// geocoder resolves them with the whole article as context.
class Extractor {
public:
    explicit Extractor(const Lexicon& lexicon) : lexicon_(lexicon) {}

    [[nodiscard]] ArticleReading read(const Article& article) const;

    /// Writes, per sentence, the actors, places, times, clauses and triggers the extractor saw to
    /// `out` (`frontline extract --trace`): why a sentence was or was not coded. Null: no trace.
    void set_trace(std::ostream* out) { trace_ = out; }

private:
    const Lexicon& lexicon_;
    std::ostream* trace_ = nullptr;
};

}  // namespace frontline
