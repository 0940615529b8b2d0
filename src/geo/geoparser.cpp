#include "geo/geoparser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "common/number_text.hpp"
#include "geo/projection.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"

namespace frontline {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The lower-cased words just before `at` (at most `count`), nearest last.
std::vector<std::string> words_before(std::string_view text, std::size_t at, std::size_t count) {
    std::vector<std::string> out;
    std::size_t i = at;
    while (out.size() < count && i > 0) {
        while (i > 0 && text[i - 1] == ' ') --i;
        const std::size_t end = i;
        while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n') --i;
        if (end == i) break;
        out.insert(out.begin(), lower_ascii(text.substr(i, end - i)));
        if (i > 0 && text[i - 1] == '\n') break;
    }
    return out;
}

/// How the words before a name place it: inside, or near (with an offset).
struct Cue {
    PlaceRelation relation = PlaceRelation::in;
    double offset_km = 0.0;
    double bearing = 0.0;
};

std::optional<double> bearing_of(std::string_view word) {
    static const std::map<std::string_view, double> bearings = {
        {"north", 0},       {"northeast", 45},  {"north-east", 45}, {"east", 90},       {"southeast", 135}, {"south-east", 135},
        {"south", 180},     {"southwest", 225}, {"south-west", 225}, {"west", 270},     {"northwest", 315}, {"north-west", 315}};
    const auto it = bearings.find(word);
    return it == bearings.end() ? std::nullopt : std::optional(it->second);
}

Cue cue_before(std::string_view text, std::size_t at) {
    Cue cue;
    const std::vector<std::string> w = words_before(text, at, 5);
    const std::size_t n = w.size();
    auto last = [&](std::size_t k) -> std::string_view { return k < n ? std::string_view(w[n - 1 - k]) : std::string_view(); };
    const std::string_view word = last(0);
    if (word == "near" || word == "outside" || word == "nearby" || (word == "of" && (last(1) == "outskirts" || last(1) == "edge")) ||
        (word == "the" && last(1) == "of" && last(2) == "outskirts") || (word == "to" && last(1) == "close"))
        cue.relation = PlaceRelation::near;
    // "12 km south of X", "5 miles northwest of X"
    if (word == "of" && bearing_of(last(1)) && n >= 4) {
        const std::string_view unit = last(2);
        const bool miles = unit == "miles" || unit == "mile" || unit == "mi";
        const bool km = unit == "km" || unit == "kilometres" || unit == "kilometers" || unit == "kilometre" || unit == "kilometer";
        double value = 0.0;
        const std::string_view number = last(3);
        if ((km || miles) && std::from_chars(number.data(), number.data() + number.size(), value).ec == std::errc{} && value > 0.0) {
            cue.relation = PlaceRelation::near;
            cue.offset_km = miles ? value * 1.609344 : value;
            cue.bearing = *bearing_of(last(1));
        }
    }
    return cue;
}

bool is_direction_word(std::string_view w) {
    static const std::set<std::string_view> words = {"northern", "southern", "eastern", "western", "central", "northeastern",
                                                     "northwestern", "southeastern", "southwestern", "north-eastern",
                                                     "north-western", "south-eastern", "south-western"};
    return words.count(w) > 0;
}

/// After "X": ", Texas", ", Tex.", ", TX", ", Syria" → the admin-1 code or ISO3 that qualifies X.
std::string qualifier_after(const Gazetteer& gazetteer, std::string_view text, std::size_t end) {
    std::size_t i = end;
    if (i >= text.size() || text[i] != ',') return {};
    ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    // Take up to three words, then try the longest first.
    std::vector<std::size_t> ends;
    std::size_t j = i;
    for (int w = 0; w < 3 && j < text.size(); ++w) {
        while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '.' || static_cast<unsigned char>(text[j]) >= 0x80))
            ++j;
        if (j == i) break;
        ends.push_back(j);
        if (j < text.size() && text[j] == ' ') ++j;
        else break;
    }
    for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        const std::string_view phrase = text.substr(i, *it - i);
        if (phrase.empty() || !std::isupper(static_cast<unsigned char>(phrase.front()))) continue;
        for (const std::string_view candidate : {phrase, phrase.ends_with('.') ? phrase.substr(0, phrase.size() - 1) : std::string_view()}) {
            if (candidate.empty()) continue;
            for (const NameHit& hit : gazetteer.lookup(fold(candidate))) {
                if (hit.kind == NameHit::Kind::admin1 && hit.form != NameHit::Form::bare) return gazetteer.admin1(hit.index).code;
                if (hit.kind == NameHit::Kind::country && hit.form != NameHit::Form::demonym) return gazetteer.country(hit.index).iso3;
            }
        }
    }
    return {};
}

