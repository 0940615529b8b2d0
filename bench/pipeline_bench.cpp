// Throughput of the core: gazetteer and lexicon loading, and articles to merged events.
// Run: build/release/bench/frontline_bench   (FRONTLINE_DATA may point at another data folder)
#include <benchmark/benchmark.h>

#include <sstream>

#include "common/assets.hpp"
#include "ingest/reader.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace frontline;

std::vector<Article> corpus_articles() {
    std::vector<Article> articles;
    IngestReport report;
    std::istringstream no_stdin;
    for (const char* folder : {"seed", "dev"})
        read_articles(std::string(FRONTLINE_CORPUS) + "/" + folder, IngestOptions{},
                      [&](Article&& a) { articles.push_back(std::move(a)); }, report, no_stdin);
    return articles;
}

const Pipeline& shared_pipeline() {
    static const Pipeline pipeline(data_root());
    return pipeline;
}

/// Articles of the seed and dev corpora to events, geocoding and merging included.
void BM_ExtractCorpus(benchmark::State& state) {
    const Pipeline& pipeline = shared_pipeline();
    const std::vector<Article> articles = corpus_articles();
    std::size_t bytes = 0, events = 0;
    for (const Article& a : articles) bytes += a.text.size();
    for (auto _ : state) {
        for (const Article& a : articles) {
            const std::vector<Event> found = pipeline.process(a);
            events += found.size();
            benchmark::DoNotOptimize(found.data());
        }
    }
    const auto iterations = static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<double>(bytes) * iterations));
    state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles.size()) * iterations, benchmark::Counter::kIsRate);
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond);

/// Start-up: lexicon, gazetteer (with its cached name index) and country outlines.
void BM_LoadPipeline(benchmark::State& state) {
    for (auto _ : state) {
        const Pipeline pipeline(data_root());
        benchmark::DoNotOptimize(&pipeline);
    }
}
BENCHMARK(BM_LoadPipeline)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
