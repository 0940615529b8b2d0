// Off-screen rendering, checked by probing pixels of the written PNG. Needs an X display (Xvfb).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Context.hpp>

#include "common/error.hpp"
#include "render/detail/frame.hpp"
#include "render/detail/palette.hpp"
#include "render/fonts.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"
#include "render/viewer.hpp"
#include "fixtures.hpp"

namespace frontline::render {
namespace {

using test::day;
namespace palette = detail::palette;

::testing::AssertionResult near_colour(sf::Color actual, sf::Color expected, int tolerance = 8) {
    const auto off = [tolerance](sf::Uint8 a, sf::Uint8 b) { return std::abs(int{a} - int{b}) > tolerance; };
    if (off(actual.r, expected.r) || off(actual.g, expected.g) || off(actual.b, expected.b))
        return ::testing::AssertionFailure()
               << "colour (" << int{actual.r} << "," << int{actual.g} << "," << int{actual.b} << ") is not near ("
               << int{expected.r} << "," << int{expected.g} << "," << int{expected.b} << ")";
    return ::testing::AssertionSuccess();
}

sf::Color pixel(const sf::Image& image, sf::Vector2f at) {
    return image.getPixel(static_cast<unsigned>(at.x), static_cast<unsigned>(at.y));
}

int brightness(sf::Color c) { return (int{c.r} + int{c.g} + int{c.b}) / 3; }

/// One OpenGL context for the whole run: SFML closes its X connection whenever the last GL
/// resource goes and opens a new one for the next, and under Xvfb that churn of hundreds of
/// connections now and then ended in "Failed to open X11 display" and an abort.
class KeepDisplayOpen : public ::testing::Environment {
public:
    void SetUp() override {
        if (const char* display = std::getenv("DISPLAY"); display && *display) context_ = std::make_unique<sf::Context>();
    }
    void TearDown() override { context_.reset(); }

private:
    std::unique_ptr<sf::Context> context_;
};
[[maybe_unused]] ::testing::Environment* const keep_display_open = ::testing::AddGlobalTestEnvironment(new KeepDisplayOpen);

class RenderPng : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* display = std::getenv("DISPLAY"); !display || !*display)
            GTEST_SKIP() << "no X display: run under xvfb-run (ctest does)";
        folder_ = std::filesystem::temp_directory_path() / ("frontline-render-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override {
        std::error_code ignored;
        if (!folder_.empty()) std::filesystem::remove_all(folder_, ignored);
    }

    sf::Image render(const Scene& scene, const std::string& name) { return render(scene, scene.viewport(), name); }
    sf::Image render(const Scene& scene, sf::Vector2u size, const std::string& name) {
        const auto path = folder_ / name;
        render_png(scene, size.x, size.y, path);
        sf::Image image;
        EXPECT_TRUE(image.loadFromFile(path.string()));
        EXPECT_EQ(image.getSize(), size);
        return image;
    }

    std::filesystem::path folder_;
};

TEST_F(RenderPng, DrawsAConfirmedGlyphInItsActorsColourAtItsPosition) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-05"));
    const sf::Image image = render(scene, "glyph.png");
    const sf::Vector2f at = scene.to_screen(scene.events()[0].location->anchor);
    EXPECT_TRUE(near_colour(pixel(image, at), actor_color("USA")));
    // Nothing else is drawn yet: the shelling of 10-08 is not on the map.
    const sf::Vector2f later = scene.to_screen(scene.events()[1].location->anchor);
    EXPECT_TRUE(near_colour(pixel(image, later), palette::land));
}

TEST_F(RenderPng, ReframesTheViewToAnotherImageSize) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-05"));
    const sf::Vector2u size{1600, 1100};
    const sf::Image image = render(scene, size, "large.png");
    const MapView view = scene.view().reframed(Layout::for_viewport(size).map);
    const sf::Vector2f at = view.to_screen(scene.projection().forward(scene.events()[0].location->anchor));
    EXPECT_TRUE(near_colour(pixel(image, at), actor_color("USA")));
}

