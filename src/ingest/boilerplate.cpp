#include "ingest/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <vector>

#include "ingest/detail/text.hpp"

namespace frontline {

namespace {

using ingest::detail::trim;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// Letters, digits and every byte of a non-ASCII character (most of which are letters in news text).
bool is_word_byte(char c) {
    return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

/// A name starts with a capital; a non-ASCII initial ("Ömer") is taken for one.
bool is_capitalised(std::string_view word) {
    return !word.empty() && (is_upper(word.front()) || static_cast<unsigned char>(word.front()) >= 0x80);
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> found;
    while (!(text = trim(text)).empty()) {
        const auto space = std::min(text.find(' '), text.size());
        found.push_back(text.substr(0, space));
        text.remove_prefix(space);
    }
    return found;
}

/// Ends with a full stop, question or exclamation mark, perhaps inside closing quotes or brackets.
bool ends_sentence(std::string_view line) {
    constexpr std::array<std::string_view, 6> closers{"\"", "'", ")", "]", "”", "’"};
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::string_view closer : closers) {
            if (line.ends_with(closer)) {
                line.remove_suffix(closer.size());
                stripped = true;
            }
        }
    }
    return line.ends_with('.') || line.ends_with('!') || line.ends_with('?') || line.ends_with("…");
}

/// What follows `phrase` (lower-case) and the spaces after it when `line` starts with it in any
/// case and the phrase ends a word there.
std::optional<std::string_view> after_phrase(std::string_view line, std::string_view phrase) {
    if (line.size() < phrase.size()) return std::nullopt;
    for (std::size_t at = 0; at < phrase.size(); ++at) {
        if (to_lower(line[at]) != phrase[at]) return std::nullopt;
    }
    if (line.size() > phrase.size() && is_word_byte(line[phrase.size()])) return std::nullopt;
    return trim(line.substr(phrase.size()));
}

/// The rest of a line after a label such as "Watch" or "Read more": nothing, or a separator.
bool follows_label(std::string_view rest) {
    constexpr std::array<std::string_view, 7> separators{":", "-", "|", ">", "–", "—", "»"};
    return rest.empty() || std::ranges::any_of(separators, [&](std::string_view s) { return rest.starts_with(s); });
}

/// `line` starts with one of `labels` used as a label ("Video: ...", "Related - ...").
bool starts_with_label(std::string_view line, std::initializer_list<std::string_view> labels) {
    return std::ranges::any_of(labels, [&](std::string_view label) {
        const auto rest = after_phrase(line, label);
        return rest && follows_label(*rest);
    });
}

bool starts_with_phrase(std::string_view line, std::initializer_list<std::string_view> phrases) {
    return std::ranges::any_of(phrases,
                               [&](std::string_view phrase) { return after_phrase(line, phrase).has_value(); });
}

bool is_name_word(std::string_view word) {
    // Lower-case parts of names: "Ursula von der Leyen", "Atheel al Nujaifi".
    constexpr std::array<std::string_view, 13> particles{"al", "bin", "ibn", "de", "da",  "del", "der",
                                                         "di", "du",  "la",  "le", "van", "von"};
    const auto hyphen = word.find('-');  // "al-Nujaifi"
    return is_capitalised(word) || std::ranges::find(particles, word) != particles.end() ||
           (hyphen != std::string_view::npos && is_capitalised(word.substr(hyphen + 1)));
}

/// "By Leyla Arslan,", "By Tom Whitfield | Northgate Daily", "Ari Soffer,".
bool is_byline(std::string_view line) {
    if (line.starts_with("By ") || line.starts_with("BY ")) {
        const auto rest = words(line.substr(3));
        return !rest.empty() && rest.size() <= 6 && is_capitalised(rest.front()) && !ends_sentence(line);
    }
    if (!line.ends_with(',')) return false;
    const auto name = words(line.substr(0, line.size() - 1));
    return name.size() >= 2 && name.size() <= 4 && std::ranges::all_of(name, is_name_word) &&
           std::ranges::none_of(line, is_digit);
}

bool is_teaser(std::string_view line) {
    return starts_with_label(line, {"watch", "watch video", "video", "listen", "audio", "gallery", "photos",
                                    "in pictures", "podcast"}) ||
           line.starts_with("WATCH ") || line.starts_with("VIDEO ") || line.starts_with("LISTEN ");
}

bool is_related_link(std::string_view line) {
    return starts_with_phrase(
               line, {"read more", "read also", "also read", "see also", "further reading", "more on this story",
                      "related stories", "related articles", "related coverage", "related content"}) ||
           starts_with_label(line, {"related", "recommended", "more", "read"});
}

/// "Updated 20 October 2014", "Last updated: 14:32 GMT", "Published on Friday".
bool is_timestamp(std::string_view line) {
    for (const std::string_view phrase :
         {"updated", "last updated", "published", "first published", "posted", "last modified"}) {
        const auto rest = after_phrase(line, phrase);
        if (!rest) continue;
        if (follows_label(*rest)) return true;
        const auto next = words(*rest).front();
        const bool looks_like_date = is_digit(next.front()) || is_capitalised(next) || next == "on" || next == "at";
        if (looks_like_date && words(line).size() <= 12 && !ends_sentence(line)) return true;
    }
    return false;
}

std::string_view text_of(const Article& article, const Paragraph& paragraph) {
    return trim(std::string_view(article.text).substr(paragraph.begin, paragraph.end - paragraph.begin));
}

/// `part` is `whole` cut off in the middle of a word, as fixed-length caption fields do.
bool is_cut_from(std::string_view part, std::string_view whole) {
    constexpr std::size_t shortest_caption = 20;  // below this a shared start is chance
    return part.size() >= shortest_caption && whole.size() > part.size() && whole.starts_with(part) &&
           is_word_byte(part.back()) && is_word_byte(whole[part.size()]);
}

void flag_captions(Article& article, std::vector<std::size_t> body) {
    const auto line = [&](std::size_t index) { return text_of(article, article.paragraphs[index]); };
    // Sorted, equal lines are neighbours and a line is followed by the lines it is a prefix of.
    std::ranges::stable_sort(body, {}, line);
    for (std::size_t first = 0; first < body.size();) {
        std::size_t end = first + 1;
        while (end < body.size() && line(body[end]) == line(body[first])) ++end;
        const bool cut = end < body.size() && is_cut_from(line(body[first]), line(body[end]));
        const bool repeated = end - first > 1;
        if (cut || repeated) {
            // A repeated complete sentence may be a lede quoted again: its first copy stays text.
            const bool keep_first = !cut && ends_sentence(line(body[first]));
            for (std::size_t at = keep_first ? first + 1 : first; at < end; ++at) {
                Boilerplate& kind = article.paragraphs[body[at]].boilerplate;
                if (kind == Boilerplate::none) kind = Boilerplate::caption;
            }
        }
        first = end;
    }
}

}  // namespace

Boilerplate classify_line(std::string_view line) {
    line = trim(line);
    if (line.empty()) return Boilerplate::none;
    if (is_related_link(line)) return Boilerplate::related_link;
    if (is_teaser(line)) return Boilerplate::teaser;
    if (is_timestamp(line)) return Boilerplate::timestamp;
    if (is_byline(line)) return Boilerplate::byline;
    return Boilerplate::none;
}

void flag_boilerplate(Article& article) {
    std::vector<std::size_t> body;
    for (std::size_t index = 0; index < article.paragraphs.size(); ++index) {
        Paragraph& paragraph = article.paragraphs[index];
        paragraph.boilerplate = paragraph.is_title ? Boilerplate::none : classify_line(text_of(article, paragraph));
        if (!paragraph.is_title) body.push_back(index);
    }
    flag_captions(article, std::move(body));
}

}  // namespace frontline
