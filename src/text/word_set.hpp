#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/fold.hpp"
#include "text/sentence.hpp"

namespace frontline {

/// A fixed set of folded words, asked about tokens: a token is looked up by the hash the
/// tokenizer stored with it, so a word that is not in the set costs a few integer comparisons
/// rather than string comparisons down a tree.
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {
        for (const std::string_view word : words) entries_.emplace_back(word_hash(word), std::string(word));
        std::sort(entries_.begin(), entries_.end());
        entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
    }

    [[nodiscard]] bool contains(const Token& token) const noexcept { return contains(token.folded_hash, token.folded); }
    [[nodiscard]] bool contains(std::string_view folded) const noexcept { return contains(word_hash(folded), folded); }

private:
    [[nodiscard]] bool contains(std::size_t hash, std::string_view folded) const noexcept {
        auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                                   [](const std::pair<std::size_t, std::string>& entry, std::size_t h) { return entry.first < h; });
        for (; it != entries_.end() && it->first == hash; ++it)
            if (it->second == folded) return true;
        return false;
    }

    std::vector<std::pair<std::size_t, std::string>> entries_;  ///< (word_hash, word), sorted
};

}  // namespace frontline
