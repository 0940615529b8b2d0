#include "extract/extractor.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>
#include <string_view>

#include "extract/analysis.hpp"
#include "text/fold.hpp"
#include "text/word_map.hpp"
#include "text/segmenter.hpp"

namespace frontline {

// Event types are compared with literals all through coding: as string_views they compare
// lengths first, where std::string == const char* ran strlen and memcmp (profiled: 4 %).
using namespace std::string_view_literals;

namespace {

using detail::ActorSpan;
using detail::bearing_of;
using detail::SentenceAnalysis;
using detail::TriggerHit;

const WordSet be_forms = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"};
// Verbs whose object noun names the event their subject carried out.
const WordSet light_verbs = {
    "carried", "carries", "carry", "carrying", "launched", "launch", "launches", "conducted", "conduct", "conducts",
    "staged", "stage", "mounted", "mount", "set", "made", "make", "began", "begun", "begin", "started", "start",
    "stepped", "intensified", "continued", "continue", "continues", "opened", "fired", "unleashed", "waged", "wage",
    "led", "leads", "lead", "ordered", "orders", "order", "resumed", "resume", "issued", "issue"};

// Words that end a noun phrase: an actor before them does not modify a noun after them ("air war
// on Syrian soil with raids": the raids are not Syrian).
const WordSet modifier_breakers = {
    "and", "of", "the", "a", "an", "with", "on", "in", "at", "to", "from", "for", "by", "into", "over", "against",
    "after", "before", "during", "as", "than", "that", "which", "who", "while", "when", "where", "near", "around"};

// Verbs that place an event already told in the story's sequence ("The advance came despite ...").
const WordSet narrative_links = {"came", "comes", "followed", "follows", "happened", "occurred",
                                 "marked", "began", "was", "is"};

const WordSet casualty_words = {"killed", "dead", "died", "deaths", "wounded", "injured"};
const WordSet physical_needing_armed = {"retreat", "territory_taken", "advance", "deployment",
                                        "shelling", "airstrike", "bombing"};

/// The sentence an event was read from, with its span in code points.
Mention mention_in(const Article& article, const Sentence& sentence) {
    return Mention{article.id, sentence.index, sentence.begin_code_point, sentence.end_code_point, std::string(sentence.text(article))};
}

bool is_statement(std::string_view type) {
    return type == "appeal"sv || type == "accusation"sv || type == "warning"sv || type == "rejection"sv || type == "consultation"sv;
}

std::optional<int> number_value(const Token& token) {
    static const WordMap<int> words = {
        {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
        {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"dozens", 24},
        {"hundreds", 200}, {"thousands", 2000}};
    if (token.kind == TokenKind::word) {
        const int* value = words.find(token);  // the callers ask about every token near a casualty noun
        return value ? std::optional<int>(*value) : std::nullopt;
    }
    if (token.kind != TokenKind::number) return std::nullopt;
    std::string digits;
    for (const char c : token.folded)
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ',') return std::nullopt;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    (void)ptr;
    return ec == std::errc{} ? std::optional<int>(value) : std::nullopt;
}

/// The share of a place a phrase names ("a third of", "40 percent of", "half of"), when the words
/// after it name a place (not "80 percent of the units").
std::optional<double> share_before_place(const SentenceAnalysis& a, std::size_t from, std::size_t to) {
    const auto& t = a.tokens();
    // Between "of" and the place only what describes a place: "of the Syrian border town of Kobani",
    // not "of the votes in Aleppo".
    static const WordSet describing = {"the", "of", "town", "city", "village", "enclave", "border", "besieged"};
    auto place_follows = [&](std::size_t after) {
        if (after >= t.size() || !t[after].is("of")) return false;
        // "40 percent of town" in a headline: the story's town.
        if (after + 1 < t.size() && (t[after + 1].is("town") || t[after + 1].is("city"))) return true;
        return std::any_of(a.places.begin(), a.places.end(), [&](const PlaceRef& p) {
            if (p.first_token <= after || p.first_token > after + 4) return false;
            for (std::size_t k = after + 1; k < p.first_token; ++k)
                if (!t[k].capitalized && !describing.contains(t[k])) return false;
            return true;
        });
    };
    for (std::size_t i = from; i < to && i < t.size(); ++i) {
        const Token& w = t[i];
        std::optional<double> share;
        std::size_t end = i + 1;
        if (w.is("third") || w.is("thirds")) share = (i > 0 && (t[i - 1].is("two"))) ? 2.0 / 3.0 : 1.0 / 3.0;
        else if (w.is("half")) share = 0.5;
        else if (w.is("quarter")) share = 0.25;
        else if (w.is("fifth")) share = 0.2;
        else if (w.is("tenth")) share = 0.1;
        else if (w.is("most")) share = 0.75;
        else if ((w.is("percent") || w.is("%")) && i > 0)
            if (const auto n = number_value(t[i - 1])) share = *n / 100.0;
        if (w.is("per") && i + 1 < t.size() && t[i + 1].is("cent") && i > 0)
            if (const auto n = number_value(t[i - 1])) { share = *n / 100.0; end = i + 2; }
        if (share && *share > 0.0 && *share <= 1.0 && place_follows(end)) return share;
    }
    return std::nullopt;
}

/// How much of its place a capture or a withdrawal concerns, read from its object.
struct TakenObject {
    enum class Extent { whole, part, surroundings } extent = Extent::whole;
    std::optional<double> side_bearing;  ///< for a part: the side named, if any
};

/// "overran the eastern districts", "neighbourhoods in the east of the town", "parts of the town":
/// a part of the place (with the side when one is named); "dozens of villages", "the countryside":
/// the place's surroundings. "East of the town" (no article) lies outside it and names no side.
TakenObject taken_object(const SentenceAnalysis& a, std::size_t from, std::size_t to) {
    static const WordSet part_nouns = {
        "part", "parts", "district", "districts", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
        "quarter", "quarters", "areas", "section", "sections", "zone", "edge", "edges", "side", "streets", "blocks"};
    static const WordSet surroundings_nouns = {"villages", "hamlets", "countryside", "surroundings",
                                               "outlying"};
    const auto& t = a.tokens();
    TakenObject object;
    for (std::size_t k = from; k < to && k < t.size(); ++k) {
        const Token& w = t[k];
        if (surroundings_nouns.contains(w) && object.extent == TakenObject::Extent::whole) object.extent = TakenObject::Extent::surroundings;
        if (part_nouns.contains(w)) object.extent = TakenObject::Extent::part;
        if (object.side_bearing) continue;
        const auto bearing = bearing_of(w.folded);
        if (!bearing) continue;
        const bool before_part_noun = k + 1 < to && part_nouns.contains(t[k + 1]);
        // "in the east", "the east of the town", "in the east and on the south-western edge".
        static const WordSet after_a_side = {"of", "and", "or", "on", "in", "as", "after", "while", "by", "with"};
        const bool the_side = k > 0 && t[k - 1].is("the") &&
                              (k + 1 >= t.size() || t[k + 1].kind != TokenKind::word || after_a_side.contains(t[k + 1]));
        if (before_part_noun || the_side) object.side_bearing = bearing;
    }
    if (object.extent != TakenObject::Extent::part) object.side_bearing.reset();
    return object;
}

std::optional<int> fatalities_in(const SentenceAnalysis& a) {
    const auto& t = a.tokens();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].is("killing") && i + 1 < t.size())
            if (const auto n = number_value(t[i + 1])) return n;
        if (const auto n = number_value(t[i]))
            for (std::size_t k = i + 1; k < t.size() && k <= i + 5; ++k) {
                if (casualty_words.contains(t[k]) && !t[k].is("wounded") && !t[k].is("injured")) return n;
                if (t[k].kind == TokenKind::punctuation && !t[k].is("-")) break;
            }
    }
    return std::nullopt;
}

struct Coder {
    const Lexicon& lexicon;
    const Article& article;
    detail::ArticleContext& context;
    std::vector<EventMention>& out;
    std::optional<TimeExpression> inherited_time;  ///< last date of the paragraph so far
    /// The time expression the last event of this sentence was dated by, which later sentences of
    /// the paragraph inherit (not a "since mid-September" that dated nothing).
    mutable std::optional<TimeExpression> used_time;

    std::size_t clause_end(const SentenceAnalysis& a, std::size_t clause) const {
        return clause + 1 < a.clause_start.size() ? a.clause_start[clause + 1] : a.tokens().size();
    }

    const ActorSpan* nearest_left(const SentenceAnalysis& a, std::size_t before, std::size_t not_before) const {
        for (std::size_t k = a.actors.size(); k-- > 0;) {
            const ActorSpan& s = a.actors[k];
            if (s.adjective_only || s.last > before) continue;
            if (s.first < not_before) return nullptr;
            return &s;
        }
        return nullptr;
    }

    const ActorSpan* nearest_right(const SentenceAnalysis& a, std::size_t from, std::size_t until) const {
        for (const ActorSpan& s : a.actors)
            if (!s.adjective_only && s.first >= from && s.first < until) return &s;
        return nullptr;
    }

