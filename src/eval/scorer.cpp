#include "eval/scorer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "common/lonlat.hpp"
#include "geo/geos.hpp"

namespace frontline {

double TierCounts::precision() const noexcept {
    return produced ? static_cast<double>(matched) / static_cast<double>(produced) : 0.0;
}

double TierCounts::recall() const noexcept {
    return required ? static_cast<double>(found) / static_cast<double>(required) : 0.0;
}

double TierCounts::f1() const noexcept {
    const double p = precision();
    const double r = recall();
    return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}

std::optional<double> TierCounts::median_km() const {
    if (kms.empty()) return std::nullopt;
    std::vector<double> sorted = kms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
}

std::optional<double> TierCounts::geo_accuracy() const noexcept {
    if (!matched) return std::nullopt;
    return static_cast<double>(located) / static_cast<double>(matched);
}

std::optional<double> TierCounts::date_accuracy() const noexcept {
    if (!matched) return std::nullopt;
    return static_cast<double>(dated) / static_cast<double>(matched);
}

TierCounts& TierCounts::operator+=(const TierCounts& other) {
    required += other.required;
    found += other.found;
    produced += other.produced;
    matched += other.matched;
    located += other.located;
    dated += other.dated;
    kms.insert(kms.end(), other.kms.begin(), other.kms.end());
    return *this;
}

void CorpusScore::add(ArticleScore article) {
    physical += article.physical;
    statement += article.statement;
    forbidden += article.forbidden.size();
    articles.push_back(std::move(article));
}

void CorpusScore::add_error(std::string article, std::string message) {
    errors.push_back(ArticleError{std::move(article), std::move(message)});
}

namespace {

// score_events.py's `Countries.contains` default: a point placed just across a border matches.
constexpr double country_slack_degrees = 0.02;

/// A produced event with its geometry read once; `geometry` is null without a location.
struct Produced {
    const Event& event;
    GeosGeometry geometry;
};

/// How a matching pair did on the checks that feed the accuracies.
struct Match {
    std::optional<double> km;  ///< distance to the gold point, for a `{lat, lon, km}` where
    bool located = false;
    bool dated = false;
};

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

/// Kilometres from the gold point to the nearest point of the geometry; infinite without one.
double km_to(const GeosContext& ctx, const GEOSGeometry* geometry, const LonLat& point) {
    if (!geometry || is_empty(ctx, *geometry)) return std::numeric_limits<double>::infinity();
    return distance_km(point, nearest_point(ctx, *geometry, point));
}

bool satisfies(const GoldWhere& where, const Produced& p, double country_slack, const GeosContext& ctx,
               const CountryIndex& countries, std::optional<double>& km) {
    if (const auto* in_country = std::get_if<InCountry>(&where))
        return p.geometry && countries.contains(in_country->country, *p.geometry, country_slack);
    const auto& within = std::get<WithinKm>(where);
    km = km_to(ctx, p.geometry.get(), within.point);
    return *km <= within.km;
}

bool dates_overlap(const Event& event, const Date& gold_date, int tolerance_days) {
    // An event without an end lasts its start day.
    const std::optional<Date>& end = event.date_end ? event.date_end : event.date_start;
    if (!event.date_start || !end) return false;
    return *end >= gold_date.plus_days(-tolerance_days) && *event.date_start <= gold_date.plus_days(tolerance_days);
}

bool actor_ok(const ActorSet& allowed, const std::string& id, const std::string& text) {
    // An empty text means the extractor recorded none; it is not tried as "absent".
    return allowed.accepts(id) || (!text.empty() && allowed.accepts(text));
}

std::optional<Match> match(const GoldEvent& gold, const Produced& p, const GeosContext& ctx,
                           const CountryIndex& countries) {
    const Event& e = p.event;
    if (!has(gold.event_types, e.event_type)) return std::nullopt;
    if (gold.actor1 && !actor_ok(*gold.actor1, e.actor1, e.actor1_text)) return std::nullopt;
    if (gold.actor2 && !actor_ok(*gold.actor2, e.actor2, e.actor2_text)) return std::nullopt;
    Match m;
    if (gold.date) {
        if (!dates_overlap(e, *gold.date, gold.date_tolerance_days)) return std::nullopt;
        m.dated = true;
    }
    if (gold.magnitude && e.magnitude && std::abs(*e.magnitude - gold.magnitude->value) > gold.magnitude->tolerance)
        return std::nullopt;
    // score_events.py skips `where` for statements whose gold gives none, and a physical gold
    // without one has nothing to check either: so `where` is checked exactly when given.
    if (gold.where) {
        if (!satisfies(*gold.where, p, country_slack_degrees, ctx, countries, m.km)) return std::nullopt;
        m.located = true;
    }
    return m;
}

bool forbidden_hit(const ForbiddenRule& rule, const Produced& p, const GeosContext& ctx,
                   const CountryIndex& countries) {
    const Event& e = p.event;
    if (rule.tier && e.tier() != *rule.tier) return false;
    if (!rule.event_types.empty() && !has(rule.event_types, e.event_type)) return false;
    if (rule.actor1 && !rule.actor1->accepts(e.actor1)) return false;
    if (rule.actor2 && !rule.actor2->accepts(e.actor2)) return false;
    if (rule.date_after && (!e.date_start || *e.date_start < *rule.date_after)) return false;
    if (rule.date_before && (!e.date_start || *e.date_start > *rule.date_before)) return false;
    std::optional<double> km;
    // The Python scorer tests a forbidden country without slack: only an event placed inside counts.
    return !rule.where || satisfies(*rule.where, p, 0.0, ctx, countries, km);
}

EventSummary summarize(const Event& e) {
    return EventSummary{
        .event_type = e.event_type,
        .actor1 = e.actor1,
        .actor2 = e.actor2,
        .date = e.date_start ? e.date_start->iso() : std::string(),
        .place = e.location ? e.location->place : std::string(),
        .sentence = e.mentions.empty() ? std::string() : e.mentions.front().text,
    };
}

/// Matches one tier greedily; marks the produced events it uses in `used_produced`.
TierCounts score_tier(Tier tier, const std::vector<Produced>& produced, const Gold& gold, const GeosContext& ctx,
                      const CountryIndex& countries, std::vector<bool>& used_produced,
                      std::vector<std::string>& missed) {
    std::vector<const GoldEvent*> golds;
    for (const GoldEvent& g : gold.events)
        if (g.tier == tier) golds.push_back(&g);

    struct Candidate {
        int rank;  // 0 for required gold, 1 for optional
        double km;  // 0 when the gold gives no point
        std::size_t gold;
        std::size_t produced;
        Match match;
    };
    std::vector<Candidate> candidates;
    TierCounts counts;
    for (std::size_t ei = 0; ei < produced.size(); ++ei)
        if (produced[ei].event.tier() == tier) ++counts.produced;
    for (std::size_t gi = 0; gi < golds.size(); ++gi)
        for (std::size_t ei = 0; ei < produced.size(); ++ei) {
            if (produced[ei].event.tier() != tier) continue;
            if (std::optional<Match> m = match(*golds[gi], produced[ei], ctx, countries))
                candidates.push_back(Candidate{golds[gi]->required ? 0 : 1, m->km.value_or(0.0), gi, ei, *m});
        }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.rank, a.km, a.gold, a.produced) < std::tie(b.rank, b.km, b.gold, b.produced);
    });

    std::vector<bool> used_gold(golds.size(), false);
    for (const Candidate& c : candidates) {
        if (used_gold[c.gold] || used_produced[c.produced]) continue;
        used_gold[c.gold] = true;
        used_produced[c.produced] = true;
        ++counts.matched;
        if (c.match.located) ++counts.located;
        if (c.match.dated) ++counts.dated;
        if (c.match.km) counts.kms.push_back(*c.match.km);
    }
    for (std::size_t gi = 0; gi < golds.size(); ++gi) {
        if (!golds[gi]->required) continue;
        ++counts.required;
        if (used_gold[gi]) {
            ++counts.found;
        } else {
            missed.push_back(golds[gi]->id);
        }
    }
    return counts;
}

}  // namespace

ArticleScore score_article(const std::vector<Event>& produced, const Gold& gold, const CountryIndex& countries) {
    // GEOS geometries belong to no context; the index may test ours with its own.
    const GeosContext ctx;
    std::vector<Produced> events;
    events.reserve(produced.size());
    for (const Event& e : produced)
        events.push_back(Produced{e, e.location ? read_wkt(ctx, e.location->wkt) : GeosGeometry(nullptr, {ctx.handle()})});

    ArticleScore score;
    score.article = gold.article;
    std::vector<bool> used(events.size(), false);
    score.physical = score_tier(Tier::physical, events, gold, ctx, countries, used, score.missed);
    score.statement = score_tier(Tier::statement, events, gold, ctx, countries, used, score.missed);
    for (std::size_t ei = 0; ei < events.size(); ++ei)
        if (!used[ei]) score.unmatched.push_back(summarize(events[ei].event));
    for (std::size_t ri = 0; ri < gold.forbidden.size(); ++ri)
        for (const Produced& p : events)
            if (forbidden_hit(gold.forbidden[ri], p, ctx, countries))
                score.forbidden.push_back(ForbiddenHit{ri, gold.forbidden[ri].why, summarize(p.event)});
    return score;
}

}  // namespace frontline
