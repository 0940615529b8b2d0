// ViewerController fed with synthetic window events: no window, no display.
#include <gtest/gtest.h>

#include <string>

#include "render/renderer.hpp"
#include "render/viewer.hpp"
#include "fixtures.hpp"

namespace frontline::render {
namespace {

using test::day;

sf::Event key(sf::Keyboard::Key code) {
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    return event;
}

sf::Event mouse_button(sf::Event::EventType type, sf::Vector2f at) {
    sf::Event event{};
    event.type = type;
    event.mouseButton.button = sf::Mouse::Left;
    event.mouseButton.x = static_cast<int>(at.x);
    event.mouseButton.y = static_cast<int>(at.y);
    return event;
}

/// What a keyboard sends for one character: the key, then the text.
void type(ViewerController& controller, const std::string& text) {
    for (const char c : text) {
        const sf::Keyboard::Key code = c == '-' ? sf::Keyboard::Hyphen
                                                : static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + (c - '0'));
        controller.handle(key(code));
        sf::Event event{};
        event.type = sf::Event::TextEntered;
        event.text.unicode = static_cast<sf::Uint32>(c);
        controller.handle(event);
    }
}

sf::Event mouse_move(sf::Vector2f at) {
    sf::Event event{};
    event.type = sf::Event::MouseMoved;
    event.mouseMove.x = static_cast<int>(at.x);
    event.mouseMove.y = static_cast<int>(at.y);
    return event;
}

class ViewerControllerTest : public ::testing::Test {
protected:
    Scene scene = test::small_scene();
    ViewerController controller{scene};
};

TEST_F(ViewerControllerTest, SpaceFromTheLastDayPlaysFromTheFirst) {
    EXPECT_FALSE(controller.playing());
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Space)));
    EXPECT_TRUE(controller.playing());
    EXPECT_EQ(scene.current(), day("2014-10-01"));
    EXPECT_FALSE(controller.advance(sf::milliseconds(ViewerController::day_milliseconds - 1)));
    EXPECT_TRUE(controller.advance(sf::milliseconds(1)));
    EXPECT_EQ(scene.current(), day("2014-10-02"));
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Space)));
    EXPECT_FALSE(controller.playing());
    EXPECT_FALSE(controller.advance(sf::seconds(10.0F)));
    EXPECT_EQ(scene.current(), day("2014-10-02"));
}

TEST_F(ViewerControllerTest, SpeedDoublesUpTo64AndScalesPlayback) {
    controller.handle(key(sf::Keyboard::Home));
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Add)));
    EXPECT_EQ(controller.speed(), 2);
    controller.handle(key(sf::Keyboard::Space));
    controller.advance(sf::milliseconds(ViewerController::day_milliseconds * 3 / 2));  // 3 days at 2x
    EXPECT_EQ(scene.current(), day("2014-10-04"));
    for (int i = 0; i < 10; ++i) controller.handle(key(sf::Keyboard::Equal));
    EXPECT_EQ(controller.speed(), ViewerController::max_speed);
    controller.handle(key(sf::Keyboard::Subtract));
    controller.handle(key(sf::Keyboard::Hyphen));
    EXPECT_EQ(controller.speed(), 16);
}

TEST_F(ViewerControllerTest, PlaybackStopsOnTheLastDay) {
    controller.handle(key(sf::Keyboard::Space));
    controller.advance(sf::seconds(60.0F));
    EXPECT_EQ(scene.current(), day("2014-10-20"));
    EXPECT_FALSE(controller.playing());
}

TEST_F(ViewerControllerTest, ArrowsStepBetweenEventDays) {
    controller.handle(key(sf::Keyboard::Home));
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Right)));
    EXPECT_EQ(scene.current(), day("2014-10-05"));
    controller.handle(key(sf::Keyboard::Right));
    EXPECT_EQ(scene.current(), day("2014-10-06"));  // the statement's day counts too
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Left)));
    EXPECT_EQ(scene.current(), day("2014-10-05"));
    EXPECT_FALSE(controller.handle(key(sf::Keyboard::Left)));
    EXPECT_EQ(scene.current(), day("2014-10-05"));
}

TEST_F(ViewerControllerTest, WTogglesTheWindow) {
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::W)));
    EXPECT_EQ(scene.window(), TimeWindow::sliding);
    controller.handle(key(sf::Keyboard::W));
    EXPECT_EQ(scene.window(), TimeWindow::cumulative);
}

