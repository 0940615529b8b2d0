#include "render/detail/text.hpp"

#include <array>

namespace frontline::render::detail {

namespace {
constexpr std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> weekday_names{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};
constexpr sf::Uint32 ellipsis = 0x2026;

std::string month_name(const Date& day) { return month_names.at(day.month() - 1); }
}  // namespace

sf::String utf8(std::string_view text) { return sf::String::fromUtf8(text.begin(), text.end()); }

float text_width(const sf::Font& font, const sf::String& text, unsigned size, bool bold) {
    float width = 0.0F;
    sf::Uint32 previous = 0;
    for (const sf::Uint32 c : text) {
        width += font.getKerning(previous, c, size) + font.getGlyph(c, size, bold).advance;
        previous = c;
    }
    return width;
}

std::vector<sf::String> wrap_text(const sf::Font& font, const sf::String& text, unsigned size, float max_width,
                                  std::size_t max_lines) {
    std::vector<sf::String> words;
    sf::String word;
    for (const sf::Uint32 c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.isEmpty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.isEmpty()) words.push_back(word);

    std::vector<sf::String> lines;
    sf::String line;
    bool cut = false;
    for (const sf::String& next : words) {
        const sf::String candidate = line.isEmpty() ? next : line + " " + next;
        if (line.isEmpty() || text_width(font, candidate, size) <= max_width) {
            line = candidate;
            continue;
        }
        lines.push_back(line);
        line = next;
        if (lines.size() == max_lines) {
            cut = true;
            break;
        }
    }
    if (!cut && !line.isEmpty()) lines.push_back(line);
    if (cut && !lines.empty()) {
        sf::String& last = lines.back();
        while (!last.isEmpty() && text_width(font, last + sf::String(ellipsis), size) > max_width)
            last.erase(last.getSize() - 1);
        last += sf::String(ellipsis);
    }
    return lines;
}

std::string short_day(const Date& day) { return std::to_string(day.day()) + " " + month_abbreviation(day); }

std::string medium_day(const Date& day) { return short_day(day) + " " + std::to_string(day.year()); }

std::string long_day(const Date& day) {
    return std::string(weekday_names.at(day.weekday())) + " " + std::to_string(day.day()) + " " + month_name(day) +
           " " + std::to_string(day.year());
}

std::string month_abbreviation(const Date& day) { return month_name(day).substr(0, 3); }

}  // namespace frontline::render::detail
