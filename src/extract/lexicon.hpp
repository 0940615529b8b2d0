#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/sentence.hpp"
#include "text/word_hash_map.hpp"
#include "text/word_map.hpp"

namespace frontline {

/// How a lexicon phrase constrains the case of the text it matches: an all-capital form ("IS",
/// "YPG") only matches all capitals, a capitalised form ("Ban Ki-moon") only capitalised words,
/// a lower-case form anything. This keeps "is" from being the Islamic State.
enum class CaseRule { any, capitalized, upper };

/// A match of a phrase in a sentence: tokens [first, last) and the payload index.
struct PhraseMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t payload = 0;
};

/// Phrases indexed by their first slot, matched longest first at every token of a sentence.
class PhraseIndex {
public:
    /// Adds `surface` (e.g. "~push:pushed * out of|back from", see triggers.json) for `payload`.
    /// @throws DataError for an empty phrase or a gap at its start.
    void add(const std::string& surface, std::size_t payload);

    /// All matches starting at `at`, longest first.
    [[nodiscard]] std::vector<PhraseMatch> matches_at(const std::vector<Token>& tokens, std::size_t at) const;
    /// Non-overlapping matches over the sentence, longest first at each position, left to right.
    [[nodiscard]] std::vector<PhraseMatch> scan(const std::vector<Token>& tokens) const;

    /// Whether some phrase of this index can start at a token with these `Token::phrase_starts`,
    /// or anywhere in a sentence whose tokens' bits, OR-ed, are these: a sentence with none of
    /// an index's first words skips its scan (most sentences have no cue of most families).
    [[nodiscard]] bool may_start(std::uint64_t phrase_starts) const noexcept {
        return start_bit_ == 0 || (phrase_starts & start_bit_) != 0;
    }

    static constexpr std::size_t max_gap = 4;

private:
    friend class Lexicon;  // gives each of its indexes a bit of Token::phrase_starts

    /// A slot of a phrase: one token of the text, matching any of its alternatives
    /// (alternatives_[first, first + count)), or a gap ("*") of up to max_gap tokens.
    struct Slot {
        std::uint32_t first = 0;
        std::uint32_t count = 0;
        CaseRule case_rule = CaseRule::any;
        bool gap = false;
    };
    /// A folded word a slot accepts: its hash and its bytes in words_.
    struct Alternative {
        std::size_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };
    /// A phrase: slots_[first_slot, first_slot + slot_count). `second_words` has a bit per
    /// alternative of the second slot (bit `hash >> 58` of the word's hash), or all bits when any
    /// word may follow (a one-word phrase, a gap): a common first word ("the", "in") starts
    /// hundreds of phrases, and the filter rejects most of them without reading their slots.
    /// Everything lies in a few flat arrays because matching is bound by memory reads, not
    /// arithmetic (profiled: a phrase of nested vectors cost a cache miss per slot).
    struct Phrase {
        std::uint64_t second_words = ~std::uint64_t{0};
        std::uint32_t first_slot = 0;
        std::uint32_t slot_count = 0;
        std::size_t payload = 0;
    };
    static constexpr std::size_t no_match = static_cast<std::size_t>(-1);

    [[nodiscard]] static std::uint64_t second_word_bit(std::size_t hash) noexcept { return std::uint64_t{1} << (hash >> 58); }
    /// True when the token's phrase_starts rules out every phrase of this index; tested before
    /// the call to matches_at, which most tokens would otherwise pay for nothing.
    [[nodiscard]] bool starts_none(const Token& token) const noexcept {
        return !may_start(token.phrase_starts);
    }
    [[nodiscard]] bool slot_matches(const Slot& slot, const Token& token) const noexcept;
    /// The end of a match of slots_[slot, end) from token `pos`, shortest gaps first; no_match if none.
    [[nodiscard]] std::size_t match_end(const std::vector<Token>& tokens, std::size_t slot, std::size_t end, std::size_t pos) const;

    /// The phrases of each first word (keyed by its Token::folded_hash, so a lookup neither hashes
    /// nor compares a word's bytes unless its hash is some phrase's first word), in the order they
    /// were added, which decides between matches of equal length.
    WordHashMap<std::vector<Phrase>> by_first_;
    std::vector<Slot> slots_;
    std::vector<Alternative> alternatives_;
    std::string words_;
    /// This index's bit of Token::phrase_starts: a token without it starts none of its phrases,
    /// which spares most tokens the map lookup. 0 for an index outside a lexicon (it looks up
    /// every token).
    std::uint64_t start_bit_ = 0;
};

/// The families of cue words the extractor asks about, by number rather than by name: every
/// sentence scans all of them and the coder asks about them dozens of times per sentence.
enum class CueFamily {
    negation, hypothetical, implicative, reported, claimed, reporting_verbs, clause_openers, relative_pronouns,
    air, reinforce, person_objects, facility_objects
};
inline constexpr std::size_t cue_family_count = 12;
/// The name a family has in assets/lexicon/cues.json and triggers.json.
[[nodiscard]] std::string_view cue_family_name(CueFamily family) noexcept;

/// Expands a lexicon token: "~seize" -> seize, seizes, seized, seizing; "~take:took:taken" ->
/// take, takes, took, taken, taking. Other tokens expand to their '|' alternatives.
[[nodiscard]] std::vector<std::string> expand_token(const std::string& token);

