#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/sentence.hpp"

namespace frontline {

/// Tokenizes `text` (UTF-8), recording offsets relative to `base`. Words are runs of letters and
/// digits; "U.S."-style initialisms and decimal numbers ("1.3", "45,000") stay whole; a possessive
/// "'s" is its own token; every other punctuation mark is a token of its own.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text, std::size_t base = 0);

}  // namespace frontline