bool admin_word_follows(std::string_view text, std::size_t end) {
    const std::string rest = lower_ascii(text.substr(end, 12));
    for (const std::string_view w : {" county", " parish", " province", " district", " borough", " governorate", " oblast"})
        if (rest.starts_with(w)) return true;
    return false;
}

struct NameMention {
    std::size_t span = 0;  ///< index into the given spans
    std::string key;       ///< folded phrase: mentions of one name share it
    std::string phrase;
    GeoContext own;        ///< what the words around this mention say (within, admin cue)
    Cue cue;
    bool direction = false;  ///< "northern X"
};

/// What a name tells about the story once read: its country, admin-1 region and point.
struct Evidence {
    std::string country;
    std::string admin1;
    bool names_region = false;  ///< the name is the region itself ("Texas"), not a town in it
    std::optional<LonLat> point;
};

Evidence evidence_of(const GeocodeCandidate& c) {
    Evidence e;
    e.country = c.location.country;
    if (c.kind == NameHit::Kind::place || c.kind == NameHit::Kind::admin2 || c.kind == NameHit::Kind::admin1) e.admin1 = c.admin1;
    e.names_region = c.kind == NameHit::Kind::admin1;
    if (c.kind == NameHit::Kind::place || c.kind == NameHit::Kind::admin2) e.point = c.location.anchor;
    return e;
}

/// The admin-1 regions among a name's readings, each with the share of the name's vote it gets,
/// and the admin-2 units among them, each with a whole vote.
struct Support {
    std::map<std::string, double> admin1;
    std::set<std::string> admin2;
};

Support support_of(const std::vector<GeocodeCandidate>& readings) {
    std::set<std::string> regions;
    Support out;
    for (std::size_t i = 0; i < readings.size() && i < 20; ++i) {
        if (!readings[i].admin1.empty()) regions.insert(readings[i].admin1);
        if (!readings[i].admin2.empty()) out.admin2.insert(readings[i].admin2);
    }
    for (const std::string& r : regions) out.admin1[r] = 1.0 / static_cast<double>(regions.size());
    return out;
}

/// The context one name is read in: every other name's evidence, none of its own.
GeoContext context_without(const std::map<std::string, Evidence>& evidence, const std::map<std::string, Support>& support,
                           const std::string& key, const GeoContext& own) {
    GeoContext context = own;
    for (const auto& [other, s] : support)
        if (other != key)
        {
            for (const auto& [region, share] : s.admin1) context.admin1_support[region] += share;
            for (const std::string& unit : s.admin2) context.admin2_support[unit] += 1.0;
        }
    std::map<std::string, int> countries, admin1;
    for (const auto& [other, e] : evidence) {
        if (other == key) continue;
        if (!e.country.empty()) ++countries[e.country];
        // A state the story names counts double: one town's reading alone does not make its
        // state the story's.
        if (!e.admin1.empty()) admin1[e.admin1] += e.names_region ? 2 : 1;
        if (e.point) context.neighbours.push_back(*e.point);
    }
    std::erase_if(admin1, [](const auto& entry) { return entry.second < 2; });
    auto ranked = [](const std::map<std::string, int>& counts) {
        std::vector<std::pair<int, std::string>> v;
        for (const auto& [k, n] : counts) v.emplace_back(-n, k);
        std::sort(v.begin(), v.end());
        std::vector<std::string> out;
        for (const auto& [n, k] : v) out.push_back(k);
        return out;
    };
    context.countries = ranked(countries);
    context.admin1 = ranked(admin1);
    return context;
}

}  // namespace

std::vector<std::size_t> code_point_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    starts.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(text.size());
    return starts;
}

std::size_t code_point_index(const std::vector<std::size_t>& starts, std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) - starts.begin());
}

