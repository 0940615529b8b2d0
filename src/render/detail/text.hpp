#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <SFML/Graphics/Font.hpp>
#include <SFML/System/String.hpp>

#include "common/date.hpp"

namespace frontline::render::detail {

/// UTF-8 (all Frontline strings) to SFML's UTF-32; sf::String's own std::string constructor would
/// read the bytes in the C locale's encoding and garble "Kobanî".
[[nodiscard]] sf::String utf8(std::string_view text);

/// Width in pixels of `text` set in `font` at `size`, kerning included.
[[nodiscard]] float text_width(const sf::Font& font, const sf::String& text, unsigned size, bool bold = false);

/// `text` broken at spaces into lines no wider than `max_width` (a word longer than that gets a
/// line of its own). With more than `max_lines` lines the last one kept ends in "…".
[[nodiscard]] std::vector<sf::String> wrap_text(const sf::Font& font, const sf::String& text, unsigned size,
                                                float max_width, std::size_t max_lines);

/// "14 Oct"
[[nodiscard]] std::string short_day(const Date& day);
/// "14 Oct 2014"
[[nodiscard]] std::string medium_day(const Date& day);
/// "Tuesday 14 October 2014"
[[nodiscard]] std::string long_day(const Date& day);
/// "Oct"
[[nodiscard]] std::string month_abbreviation(const Date& day);

}  // namespace frontline::render::detail
