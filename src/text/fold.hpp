#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace frontline {

/// The comparison form of a word or phrase: NFKC, case folded, transliterated to Latin and
/// stripped of diacritics, so "Kobanî", "KOBANI" and "Kobani" all fold to "kobani" ("Kobanê" to "kobane"), and
/// "Mürşitpınar" to "mursitpinar". Typographic apostrophes and dashes become ASCII.
/// Pure ASCII input takes a fast path that only lower-cases.
[[nodiscard]] std::string fold(std::string_view utf8);

/// The hash of a folded word that the tokenizer stores with each token, so that the lexicon's
/// tables look words up by number instead of hashing and comparing their bytes again at every
/// table (profiled: the bulk of extraction time). Equal words hash equally; a table still
/// compares the bytes of the few words whose hash it holds. FNV-1a with murmur's final mix
/// (every bit of the result depends on every byte, as the tables' low-bit slots and the phrase
/// filter's top bits need), and constexpr, so that a literal's hash is known when the program is
/// compiled (RuleWord).
[[nodiscard]] constexpr std::size_t word_hash(std::string_view folded) noexcept {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : folded) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    return static_cast<std::size_t>(hash);
}

/// Number of Unicode code points in valid UTF-8 (continuation bytes are not counted).
[[nodiscard]] std::size_t code_point_count(std::string_view utf8) noexcept;

}  // namespace frontline
