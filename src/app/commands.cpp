#include "app/commands.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/exit_codes.hpp"
#include "app/input.hpp"
#include "common/assets.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "control/control_timeline.hpp"
#include "control/scenario.hpp"
#include "eval/corpus.hpp"
#include "io/event_writer.hpp"
#include "render/fonts.hpp"
#include "render/offscreen.hpp"
#include "render/viewer.hpp"

namespace frontline::app {

namespace {

/// A box to frame, from `--bbox lon0,lat0,lon1,lat1`.
struct LonLatBox {
    LonLat south_west;
    LonLat north_east;
};

std::optional<LonLatBox> parse_bbox(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::array<double, 4> v{};
    std::istringstream in(text);
    char comma = ',';
    bool ok = true;
    for (std::size_t i = 0; i < v.size() && ok; ++i) ok = (i == 0 || (in >> comma && comma == ',')) && static_cast<bool>(in >> v[i]);
    ok = ok && (in >> std::ws).eof() && std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); }) &&
         v[0] >= -180.0 && v[2] <= 180.0 && v[1] >= -90.0 && v[3] <= 90.0 && v[0] < v[2] && v[1] < v[3];
    if (!ok)
        throw UsageError("--bbox takes lon0,lat0,lon1,lat1 in degrees (west, south, east, north; west < east, south < north), not '" +
                         text + "'");
    return LonLatBox{LonLat(v[0], v[1]), LonLat(v[2], v[3])};
}

/// Country outlines and the largest towns around the events (and the box asked for), for the
/// map's base layer.
render::BaseLayer base_layer_for(const Pipeline& pipeline, const std::vector<Event>& events, const std::optional<LonLatBox>& frame) {
    render::BaseLayer base;
    double lon0 = 180, lat0 = 90, lon1 = -180, lat1 = -90;
    if (frame) {
        lon0 = frame->south_west.lon();
        lat0 = frame->south_west.lat();
        lon1 = frame->north_east.lon();
        lat1 = frame->north_east.lat();
    }
    for (const Event& e : events) {
        if (!e.location) continue;
        lon0 = std::min(lon0, e.location->anchor.lon());
        lon1 = std::max(lon1, e.location->anchor.lon());
        lat0 = std::min(lat0, e.location->anchor.lat());
        lat1 = std::max(lat1, e.location->anchor.lat());
    }
    if (lon0 > lon1) return base;
    const double margin = std::max({lon1 - lon0, lat1 - lat0, 1.0}) * 1.5;
    base.outlines = pipeline.countries().outline_rings(lon0 - margin, lat0 - margin, lon1 + margin, lat1 + margin);
    const Gazetteer& gazetteer = pipeline.gazetteer();
    for (std::uint32_t i = 0; i < gazetteer.place_count(); ++i) {
        const Place& p = gazetteer.place(i);
        if (p.population < 20000 || p.lon < lon0 - margin || p.lon > lon1 + margin || p.lat < lat0 - margin || p.lat > lat1 + margin)
            continue;
        base.labels.push_back({LonLat(p.lon, p.lat), p.name, static_cast<int>(std::min<std::int64_t>(p.population / 1000, 1 << 30)),
                               render::LabelKind::place});
    }
    return base;
}

render::Scene make_scene(const Pipeline& pipeline, ExtractionRun run, const RenderOptions& options, sf::Vector2u size) {
    const std::string& at = options.at;
    const auto range = render::event_date_range(run.events);
    if (!range) throw InputError("no dated events to draw in the given articles");
    const std::optional<LonLatBox> frame = parse_bbox(options.bbox);
    render::BaseLayer base = base_layer_for(pipeline, run.events, frame);
    std::optional<ControlTimeline> timeline;
    if (!options.scenario.empty()) {
        const Scenario scenario = load_scenario(options.scenario);
        for (const std::string& warning : scenario.warnings) std::cerr << "frontline: warning: " << warning << '\n';
        timeline = ControlTimeline::build(ControlInputs::from(&scenario, gazetteer_lookup(pipeline.gazetteer())), run.events, run.holdings);
    }
    render::Scene scene(std::move(run.events), std::move(base), *range, size);
    if (timeline) scene.set_control(render::control_snapshots(*timeline, scene.projection()));
    scene.set_title(options.scenario.empty() ? "Frontline" : "Frontline \u00b7 " + options.scenario);
    scene.fit_to_events();
    if (frame) scene.fit_to(frame->south_west, frame->north_east);
    if (!at.empty()) {
        const auto day = Date::parse_iso(at);
        if (!day) throw UsageError("--at takes a date as YYYY-MM-DD, not '" + at + "'");
        scene.set_current(*day);
    }
    return scene;
}

