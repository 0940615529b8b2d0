#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/reader.hpp"

namespace frontline {

/// Failure messages name the kind instead of its number.
inline void PrintTo(Boilerplate kind, std::ostream* out) { *out << to_string(kind); }

}  // namespace frontline

namespace frontline::test {

inline const std::filesystem::path test_data = FRONTLINE_TEST_DATA;

/// Everything one `read_articles` call produced.
struct Ingested {
    std::vector<Article> articles;
    IngestReport report;
};

inline Ingested ingest(const std::string& input, const IngestOptions& options = {}, std::string_view stdin_text = {}) {
    Ingested result;
    std::istringstream stdin_stream{std::string(stdin_text)};
    read_articles(
        input, options, [&](Article&& article) { result.articles.push_back(std::move(article)); }, result.report,
        stdin_stream);
    return result;
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(std::filesystem::file_size(path), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

inline std::string_view paragraph_text(const Article& article, std::size_t index) {
    const Paragraph& paragraph = article.paragraphs.at(index);
    return std::string_view(article.text).substr(paragraph.begin, paragraph.end - paragraph.begin);
}

/// A fresh folder for files a test writes, removed with the fixture.
class TempDirTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device seed;
        dir_ = std::filesystem::temp_directory_path() / ("frontline-ingest-" + std::to_string(seed()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    /// Writes `bytes` to NAME in the folder and returns its path.
    std::string write(const std::string& name, std::string_view bytes) const {
        const auto path = dir_ / name;
        std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path.string();
    }

    std::filesystem::path dir_;
};

}  // namespace frontline::test
