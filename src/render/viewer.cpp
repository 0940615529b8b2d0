#include "render/viewer.hpp"

#include <algorithm>
#include <optional>
#include <cmath>
#include <string>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>

#include "common/error.hpp"
#include "render/detail/display.hpp"
#include "render/detail/frame.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/text.hpp"
#include "render/renderer.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

namespace {

/// None: every frame starts by copying the kept picture (itself not multisampled; glyph edges come
/// smooth from the sprite atlas), a blit into a plain window but a textured quad at 4 samples a
/// pixel into a multisampled one. At 1600x900 under Xvfb with Mesa's software rasteriser, copy and
/// swap took 17 ms a frame with 4 samples and 6-9 ms without.
constexpr unsigned antialiasing_level = 0;
/// How long to sleep between polls when nothing changes: input stays responsive, the CPU idle.
constexpr int idle_poll_milliseconds = 8;
/// While the map is dragged or zoomed, frames move the last picture (`Renderer::draw_moved`); once
/// the view has rested this long the whole frame is drawn. A full frame of a big story takes a
/// software rasteriser over 100 ms, which would make a drag stutter.
constexpr sf::Int32 view_rest_milliseconds = 150;

bool same_view(const MapView& a, const MapView& b) {
    return a.centre() == b.centre() && a.pixels_per_km() == b.pixels_per_km() && a.frame() == b.frame();
}

}  // namespace

