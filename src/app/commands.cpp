#include "app/commands.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/exit_codes.hpp"
#include "app/input.hpp"
#include "common/assets.hpp"
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

/// Country outlines and the largest towns around the events, for the map's base layer.
render::BaseLayer base_layer_for(const Pipeline& pipeline, const std::vector<Event>& events) {
    render::BaseLayer base;
    double lon0 = 180, lat0 = 90, lon1 = -180, lat1 = -90;
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
    render::BaseLayer base = base_layer_for(pipeline, run.events);
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
    const Pipeline pipeline(data_root());
    ExtractionRun run = extract_inputs(pipeline, options.inputs, options.ingest);
    const int status = finish(run);
    if (!options.layers_dir.empty()) {
        std::filesystem::create_directories(options.layers_dir);
        write_events(run.events, (std::filesystem::path(options.layers_dir) / "events.geojson").string());
    }
    const render::Scene scene = make_scene(pipeline, std::move(run), options, size);
    render::render_png(scene, size.x, size.y, options.output);
    std::cerr << "frontline: map at " << scene.current().iso() << " written to " << options.output << '\n';
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
