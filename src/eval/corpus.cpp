#include "eval/corpus.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include "common/error.hpp"
#include "control/control_timeline.hpp"
#include "eval/gold.hpp"
#include "ingest/reader.hpp"

namespace frontline {

CorpusScore evaluate_corpus(const Pipeline& pipeline, const std::vector<std::filesystem::path>& corpus_dirs, const Scenario* scenario) {
    CorpusScore score;
    const ControlInputs control_inputs = ControlInputs::from(scenario, gazetteer_lookup(pipeline.gazetteer()));
    std::vector<Event> corpus_events;
    std::vector<Event> corpus_holdings;
    std::vector<std::pair<std::string, ControlExpectation>> control_rows;
    for (const std::filesystem::path& dir : corpus_dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) throw DataError(SourceLocation(dir.string()), "not a corpus folder");
        std::vector<std::filesystem::path> golds;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().string().ends_with(".gold.json")) golds.push_back(entry.path());
        std::sort(golds.begin(), golds.end());
        for (const std::filesystem::path& gold_path : golds) {
            const Gold gold = load_gold(gold_path);
            const std::string stem = gold_path.filename().string().substr(0, gold_path.filename().string().size() - 10);
            const std::filesystem::path text = dir / (stem + ".txt");
            std::vector<Event> events;
            std::size_t articles = 0;
            IngestReport report;
            std::istringstream no_stdin;
            read_articles(text.string(), IngestOptions{}, [&](Article&& article) {
                ++articles;
                Pipeline::Reading reading = pipeline.read(article);
                events = std::move(reading.events);
                corpus_holdings.insert(corpus_holdings.end(), reading.holdings.begin(), reading.holdings.end());
            }, report, no_stdin);
            if (articles == 0) {
                score.add_error(stem, report.skipped.empty() ? "no article read" : report.skipped.front());
                continue;
            }
            for (const ControlExpectation& row : gold.control) control_rows.emplace_back(stem, row);
            corpus_events.insert(corpus_events.end(), events.begin(), events.end());
            ArticleScore article_score = score_article(events, gold, pipeline.countries());
            article_score.article = stem;
            score.add(std::move(article_score));
        }
    }
    // Gold control rows hold "after all events of the corpus up to that instant" (gold-format.md):
    // one timeline moved by every article's events, read at each row's instant.
    if (!control_rows.empty()) {
        const ControlTimeline shares = ControlTimeline::build(control_inputs, corpus_events, corpus_holdings);
        double error_sum = 0.0;
        for (const auto& [stem, row] : control_rows) {
            const auto place = pipeline.geocoder().candidates(row.place, GeoContext{});
            const auto day = Date::parse_iso(row.at);
            const double produced = place.empty() || !day ? 0.0 : shares.share(place.front().location.place_id, row.holder, *day);
            error_sum += std::abs(produced - row.share);
            score.control_rows.push_back(ControlRowScore{stem, row.place, row.holder, row.at, row.share, row.tolerance, produced});
        }
        score.control_error = error_sum / static_cast<double>(control_rows.size());
    }
    return score;
}

}  // namespace frontline
