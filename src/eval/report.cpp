// format_report, format_details and to_json of eval/scorer.hpp.
#include "eval/scorer.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace frontline {

namespace {

using nlohmann::json;

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string fixed_or_dash(const std::optional<double>& value, int decimals) {
    return value ? fixed(*value, decimals) : std::string("-");
}

std::string ratio(std::size_t part, std::size_t whole) { return std::to_string(part) + "/" + std::to_string(whole); }

std::string padded(const std::string& text, std::size_t width, bool right_aligned) {
    if (text.size() >= width) return text;
    const std::string padding(width - text.size(), ' ');
    return right_aligned ? padding + text : text + padding;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string describe(const EventSummary& e) {
    std::string out = e.event_type + " " + (e.actor1.empty() ? "?" : e.actor1);
    if (!e.actor2.empty()) out += " -> " + e.actor2;
    out += ", " + (e.date.empty() ? std::string("no date") : e.date);
    out += ", " + (e.place.empty() ? std::string("no place") : e.place);
    if (!e.sentence.empty()) out += ": \"" + e.sentence + "\"";
    return out;
}

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json tier_json(const TierCounts& t) {
    return json{{"required", t.required},         {"found", t.found},
                {"produced", t.produced},         {"matched", t.matched},
                {"located", t.located},           {"dated", t.dated},
                {"precision", t.precision()},     {"recall", t.recall()},
                {"f1", t.f1()},                   {"median_km", optional_number(t.median_km())},
                {"geo_accuracy", optional_number(t.geo_accuracy())},
                {"date_accuracy", optional_number(t.date_accuracy())},
                {"kms", t.kms}};
}

json event_json(const EventSummary& e) {
    return json{{"event_type", e.event_type}, {"actor1", e.actor1}, {"actor2", e.actor2},
                {"date", e.date},             {"place", e.place},   {"sentence", e.sentence}};
}

}  // namespace

std::string format_report(const CorpusScore& score) {
    std::size_t name_width = std::string("article").size();
    for (const ArticleScore& a : score.articles) name_width = std::max(name_width, a.article.size());

    // Column headings and widths: found/required and matched/produced per tier, as the Python rows.
    const std::vector<std::pair<std::string, std::size_t>> columns{
        {"phys found", 10}, {"phys precise", 12}, {"stmt found", 10}, {"stmt precise", 12}, {"forbidden", 9},
        {"median km", 9}};
    std::string out = padded("article", name_width, false);
    for (const auto& [heading, width] : columns) out += "  " + padded(heading, width, true);
    out += "  missed\n";

    for (const ArticleScore& a : score.articles) {
        const std::vector<std::string> cells{ratio(a.physical.found, a.physical.required),
                                             ratio(a.physical.matched, a.physical.produced),
                                             ratio(a.statement.found, a.statement.required),
                                             ratio(a.statement.matched, a.statement.produced),
                                             std::to_string(a.forbidden.size()),
                                             fixed_or_dash(a.physical.median_km(), 1)};
        out += padded(a.article, name_width, false);
        for (std::size_t i = 0; i < cells.size(); ++i) out += "  " + padded(cells[i], columns[i].second, true);
        out += "  " + (a.missed.empty() ? std::string("-") : joined(a.missed, ",")) + "\n";
    }
    for (const ArticleError& e : score.errors) out += e.article + ": ERROR " + e.message + "\n";

    const TierCounts& ph = score.physical;
    const TierCounts& st = score.statement;
    out += "physical P=" + fixed(ph.precision(), 2) + " R=" + fixed(ph.recall(), 2) + " F1=" + fixed(ph.f1(), 2) +
           " | statements P=" + fixed(st.precision(), 2) + " R=" + fixed(st.recall(), 2) + " F1=" + fixed(st.f1(), 2) +
           " | forbidden " + std::to_string(score.forbidden) + " | errors " + std::to_string(score.errors.size()) +
           " | median km " + fixed_or_dash(ph.median_km(), 1) + " | geo " + fixed_or_dash(ph.geo_accuracy(), 2) +
           " date " + fixed_or_dash(ph.date_accuracy(), 2) + " | control err " +
           fixed_or_dash(score.control_error, 2) + "\n";
    return out;
}

std::string format_details(const CorpusScore& score) {
    std::string out;
    for (const ArticleScore& a : score.articles) {
        if (a.missed.empty() && a.unmatched.empty() && a.forbidden.empty()) continue;
        out += a.article + "\n";
        if (!a.missed.empty()) out += "  missed: " + joined(a.missed, ", ") + "\n";
        for (const EventSummary& e : a.unmatched) out += "  unmatched: " + describe(e) + "\n";
        for (const ForbiddenHit& hit : a.forbidden)
            out += "  forbidden[" + std::to_string(hit.rule) + "] (" + hit.why + "): " + describe(hit.event) + "\n";
    }
    for (const ControlRowScore& row : score.control_rows)
        out += row.article + "\n  control: " + row.holder + " share of " + row.place + " at " + row.at + " = " + fixed(row.produced, 2) +
               " (gold " + fixed(row.gold, 2) + " +- " + fixed(row.tolerance, 2) + ")" + (row.within() ? "" : " OUTSIDE") + "\n";
    return out;
}

json to_json(const CorpusScore& score) {
    json articles = json::array();
    for (const ArticleScore& a : score.articles) {
        json unmatched = json::array();
        for (const EventSummary& e : a.unmatched) unmatched.push_back(event_json(e));
        json forbidden = json::array();
        for (const ForbiddenHit& hit : a.forbidden)
            forbidden.push_back(json{{"rule", hit.rule}, {"why", hit.why}, {"event", event_json(hit.event)}});
        articles.push_back(json{{"article", a.article},
                                {"physical", tier_json(a.physical)},
                                {"statement", tier_json(a.statement)},
                                {"missed", a.missed},
                                {"unmatched", std::move(unmatched)},
                                {"forbidden", std::move(forbidden)}});
    }
    json errors = json::array();
    for (const ArticleError& e : score.errors) errors.push_back(json{{"article", e.article}, {"message", e.message}});

    const TierCounts& ph = score.physical;
    const TierCounts& st = score.statement;
    const json summary{{"physical_precision", ph.precision()},
                       {"physical_recall", ph.recall()},
                       {"physical_f1", ph.f1()},
                       {"statement_precision", st.precision()},
                       {"statement_recall", st.recall()},
                       {"statement_f1", st.f1()},
                       {"forbidden", score.forbidden},
                       {"errors", score.errors.size()},
                       {"median_km", optional_number(ph.median_km())},
                       {"geo_accuracy", optional_number(ph.geo_accuracy())},
                       {"date_accuracy", optional_number(ph.date_accuracy())},
                       {"control_error", optional_number(score.control_error)}};
    json control = json::array();
    for (const ControlRowScore& row : score.control_rows)
        control.push_back(json{{"article", row.article}, {"place", row.place}, {"holder", row.holder}, {"at", row.at},
                               {"gold", row.gold}, {"tolerance", row.tolerance}, {"produced", row.produced}, {"within", row.within()}});
    return json{{"articles", std::move(articles)}, {"errors", std::move(errors)}, {"control", std::move(control)}, {"summary", summary}};
}

}  // namespace frontline
