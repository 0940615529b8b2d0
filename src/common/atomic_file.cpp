#include "common/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "common/error.hpp"

namespace frontline {

namespace {
std::string random_suffix() {
    std::random_device rd;
    return std::to_string(rd()) + std::to_string(::getpid());
}

void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    auto folder = target_.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw OutputError(SourceLocation{target_.string()}, "cannot write: folder " + folder.string() + " does not exist");
    if (::access(folder.c_str(), W_OK) != 0)
        throw OutputError(SourceLocation{target_.string()}, "cannot write: folder " + folder.string() + " is not writable");
    // Keep the extension last: GDAL drivers and image writers choose the format by it.
    temp_ = folder / ("." + target_.stem().string() + ".tmp-" + random_suffix() + target_.extension().string());
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), committed_(other.committed_) {
    other.committed_ = true;
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::remove_all(temp_, ec);
}

void AtomicFile::commit() {
    fsync_path(temp_, O_RDONLY);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw OutputError(SourceLocation{target_.string()}, std::string("cannot replace: ") + std::strerror(errno));
    committed_ = true;
    auto folder = target_.parent_path();
    fsync_path(folder.empty() ? "." : folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace frontline
