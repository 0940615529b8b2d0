#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eval/gold.hpp"
#include "events/event.hpp"
#include "geo/country_index.hpp"

namespace frontline {

/// Counts of one tier (physical events or statements), for one article or summed over a corpus.
struct TierCounts {
    std::size_t required = 0;  ///< required gold events
    std::size_t found = 0;     ///< required gold events matched
    std::size_t produced = 0;  ///< produced events of this tier
    std::size_t matched = 0;   ///< produced events matched to a gold event, required or optional
    /// Matched events whose gold gives a `where`; matching demands the geometry satisfy it.
    std::size_t located = 0;
    /// Matched events whose gold gives a `date`; matching demands the dates overlap its tolerance.
    std::size_t dated = 0;
    /// Kilometres from the gold point to the nearest point of the geometry, one per match
    /// against a `{"lat", "lon", "km"}` where (each within that km by construction).
    std::vector<double> kms;

    /// Matched / produced; 0 when nothing was produced (as score_events.py).
    [[nodiscard]] double precision() const noexcept;
    /// Found / required; 0 when nothing is required (as score_events.py).
    [[nodiscard]] double recall() const noexcept;
    /// Harmonic mean of precision and recall; 0 when both are 0.
    [[nodiscard]] double f1() const noexcept;
    /// The upper median of `kms` (score_events.py takes `kms[len // 2]`); none without any.
    [[nodiscard]] std::optional<double> median_km() const;
    /// Geocoding accuracy: located / matched, the share of matches whose place was checked
    /// against a gold `where` rather than accepted because the gold gives none. None without matches.
    [[nodiscard]] std::optional<double> geo_accuracy() const noexcept;
    /// Date accuracy: dated / matched, likewise for gold dates. None without matches.
    [[nodiscard]] std::optional<double> date_accuracy() const noexcept;

    /// Adds another article's counts and appends its kms (for corpus totals).
    TierCounts& operator+=(const TierCounts& other);
};

/// A produced event as a person debugging the extractor wants to see it.
struct EventSummary {
    std::string event_type;
    std::string actor1;
    std::string actor2;
    std::string date;      ///< `date_start` as YYYY-MM-DD, empty when unknown
    std::string place;     ///< `Location::place`, empty without a location
    std::string sentence;  ///< the first mention's sentence, empty without mentions
};

/// A produced event that fits a forbidden rule.
struct ForbiddenHit {
    std::size_t rule = 0;  ///< index into `Gold::forbidden`
    std::string why;       ///< the rule's `why`
    EventSummary event;
};

/// The score of one article.
struct ArticleScore {
    std::string article;
    TierCounts physical;
    TierCounts statement;
    std::vector<std::string> missed;  ///< ids of required gold events not matched, physical first
    std::vector<ForbiddenHit> forbidden;
    std::vector<EventSummary> unmatched;  ///< produced events matched to no gold event
};

/// An article whose events could not be produced (the extractor failed on it).
struct ArticleError {
    std::string article;
    std::string message;
};

/// One gold `control` row and the share the control timeline gave.
struct ControlRowScore {
    std::string article;
    std::string place;
    std::string holder;
    std::string at;
    double gold = 0.0;
    double tolerance = 0.0;
    double produced = 0.0;

    [[nodiscard]] bool within() const noexcept { return produced >= gold - tolerance - 1e-9 && produced <= gold + tolerance + 1e-9; }
};

/// Scores of a corpus, article by article, with running totals.
struct CorpusScore {
    std::vector<ArticleScore> articles;
    std::vector<ArticleError> errors;
    TierCounts physical;        ///< sum over `articles`
    TierCounts statement;       ///< sum over `articles`
    std::size_t forbidden = 0;  ///< forbidden hits over `articles`
    /// Mean |produced share - gold share| over the gold `control` rows; empty without rows.
    std::optional<double> control_error;
    std::vector<ControlRowScore> control_rows;  ///< every gold control row, in corpus order

    /// Appends an article and adds it to the totals.
    void add(ArticleScore article);
    /// Records an article that produced no events because extraction failed.
    void add_error(std::string article, std::string message);
};

/// Scores one article's produced events against its gold, with the algorithm of
/// score_events.py: per tier, every (gold, produced) pair that matches is ranked (required gold
/// first, then the smaller distance to the gold point, then file order) and taken greedily, each
/// gold event and each produced event at most once, so a second report of one real event counts
/// as unmatched. A pair matches when the event type is one of the gold's, actor1 and actor2 are
/// in the gold's lists (the produced `actorN_text` is tried too), the geometry satisfies `where`
/// (a country with 0.02 degrees of slack), the dates overlap the gold date ± tolerance and the
/// magnitudes agree (when both have one). Forbidden hits count every (rule, event) pair that fits.
/// Geometries are read from `Location::wkt`; an event without a location satisfies no `where`.
/// @throws GeoError when a produced location's WKT cannot be read or GEOS fails.
[[nodiscard]] ArticleScore score_article(const std::vector<Event>& produced, const Gold& gold,
                                         const CountryIndex& countries);

/// A plain-text table, one row per article (found/required and matched/produced per tier,
/// forbidden hits, median km, missed ids), then failed articles, then a totals line in the form
/// of score_events.py's: `physical P=.. R=.. F1=.. | statements P=.. R=.. F1=.. | forbidden N |
/// errors N | median km X`, followed by geocoding and date accuracy and the control error.
[[nodiscard]] std::string format_report(const CorpusScore& score);

/// Per-article lists for debugging the extractor: missed gold ids, unmatched produced events
/// and forbidden hits, with their sentences. Articles with nothing to show are left out.
[[nodiscard]] std::string format_details(const CorpusScore& score);

/// Everything in `score` for `--json`: `articles` (counts, kms, missed, unmatched, forbidden
/// hits), `errors`, and `summary` with score_events.py's keys (`physical_precision` ...
/// `median_km`) plus accuracies and `control_error`; values that do not exist are `null`.
[[nodiscard]] nlohmann::json to_json(const CorpusScore& score);

}  // namespace frontline
