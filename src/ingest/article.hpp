#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace frontline {

/// Why a paragraph is scraping debris rather than reporting. Debris is kept for provenance but
/// never yields events.
enum class Boilerplate {
    none,
    byline,         ///< "By Leyla Arslan," / "Ari Soffer," / "By Tom Whitfield | Northgate Daily"
    caption,        ///< a photo caption, typically truncated and repeated
    teaser,         ///< "Watch - ...", "Video: ..."
    related_link,   ///< "Read more: ...", "Related: ..."
    timestamp,      ///< "Updated 20 October 2014"
};

[[nodiscard]] const char* to_string(Boilerplate kind) noexcept;

/// A block of the article text separated from its neighbours by line breaks.
/// `begin`/`end` are byte offsets into `Article::text`.
struct Paragraph {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool is_title = false;  ///< the headline (first paragraph of a .txt, or <title>)
    Boilerplate boilerplate = Boilerplate::none;
};

/// One news article as read, valid UTF-8. `text` holds the headline as its first paragraph
/// followed by the body, so every event can point back at the exact bytes it was read from.
struct Article {
    std::string id;
    std::string title;
    std::optional<Date> published;
    std::string outlet;
    std::string author;
    std::string url;
    std::string language;  ///< BCP 47 tag from the metadata; empty when unknown
    std::string source;    ///< the file (or `<stdin>:LINE`) it was read from
    std::string text;
    std::vector<Paragraph> paragraphs;
};

}  // namespace frontline
