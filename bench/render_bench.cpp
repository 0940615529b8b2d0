// Frames of the map off-screen at 1600x900: 20,000 events and 500 control polygons (issue 6,
// target <= 16 ms under Xvfb with Mesa): steady (nothing changed), after a playhead step forward
// (in a cumulative map and in a sliding window) and back, after a pan and after a zoom (the map
// drawn from nothing), after a filter toggled, and during a drag; the glyph placement, the
// canvas' sprite blits and leader lines; and the rasteriser's cost per pixel
// (docs/rendering-speed.md).
// Needs an X display:
//   xvfb-run -a -s "-screen 0 1280x1024x24" build/release/bench/frontline_render_bench
// Each frame is waited for (glFinish), so the figure includes the GPU (a software rasteriser
// under Xvfb) finishing it, not only queueing the draw calls; reading it back to memory, which a
// PNG export adds and a window does not, is measured apart (BM_ReadBackFrame).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include "render/control_layer.hpp"
#include "render/detail/canvas.hpp"
#include "render/detail/segment_tiles.hpp"
#include "render/fonts.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"
#include "render/symbology.hpp"

namespace {

using frontline::Date;
using frontline::Event;
using frontline::LonLat;
namespace render = frontline::render;

constexpr unsigned width = 1600;
constexpr unsigned height = 900;
constexpr int event_count = 20000;
constexpr int polygon_count = 500;  // a 25 x 20 grid of hexagons
const char* const types[] = {"airstrike", "armed_clash", "shelling", "territory_taken", "retreat", "deployment"};
const char* const actors[] = {"ISIS", "YPG", "USA", "TUR", "FSA", "SAA"};

Date start_day() { return *Date::parse_iso("2014-09-01"); }

/// Waits until the rasteriser has finished everything drawn into `target` so far.
void finish(sf::RenderTexture& target) {
    using Finish = void (*)();
    static const auto gl_finish = reinterpret_cast<Finish>(sf::Context::getFunction("glFinish"));
    target.display();
    if (gl_finish != nullptr && target.setActive(true)) gl_finish();
}

/// Events spread over 2 x 2 degrees of northern Syria and 90 days, with a deterministic scatter.
std::vector<Event> make_events() {
    std::vector<Event> events;
    events.reserve(event_count);
    for (int i = 0; i < event_count; ++i) {
        const double lon = 37.5 + std::fmod(i * 0.6180339887, 1.0) * 2.0;
        const double lat = 35.8 + std::fmod(i * 0.7548776662, 1.0) * 2.0;
        Event event;
        event.id = "bench-" + std::to_string(i);
        event.event_type = types[i % 6];
        event.actor1 = actors[(i / 6) % 6];
        event.date_start = start_day().plus_days(i % 90);
        event.date_end = event.date_start;
        event.location = frontline::Location{"POINT (" + std::to_string(lon) + " " + std::to_string(lat) + ")",
                                             LonLat(lon, lat), 1 + i % 3, "Somewhere", "", "SYR"};
        event.mentions.push_back({"bench", 0, 0, 10, "A sentence about the event."});
        events.push_back(std::move(event));
    }
    return events;
}

/// 500 hexagons of 24 vertices a side's worth of detail each, two holders taking turns.
render::ControlSnapshot make_control(const render::MapProjection& projection) {
    render::ControlSnapshot snapshot{start_day(), {}, {}};
    for (int holder = 0; holder < 2; ++holder) {
        render::ControlFill& fill = snapshot.fills.emplace_back();
        fill.holder = holder == 0 ? "ISIS" : "YPG";
        const sf::Color c = render::actor_color(fill.holder);
        fill.colour = sf::Color(c.r, c.g, c.b, 110);
        fill.hatched = holder == 1;
    }
    for (int k = 0; k < polygon_count; ++k) {
        const double cx = 37.5 + 2.0 * (k % 25 + 0.5) / 25.0;
        const double cy = 35.8 + 2.0 * (k / 25 + 0.5) / 20.0;
        std::vector<render::PlanePoint> ring;
        for (int v = 0; v < 144; ++v) {
            const double angle = 2.0 * 3.14159265358979 * v / 144.0;
            const double r = 0.035 * (1.0 + 0.1 * std::sin(6.0 * angle));
            ring.push_back(projection.forward(LonLat(cx + r * std::cos(angle), cy + r * std::sin(angle))));
        }
        snapshot.front_lines.push_back(ring);
        render::add_polygon(snapshot.fills[static_cast<std::size_t>(k % 2)], {ring});
    }
    return snapshot;
}

/// The scene, font, shader and off-screen target every benchmark draws with.
class Bench {
public:
    Bench()
        : scene_(make_events(), render::BaseLayer{}, render::DateRange(start_day(), start_day().plus_days(89)),
                 {width, height}),
          font_(render::load_default_font()) {
        std::vector<render::ControlSnapshot> control;
        control.push_back(make_control(scene_.projection()));
        scene_.set_control(std::move(control));
        scene_.set_current(start_day().plus_days(89));
        ready_ = texture_.create(width, height);
        hatch_ = render::load_hatch_shader();
        renderer_.emplace(font_, hatch_.get());
    }