bool ViewerController::handle(const sf::Event& event) {
    switch (event.type) {
        case sf::Event::Closed: quit_ = true; return false;
        case sf::Event::Resized: scene_.set_viewport({event.size.width, event.size.height}); return true;
        case sf::Event::LostFocus: drag_ = Drag::none; return false;
        case sf::Event::KeyPressed: return typed_date_ ? typing_key(event.key.code) : key_pressed(event.key.code);
        case sf::Event::TextEntered: return text_entered(event.text.unicode);
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button != sf::Mouse::Left) return false;
            return mouse_pressed({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button != sf::Mouse::Left) return false;
            return mouse_released({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        case sf::Event::MouseMoved:
            return mouse_moved({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
        case sf::Event::MouseLeft: {
            const bool had_hover = scene_.hovered().has_value();
            scene_.set_hovered(std::nullopt);
            return had_hover;
        }
        case sf::Event::MouseWheelScrolled: {
            if (event.mouseWheelScroll.wheel != sf::Mouse::VerticalWheel) return false;
            const sf::Vector2f at{static_cast<float>(event.mouseWheelScroll.x),
                                  static_cast<float>(event.mouseWheelScroll.y)};
            if (!scene_.layout().map.contains(at)) return false;
            scene_.zoom_at(at, std::pow(wheel_zoom_factor, static_cast<double>(event.mouseWheelScroll.delta)));
            return true;
        }
        default: return false;
    }
}

bool ViewerController::key_pressed(sf::Keyboard::Key key) {
    const DateRange& range = scene_.range();
    switch (key) {
        case sf::Keyboard::Space:
            playing_ = !playing_;
            unspent_ = sf::Time::Zero;
            if (playing_ && scene_.current() == range.last()) scene_.set_current(range.first());
            return true;
        case sf::Keyboard::Right:
        case sf::Keyboard::Left: {
            const auto day = key == sf::Keyboard::Right ? scene_.next_event_date() : scene_.previous_event_date();
            if (!day) return false;
            scene_.set_current(*day);
            return true;
        }
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal: speed_ = std::min(max_speed, speed_ * 2); return true;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen: speed_ = std::max(1, speed_ / 2); return true;
        case sf::Keyboard::W:
            scene_.set_window(scene_.window() == TimeWindow::cumulative ? TimeWindow::sliding : TimeWindow::cumulative);
            return true;
        case sf::Keyboard::F: scene_.fit_to_events(); return true;
        case sf::Keyboard::Home: scene_.set_current(range.first()); return true;
        case sf::Keyboard::End: scene_.set_current(range.last()); return true;
        case sf::Keyboard::Escape:
            if (scene_.selected()) {  // the side panel closes first
                scene_.set_selected(std::nullopt);
                return true;
            }
            quit_ = true;
            return false;
        case sf::Keyboard::Q: quit_ = true; return false;
        default: return false;
    }
}

bool ViewerController::text_entered(sf::Uint32 character) {
    const bool digit = character >= '0' && character <= '9';
    if (!typed_date_) {
        if (!digit) return false;  // a digit starts a date; every other key is a shortcut
        typed_date_.emplace();
    }
    constexpr std::size_t longest = 10;  // YYYY-MM-DD
    if ((!digit && character != '-') || typed_date_->size() >= longest) return false;
    typed_date_->push_back(static_cast<char>(character));
    return true;
}

bool ViewerController::typing_key(sf::Keyboard::Key key) {
    switch (key) {
        case sf::Keyboard::Escape: typed_date_.reset(); return true;
        case sf::Keyboard::Backspace:
            if (!typed_date_->empty()) typed_date_->pop_back();
            if (typed_date_->empty()) typed_date_.reset();
            return true;
        case sf::Keyboard::Enter: {
            std::string text = *typed_date_;
            typed_date_.reset();
            if (text.size() == 4) text += "-01";  // a year: its first day
            if (text.size() == 7) text += "-01";  // a month: its first day
            if (const auto day = Date::parse_iso(text)) scene_.set_current(*day);
            return true;
        }
        default: return false;  // the characters come as TextEntered
    }
}

bool ViewerController::mouse_pressed(sf::Vector2f at) {
    last_mouse_ = at;
    if (scene_.layout().timeline.contains(at)) {
        drag_ = Drag::timeline;
        return scrub_to(at.x);
    }
    if (const std::optional<LegendToggle> toggle = legend_toggle_at(scene_, at)) {
        if (toggle->kind == LegendToggle::Kind::event_type)
            scene_.set_type_shown(toggle->key, !scene_.type_shown(toggle->key));
        else
            scene_.set_actor_shown(toggle->key, !scene_.actor_shown(toggle->key));
        return true;
    }
    if (scene_.layout().map.contains(at)) {
        drag_ = Drag::map;
        pressed_at_ = at;
    }
    return false;
}

bool ViewerController::mouse_released(sf::Vector2f at) {
    const bool on_map = drag_ == Drag::map;
    drag_ = Drag::none;
    // A click, not the end of a pan: it opens the side panel of the event under it, or closes it.
    constexpr float click_slack_px = 4.0F;
    if (!on_map || std::hypot(at.x - pressed_at_.x, at.y - pressed_at_.y) > click_slack_px) return false;
    if (scene_.selected() && detail::selection_panel(scene_.layout()).contains(at)) return false;
    const std::optional<std::size_t> under = scene_.event_at(at);
    if (under == scene_.selected()) return false;
    scene_.set_selected(under);
    return true;
}

bool ViewerController::mouse_moved(sf::Vector2f at) {
    const sf::Vector2f delta = at - last_mouse_;
    last_mouse_ = at;
    switch (drag_) {
        case Drag::map: scene_.pan(delta.x, delta.y); return true;
        case Drag::timeline: return scrub_to(at.x);
        case Drag::none: break;
    }
    const std::optional<std::size_t> under =
        scene_.layout().map.contains(at) ? scene_.event_at(at) : std::optional<std::size_t>();
    if (under == scene_.hovered()) return false;
    scene_.set_hovered(under);
    return true;
}

bool ViewerController::scrub_to(float x) {
    const Date day = scene_.timeline_axis().date_at(x);
    if (day == scene_.current()) return false;
    scene_.set_current(day);
    return true;
}

bool ViewerController::advance(sf::Time elapsed) {
    if (!playing_) return false;
    unspent_ += elapsed * static_cast<float>(speed_);
    const long days = static_cast<long>(unspent_.asMilliseconds() / day_milliseconds);
    if (days == 0) return false;
    unspent_ -= sf::milliseconds(static_cast<sf::Int32>(days * day_milliseconds));
    scene_.set_current(scene_.current().plus_days(days));
    if (scene_.current() == scene_.range().last()) playing_ = false;
    return true;
}

void draw_playback_status(sf::RenderTarget& target, const ViewerController& controller, const sf::Font& font) {
    const sf::FloatRect strip = Layout::for_viewport(target.getSize()).timeline;
    const float middle = strip.top + 11.0F;
    const float right = strip.left + strip.width - 18.0F;
    const sf::String hints = detail::utf8(
        "Space play  \u00b7  \u2190 \u2192 event days  \u00b7  + \u2212 speed  \u00b7  W window  \u00b7  F fit  \u00b7  type a date");
    const sf::String status =
        controller.typed_date()
            ? detail::utf8("go to " + *controller.typed_date() + "\u2581  (Enter)")
            : detail::utf8((controller.playing() ? "\u25b6 playing " : "\u275a\u275a paused ") + std::to_string(controller.speed()) +
                           "\u00d7");
    // The histogram key holds the left half of the strip; the hints go when they would reach it.
    const float hints_left = right - detail::text_width(font, hints, 11);
    const bool with_hints = hints_left >= strip.left + strip.width / 2.0F;
    if (with_hints) detail::draw_text(target, font, hints, 11, hints_left, middle, detail::palette::chrome_muted);
    const float status_right = with_hints ? hints_left - 24.0F : right;
    detail::draw_text(target, font, status, 12, status_right - detail::text_width(font, status, 12, true), middle,
                      detail::palette::chrome_text, sf::Text::Bold);
}

int run_viewer(Scene& scene, const sf::Font& font) {
    detail::require_display("open the viewer window");
    sf::ContextSettings settings;
    settings.antialiasingLevel = antialiasing_level;
    const sf::Vector2u size = scene.viewport();
    sf::RenderWindow window(sf::VideoMode(size.x, size.y), "Frontline", sf::Style::Default, settings);
    if (!window.isOpen()) throw OutputError("cannot open the viewer window");
    window.setVerticalSyncEnabled(true);

    const auto hatch = load_hatch_shader();  // needs the window's GL context
    Renderer renderer(font, hatch.get());
    ViewerController controller(scene);
    sf::Clock clock;
    sf::Clock since_view_moved;
    bool dirty = true;
    bool previewed = false;  // the window shows a moved picture, not a whole frame
    while (window.isOpen()) {
        const MapView view_before = scene.view();
        sf::Event event;
        while (window.pollEvent(event)) dirty = controller.handle(event) || dirty;
        if (controller.quit_requested()) {
            window.close();
            break;
        }
        dirty = controller.advance(clock.restart()) || dirty;
        const bool view_moved = !same_view(view_before, scene.view());
        if (view_moved) since_view_moved.restart();
        const bool rested = previewed && since_view_moved.getElapsedTime().asMilliseconds() >= view_rest_milliseconds;
        if (!dirty && !rested) {
            sf::sleep(sf::milliseconds(idle_poll_milliseconds));
            continue;
        }
        previewed = view_moved && renderer.draw_moved(window, scene);
        if (!previewed) renderer.draw(window, scene);
        draw_playback_status(window, controller, font);
        window.display();
        dirty = false;
    }
    return 0;
}

}  // namespace frontline::render
