#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class AtomicFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("frontline-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(AtomicFileTest, CommitReplacesTheTargetAndKeepsTheExtensionWhileWriting) {
    const fs::path target = dir_ / "events.geojson";
    std::ofstream(target) << "old";
    AtomicFile file(target);
    EXPECT_EQ(file.temp_path().extension(), ".geojson");  // drivers pick the format by extension
    EXPECT_EQ(file.temp_path().parent_path(), dir_);      // same folder: the rename is atomic
    std::ofstream(file.temp_path()) << "new";
    EXPECT_EQ(slurp(target), "old");
    file.commit();
    EXPECT_EQ(slurp(target), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 1);
}

TEST_F(AtomicFileTest, AbandonedWriteLeavesThePreviousFileAndNoLitter) {
    const fs::path target = dir_ / "events.csv";
    std::ofstream(target) << "previous";
    {
        AtomicFile file(target);
        std::ofstream(file.temp_path()) << "half written";
    }
    EXPECT_EQ(slurp(target), "previous");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 1);
}

TEST_F(AtomicFileTest, MissingFolderIsAnOutputErrorNamingTheFile) {
    const fs::path target = dir_ / "no-such-folder" / "events.geojson";
    try {
        AtomicFile file(target);
        FAIL() << "expected an OutputError";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find(target.string()), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace frontline