    [[nodiscard]] bool ready() const { return ready_; }
    render::Scene& scene() { return scene_; }

    /// One frame, finished by the rasteriser.
    void frame() {
        renderer_->draw(texture_, scene_);
        finish(texture_);
    }

    /// A frame of a drag in progress: the last picture moved (`Renderer::draw_moved`), finished.
    void moved_frame() {
        if (!renderer_->draw_moved(texture_, scene_)) renderer_->draw(texture_, scene_);
        finish(texture_);
    }

    /// The finished frame read back to memory, as `frontline render` does to write a PNG.
    void read_back() { benchmark::DoNotOptimize(texture_.getTexture().copyToImage()); }

    void count(benchmark::State& state) const {
        state.counters["events"] = static_cast<double>(event_count);
        state.counters["polygons"] = static_cast<double>(polygon_count);
        state.counters["shader"] = hatch_ ? 1.0 : 0.0;
    }

private:
    render::Scene scene_;
    sf::Font font_;
    sf::RenderTexture texture_;
    bool ready_ = false;
    std::unique_ptr<sf::Shader> hatch_;
    std::optional<render::Renderer> renderer_;
};

/// The bench, or null with the benchmark skipped when there is no display or off-screen surface.
std::unique_ptr<Bench> open_bench(benchmark::State& state) {
    if (const char* display = std::getenv("DISPLAY"); display == nullptr || *display == '\0') {
        state.SkipWithError("no X display: run under xvfb-run");
        return nullptr;
    }
    auto bench = std::make_unique<Bench>();
    if (!bench->ready()) {
        state.SkipWithError("no off-screen surface");
        return nullptr;
    }
    return bench;
}

/// A frame in which nothing changed since the last one (the viewer redrawing for a hover, or a
/// window that needs repainting): the kept picture is copied.
void BM_RenderFrameSteady(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    bench.frame();
    for (auto _ : state) bench.frame();
    bench.count(state);
}
BENCHMARK(BM_RenderFrameSteady)->Unit(benchmark::kMillisecond)->MinTime(2.0);

/// Frames after the playhead moved a day at a time (`step` days) from `from` until `to`, and
/// from `from` again, in `window`: the jump back to `from` is not timed.
void time_playhead_steps(benchmark::State& state, const Date& from, const Date& to, long step,
                         render::TimeWindow window = render::TimeWindow::cumulative) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    bench.scene().set_window(window);
    bench.scene().set_current(from);
    bench.frame();
    for (auto _ : state) {
        if (bench.scene().current() == to) {
            state.PauseTiming();
            bench.scene().set_current(from);
            bench.frame();
            state.ResumeTiming();
        }
        bench.scene().set_current(bench.scene().current().plus_days(step));
        bench.frame();
    }
    bench.count(state);
}

