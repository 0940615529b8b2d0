// End-to-end throughput on one thread: NDJSON articles in, merged events out (ingest, text,
// extraction, geocoding, merging), over the seed and dev corpora replicated to 100 MB, the way
// `frontline extract - -o -` reads a feed. docs/scaling.md has the figures and the command-line
// measurement (scripts/bench-throughput.sh) that adds output and compares with `wc -l`.
// Run: build/release/bench/frontline_throughput_bench   (FRONTLINE_BENCH_MB=N for another size)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>

#include "common/assets.hpp"
#include "geo/gazetteer.hpp"
#include "ingest/reader.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace frontline;
namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The corpora as NDJSON lines, copied until the text holds `megabytes`; each copy has its own
/// article ids (STEM~rN), as scripts/make-bench-corpus.py writes them.
std::string replicated_corpus(double megabytes) {
    std::vector<nlohmann::json> articles;
    for (const char* folder : {"seed", "dev"}) {
        std::vector<fs::path> texts;
        for (const auto& entry : fs::directory_iterator(fs::path(FRONTLINE_CORPUS) / folder))
            if (entry.path().extension() == ".txt") texts.push_back(entry.path());
        std::sort(texts.begin(), texts.end());
        for (const fs::path& txt : texts) {
            const fs::path meta = fs::path(txt).replace_extension(".meta.json");
            nlohmann::json article = fs::exists(meta) ? nlohmann::json::parse(slurp(meta)) : nlohmann::json::object();
            if (!article.contains("id")) article["id"] = txt.stem().string();
            article["text"] = slurp(txt);
            articles.push_back(std::move(article));
        }
    }
    const auto target = static_cast<std::size_t>(megabytes * 1024 * 1024);
    std::string ndjson;
    ndjson.reserve(target + 64 * 1024);
    for (int copy = 0; ndjson.size() < target; ++copy) {
        for (nlohmann::json article : articles) {
            article["id"] = article["id"].get<std::string>() + "~r" + std::to_string(copy);
            ndjson += article.dump();
            ndjson += '\n';
        }
    }
    return ndjson;
}

const std::string& corpus() {
    static const std::string text = [] {
        const char* mb = std::getenv("FRONTLINE_BENCH_MB");
        return replicated_corpus(mb != nullptr ? std::atof(mb) : 100.0);
    }();
    return text;
}

/// An istream over bytes already in memory, without copying them.
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(const std::string& bytes) {
        char* begin = const_cast<char*>(bytes.data());  // read only: the get area is never written
        setg(begin, begin, begin + bytes.size());
    }
};

/// Ingest to events for the whole replicated corpus, as `extract -` does it on one thread.
void BM_EndToEndOneThread(benchmark::State& state) {
    const std::string& ndjson = corpus();
    const Pipeline pipeline(data_root());
    std::size_t articles = 0, events = 0;
    for (auto _ : state) {
        MemoryBuffer buffer(ndjson);
        std::istream in(&buffer);
        IngestReport report;
        read_articles("-", IngestOptions{}, [&](Article&& article) {
            const std::vector<Event> found = pipeline.process(article);
            ++articles;
            events += found.size();
            benchmark::DoNotOptimize(found.data());
        }, report, in);
    }
    const auto iterations = static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<double>(ndjson.size()) * iterations));
    state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["MB"] = static_cast<double>(ndjson.size()) / (1024.0 * 1024.0);
}
BENCHMARK(BM_EndToEndOneThread)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();

/// The floor: finding the line ends of the same bytes, as `wc -l` does.
void BM_CountLines(benchmark::State& state) {
    const std::string& ndjson = corpus();
    for (auto _ : state) {
        std::size_t lines = 0;
        const char* const end = ndjson.data() + ndjson.size();
        for (const char* p = ndjson.data();
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
            ++lines;
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(ndjson.size()) * state.iterations());
}
BENCHMARK(BM_CountLines)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

/// Gazetteer ready to answer lookups (the target is under 300 ms).
void BM_GazetteerReady(benchmark::State& state) {
    for (auto _ : state) {
        const Gazetteer gazetteer = Gazetteer::load(data_root());
        benchmark::DoNotOptimize(gazetteer.lookup("kobani").size());
    }
}
BENCHMARK(BM_GazetteerReady)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
