#include "text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <iterator>
#include <memory>
#include <span>

#include "common/error.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace frontline {

namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" enables CLDR's list of abbreviations after which no sentence ends ("Mr.", "e.g.").
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status) || !it) throw Error(std::string("ICU cannot create a sentence iterator: ") + u_errorName(status));
    return it;
}

icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = make_sentence_iterator();
    return *it;
}

// News abbreviations that CLDR's list lacks; a sentence "ending" in one of them continues when the
// next part starts with a digit or lower-case letter ("Oct. 8", "Gen. Terry" is handled by titles).
constexpr std::array<std::string_view, 22> continuing_abbreviations = {
    "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "no.", "approx.",
    "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "sen.", "rep.", "gov.", "st."};
// Titles always precede a name, so the sentence never ends after them.
constexpr std::array<std::string_view, 10> title_abbreviations = {
    "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "sen.", "rep.", "gov.", "dr."};

// Words that start a new sentence after an initialism rather than continue a name.
constexpr std::array<std::string_view, 16> sentence_openers = {"the", "a", "an", "it", "he", "she", "they", "we",
                                                               "but", "and", "in", "on", "this", "that", "there", "its"};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

/// The last whitespace-separated word of `text` (trailing spaces ignored).
std::string_view last_word(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    const auto space = text.find_last_of(" \t\"(");
    return space == std::string_view::npos ? text : text.substr(space + 1);
}

bool continues_after(std::string_view sentence, std::string_view next) {
    const std::string word = lower_ascii(last_word(sentence));
    if (word.empty() || word.back() != '.') return false;
    const auto first = next.find_first_not_of(" \t\"'(");
    if (first == std::string_view::npos) return false;
    const char c = next[first];
    const bool next_lower_or_digit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (std::find(title_abbreviations.begin(), title_abbreviations.end(), word) != title_abbreviations.end()) return true;
    if (std::find(continuing_abbreviations.begin(), continuing_abbreviations.end(), word) != continuing_abbreviations.end())
        return next_lower_or_digit;
    // After an initialism ("U.S.", "U.N.") a noun usually follows ("U.S. Central Command"); a new
    // sentence shows itself by a word that only starts sentences ("The", "It", "But").
    const bool initialism = word.size() >= 4 && word[1] == '.' && word[3] == '.';
    if (!initialism) return false;
    const std::string next_word = lower_ascii(next.substr(first, next.find_first_of(" \t,", first) - first));
    return std::find(sentence_openers.begin(), sentence_openers.end(), next_word) == sentence_openers.end();
}

/// `text` without its trailing run of `pieces`, in any order.
std::string_view without_trailing(std::string_view text, std::span<const std::string_view> pieces) {
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::string_view piece : pieces)
            if (text.ends_with(piece)) {
                text.remove_suffix(piece.size());
                stripped = true;
            }
    }
    return text;
}

/// Whether ICU's sentence rules can find no boundary in `utf8` but its start and end. UAX #29
/// ends a sentence only after a paragraph separator or after a terminal ("." "!" "?" and their
/// kin in other scripts) with the closing marks and spaces that follow it; so text without
/// either, but for one final run of terminals, closing marks, spaces and a carriage return, is one
/// sentence. Titles and one-sentence paragraphs hold about a third of a news story's text (the
/// bench corpus), and ICU's iterator was 7 % of extraction's instructions.
bool is_one_sentence(std::string_view utf8) {
    // The final run, from the end inwards: CR? Sp* Close* (ATerm|STerm)* (UAX #29's SB9-SB11).
    static constexpr std::string_view spaces[] = {" ", "\t"};
    static constexpr std::string_view closing[] = {"\"", "'", ")", "]", "\u2019", "\u201d"};
    static constexpr std::string_view terminals[] = {".", "!", "?"};
    std::string_view before_run = utf8.ends_with('\r') ? utf8.substr(0, utf8.size() - 1) : utf8;
    before_run = without_trailing(without_trailing(without_trailing(before_run, spaces), closing), terminals);
    for (std::size_t i = 0; i < before_run.size();) {
        const auto byte = static_cast<unsigned char>(before_run[i]);
        if (byte < 0x80) {
            if (byte == '.' || byte == '!' || byte == '?' || byte == '\r' || byte == '\n') return false;
            ++i;
            continue;
        }
        const auto [c, next] = decode_utf8_at(before_run, i);
        switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
            case U_SB_ATERM:
            case U_SB_STERM:
            case U_SB_SEP:
            case U_SB_CR:
            case U_SB_LF: return false;
            default: break;
        }
        i = next;
    }
    return true;
}

