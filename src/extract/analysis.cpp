#include "extract/analysis.hpp"

#include <algorithm>
#include <array>

#include "text/fold.hpp"
#include "text/word_map.hpp"

namespace frontline::detail {

namespace {

const WordSet locative_prepositions = {
    "in", "into", "inside", "at", "near", "around", "across", "throughout", "from", "to", "toward", "towards",
    "outside", "within", "through", "via", "of", "over", "along", "between", "onto", "beyond", "entered", "reached"};

const WordSet title_words = {
    "president", "minister", "secretary", "general", "gen.", "lt.", "lieutenant", "colonel", "col.", "commander",
    "spokesman", "spokeswoman", "envoy", "ambassador", "governor", "king", "prince", "sheikh", "mayor", "director",
    "chief", "premier", "chancellor", "senator", "sen.", "rep.", "pope", "captain", "capt.", "sergeant", "dr.", "mr.",
    "mrs.", "ms.", "emir", "ayatollah", "as", "named", "by"};

const WordSet place_particles = {"al", "el", "ad", "ar", "as", "ash", "az", "ez", "es",
                                 "ed", "de", "del", "la", "le", "du", "bin", "ibn", "abu",
                                 "ul", "ur", "an", "at", "um", "umm", "bou"};

const WordSet function_words = {
    "the", "a", "an", "but", "and", "or", "in", "on", "at", "by", "as", "if", "it", "its", "this", "that", "these",
    "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "for", "from", "with", "after",
    "before", "when", "while", "despite", "although", "yet", "so", "additionally", "meanwhile", "however", "also",
    "more", "most", "some", "many", "several", "one", "two", "three", "four", "five", "early", "late", "later",
    "earlier", "hours", "minutes", "days", "across", "on", "about", "around", "nearly", "over", "under", "up",
    "down", "out", "across", "there", "here", "what", "who", "why", "how", "no", "not", "all", "both", "each",
    "every", "another", "other", "such", "than", "then", "cheering", "updated", "watch", "read", "by"};

const WordSet calendar_words = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

const WordSet place_nouns = {
    "town", "city", "village", "villages", "hill", "hilltop", "province", "governorate", "region", "district",
    "districts", "crossing", "gate", "border", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
    "enclave", "canton", "capital", "area", "airport", "base", "refinery", "camp", "valley", "river", "mountain",
    "mountains", "port", "quarter", "suburb", "suburbs", "countryside", "junction", "hub"};

// Capitalised words of institutions and titles, never place names on their own.
const WordSet institution_words = {
    "state", "secretary", "minister", "president", "department", "command", "council", "army", "forces", "government",
    "ministry", "parliament", "party", "front", "organization", "organisation", "agency", "news", "media", "television",
    "observatory", "general", "deputy", "prime", "foreign", "central", "national", "international", "united", "unit",
    "units", "protection", "democratic", "union", "republic", "islamic", "group", "movement", "coalition", "air", "force",
    "office", "house", "white", "senate", "congress", "court", "police",
    "western", "eastern", "northern", "southern", "arab", "arabs", "european", "sunni", "shiite", "shia", "islamist",
    "kurdish", "jihadist", "christian", "muslim"};

// Political heads that stand for a state's government even when no state is named ("the
// government", "Deputy Prime Minister Yalcin Akdogan"); "officials" or "leaders" alone could be anyone's.
const WordSet state_offices = {
    "government", "minister", "prime minister", "president", "ministry", "foreign ministry", "presidency", "cabinet",
    "parliament", "administration"};

const WordSet anaphor_nouns = {"town", "city", "village", "enclave", "junction"};

/// Joins tokens [first, last) with the text's own spacing.
std::string surface(const Article& article, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    if (first >= last) return {};
    return article.text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

bool is_word(const Token& t) { return t.kind == TokenKind::word; }

std::vector<CueHit> find_cues(const PhraseIndex& index, const std::vector<Token>& tokens) {
    std::vector<CueHit> hits;
    for (const PhraseMatch& m : index.scan(tokens)) hits.push_back({m.first, m.last});
    return hits;
}

bool overlaps(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) { return a0 < b1 && b0 < a1; }

/// The actor a generic noun ("the militants") refers to: the group of that description the article
/// names most often, or the noun itself when the article names none.
ActorRef resolve_generic(const std::string& noun, const std::string& text, const Lexicon& lexicon, const ArticleContext& context) {
    std::string best;
    int best_count = 0;
    for (const std::string& id : lexicon.groups_called(noun)) {
        const auto it = context.actor_counts.find(id);
        if (it != context.actor_counts.end() && it->second > best_count) {
            best = id;
            best_count = it->second;
        }
    }
    // Named nowhere in the article: the one group the lexicon calls so ("separatists"), else the
    // word itself ("rebel artillery" is REBEL: whose rebels the article does not say).
    if (best.empty() && lexicon.groups_called(noun).size() == 1) best = lexicon.groups_called(noun).front();
    return ActorRef{best.empty() ? normalised_actor_id(noun) : best, text};
}

ActorKind kind_of(const Lexicon& lexicon, const std::string& id) {
    const ActorInfo* info = lexicon.actor(id);
    return info ? info->kind : ActorKind::unknown;
}

const std::array<std::pair<std::string_view, double>, 16> compass = {{
    {"north", 0}, {"northern", 0}, {"north-east", 45}, {"northeast", 45}, {"east", 90}, {"eastern", 90},
    {"south-east", 135}, {"southeast", 135}, {"south", 180}, {"southern", 180}, {"south-west", 225},
    {"southwest", 225}, {"west", 270}, {"western", 270}, {"north-west", 315}, {"northwest", 315}}};

}  // namespace

std::optional<double> bearing_of(std::string_view word) {
    for (const auto& [name, degrees] : compass)
        if (word == name) return degrees;
    return std::nullopt;
}

bool SentenceAnalysis::has_cue_in(CueFamily family, std::size_t from, std::size_t to) const {
    return last_cue_in(family, from, to).has_value();
}

std::optional<CueHit> SentenceAnalysis::last_cue_in(CueFamily family, std::size_t from, std::size_t to) const {
    std::optional<CueHit> last;
    for (const CueHit& hit : cues_of(family))
        if (hit.first >= from && hit.last <= to) last = hit;
    return last;
}

std::string normalised_actor_id(std::string_view text) {
    std::string out;
    bool gap = false;
    for (const char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           static_cast<unsigned char>(c) >= 0x80;
        if (!alnum) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += '_';
        gap = false;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    for (const std::string_view article : {"THE_", "A_", "AN_"})
        if (out.starts_with(article)) out.erase(0, article.size());
    return out;
}

SentencePhrases find_phrases(const std::vector<Token>& tokens, const Lexicon& lexicon) {
    std::uint64_t sentence_starts = 0;
    for (const Token& token : tokens) sentence_starts |= token.phrase_starts;
    const auto scan = [&](const PhraseIndex& index) {
        return index.may_start(sentence_starts) ? index.scan(tokens) : std::vector<PhraseMatch>();
    };
    SentencePhrases phrases;
    phrases.actors = scan(lexicon.actor_phrases());
    phrases.heads = scan(lexicon.head_phrases());
    phrases.stops = scan(lexicon.stop_phrases());
    phrases.sources = scan(lexicon.source_phrases());
    for (std::size_t f = 0; f < cue_family_count; ++f) {
        const PhraseIndex& cues = lexicon.cues(static_cast<CueFamily>(f));
        if (cues.may_start(sentence_starts)) phrases.cues[f] = find_cues(cues, tokens);
    }
    phrases.triggers_at.resize(tokens.size());
    const PhraseIndex& triggers = lexicon.trigger_phrases();
    if (triggers.may_start(sentence_starts))
        for (std::size_t k = 0; k < tokens.size(); ++k)
            if (triggers.may_start(tokens[k].phrase_starts)) phrases.triggers_at[k] = triggers.matches_at(tokens, k);
    return phrases;
}

ArticleContext pre_scan(const std::vector<Sentence>& sentences, const std::vector<SentencePhrases>& phrases, const Lexicon& lexicon) {
    ArticleContext context;
    std::map<std::string, int> civilians;  // named as people: "Kurds", "Kurdish protesters"
    std::map<std::string, int> mentioned;  // only as adjectives: "the Kurdish town"
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& sentence = sentences[s];
        const std::vector<PhraseMatch>& heads = phrases[s].heads;
        for (const PhraseMatch& m : phrases[s].actors) {
            const ActorEntry& entry = lexicon.actor_entry(m.payload);
            if (entry.role != ActorEntry::Role::ethnic) {
                ++context.actor_counts[entry.actor];
                continue;
            }
            // The people a story is about are named as people ("Kurds", "Kurdish protesters"),
            // not by adjectives on places ("the Kurdish region").
            const std::string_view last = sentence.tokens[m.last - 1].folded;
            const bool before_head = std::any_of(heads.begin(), heads.end(), [&](const PhraseMatch& h) {
                return h.first == m.last && lexicon.head_kind(h.payload) != HeadKind::civilian;
            }) || (m.last < sentence.tokens.size() && lexicon.is_generic_noun(sentence.tokens[m.last]));  // "Sunni militants"
            const bool plural = last.ends_with("s") && !last.ends_with("ss");  // "Kurds", "Sunnis"; not "Sunni Arab"
            const bool noun = !last.ends_with("ish") && last != "pro" && !before_head && plural;
            const bool before_people = std::any_of(heads.begin(), heads.end(), [&](const PhraseMatch& h) {
                return h.first == m.last && lexicon.head_kind(h.payload) == HeadKind::civilian;
            });
            if (noun || before_people) ++civilians[entry.actor];
            else ++mentioned[entry.actor];
        }
    }
    int best = 0;
    for (const auto& [id, count] : civilians)
        if (count > best) {
            best = count;
            context.dominant_civilians = id;
        }
    // A story that never names its people as people but keeps calling things "Kurdish" is about
    // Kurds, when no other people comes close.
    if (context.dominant_civilians.empty())
        for (const auto& [id, count] : mentioned) {
            // Named captures: clang 14 (the fuzz preset) cannot capture structured bindings.
            const bool clear = std::all_of(mentioned.begin(), mentioned.end(), [&id = id, &count = count](const auto& other) {
                return other.first == id || other.second * 2 < count;
            });
            if (count >= 3 && clear) context.dominant_civilians = id;
        }
    return context;
}

SentenceAnalysis analyse(const Sentence& sentence, const SentencePhrases& phrases, const Article& article, const Lexicon& lexicon,
                         ArticleContext& context, bool air_context) {
    SentenceAnalysis a;
    a.sentence = &sentence;
    a.phrases = &phrases;
    const std::vector<Token>& tokens = sentence.tokens;
    const std::size_t n = tokens.size();
    const std::vector<PhraseMatch>& sources = phrases.sources;

    // --- Actors -------------------------------------------------------------------------------
    const std::vector<PhraseMatch>& actor_matches = phrases.actors;
    const std::vector<PhraseMatch>& head_matches = phrases.heads;
    std::vector<bool> used_match(actor_matches.size(), false);
    std::vector<bool> locative_state(actor_matches.size(), false);
    for (std::size_t m = 0; m < actor_matches.size(); ++m) {
        const ActorEntry& e = lexicon.actor_entry(actor_matches[m].payload);
        const std::size_t first = actor_matches[m].first;
        const bool place_like = e.role == ActorEntry::Role::state_name || e.role == ActorEntry::Role::capital;
        // "tension between Ankara and the Kurdish movement": states between which something stands are parties.
        if (place_like && first > 0 && locative_prepositions.contains(tokens[first - 1]) && !tokens[first - 1].is("between"))
            locative_state[m] = true;
        if (place_like && first > 1 && !tokens[first - 1].capitalized && tokens[first - 1].kind == TokenKind::word &&
            locative_prepositions.contains(tokens[first - 2]))
            locative_state[m] = true;  // "in neighbouring Iraq", "across eastern Ukraine"
        if (place_like && first > 0 && bearing_of(tokens[first - 1].folded) && tokens[first - 1].folded.ends_with("ern"))
            locative_state[m] = true;  // "Kobane, northern Syria": a region, not the Syrian government
        if (place_like && first > 1 && tokens[first - 1].is("with") && tokens[first - 2].is("border")) locative_state[m] = true;
        if (place_like && first > 0 && tokens[first - 1].is("capital")) locative_state[m] = true;  // "the capital Ankara"
        // "Kobani's position", "Turkey's parliament": a possessive state is still the state.
    }
    auto actor_at_end = [&](std::size_t end) -> std::optional<std::size_t> {
        for (std::size_t m = 0; m < actor_matches.size(); ++m)
            if (actor_matches[m].last == end && !locative_state[m]) return m;
        return std::nullopt;
    };
    auto resolve_pronoun = [&](std::size_t before) -> std::optional<ActorRef> {
        std::optional<ActorRef> nearest;
        std::size_t nearest_end = 0;
        for (const ActorSpan& span : a.actors)
            if (span.last <= before && !span.adjective_only && span.last >= nearest_end) {
                nearest = span.ref;
                nearest_end = span.last;
            }
        // Named actors of this sentence are not collected yet when a head noun asks ("Islamic State
        // ... its fighters"): look at the raw matches too.
        for (std::size_t m = 0; m < actor_matches.size(); ++m) {
            const ActorEntry& e = lexicon.actor_entry(actor_matches[m].payload);
            const bool names_actor = e.role == ActorEntry::Role::named || e.role == ActorEntry::Role::person ||
                                     ((e.role == ActorEntry::Role::state_name || e.role == ActorEntry::Role::capital) && !locative_state[m]);
            if (names_actor && actor_matches[m].last <= before && actor_matches[m].last >= nearest_end) {
                nearest = ActorRef{e.actor, surface(article, tokens, actor_matches[m].first, actor_matches[m].last)};
                nearest_end = actor_matches[m].last;
            }
        }
        if (nearest) return nearest;
        // Across sentences, "they" is most often whoever acted last, not whoever was named last.
        if (context.last_subject) return context.last_subject;
        if (context.last_named_actor) return context.last_named_actor;
        return std::nullopt;
    };

    for (const PhraseMatch& head : head_matches) {
        const HeadKind head_kind = lexicon.head_kind(head.payload);
        // "People" in "Kurdish People's Protection Units" is part of a name, not a head noun.
        const bool inside_name = std::any_of(actor_matches.begin(), actor_matches.end(), [&](const PhraseMatch& m) {
            return overlaps(m.first, m.last, head.first, head.last);
        });
        if (inside_name) continue;
        // At most one adjective between a modifier and its head ("Kurdish local officials",
        // "lightly-armed"): never a verb ("Russia deployed tanks") or a preposition ("Moscow of sending troops").
        std::optional<std::size_t> modifier = actor_at_end(head.first);
        if (!modifier && head.first >= 2) {
            const Token& between = tokens[head.first - 1];
            const bool hyphenated = head.first >= 3 && tokens[head.first - 2].is("-");
            const bool adjective = is_word(between) && !between.capitalized && !function_words.contains(between) &&
                                   !locative_prepositions.contains(between) && !between.folded.ends_with("ing") &&
                                   (!between.folded.ends_with("ed") || hyphenated);
            // "U.S.-led warplanes" (the actor before the hyphen) or "Kurdish lightly-armed defenders".
            if (adjective) modifier = hyphenated ? actor_at_end(head.first - 2) : actor_at_end(head.first - 1);
            if (adjective && !modifier && hyphenated) modifier = actor_at_end(head.first - 3);
        }
        // "Warplanes, drones and cruise missiles from the United States", "fighters from the PKK":
        // forces come from the actor that sends them (a state after "from" is otherwise a place).
        bool modifier_after = false;
        if (!modifier && head_kind == HeadKind::armed)
            for (std::size_t k = head.last; k < n && k < head.last + 8; ++k) {
                const Token& w = tokens[k];
                if (!phrases.triggers_at[k].empty()) break;
                if (w.is("from")) {
                    const std::size_t at = k + 1 < n && tokens[k + 1].is("the") ? k + 2 : k + 1;
                    for (std::size_t m = 0; m < actor_matches.size(); ++m)
                        if (actor_matches[m].first == at) {
                            modifier = m;
                            modifier_after = true;
                            locative_state[m] = false;
                        }
                    break;
                }
                if (tokens[k].kind == TokenKind::punctuation && !w.is(",") && !w.is("-")) break;
            }
        // "the group's fighters", "the militia's commanders": the armed group the story is about.
        const bool group_possessive = !modifier && head.first >= 2 && tokens[head.first - 1].is("'s") &&
                                      (tokens[head.first - 2].is("group") || tokens[head.first - 2].is("militia") ||
                                       tokens[head.first - 2].is("organisation") || tokens[head.first - 2].is("organization") ||
                                       tokens[head.first - 2].is("movement"));
        ActorSpan span;
        span.last = head.last;
        span.first = head.first;
        const std::string head_text = surface(article, tokens, head.first, head.last);
        // "dozens of villages", "thousands of Kurds": a count says who only through what it counts.
        const std::string folded_head = fold(head_text);
        const std::string_view head_word = folded_head;
        if (head_kind == HeadKind::civilian && head.last < n && tokens[head.last].is("of") &&
            (head_word == "thousands" || head_word == "hundreds" || head_word == "dozens" || head_word == "millions" ||
             head_word == "tens of thousands" || head_word == "hundreds of thousands"))
            continue;
        if (modifier) {
            used_match[*modifier] = true;
            const PhraseMatch& m = actor_matches[*modifier];
            const ActorEntry& e = lexicon.actor_entry(m.payload);
            if (modifier_after) span.last = m.last;
            else span.first = m.first;
            // "Russian-backed separatists": the backer is not the actor; "U.S.-led coalition" is.
            const bool backer = m.last + 1 < head.first + 1 && m.last + 1 < n && tokens[m.last].is("-") &&
                                (tokens[m.last + 1].is("backed") || tokens[m.last + 1].is("supported") ||
                                 tokens[m.last + 1].is("sponsored") || tokens[m.last + 1].is("funded"));
            if (backer) {
                span.ref = resolve_generic(folded_head, head_text, lexicon, context);
            } else {
                switch (e.role) {
                    case ActorEntry::Role::ethnic:
                        span.ref.id = head_kind == HeadKind::civilian ? e.actor
                                      : head_kind == HeadKind::political ? e.political
                                                                         : e.armed;
                        break;
                    case ActorEntry::Role::demonym:
                    case ActorEntry::Role::state_name:
                    case ActorEntry::Role::capital:
                        span.ref.id = head_kind == HeadKind::civilian
                                          ? normalised_actor_id(surface(article, tokens, m.first, m.last)) + "_CIVILIANS"
                                          : e.actor;
                        break;
                    case ActorEntry::Role::named:
                    case ActorEntry::Role::person:
                        span.ref.id = e.actor;
                        break;
                }
            }
        } else if (head.first > 0 && head_kind == HeadKind::armed && lexicon.is_generic_noun(tokens[head.first - 1])) {
            // "Separatist fighters", "rebel units": the group the article calls by that name.
            span.first = head.first - 1;
            span.ref = resolve_generic(tokens[head.first - 1].folded, surface(article, tokens, head.first - 1, head.last), lexicon, context);
        } else if (group_possessive || (head.first > 0 && (tokens[head.first - 1].is("its") || tokens[head.first - 1].is("their")))) {
            span.first = group_possessive ? head.first - 2 : head.first - 1;
            if (const auto who = resolve_pronoun(head.first - 1)) span.ref.id = who->id;
        } else if ((head_kind == HeadKind::civilian || head_kind == HeadKind::political) && head.last + 1 < n &&
                   tokens[head.last].is("of") &&
                   (head_word == "supporters" || head_word == "member" || head_word == "followers" || head_word == "members" ||
                    head_word == "loyalists" || head_word == "sympathisers" || head_word == "sympathizers")) {
            // "supporters of the pro-Kurdish movement", "followers of Huda-Par": whose people they are.
            const std::size_t at = tokens[head.last + 1].is("the") ? head.last + 2 : head.last + 1;
            const auto whose = std::find_if(actor_matches.begin(), actor_matches.end(), [&](const PhraseMatch& m) { return m.first == at; });
            if (whose != actor_matches.end()) {
                const ActorEntry& e = lexicon.actor_entry(whose->payload);
                span.ref.id = e.role == ActorEntry::Role::ethnic ? e.political : e.actor;
                used_match[static_cast<std::size_t>(whose - actor_matches.begin())] = true;
                span.last = whose->last;
            } else {
                span.ref.id = context.dominant_civilians.empty() ? "CIVILIANS" : context.dominant_civilians;
            }
        } else if (head_kind == HeadKind::civilian) {
            // "Kurds" or "Kurdish residents" are matched above; bare "people", "protesters" are the
            // article's civilians when it is about one people.
            span.ref.id = context.dominant_civilians.empty() ? "CIVILIANS" : context.dominant_civilians;
        } else if (head_kind == HeadKind::security || head_kind == HeadKind::armed) {
            // "Police fired tear gas": the police of wherever this happened.
            span.ref.local_state = head_kind == HeadKind::security ? ActorRef::LocalState::security : ActorRef::LocalState::armed;
        } else if (head_kind == HeadKind::political && state_offices.contains(head_word)) {
            // "president of Iraq's autonomous Kurdish region": a title whose holder is named elsewhere.
            const std::size_t after_of = head.last + 1 < n && tokens[head.last + 1].is("the") ? head.last + 2 : head.last + 1;
            if (head.last < n && tokens[head.last].is("of") && after_of < n && tokens[after_of].capitalized) continue;
            // "the local administration", "the canton's prime minister": the local people's own
            // authorities, not the state's.
            // "President Bashar al-Assad": the named holder is the actor.
            if (std::any_of(actor_matches.begin(), actor_matches.end(), [&](const PhraseMatch& m) {
                    return m.first >= head.last && m.first <= head.last + 2;
                }))
                continue;
            const bool local = head.first > 0 && (tokens[head.first - 1].is("local") || tokens[head.first - 1].is("'s"));
            if (local) {
                if (context.dominant_civilians.empty()) continue;
                span.ref.id = context.dominant_civilians;
            } else {
                span.ref.local_state = ActorRef::LocalState::government;
            }
            // The office holder's name is part of the actor, never a place: "Minister Yalcin Akdogan".
            while (span.last < n && span.last < head.last + 3 && is_word(tokens[span.last]) && tokens[span.last].capitalized &&
                   !calendar_words.contains(tokens[span.last]) &&
                   !std::any_of(actor_matches.begin(), actor_matches.end(), [&](const PhraseMatch& m) { return m.first == span.last; }))
                ++span.last;
        } else {
            continue;  // "officials" alone: not enough to name an actor
        }
        if (span.ref.empty()) continue;
        span.ref.text = surface(article, tokens, span.first, span.last);
        span.kind = head_kind == HeadKind::civilian ? ActorKind::civilians
                    : span.ref.local_state != ActorRef::LocalState::no ? ActorKind::state
                                                                       : kind_of(lexicon, span.ref.id);
        if (span.kind == ActorKind::unknown && head_kind != HeadKind::civilian) span.kind = ActorKind::armed_group;
        a.actors.push_back(std::move(span));
    }
    // Named actors, people, states used as subjects, and nouns such as "Kurds" on their own.
    for (std::size_t m = 0; m < actor_matches.size(); ++m) {
        if (used_match[m] || locative_state[m]) continue;
        const PhraseMatch& match = actor_matches[m];
        const ActorEntry& e = lexicon.actor_entry(match.payload);
        const bool covered = std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) {
            return overlaps(s.first, s.last, match.first, match.last);
        });
        if (covered) continue;
        ActorSpan span{match.first, match.last, {}, ActorKind::unknown, false, {}};
        span.ref.text = surface(article, tokens, match.first, match.last);
        const std::string_view last_word = tokens[match.last - 1].folded;
        const bool adjective = e.role == ActorEntry::Role::demonym ||
                               (e.role == ActorEntry::Role::ethnic && (last_word.ends_with("ish") || last_word == "pro"));
        if (adjective) {
            span.adjective_only = true;
            span.ref.id = e.role == ActorEntry::Role::ethnic ? e.armed : e.actor;
            span.civilian_id = e.role == ActorEntry::Role::ethnic ? e.actor : normalised_actor_id(span.ref.text) + "_CIVILIANS";
        } else if (match.last < n && (tokens[match.last].is("offshoot") || tokens[match.last].is("affiliate") ||
                                      tokens[match.last].is("splinter") || tokens[match.last].is("offshoots"))) {
            // "the al Qaeda offshoot": a group named by its origin is the story's own armed group.
            std::string best;
            int best_count = 0;
            for (const auto& [id, count] : context.actor_counts)
                if (id != e.actor && kind_of(lexicon, id) == ActorKind::armed_group && count > best_count) {
                    best = id;
                    best_count = count;
                }
            span.last = match.last + 1;
            span.ref.text = surface(article, tokens, span.first, span.last);
            span.ref.id = best.empty() ? normalised_actor_id(span.ref.text) : best;
        } else {
            span.ref.id = e.actor;
            // "the Saudi-led coalition": whoever leads it, not the coalition the lexicon knows best.
            if (match.first >= 3 && tokens[match.first - 1].is("led") && tokens[match.first - 2].is("-"))
                if (const auto leader = actor_at_end(match.first - 2)) {
                    span.first = actor_matches[*leader].first;
                    span.ref.id = lexicon.actor_entry(actor_matches[*leader].payload).actor;
                    span.ref.text = surface(article, tokens, span.first, match.last);
                }
        }
        span.kind = e.role == ActorEntry::Role::ethnic && !adjective ? ActorKind::civilians : kind_of(lexicon, span.ref.id);
        // "ISIL-linked", "U.S.-led": the named actor stands behind the thing.
        a.actors.push_back(std::move(span));
    }
    // Generic group nouns ("the militants", "the jihadists", "rebels") and pronouns.
    for (std::size_t i = 0; i < n; ++i) {
        const Token& w = tokens[i];
        const bool generic = lexicon.is_generic_noun(w);
        const bool after_the = i > 0 && tokens[i - 1].is("the");
        // Most words are none of these: they skip the look through the actors found so far.
        if (!generic && !after_the && !w.is("he") && !w.is("she") && !w.is("they") && !w.is("them")) continue;
        const bool inside = std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) { return i >= s.first && i < s.last; });
        if (inside) continue;
        const bool definite_generic = after_the && lexicon.is_generic_noun("the " + w.folded);  // "the group"
        if (generic || definite_generic) {
            const std::string noun = definite_generic ? "the " + w.folded : w.folded;
            const std::size_t from = definite_generic ? i - 1 : i;
            ActorSpan span{from, i + 1, resolve_generic(noun, surface(article, tokens, from, i + 1), lexicon, context),
                           ActorKind::armed_group, false, {}};
            const ActorKind k = kind_of(lexicon, span.ref.id);
            if (k != ActorKind::unknown) span.kind = k;
            a.actors.push_back(std::move(span));
        } else if (w.is("them") && i >= 2 && tokens[i - 1].is("of")) {
            continue;  // "six of them hit": a share of whatever was just counted, often the strikes themselves
        } else if ((w.is("he") || w.is("she")) && context.last_speaker) {
            // "He said ...": whoever spoke last, not whoever was named last.
            a.actors.push_back(ActorSpan{i, i + 1, *context.last_speaker, kind_of(lexicon, context.last_speaker->id), false, {}});
        } else if (w.is("they") || w.is("them")) {
            std::sort(a.actors.begin(), a.actors.end(), [](const ActorSpan& x, const ActorSpan& y) { return x.first < y.first; });
            if (const auto who = resolve_pronoun(i)) {
                ActorSpan span{i, i + 1, ActorRef{who->id, who->text}, kind_of(lexicon, who->id), false, {}};
                a.actors.push_back(std::move(span));
            }
        }
    }
    std::sort(a.actors.begin(), a.actors.end(), [](const ActorSpan& x, const ActorSpan& y) { return x.first < y.first; });

    // --- Places -------------------------------------------------------------------------------
    auto in_actor = [&](std::size_t i) {
        return std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) { return i >= s.first && i < s.last; });
    };
    auto in_source = [&](std::size_t i) {
        return std::any_of(sources.begin(), sources.end(), [&](const PhraseMatch& s) { return i >= s.first && i < s.last; });
    };
    std::vector<bool> state_place(n, false);
    for (std::size_t m = 0; m < actor_matches.size(); ++m)
        if (locative_state[m])
            for (std::size_t k = actor_matches[m].first; k < actor_matches[m].last; ++k) state_place[k] = true;

    const bool dateline_paragraph = sentence.index <= 3 && n > 2;
    std::size_t i = 0;
    while (i < n) {
        const Token& t = tokens[i];
        const bool starts_name = is_word(t) && t.capitalized && !calendar_words.contains(t) &&
                                 !function_words.contains(t) && (!in_actor(i) || state_place[i]) && !in_source(i);
        if (!starts_name) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < n) {
            const Token& u = tokens[j];
            if (is_word(u) && u.capitalized && !calendar_words.contains(u) && (!in_actor(j) || state_place[j])) { ++j; continue; }
            if ((u.is("-") || place_particles.contains(u)) && j + 1 < n && (is_word(tokens[j + 1]) || tokens[j + 1].is("-")) &&
                (tokens[j + 1].capitalized || tokens[j + 1].is("-") || place_particles.contains(tokens[j + 1]))) {
                ++j;
                continue;
            }
            break;
        }
        while (j > i + 1 && (tokens[j - 1].is("-") || place_particles.contains(tokens[j - 1]))) --j;
        const bool after_title = i > 0 && title_words.contains(tokens[i - 1]);
        const bool institutional = std::all_of(tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(j), [](const Token& x) {
            return institution_words.contains(x) || x.kind == TokenKind::punctuation || place_particles.contains(x);
        });
        if (institutional) {
            i = j;
            continue;
        }
        const bool possessive_person = j < n && tokens[j].is(",") && j + 2 < n && tokens[j + 1].is("who");
        if (after_title || possessive_person) {
            i = j;
            continue;
        }
        PlaceRef ref;
        ref.first_token = i;
        ref.last_token = j;
        ref.text = surface(article, tokens, i, j);
        ref.sentence_initial = i == 0 || (i == 1 && tokens[0].kind == TokenKind::punctuation);
        if (i > 0) {
            const std::string_view before = tokens[i - 1].folded;
            ref.locative_cue = locative_prepositions.contains(before);
            if (before == "of" && i > 1 && place_nouns.contains(tokens[i - 2])) ref.feature_hint = tokens[i - 2].folded;
            if ((before == "," || before == "and") && !a.places.empty() && a.places.back().last_token + 1 >= i - 1 &&
                a.places.back().locative_cue)
                ref.locative_cue = true;  // a list: "in Diyarbakir, Mardin and Van"
        }
        if (j < n && place_nouns.contains(tokens[j])) {
            ref.locative_cue = true;
            if (ref.feature_hint.empty()) ref.feature_hint = tokens[j].folded;
        }
        if (dateline_paragraph && tokens[i].all_caps && i < 3) ref.locative_cue = true;
        // Relation: "near X", "outskirts of X", "4 km west of X", "northern Syria", "throughout Turkey".
        for (std::size_t back = i; back-- > (i >= 6 ? i - 6 : 0);) {
            const Token& w = tokens[back];
            if (w.is("near") || w.is("outside") || w.is("around") || w.is("outskirts") || w.is("edge") || w.is("close")) {
                ref.relation = PlaceRelation::near;
                break;
            }
            if (const auto bearing = bearing_of(w.folded); bearing && back + 1 < n && tokens[back + 1].is("of")) {
                ref.relation = PlaceRelation::near;
                ref.bearing_degrees = *bearing;
                if (back >= 2 && (tokens[back - 1].is("km") || tokens[back - 1].is("kilometres") ||
                                  tokens[back - 1].is("kilometers") || tokens[back - 1].is("miles"))) {
                    const double factor = tokens[back - 1].is("miles") ? 1.609 : 1.0;
                    try {
                        ref.offset_km = std::stod(tokens[back - 2].folded) * factor;
                    } catch (const std::exception&) {
                        ref.offset_km = 0.0;
                    }
                }
                break;
            }
            if (back + 1 == i && (w.is("throughout") || w.is("across"))) { ref.relation = PlaceRelation::region; break; }
            if (back + 1 == i && bearing_of(w.folded) && w.folded.ends_with("ern")) {  // "northern Syria" names a place
                ref.relation = PlaceRelation::region;
                ref.bearing_degrees = *bearing_of(w.folded);
                ref.locative_cue = true;
                break;
            }
            if (tokens[back].kind == TokenKind::punctuation && !w.is("-") && !w.is("(") && !w.is(")")) break;
        }
        if (i >= 2 && tokens[i - 1].is("with") && tokens[i - 2].is("border")) ref.relation = PlaceRelation::border;
        // "the Red Sea town of Mokha", "the Idlib province town of Saraqeb": the name before the
        // feature word only describes the town named after it.
        if (j + 2 < n && place_nouns.contains(tokens[j]) && tokens[j + 1].is("of") && tokens[j + 2].capitalized &&
            !tokens[j].is("province") && !tokens[j].is("governorate") && !tokens[j].is("region") &&
            !tokens[j].is("district"))
            ref.descriptor = true;
        for (std::size_t m = 0; m < actor_matches.size(); ++m)
            if (locative_state[m] && actor_matches[m].first == i && actor_matches[m].last == j)
                ref.state = lexicon.actor_entry(actor_matches[m].payload).actor;
        a.places.push_back(std::move(ref));
        i = j;
    }
    // Anaphors: "the town", "the besieged city", "the city's", "the Syrian town" with no name after.
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (!tokens[k].is("the")) continue;
        std::size_t h = k + 1;
        while (h < n && h <= k + 4 && !anaphor_nouns.contains(tokens[h]) && is_word(tokens[h]) &&
               !function_words.contains(tokens[h]))
            ++h;
        if (h >= n || !anaphor_nouns.contains(tokens[h])) continue;
        const bool named_after = h + 1 < n && (tokens[h + 1].is("of") || (tokens[h + 1].capitalized && is_word(tokens[h + 1])));
        if (named_after) continue;
        PlaceRef ref;
        ref.first_token = k;
        ref.last_token = h + 1;
        ref.anaphor = true;
        ref.feature_hint = tokens[h].folded;
        for (std::size_t back = k; back-- > (k >= 4 ? k - 4 : 0);) {
            const Token& w = tokens[back];
            if (w.is("near") || w.is("outside") || w.is("around") || w.is("outskirts") || w.is("edge") || w.is("edges")) {
                ref.relation = PlaceRelation::near;
                break;
            }
            if (const auto bearing = bearing_of(w.folded); bearing && back + 1 < n && tokens[back + 1].is("of")) {
                ref.relation = PlaceRelation::near;
                ref.bearing_degrees = *bearing;
                break;
            }
        }
        a.places.push_back(std::move(ref));
    }
    // "the border", "the frontier" with no country named: the border by the story's focus.
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (!tokens[k].is("the") || (!tokens[k + 1].is("border") && !tokens[k + 1].is("frontier"))) continue;
        if (k + 2 < n && (tokens[k + 2].is("with") || tokens[k + 2].is("of") || tokens[k + 2].is("town") ||
                          tokens[k + 2].is("crossing") || tokens[k + 2].is("gate") || tokens[k + 2].is("enclave")))
            continue;
        PlaceRef ref;
        ref.first_token = k;
        ref.last_token = k + 2;
        ref.anaphor = true;
        ref.relation = PlaceRelation::border;
        ref.feature_hint = "border";
        a.places.push_back(std::move(ref));
    }
    // "the Turkish border", "on Turkish border": that state's border by the story's focus.
    for (const ActorSpan& adjective : a.actors) {
        const std::size_t b = adjective.last;
        if (!adjective.adjective_only || b >= n || (!tokens[b].is("border") && !tokens[b].is("frontier"))) continue;
        if (kind_of(lexicon, adjective.ref.id) != ActorKind::state) continue;
        if (b + 1 < n && (tokens[b + 1].is("town") || tokens[b + 1].is("crossing") || tokens[b + 1].is("gate") ||
                          tokens[b + 1].is("village") || tokens[b + 1].is("city")))
            continue;
        PlaceRef ref;
        ref.first_token = adjective.first > 0 && tokens[adjective.first - 1].is("the") ? adjective.first - 1 : adjective.first;
        ref.last_token = b + 1;
        ref.anaphor = true;
        ref.relation = PlaceRelation::border;
        ref.feature_hint = "border";
        ref.border_partner = adjective.ref.id;
        a.places.push_back(std::move(ref));
    }
    std::sort(a.places.begin(), a.places.end(), [](const PlaceRef& x, const PlaceRef& y) { return x.first_token < y.first_token; });

    // --- Time ---------------------------------------------------------------------------------
    a.times = find_time_expressions(tokens, article.published);

    // --- Clauses ------------------------------------------------------------------------------
    a.clause_of.assign(n, 0);
    a.clause_start = {0};
    std::vector<bool> opener(n, false);
    for (const CueHit& hit : a.cues_of(CueFamily::clause_openers)) opener[hit.first] = true;
    for (std::size_t k = 1; k < n; ++k) {
        const Token& w = tokens[k];
        const Token& prev = tokens[k - 1];
        const bool after_comma = prev.is(",");
        bool boundary = w.is(";") || w.is(":") || w.is("—") || w.is("–") || prev.is(";") || prev.is(":") || prev.is("—") || prev.is("–");
        if (w.is("-") && k + 1 < n && tokens[k].begin > tokens[k - 1].end && tokens[k + 1].begin > tokens[k].end) boundary = true;
        if (after_comma && k + 1 < n && (opener[k] || (tokens[k].folded.ends_with("ing") && !tokens[k].capitalized))) boundary = true;
        if (opener[k] && !w.is("and") && !w.is("or") && !w.is("as")) boundary = true;
        // "Turkey, where ... dead, has said": the main clause resumes after a relative clause.
        if (after_comma && (w.is("has") || w.is("have") || w.is("had") || w.is("is") || w.is("was") || w.is("were") || w.is("are") ||
                            w.is("will") || w.is("would")))
            boundary = true;
        // "Turkey, which already hosts a million refugees, fears that ...": a verb after the comma
        // that closes a relative clause is the main clause's.
        if (after_comma && !tokens[k].capitalized && is_word(tokens[k]) && a.clause_start.size() > 0) {
            const std::size_t current = a.clause_start.back();
            const Token& opener_word = tokens[current];
            if ((opener_word.is("which") || opener_word.is("who") || opener_word.is("where")) && current > 0 &&
                tokens[current - 1].is(",") && !phrases.triggers_at[k].empty())
                boundary = true;
        }
        if (boundary && a.clause_start.back() != k) a.clause_start.push_back(k);
        a.clause_of[k] = a.clause_start.size() - 1;
    }

    // --- Triggers -----------------------------------------------------------------------------
    const std::vector<PhraseMatch>& stops = phrases.stops;
    std::size_t next_free = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (k < next_free) continue;
        const bool stopped = std::any_of(stops.begin(), stops.end(), [&](const PhraseMatch& s) { return k >= s.first && k < s.last; });
        if (stopped) continue;
        if (phrases.triggers_at[k].empty()) continue;
        std::vector<PhraseMatch> here = phrases.triggers_at[k];
        const bool in_name = in_actor(k) && !std::any_of(a.actors.begin(), a.actors.end(), [&](const ActorSpan& s) {
            return s.adjective_only && k >= s.first && k < s.last;
        });
        if (in_name) continue;  // a trigger word inside a name ("Central Command", "Protection Units")
        here.erase(std::remove_if(here.begin(), here.end(),
                                  [&](const PhraseMatch& m) {
                                      const TriggerInfo& info = lexicon.trigger(m.payload);
                                      return !info.needs.empty() && !(info.needs == "air" && air_context);
                                  }),
                   here.end());
        if (here.empty()) continue;
        TriggerHit hit{k, here.front().last, {}};
        for (const PhraseMatch& m : here)
            if (m.last == hit.last && std::find(hit.candidates.begin(), hit.candidates.end(), m.payload) == hit.candidates.end())
                hit.candidates.push_back(m.payload);
        // Entries that needed context are more specific than the plain ones: try them first.
        std::stable_sort(hit.candidates.begin(), hit.candidates.end(), [&](std::size_t x, std::size_t y) {
            return !lexicon.trigger(x).needs.empty() && lexicon.trigger(y).needs.empty();
        });
        a.triggers.push_back(hit);
        next_free = hit.last;
    }

    for (auto span = a.actors.rbegin(); span != a.actors.rend(); ++span)
        if (!span->adjective_only && !span->ref.id.empty()) {
            context.last_named_actor = span->ref;
            break;
        }
    return a;
}

}  // namespace frontline::detail
