#include "ingest/detail/formats.hpp"
#include "ingest/detail/text.hpp"

namespace frontline::ingest::detail {

ArticleDraft parse_txt_article(std::string text) {
    ArticleDraft draft;
    Article& article = draft.article;
    article.paragraphs = line_paragraphs(text);
    if (!article.paragraphs.empty()) {
        const Paragraph& title = article.paragraphs.front();
        article.title = collapse_whitespace(std::string_view(text).substr(title.begin, title.end - title.begin));
    }
    article.text = std::move(text);
    return draft;
}

}  // namespace frontline::ingest::detail
