#pragma once

#include <string>
#include <string_view>

namespace frontline {

/// The comparison form of a word or phrase: NFKC, case folded, transliterated to Latin and
/// stripped of diacritics, so "Kobanî", "KOBANI" and "Kobani" all fold to "kobani" ("Kobanê" to "kobane"), and
/// "Mürşitpınar" to "mursitpinar". Typographic apostrophes and dashes become ASCII.
/// Pure ASCII input takes a fast path that only lower-cases.
[[nodiscard]] std::string fold(std::string_view utf8);

/// Number of Unicode code points in valid UTF-8 (continuation bytes are not counted).
[[nodiscard]] std::size_t code_point_count(std::string_view utf8) noexcept;

}  // namespace frontline