TEST_F(RenderPng, HistogramHasABarOnEachEventDay) {
    const Scene scene = test::small_scene();
    const sf::Image image = render(scene, "histogram.png");
    const TimelineAxis axis = scene.timeline_axis();
    const float just_above_axis = scene.layout().histogram.top + scene.layout().histogram.height - 1.5F;
    for (const char* iso : {"2014-10-05", "2014-10-08", "2014-10-10", "2014-10-12"})
        EXPECT_TRUE(near_colour(pixel(image, {axis.x_of(day(iso)), just_above_axis}), palette::bar_physical)) << iso;
    EXPECT_TRUE(near_colour(pixel(image, {axis.x_of(day("2014-10-06")), just_above_axis}), palette::bar_statement));
    EXPECT_TRUE(near_colour(pixel(image, {axis.x_of(day("2014-10-02")), just_above_axis}), palette::chrome));
}

TEST_F(RenderPng, PlayheadFollowsTheCurrentDay) {
    Scene scene = test::small_scene();
    const TimelineAxis axis = scene.timeline_axis();
    const float y = scene.layout().histogram.top + 2.0F;
    const sf::Vector2f at_early{axis.x_of(day("2014-10-03")), y};
    const sf::Vector2f at_late{axis.x_of(day("2014-10-15")), y};

    scene.set_current(day("2014-10-03"));
    const sf::Image early = render(scene, "early.png");
    scene.set_current(day("2014-10-15"));
    const sf::Image late = render(scene, "late.png");

    EXPECT_TRUE(near_colour(pixel(early, at_early), palette::playhead));
    EXPECT_FALSE(near_colour(pixel(early, at_late), palette::playhead));
    EXPECT_TRUE(near_colour(pixel(late, at_late), palette::playhead));
    EXPECT_FALSE(near_colour(pixel(late, at_early), palette::playhead));
}

TEST_F(RenderPng, HoveredEventGetsATooltipBesideIt) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-05"));
    const sf::Vector2f glyph = scene.to_screen(scene.events()[0].location->anchor);
    const sf::Vector2f inside_box = glyph + sf::Vector2f(16.0F + 6.0F, 16.0F + 6.0F);

    const sf::Image plain = render(scene, "plain.png");
    scene.set_hovered(0);
    const sf::Image hovered = render(scene, "hovered.png");

    EXPECT_GT(brightness(pixel(plain, inside_box)), 180);
    EXPECT_TRUE(near_colour(pixel(hovered, inside_box), palette::tooltip, 12));
}

TEST_F(RenderPng, ASelectedEventOpensAPanelWithEveryMention) {
    Scene scene = test::small_scene();
    scene.set_current(day("2014-10-20"));
    const sf::FloatRect panel = detail::selection_panel(scene.layout());
    const sf::Vector2f inside{panel.left + panel.width - 30.0F, panel.top + panel.height - 30.0F};
    const sf::Image closed = render(scene, "closed.png");
    std::size_t capture = 0;
    for (std::size_t i = 0; i < scene.events().size(); ++i)
        if (scene.events()[i].event_type == "territory_taken") capture = i;
    scene.set_selected(capture);
    const sf::Image open = render(scene, "selected.png");
    EXPECT_FALSE(near_colour(pixel(closed, inside), palette::tooltip, 12));
    EXPECT_TRUE(near_colour(pixel(open, inside), palette::tooltip, 12)) << "the panel covers the right of the map";
    // Its five mentions are listed: text rows (light pixels on the dark panel) fill most of it.
    std::size_t rows_with_text = 0;
    for (unsigned y = static_cast<unsigned>(panel.top) + 4; y < static_cast<unsigned>(panel.top + panel.height) - 4; y += 4) {
        bool text = false;
        for (unsigned x = static_cast<unsigned>(panel.left) + 14; x < static_cast<unsigned>(panel.left + panel.width) - 14 && !text; ++x)
            text = brightness(open.getPixel(x, y)) > 150;
        rows_with_text += text ? 1 : 0;
    }
    EXPECT_GT(rows_with_text, 25U);
}

/// Share of pixels where the two images differ by more than a rounding step in any channel.
double differing_share(const sf::Image& a, const sf::Image& b) {
    EXPECT_EQ(a.getSize(), b.getSize());
    std::size_t differing = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x) {
            const sf::Color p = a.getPixel(x, y);
            const sf::Color q = b.getPixel(x, y);
            if (std::abs(p.r - q.r) > 6 || std::abs(p.g - q.g) > 6 || std::abs(p.b - q.b) > 6) ++differing;
        }
    return static_cast<double>(differing) / (static_cast<double>(a.getSize().x) * a.getSize().y);
}

/// A renderer and a target for its frames, beside a target for frames drawn from nothing (900×600).
struct KeptAndFresh {
    sf::Font font = load_default_font();
    sf::RenderTexture kept;
    sf::RenderTexture fresh;
    Renderer renderer{font};

