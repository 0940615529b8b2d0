#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.hpp"
#include "text/fold.hpp"

namespace frontline {

enum class TokenKind { word, number, punctuation };

/// A word the extractor's rules test tokens against, always a literal ("the", "killed"), so its
/// hash is computed when the program is compiled. Implicit, so that a rule reads `t.is("the")`.
struct RuleWord {
    std::string_view text;
    std::size_t hash;
    consteval RuleWord(const char* literal) : text(literal), hash(word_hash(text)) {}
};

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

    /// Whether the folded form is `word`: the hashes first, one comparison with a number the
    /// compiler worked out, so a token that is not the word (nearly every one asked) costs no
    /// read of its text (profiled: these literal tests run for every token of every sentence).
    [[nodiscard, gnu::always_inline]] bool is(const RuleWord& word) const noexcept {
        return folded_hash == word.hash && std::string_view(folded) == word.text;
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