sf::Vector2u parse_size(const std::string& text) {
    unsigned w = 0, h = 0;
    char x = 0;
    std::istringstream in(text);
    if (!(in >> w >> x >> h) || x != 'x' || w < 200 || h < 200 || w > 8192 || h > 8192)
        throw UsageError("--size takes WIDTHxHEIGHT between 200 and 8192, not '" + text + "'");
    return {w, h};
}

int finish(const ExtractionRun& run) { return run.skipped > 0 ? exit_inputs_skipped : exit_ok; }

/// Days between frames from `--step`: "1d", "3d", "2w".
long parse_step_days(const std::string& text) {
    long n = 0;
    char unit = 0;
    std::istringstream in(text);
    if (!(in >> n >> unit) || !(in >> std::ws).eof() || n < 1 || n > 3650 || (unit != 'd' && unit != 'w'))
        throw UsageError("--step takes a number of days or weeks such as 1d, 3d or 2w, not '" + text + "'");
    return unit == 'w' ? 7 * n : n;
}

/// Where `name` is on the PATH, if anywhere.
std::optional<std::filesystem::path> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty()) continue;
        const std::filesystem::path candidate = std::filesystem::path(dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

/// Runs `argv` (no shell), its output discarded; returns its exit status, -1 when it cannot run.
int run_program(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args.front(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The frames as an animated GIF (ImageMagick) and an MP4 (ffmpeg), each where its tool is
/// installed, written atomically into `dir`. A tool that fails is a warning: the frames stand.
void write_animations(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& frames, long step_days) {
    if (const auto convert = find_program("convert")) {
        AtomicFile gif(dir / "timeline.gif");
        std::vector<std::string> argv{convert->string(), "-delay", "40", "-loop", "0"};
        for (const auto& f : frames) argv.push_back(f.string());
        argv.push_back(gif.temp_path().string());
        if (const int status = run_program(argv); status == 0) {
            gif.commit();
            std::cerr << "frontline: animation written to " << (dir / "timeline.gif").string() << '\n';
        } else {
            std::cerr << "frontline: warning: ImageMagick's convert failed (status " << status << "); the frames are written\n";
        }
    }
    if (const auto ffmpeg = find_program("ffmpeg")) {
        // The concat demuxer takes the frames by name, whatever else the folder holds.
        AtomicFile list(dir / "timeline-frames.txt");
        {
            std::ofstream out(list.temp_path());
            for (const auto& f : frames) out << "file '" << std::filesystem::absolute(f).string() << "'\nduration 0.4\n";
            out << "file '" << std::filesystem::absolute(frames.back()).string() << "'\n";
        }
        AtomicFile mp4(dir / "timeline.mp4");
        const std::vector<std::string> argv{ffmpeg->string(), "-y", "-loglevel", "error", "-f", "concat", "-safe", "0",
                                            "-i", list.temp_path().string(), "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                                            "-pix_fmt", "yuv420p", mp4.temp_path().string()};
        if (const int status = run_program(argv); status == 0) {
            mp4.commit();
            std::cerr << "frontline: video written to " << (dir / "timeline.mp4").string() << " (" << step_days
                      << (step_days == 1 ? " day" : " days") << " a frame)\n";
        } else {
            std::cerr << "frontline: warning: ffmpeg failed (status " << status << "); the frames are written\n";
        }
    }
}

/// One PNG per step of the scene's timeline, first day to last (the last always included).
std::vector<std::filesystem::path> write_frames(render::Scene& scene, sf::Vector2u size, const std::filesystem::path& dir, long step_days) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir)) throw OutputError(SourceLocation(dir.string()), "cannot create the frames folder");
    render::OffscreenRenderer renderer(size.x, size.y, dir);
    const render::DateRange range = scene.range();
    std::vector<std::filesystem::path> written;
    for (Date day = range.first();; day = day.plus_days(step_days)) {
        const Date shown = range.last() < day ? range.last() : day;
        scene.set_current(shown);
        char name[64];
        std::snprintf(name, sizeof name, "frame-%04zu-%s.png", written.size() + 1, shown.iso().c_str());
        written.push_back(dir / name);
        renderer.write_png(scene, written.back());
        if (!(shown < range.last())) break;
    }
    return written;
}

}  // namespace