TEST_F(ViewerControllerTest, DraggingOnTheTimelineMovesThePlayhead) {
    const TimelineAxis axis = scene.timeline_axis();
    const float y = scene.layout().histogram.top + 10.0F;
    EXPECT_TRUE(controller.handle(mouse_button(sf::Event::MouseButtonPressed, {axis.x_of(day("2014-10-03")), y})));
    EXPECT_EQ(scene.current(), day("2014-10-03"));
    // The drag continues even when the pointer leaves the strip.
    EXPECT_TRUE(controller.handle(mouse_move({axis.x_of(day("2014-10-09")), y - 200.0F})));
    EXPECT_EQ(scene.current(), day("2014-10-09"));
    controller.handle(mouse_button(sf::Event::MouseButtonReleased, {axis.x_of(day("2014-10-09")), y}));
    controller.handle(mouse_move({axis.x_of(day("2014-10-15")), y}));
    EXPECT_EQ(scene.current(), day("2014-10-09"));
}

TEST_F(ViewerControllerTest, ClickingALegendRowHidesAndShowsItsEvents) {
    scene.set_current(day("2014-10-20"));
    ASSERT_TRUE(scene.is_visible(0)) << "the airstrike by the USA";
    const sf::FloatRect& legend = scene.layout().legend;
    const auto row_of = [&](LegendToggle::Kind kind, const std::string& key) -> std::optional<sf::Vector2f> {
        for (float y = legend.top; y < legend.top + legend.height; y += 1.0F) {
            const sf::Vector2f at{legend.left + legend.width / 2.0F, y};
            const auto toggle = legend_toggle_at(scene, at);
            if (toggle && toggle->kind == kind && toggle->key == key) return at;
        }
        return std::nullopt;
    };
    const auto airstrikes = row_of(LegendToggle::Kind::event_type, "airstrike");
    ASSERT_TRUE(airstrikes.has_value());
    EXPECT_TRUE(controller.handle(mouse_button(sf::Event::MouseButtonPressed, *airstrikes)));
    EXPECT_FALSE(scene.is_visible(0));
    EXPECT_TRUE(scene.is_visible(1)) << "other types stay";
    controller.handle(mouse_button(sf::Event::MouseButtonReleased, *airstrikes));
    EXPECT_TRUE(controller.handle(mouse_button(sf::Event::MouseButtonPressed, *airstrikes)));
    EXPECT_TRUE(scene.is_visible(0)) << "a second click shows them again";

    const auto isis = row_of(LegendToggle::Kind::actor, "ISIS");
    ASSERT_TRUE(isis.has_value());
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, *isis));
    EXPECT_FALSE(scene.is_visible(1)) << "the shelling by ISIS";
    EXPECT_TRUE(scene.is_visible(0));
    EXPECT_FALSE(legend_toggle_at(scene, {legend.left + legend.width / 2.0F, legend.top + 2.0F}).has_value())
        << "a heading toggles nothing";
}

TEST_F(ViewerControllerTest, TypingADateAndEnterJumpsThere) {
    scene.set_current(day("2014-10-20"));
    type(controller, "2014-10-06");
    ASSERT_TRUE(controller.typed_date().has_value());
    EXPECT_EQ(*controller.typed_date(), "2014-10-06");
    EXPECT_EQ(controller.speed(), 1) << "the dashes typed are not the speed key";
    EXPECT_EQ(scene.current(), day("2014-10-20")) << "nothing moves before Enter";
    EXPECT_FALSE(controller.handle(key(sf::Keyboard::Space))) << "shortcuts wait while a date is typed";
    EXPECT_FALSE(controller.playing());
    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Enter)));
    EXPECT_EQ(scene.current(), day("2014-10-06"));
    EXPECT_FALSE(controller.typed_date().has_value());

    // A month means its first day; Backspace corrects; Escape cancels; nonsense moves nothing.
    type(controller, "2014-109");
    controller.handle(key(sf::Keyboard::Backspace));
    controller.handle(key(sf::Keyboard::Enter));
    EXPECT_EQ(scene.current(), day("2014-10-01"));
    type(controller, "2014-10-12");
    controller.handle(key(sf::Keyboard::Escape));
    EXPECT_EQ(scene.current(), day("2014-10-01"));
    EXPECT_FALSE(controller.quit_requested()) << "Escape ends the typing, not the viewer";
    type(controller, "2014-19-40");
    controller.handle(key(sf::Keyboard::Enter));
    EXPECT_EQ(scene.current(), day("2014-10-01"));
    // A day outside the story is clamped into it, as the timeline does.
    type(controller, "2015-06-01");
    controller.handle(key(sf::Keyboard::Enter));
    EXPECT_EQ(scene.current(), scene.range().last());
}

TEST_F(ViewerControllerTest, DraggingOnTheMapPans) {
    const sf::FloatRect& map = scene.layout().map;
    const sf::Vector2f start{map.left + 200.0F, map.top + 200.0F};
    const LonLat under_start = *scene.to_lonlat(start);
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, start));
    EXPECT_TRUE(controller.handle(mouse_move(start + sf::Vector2f(50.0F, 30.0F))));
    controller.handle(mouse_button(sf::Event::MouseButtonReleased, start + sf::Vector2f(50.0F, 30.0F)));
    const sf::Vector2f moved = scene.to_screen(under_start);
    EXPECT_NEAR(moved.x, start.x + 50.0F, 0.5F);
    EXPECT_NEAR(moved.y, start.y + 30.0F, 0.5F);
}