/// A frame after the playhead moved on a day (playback) through the story's last ten days, with
/// 17,800 to 20,000 events on the map: the week still fading is drawn afresh, the events that
/// settled that day are added to the kept layers.
void BM_RenderFramePlayheadStep(benchmark::State& state) {
    const Date last = start_day().plus_days(89);
    time_playhead_steps(state, last.plus_days(-9), last, 1);
}
BENCHMARK(BM_RenderFramePlayheadStep)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame of playback in a sliding window of 7 days (W): no settled layers, the window's 1,500
/// or so events drawn afresh over the kept ground each day.
void BM_RenderFrameSlidingWindowStep(benchmark::State& state) {
    const Date last = start_day().plus_days(89);
    time_playhead_steps(state, last.plus_days(-9), last, 1, render::TimeWindow::sliding);
}
BENCHMARK(BM_RenderFrameSlidingWindowStep)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame after the playhead went back a day (scrubbing backwards) through the story's last
/// thirty days: the settled layers start from the latest checkpoint before it.
void BM_RenderFramePlayheadBack(benchmark::State& state) {
    const Date last = start_day().plus_days(89);
    time_playhead_steps(state, last, last.plus_days(-29), -1);
}
BENCHMARK(BM_RenderFramePlayheadBack)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame after a pan came to rest: every layer of the map, all 20,000 events included, is
/// drawn from nothing; the panels around it are kept.
void BM_RenderFrameRedrawAll(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    float step = 1.0F;
    for (auto _ : state) {
        bench.scene().pan(step, 0.0F);
        step = -step;
        bench.frame();
    }
    bench.count(state);
}
BENCHMARK(BM_RenderFrameRedrawAll)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame after a zoom came to rest, by a quarter in and out again in turn: everything drawn
/// again, the panels but for the scale bar kept, the control fills of both zoom levels found
/// simplified already, the front lines stroked again for the zoom.
void BM_RenderFrameZoomed(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    const sf::Vector2f middle(static_cast<float>(width) / 2.0F, static_cast<float>(height) / 2.0F);
    bench.frame();
    bool in = true;
    for (auto _ : state) {
        bench.scene().zoom_at(middle, in ? 1.25 : 1.0 / 1.25);
        in = !in;
        bench.frame();
    }
    bench.count(state);
}
BENCHMARK(BM_RenderFrameZoomed)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame after a legend row was clicked: one actor's events (a sixth of them) hidden, then
/// shown again. Every glyph may move, so the events are drawn from nothing; the ground is kept.
void BM_RenderFrameFilterToggled(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    bench.frame();
    bool shown = false;
    for (auto _ : state) {
        bench.scene().set_actor_shown(actors[1], shown);
        shown = !shown;
        bench.frame();
    }
    bench.count(state);
}
BENCHMARK(BM_RenderFrameFilterToggled)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// A frame while the map is dragged (the viewer draws the whole frame once the view rests): the
/// last picture moved by a few pixels, back and forth.
void BM_RenderFrameDragPreview(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    bench.frame();
    float step = 3.0F;
    for (auto _ : state) {
        bench.scene().pan(step, 0.0F);
        step = -step;
        bench.moved_frame();
    }
    bench.count(state);
}
BENCHMARK(BM_RenderFrameDragPreview)->Unit(benchmark::kMillisecond)->MinTime(2.0);