    [[nodiscard]] bool ready() { return kept.create(900, 600) && fresh.create(900, 600); }

    /// Share of pixels (as `differing_share`) where the renderer's frame of `scene` differs from
    /// the frame drawn from nothing.
    double differing(const Scene& scene) {
        renderer.draw(kept, scene);
        kept.display();
        draw(fresh, scene, font);
        fresh.display();
        return differing_share(kept.getTexture().copyToImage(), fresh.getTexture().copyToImage());
    }
};

/// Forty days of events of every precision and certainty, crowded at a few towns and scattered
/// around them, some lasting a week.
Scene playback_scene() {
    std::vector<Event> events;
    const char* const types[] = {"airstrike", "armed_clash", "shelling", "territory_taken"};
    const char* const actors[] = {"ISIS", "YPG", "USA"};
    const Certainty certainties[] = {Certainty::confirmed, Certainty::reported, Certainty::claimed};
    for (int i = 0; i < 240; ++i) {
        const bool crowded = i % 3 == 0;
        const double lon = crowded ? 38.35 + 0.2 * (i % 4) : 38.0 + std::fmod(i * 0.618, 1.0);
        const double lat = crowded ? 36.89 - 0.1 * (i % 2) : 36.5 + std::fmod(i * 0.755, 0.8);
        const std::string start = day("2014-10-01").plus_days(i % 40).iso();
        Event event = test::make_event(types[i % 4], actors[(i / 4) % 3], lon, lat, start, certainties[i % 3], 1 + i % 3);
        if (i % 7 == 0) event.date_end = event.date_start->plus_days(6);
        events.push_back(std::move(event));
    }
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-11-15")), {900, 600});
    // Ground that changes hands every ten days, so the ground under the settled events changes
    // during playback too.
    std::vector<ControlSnapshot> control;
    for (int k = 0; k < 4; ++k) {
        ControlSnapshot& snapshot = control.emplace_back(ControlSnapshot{day("2014-10-01").plus_days(10 * k), {}, {}});
        ControlFill& fill = snapshot.fills.emplace_back();
        fill.holder = k % 2 == 0 ? "ISIS" : "YPG";
        fill.colour = sf::Color(200, 60, 40, 110);
        const double west = 38.1 + 0.1 * k;
        const PlanePoint corners[] = {scene.projection().forward(LonLat(west, 36.6)),
                                      scene.projection().forward(LonLat(west + 0.4, 36.6)),
                                      scene.projection().forward(LonLat(west + 0.4, 37.0)),
                                      scene.projection().forward(LonLat(west, 37.0))};
        add_polygon(fill, {{corners[0], corners[1], corners[2], corners[3]}});
        snapshot.front_lines.push_back({corners[0], corners[1], corners[2], corners[3], corners[0]});
    }
    scene.set_control(std::move(control));
    return scene;
}

TEST_F(RenderPng, PlaybackDrawsWhatAFreshFrameDraws) {
    // The renderer keeps the settled events' layers, adds to them as the playhead moves on and
    // restarts them from checkpoints when it goes back; whatever path led to a day, the frame
    // must be the one drawn from nothing.
    Scene scene = playback_scene();
    KeptAndFresh frames;
    ASSERT_TRUE(frames.ready());
    const auto compare = [&](const std::string& when) {
        EXPECT_LT(frames.differing(scene), 0.001) << when << ", " << scene.current().iso();
    };
    scene.set_current(day("2014-10-01"));
    compare("start");
    for (int d = 1; d < 45; ++d) {
        scene.set_current(day("2014-10-01").plus_days(d));
        if (d % 4 == 0 || d > 40) compare("playing forward");
        else frames.renderer.draw(frames.kept, scene);
    }
    scene.set_current(day("2014-10-20"));
    compare("after jumping back");
    scene.set_current(day("2014-11-02"));
    compare("after jumping forward");
    // Scrubbing back a day at a time starts from the checkpoints the first step back laid.
    for (int d = 1; d <= 14; ++d) {
        scene.set_current(day("2014-11-02").plus_days(-d));
        if (d % 3 == 0 || d == 1) compare("scrubbing back");
        else frames.renderer.draw(frames.kept, scene);
    }
    scene.set_current(day("2014-10-28"));
    compare("forward again from a checkpoint");
    // A pan or a zoom leaves the panels as the kept picture has them, the map drawn anew.
    scene.pan(40.0F, -25.0F);
    compare("after a pan");
    scene.zoom_at({300.0F, 200.0F}, 1.5);
    compare("after a zoom");
    scene.pan(-12.0F, 7.0F);
    compare("after another pan");
    scene.set_type_shown("shelling", false);
    compare("after filtering");
    scene.set_window(TimeWindow::sliding);
    compare("in a sliding window");
    scene.set_window(TimeWindow::cumulative);
    scene.set_current(day("2014-11-03"));
    compare("cumulative again");
}