std::vector<GeoparsedPlace> Geoparser::resolve(std::string_view text, const std::vector<ToponymSpan>& spans) const {
    const Gazetteer& gazetteer = geocoder_.gazetteer();
    std::vector<NameMention> mentions;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const ToponymSpan& s = spans[i];
        if (s.begin >= s.end || s.end > text.size()) continue;
        NameMention m;
        m.span = i;
        m.phrase = std::string(text.substr(s.begin, s.end - s.begin));
        m.key = fold(m.phrase);
        m.own.within = qualifier_after(gazetteer, text, s.end);
        m.own.admin_cue = admin_word_follows(text, s.end);
        m.cue = cue_before(text, s.begin);
        const auto before = words_before(text, s.begin, 1);
        m.direction = !before.empty() && is_direction_word(before.back());
        mentions.push_back(std::move(m));
    }

    // Pass 1: names that are clear on their own (a country, a state, a qualified town, a name
    // with one strong reading) say where the story is.
    std::map<std::string, Evidence> evidence;
    std::map<std::string, Support> support;
    std::vector<std::optional<GeocodeCandidate>> chosen(mentions.size());
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const NameMention& m = mentions[k];
        const auto found = geocoder_.candidates(m.phrase, m.own);
        if (found.empty()) continue;
        if (!support.contains(m.key)) support.emplace(m.key, support_of(found));
        const GeocodeCandidate& best = found.front();
        const bool area = best.kind == NameHit::Kind::country || best.kind == NameHit::Kind::admin1 || best.kind == NameHit::Kind::region;
        const bool clear = found.size() == 1 || found[1].score + 2.0 <= best.score;
        if ((area && best.form != NameHit::Form::postal) || !m.own.within.empty() || clear) evidence.try_emplace(m.key, evidence_of(best));
    }
    // Passes 2 and 3: every name in the light of the others; the second reading of the story
    // uses every name's first reading as evidence.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t k = 0; k < mentions.size(); ++k) {
            const NameMention& m = mentions[k];
            const auto found = geocoder_.candidates(m.phrase, context_without(evidence, support, m.key, m.own));
            chosen[k] = found.empty() ? std::nullopt : std::optional(found.front());
        }
        if (pass == 0) {
            // A name's evidence is the reading most of its mentions got (the first on a tie).
            std::map<std::string, std::map<std::string, std::pair<int, std::size_t>>> votes;
            for (std::size_t k = 0; k < mentions.size(); ++k)
                if (chosen[k]) {
                    auto& [count, first] = votes[mentions[k].key].try_emplace(chosen[k]->location.place_id + "|" + chosen[k]->location.place, 0, k).first->second;
                    ++count;
                }
            for (const auto& [key, readings] : votes) {
                std::pair<int, std::size_t> best{0, 0};
                for (const auto& [reading, tally] : readings)
                    if (tally.first > best.first || (tally.first == best.first && tally.second < best.second)) best = tally;
                evidence.insert_or_assign(key, evidence_of(*chosen[best.second]));
            }
        }
    }

    // One sense per story: "Alexandria, La." settles what the story's other "Alexandria"s mean.
    std::map<std::string, GeocodeCandidate> qualified;
    for (std::size_t k = 0; k < mentions.size(); ++k)
        if (chosen[k] && !mentions[k].own.within.empty() &&
            (chosen[k]->location.country == mentions[k].own.within || chosen[k]->admin1 == mentions[k].own.within))
            qualified.try_emplace(mentions[k].key, *chosen[k]);
    for (std::size_t k = 0; k < mentions.size(); ++k)
        if (mentions[k].own.within.empty())
            if (const auto it = qualified.find(mentions[k].key); it != qualified.end()) chosen[k] = it->second;

    std::vector<GeoparsedPlace> out;
    out.reserve(mentions.size());
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const NameMention& m = mentions[k];
        GeoparsedPlace place{spans[m.span], m.phrase, std::nullopt};
        if (chosen[k]) {
            Location location = chosen[k]->location;
            if (m.direction && location.geo_precision == 3) {
                // "northern Syria": a part of the country, still precision 3.
            } else if (m.cue.relation == PlaceRelation::near) {
                location.geo_precision = std::max(location.geo_precision, 2);
                if (m.cue.offset_km > 0.0) {
                    location.anchor = offset_point(location.anchor, m.cue.bearing, m.cue.offset_km * 1000.0);
                    location.wkt = point_wkt(location.anchor);
                }
            }
            if (m.direction) location.geo_precision = 3;
            place.location = std::move(location);
        }
        out.push_back(std::move(place));
    }
    return out;
}