    /// The subject of the verb at `at`: in its clause, else the antecedent of a relative clause,
    /// else the main subject of the sentence for participle clauses and coordinated verbs.
    const ActorSpan* subject_of(const SentenceAnalysis& a, std::size_t at) const {
        const std::size_t clause = a.clause_of[at];
        const std::size_t start = a.clause_start[clause];
        if (const ActorSpan* s = nearest_left(a, at, start)) {
            // "A pro-Kurdish member of the Turkish parliament ... said": the head, not its complement.
            const auto& t = a.sentence->tokens;
            std::size_t of = s->first;
            if (of > 0 && t[of - 1].is("the")) --of;
            if (of > 0 && t[of - 1].is("of"))
                // ("a squadron of Turkish tanks", "a unit of FSA rebels": an unnamed unit is its complement's.)
                if (const ActorSpan* head = nearest_left(a, of - 1, start);
                    head && head->last == of - 1 && !head->adjective_only && !head->ref.id.empty())
                    return head;
            return s;
        }
        // "Turkey, where four nights of protests have left 31 people dead, has said ...": the subject
        // stands before the relative clause set off by commas, not inside it.
        // "...; the rest flew to Sanliurfa": a clause after a semicolon stands alone.
        if (start > 0 && a.sentence->tokens[start - 1].is(";")) return nullptr;
        if (start < a.sentence->tokens.size() && a.sentence->tokens[start].is(";")) return nullptr;
        std::size_t limit = start;
        for (std::size_t c = clause; c-- > 0;) {
            const std::size_t begin = a.clause_start[c];
            const bool inserted = begin > 0 && a.sentence->tokens[begin - 1].is(",") &&
                                  a.has_cue_in(CueFamily::relative_pronouns, begin, begin + 1) && limit > 0 &&
                                  a.sentence->tokens[limit - 1].is(",");
            if (!inserted) break;
            limit = begin - 1;
        }
        return nearest_left(a, limit, 0);
    }

    /// The first actor of [from, to): a clause's grammatical subject comes first in English.
    const ActorSpan* first_actor(const SentenceAnalysis& a, std::size_t from, std::size_t to) const {
        for (const ActorSpan& s : a.actors)
            if (!s.adjective_only && s.first >= from && s.last <= to) return &s;
        return nullptr;
    }

    /// "by X" after a verb or noun, within a few tokens and the clause.
    const ActorSpan* agent_after(const SentenceAnalysis& a, std::size_t from, std::size_t until) const {
        const auto& t = a.tokens();
        for (std::size_t k = from; k < until && k < from + 8; ++k)
            if (t[k].is("by")) return nearest_right(a, k + 1, std::min(until, k + 5));
        return nullptr;
    }

    /// The actor written just before an event noun: "US airstrikes", "Kurdish protests",
    /// "U.S. and Saudi air strikes" (the first of a coordinated pair).
    const ActorSpan* modifier_of(const SentenceAnalysis& a, std::size_t noun) const {
        const auto& t = a.tokens();
        const ActorSpan* found = nullptr;
        for (std::size_t k = a.actors.size(); k-- > 0;) {
            const ActorSpan& s = a.actors[k];
            if (s.last > noun) continue;
            bool adjacent = true;
            for (std::size_t q = s.last; q < noun; ++q)
                if (!(t[q].kind == TokenKind::number || (t[q].kind == TokenKind::word && !t[q].capitalized && !modifier_breakers.contains(t[q])) ||
                      t[q].is("-") || t[q].is("'s")))
                    adjacent = false;
            if (!adjacent || noun - s.last > 3) break;
            found = &s;
            // "U.S. and Saudi": prefer the first of the pair.
            if (s.first >= 2 && t[s.first - 1].is("and") && k > 0 && a.actors[k - 1].last == s.first - 1) found = &a.actors[k - 1];
            break;
        }
        return found;
    }

    /// "attacked it with a truck bomb": the verb whose weapon the event noun at `noun` is, when
    /// the noun says more about the event than the verb does.
    const TriggerHit* verb_of_instrument(const SentenceAnalysis& a, const TriggerHit& noun) const {
        const auto& t = a.tokens();
        const std::string& type = lexicon.trigger(noun.candidates.front()).type;
        if (type != "bombing" && type != "shelling" && type != "airstrike") return nullptr;
        std::size_t with = noun.first;
        while (with > 0 && with + 4 > noun.first && !t[with - 1].is("with")) --with;
        if (with == 0 || !t[with - 1].is("with")) return nullptr;
        for (const TriggerHit& verb : a.triggers)
            if (verb.last < with && a.clause_of[verb.first] == a.clause_of[noun.first] &&
                lexicon.trigger(verb.candidates.front()).type == "armed_clash"sv && !lexicon.trigger(verb.candidates.front()).noun)
                return &verb;
        return nullptr;
    }

    ActorRef ref_of(const ActorSpan* s, bool civilian_event) const {
        if (!s) return {};
        if (s->adjective_only && civilian_event && !s->civilian_id.empty()) return ActorRef{s->civilian_id, s->ref.text};
        return s->ref;
    }

    bool is_civilian(const ActorRef& r) const {
        if (r.empty()) return false;
        if (r.id.ends_with("_CIV") || r.id.ends_with("CIVILIANS") || r.id == "PROTESTERS") return true;
        const ActorInfo* info = lexicon.actor(r.id);
        return info && info->kind == ActorKind::civilians;
    }

    ActorKind kind_of_actor(const ActorRef& r) const {
        const ActorInfo* info = lexicon.actor(r.id);
        return info ? info->kind : ActorKind::unknown;
    }

    bool is_state(const ActorRef& r) const {
        if (r.local_state != ActorRef::LocalState::no) return true;
        const ActorInfo* info = lexicon.actor(r.id);
        return info && info->kind == ActorKind::state;
    }

    /// Who unnamed people are ("Some 15,000 rallied in the largest Kurdish city"): the people the
    /// sentence names, else the people the article is about, else civilians.
    std::string default_civilians(const SentenceAnalysis& a) const {
        // A people ("Kurdish") says more than a nationality ("Turkish") about who marched.
        for (const bool people : {true, false})
            for (const ActorSpan& s : a.actors) {
                const std::string id = !s.civilian_id.empty() ? s.civilian_id : (s.kind == ActorKind::civilians ? s.ref.id : "");
                if (!id.empty() && id != "CIVILIANS" && id.ends_with("_CIV") == people) return id;
            }
        return context.dominant_civilians.empty() ? "CIVILIANS" : context.dominant_civilians;
    }

    Certainty certainty_of(const SentenceAnalysis& a, const TriggerHit& hit, bool physical, bool noun) const {
        const auto& t = a.tokens();
        const std::size_t clause = a.clause_of[hit.first];
        const std::size_t start = a.clause_start[clause];
        // A statement is negated by its own verb's negation ("did not call for"), not by one in the
        // clause it is coordinated with ("said no one should test Turkey and warned").
        if (a.has_cue_in(CueFamily::negation, physical ? start : std::max(start, hit.first >= 3 ? hit.first - 3 : 0), hit.first))
            return Certainty::negated;
        // "gathered to demand that the refugees be let in": a purpose, not a statement made.
        if (!physical) {
            const auto implicative_here = a.last_cue_in(CueFamily::implicative, start, hit.last);
            const bool infinitive = !noun && hit.first > 0 && t[hit.first - 1].is("to") &&
                                    !(implicative_here && implicative_here->last >= hit.first - 1);
            return infinitive ? Certainty::hypothetical : Certainty::confirmed;
        }
        const auto hypothetical = a.last_cue_in(CueFamily::hypothetical, start, hit.first);
        const auto implicative = a.last_cue_in(CueFamily::implicative, start, hit.last);
        if (hypothetical && !(implicative && implicative->first >= hypothetical->first)) return Certainty::hypothetical;
        // "air strikes alone would not stop the militants": an event noun as the subject of a modal
        // is talked about, not reported.
        // "taking it would hand the militants the border": a gerund subject likewise.
        const bool gerund = !noun && t[hit.first].folded.ends_with("ing") && a.clause_start[clause] + 1 >= hit.first;
        if (noun || gerund)
            for (std::size_t k = hit.last; k < t.size() && k < hit.last + 3 && a.clause_of[k] == clause; ++k) {
                const Token& w = t[k];
                if (w.is("would") || w.is("could") || w.is("might") || w.is("may") || w.is("will") || w.is("can") || w.is("should") ||
                    w.is("cannot") || w.is("wo"))
                    return Certainty::hypothetical;
                // "The first night of raids did not touch Kobani"
                if ((w.is("did") || w.is("does") || w.is("has") || w.is("have")) && k + 1 < t.size() &&
                    (t[k + 1].is("not") || t[k + 1].is("n't") || t[k + 1].is("never")))
                    return Certainty::negated;
                if (w.is("never")) return Certainty::negated;
                if (t[k].kind != TokenKind::word || (!w.folded.ends_with("ly") && !w.is("alone") && !w.is("still") && !w.is("also") &&
                                                     !(gerund && (w.is("it") || w.is("them"))))) break;
            }
        if (!noun && hit.first > 0 && t[hit.first - 1].is("to") && !(implicative && implicative->last >= hit.first - 1))
            return Certainty::hypothetical;
        // A clause governed by "denied that", "feared", "warned that" in the clause before it.
        if (start > 0) {
            const std::size_t governor = start >= 4 ? start - 4 : 0;
            if (a.has_cue_in(CueFamily::negation, governor, start + 1)) return Certainty::negated;
            if (a.has_cue_in(CueFamily::hypothetical, governor, start + 1) && !t[start].is("after") && !t[start].is("as"))
                return Certainty::hypothetical;
        }
        // The content of a statement ("urged the coalition to step up its air strikes", "accuse Russia
        // of sending troops") is what was said, not what happened: unless a new coordinated verb follows.
        for (const TriggerHit& other : a.triggers) {
            if (other.last > hit.first) break;
            if (!is_statement(lexicon.trigger(other.candidates.front()).type)) continue;
            bool coordinated = false;
            for (std::size_t q = other.last; q + 1 < hit.first; ++q)
                if ((t[q].is(",") && (t[q + 1].is("and") || t[q + 1].is("but"))) || t[q].is(";")) coordinated = true;
            if (!coordinated) return Certainty::hypothetical;
        }
        return Certainty::confirmed;
    }

