#include "render/symbology.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

namespace frontline::render {

namespace {

constexpr std::array<std::pair<std::string_view, GlyphShape>, 15> glyph_table{{
    {"airstrike", GlyphShape::star},
    {"shelling", GlyphShape::diamond},
    {"bombing", GlyphShape::burst},
    {"armed_clash", GlyphShape::saltire},
    {"territory_taken", GlyphShape::square},
    {"advance", GlyphShape::triangle_up},
    {"retreat", GlyphShape::triangle_down},
    {"deployment", GlyphShape::chevron},
    {"aid", GlyphShape::plus},
    {"attack_on_civilians", GlyphShape::hexagon},
    {"abduction", GlyphShape::pentagon},
    {"arrest", GlyphShape::octagon},
    {"protest", GlyphShape::circle},
    {"riot", GlyphShape::cog},
    {"displacement", GlyphShape::arrow},
}};

// Colours chosen to stay apart from each other and from the land and sea tints; conventions
// where they exist (flags, the usual map colours of the war).
/// sf::Color has no constexpr constructor in SFML 2.5, hence plain bytes.
struct Rgb {
    sf::Uint8 r;
    sf::Uint8 g;
    sf::Uint8 b;
};

constexpr std::array<std::pair<std::string_view, Rgb>, 22> actor_palette{{
    {"ISIS", Rgb{38, 38, 38}},         {"YPG", Rgb{232, 184, 0}},       {"YPJ", Rgb{232, 184, 0}},
    {"PESHMERGA", Rgb{31, 138, 92}},   {"KRG", Rgb{31, 138, 92}},       {"PKK", Rgb{201, 114, 43}},
    {"KURDS_CIV", Rgb{247, 129, 191}}, {"USA", Rgb{32, 96, 200}},       {"NATO", Rgb{27, 63, 139}},
    {"TUR", Rgb{215, 38, 61}},         {"SYR", Rgb{142, 68, 173}},      {"IRQ", Rgb{160, 120, 60}},
    {"IRN", Rgb{0, 150, 136}},         {"RUS", Rgb{120, 80, 60}},       {"UKR", Rgb{0, 87, 183}},
    {"SAU", Rgb{0, 108, 53}},          {"FSA", Rgb{102, 170, 60}},      {"NUSRA", Rgb{96, 74, 52}},
    {"HEZBOLLAH", Rgb{150, 190, 30}},  {"HUDA_PAR", Rgb{122, 92, 153}}, {"UN", Rgb{74, 163, 223}},
    {"UNHCR", Rgb{74, 163, 223}},
}};

/// FNV-1a: unlike std::hash, the same on every platform and standard library.
std::uint32_t stable_hash(std::string_view text) noexcept {
    std::uint32_t hash = 2166136261U;
    for (const char c : text) {
        hash ^= static_cast<std::uint8_t>(c);
        hash *= 16777619U;
    }
    return hash;
}

sf::Color from_hsv(double hue_degrees, double saturation, double value) noexcept {
    const double chroma = value * saturation;
    const double h = std::fmod(hue_degrees, 360.0) / 60.0;
    const double x = chroma * (1.0 - std::abs(std::fmod(h, 2.0) - 1.0));
    double r = 0.0;
    double g = 0.0;
    double b = 0.0;
    if (h < 1.0) {
        r = chroma;
        g = x;
    } else if (h < 2.0) {
        r = x;
        g = chroma;
    } else if (h < 3.0) {
        g = chroma;
        b = x;
    } else if (h < 4.0) {
        g = x;
        b = chroma;
    } else if (h < 5.0) {
        r = x;
        b = chroma;
    } else {
        r = chroma;
        b = x;
    }
    const double m = value - chroma;
    const auto channel = [m](double v) { return static_cast<sf::Uint8>(std::lround((v + m) * 255.0)); };
    return {channel(r), channel(g), channel(b)};
}

}  // namespace

GlyphShape glyph_for(std::string_view event_type) noexcept {
    const auto* it = std::find_if(glyph_table.begin(), glyph_table.end(),
                                  [event_type](const auto& row) { return row.first == event_type; });
    return it == glyph_table.end() ? GlyphShape::dot : it->second;
}

sf::Color actor_color(std::string_view actor) noexcept {
    const auto* it = std::find_if(actor_palette.begin(), actor_palette.end(),
                                  [actor](const auto& row) { return row.first == actor; });
    if (it != actor_palette.end()) return {it->second.r, it->second.g, it->second.b};
    if (actor.empty()) return {128, 128, 128};
    const std::uint32_t hash = stable_hash(actor);
    // Mid saturation and value: readable on the pale land, never mistaken for ISIS black.
    const double saturation = 0.50 + static_cast<double>((hash >> 9U) % 20U) / 100.0;
    const double value = 0.62 + static_cast<double>((hash >> 17U) % 20U) / 100.0;
    return from_hsv(static_cast<double>(hash % 360U), saturation, value);
}

float glyph_radius(std::size_t mention_count) noexcept {
    const double mentions = static_cast<double>(std::max<std::size_t>(mention_count, 1));
    return static_cast<float>(std::min(6.5 + 2.6 * std::log2(mentions), 16.0));
}

std::string display_name(std::string_view event_type) {
    std::string name(event_type);
    std::replace(name.begin(), name.end(), '_', ' ');
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z')
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

}  // namespace frontline::render
