#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace frontline::ingest::detail {

/// Text made valid UTF-8, and what had to be replaced to get there.
struct RepairedUtf8 {
    std::string text;
    std::size_t replaced = 0;       ///< how many invalid sequences became U+FFFD
    std::size_t first_invalid = 0;  ///< byte offset of the first one in the input (when `replaced` > 0)
};

/// Replaces every maximal invalid subpart of `bytes` (overlong forms, surrogates, code points past
/// U+10FFFF, stray or missing continuation bytes) with one U+FFFD, as Unicode 15 §3.9 recommends.
[[nodiscard]] RepairedUtf8 repair_utf8(std::string_view bytes);

}  // namespace frontline::ingest::detail
