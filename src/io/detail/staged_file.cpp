#include "io/detail/staged_file.hpp"

#include "common/error.hpp"

namespace frontline::detail {

StagedFile::StagedFile(const AtomicFile& file)
    : file_(file), path_(file.temp_path().string() + file.target().extension().string()) {}

StagedFile::~StagedFile() {
    if (handed_over_) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

void StagedFile::hand_over() {
    std::error_code ec;
    std::filesystem::rename(path_, file_.temp_path(), ec);
    if (ec) throw OutputError(SourceLocation(file_.target().string()), "cannot write: " + ec.message());
    handed_over_ = true;
}

}  // namespace frontline::detail
