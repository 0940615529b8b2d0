#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace frontline {

/// The code point starting at byte `at` of `text` and the offset just past it; invalid bytes
/// read as U+FFFD, as ICU reads them when it converts the text. Out of line, so that the ASCII
/// tests in front of it (most text is ASCII) stay small enough to inline.
[[nodiscard]] std::pair<std::int32_t, std::size_t> decode_utf8_at(std::string_view text, std::size_t at);

}  // namespace frontline
