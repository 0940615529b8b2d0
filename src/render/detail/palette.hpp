#pragma once

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/Color.hpp>

namespace frontline::render::detail {

/// The colours of the map and its frame, in one place so panels and map agree.
namespace palette {
inline const sf::Color sea{203, 218, 228};
inline const sf::Color land{243, 240, 234};
inline const sf::Color border{170, 162, 150};
inline const sf::Color label{52, 52, 52};
inline const sf::Color label_halo{243, 240, 234, 230};
inline const sf::Color country_label{140, 132, 118};
inline const sf::Color chrome{27, 33, 40};
inline const sf::Color chrome_edge{56, 65, 76};
inline const sf::Color chrome_text{234, 238, 241};
inline const sf::Color chrome_muted{150, 162, 174};
inline const sf::Color legend_glyph{214, 220, 226};
inline const sf::Color bar_physical{232, 237, 241};
inline const sf::Color bar_statement{120, 164, 216};
inline const sf::Color bar_physical_idle{82, 94, 107};
inline const sf::Color bar_statement_idle{58, 80, 106};
inline const sf::Color playhead{255, 92, 80};
inline const sf::Color tooltip{17, 22, 28};
inline const sf::Color front_line{150, 20, 30};
}  // namespace palette

/// `colour` with its alpha multiplied by `factor` (0-1).
[[nodiscard]] inline sf::Color faded(sf::Color colour, float factor) {
    colour.a = static_cast<sf::Uint8>(static_cast<float>(colour.a) * factor);
    return colour;
}

/// `strength` (0-1) as the grey level that tints premultiplied pixels by it: 0-255.
[[nodiscard]] inline sf::Uint8 strength_level(float strength) {
    return static_cast<sf::Uint8>(std::lround(255.0F * std::clamp(strength, 0.0F, 1.0F)));
}

/// `a` moved towards `b` by `t` (0 = a, 1 = b), alpha included.
[[nodiscard]] inline sf::Color mix(sf::Color a, sf::Color b, float t) {
    const auto lerp = [t](sf::Uint8 x, sf::Uint8 y) {
        return static_cast<sf::Uint8>(static_cast<float>(x) + (static_cast<float>(y) - static_cast<float>(x)) * t +
                                      0.5F);
    };
    return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b), lerp(a.a, b.a)};
}

}  // namespace frontline::render::detail
