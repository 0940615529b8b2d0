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
/// fold(utf8) written into `out` (replacing what it held), reusing its storage: the tokenizer
/// folds every token straight into the token.
void fold_into(std::string& out, std::string_view utf8);

/// The hash of a folded word that the tokenizer stores with each token, so that the lexicon's
/// tables look words up by number instead of hashing and comparing their bytes again at every
/// table (profiled: the bulk of extraction time). Equal words hash equally; a table still
/// compares the bytes of the few words whose hash it holds. The word is taken eight bytes at a
/// time (one multiply each, where FNV-1a's byte loop took one a byte: 1 % of extraction), then
/// murmur's final mix, so every bit of the result depends on every byte, as the tables'
/// low-bit slots and the phrase filter's top bits need. constexpr, so that a literal's hash is
/// known when the program is compiled (RuleWord); the byte-by-byte assembly of a chunk compiles
/// to one load.
[[nodiscard]] constexpr std::size_t word_hash(std::string_view folded) noexcept {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t hash = 14695981039346656037ULL ^ folded.size();
    const auto chunk_at = [&](std::size_t at, std::size_t count) {
        std::uint64_t chunk = 0;
        for (std::size_t k = 0; k < count; ++k) chunk |= std::uint64_t{static_cast<unsigned char>(folded[at + k])} << (8 * k);
        return chunk;
    };
    std::size_t at = 0;
    for (; at + 8 <= folded.size(); at += 8) hash = (hash ^ chunk_at(at, 8)) * multiplier;
    if (at < folded.size()) hash = (hash ^ chunk_at(at, folded.size() - at)) * multiplier;
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
