// Gazetteer readiness and geoparsing speed.
// Run: build/release/bench/frontline_geo_bench   (FRONTLINE_DATA may point at another data folder)
// The first load of a new geodata fingerprint builds the index into the cache (seconds); every
// iteration here measures the load a user sees afterwards: map the index, copy the small tables.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "common/assets.hpp"
#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geocoder.hpp"
#include "geo/geoparser.hpp"

namespace {

using namespace frontline;

/// The whole gazetteer ready to answer: from nothing to a first lookup.
void BM_GazetteerLoad(benchmark::State& state) {
    (void)Gazetteer::load(data_root());  // builds the cached index when the geodata is new
    for (auto _ : state) {
        const Gazetteer g = Gazetteer::load(data_root());
        benchmark::DoNotOptimize(g.lookup("kobani").data());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["max_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

const Gazetteer& shared_gazetteer() {
    static const Gazetteer g = Gazetteer::load(data_root());
    return g;
}

void BM_Lookup(benchmark::State& state) {
    const Gazetteer& g = shared_gazetteer();
    const char* names[] = {"kobani", "paris", "alexandria", "springfield", "aleppo", "xyzzyville"};
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(g.lookup(names[i++ % 6]).size());
}
BENCHMARK(BM_Lookup);

/// A short news text, found and resolved end to end.
void BM_GeoparseStory(benchmark::State& state) {
    static const CountryIndex countries = CountryIndex::load(data_root() / "geodata" / "naturalearth" / "countries-10m.json");
    const Geocoder geocoder(shared_gazetteer(), countries);
    const Geoparser parser(geocoder);
    const std::string text =
        "Kurdish fighters held Kobani on Tuesday as Islamic State shelled the town from hills 4 km south of Kobani. "
        "Turkish tanks watched from the border near Suruc, in Sanliurfa province, while protests spread to Diyarbakir "
        "and other Kurdish cities throughout Turkey. In Paris, Texas, and Alexandria, La., officials said nothing.";
    for (auto _ : state) {
        const auto places = parser.resolve(text, parser.find(text));
        benchmark::DoNotOptimize(places.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_GeoparseStory)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
