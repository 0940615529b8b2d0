#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.hpp"
#include "text/sentence.hpp"

namespace frontline {

/// A fixed set of folded words, asked about tokens: a token is looked up by the hash the
/// tokenizer stored with it in an open-addressed table at most half full, so a word that is not
/// in the set costs one or two integer comparisons (a binary search over sorted hashes took
/// five or six, each a likely branch miss: these sets are asked about every token).
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {
        std::size_t capacity = 8;
        while (capacity < 2 * words.size()) capacity *= 2;
        slots_.resize(capacity);
        for (const std::string_view word : words)
            if (!word.empty()) slots_[probe(word_hash(word), word)] = Slot{word_hash(word), std::string(word)};
    }

    [[nodiscard]] bool contains(const Token& token) const noexcept { return contains(token.folded_hash, token.folded); }
    [[nodiscard]] bool contains(std::string_view folded) const noexcept { return contains(word_hash(folded), folded); }

private:
    struct Slot {
        std::size_t hash = 0;
        std::string word;  ///< empty in a free slot
    };

    [[nodiscard]] bool contains(std::size_t hash, std::string_view folded) const noexcept {
        return !slots_[probe(hash, folded)].word.empty();
    }

    /// The slot holding `folded`, else the free slot where the probe for it ends.
    [[nodiscard]] std::size_t probe(std::size_t hash, std::string_view folded) const noexcept {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.word.empty() || (slot.hash == hash && slot.word == folded)) return i;
        }
    }

    std::vector<Slot> slots_;  ///< a power of two long, at least half free
};

}  // namespace frontline
