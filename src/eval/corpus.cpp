#include "eval/corpus.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/error.hpp"
#include "control/control_timeline.hpp"
#include "eval/gold.hpp"
#include "ingest/reader.hpp"

namespace frontline {

CorpusScore evaluate_corpus(const Pipeline& pipeline, const std::vector<std::filesystem::path>& corpus_dirs, const Scenario* scenario) {
    CorpusScore score;
    const ControlInputs control_inputs = ControlInputs::from(scenario, gazetteer_lookup(pipeline.gazetteer()));
    double control_error_sum = 0.0;
    std::size_t control_rows = 0;
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
                events = pipeline.process(article);
            }, report, no_stdin);
            if (articles == 0) {
                score.add_error(stem, report.skipped.empty() ? "no article read" : report.skipped.front());
                continue;
            }
            // Control rows: the share the events give the holder of the place at that instant.
            if (!gold.control.empty()) {
                const ControlTimeline shares = ControlTimeline::build(control_inputs, events);
                for (const ControlExpectation& row : gold.control) {
                    const auto place = pipeline.geocoder().candidates(row.place, GeoContext{});
                    const auto day = Date::parse_iso(row.at);
                    const double produced = place.empty() || !day ? 0.0 : shares.share(place.front().location.place_id, row.holder, *day);
                    control_error_sum += std::abs(produced - row.share);
                    ++control_rows;
                    score.control_rows.push_back(ControlRowScore{stem, row.place, row.holder, row.at, row.share, row.tolerance, produced});
                }
            }
            ArticleScore article_score = score_article(events, gold, pipeline.countries());
            article_score.article = stem;
            score.add(std::move(article_score));
        }
    }
    if (control_rows > 0) score.control_error = control_error_sum / static_cast<double>(control_rows);
    return score;
}

}  // namespace frontline
