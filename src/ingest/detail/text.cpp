#include "ingest/detail/text.hpp"

namespace frontline::ingest::detail {

namespace {

constexpr std::string_view ascii_whitespace = " \t\n\r\f\v";
constexpr std::string_view no_break_space = "\xC2\xA0";

}  // namespace

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(ascii_whitespace);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(ascii_whitespace) - first + 1);
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t at = 0; at < text.size();) {
        if (text.substr(at, no_break_space.size()) == no_break_space) {
            pending_space = true;
            at += no_break_space.size();
        } else if (ascii_whitespace.find(text[at]) != std::string_view::npos) {
            pending_space = true;
            ++at;
        } else {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += text[at++];
        }
    }
    return out;
}

std::vector<Paragraph> line_paragraphs(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    std::size_t line_begin = 0;
    while (line_begin < text.size()) {
        const auto newline = text.find('\n', line_begin);
        const std::size_t line_end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view content = trim(text.substr(line_begin, line_end - line_begin));
        if (!content.empty()) {
            const auto begin = static_cast<std::size_t>(content.data() - text.data());
            paragraphs.push_back({.begin = begin, .end = begin + content.size(), .is_title = paragraphs.empty()});
        }
        line_begin = line_end + 1;
    }
    return paragraphs;
}

void compose_text(Article& article, const std::vector<std::string>& blocks) {
    std::vector<std::string_view> body;
    for (const std::string& block : blocks) {
        for (const Paragraph& line : line_paragraphs(block))
            body.push_back(std::string_view(block).substr(line.begin, line.end - line.begin));
    }
    article.title = collapse_whitespace(article.title);
    if (article.title.empty() && !body.empty()) {
        article.title = collapse_whitespace(body.front());
        body.erase(body.begin());
    } else if (!body.empty() && body.front() == article.title) {
        body.erase(body.begin());
    }

    article.text.clear();
    article.paragraphs.clear();
    if (article.title.empty()) return;
    article.text = article.title;
    article.paragraphs.push_back({.begin = 0, .end = article.text.size(), .is_title = true});
    for (const std::string_view line : body) {
        article.text += "\n\n";
        const std::size_t begin = article.text.size();
        article.text += line;
        article.paragraphs.push_back({.begin = begin, .end = article.text.size()});
    }
}

}  // namespace frontline::ingest::detail