namespace {

bool capitalised_word(const Token& t) { return t.kind == TokenKind::word && t.capitalized; }

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Lower-case words that may sit inside a place name ("Bosnia and Herzegovina", "Ayn al-Arab").
bool name_joiner(std::string_view folded) {
    return one_of(folded, {"of", "and", "de", "al", "el", "-", "upon", "la", "du", "da", "on"});
}

/// Capitalised only because they start a sentence or a headline: never part of a name before it.
bool function_word(std::string_view folded) {
    return one_of(folded, {"in", "at", "from", "to", "near", "the", "and", "but", "of", "for", "on", "by", "with", "outside", "across",
                           "into", "after", "before", "while", "when", "since", "as", "like", "throughout", "around", "a", "an",
                           "if", "as", "so", "or", "this", "that", "both", "all", "some", "many", "most", "downtown", "greater",
                           "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "rural",
                           "suburban", "metro", "metropolitan", "upstate", "coastal"});
}

/// Calendar words and the pronoun: capitalised by rule, never places in news.
bool calendar_word(std::string_view folded) {
    return one_of(folded, {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                           "i", "easter", "christmas", "passover", "god"});
}

bool direction_word(std::string_view folded) {
    return one_of(folded, {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
                           "northern", "southern", "eastern", "western", "midwest", "north-east", "north-west", "south-east",
                           "south-west"});
}

/// Titles and roles before a name make it a person's ("Gov. Richardson", "Sheriff Taylor").
bool person_title(std::string_view folded) {
    return one_of(folded, {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "president", "judge", "officer", "sheriff", "chief", "coach",
                           "sgt", "lt", "capt", "col", "gen", "det", "detective", "deputy", "rev", "father", "sister", "brother",
                           "mayor", "senator", "governor", "pastor", "attorney", "secretary", "minister", "commissioner",
                           "trooper", "cpl", "pvt", "prof", "professor", "councilman", "councilwoman", "sir", "lord", "lady",
                           "king", "queen", "prince", "princess", "pope", "saint"});
}

/// Words after a place name that make the phrase an institution or facility of that place
/// ("Paris Police Department", "Anderson County Sheriff", "Kansas State University"): the name
/// is still a place, and the phrase says so.
bool institution_word(std::string_view folded) {
    return one_of(folded, {"police", "department", "city", "county", "sheriff", "school", "schools", "university", "college", "high",
                           "middle", "elementary", "library", "council", "board", "hospital", "center", "centre", "fire", "public",
                           "town", "village", "township", "state", "area", "regional", "municipal", "community", "district",
                           "courthouse", "court", "airport", "station", "chamber", "mayor", "commission", "commissioners",
                           "officials", "residents", "police's", "jail", "museum", "post", "office", "senior", "seniors",
                           "parks", "planning", "zoning", "water", "utilities", "housing", "development", "economic", "memorial",
                           "general", "superior", "circuit", "municipality", "government", "national", "international", "times",
                           "daily", "news", "herald", "tribune", "journal", "gazette", "democrat", "republican", "register",
                           "chronicle", "star", "observer", "live", "central", "metro", "hall", "health", "emergency",
                           "transit", "township's", "city's", "county's", "authority", "agency", "unified", "independent",
                           "valley", "river", "lake", "creek", "harbor", "harbour", "bay", "island", "islands", "mountains"});
}

bool street_word(std::string_view folded) {
    return one_of(folded, {"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard", "blvd", "lane", "ln", "way",
                           "parkway", "pkwy", "court", "ct", "place", "pl", "trail", "pike", "terrace", "circle", "square",
                           "highway", "hwy", "expressway", "freeway", "turnpike"});
}

/// Verbs that make a capital its government ("Washington said", "Moscow warned").
bool actor_verb(std::string_view folded) {
    return one_of(folded, {"said", "says", "announced", "warned", "urged", "insisted", "wants", "believes", "accused", "denied",
                           "demanded", "threatened", "rejected", "agreed", "claimed", "argued", "signed", "responded", "refused",
                           "vowed", "told", "added", "noted", "explained", "wrote", "asked"});
}

bool sentence_boundary(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0) return true;
    const Token& prev = tokens[i - 1];
    if (text.substr(prev.end, tokens[i].begin - prev.end).find('\n') != std::string_view::npos) return true;
    if (prev.kind != TokenKind::punctuation) return false;
    const std::string_view p = text.substr(prev.begin, prev.end - prev.begin);
    return one_of(p, {".", "!", "?", ":", "\"", "\u201c", "\u2014", "(", "-", "\u2018", "'", "\u2013"});
}

