#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <SFML/Graphics/Color.hpp>

namespace frontline::render {

/// The outline an event is drawn with; one per event type, so the type reads without colour.
enum class GlyphShape {
    star,           ///< airstrike
    diamond,        ///< shelling
    burst,          ///< bombing: an eight-pointed flash
    saltire,        ///< armed_clash: an X
    square,         ///< territory_taken
    triangle_up,    ///< advance
    triangle_down,  ///< retreat
    chevron,        ///< deployment
    plus,           ///< aid
    hexagon,        ///< attack_on_civilians
    pentagon,       ///< abduction
    octagon,        ///< arrest
    circle,         ///< protest
    cog,            ///< riot: a circle with a jagged edge
    arrow,          ///< displacement
    dot,            ///< any type outside the taxonomy
};

/// The glyph of a taxonomy event type (taxonomy.md); `dot` for anything else.
[[nodiscard]] GlyphShape glyph_for(std::string_view event_type) noexcept;

/// The colour of an actor id (taxonomy.md, "Actors"): a fixed palette for the common actors
/// (ISIS near-black, YPG yellow, USA blue, TUR red, ...), a stable colour derived from the id's
/// bytes for any other, so an actor keeps its colour between runs and machines.
[[nodiscard]] sf::Color actor_color(std::string_view actor) noexcept;

/// Radius in pixels of an event's glyph: grows with the logarithm of how often it was read, so a
/// widely reported event stands out without a single one swallowing the map.
[[nodiscard]] float glyph_radius(std::size_t mention_count) noexcept;

/// A reader's name for an event type: `armed_clash` → "Armed clash".
[[nodiscard]] std::string display_name(std::string_view event_type);

}  // namespace frontline::render
