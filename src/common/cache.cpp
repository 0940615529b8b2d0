#include "common/cache.hpp"

#include <sys/stat.h>

#include <cstdlib>

namespace frontline {

std::optional<std::filesystem::path> cache_folder() {
    if (const char* dir = std::getenv("FRONTLINE_CACHE"); dir && *dir) return std::filesystem::path(dir);
    if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir && *dir) return std::filesystem::path(dir) / "frontline";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "frontline";
    return std::nullopt;
}

std::optional<std::uint64_t> fingerprint_file(const std::filesystem::path& path, std::uint64_t hash) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    const std::uint64_t facts[] = {static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                   static_cast<std::uint64_t>(st.st_mtim.tv_nsec)};
    return fnv1a(std::string_view(reinterpret_cast<const char*>(facts), sizeof facts), hash);
}

}  // namespace frontline