TEST_F(RenderPng, OneRendererDrawsEachScenesOwnGround) {
    // The ground is kept while the view stays the same. Two scenes of the same events have the
    // same view, and neither has a control layer: the second must still get its own land.
    const auto make = [](BaseLayer base) {
        std::vector<Event> events;
        events.push_back(test::make_event("airstrike", "USA", 38.30, 36.85, "2014-10-05"));
        events.push_back(test::make_event("shelling", "ISIS", 38.40, 36.90, "2014-10-06"));
        return Scene(std::move(events), std::move(base), DateRange(day("2014-10-01"), day("2014-10-10")), {900, 600});
    };
    const Scene without_land = make(BaseLayer{});
    BaseLayer land;
    land.outlines.push_back({LonLat(38.0, 36.6), LonLat(38.35, 36.6), LonLat(38.35, 37.2), LonLat(38.0, 37.2)});
    const Scene with_land = make(std::move(land));
    ASSERT_EQ(without_land.view(), with_land.view());

    KeptAndFresh frames;
    ASSERT_TRUE(frames.ready());
    for (const Scene* scene : {&without_land, &with_land, &without_land})
        EXPECT_LT(frames.differing(*scene), 0.001) << (scene == &with_land ? "with land" : "without land");
}

/// Share of the pixels `at` of `moved` (inside `frame`, where `source(at)` also is) that differ
/// from `before` at `source(at)`.
template <typename Source>
double moved_differing_share(const sf::Image& before, const sf::Image& moved, const sf::FloatRect& frame,
                             Source source) {
    std::size_t compared = 0;
    std::size_t differing = 0;
    for (float y = frame.top + 0.5F; y < frame.top + frame.height; y += 1.0F)
        for (float x = frame.left + 0.5F; x < frame.left + frame.width; x += 1.0F) {
            const sf::Vector2f from = source(sf::Vector2f(x, y));
            if (!frame.contains(from)) continue;
            ++compared;
            const sf::Color p = pixel(moved, {x, y});
            const sf::Color q = pixel(before, from);
            if (std::abs(p.r - q.r) > 6 || std::abs(p.g - q.g) > 6 || std::abs(p.b - q.b) > 6) ++differing;
        }
    EXPECT_GT(compared, 0U);
    return static_cast<double>(differing) / static_cast<double>(std::max<std::size_t>(compared, 1));
}

TEST_F(RenderPng, APanOrAZoomIsPreviewedByMovingTheLastPicture) {
    Scene scene = playback_scene();
    scene.set_current(day("2014-11-02"));
    const sf::Font font = load_default_font();
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(900, 600));
    Renderer renderer(font);
    EXPECT_FALSE(renderer.draw_moved(target, scene)) << "no picture to move yet";
    const auto frame_image = [&] {
        target.display();
        return target.getTexture().copyToImage();
    };
    renderer.draw(target, scene);
    const sf::Image before = frame_image();
    // The map without the scale bar's corner, which the preview draws afresh.
    const sf::FloatRect& map = scene.layout().map;
    const sf::FloatRect map_above_scale_bar(map.left, map.top, map.width, map.height - 50.0F);

    scene.pan(40.0F, -25.0F);
    ASSERT_TRUE(renderer.draw_moved(target, scene));
    const sf::Image panned = frame_image();
    EXPECT_LT(moved_differing_share(before, panned, map_above_scale_bar,
                                    [](sf::Vector2f at) { return at - sf::Vector2f(40.0F, -25.0F); }),
              0.001);
    // Uncovered on the left: the map's background.
    EXPECT_TRUE(near_colour(pixel(panned, {map.left + 10.0F, map.top + map.height / 2.0F}), palette::land));
    // The panels stay as they were.
    const auto same_place = [](sf::Vector2f at) { return at; };
    EXPECT_EQ(moved_differing_share(before, panned, scene.layout().legend, same_place), 0.0);
    EXPECT_EQ(moved_differing_share(before, panned, scene.layout().timeline, same_place), 0.0);

    const sf::Vector2f middle(map.left + map.width / 2.0F, map.top + map.height / 2.0F);
    scene.zoom_at(middle, 2.0);
    ASSERT_TRUE(renderer.draw_moved(target, scene));
    const sf::Image zoomed = frame_image();
    // What was at q before the pan and the zoom is now at middle + 2 (q + pan - middle).
    const auto source = [&](sf::Vector2f at) { return middle + (at - middle) / 2.0F - sf::Vector2f(40.0F, -25.0F); };
    // Scaled up smoothly, edges blur (a tenth of the pixels or so); a zoom by 1.8 instead of 2
    // differs in four fifths.
    EXPECT_LT(moved_differing_share(before, zoomed, map_above_scale_bar, source), 0.2);

    // The whole frame follows once the view rests, and a change other than the view ends the
    // previews: the picture no longer shows the scene.
    renderer.draw(target, scene);
    scene.set_current(day("2014-11-03"));
    EXPECT_FALSE(renderer.draw_moved(target, scene));
    renderer.draw(target, scene);
    scene.pan(5.0F, 0.0F);
    EXPECT_TRUE(renderer.draw_moved(target, scene));
    scene.set_selected(0);
    EXPECT_FALSE(renderer.draw_moved(target, scene)) << "a side panel over the map would move with it";
}

