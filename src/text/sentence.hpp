#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.hpp"

namespace frontline {

enum class TokenKind { word, number, punctuation };

/// A token of a sentence: its bytes in the article text and its folded form (text/fold.hpp).
struct Token {
    std::size_t begin = 0;  ///< byte offset into Article::text
    std::size_t end = 0;
    std::string folded;
    std::size_t folded_hash = 0;  ///< word_hash(folded)
    TokenKind kind = TokenKind::word;
    bool capitalized = false;  ///< first letter upper case in the original text
    bool all_caps = false;     ///< every letter upper case ("IS", "U.S.", "YPG")
    /// One bit per phrase index of the lexicon that has a phrase starting with this word, set by
    /// `Lexicon::mark_phrase_starts`; all set (every index looks) until then.
    std::uint64_t phrase_starts = ~std::uint64_t{0};

    /// Whether the folded form is `word`. The lengths are compared first, in line, and the bytes
    /// by a comparison of constant length, which the compiler expands for a literal: both
    /// std::string == const char* and string_view's operator== stayed calls (profiled: these
    /// literal tests run for every token of every sentence).
    [[nodiscard]] bool is(std::string_view word) const noexcept {
        return folded.size() == word.size() && __builtin_memcmp(folded.data(), word.data(), word.size()) == 0;
    }
};

/// One sentence of an article with its tokens. Offsets are bytes into Article::text.
struct Sentence {
    std::size_t index = 0;      ///< position among the article's sentences
    std::size_t paragraph = 0;  ///< index into Article::paragraphs
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t begin_code_point = 0;  ///< the same offsets in code points, as events cite them
    std::size_t end_code_point = 0;
    std::vector<Token> tokens;

    [[nodiscard]] std::string_view text(const Article& article) const {
        return std::string_view(article.text).substr(begin, end - begin);
    }
};

}  // namespace frontline