    /// Attribution: reported by a third party, claimed by a party to the event, or stated by the outlet.
    void attribute(const SentenceAnalysis& a, EventMention& m, std::size_t trigger_at) const {
        if (m.certainty != Certainty::confirmed) return;
        const auto& t = a.tokens();
        if (is_statement(m.event_type)) {
            // A statement is its speaker's own act; only hedges in its clause make it reported.
            const std::size_t start = a.clause_start[a.clause_of[trigger_at]];
            if (a.has_cue_in(CueFamily::reported, start, trigger_at)) m.certainty = Certainty::reported;
            return;
        }
        const std::size_t n = t.size();
        for (const PhraseMatch& s : a.phrases->sources) {
            const bool cited = s.first >= 2 && ((t[s.first - 1].is("by") && t[s.first - 2].is("cited")) ||
                                                (t[s.first - 1].is("to") && t[s.first - 2].is("according")));
            if (m.source.empty() || cited) m.source = lexicon.source_name(s.payload);
        }
        if (a.has_cue_in(CueFamily::claimed, 0, n)) {
            m.certainty = Certainty::claimed;
        } else if (a.has_cue_in(CueFamily::reported, 0, n) || !m.source.empty()) {
            m.certainty = Certainty::reported;
        }
        // "Kurdish fighters said they had pushed IS back": a party speaking of its own deeds claims.
        for (const detail::CueHit& verb : a.cues_of(CueFamily::reporting_verbs)) {
            // "were said to have captured": a report with no speaker, not the subject's own claim.
            if (verb.first > 0 && be_forms.contains(t[verb.first - 1])) continue;
            const ActorSpan* speaker = nearest_left(a, verb.first, verb.first >= 6 ? verb.first - 6 : 0);
            if (!speaker) continue;
            if (speaker->ref.id == m.actor1.id || (!m.actor2.empty() && speaker->ref.id == m.actor2.id)) {
                m.certainty = Certainty::claimed;
                if (m.source.empty()) m.source = speaker->ref.text;
            } else if (m.certainty == Certainty::confirmed && verb.first < trigger_at) {
                m.certainty = Certainty::reported;
                if (m.source.empty()) m.source = speaker->ref.text;
            }
        }
    }

