#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.hpp"

namespace frontline::ingest::detail {

/// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view text);

/// `text` trimmed, with every run of whitespace (ASCII or no-break space) made one space.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

/// One paragraph per non-blank line of `text` (a line ends at "\n"; a "\r" before it is not
/// part of the paragraph), trimmed; the first is the title.
[[nodiscard]] std::vector<Paragraph> line_paragraphs(std::string_view text);

/// Sets `article.text` to its title + "\n\n" + the non-blank lines of `blocks` joined by "\n\n",
/// one paragraph each. A first line equal to the title is dropped as a repeat; without a title the
/// first line becomes it. Leaves the text empty when there is nothing to put in it.
void compose_text(Article& article, const std::vector<std::string>& blocks);

}  // namespace frontline::ingest::detail
