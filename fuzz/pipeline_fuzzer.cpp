// The sentence-to-event pipeline under libFuzzer: any text, read as a .txt article the way
// ingest repairs it, then coded, geocoded and merged. The lexicon and gazetteer load once.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "common/assets.hpp"
#include "ingest/reader.hpp"
#include "pipeline/pipeline.hpp"

namespace {

std::unique_ptr<frontline::Pipeline> pipeline;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pipeline = std::make_unique<frontline::Pipeline>(frontline::data_root());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("frontline-fuzz-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    frontline::IngestOptions options;
    frontline::IngestReport report;
    std::istringstream unused;
    frontline::read_articles(
        path.string(), options,
        [](frontline::Article&& article) {
            const auto events = pipeline->process(article);
            static_cast<void>(frontline::merge_across_articles(events));
        },
        report, unused);
    std::filesystem::remove(path);
    return 0;
}
