#include "text/fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

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

bool is_ascii(std::string_view s) noexcept {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

std::string fold(std::string_view utf8) {
    if (is_ascii(utf8)) {
        std::string out(utf8);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.foldCase();
    folding_transliterator().transliterate(text);
    text.foldCase();  // transliteration can produce capitals ("ß" -> "SS" in some rules)
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::size_t code_point_count(std::string_view utf8) noexcept {
    std::size_t n = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace frontline
