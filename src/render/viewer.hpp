#pragma once

#include <optional>
#include <string>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/System/Time.hpp>

#include "render/scene.hpp"

namespace frontline::render {

/// The viewer's input handling, apart from any window so that tests can drive it:
///
/// | input | effect |
/// |---|---|
/// | drag on the map | pan |
/// | mouse wheel on the map | zoom toward the cursor (×1.25 a notch) |
/// | press or drag on the timeline | move the playhead to the day under the cursor |
/// | mouse over a glyph | hover it (tooltip) |
/// | click a glyph | open its side panel: every mention with its article (click elsewhere or Escape closes it) |
/// | click an event type or actor in the legend | hide or show its events |
/// | Space | play / pause; playing from the last day starts over from the first |
/// | ← / → | previous / next day on which an event starts |
/// | + / − (keypad or main keys) | double / halve the playback speed, 1× to 64× |
/// | W | cumulative ⇄ sliding window |
/// | F | fit the view to the events |
/// | Home / End | first / last day |
/// | type a date (2014-10-09, or 2014-10 for its first day), Enter | jump there (Escape cancels, Backspace deletes) |
/// | Escape (no side panel open), Q, closing the window | quit |
///
/// Playing advances the playhead one day per `day_milliseconds` / speed and stops on the last day.
class ViewerController {
public:
    static constexpr int day_milliseconds = 400;      ///< wall time of one day at 1×
    static constexpr int max_speed = 64;              ///< highest playback speed
    static constexpr double wheel_zoom_factor = 1.25; ///< zoom per wheel notch

    /// Drives `scene`, which must outlive the controller.
    explicit ViewerController(Scene& scene) noexcept : scene_(scene) {}

    /// Applies one window event to the scene. Returns whether the picture changed.
    bool handle(const sf::Event& event);
    /// Moves the playhead on by `elapsed` of wall time while playing. Returns whether it moved.
    bool advance(sf::Time elapsed);

    /// Whether playback runs (Space toggles it; it stops by itself on the last day).
    [[nodiscard]] bool playing() const noexcept { return playing_; }
    /// Playback speed, a power of two from 1 to `max_speed`.
    [[nodiscard]] int speed() const noexcept { return speed_; }
    /// Whether the user asked to leave (Escape, Q, closing the window).
    [[nodiscard]] bool quit_requested() const noexcept { return quit_; }
    /// The date being typed, while one is ("2014-10-"); shortcuts wait until Enter or Escape.
    [[nodiscard]] const std::optional<std::string>& typed_date() const noexcept { return typed_date_; }

private:
    enum class Drag { none, map, timeline };

    bool key_pressed(sf::Keyboard::Key key);
    bool text_entered(sf::Uint32 character);
    bool typing_key(sf::Keyboard::Key key);
    bool mouse_pressed(sf::Vector2f at);
    bool mouse_moved(sf::Vector2f at);
    bool mouse_released(sf::Vector2f at);
    bool scrub_to(float x);

    Scene& scene_;
    bool playing_ = false;
    int speed_ = 1;
    sf::Time unspent_;  ///< playback time not yet worth a whole day
    Drag drag_ = Drag::none;
    sf::Vector2f last_mouse_;
    sf::Vector2f pressed_at_;  ///< where the last press on the map was: a release there is a click
    bool quit_ = false;
    std::optional<std::string> typed_date_;
};

/// Draws the viewer's playback status ("▶ playing 4×") and key hints into the right of the
/// timeline's top strip, over a frame `draw` has just drawn.
void draw_playback_status(sf::RenderTarget& target, const ViewerController& controller, const sf::Font& font);

/// Opens a window on `scene` (at its viewport size) and runs the viewer until the user quits.
/// Each frame is `Renderer::draw` plus `draw_playback_status`. Returns the exit code, 0.
/// @throws OutputError when there is no display to open a window on.
int run_viewer(Scene& scene, const sf::Font& font);

}  // namespace frontline::render