    void date(const SentenceAnalysis& a, EventMention& m, std::size_t at) const {
        const auto& t = a.tokens();
        const std::size_t clause = a.clause_of[at];
        const TimeExpression* best = nullptr;
        const TimeExpression* since_start = nullptr;  // "have been bombing ... since Aug. 8"
        std::size_t best_distance = 0;
        for (const auto& expr : a.times) {
            const bool same_clause = a.clause_of[expr.first_token] == clause;
            // "since Aug. 8", "a ceasefire in March 2013": the start of something else, not this event's day.
            bool since = false;  // "since a ceasefire in March 2013"
            for (std::size_t k = expr.first_token; k-- > (expr.first_token >= 5 ? expr.first_token - 5 : 0);)
                if (t[k].is("since")) since = true;
            // A month named long before the article is background ("a truce agreed in March 2013").
            const bool old_month = !same_clause && expr.precision == 3 && article.published &&
                                   expr.end < article.published->plus_days(-60);
            // "have been bombing ... since Aug. 8" ("since" opens the clause right after the event's).
            const std::size_t expr_clause = a.clause_of[expr.first_token];
            const bool adjacent_since = expr_clause == clause + 1 && expr.first_token == a.clause_start[expr_clause] + 1 &&
                                        t[a.clause_start[expr_clause]].is("since");
            if (since && (same_clause || adjacent_since) && expr.first_token > at) since_start = &expr;
            since = since || old_month;
            const std::string_view opener = t[a.clause_start[a.clause_of[expr.first_token]]].folded;
            const bool background_clause = !same_clause && (opener == "since" || opener == "after" || opener == "before" ||
                                                            opener == "until" || opener == "when" || opener == "as");
            if (since || background_clause || (expr.precision == 3 && !same_clause)) continue;
            // "attacked it on Wednesday and seized part of it on Thursday": a day belongs to the verb
            // it follows, not to one across another event.
            const std::size_t lo = std::min(at, expr.first_token), hi = std::max(at, expr.first_token);
            const bool across = std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& other) {
                return other.first != at && other.first > lo && other.first < hi;
            });
            // English puts the day after its verb ("seized part of it on Thursday"); one before the
            // verb counts when there is none after.
            const std::size_t distance = (expr.first_token > at ? expr.first_token - at : at - expr.first_token + 4) +
                                         (same_clause ? 0 : 1000) + (across ? 500 : 0);
            if (!best || distance < best_distance) { best = &expr; best_distance = distance; }
        }
        if (!best && since_start && article.published && !is_statement(m.event_type)) {
            // A campaign under way since a day: from that day to the news.
            m.date_start = since_start->start;
            m.date_end = *article.published;
            m.time_precision = 3;
            return;
        }
        if (best) {
            used_time = *best;
            m.date_start = best->start;
            m.date_end = best->end;
            m.time_precision = best->precision;
            // "a day after X": the clause is a day before the sentence's date.
            const std::size_t start = a.clause_start[clause];
            if (start >= 2 && t[start].is("after") && t[start - 1].is("day") && a.clause_of[best->first_token] != clause) {
                m.date_start = m.date_start->plus_days(-1);
                m.date_end = m.date_end->plus_days(-1);
            }
            return;
        }
        // A statement with no day of its own was made for this news, not on the day of the events before it.
        if (is_statement(m.event_type) && article.published) {
            m.date_start = article.published->plus_days(-1);
            m.date_end = *article.published;
            m.time_precision = 2;
            return;
        }
        if (inherited_time) {
            m.date_start = inherited_time->start;
            m.date_end = inherited_time->end;
            m.time_precision = inherited_time->precision;
            return;
        }
        if (article.published) {
            // A headline sums up the last days' news; a body sentence without a date is recent.
            const bool headline = article.paragraphs[a.sentence->paragraph].is_title;
            m.date_start = article.published->plus_days(headline ? -7 : -2);
            m.date_end = *article.published;
            m.time_precision = 2;
        }
    }

    /// Places for an event at `at`: its own clause after the trigger first, then before it, then
    /// the rest of the sentence; the dateline is where the reporter was, not where it happened.
    std::vector<PlaceRef> places_for(const SentenceAnalysis& a, std::size_t at, std::size_t hit_last, std::size_t dateline_end) const {
        const std::size_t clause = a.clause_of[at];
        std::vector<std::pair<std::size_t, const PlaceRef*>> ranked;
        for (const PlaceRef& p : a.places) {
            if (p.last_token <= dateline_end) continue;
            if (p.first_token < hit_last && at < p.last_token) continue;  // "Targets around Raqqa": the trigger is no place
            // ", a military spokesman in Kiev said": where the speaker is, not where it happened.
            if (!p.anaphor && p.first_token > at && a.has_cue_in(CueFamily::reporting_verbs, p.last_token, p.last_token + 1)) continue;
            // "in Hakkari province near the Iraqi border": the border only says where in the named place.
            if (p.anaphor && p.relation == PlaceRelation::border &&
                std::any_of(a.places.begin(), a.places.end(), [&](const PlaceRef& named) {
                    return !named.anaphor && named.last_token <= p.first_token && named.last_token + 3 >= p.first_token;
                }))
                continue;
            const bool same = a.clause_of[p.first_token] == clause;
            const bool after = p.first_token >= at;
            const std::size_t distance = after ? p.first_token - at : at - p.first_token;
            ranked.emplace_back((p.descriptor ? 4000u : 0u) + (same ? 0u : 2000u) + (after ? 0u : 1000u) + distance, &p);
        }
        std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::vector<PlaceRef> places;
        for (const auto& [rank, p] : ranked) places.push_back(*p);
        return places;
    }

    /// The sentence an event was read from, with its span in code points.
    Mention mention_of(const SentenceAnalysis& a) const {
        return mention_in(article, *a.sentence);
    }

    /// "The monitoring group estimates that the militants hold about half of Kobani", "at that point
    /// the militants held about 15 percent of the town": a holder, a share and a place. Said in the
    /// present, it holds at the news; in the past, on the day the paragraph is at.
    void code_holdings(const SentenceAnalysis& a, std::size_t dateline_end, std::vector<EventMention>& holdings) const {
        static const WordSet present = {"hold", "holds", "control", "controls", "occupy", "occupies"};
        static const WordSet past = {"held", "controlled", "occupied"};
        const auto& t = a.tokens();
        for (std::size_t k = 0; k < t.size(); ++k) {
            const bool now = present.contains(t[k]);
            if (!now && !past.contains(t[k])) continue;
            const std::optional<double> share = share_before_place(a, k + 1, std::min(t.size(), k + 6));
            const ActorSpan* holder = share ? subject_of(a, k) : nullptr;
            if (!holder) continue;
            EventMention m;
            m.event_type = "territory_held";
            m.actor1 = ref_of(holder, false);
            m.magnitude = share;
            const TriggerHit verb{k, k + 1, {}};
            m.certainty = certainty_of(a, verb, true, false);
            if (m.certainty == Certainty::hypothetical || m.certainty == Certainty::negated) continue;
            attribute(a, m, k);
            if (now && article.published) {
                m.date_start = m.date_end = article.published;
                m.time_precision = 1;
            } else {
                date(a, m, k);
            }
            m.places = places_for(a, k, k + 1, dateline_end);
            if (m.places.empty()) continue;
            m.mention = mention_of(a);
            holdings.push_back(std::move(m));
        }
    }

    void code_trigger(const SentenceAnalysis& a, const TriggerHit& hit, std::size_t dateline_end) {
        const auto& t = a.tokens();
        const std::size_t clause = a.clause_of[hit.first];
        const std::size_t end = clause_end(a, clause);
        // A word that is both noun and verb ("advance", "attack", "shell"): a determiner or an
        // actor's possessive before it, or "by"/"of"/"on" after it, makes it the noun.
        std::vector<std::size_t> candidates = hit.candidates;
        const bool has_noun = std::any_of(candidates.begin(), candidates.end(), [&](std::size_t c) { return lexicon.trigger(c).noun; });
        const bool has_verb = std::any_of(candidates.begin(), candidates.end(), [&](std::size_t c) { return !lexicon.trigger(c).noun; });
        if (has_noun && has_verb) {
            const std::string_view before = hit.first > 0 ? std::string_view(t[hit.first - 1].folded) : std::string_view();
            const std::string_view after = hit.last < t.size() ? std::string_view(t[hit.last].folded) : std::string_view();
            const bool nominal = before == "a" || before == "an" || before == "the" || before == "its" || before == "their" ||
                                 before == "this" || before == "'s" || before == "his" || before == "her" || before == "any" ||
                                 before == "major" || before == "new" || after == "by" || after == "of" || after == "on" ||
                                 // "protests turned into riots": a plural after "to"/"into" is not an infinitive
                                 // "but fighting around Debaltseve never stopped": a gerund opening its clause
                                 (hit.first == a.clause_start[a.clause_of[hit.first]] + 1 && t[hit.first].folded.ends_with("ing") &&
                                  (before == "but" || before == "and" || before == "as" || before == "while")) ||
                                 before == "of" || before == "during" || before == "amid" || before == "after" || before == "heavy" ||
                                 before == "fierce" || before == "more" || before == "several" || before == "many" || before == "some" ||
                                 before == "few" || before == "fresh" || before == "further" || before == "repeated" ||
                                 // "raids hit militant positions": a word right before another event verb is its subject
                                 std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& other) {
                                     return other.first == hit.last && !lexicon.trigger(other.candidates.front()).noun;
                                 }) ||
                                 std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) { return s.adjective_only && s.last == hit.first; }) ||
                                 ((before == "to" || before == "into") && t[hit.last - 1].folded.ends_with("s") &&
                                  !t[hit.last - 1].folded.ends_with("ss")) ||
                                 (hit.first > 0 && t[hit.first - 1].kind == TokenKind::number);
            candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                            [&](std::size_t c) { return lexicon.trigger(c).noun != nominal; }),
                             candidates.end());
        }
        if (candidates.empty()) return;
        const TriggerInfo& first_info = lexicon.trigger(candidates.front());
        const bool noun = first_info.noun;
        if (!noun && hit.first > 0) {
            // "Islamic State positions around Kobani": an -s form after a modifier and before a
            // preposition is a plural noun, not a verb.
            const std::string_view word = t[hit.first].folded;
            const std::string_view before = t[hit.first - 1].folded;
            const std::string_view after = hit.last < t.size() ? std::string_view(t[hit.last].folded) : std::string_view(".");
            const bool determiner = before == "the" || before == "its" || before == "their" || before == "his" || before == "her" ||
                                    before == "'s" || before == "a" || before == "an";
            const bool modified = std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) { return s.last == hit.first; }) ||
                                  (t[hit.first - 1].kind == TokenKind::word && !t[hit.first - 1].capitalized && !be_forms.contains(before) &&
                                   before.ends_with("ant"));
            const bool plural_form = word.ends_with("s") && !word.ends_with("ss") && hit.last == hit.first + 1;
            const bool prepositional = after == "in" || after == "on" || after == "at" || after == "around" || after == "near" ||
                                       after == "of" || after == "east" || after == "west" || after == "north" || after == "south" ||
                                       after == "," || after == "." || after == "and" || after == "along" || after == "across" ||
                                       after == "inside" || after == "outside" || after == "to";
            // "bombed positions of the PKK": an -s form followed by "of" is a noun.
            const bool of_follows = plural_form && after == "of";
            // "the fighting moved closer": an event noun as subject makes no new actor's move.
            const bool event_subject = std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& other) {
                return other.last == hit.first && lexicon.trigger(other.candidates.front()).noun;
            });
            if (determiner || (plural_form && modified && prepositional) || of_follows || event_subject) return;
        }
        // "Shells hit a district, killing five civilians": the toll of the event just told, not a new one.
        if (!noun && t[hit.first].is("killing") && hit.first > 0 && t[hit.first - 1].is(",") &&
            lexicon.trigger(hit.candidates.front()).type == "attack_on_civilians"sv &&
            std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& other) { return other.last < hit.first; }))
            return;
        // "the militants besieging it", "fighters defending the town": a participle right after an
        // actor describes that actor; it is not a new event.
        if (!noun && t[hit.first].folded.ends_with("ing") && std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) {
                return s.last == hit.first && !s.adjective_only;
            }))
            return;
        // "The advance came despite nine air strikes", "The push came a day after": a definite event
        // noun that opens its clause and goes straight on to its verb refers back to an event already told.
        if (noun && hit.first > 0 && (t[hit.first - 1].is("the") || t[hit.first - 1].is("this")) &&
            hit.first - 1 == a.clause_start[a.clause_of[hit.first]] && hit.last < t.size() &&
            !t[hit.last - 1].folded.ends_with("ing") && narrative_links.contains(t[hit.last]))
            return;
        // "to cover the withdrawal", "blamed air strikes for the retreat": a definite event noun names
        // an event the article already told.
        if (noun && hit.first > 0 && t[hit.first - 1].is("the") && !modifier_of(a, hit.first) &&
            std::any_of(out.begin(), out.end(), [&](const EventMention& told) {
                return told.mention.sentence_index < a.sentence->index && told.event_type == lexicon.trigger(hit.candidates.front()).type;
            }))
            return;
        if (noun && hit.first >= 2 && t[hit.first - 1].is("by")) {
            // "buildings gutted by air strikes": damage seen afterwards, not a strike reported.
            const std::string_view participle = t[hit.first - 2].folded;
            if (participle == "gutted" || participle == "destroyed" || participle == "damaged" || participle == "flattened" ||
                participle == "ruined" || participle == "wrecked" || participle == "levelled" || participle == "leveled" ||
                participle == "scarred" || participle == "razed")
                return;
        }
        if (noun) {
            // "It was the first major Turkish air raid on the PKK since 2013": a comment on an event told.
            const std::size_t start = a.clause_start[clause];
            if (start + 1 < t.size() && (t[start].is("it") || t[start].is("this") || t[start].is("that")) &&
                (t[start + 1].is("was") || t[start + 1].is("is")) && hit.first <= start + 6)
                return;
            // "people escaping an Islamic State offensive": what people flee is the cause of their flight.
            for (std::size_t k = hit.first; k-- > (hit.first >= 4 ? hit.first - 4 : 0);) {
                const Token& w = t[k];
                if (w.is("escaping") || w.is("fleeing") || w.is("fled") || w.is("flee") || w.is("escape") || w.is("escaped")) return;
            }
            // "slowed the militants' advance", "halted the offensive": the event stopped, not a new one.
            for (std::size_t k = hit.first; k-- > (hit.first >= 4 ? hit.first - 4 : 0);) {
                const Token& w = t[k];
                if (w.is("slowed") || w.is("halted") || w.is("stopped") || w.is("checked") || w.is("blunted") || w.is("stalled") ||
                    w.is("slow") || w.is("halt") || w.is("stop"))
                    return;
            }
            // Background, not news: "since the offensive began", "despite weeks of air strikes".
            for (std::size_t k = hit.first; k-- > (hit.first >= 5 ? hit.first - 5 : 0);) {
                const Token& w = t[k];
                if (w.is("since") || w.is("despite") || w.is("over") || w.is("against")) return;
                // causes and phases of something else: "because of the bombing", "at the height of their assault"
                if ((w.is("of") && k > 0 && (t[k - 1].is("because") || t[k - 1].is("height") || t[k - 1].is("start") ||
                                            t[k - 1].is("beginning") || t[k - 1].is("course"))) ||
                    (w.is("to") && k > 0 && t[k - 1].is("due")))
                    return;
                // "after more than four months of fighting": a war's length, not an event of its own
                if (w.is("of") && k > 0 && (t[k - 1].is("weeks") || t[k - 1].is("months") || t[k - 1].is("years")))
                    return;
                // "were shot during street fights": the fights are the event unless another one
                // before them is ("X seized the town during a week of fighting").
                if ((w.is("during") || w.is("amid")) && std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& other) {
                        return other.last <= k;
                    }))
                    return;
                if (t[k].kind == TokenKind::punctuation && !w.is("-") && !w.is("'s")) break;
            }
        }

        // The verb of "attacked it with a truck bomb" is coded as the bombing its weapon names.
        for (const TriggerHit& weapon : a.triggers)
            if (&weapon != &hit && verb_of_instrument(a, weapon) == &hit) return;
        // "ISIS is fighting both the Assad regime and other rebel groups": a present state of war
        // with neither a day nor a place is background, not an event.
        if (!noun && hit.first > 0 && (t[hit.first - 1].is("is") || t[hit.first - 1].is("are")) && a.times.empty() &&
            a.places.empty())
            return;
        // "Mishtanour hill, where Islamic State had raised its flag in October": a past perfect in a
        // relative clause is the place's history, told to explain the main event.
        {
            const std::size_t start = a.clause_start[clause];
            const std::string_view opener = t[start].folded;
            // "since Islamic State laid siege to it": the clause dates something else.
            if (opener == "since" && start > 0) return;
            // "that" after a noun ("the town centre that the two sides had been fighting over") is relative.
            const bool relative_that = opener == "that" && start > 0 && t[start - 1].kind == TokenKind::word &&
                                       !a.has_cue_in(CueFamily::reporting_verbs, 0, start) &&
                                       !std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& h) {
                                           return h.last <= start && is_statement(lexicon.trigger(h.candidates.front()).type);
                                       }) &&
                                       !t[start - 1].folded.ends_with("ed") && !a.has_cue_in(CueFamily::reporting_verbs, start - 1, start) &&
                                       !std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& h) { return h.last == start; });
            if (!noun && start > 0 && (opener == "where" || opener == "which" || opener == "who" || opener == "whom" || relative_that))
                for (std::size_t k = start + 1; k < hit.first; ++k)
                    if (t[k].is("had") && k + 3 >= hit.first) return;
        }
        const ActorSpan* subject = nullptr;
        const ActorSpan* object = nullptr;
        bool passive = false;
        if (const TriggerHit* verb = noun ? verb_of_instrument(a, hit) : nullptr) {
            subject = subject_of(a, verb->first);
            object = nearest_right(a, verb->last, hit.first);
        } else if (noun) {
            subject = modifier_of(a, hit.first);
            if (!subject) subject = agent_after(a, hit.last, end);
            // "carried out five strikes", "set off three suicide bombs": the subject of a light verb.
            if (!subject)
                for (std::size_t k = hit.first; k-- > (hit.first >= 5 ? hit.first - 5 : 0);) {
                    if (light_verbs.contains(t[k])) {
                        subject = subject_of(a, k);
                        break;
                    }
                    const bool filler = t[k].kind == TokenKind::number || (t[k].kind == TokenKind::word && !t[k].capitalized);
                    if (!filler) break;
                }
            // "street fights between supporters of X and followers of Y": both sides named after the noun.
            if (!subject && hit.last < end && t[hit.last].is("between")) {
                subject = nearest_right(a, hit.last + 1, end);
                const auto conj = std::find_if(t.begin() + static_cast<long>(subject ? subject->last : hit.last), t.begin() + static_cast<long>(end),
                                               [](const Token& x) { return x.is("and"); });
                if (subject && conj != t.begin() + static_cast<long>(end))
                    object = nearest_right(a, static_cast<std::size_t>(conj - t.begin()) + 1, end);
            }
            // "overran the city after four days of fighting": the fighting was the overrunners'.
            const std::string_view opener = t[a.clause_start[clause]].folded;
            if (!subject && first_info.type == "armed_clash"sv &&
                (opener == "after" || opener == "before" || opener == "during" || opener == "following" || opener == "amid"))
                if (const ActorSpan* main = subject_of(a, hit.first); main && !main->adjective_only && is_armed(main->kind))
                    subject = main;
            // "Obama told Erdogan of the plan in a telephone call": a statement noun is its sentence subject's.
            if (!subject && is_statement(first_info.type))
                if (const ActorSpan* speaker = first_actor(a, a.clause_start[clause], hit.first)) {
                    subject = speaker;
                    object = nearest_right(a, speaker->last, hit.first);
                }
            for (std::size_t k = hit.last; !object && k < end && k < hit.last + 6; ++k)
                if (t[k].is("on") || t[k].is("against") || t[k].is("at") || t[k].is("with") || t[k].is("targeting")) {
                    object = nearest_right(a, k + 1, std::min(end, k + 5));
                    break;
                }
        } else {
            const bool participle = !t[hit.first].folded.ends_with("ing");  // "has been asking" is not passive
            for (std::size_t k = hit.first; participle && k-- > (hit.first >= 3 ? hit.first - 3 : 0);) {
                if (be_forms.contains(t[k])) { passive = true; break; }
                if (!(t[k].folded.ends_with("ly") || t[k].is("also") || t[k].is("not") || t[k].is("still"))) break;
            }
            const ActorSpan* agent = agent_after(a, hit.last, end);
            // The object may sit inside a gapped phrase: "drove [Islamic State militants] out of".
            const ActorSpan* right = nearest_right(a, hit.first + 1, end);
            if (!passive && agent && right == agent && (t[hit.first].folded.ends_with("ed") || t[hit.first].folded.ends_with("en")))
                passive = true;  // "Islamic State pushed out of Kobane by Kurdish fighters"
            if (passive) {
                // The patient of a passive is its own clause's subject ("Kobani had been liberated": none).
                subject = agent;
                object = nearest_left(a, hit.first, a.clause_start[clause]);
                // "The YPG declared that Kobani had been liberated": the speaker claims the deed.
                if (!subject && first_info.type == "territory_taken"sv)
                    for (const detail::CueHit& reporting : a.cues_of(CueFamily::reporting_verbs))
                        if (reporting.last <= a.clause_start[clause] && a.clause_of[reporting.first] + 1 == clause) {
                            const ActorSpan* speaker = subject_of(a, reporting.first);
                            if (speaker && !speaker->adjective_only && speaker->kind != ActorKind::civilians &&
                                (!object || speaker->ref.id != object->ref.id))
                                subject = speaker;
                            break;
                        }
            } else {
                subject = subject_of(a, hit.first);
                // "Kurtulmus said that 130,000 Kurds had entered Turkey and warned that ...": a statement
                // verb coordinated with a reporting verb shares its speaker, not the reported clause's subject.
                if (is_statement(first_info.type) && hit.first > 0 && t[hit.first - 1].is("and")) {
                    std::optional<std::size_t> first_verb;
                    for (const detail::CueHit& reporting : a.cues_of(CueFamily::reporting_verbs))
                        if (reporting.last < hit.first && a.clause_of[reporting.first] < clause) {
                            first_verb = reporting.first;
                            break;
                        }
                    // "Biden accused Russia of violating the agreement and warned that ...".
                    for (const TriggerHit& other : a.triggers)
                        if (other.last < hit.first && is_statement(lexicon.trigger(other.candidates.front()).type) &&
                            (!first_verb || other.first < *first_verb)) {
                            first_verb = other.first;
                            break;
                        }
                    if (first_verb)
                        if (const ActorSpan* speaker = subject_of(a, *first_verb)) subject = speaker;
                }
                object = right;
                if (object && object->first > hit.last + 6) object = nullptr;
                // "warned that the costs for Moscow would rise": a statement's addressee or target is
                // named close after its verb, in its clause or the one it introduces; further on
                // ("would not agree to U.S. weapons going to the PYD") it is only mentioned.
                if (is_statement(first_info.type)) {
                    object = nearest_right(a, hit.last, t.size());
                    if (object && object->first > hit.last + 5) object = nullptr;
                }
            }
        }
        if (first_info.inverse) std::swap(subject, object);
        if (subject == object) object = nullptr;

        // Choose among the trigger's readings by who acts: people flee, armies retreat.
        const bool has_civilian_reading = std::any_of(candidates.begin(), candidates.end(), [&](std::size_t c) {
            const std::string& type = lexicon.trigger(c).type;
            return type == "displacement" || type == "protest" || type == "riot";
        });
        for (const std::size_t candidate : candidates) {
            const TriggerInfo& info = lexicon.trigger(candidate);
            const bool civilian_event = info.type == "protest"sv || info.type == "riot"sv || info.type == "displacement"sv;
            EventMention m;
            m.event_type = info.type;
            m.actor1 = ref_of(subject, civilian_event);
            m.actor2 = ref_of(object, false);
            // "troops were sent onto the streets": what is deployed is the actor of a deployment.
            if (passive && (info.movement || info.type == "deployment"sv) && m.actor1.empty() && !m.actor2.empty()) std::swap(m.actor1, m.actor2);
            const bool against_police = object && object->ref.local_state == ActorRef::LocalState::security;
            // Whoever speaks is who "he" or "she" is next, even when what was said is not coded.
            if (is_statement(info.type) && !m.actor1.empty()) context.last_speaker = m.actor1;
            // "Kurds" who capture a town or fight are the Kurds' armed force, not civilians.
            const bool armed_act = physical_needing_armed.contains(info.type) || info.type == "armed_clash"sv;
            if (armed_act && !has_civilian_reading && !against_police && is_civilian(m.actor1))
                if (const std::string armed = lexicon.armed_force_of(m.actor1.id); !armed.empty()) m.actor1.id = armed;
            const bool civ1 = is_civilian(m.actor1);
            if (info.type == "displacement"sv && !m.actor1.empty() && !civ1) continue;
            // "captured troops being marched down a road": nobody is protested.
            if ((info.type == "protest"sv || info.type == "riot"sv) && passive && !noun) continue;
            // armed men do not protest.
            if (info.type == "protest"sv && !m.actor1.empty() && !civ1 && !m.actor1.id.empty() && is_armed(kind_of_actor(m.actor1))) continue;
            // "U.S. drops arms to Kobani Kurds": weapons go to the people's fighters.
            if (info.type == "aid"sv && is_civilian(m.actor2) &&
                std::any_of(t.begin(), t.end(), [](const Token& x) {
                    return x.is("arms") || x.is("weapons") || x.is("ammunition") || x.is("munitions");
                }))
                if (const std::string armed = lexicon.armed_force_of(m.actor2.id); !armed.empty()) m.actor2.id = armed;
            if (physical_needing_armed.contains(info.type) && civ1) continue;

            if (!info.person_object.empty()) {
                const auto person = a.last_cue_in(CueFamily::person_objects, hit.last, std::min(end, hit.last + 6));
                const bool people = person && !std::any_of(a.places.begin(), a.places.end(), [&](const PlaceRef& p) {
                                        return p.first_token >= hit.last && p.first_token < person->first;
                                    });
                if (people) m.event_type = info.person_object;
            }
            m.movement = info.movement;
            if (!info.facility_object.empty() && a.last_cue_in(CueFamily::facility_objects, hit.last, std::min(end, hit.last + 5)))
                m.event_type = info.facility_object;
            if (info.by_speaker)
                for (const detail::CueHit& reporting : a.cues_of(CueFamily::reporting_verbs))
                    if (reporting.last <= hit.first)
                        if (const ActorSpan* speaker = subject_of(a, reporting.first); speaker && speaker->ref.id != m.actor2.id) {
                            m.actor1 = ref_of(speaker, false);
                            // "said the defenders needed heavier weapons to match the militants' tanks": a need has no addressee.
                            if (m.event_type == "appeal"sv) m.actor2 = {};
                        }
            if (info.movement) {
                if (civ1) m.event_type = "displacement";
                else if (m.actor1.empty()) return;
                else if (const auto cue = a.last_cue_in(CueFamily::reinforce, 0, t.size())) {
                    m.event_type = "aid";
                    if (const ActorSpan* helped = nearest_right(a, cue->last, t.size())) m.actor2 = ref_of(helped, false);
                } else {
                    m.event_type = "deployment";
                }
            }
            // "Supporters of the HDP fought with police": unarmed people against police riot.
            if (m.event_type == "armed_clash"sv && against_police && !m.actor1.id.empty() && !is_armed(kind_of_actor(m.actor1)))
                m.event_type = "riot";
            if (m.event_type == "armed_clash"sv || m.event_type == "riot"sv) {
                const bool civ2 = is_civilian(m.actor2);
                if (civ2 && !civ1) { std::swap(m.actor1, m.actor2); m.event_type = "riot"; }
                else if (civ1) m.event_type = "riot";
                if (m.event_type == "riot"sv && m.actor1.empty() == false && is_state(m.actor1) && m.actor2.empty()) {
                    m.actor2 = m.actor1;
                    m.actor1 = ActorRef{default_civilians(a), ""};
                }
            }
            // "Clashes were also reported in Ankara" in a story of riots: more rioting, not a battle.
            if (m.event_type == "armed_clash"sv && m.actor1.empty() && m.actor2.empty() &&
                std::any_of(out.rbegin(), out.rend(), [&](const EventMention& earlier) {
                    return earlier.event_type == "riot"sv && earlier.mention.sentence_index + 6 >= a.sentence->index;
                }))
                m.event_type = "riot";
            // "protests that have left 31 people dead" were riots.
            if (m.event_type == "protest"sv && std::any_of(t.begin() + static_cast<long>(hit.last), t.begin() + static_cast<long>(end),
                                                         [](const Token& x) { return x.is("dead") || x.is("killed"); }))
                m.event_type = "riot";
            if ((m.event_type == "riot"sv || m.event_type == "protest"sv || m.event_type == "displacement"sv) && m.actor1.empty())
                m.actor1 = ActorRef{default_civilians(a), ""};
            if (m.event_type == "bombing"sv) {
                const bool suicide = std::any_of(t.begin() + static_cast<long>(hit.first), t.begin() + static_cast<long>(hit.last),
                                                 [](const Token& x) { return x.is("suicide") || x.is("herself") || x.is("himself"); });
                if (suicide) m.sub_event_type = "Suicide bomb";
            }

            const bool physical = !is_statement(m.event_type);
            m.certainty = certainty_of(a, hit, physical, noun);
            if (physical && (m.certainty == Certainty::hypothetical || m.certainty == Certainty::negated)) return;
            if (!physical && (m.certainty == Certainty::negated || m.certainty == Certainty::hypothetical)) return;
            // "warned that Kobani could still fall": a forecast about a place, not a threat.
            if (m.event_type == "warning"sv && std::any_of(t.begin() + static_cast<long>(hit.last), t.end(), [](const Token& x) {
                    return x.is("fall") || x.is("collapse");
                }))
                return;
            if (!physical && m.actor1.empty()) return;
            attribute(a, m, hit.first);
            date(a, m, hit.first);
            // A month or more before the news is the story's background, told to explain it.
            if (physical && m.date_end && article.published && *m.date_end < article.published->plus_days(-30)) return;
            // "after four days of fighting": the fighting ran over those days up to the date.
            if (hit.first >= 3 && t[hit.first - 1].is("of") && (t[hit.first - 2].is("days") || t[hit.first - 2].is("nights")) &&
                m.date_start)
                if (const auto days = number_value(t[hit.first - 3]); days && *days > 0 && *days <= 31) {
                    m.date_start = m.date_start->plus_days(-*days);
                    m.time_precision = std::max(m.time_precision, 2);
                }
            if (physical) m.places = places_for(a, hit.first, hit.last, dateline_end);
            // "Kurds streamed into Turkey": people cross where the story is, at that state's border
            // nearest the story's focus, not at the middle of the country.
            if (m.event_type == "displacement"sv || m.event_type == "aid"sv || m.event_type == "deployment"sv) {
                // "crossed from Turkey into Syria": where they went, not where they came from.
                std::stable_partition(m.places.begin(), m.places.end(), [&](const PlaceRef& p) {
                    return !(p.first_token > 0 && t[p.first_token - 1].is("from"));
                });
                for (PlaceRef& p : m.places) {
                    const std::string_view before = p.first_token > 0 ? std::string_view(t[p.first_token - 1].folded) : std::string_view();
                    if (p.state.empty() || p.anaphor || p.relation != PlaceRelation::in ||
                        !(before == "into" || before == "entered" || before == "to" || before == "reached"))
                        continue;
                    p.anaphor = true;
                    p.relation = PlaceRelation::border;
                    p.border_partner = p.state;
                    p.feature_hint = "border";
                }
            }
            for (PlaceRef& p : m.places)
                if (p.relation == PlaceRelation::border && p.border_partner.empty() && is_state(m.actor1)) p.border_partner = m.actor1.id;
            if (m.event_type == "territory_taken"sv || m.event_type == "retreat"sv) {
                m.magnitude = share_before_place(a, a.clause_start[clause], end);
                // "took the compound ..., and the militants now hold about 40 percent of the town":
                // the share the taker holds afterwards, said in the clause that follows.
                if (!m.magnitude && m.event_type == "territory_taken"sv)
                    for (std::size_t k = end; k < t.size() && !m.magnitude; ++k)
                        if (t[k].is("hold") || t[k].is("holds") || t[k].is("control") || t[k].is("controls"))
                            m.magnitude = share_before_place(a, k + 1, std::min(t.size(), k + 6));
                const TakenObject taken = taken_object(a, hit.last, end);
                if (taken.extent == TakenObject::Extent::part) m.part = PlacePart{taken.side_bearing};
                if (taken.extent == TakenObject::Extent::surroundings)
                    for (PlaceRef& p : m.places)
                        if (p.relation == PlaceRelation::in && p.state.empty()) p.relation = PlaceRelation::near;
            }
            m.confidence = 0.5 + (m.actor1.empty() ? -0.2 : 0.15) + (m.places.empty() ? 0.0 : 0.1) + (passive ? -0.05 : 0.0);
            m.mention = mention_of(a);
            // "More raids hit militant positions": the raiders of the sentence before.
            const bool another = hit.first > 0 && (t[hit.first - 1].is("another") || t[hit.first - 1].is("further") ||
                                                   t[hit.first - 1].is("more") || t[hit.first - 1].is("other"));
            if (physical && m.actor1.empty())
                for (auto it = out.rbegin(); it != out.rend() && (another || it->mention.sentence_index + 2 >= a.sentence->index); ++it)
                    if (it->event_type == m.event_type && !it->actor1.empty()) {
                        m.actor1 = it->actor1;
                        m.confidence -= 0.1;
                        break;
                    }
            // One side cannot be both: a second mention of the subject's own group is not its target.
            if (!m.actor2.empty() && m.actor2.id == m.actor1.id && m.actor2.local_state == m.actor1.local_state) m.actor2 = {};
            if (physical && !m.actor1.id.empty()) context.last_subject = m.actor1;
            if (!physical && !m.actor1.empty()) context.last_speaker = m.actor1;
            out.push_back(std::move(m));
            return;
        }
    }
};

