#include "text/tokenizer.hpp"

#include <unicode/uchar.h>

#include <array>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace frontline {

namespace {

struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    [[nodiscard]] bool done() const { return pos >= text.size(); }
    /// The code point at `at` and the offset just past it; invalid bytes read as U+FFFD.
    [[nodiscard]] std::pair<UChar32, std::size_t> peek(std::size_t at) const {
        if (at >= text.size()) return {U_SENTINEL, at};
        if (const auto byte = static_cast<unsigned char>(text[at]); byte < 0x80) return {byte, at + 1};
        return decode_utf8_at(text, at);
    }
};

// ASCII answers without calling into ICU (most text is ASCII and these run for every
// character); ICU's properties give the same answers there. Anything else, and U_SENTINEL, asks ICU.
bool is_ascii(UChar32 c) { return c >= 0 && c < 0x80; }
bool is_alpha(UChar32 c) { return is_ascii(c) ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c) != 0; }
bool is_digit(UChar32 c) { return is_ascii(c) ? c >= '0' && c <= '9' : u_isdigit(c) != 0; }
bool is_upper(UChar32 c) { return is_ascii(c) ? c >= 'A' && c <= 'Z' : u_isupper(c) != 0; }
bool is_white_space(UChar32 c) { return is_ascii(c) ? c == ' ' || (c >= '\t' && c <= '\r') : u_isUWhiteSpace(c) != 0; }
bool is_unicode_word_char(UChar32 c) { return c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK); }
/// ASCII letters and digits by table: the tokenizer runs over every byte of every word with it.
bool is_ascii_alphanumeric(char c) {
    static constexpr auto table = [] {
        std::array<bool, 256> alphanumeric{};
        for (unsigned b = 0; b < 128; ++b) alphanumeric[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
        return alphanumeric;
    }();
    return table[static_cast<unsigned char>(c)];
}
bool is_word_char(UChar32 c) {
    if (is_ascii(c)) return is_ascii_alphanumeric(static_cast<char>(c));
    return is_unicode_word_char(c);
}
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

/// Length of an initialism such as "U.S." or "U.N." starting at `at`, or 0.
std::size_t initialism_length(const Cursor& cur, std::size_t at) {
    std::size_t pos = at;
    int letters = 0;
    for (;;) {
        const auto [c, next] = cur.peek(pos);
        if (c < 0 || !is_alpha(c)) break;
        const auto [dot, after_dot] = cur.peek(next);
        if (dot != '.') break;
        const auto [following, unused] = cur.peek(after_dot);
        (void)unused;
        ++letters;
        pos = after_dot;
        if (following < 0 || !is_alpha(following)) break;
    }
    return letters >= 2 ? pos - at : 0;
}

bool all_letters_upper(std::string_view surface) {
    Cursor cur{surface};
    while (!cur.done()) {
        const auto [c, next] = cur.peek(cur.pos);
        if (is_alpha(c) && !is_upper(c)) return false;
        cur.pos = next;
    }
    return true;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t base) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 1);  // English runs about five bytes a token: no regrowth
    Cursor cur{text};
    while (!cur.done()) {
        const std::size_t start = cur.pos;
        const auto [c, next] = cur.peek(start);
        if (is_white_space(c) || c == 0) {
            cur.pos = next;
            continue;
        }
        Token& token = tokens.emplace_back();  // filled in place: a token moved in would copy its word
        token.begin = base + start;
        if (const std::size_t len = initialism_length(cur, start); len > 0) {
            cur.pos = start + len;
            token.kind = TokenKind::word;
        } else if (is_digit(c)) {
            std::size_t pos = next;
            for (;;) {
                const auto [d, after] = cur.peek(pos);
                if (d >= 0 && is_digit(d)) { pos = after; continue; }
                const auto [d2, after2] = cur.peek(after);
                if ((d == ',' || d == '.') && d2 >= 0 && is_digit(d2)) { pos = after2; continue; }
                if (d >= 0 && is_alpha(d)) { pos = after; continue; }  // "4th", "C-130" stays split at '-'
                break;
            }
            cur.pos = pos;
            token.kind = TokenKind::number;
        } else if (is_word_char(c)) {
            std::size_t pos = next;
            for (;;) {
                // ASCII letters and digits, most of every word, without decoding them one by one.
                while (pos < text.size() && is_ascii_alphanumeric(text[pos])) ++pos;
                const auto [d, after] = cur.peek(pos);
                if (is_word_char(d)) { pos = after; continue; }
                if (is_apostrophe(d)) {
                    const auto [e, after_e] = cur.peek(after);
                    const auto [f, unused] = cur.peek(after_e);
                    (void)unused;
                    const bool possessive = (e == 's' || e == 'S') && !is_word_char(f);
                    if (!possessive && is_word_char(e)) { pos = after; continue; }  // O'Brien, Debal'tseve
                }
                break;
            }
            cur.pos = pos;
            token.kind = TokenKind::word;
        } else if (is_apostrophe(c)) {
            const auto [e, after_e] = cur.peek(next);
            const auto [f, unused] = cur.peek(after_e);
            (void)unused;
            const bool possessive = (e == 's' || e == 'S') && !is_word_char(f);
            cur.pos = possessive ? after_e : next;
            token.kind = possessive ? TokenKind::word : TokenKind::punctuation;
        } else {
            cur.pos = next;
            token.kind = TokenKind::punctuation;
        }
        token.end = base + cur.pos;
        const std::string_view surface = text.substr(start, cur.pos - start);
        fold_into(token.folded, surface);
        token.folded_hash = word_hash(token.folded);
        const auto [first, unused] = cur.peek(start);
        (void)unused;
        token.capitalized = is_upper(first) || (!is_ascii(first) && u_istitle(first));
        token.all_caps = token.capitalized && all_letters_upper(surface);
    }
    return tokens;
}

}  // namespace frontline
