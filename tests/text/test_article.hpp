#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "ingest/article.hpp"

namespace frontline::testing_support {

/// An article built by hand, as the reader would give it: the title as the first paragraph, then
/// one paragraph per body string, separated by blank lines, with byte ranges into `text`.
inline Article make_article(std::string_view title, const std::vector<std::string_view>& body,
                            std::optional<Date> published, std::string id = "test-article") {
    Article article;
    article.id = std::move(id);
    article.title = std::string(title);
    article.published = published;
    article.language = "en";
    article.source = "<test>";
    auto add = [&article](std::string_view paragraph, bool is_title) {
        if (!article.text.empty()) article.text += "\n\n";
        Paragraph p;
        p.begin = article.text.size();
        article.text += paragraph;
        p.end = article.text.size();
        p.is_title = is_title;
        article.paragraphs.push_back(p);
    };
    add(title, true);
    for (const std::string_view paragraph : body) add(paragraph, false);
    return article;
}

}  // namespace frontline::testing_support