/// Splits an event whose place is a list of towns ("in Diyarbakir, Mardin, Siirt and Van") into
/// one event per town: ACLED codes one event per location.
std::vector<EventMention> split_place_lists(EventMention m, const SentenceAnalysis& a) {
    std::vector<EventMention> out;
    if (m.places.empty() || m.places.front().anaphor || m.places.front().carried) {
        out.push_back(std::move(m));
        return out;
    }
    const auto& t = a.tokens();
    std::vector<PlaceRef> list{m.places.front()};
    for (std::size_t k = 1; k < m.places.size(); ++k) {
        const PlaceRef& prev = list.back();
        const PlaceRef& next = m.places[k];
        if (next.anaphor || next.carried || next.first_token < prev.last_token) break;
        bool joined = false;
        for (std::size_t q = prev.last_token; q < next.first_token; ++q)
            if (t[q].is(",") || t[q].is("and")) joined = true;  // "Hit in Anbar province" is one place
        for (std::size_t q = prev.last_token; q < next.first_token; ++q) {
            const Token& w = t[q];
            if (!(w.is(",") || w.is("and") || w.is("the") || w.is("in") || w.is("of") || w.is("province") || w.is("town") ||
                  w.is("city") || w.is("border") || w.is("capital") || number_value(t[q]).has_value()))
                joined = false;
        }
        if (!joined || next.first_token - prev.last_token > 7) break;
        list.push_back(next);
    }
    if (list.size() < 2) {
        out.push_back(std::move(m));
        return out;
    }
    for (const PlaceRef& place : list) {
        EventMention copy = m;
        copy.places = {place};
        copy.magnitude.reset();
        out.push_back(std::move(copy));
    }
    return out;
}

