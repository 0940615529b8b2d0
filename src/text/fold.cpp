#include "text/fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "common/error.hpp"

namespace frontline {

namespace {

// Creating an ICU transliterator compiles its rules (milliseconds), so each thread keeps one.
icu::Transliterator& folding_transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFKC; Any-Latin; Latin-ASCII; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) throw Error(std::string("ICU cannot create the folding transliterator: ") + u_errorName(status));
        return t;
    }();
    return *instance;
}

std::string fold_unicode(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.foldCase();
    folding_transliterator().transliterate(text);
    text.foldCase();  // transliteration can produce capitals ("ß" -> "SS" in some rules)
    std::string out;
    text.toUTF8String(out);
    return out;
}

/// fold_unicode's answers by word: the same few non-ASCII tokens (curly quotes and apostrophes,
/// dashes, the accented names of a story) come back in every article, and transliteration is a
/// hundred times the cost of a look-up (profiled: 2 % of extraction). Per thread, so no lock;
/// emptied when full, which keeps it bounded on text in another script.
const std::string& fold_unicode_remembered(std::string_view utf8) {
    constexpr std::size_t capacity = 4096;
    struct Hash {
        using is_transparent = void;  // looked up by a view, without copying the word
        std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
    };
    thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> folded;
    if (const auto known = folded.find(utf8); known != folded.end()) return known->second;
    if (folded.size() >= capacity) folded.clear();
    return folded.emplace(std::string(utf8), fold_unicode(utf8)).first->second;
}

}  // namespace

void fold_into(std::string& out, std::string_view utf8) {
    // ASCII only lower-cases, in the one pass that also finds out whether the word is ASCII (the
    // tokenizer folds every token; a separate test and copy were a third of this).
    out.resize(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            out = fold_unicode_remembered(utf8);
            return;
        }
        out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

std::string fold(std::string_view utf8) {
    std::string out;
    fold_into(out, utf8);
    return out;
}

std::size_t code_point_count(std::string_view utf8) noexcept {
    // Eight bytes at a time: a continuation byte (10xxxxxx) has bit 7 set and bit 6 clear, and
    // shifting the word left by one puts each byte's bit 6 under its bit 7. Every mention counts
    // the article from its start, so this runs over whole articles.
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::size_t continuation = 0;
    std::size_t i = 0;
    for (; i + 8 <= utf8.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, utf8.data() + i, sizeof word);
        // One bit per continuation byte, moved to each byte's bottom and summed by the multiply
        // into the top byte (at most 8); std::popcount would be a library call without -mpopcnt.
        const std::uint64_t marks = (word & ~(word << 1) & high_bits) >> 7;
        continuation += static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
    }
    for (; i < utf8.size(); ++i) continuation += (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80;
    return utf8.size() - continuation;
}

}  // namespace frontline
