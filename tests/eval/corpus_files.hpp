#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace frontline {

/// Every `*.gold.json` under tests/data/corpus (seed and dev), sorted.
inline std::vector<std::filesystem::path> corpus_gold_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(FRONTLINE_TEST_DATA "/corpus"))
        if (entry.path().string().ends_with(".gold.json")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// A test name for a gold file: its folder and file name with non-alphanumerics as `_`.
inline std::string gold_test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
    std::string name = info.param.parent_path().filename().string() + "_" + info.param.filename().string();
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
}

}  // namespace frontline
