#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "ingest/article.hpp"

namespace frontline::ingest::detail {

/// An article as its format gives it, before the checks all formats share: `published` is still
/// the text of the metadata (empty when there is none) and `article.id` may be empty.
struct ArticleDraft {
    Article article;
    std::string published;
};

/// A .txt article (valid UTF-8): every non-blank line is a paragraph, the first one the title. The
/// text is kept byte for byte, so offsets into it are offsets into the file.
[[nodiscard]] ArticleDraft parse_txt_article(std::string text);

/// Takes the metadata of a .txt article from its STEM.meta.json sidecar: every field the sidecar
/// has (`id`, `title`, `published`, `outlet`, `author`, `url`, `language`) replaces the draft's.
/// @throws InputError naming `sidecar` when the JSON is invalid, not an object, or a field is not
///         a string.
void apply_sidecar(ArticleDraft& draft, std::string_view json, const SourceLocation& sidecar);

/// One JSON article object: the sidecar's fields plus `text`, whose non-blank lines become the
/// paragraphs after the title. `where` names the input; its line, when set, is the line `json`
/// starts on (NDJSON), so that errors point at the right place.
/// @throws InputError for invalid JSON (at its line and column), a value that is not an object,
///         a field that is not a string, or a missing `text`.
[[nodiscard]] ArticleDraft parse_json_article(std::string_view json, const SourceLocation& where);

/// An HTML page (valid UTF-8). Title, date, outlet, author, URL and language come from its
/// metadata (Open Graph, `<title>`, common date meta tags, JSON-LD `datePublished`, `<html lang>`);
/// the paragraphs are the `<p>`, `<h1>`-`<h3>`, `<li>` and `<blockquote>` text of the largest
/// `<article>`, else of `<main>`, else of `<body>`, leaving out scripts, navigation, headers,
/// footers, asides and forms.
[[nodiscard]] ArticleDraft parse_html_article(std::string_view html);

}  // namespace frontline::ingest::detail