/// The glyph placement of all 20,000 events, worked out afresh as after a filter or a pan (on a
/// thread of its own while a frame draws the ground and the panels). Needs no display.
void BM_PlaceGlyphs(benchmark::State& state) {
    render::Scene scene(make_events(), render::BaseLayer{}, render::DateRange(start_day(), start_day().plus_days(89)),
                        {width, height});
    scene.set_current(start_day().plus_days(89));
    for (auto _ : state) benchmark::DoNotOptimize(scene.placed_glyphs(scene.view()));
    state.counters["glyphs"] = static_cast<double>(scene.placed_glyphs(scene.view()).size());
}
BENCHMARK(BM_PlaceGlyphs)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// What the first frame at a new zoom level adds: the 500 control polygons simplified to a
/// sixteenth of a kilometre (an eighth to a quarter of a pixel at the benchmark's zoom) and
/// triangulated again. Needs no display.
void BM_SimplifyControlFills(benchmark::State& state) {
    const render::ControlSnapshot snapshot = make_control(render::MapProjection(LonLat(38.5, 36.8)));
    std::size_t triangles = 0;
    for (auto _ : state) {
        triangles = 0;
        for (const render::ControlFill& fill : snapshot.fills)
            triangles += render::simplified_triangles(fill, 1.0 / 16.0).getVertexCount() / 3;
    }
    state.counters["triangles"] = static_cast<double>(triangles);
    state.counters["unsimplified"] = static_cast<double>(snapshot.fills[0].triangles.getVertexCount() +
                                                         snapshot.fills[1].triangles.getVertexCount()) /
                                     3.0;
}
BENCHMARK(BM_SimplifyControlFills)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// The CPU canvas blitting a filter frame's sprites on one thread: 20,000 glyphs 15 pixels a side
/// and 6,700 halos 27 a side, at the strength of settled events, from a painted atlas. Needs no
/// display.
void BM_CanvasSprites(benchmark::State& state) {
    sf::Image atlas;
    atlas.create(64, 32, sf::Color::Transparent);
    const auto paint_disc = [&atlas](unsigned left, unsigned side, sf::Color colour) {
        const float middle = static_cast<float>(side) / 2.0F;
        for (unsigned y = 0; y < side; ++y)
            for (unsigned x = 0; x < side; ++x) {
                const float dx = static_cast<float>(x) + 0.5F - middle;
                const float dy = static_cast<float>(y) + 0.5F - middle;
                if (dx * dx + dy * dy <= (middle - 1.0F) * (middle - 1.0F)) atlas.setPixel(left + x, y, colour);
            }
    };
    paint_disc(0, 15, sf::Color(157, 39, 39, 255));
    paint_disc(16, 27, sf::Color(30, 12, 12, 55));
    std::vector<sf::Vertex> quads;
    const auto add = [&quads](sf::Vector2f corner, float side, float atlas_left, sf::Uint8 tint) {
        const sf::Vector2f corners[4] = {{0, 0}, {side, 0}, {side, side}, {0, side}};
        for (const int i : {0, 1, 2, 0, 2, 3})
            quads.emplace_back(corner + corners[i], sf::Color(tint, tint, tint, tint),
                               sf::Vector2f(atlas_left, 0.0F) + corners[i]);
    };
    for (int i = 0; i < event_count; ++i) {
        const sf::Vector2f at(static_cast<float>(std::round(std::fmod(i * 0.6180339887, 1.0) * (width - 40))),
                              static_cast<float>(std::round(std::fmod(i * 0.7548776662, 1.0) * (height - 40))));
        if (i % 3 == 1) add(at, 27.0F, 16.0F, 140);
        add(at + sf::Vector2f(6.0F, 6.0F), 15.0F, 0.0F, 140);
    }
    render::detail::Canvas canvas({width, height}, 0xF2EFE9FF);
    for (auto _ : state) {
        canvas.draw_sprites(quads, atlas);
        benchmark::DoNotOptimize(canvas.data());
    }
    state.counters["sprites"] = static_cast<double>(quads.size() / 6);
}
BENCHMARK(BM_CanvasSprites)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// The CPU canvas drawing a filter frame's leader lines on one thread: 10,400 one-pixel lines
/// from spread glyphs back to their places, 4 to 23 pixels long along a sunflower spiral as the
/// placement spreads them, each worked out pixel by pixel (`Canvas::segment`, range 0) or
/// blended from its offset's tile (`SegmentTiles`, range 1). Needs no display.
void BM_CanvasLeaderLines(benchmark::State& state) {
    const bool tiled = state.range(0) == 1;
    render::detail::SegmentTiles tiles(1.0F, sf::Color(80, 80, 80, 120));
    struct Line {
        sf::Vector2f from;
        sf::Vector2f to;
        const render::detail::SegmentTiles::Tile* tile;
    };
    std::vector<Line> lines;
    for (int i = 0; i < 10400; ++i) {
        const sf::Vector2f from(static_cast<float>(std::round(std::fmod(i * 0.6180339887, 1.0) * (width - 60) + 30)),
                                static_cast<float>(std::round(std::fmod(i * 0.7548776662, 1.0) * (height - 60) + 30)));
        const int member = 1 + i % 24;
        const double angle = member * 2.39996322972865332;
        const double reach = 4.6 * std::sqrt(static_cast<double>(member));
        const sf::Vector2f to(from.x + static_cast<float>(std::round(reach * std::cos(angle))),
                              from.y + static_cast<float>(std::round(reach * std::sin(angle))));
        lines.push_back({from, to, tiled ? tiles.tile(from, to) : nullptr});
    }
    render::detail::Canvas canvas({width, height}, 0xF2EFE9FF);
    for (auto _ : state) {
        for (const Line& line : lines) {
            if (line.tile != nullptr) render::detail::SegmentTiles::draw(canvas, *line.tile, line.from, {});
            else canvas.segment(line.from, line.to, tiles.width(), tiles.colour());
        }
        benchmark::DoNotOptimize(canvas.data());
    }
    state.counters["lines"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_CanvasLeaderLines)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// What an off-screen render adds to a frame to save it: the 1600x900 picture copied to memory.
void BM_ReadBackFrame(benchmark::State& state) {
    const auto opened = open_bench(state);
    if (!opened) return;
    Bench& bench = *opened;
    bench.frame();
    for (auto _ : state) bench.read_back();
}
BENCHMARK(BM_ReadBackFrame)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// The rasteriser's cost per pixel of what a frame is made of: 2,000 sprite quads of `range(0)`
/// pixels a side, textured and blended with premultiplied alpha (the events' marks, the area
/// layer's composite), into a 1600x900 texture, ten times over and then read back once.
/// `ns_per_pixel` (wall time) times the pixels a frame covers is the floor a frame cannot go under
/// on this rasteriser, whatever the renderer's own code costs.
void BM_RasteriserFillRate(benchmark::State& state) {
    if (const char* display = std::getenv("DISPLAY"); display == nullptr || *display == '\0') {
        state.SkipWithError("no X display: run under xvfb-run");
        return;
    }
    // One target and sprite for every run of the benchmark: with llvmpipe's threads, making and
    // dropping GL surfaces run after run made SFML fail to open its X display again.
    struct Surfaces {
        sf::RenderTexture target;
        sf::Texture sprite;
        bool ready = false;
        Surfaces() {
            sf::Image disc;  // a disc 32 pixels across, premultiplied; the quads show what they cover of it
            disc.create(64, 64, sf::Color::Transparent);
            for (unsigned y = 0; y < 32; ++y)
                for (unsigned x = 0; x < 32; ++x) {
                    const float dx = static_cast<float>(x) - 15.5F;
                    const float dy = static_cast<float>(y) - 15.5F;
                    if (dx * dx + dy * dy <= 16.0F * 16.0F) disc.setPixel(x, y, sf::Color(157, 39, 39, 200));
                }
            ready = target.create(width, height) && sprite.loadFromImage(disc);
        }
    };
    static Surfaces surfaces;
    if (!surfaces.ready) {
        state.SkipWithError("no off-screen surface");
        return;
    }
    const auto side = static_cast<float>(state.range(0));
    constexpr int quad_count = 2000;
    sf::VertexArray quads(sf::Triangles);
    for (int i = 0; i < quad_count; ++i) {
        const auto x = static_cast<float>((i * 37) % static_cast<int>(width - 64));
        const auto y = static_cast<float>((i * 53) % static_cast<int>(height - 64));
        const sf::Vector2f corners[4] = {{0.0F, 0.0F}, {side, 0.0F}, {side, side}, {0.0F, side}};
        for (const int corner : {0, 1, 2, 0, 2, 3})
            quads.append(sf::Vertex(sf::Vector2f(x, y) + corners[corner], sf::Color::White, corners[corner]));
    }
    sf::RenderStates states(sf::BlendMode(sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha));
    states.texture = &surfaces.sprite;
    constexpr int draws = 10;
    const auto start = std::chrono::steady_clock::now();
    for (auto _ : state) {
        for (int d = 0; d < draws; ++d) surfaces.target.draw(quads, states);
        surfaces.target.display();
        benchmark::DoNotOptimize(surfaces.target.getTexture().copyToImage());
    }
    const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
    const double pixels = quad_count * draws * static_cast<double>(side) * static_cast<double>(side);
    state.counters["ns_per_pixel"] = elapsed.count() / (pixels * static_cast<double>(state.iterations()));
}
BENCHMARK(BM_RasteriserFillRate)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