std::size_t letter_count(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }));
}

/// A preposition that makes what follows a place in news prose; "of", "to" and "and" are too
/// common to say so on their own.
bool strong_cue(std::string_view text, std::size_t at) {
    const auto w = words_before(text, at, 2);
    if (w.empty()) return false;
    const std::string_view last = w.back();
    const std::string_view before = w.size() > 1 ? std::string_view(w[w.size() - 2]) : std::string_view();
    if (one_of(last, {"in", "at", "near", "outside", "from", "into", "across", "throughout", "toward", "towards", "inside", "around",
                      "nearby", "within", "via"}))
        return true;
    if (last == "the" && one_of(before, {"in", "at", "near", "from", "into", "across", "throughout", "outside"})) return true;
    if (last == "of" && one_of(before, {"town", "city", "village", "province", "state", "county", "outskirts", "capital", "suburb",
                                        "region", "district", "north", "south", "east", "west", "residents", "resident", "native",
                                        "mayor", "people"}))
        return true;
    return false;
}

}  // namespace

std::vector<ToponymSpan> Geoparser::find(std::string_view text) const {
    const Gazetteer& gazetteer = geocoder_.gazetteer();
    const std::vector<Token> tokens = tokenize(text);
    auto surface = [&](std::size_t k) { return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
    auto is_dot = [&](std::size_t k) { return k < tokens.size() && tokens[k].kind == TokenKind::punctuation && surface(k) == "."; };
    // Words the story also writes in lower case are common words, not names ("Mobile", "Reading").
    std::set<std::string> lower_words;
    for (const Token& t : tokens)
        if (t.kind == TokenKind::word && !t.capitalized) lower_words.insert(t.folded);

    struct Found {
        ToponymSpan span;
        std::string key;
        bool strong = false;          ///< a country, state, region, or a cued, qualified or institutional name
        bool needs_support = false;   ///< kept only if the name is used strongly elsewhere
        bool person_risk = false;     ///< one word that the story also uses as a surname
    };
    std::vector<Found> found;
    // Surnames: the last word of a run of capitalised words that is no place ("Greg Taylor").
    std::set<std::string> surnames;

    for (std::size_t i = 0; i < tokens.size();) {
        if (!capitalised_word(tokens[i])) {
            ++i;
            continue;
        }
        const bool initial = sentence_boundary(text, tokens, i);
        // Streets and roads: "Nelson Street", "Nordland Ave.", "County Road 43", "Highway 19".
        {
            std::size_t j = i;
            while (j < tokens.size() && j < i + 4 && capitalised_word(tokens[j]) && !street_word(tokens[j].folded)) ++j;
            if (j > i && j < tokens.size() && capitalised_word(tokens[j]) && street_word(tokens[j].folded) &&
                !(initial && j == i + 1 && function_word(tokens[i].folded))) {
                std::size_t end = j + 1;
                if (is_dot(end) && tokens[j].folded.size() <= 4) ++end;
                else if (end < tokens.size() && tokens[end].kind == TokenKind::number) ++end;  // "County Road 43"
                found.push_back({{tokens[i].begin, tokens[end - 1].end}, "", true, false, false});
                i = end;
                continue;
            }
            if ((tokens[i].folded == "highway" || tokens[i].folded == "interstate" || tokens[i].folded == "route") && i + 1 < tokens.size() &&
                tokens[i + 1].kind == TokenKind::number) {
                found.push_back({{tokens[i].begin, tokens[i + 1].end}, "", true, false, false});
                i += 2;
                continue;
            }
        }
        // The longest gazetteer name starting here, up to six tokens.
        std::size_t best_end = 0;
        std::vector<GeocodeCandidate> best;
        for (std::size_t j = std::min(tokens.size(), i + 6); j > i; --j) {
            const std::size_t last = j - 1;
            const bool dot = is_dot(last) && last > i;
            if (!capitalised_word(tokens[last]) && !dot) continue;
            bool inside_ok = true;
            for (std::size_t k = i + 1; k < last; ++k)
                if (!capitalised_word(tokens[k]) && !name_joiner(tokens[k].folded) && !is_dot(k) && surface(k) != "-") inside_ok = false;
            if (!inside_ok) continue;
            const std::string_view phrase = text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin);
            if (phrase.find_first_of(",\n;") != std::string_view::npos) continue;
            auto c = geocoder_.candidates(std::string(phrase), GeoContext{});
            if (dot) std::erase_if(c, [](const GeocodeCandidate& g) { return g.form != NameHit::Form::abbreviation; });
            if (c.empty()) continue;
            best_end = j;
            best = std::move(c);
            break;
        }
        if (best_end == 0) {
            // No place starts here: a run of capitalised words is a person or an organisation;
            // remember its last word as a possible surname.
            std::size_t j = i;
            while (j < tokens.size() && capitalised_word(tokens[j])) ++j;
            if (j > i + 1 && !function_word(tokens[i].folded)) surnames.insert(tokens[j - 1].folded);
            i = std::max(j, i + 1);
            continue;
        }
        const ToponymSpan span{tokens[i].begin, tokens[best_end - 1].end};
        const std::size_t next = best_end;
        const GeocodeCandidate& top = best.front();
        const bool single = best_end == i + 1;
        const std::string_view phrase = text.substr(span.begin, span.end - span.begin);
        Found f{span, fold(phrase), false, false, false};
        const bool cue = strong_cue(text, span.begin);
        const bool qualified = !qualifier_after(gazetteer, text, span.end).empty();
        const bool area = (top.kind == NameHit::Kind::country || top.kind == NameHit::Kind::admin1 || top.kind == NameHit::Kind::region) &&
                          top.form != NameHit::Form::bare;
        const bool next_capital = next < tokens.size() && capitalised_word(tokens[next]);
        const std::string_view next_word = next < tokens.size() && tokens[next].kind == TokenKind::word ? std::string_view(tokens[next].folded) : "";
        const bool institution = next_capital && institution_word(next_word);
        const bool prev_capital = i > 0 && capitalised_word(tokens[i - 1]);
        const std::string_view prev_word = i > 0 ? std::string_view(tokens[i - 1].folded) : "";
        const bool all_caps = tokens[i].all_caps && letter_count(phrase) > 3;
        // "CROMWELL —", "PARIS (AP)": a dateline.
        const bool dateline = all_caps && next < tokens.size() && tokens[next].kind == TokenKind::punctuation &&
                              one_of(surface(next), {"\u2014", "-", "(", "\u2013", ","});

        bool keep = true;
        if (top.form == NameHit::Form::postal) keep = false;  // a postal code only qualifies ("Paris, TX")
        if (top.form == NameHit::Form::bare && !admin_word_follows(text, span.end) && !cue) keep = false;
        if (single && (calendar_word(tokens[i].folded) || direction_word(tokens[i].folded))) keep = false;
        if (single && letter_count(phrase) < 3 && top.form != NameHit::Form::abbreviation) keep = false;
        // Inside a longer name: "George Washington", "Sheriff Taylor", "Jackson Smith".
        if (prev_capital && !function_word(prev_word) && !(initial && i > 0 && sentence_boundary(text, tokens, i - 1) && lower_words.count(std::string(prev_word))))
            keep = false;
        if (!prev_capital && person_title(prev_word)) keep = false;
        if (i >= 2 && is_dot(i - 1) && person_title(tokens[i - 2].folded)) keep = false;  // "Sen. Lincoln"
        if (next_capital && !institution && !area && !admin_word_follows(text, span.end)) keep = false;  // "Madison Smith"
        if (!next_capital && actor_verb(next_word) && !cue && top.kind != NameHit::Kind::admin1) keep = false;  // "Washington said"
        if (single && lower_words.count(tokens[i].folded) && !area) keep = false;
        if (top.kind == NameHit::Kind::place && !cue && !qualified && !institution && !dateline && top.score < 5.0) f.needs_support = true;
        if (initial && !area && !cue && !dateline) f.needs_support = true;
        f.person_risk = single && !area;
        f.strong = (area && top.form != NameHit::Form::demonym) || cue || qualified || institution || dateline;
        if (keep) found.push_back(std::move(f));
        i = best_end;
    }

    std::set<std::string> strong_names;
    for (const Found& f : found)
        if (f.strong) strong_names.insert(f.key);
    std::vector<ToponymSpan> out;
    for (const Found& f : found) {
        if (f.needs_support && !strong_names.count(f.key)) continue;
        // A one-word name the story also uses as a surname is that person, unless cued here.
        if (f.person_risk && surnames.count(f.key) && !strong_cue(text, f.span.begin)) continue;
        out.push_back(f.span);
    }
    return out;
}

}  // namespace frontline
