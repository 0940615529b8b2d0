// Control timeline speed (issue 5): 10,000 territorial events over 200 places applied in < 1 s;
// the state at any instant in < 5 ms. `build/release/bench/frontline_control_bench`.
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <random>

#include "control/control_timeline.hpp"

namespace {

using namespace frontline;

constexpr int place_count = 200;
constexpr int event_count = 10000;
constexpr int days = 1000;
const Date first_day(2014, 1, 1);

/// 200 towns on a jittered 20 x 10 grid 0.4° (about 40 km) apart, as the towns of a province lie,
/// with log-uniform populations from 2,000 to 500,000.
struct World {
    std::vector<LonLat> places;
    std::vector<std::int64_t> population;
    ControlInputs inputs;
    std::vector<Event> events;
};

std::string polygon_wkb(double x0, double y0, double x1, double y1) {
    // ISO WKB of a rectangle, little-endian: byte order, type 3, one ring of five points.
    std::string wkb;
    const auto put = [&wkb](const void* p, std::size_t n) { wkb.append(static_cast<const char*>(p), n); };
    const char order = 1;
    const std::uint32_t type = 3;
    const std::uint32_t rings = 1;
    const std::uint32_t points = 5;
    put(&order, 1);
    put(&type, 4);
    put(&rings, 4);
    put(&points, 4);
    for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}) {
        put(&x, 8);
        put(&y, 8);
    }
    return wkb;
}

std::unique_ptr<World> make_world() {
    auto world = std::make_unique<World>();
    std::mt19937 rng(20141008);  // fixed: every run measures the same story
    std::uniform_real_distribution<double> log_people(std::log(2000.0), std::log(500000.0));
    std::uniform_real_distribution<double> jitter(-0.05, 0.05);
    for (int i = 0; i < place_count; ++i) {
        world->places.emplace_back(34.0 + 0.4 * (i % 20) + jitter(rng), 33.0 + 0.4 * (i / 20) + jitter(rng));
        world->population.push_back(static_cast<std::int64_t>(std::exp(log_people(rng))));
    }
    // Two holders split the region at the start, as a scenario's initial layer does.
    world->inputs.initial.push_back(ControlFeature{"bench", "west", "A", first_day, Certainty::confirmed, polygon_wkb(33.5, 32.5, 38.0, 37.5)});
    world->inputs.initial.push_back(ControlFeature{"bench", "east", "B", first_day, Certainty::confirmed, polygon_wkb(38.0, 32.5, 42.5, 37.5)});
    const World* w = world.get();
    world->inputs.lookup = [w](const std::string& id) -> std::optional<PlaceInfo> {
        const int i = std::stoi(id.substr(2));
        return PlaceInfo{id, w->places[static_cast<std::size_t>(i)], w->population[static_cast<std::size_t>(i)]};
    };

    const std::vector<std::string> actors{"A", "B", "C", "D"};
    std::uniform_int_distribution<int> place(0, place_count - 1);
    std::uniform_int_distribution<int> actor(0, 3);
    std::uniform_int_distribution<int> kind(0, 99);
    std::uniform_real_distribution<double> share(0.1, 0.9);
    for (int i = 0; i < event_count; ++i) {
        const int p = place(rng);
        const int k = kind(rng);
        Event e;
        e.id = "ev-" + std::to_string(i);
        e.actor1 = actors[static_cast<std::size_t>(actor(rng))];
        e.event_type = k < 55 ? "territory_taken" : k < 80 ? "retreat" : "advance";
        if (k < 20) e.magnitude = share(rng);  // a share of the town
        const Date day = first_day.plus_days(static_cast<long>(i) * days / event_count);
        e.date_start = day;
        e.date_end = day;
        e.certainty = Certainty::reported;
        const LonLat& at = world->places[static_cast<std::size_t>(p)];
        e.location = Location{"", at, k >= 45 && k < 55 ? 2 : 1, "Town", "t:" + std::to_string(p), "SYR"};
        world->events.push_back(std::move(e));
    }
    return world;
}

const World& world() {
    static const std::unique_ptr<World> w = make_world();
    return *w;
}

const ControlTimeline& timeline() {
    static const ControlTimeline t = ControlTimeline::build(world().inputs, world().events);
    return t;
}

void BM_ApplyTenThousandEvents(benchmark::State& state) {
    const World& w = world();
    for (auto _ : state) {
        ControlTimeline t = ControlTimeline::build(w.inputs, w.events);
        benchmark::DoNotOptimize(t.states().size());
    }
    state.counters["events"] = event_count;
    state.counters["places"] = place_count;
}
BENCHMARK(BM_ApplyTenThousandEvents)->Unit(benchmark::kMillisecond)->Iterations(3);

// What a renderer asks for: every holder's ground at a random day, as lon/lat polygons.
void BM_StateAtAnInstant(benchmark::State& state) {
    const ControlTimeline& t = timeline();
    std::mt19937 rng(7);
    std::uniform_int_distribution<long> day(0, days - 1);
    for (auto _ : state) {
        const auto held = t.pieces_at(first_day.plus_days(day(rng)));
        benchmark::DoNotOptimize(held.size());
    }
}
BENCHMARK(BM_StateAtAnInstant)->Unit(benchmark::kMillisecond);

// What an export writes: every holder's ground dissolved into one valid MultiPolygon.
void BM_DissolvedHoldersAtAnInstant(benchmark::State& state) {
    const ControlTimeline& t = timeline();
    std::mt19937 rng(9);
    std::uniform_int_distribution<long> day(0, days - 1);
    for (auto _ : state) {
        const auto held = t.holders_at(first_day.plus_days(day(rng)));
        benchmark::DoNotOptimize(held.size());
    }
}
BENCHMARK(BM_DissolvedHoldersAtAnInstant)->Unit(benchmark::kMillisecond);

void BM_FrontLinesAtAnInstant(benchmark::State& state) {
    const ControlTimeline& t = timeline();
    std::mt19937 rng(11);
    std::uniform_int_distribution<long> day(0, days - 1);
    for (auto _ : state) {
        const auto lines = t.front_lines_at(first_day.plus_days(day(rng)));
        benchmark::DoNotOptimize(lines.size());
    }
}
BENCHMARK(BM_FrontLinesAtAnInstant)->Unit(benchmark::kMillisecond);

void BM_SharesOfAPlace(benchmark::State& state) {
    const ControlTimeline& t = timeline();
    std::mt19937 rng(13);
    std::uniform_int_distribution<long> day(0, days - 1);
    std::uniform_int_distribution<int> place(0, place_count - 1);
    for (auto _ : state) {
        const auto shares = t.shares("t:" + std::to_string(place(rng)), first_day.plus_days(day(rng)));
        benchmark::DoNotOptimize(shares.size());
    }
}
BENCHMARK(BM_SharesOfAPlace)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