TEST_F(ViewerControllerTest, WheelZoomsTowardTheCursor) {
    const sf::FloatRect& map = scene.layout().map;
    const sf::Vector2f cursor{map.left + 100.0F, map.top + 80.0F};
    const LonLat under = *scene.to_lonlat(cursor);
    const double zoom = scene.view().pixels_per_km();
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll.wheel = sf::Mouse::VerticalWheel;
    wheel.mouseWheelScroll.delta = 2.0F;
    wheel.mouseWheelScroll.x = static_cast<int>(cursor.x);
    wheel.mouseWheelScroll.y = static_cast<int>(cursor.y);
    EXPECT_TRUE(controller.handle(wheel));
    EXPECT_NEAR(scene.view().pixels_per_km(), zoom * 1.25 * 1.25, 1e-9);
    const sf::Vector2f after = scene.to_screen(under);
    EXPECT_NEAR(after.x, cursor.x, 0.5F);
    EXPECT_NEAR(after.y, cursor.y, 0.5F);
}

TEST_F(ViewerControllerTest, HoveringAGlyphMarksItsEvent) {
    const sf::Vector2f airstrike = scene.to_screen(scene.events()[0].location->anchor);
    EXPECT_TRUE(controller.handle(mouse_move(airstrike)));
    EXPECT_EQ(scene.hovered(), 0U);
    EXPECT_FALSE(controller.handle(mouse_move(airstrike + sf::Vector2f(1.0F, 0.0F))));
    EXPECT_TRUE(controller.handle(mouse_move(airstrike + sf::Vector2f(80.0F, 80.0F))));
    EXPECT_FALSE(scene.hovered());
}

TEST_F(ViewerControllerTest, ClickingAGlyphOpensItsPanelAndEscapeClosesIt) {
    scene.set_current(day("2014-10-20"));
    const sf::Vector2f capture = scene.placed_glyphs().back().position;
    const std::size_t captured = scene.placed_glyphs().back().event;
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, capture));
    EXPECT_TRUE(controller.handle(mouse_button(sf::Event::MouseButtonReleased, capture + sf::Vector2f(1.0F, 1.0F))));
    ASSERT_TRUE(scene.selected().has_value());
    EXPECT_EQ(*scene.selected(), captured);

    // A pan is no click: the panel stays as it was.
    const sf::Vector2f empty = scene.to_screen(LonLat(38.0, 36.3));
    ASSERT_FALSE(scene.event_at(empty).has_value());
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, empty));
    controller.handle(mouse_move(empty + sf::Vector2f(40.0F, 0.0F)));
    EXPECT_FALSE(controller.handle(mouse_button(sf::Event::MouseButtonReleased, empty + sf::Vector2f(40.0F, 0.0F))));
    EXPECT_EQ(scene.selected(), captured);

    EXPECT_TRUE(controller.handle(key(sf::Keyboard::Escape)));
    EXPECT_FALSE(scene.selected().has_value());
    EXPECT_FALSE(controller.quit_requested()) << "Escape closed the panel, not the viewer";

    // A click on empty map closes it too.
    const sf::Vector2f again = scene.placed_glyphs().back().position;
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, again));
    controller.handle(mouse_button(sf::Event::MouseButtonReleased, again));
    ASSERT_TRUE(scene.selected().has_value());
    // Left of the map, away from the panel and the glyphs.
    const sf::Vector2f nothing{scene.layout().map.left + 15.0F, scene.layout().map.top + 15.0F};
    ASSERT_FALSE(scene.event_at(nothing).has_value());
    controller.handle(mouse_button(sf::Event::MouseButtonPressed, nothing));
    EXPECT_TRUE(controller.handle(mouse_button(sf::Event::MouseButtonReleased, nothing)));
    EXPECT_FALSE(scene.selected().has_value());
}

TEST_F(ViewerControllerTest, EscapeAndClosingQuit) {
    controller.handle(key(sf::Keyboard::Escape));
    EXPECT_TRUE(controller.quit_requested());
    ViewerController other(scene);
    sf::Event closed{};
    closed.type = sf::Event::Closed;
    other.handle(closed);
    EXPECT_TRUE(other.quit_requested());
}

TEST_F(ViewerControllerTest, ResizingKeepsTheLayoutInStep) {
    sf::Event resized{};
    resized.type = sf::Event::Resized;
    resized.size.width = 1400;
    resized.size.height = 900;
    EXPECT_TRUE(controller.handle(resized));
    EXPECT_EQ(scene.viewport(), sf::Vector2u(1400, 900));
    EXPECT_FLOAT_EQ(scene.layout().timeline.top + scene.layout().timeline.height, 900.0F);
}

}  // namespace
}  // namespace frontline::render
