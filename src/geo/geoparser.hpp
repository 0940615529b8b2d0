#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geocoder.hpp"
#include "geo/location.hpp"

namespace frontline {

/// A place name in a text, as byte offsets into the UTF-8 text.
struct ToponymSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A place name with where it was read to be; no location when nothing in the gazetteer fits.
struct GeoparsedPlace {
    ToponymSpan span;
    std::string phrase;
    std::optional<Location> location;
};

/// Byte offset of every code point of UTF-8 `text`, then `text.size()`: JSON interfaces count
/// code points, the text module counts bytes. `starts[k]` is where code point k begins.
[[nodiscard]] std::vector<std::size_t> code_point_starts(std::string_view text);

/// The index of the code point that starts at (or first after) byte offset `byte`.
[[nodiscard]] std::size_t code_point_index(const std::vector<std::size_t>& starts, std::size_t byte);

/// Finds and resolves the place names of one text as a whole (a news story): each name is read
/// in the light of the others — the states and countries the story names, "City, State"
/// qualifiers, and the places it names without doubt — never of its own other mentions.
class Geoparser {
public:
    explicit Geoparser(const Geocoder& geocoder) : geocoder_(geocoder) {}

    /// The place names of `text`: gazetteer n-grams over capitalised tokens, kept when a cue
    /// ("in X", "near X", "the town of X", "X, State") or the name's weight says it is a place,
    /// dropped when it reads as a person, an organisation or a sentence-initial common word.
    [[nodiscard]] std::vector<ToponymSpan> find(std::string_view text) const;

    /// Resolves the given spans (in text order or not), with the precision the words around them
    /// give: 1 a named town; 2 "near X", "the outskirts of X", "N km south of X" (the point moved
    /// by the offset); 3 a country, region or "northern X".
    [[nodiscard]] std::vector<GeoparsedPlace> resolve(std::string_view text, const std::vector<ToponymSpan>& spans) const;

private:
    const Geocoder& geocoder_;
};

}  // namespace frontline
