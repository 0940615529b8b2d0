#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/event_mention.hpp"
#include "extract/lexicon.hpp"
#include "extract/time_expressions.hpp"
#include "ingest/article.hpp"
#include "text/sentence.hpp"

namespace frontline::detail {

/// An actor phrase of a sentence ("the city's lightly-armed Kurdish defenders").
struct ActorSpan {
    std::size_t first = 0;
    std::size_t last = 0;
    ActorRef ref;
    ActorKind kind = ActorKind::unknown;
    /// An adjective such as "Kurdish" or "Turkish" with no noun of its own: not an actor by itself,
    /// but the actor of an event noun it modifies ("Kurdish protests", "Turkish air raid").
    bool adjective_only = false;
    /// For adjectives: the actor when the modified noun is about people rather than forces.
    std::string civilian_id;
};

/// A trigger phrase and the lexicon entry it matched.
struct TriggerHit {
    std::size_t first = 0;
    std::size_t last = 0;
    std::vector<std::size_t> candidates;  ///< indices into Lexicon::trigger, most specific first
};

/// A cue phrase found in a sentence.
struct CueHit {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// What is known about an article while reading it sentence by sentence.
struct ArticleContext {
    std::map<std::string, int> actor_counts;  ///< named actor id -> mentions so far (whole article, pre-scanned)
    std::string dominant_civilians;           ///< e.g. KURDS_CIV when Kurds are the article's people
    std::optional<ActorRef> last_named_actor; ///< the actor named last, for pronouns
    std::optional<ActorRef> last_subject;     ///< actor1 of the last physical event: who "they" usually are
    std::optional<ActorRef> last_speaker;     ///< actor1 of the last statement: who "he" or "she" usually is
};

/// The lexicon's phrases in one sentence, found once: the article's pre-scan, the analysis and the
/// coder all ask for them, and scanning a table again for each question was a sixth of extraction.
struct SentencePhrases {
    std::vector<PhraseMatch> actors;
    std::vector<PhraseMatch> heads;
    std::vector<PhraseMatch> stops;
    std::vector<PhraseMatch> sources;
    std::array<std::vector<CueHit>, cue_family_count> cues;  ///< by CueFamily
    /// The trigger phrases starting at each token, longest first (PhraseIndex::matches_at).
    std::vector<std::vector<PhraseMatch>> triggers_at;

    [[nodiscard]] const std::vector<CueHit>& cues_of(CueFamily family) const { return cues[static_cast<std::size_t>(family)]; }
};

/// Scans every phrase table of the lexicon over the sentence's tokens.
[[nodiscard]] SentencePhrases find_phrases(const std::vector<Token>& tokens, const Lexicon& lexicon);

/// Everything the coder needs to know about one sentence.
struct SentenceAnalysis {
    const Sentence* sentence = nullptr;
    std::vector<ActorSpan> actors;
    std::vector<PlaceRef> places;
    std::vector<TimeExpression> times;
    std::vector<TriggerHit> triggers;
    std::vector<std::size_t> clause_of;  ///< clause number of each token
    std::vector<std::size_t> clause_start;
    const SentencePhrases* phrases = nullptr;  ///< the sentence's, found before the analysis

    [[nodiscard]] const std::vector<Token>& tokens() const { return sentence->tokens; }
    [[nodiscard]] const std::vector<CueHit>& cues_of(CueFamily family) const { return phrases->cues_of(family); }
    [[nodiscard]] bool has_cue_in(CueFamily family, std::size_t from, std::size_t to) const;
    [[nodiscard]] std::optional<CueHit> last_cue_in(CueFamily family, std::size_t from, std::size_t to) const;
};

/// Tags actors, places, times, triggers and clauses of one sentence, whose phrases are `phrases`
/// (kept by reference in the result). `air_context` says whether air-war words occur in this or
/// the two sentences before it.
[[nodiscard]] SentenceAnalysis analyse(const Sentence& sentence, const SentencePhrases& phrases, const Article& article,
                                       const Lexicon& lexicon, ArticleContext& context, bool air_context);

/// Counts the named actors and ethnic groups of the whole article, for resolving "the militants";
/// `phrases` are the sentences' phrases, one per sentence.
[[nodiscard]] ArticleContext pre_scan(const std::vector<Sentence>& sentences, const std::vector<SentencePhrases>& phrases,
                                      const Lexicon& lexicon);

/// The canonical id of an actor that is in no lexicon: its words in upper case joined by '_'.
/// The bearing (degrees clockwise from north) a compass word names: "east", "eastern",
/// "south-west" ...; none for any other word.
[[nodiscard]] std::optional<double> bearing_of(std::string_view word);

[[nodiscard]] std::string normalised_actor_id(std::string_view surface);

}  // namespace frontline::detail