/// Byte offsets (into `utf8`) of the sentence boundaries ICU finds in one paragraph.
std::vector<std::size_t> icu_boundaries(std::string_view utf8) {
    if (is_one_sentence(utf8)) return utf8.empty() ? std::vector<std::size_t>{0} : std::vector<std::size_t>{0, utf8.size()};
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    // UTF-16 index -> UTF-8 byte offset, built once per paragraph from the UTF-8 lead bytes (ingest
    // leaves article text valid UTF-8): a code point of four bytes takes two UTF-16 units, any
    // other one. Decoding the UTF-16 again, a library call per character, was 2 % of extraction.
    std::vector<std::size_t> byte_at(static_cast<std::size_t>(text.length()) + 1, utf8.size());
    std::size_t unit = 0;
    for (std::size_t byte = 0; byte < utf8.size() && unit < byte_at.size();) {
        const auto lead = static_cast<unsigned char>(utf8[byte]);
        const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte_at[unit++] = byte;
        if (bytes == 4 && unit < byte_at.size()) byte_at[unit++] = byte;
        byte += bytes;
    }
    auto& it = sentence_iterator();
    it.setText(text);
    std::vector<std::size_t> bounds;
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next())
        bounds.push_back(byte_at[static_cast<std::size_t>(b)]);
    // CLDR never ends a sentence after "U.S."; a sentence opener after it ("... by the U.S. The
    // Kurds ...") shows that one did.
    for (std::size_t dot = utf8.find(". "); dot != std::string_view::npos; dot = utf8.find(". ", dot + 1)) {
        const std::string_view before = last_word(utf8.substr(0, dot + 1));
        const bool initialism = before.size() >= 4 && before[1] == '.' && before[3] == '.';
        const std::size_t next = dot + 2;
        const bool capital = next < utf8.size() && utf8[next] >= 'A' && utf8[next] <= 'Z';
        if (!initialism || !capital) continue;  // most full stops: no word to copy and compare
        const std::size_t word_end = utf8.find_first_of(" \t,", next);
        const std::string next_word = lower_ascii(utf8.substr(next, word_end == std::string_view::npos ? std::string_view::npos : word_end - next));
        if (std::find(sentence_openers.begin(), sentence_openers.end(), next_word) != sentence_openers.end()) bounds.push_back(next);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    return bounds;
}

}  // namespace

/// Longest run of tokens read as one sentence; real sentences are well under this.
constexpr std::size_t max_sentence_tokens = 160;

std::vector<Sentence> segment(const Article& article) {
    std::vector<Sentence> sentences;
    const std::string_view all(article.text);
    // Sentences come in the order of the text, so code points are counted once, up to each offset
    // from the one before.
    std::size_t counted_bytes = 0;
    std::size_t counted_code_points = 0;
    auto code_point_at = [&](std::size_t byte) {
        assert(byte >= counted_bytes);
        counted_code_points += code_point_count(all.substr(counted_bytes, byte - counted_bytes));
        counted_bytes = byte;
        return counted_code_points;
    };
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        const Paragraph& para = article.paragraphs[p];
        const std::string_view text = all.substr(para.begin, para.end - para.begin);
        const std::vector<std::size_t> bounds = icu_boundaries(text);
        std::size_t start = 0;
        for (std::size_t b = 1; b < bounds.size(); ++b) {
            const std::size_t stop = bounds[b];
            if (b + 1 < bounds.size() && continues_after(text.substr(start, stop - start), text.substr(stop))) continue;
            std::size_t first = start, last = stop;
            while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
            while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\r')) --last;
            start = stop;
            if (first == last) continue;
            std::vector<Token> tokens = tokenize(text.substr(first, last - first), para.begin + first);
            if (tokens.empty()) continue;
            // Text scraped without full stops can make one "sentence" of thousands of words; reading
            // it in clause-sized pieces keeps the extractor linear, and no news sentence is that long.
            std::size_t piece = 0;
            while (piece < tokens.size()) {
                std::size_t cut = tokens.size();
                if (cut - piece > max_sentence_tokens) {
                    cut = piece + max_sentence_tokens;
                    for (std::size_t k = cut; k > piece + max_sentence_tokens / 2; --k) {
                        const std::string& w = tokens[k - 1].folded;
                        if (w == "," || w == ";" || w == ":" || w == "—" || w == "–") {
                            cut = k;
                            break;
                        }
                    }
                }
                Sentence s;
                s.index = sentences.size();
                s.paragraph = p;
                s.begin = tokens[piece].begin;
                s.end = tokens[cut - 1].end;
                s.begin_code_point = code_point_at(s.begin);
                s.end_code_point = code_point_at(s.end);
                if (piece == 0 && cut == tokens.size()) {
                    s.tokens = std::move(tokens);  // the usual case, one piece: no copy of the tokens
                    sentences.push_back(std::move(s));
                    break;
                }
                s.tokens.assign(std::make_move_iterator(tokens.begin() + static_cast<std::ptrdiff_t>(piece)),
                                std::make_move_iterator(tokens.begin() + static_cast<std::ptrdiff_t>(cut)));
                sentences.push_back(std::move(s));
                piece = cut;
            }
        }
    }
    return sentences;
}

}  // namespace frontline