TEST_F(RenderPng, SettledEventsAreDrawnFainterThanThisWeeks) {
    std::vector<Event> events;
    events.push_back(test::make_event("armed_clash", "YPG", 38.0, 36.9, "2014-10-01"));
    events.push_back(test::make_event("armed_clash", "YPG", 38.6, 36.9, "2014-10-20"));
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-21")), {900, 600});
    const sf::Image image = render(scene, "fade.png");
    const sf::Color old_glyph = pixel(image, scene.to_screen(LonLat(38.0, 36.9)));
    const sf::Color new_glyph = pixel(image, scene.to_screen(LonLat(38.6, 36.9)));
    EXPECT_TRUE(near_colour(new_glyph, actor_color("YPG"), 24));
    EXPECT_GT(brightness(old_glyph), brightness(new_glyph) + 20);
}

/// A region-wide event is a faint disc, whole all round: the area layer is composited only over
/// the tiles its discs reach, so a disc cut short in one direction means a tile was missed.
TEST_F(RenderPng, ARegionEventIsAFaintDiscAllRound) {
    std::vector<Event> events{test::make_event("protest", "KURDS_CIV", 38.4, 36.9, "2014-10-08", Certainty::reported, 3)};
    Scene scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-10")), {900, 600});
    const sf::Image image = render(scene, "region.png");
    const sf::Vector2f centre = scene.to_screen(LonLat(38.4, 36.9));
    const float glyph = glyph_radius(1);
    // A disc is at most 0.3 of the map's shorter side across: looking further would find the
    // scale bar.
    const sf::FloatRect& map = scene.layout().map;
    const float looked = 0.45F * std::min(map.width, map.height);
    std::vector<float> reach;
    for (int direction = 0; direction < 16; ++direction) {
        const double angle = 2.0 * 3.14159265358979 * direction / 16.0;
        const sf::Vector2f step(static_cast<float>(std::cos(angle)), static_cast<float>(std::sin(angle)));
        float farthest = 0.0F;
        for (float r = 3.0F * glyph; r < looked; r += 1.0F) {
            const sf::Vector2f at = centre + step * r;
            if (!map.contains(at)) break;
            if (!near_colour(pixel(image, at), palette::land, 3)) farthest = r;
        }
        reach.push_back(farthest);
    }
    const auto [shortest, longest] = std::minmax_element(reach.begin(), reach.end());
    EXPECT_GT(*shortest, 4.0F * glyph) << "the disc is no wider than the glyph";
    EXPECT_LT(*longest - *shortest, 10.0F) << "the disc reaches " << *shortest << " px one way, " << *longest
                                          << " px another";
    // Faint: the land shows through it.
    const sf::Color inside_disc = pixel(image, centre + sf::Vector2f(0.0F, *shortest * 0.6F));
    EXPECT_TRUE(near_colour(inside_disc, palette::land, 40));
}