void write_trace(std::ostream& out, const SentenceAnalysis& a, const Article& article, const Lexicon& lexicon) {
    const auto& t = a.tokens();
    auto span = [&](std::size_t first, std::size_t last) {
        return first < last ? article.text.substr(t[first].begin, t[last - 1].end - t[first].begin) : std::string();
    };
    out << "[" << a.sentence->index << "] " << a.sentence->text(article) << "\n";
    for (const ActorSpan& s : a.actors)
        out << "    actor " << s.ref.id << (s.adjective_only ? " (adjective)" : "") << " <- \"" << span(s.first, s.last) << "\"\n";
    for (const PlaceRef& p : a.places)
        out << "    place " << (p.anaphor ? "(anaphor) " : "") << "\"" << span(p.first_token, p.last_token) << "\"" << (p.locative_cue ? " cued" : "")
            << (p.feature_hint.empty() ? "" : " hint=" + p.feature_hint) << " relation=" << static_cast<int>(p.relation) << "\n";
    for (const TimeExpression& e : a.times) out << "    time " << e.start.iso() << ".." << e.end.iso() << " <- \"" << span(e.first_token, e.last_token) << "\"\n";
    for (const TriggerHit& h : a.triggers) {
        out << "    trigger \"" << span(h.first, h.last) << "\" clause " << a.clause_of[h.first] << ":";
        for (const std::size_t c : h.candidates) out << " " << lexicon.trigger(c).type;
        out << "\n";
    }
    out << "    clauses at";
    for (const std::size_t c : a.clause_start) out << " " << c << ":" << (c < t.size() ? t[c].folded : "");
    out << "\n";
}

}  // namespace

