#pragma once

#include <bitset>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/sentence.hpp"

namespace frontline {

/// How a lexicon phrase constrains the case of the text it matches: an all-capital form ("IS",
/// "YPG") only matches all capitals, a capitalised form ("Ban Ki-moon") only capitalised words,
/// a lower-case form anything. This keeps "is" from being the Islamic State.
enum class CaseRule { any, capitalized, upper };

/// A phrase of the lexicon: one slot per token, each slot a set of folded alternatives; a slot
/// "*" is a gap of up to `max_gap` tokens.
struct Phrase {
    std::vector<std::vector<std::string>> slots;
    std::vector<std::vector<std::size_t>> slot_hashes;  ///< word_hash of each alternative, as in `slots`
    std::vector<CaseRule> case_rules;
};

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

    static constexpr std::size_t max_gap = 4;

private:
    /// The folded words' hashes (Token::folded_hash) key the index, so a lookup neither hashes
    /// nor compares a word's bytes unless its hash is the hash of some phrase's first word.
    struct WordHashIdentity {
        std::size_t operator()(std::size_t hash) const noexcept { return hash; }
    };
    /// Most words of a sentence start no phrase of a given index: a clear bit for the low 16 bits
    /// of their hash spares the map lookup that every token would otherwise cost in every index.
    [[nodiscard]] static std::size_t digest(std::size_t hash) noexcept { return hash & 0xFFFFu; }

    std::unordered_map<std::size_t, std::vector<std::pair<Phrase, std::size_t>>, WordHashIdentity> by_first_;
    std::bitset<std::size_t{1} << 16> first_digests_;
};

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

    /// Cue families: "negation", "hypothetical", "implicative", "reported", "claimed",
    /// "reporting_verbs", "clause_openers", "relative_pronouns", "air", "reinforce", "person_objects".
    [[nodiscard]] const PhraseIndex& cues(std::string_view family) const;
    [[nodiscard]] const PhraseIndex& source_phrases() const { return source_phrases_; }
    [[nodiscard]] const std::string& source_name(std::size_t i) const { return sources_.at(i).name; }

    /// The armed force of a people ("KURDS_CIV" -> "YPG"): who "the Kurds" are when they capture a
    /// town rather than protest. Empty when the lexicon names none.
    [[nodiscard]] std::string armed_force_of(const std::string& people) const;

    /// Generic armed nouns ("militants") that some named group declares, folded.
    [[nodiscard]] bool is_generic_noun(const std::string& folded) const;
    /// Named groups that can be called `folded` ("militants" -> ISIS, AL_QAEDA, ...).
    [[nodiscard]] std::vector<std::string> groups_called(const std::string& folded) const;

private:
    static Lexicon load_unchecked(const std::filesystem::path& data_root);

    PhraseIndex actor_phrases_;
    std::vector<ActorEntry> actor_entries_;
    std::map<std::string, ActorInfo> actors_;
    PhraseIndex head_phrases_;
    std::vector<HeadKind> head_kinds_;
    PhraseIndex trigger_phrases_;
    std::vector<TriggerInfo> triggers_;
    PhraseIndex stop_phrases_;
    std::map<std::string, PhraseIndex, std::less<>> cues_;
    PhraseIndex source_phrases_;
    std::vector<SourceInfo> sources_;
    std::map<std::string, std::vector<std::string>> generic_to_groups_;
    std::map<std::string, std::string> armed_of_people_;
};

}  // namespace frontline