int run_eval(const EvalOptions& options) {
    const Pipeline pipeline(data_root());
    std::vector<std::filesystem::path> dirs(options.corpora.begin(), options.corpora.end());
    const std::optional<Scenario> scenario =
        options.scenario.empty() ? std::nullopt : std::optional<Scenario>(load_scenario(options.scenario));
    const CorpusScore score = evaluate_corpus(pipeline, dirs, scenario ? &*scenario : nullptr);
    if (options.json) {
        std::cout << to_json(score).dump(2) << '\n';
    } else {
        std::cout << format_report(score);
        if (options.details) std::cout << '\n' << format_details(score);
    }
    bool below = !score.errors.empty();
    if (options.min_physical_f1 && score.physical.f1() < *options.min_physical_f1) below = true;
    if (options.min_statement_f1 && score.statement.f1() < *options.min_statement_f1) below = true;
    if (options.max_forbidden && score.forbidden > *options.max_forbidden) below = true;
    const auto median = score.physical.median_km();
    if (options.max_median_km && (!median || *median > *options.max_median_km)) below = true;
    const auto dated = score.physical.date_accuracy();
    if (options.min_date_accuracy && (!dated || *dated < *options.min_date_accuracy)) below = true;
    return below ? 3 : exit_ok;
}

int run_geocode(const GeocodeOptions& options) {
    const Pipeline pipeline(data_root());
    GeoContext context;
    if (!options.context.empty()) {
        Article article;
        article.id = "context";
        article.text = options.context;
        article.paragraphs = {Paragraph{0, options.context.size(), false, Boilerplate::none}};
        context = pipeline.context_for(article);
    }
    const auto found = pipeline.geocoder().candidates(options.name, context);
    if (found.empty()) {
        std::cerr << "frontline: no place called '" << options.name << "' in the gazetteer\n";
        return exit_inputs_skipped;
    }
    for (std::size_t i = 0; i < found.size() && i < options.limit; ++i) {
        const GeocodeCandidate& c = found[i];
        std::printf("%zu. %s  %s  %.5f %.5f  %s  score %.2f  (%s)\n", i + 1, c.location.place_id.c_str(), c.location.place.c_str(),
                    c.location.anchor.lat(), c.location.anchor.lon(), c.location.country.c_str(), c.score, c.reason.c_str());
    }
    return exit_ok;
}

int run_render(const RenderOptions& options) {
    const sf::Vector2u size = parse_size(options.size);
    if (options.output.empty() && options.frames_dir.empty()) throw UsageError("render needs -o FILE.png or --frames DIR");
    const long step_days = parse_step_days(options.step);
    const Pipeline pipeline(data_root());
    ExtractionRun run = extract_inputs(pipeline, options.inputs, options.ingest);
    const int status = finish(run);
    if (!options.layers_dir.empty()) {
        std::filesystem::create_directories(options.layers_dir);
        write_events(run.events, (std::filesystem::path(options.layers_dir) / "events.geojson").string());
    }
    render::Scene scene = make_scene(pipeline, std::move(run), options, size);
    if (!options.output.empty()) {
        render::render_png(scene, size.x, size.y, options.output);
        std::cerr << "frontline: map at " << scene.current().iso() << " written to " << options.output << '\n';
    }
    if (options.frames_dir.empty()) return status;
    const std::vector<std::filesystem::path> frames = write_frames(scene, size, options.frames_dir, step_days);
    std::cerr << "frontline: " << frames.size() << " frames, " << scene.range().first().iso() << " to " << scene.range().last().iso()
              << ", written to " << options.frames_dir << '\n';
    write_animations(options.frames_dir, frames, step_days);
    return status;
}

int run_view(const RenderOptions& options) {
    const Pipeline pipeline(data_root());
    ExtractionRun run = extract_inputs(pipeline, options.inputs, options.ingest);
    render::Scene scene = make_scene(pipeline, std::move(run), options, {1400, 860});
    const sf::Font font = render::load_default_font();
    return render::run_viewer(scene, font);
}

}  // namespace frontline::app