TEST_F(RenderPng, FailsCleanlyAndLeavesTheOldFile) {
    const Scene scene = test::small_scene();
    EXPECT_THROW(render_png(scene, 800, 600, folder_ / "missing" / "map.png"), OutputError);

    const auto target = folder_ / "map.png";
    std::ofstream(target) << "old";
    EXPECT_THROW(render_png(scene, 0, 600, target), OutputError);
    std::stringstream content;
    content << std::ifstream(target).rdbuf();
    EXPECT_EQ(content.str(), "old");

    render_png(scene, 400, 300, target);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder_)) ++files;
    EXPECT_EQ(files, 1U) << "a temporary file was left behind";
}

TEST_F(RenderPng, FindsTheDefaultFont) {
    EXPECT_EQ(default_font_path().filename(), "DejaVuSans.ttf");
    EXPECT_NO_THROW(static_cast<void>(load_default_font()));
}

TEST_F(RenderPng, ViewerFrameShowsThePlaybackStatus) {
    Scene scene = test::kobane_scene();
    ViewerController controller(scene);
    sf::Event space{};
    space.type = sf::Event::KeyPressed;
    space.key.code = sf::Keyboard::Space;
    controller.handle(space);
    controller.advance(sf::milliseconds(ViewerController::day_milliseconds * 20));

    const sf::Font font = load_default_font();
    sf::RenderTexture texture;
    ASSERT_TRUE(texture.create(scene.viewport().x, scene.viewport().y));
    draw(texture, scene, font);
    const sf::Image without = texture.getTexture().copyToImage();
    draw_playback_status(texture, controller, font);
    texture.display();
    const sf::Image with = texture.getTexture().copyToImage();
    ASSERT_TRUE(with.saveToFile(std::string(FRONTLINE_RENDER_SAMPLE_DIR) + "/viewer_frame.png"));

    // Bright text appears in the right half of the timeline's top strip, over the plain panel.
    const sf::FloatRect strip = scene.layout().timeline;
    int changed = 0;
    for (auto x = static_cast<unsigned>(strip.left + strip.width / 2.0F); x < static_cast<unsigned>(strip.width); ++x)
        for (auto y = static_cast<unsigned>(strip.top + 4.0F); y < static_cast<unsigned>(strip.top + 20.0F); ++y)
            changed += with.getPixel(x, y) != without.getPixel(x, y) ? 1 : 0;
    EXPECT_GT(changed, 100);
}

TEST(RenderPngWithoutDisplay, ThrowsInsteadOfLettingSfmlAbort) {
    const char* display = std::getenv("DISPLAY");
    const std::string saved = display ? display : "";
    ::unsetenv("DISPLAY");
    const auto out = std::filesystem::temp_directory_path() / "frontline-no-display.png";
    EXPECT_THROW(render_png(test::small_scene(), 400, 300, out), OutputError);
    EXPECT_FALSE(std::filesystem::exists(out));
    if (!saved.empty()) ::setenv("DISPLAY", saved.c_str(), 1);
}

/// The sample a reader looks at: the siege of Kobane on 20 October 2014, the airdrop hovered.
TEST_F(RenderPng, RendersTheKobaneSample) {
    Scene scene = test::kobane_scene();
    scene.set_current(day("2014-10-20"));
    for (std::size_t i = 0; i < scene.events().size(); ++i)
        if (scene.events()[i].event_type == "aid" && scene.events()[i].actor1 == "USA") scene.set_hovered(i);
    ASSERT_TRUE(scene.hovered());
    const std::filesystem::path sample = std::filesystem::path(FRONTLINE_RENDER_SAMPLE_DIR) / "kobane_sample.png";
    render_png(scene, 1280, 800, sample);
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(sample.string()));
    EXPECT_EQ(image.getSize(), sf::Vector2u(1280, 800));

    // Close on the town: the sunflower of events, the labels around it, the border line.
    scene.set_hovered(std::nullopt);
    scene.zoom_at(scene.to_screen(LonLat(38.353, 36.891)), 14.0);
    render_png(scene, 1280, 800, std::filesystem::path(FRONTLINE_RENDER_SAMPLE_DIR) / "kobane_zoomed.png");

    scene.fit_to_events();
    scene.set_window(TimeWindow::sliding);
    scene.set_current(day("2014-10-08"));
    render_png(scene, 1280, 800, std::filesystem::path(FRONTLINE_RENDER_SAMPLE_DIR) / "kobane_sliding.png");
    // Too narrow for a legend: the map takes the whole width.
    render_png(scene, 640, 420, std::filesystem::path(FRONTLINE_RENDER_SAMPLE_DIR) / "kobane_small.png");
}

}  // namespace
}  // namespace frontline::render
