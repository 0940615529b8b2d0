#pragma once

#include <string_view>

#include "ingest/article.hpp"

namespace frontline {

/// What kind of debris `line` (one paragraph) is by its form alone: a byline ("By Leyla Arslan,",
/// "Ari Soffer,"), a teaser ("Watch - ...", "Video: ..."), a related link ("Read more: ...") or a
/// timestamp ("Updated 20 October 2014"); `Boilerplate::none` for anything else, which includes
/// every ordinary sentence. Captions are told by their repeats, so only `flag_boilerplate` finds them.
[[nodiscard]] Boilerplate classify_line(std::string_view line);

/// Sets `Paragraph::boilerplate` on every paragraph of `article` except the title: the kind
/// `classify_line` gives, or `caption` for a line that recurs in the article or is cut mid-word
/// from a longer one (scrapers copy a photo caption as alt text and as caption, often truncated).
/// Of a repeated complete sentence the first copy is kept as text. The text itself is unchanged.
void flag_boilerplate(Article& article);

}  // namespace frontline