enum class ActorKind { state, armed_group, regional_forces, regional_government, political_party, international, civilians, unknown };

[[nodiscard]] bool is_armed(ActorKind kind) noexcept;

struct ActorInfo {
    std::string id;
    ActorKind kind = ActorKind::unknown;
    std::vector<std::string> generic_nouns;  ///< folded; "the militants" may refer to this actor
    std::string state;                       ///< for state agencies: the ISO3 code they belong to
};

/// What an actor phrase of the lexicon stands for.
struct ActorEntry {
    enum class Role { named, person, state_name, capital, demonym, ethnic };
    Role role = Role::named;
    std::string actor;       ///< the actor id; for ethnic entries the civilian id
    std::string armed;       ///< ethnic: id of the group's armed forces
    std::string political;   ///< ethnic: id of its leaders
};

enum class HeadKind { armed, security, political, civilian };

/// One trigger entry of triggers.json.
struct TriggerInfo {
    std::string type;
    bool noun = false;
    bool inverse = false;
    bool movement = false;
    std::string needs;          ///< cue family that must be near ("air")
    std::string person_object;  ///< event type when the object is people
    std::string facility_object;  ///< event type when the object is a building ("stormed the consulate")
    bool by_speaker = false;      ///< the event belongs to whoever reports the clause it is in
};

struct SourceInfo {
    std::string name;
};

/// Everything the extractor knows about words: actors, triggers, certainty cues, sources. Loaded
/// from assets/lexicon/*.json and the state names and demonyms of geodata/countries.tsv.
class Lexicon {
public:
    /// @throws DataError naming the file (and entry) that is missing or malformed.
    static Lexicon load(const std::filesystem::path& data_root);

    [[nodiscard]] const PhraseIndex& actor_phrases() const { return actor_phrases_; }
    [[nodiscard]] const ActorEntry& actor_entry(std::size_t i) const { return actor_entries_.at(i); }
    [[nodiscard]] const ActorInfo* actor(const std::string& id) const;
    /// The head noun kind of a folded word sequence ("fighters", "riot police"), if it is one.
    [[nodiscard]] const PhraseIndex& head_phrases() const { return head_phrases_; }
    [[nodiscard]] HeadKind head_kind(std::size_t i) const { return head_kinds_.at(i); }

    [[nodiscard]] const PhraseIndex& trigger_phrases() const { return trigger_phrases_; }
    [[nodiscard]] const TriggerInfo& trigger(std::size_t i) const { return triggers_.at(i); }
    [[nodiscard]] const PhraseIndex& stop_phrases() const { return stop_phrases_; }

    [[nodiscard]] const PhraseIndex& cues(CueFamily family) const { return cues_[static_cast<std::size_t>(family)]; }
    [[nodiscard]] const PhraseIndex& source_phrases() const { return source_phrases_; }
    [[nodiscard]] const std::string& source_name(std::size_t i) const { return sources_.at(i).name; }

    /// The armed force of a people ("KURDS_CIV" -> "YPG"): who "the Kurds" are when they capture a
    /// town rather than protest. Empty when the lexicon names none.
    [[nodiscard]] std::string armed_force_of(const std::string& people) const;

    /// Generic armed nouns ("militants") that some named group declares, folded.
    [[nodiscard]] bool is_generic_noun(const std::string& folded) const;
    /// The same for one token, by its Token::folded_hash (asked about every token of a sentence).
    [[nodiscard]] bool is_generic_noun(const Token& token) const noexcept { return generic_nouns_.contains(token); }
    /// Named groups that can be called `folded` ("militants" -> ISIS, AL_QAEDA, ...).
    [[nodiscard]] std::vector<std::string> groups_called(const std::string& folded) const;

    /// Sets each token's `phrase_starts` to the indexes of this lexicon that have a phrase
    /// starting with its word: one lookup per token, where each of the ~20 indexes would
    /// otherwise look every token up (profiled: a seventh of extraction).
    void mark_phrase_starts(std::vector<Token>& tokens) const;

private:
    static Lexicon load_unchecked(const std::filesystem::path& data_root);
    /// Gives every phrase index its bit of Token::phrase_starts and records which first words
    /// each bit stands for.
    void index_phrase_starts();

    PhraseIndex actor_phrases_;
    std::vector<ActorEntry> actor_entries_;
    /// Asked for the kind of nearly every actor the coder weighs: hashed, not ordered.
    std::unordered_map<std::string, ActorInfo> actors_;
    PhraseIndex head_phrases_;
    std::vector<HeadKind> head_kinds_;
    PhraseIndex trigger_phrases_;
    std::vector<TriggerInfo> triggers_;
    PhraseIndex stop_phrases_;
    std::array<PhraseIndex, cue_family_count> cues_;
    PhraseIndex source_phrases_;
    std::vector<SourceInfo> sources_;
    std::unordered_map<std::string, std::vector<std::string>> generic_to_groups_;
    /// The keys of generic_to_groups_, asked about every token (is_generic_noun) by its hash.
    WordSet generic_nouns_;
    std::map<std::string, std::string> armed_of_people_;
    /// Token::folded_hash of a phrase's first word -> the bits of the indexes with such phrases.
    WordHashMap<std::uint64_t> phrase_starts_;
};

}  // namespace frontline
