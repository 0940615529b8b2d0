#pragma once

#include <optional>
#include <string>

#include "events/event.hpp"
#include "render/scene.hpp"

namespace frontline::render::test {

/// A located, dated event with one mention.
Event make_event(std::string type, std::string actor1, double lon, double lat, const std::string& day,
                 Certainty certainty = Certainty::confirmed, int geo_precision = 1);

/// A statement (no place) on `day`.
Event make_statement(std::string type, std::string actor1, const std::string& day);

/// `Date::parse_iso` that cannot fail in a test.
Date day(const std::string& iso);

/// Five events around Kobane over 2014-10-01..20 in a 1000×700 viewport, no base layer:
/// 0 airstrike USA confirmed at the west edge (10-05), 1 shelling ISIS claimed (10-08),
/// 2 appeal UN statement (10-06), 3 deployment TUR along the border as a LINESTRING (10-10),
/// 4 territory_taken YPG near a place, 5 mentions (10-12).
Scene small_scene();

/// The siege of Kobane, 16 Sep - 2 Nov 2014, from the dev corpus' gold events, over a coarse
/// base map of Turkey, Syria, Iraq, Lebanon and Iran: the scene of the sample PNG.
Scene kobane_scene(sf::Vector2u viewport = {1280, 800});

}  // namespace frontline::render::test
