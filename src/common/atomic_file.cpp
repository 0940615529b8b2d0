#include "common/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <mutex>
#include <random>

#include "common/error.hpp"

namespace frontline {

namespace {
std::string random_suffix() {
    std::random_device rd;
    return std::to_string(rd()) + std::to_string(::getpid());
}

/// Temporary files not yet committed, kept where a signal handler may read them: Ctrl-C must not
/// leave a half-written hidden file behind (issue 8), yet destructors do not run when SIGINT or
/// SIGTERM ends the process. Only async-signal-safe work happens in the handler: unlink and raise.
struct PendingTemp {
    std::atomic<bool> used{false};
    std::array<char, PATH_MAX> path{};
};
std::array<PendingTemp, 32> pending;
std::mutex pending_mutex;

extern "C" void remove_pending_and_reraise(int signal_number) {
    // A GeoPackage being written has SQLite's journal (or write-ahead log) beside it.
    static constexpr std::array<const char*, 3> sqlite_side_files = {"-journal", "-wal", "-shm"};
    static std::array<char, PATH_MAX + 16> side{};
    for (PendingTemp& p : pending) {
        if (!p.used.load()) continue;
        ::unlink(p.path.data());
        const std::size_t length = std::strlen(p.path.data());
        for (const char* suffix : sqlite_side_files) {
            std::memcpy(side.data(), p.path.data(), length);
            std::memcpy(side.data() + length, suffix, std::strlen(suffix) + 1);
            ::unlink(side.data());
        }
    }
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

/// Registers `temp` for removal on SIGINT and SIGTERM. Paths beyond the table's size or PATH_MAX
/// are only removed by the destructor, as before.
void add_pending(const std::filesystem::path& temp) {
    static std::once_flag handlers;
    std::call_once(handlers, [] {
        std::signal(SIGINT, remove_pending_and_reraise);
        std::signal(SIGTERM, remove_pending_and_reraise);
    });
    const std::string& path = temp.native();
    if (path.size() >= PATH_MAX) return;
    const std::scoped_lock lock(pending_mutex);
    for (PendingTemp& p : pending) {
        if (p.used.load()) continue;
        std::memcpy(p.path.data(), path.c_str(), path.size() + 1);
        p.used.store(true);
        return;
    }
}

void drop_pending(const std::filesystem::path& temp) {
    const std::scoped_lock lock(pending_mutex);
    for (PendingTemp& p : pending)
        if (p.used.load() && temp.native() == p.path.data()) p.used.store(false);
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
    add_pending(temp_);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), committed_(other.committed_) {
    other.committed_ = true;
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::remove_all(temp_, ec);
    drop_pending(temp_);
}

void AtomicFile::commit() {
    fsync_path(temp_, O_RDONLY);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw OutputError(SourceLocation{target_.string()}, std::string("cannot replace: ") + std::strerror(errno));
    committed_ = true;
    drop_pending(temp_);
    auto folder = target_.parent_path();
    fsync_path(folder.empty() ? "." : folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace frontline