ArticleReading Extractor::read(const Article& article) const {
    ArticleReading reading;
    std::vector<Sentence> sentences = segment(article);
    std::vector<detail::SentencePhrases> phrases;
    phrases.reserve(sentences.size());
    for (Sentence& sentence : sentences) {
        lexicon_.mark_phrase_starts(sentence.tokens);
        phrases.push_back(detail::find_phrases(sentence.tokens, lexicon_));
    }
    detail::ArticleContext context = detail::pre_scan(sentences, phrases, lexicon_);
    std::vector<bool> air(sentences.size(), false);
    for (std::size_t s = 0; s < sentences.size(); ++s) air[s] = !phrases[s].cues_of(CueFamily::air).empty();

    Coder coder{lexicon_, article, context, reading.mentions, std::nullopt, std::nullopt};
    std::size_t last_paragraph = static_cast<std::size_t>(-1);
    std::size_t previous_sentence_first_mention = 0;
    bool dateline_seen = false;
    std::vector<PlaceRef> paragraph_places;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& sentence = sentences[s];
        const Paragraph& paragraph = article.paragraphs[sentence.paragraph];
        if (paragraph.boilerplate != Boilerplate::none) continue;
        // A headline's "raids" are explained by the lead that follows it.
        const bool air_context = air[s] || (s >= 1 && air[s - 1]) || (s >= 2 && air[s - 2]) ||
                                 (paragraph.is_title && ((s + 1 < sentences.size() && air[s + 1]) || (s + 2 < sentences.size() && air[s + 2])));
        const SentenceAnalysis a = detail::analyse(sentence, phrases[s], article, lexicon_, context, air_context);
        const auto& t = sentence.tokens;
        if (trace_) write_trace(*trace_, a, article, lexicon_);
        if (sentence.paragraph != last_paragraph) {
            coder.inherited_time.reset();
            paragraph_places.clear();
        }
        last_paragraph = sentence.paragraph;

        // Dateline: "SURUC, Turkey (Meridian Wire) —" opens the first body paragraph.
        std::size_t dateline_end = 0;
        if (!dateline_seen && !paragraph.is_title && !t.empty() && t.front().all_caps && t.front().kind == TokenKind::word) {
            for (std::size_t k = 1; k < t.size() && k < 14; ++k)
                if (t[k].is("—") || t[k].is("–") || t[k].is("-")) {
                    dateline_end = k;
                    break;
                }
            if (dateline_end > 0) {
                dateline_seen = true;
                for (const PlaceRef& p : a.places)
                    if (p.last_token <= dateline_end && !reading.places.dateline) reading.places.dateline = p;
            }
        }
        for (const PlaceRef& p : a.places)
            if (p.last_token > dateline_end) reading.places.all.push_back(p);

        const std::size_t first_mention = reading.mentions.size();
        for (const TriggerHit& hit : a.triggers) coder.code_trigger(a, hit, dateline_end);
        coder.code_holdings(a, dateline_end, reading.holdings);
        // "kept away from the border" after "clashed near the Mursitpinar crossing": an anaphor
        // means the place of its kind the paragraph was just at, before the story's focus.
        for (std::size_t k = first_mention; k < reading.mentions.size(); ++k) {
            std::vector<PlaceRef>& places = reading.mentions[k].places;
            if (places.empty() || !places.front().anaphor || !places.front().border_partner.empty()) continue;
            const PlaceRef& anaphor = places.front();
            const auto antecedent = std::find_if(paragraph_places.begin(), paragraph_places.end(), [&](const PlaceRef& p) {
                if (anaphor.relation == PlaceRelation::border)
                    return p.feature_hint == "crossing" || p.feature_hint == "border" || p.feature_hint == "gate";
                return !anaphor.feature_hint.empty() && p.feature_hint == anaphor.feature_hint;
            });
            if (antecedent == paragraph_places.end()) continue;
            PlaceRef carried = *antecedent;
            carried.carried = true;
            places.front() = carried;
        }
        // A sentence that names no place goes on about the place the paragraph was just at.
        for (std::size_t k = first_mention; k < reading.mentions.size(); ++k)
            if (reading.mentions[k].places.empty() && !is_statement(reading.mentions[k].event_type)) {
                reading.mentions[k].places = paragraph_places;
                for (PlaceRef& p : reading.mentions[k].places) p.carried = true;
            }

        // Conditional warnings: "The UN says that if Kobani falls, a bloodbath will ensue".
        for (const detail::CueHit& verb : a.cues_of(CueFamily::reporting_verbs)) {
                const auto cond = std::find_if(t.begin() + static_cast<long>(verb.last), t.end(), [](const Token& x) { return x.is("if"); });
                if (cond == t.end() || cond - t.begin() > static_cast<long>(verb.last) + 3) continue;
                const bool consequence = std::any_of(cond, t.end(), [](const Token& x) { return x.is("will") || x.is("would"); });
                const ActorSpan* speaker = coder.nearest_left(a, verb.first, 0);
                if (!consequence || !speaker) continue;
                const bool already = std::any_of(reading.mentions.begin() + static_cast<long>(first_mention), reading.mentions.end(),
                                                 [&](const EventMention& m) { return m.event_type == "warning"sv && m.actor1.id == speaker->ref.id; });
                if (already) continue;
                EventMention m;
                m.event_type = "warning";
                m.actor1 = speaker->ref;
                m.confidence = 0.55;
                coder.date(a, m, verb.first);
                m.mention = mention_in(article, sentence);
                reading.mentions.push_back(std::move(m));
                break;
            }

        // "Eight of the dead were in Diyarbakir": casualties at a place continue the event just reported.
        const auto casualty = std::find_if(t.begin(), t.end(), [](const Token& x) { return casualty_words.contains(x); });
        const std::size_t casualty_clause = casualty == t.end() ? 0 : a.clause_of[static_cast<std::size_t>(casualty - t.begin())];
        const bool coded_in_clause = std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& h) {
            return a.clause_of[h.first] == casualty_clause;
        });
        if (casualty != t.end() && !coded_in_clause && first_mention > 0) {
            // Only violence leaves dead: a deployment or a retreat does not continue into casualties.
            const auto violent = [](const EventMention& m) {
                return m.event_type == "riot"sv || m.event_type == "armed_clash"sv || m.event_type == "shelling"sv ||
                       m.event_type == "airstrike"sv || m.event_type == "bombing"sv || m.event_type == "attack_on_civilians"sv;
            };
            // The dead are counted from the event that left them ("riots ... leaving 14 dead. Eight of
            // the dead were in Diyarbakir"), else from the violence just told.
            auto previous = std::find_if(reading.mentions.rbegin(), reading.mentions.rend(), [&](const EventMention& m) {
                return violent(m) && m.fatalities && m.mention.sentence_index + 6 >= sentence.index;
            });
            if (previous == reading.mentions.rend())
                previous = std::find_if(reading.mentions.rbegin(), reading.mentions.rend(), violent);
            const bool recent = previous != reading.mentions.rend() && previous->mention.sentence_index + 6 >= sentence.index &&
                                (previous->fatalities || previous->mention.sentence_index + 3 >= sentence.index);
            std::vector<PlaceRef> named;
            for (const PlaceRef& p : a.places)
                if (!p.anaphor && p.locative_cue && a.clause_of[p.first_token] == casualty_clause) named.push_back(p);
            if (recent && !named.empty()) {
                EventMention m = *previous;
                m.places = named;
                m.fatalities = fatalities_in(a);
                m.magnitude.reset();
                m.confidence = 0.45;
                m.mention = mention_in(article, sentence);
                for (EventMention& part : split_place_lists(std::move(m), a)) reading.mentions.push_back(std::move(part));
            }
        }

        // Two triggers of one event in one sentence ("a suicide bomber blew himself up"): one mention.
        for (std::size_t k = first_mention; k < reading.mentions.size(); ++k)
            for (std::size_t j = k + 1; j < reading.mentions.size();) {
                EventMention& x = reading.mentions[k];
                const EventMention& y = reading.mentions[j];
                const auto place_text = [](const EventMention& m) { return m.places.empty() ? std::string() : m.places.front().text; };
                const bool same = x.event_type == y.event_type && place_text(x) == place_text(y) &&
                                  (x.actor1.empty() || y.actor1.empty() || x.actor1.id == y.actor1.id) &&
                                  (x.actor2.empty() || y.actor2.empty() || x.actor2.id == y.actor2.id);
                if (!same) { ++j; continue; }
                if (x.actor1.empty()) x.actor1 = y.actor1;
                if (x.actor2.empty()) x.actor2 = y.actor2;
                if (x.sub_event_type.empty()) x.sub_event_type = y.sub_event_type;
                if (!x.magnitude) x.magnitude = y.magnitude;
                reading.mentions.erase(reading.mentions.begin() + static_cast<long>(j));
            }
        // "ISIL pressed south, taking Tikrit": the advance is the capture, told once.
        for (std::size_t k = first_mention; k < reading.mentions.size();) {
            const EventMention& advance = reading.mentions[k];
            const bool realised = advance.event_type == "advance"sv && !advance.actor1.empty() &&
                                  std::any_of(reading.mentions.begin() + static_cast<long>(first_mention), reading.mentions.end(),
                                              [&](const EventMention& m) {
                                                  return m.event_type == "territory_taken"sv && m.actor1.id == advance.actor1.id &&
                                                         (advance.places.empty() || m.places.empty() ||
                                                          advance.places.front().text == m.places.front().text);
                                              });
            if (realised) reading.mentions.erase(reading.mentions.begin() + static_cast<long>(k));
            else ++k;
        }
        // Split place lists; riots supersede the protests they grew out of; casualties attach once.
        std::vector<EventMention> coded(std::make_move_iterator(reading.mentions.begin() + static_cast<long>(first_mention)),
                                        std::make_move_iterator(reading.mentions.end()));
        reading.mentions.resize(first_mention);
        const bool riot_here = std::any_of(coded.begin(), coded.end(), [](const EventMention& m) { return m.event_type == "riot"sv; });
        bool fatalities_given = false;
        for (EventMention& m : coded) {
            if (riot_here && m.event_type == "protest"sv) continue;
            if (!is_statement(m.event_type) && !fatalities_given && !m.fatalities) {
                m.fatalities = fatalities_in(a);
                fatalities_given = m.fatalities.has_value();
            }
            if (is_statement(m.event_type)) { reading.mentions.push_back(std::move(m)); continue; }
            for (EventMention& part : split_place_lists(std::move(m), a)) reading.mentions.push_back(std::move(part));
        }

        // "The claim could not be independently confirmed": the sentence before was a claim.
        if (a.triggers.empty() && a.has_cue_in(CueFamily::claimed, 0, t.size()))
            for (std::size_t k = previous_sentence_first_mention; k < first_mention; ++k)
                if (!is_statement(reading.mentions[k].event_type)) reading.mentions[k].certainty = Certainty::claimed;

        if (coder.used_time) {
            coder.inherited_time = coder.used_time;
        } else if (first_mention == reading.mentions.size()) {
            // A sentence that dates nothing may still set the day ("On Tuesday, ..."); a "since" or
            // "until" phrase does not.
            for (const TimeExpression& e : a.times) {
                const bool bounded = std::any_of(t.begin() + static_cast<long>(e.first_token >= 3 ? e.first_token - 3 : 0),
                                                 t.begin() + static_cast<long>(e.first_token), [](const Token& x) {
                                                     return x.is("since") || x.is("until") || x.is("before") || x.is("after");
                                                 });
                if (!bounded && e.precision <= 2) {
                    coder.inherited_time = e;
                    break;
                }
            }
        }
        coder.used_time.reset();
        // The paragraph is "at" the places where this sentence's events happened, if any.
        std::vector<PlaceRef> named_here;
        for (std::size_t k = first_mention; k < reading.mentions.size(); ++k) {
            const EventMention& m = reading.mentions[k];
            if (is_statement(m.event_type) || m.places.empty() || m.places.front().anaphor) continue;
            named_here.push_back(m.places.front());
        }
        // A sentence that reports nothing may still say where the paragraph is ("Crowds had been
        // building up near the Turkish village of Dikmetas").
        if (named_here.empty() && first_mention == reading.mentions.size())
            for (const PlaceRef& p : a.places)
                if (!p.anaphor && p.locative_cue && !p.sentence_initial && p.relation != PlaceRelation::region && p.state.empty())
                    named_here.push_back(p);
        if (!named_here.empty()) paragraph_places = std::move(named_here);
        previous_sentence_first_mention = first_mention;
    }
    // "Heavy fighting raged in the town": fighting with a side missing is between the two sides
    // the article's ground events set against each other.
    std::map<std::pair<std::string, std::string>, int> dyads;
    for (const EventMention& m : reading.mentions) {
        const bool ground = m.event_type == "territory_taken"sv || m.event_type == "retreat"sv || m.event_type == "advance"sv ||
                            m.event_type == "armed_clash"sv;
        if (ground && !m.actor1.id.empty() && !m.actor2.id.empty() && m.actor1.id != m.actor2.id)
            ++dyads[std::minmax(m.actor1.id, m.actor2.id)];
    }
    std::optional<std::pair<std::string, std::string>> dyad;
    if (!dyads.empty()) {
        dyad = std::max_element(dyads.begin(), dyads.end(), [](const auto& x, const auto& y) { return x.second < y.second; })->first;
    } else {
        // No ground event names both sides: the two armed groups the article names most.
        std::vector<std::pair<int, std::string>> armed;
        for (const auto& [id, count] : context.actor_counts)
            if (const ActorInfo* info = lexicon_.actor(id); info && info->kind != ActorKind::state && is_armed(info->kind))
                armed.emplace_back(-count, id);
        std::sort(armed.begin(), armed.end());
        if (armed.size() >= 2) dyad = std::minmax(armed[0].second, armed[1].second);
    }
    if (dyad) {
        for (EventMention& m : reading.mentions) {
            if (m.event_type != "armed_clash"sv) continue;
            const auto other = [&](const std::string& id) { return id == dyad->first ? dyad->second : dyad->first; };
            const auto in_dyad = [&](const std::string& id) { return id == dyad->first || id == dyad->second; };
            if (m.actor1.empty() && m.actor2.empty()) {
                m.actor1.id = dyad->first;
                m.actor2.id = dyad->second;
            } else if (m.actor2.empty() && in_dyad(m.actor1.id)) {
                m.actor2.id = other(m.actor1.id);
            } else if (m.actor1.empty() && in_dyad(m.actor2.id)) {
                m.actor1.id = other(m.actor2.id);
            }
        }
    }
    // "Peshmerga cross into Kobani" (headline) and "crossed ... to reinforce the YPG" (body): one
    // force's crossing is the aid the story says it brought.
    for (EventMention& m : reading.mentions) {
        if (!m.movement || m.event_type != "deployment"sv || m.actor1.id.empty()) continue;
        const auto aid = std::find_if(reading.mentions.begin(), reading.mentions.end(), [&](const EventMention& other) {
            return other.movement && other.event_type == "aid"sv && other.actor1.id == m.actor1.id;
        });
        if (aid == reading.mentions.end()) continue;
        m.event_type = "aid";
        if (m.actor2.empty()) m.actor2 = aid->actor2;
    }
    return reading;
}

}  // namespace frontline
