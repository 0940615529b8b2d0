// Article ingest under libFuzzer: any bytes, read as one input of one format, must end in
// articles or report entries, never in a crash, a sanitizer finding or an exception.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/reader.hpp"

namespace {

/// Ingest reads whole files and NDJSON streams; a per-process temp file keeps parallel fuzzers
/// (scripts/fuzz.sh runs one job per core) from reading each other's inputs.
[[maybe_unused]] std::filesystem::path input_path(const char* extension) {
    return std::filesystem::temp_directory_path() /
           ("frontline-fuzz-" + std::to_string(::getpid()) + extension);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    frontline::IngestOptions options;
    // Small enough that the fuzzer also drives the size-limit skip.
    options.max_article_bytes = 64u * 1024u;
    frontline::IngestReport report;
    std::size_t text_bytes = 0;
    const frontline::ArticleHandler handler = [&](frontline::Article&& article) {
        text_bytes += article.text.size();
    };
#ifdef FRONTLINE_FUZZ_STDIN
    std::istringstream in(bytes);
    frontline::read_articles("-", options, handler, report, in);
#else
    const std::filesystem::path path = input_path(FRONTLINE_FUZZ_EXTENSION);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::istringstream unused;
    frontline::read_articles(path.string(), options, handler, report, unused);
    std::filesystem::remove(path);
#endif
    return 0;
}
