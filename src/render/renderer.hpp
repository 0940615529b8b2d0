#pragma once

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include "render/scene.hpp"

namespace frontline::render {

/// Draws one frame of `scene` over the whole of `target`, laid out by `Layout::for_viewport` of
/// the target's size (the scene's view is reframed when that differs from its viewport):
///
/// - the map: sea, land, borders, the visible events (glyph by type, colour by actor1, size by
///   mentions; a halo for geo_precision 2, a faint disc for 3; filled when confirmed, light when
///   reported, hollow and dashed when claimed; borders and regions as strokes; older events
///   fainter), place labels that never overlap (the most important win), a scale bar;
/// - the title bar (current date, counts), the legend (types and actors in the scene, with
///   visible counts), and the timeline (events per day, physical and statements stacked, the
///   playhead, the sliding window, calendar ticks);
/// - the hovered event's tooltip, its top-left corner 16 px right of and below the glyph centre,
///   or on the other side where it would leave the map.
///
/// Sets the target's view to its pixel grid. Text is UTF-8 throughout.
void draw(sf::RenderTarget& target, const Scene& scene, const sf::Font& font);

}  // namespace frontline::render
