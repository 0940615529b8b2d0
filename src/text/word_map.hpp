#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/fold.hpp"
#include "text/sentence.hpp"

namespace frontline {

/// Folded words with a value each, asked about tokens: a token is looked up by the hash the
/// tokenizer stored with it in an open-addressed table at most half full, so a word that is not
/// in the map costs one or two integer comparisons (a binary search over sorted hashes took
/// five or six, each a likely branch miss, and a list of names compared each: these maps are
/// asked about every token).
template <class Value>
class WordMap {
public:
    WordMap() = default;
    WordMap(std::initializer_list<std::pair<std::string_view, Value>> entries) {
        for (const auto& [word, value] : entries) insert(word, value);
    }

    /// Adds `folded` with `value`; a word already present keeps its first value. Empty words are
    /// ignored (an empty slot marks a free one).
    void insert(std::string_view folded, Value value) {
        if (folded.empty()) return;
        if (2 * (size_ + 1) > slots_.size()) grow();
        const std::size_t hash = word_hash(folded);
        Slot& slot = slots_[probe(hash, folded)];
        if (!slot.word.empty()) return;
        slot = Slot{hash, std::string(folded), std::move(value)};
        filter_[filter_word(hash)] |= filter_bit(hash);
        ++size_;
    }

    [[nodiscard]] const Value* find(const Token& token) const noexcept { return find(token.folded_hash, token.folded); }
    [[nodiscard]] const Value* find(std::string_view folded) const noexcept { return find(word_hash(folded), folded); }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

private:
    struct Slot {
        std::size_t hash = 0;
        std::string word;  ///< empty in a free slot
        Value value{};
    };

    /// One of the filter's 256 bits, chosen by the hash's top byte (the slot is chosen by its
    /// bottom bits): a map of 40 words sets at most a sixth of them.
    static std::size_t filter_word(std::size_t hash) noexcept { return hash >> 62; }
    static std::uint64_t filter_bit(std::size_t hash) noexcept { return std::uint64_t{1} << ((hash >> 56) & 63); }

    [[nodiscard]] const Value* find(std::size_t hash, std::string_view folded) const noexcept {
        // Nearly every word asked is not in the map, and most such words miss the filter: they
        // cost one test on a register rather than a probe of the table (profiled: 7 %).
        if ((filter_[filter_word(hash)] & filter_bit(hash)) == 0) return nullptr;
        const Slot& slot = slots_[probe(hash, folded)];
        return slot.word.empty() ? nullptr : &slot.value;
    }

    /// The slot holding `folded`, else the free slot where the probe for it ends.
    [[nodiscard]] std::size_t probe(std::size_t hash, std::string_view folded) const noexcept {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.word.empty() || (slot.hash == hash && slot.word == folded)) return i;
        }
    }

    void grow() {
        std::vector<Slot> old(slots_.empty() ? 16 : 2 * slots_.size());
        old.swap(slots_);
        for (Slot& slot : old)
            if (!slot.word.empty()) {
                Slot& to = slots_[probe(slot.hash, slot.word)];
                to = std::move(slot);
            }
    }

    std::vector<Slot> slots_;  ///< a power of two long, at least half free
    std::size_t size_ = 0;
    std::array<std::uint64_t, 4> filter_{};  ///< the filter bit of every word in the map
};

/// A fixed set of folded words, asked about tokens (a WordMap without values).
class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) {
        for (const std::string_view word : words) insert(word);
    }

    void insert(std::string_view folded) { words_.insert(folded, true); }
    [[nodiscard]] bool contains(const Token& token) const noexcept { return words_.find(token) != nullptr; }
    [[nodiscard]] bool contains(std::string_view folded) const noexcept { return words_.find(folded) != nullptr; }

private:
    WordMap<bool> words_;
};

}  // namespace frontline
