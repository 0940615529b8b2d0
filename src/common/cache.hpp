#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace frontline {

/// Where derived data (the gazetteer's index, the country outlines as WKB) is kept between runs:
/// `$FRONTLINE_CACHE`, else `$XDG_CACHE_HOME/frontline`, else `~/.cache/frontline`; none when
/// not even `HOME` is set.
[[nodiscard]] std::optional<std::filesystem::path> cache_folder();

/// FNV-1a over `bytes`, continuing from `hash`: stable across runs and builds, unlike
/// `std::hash`, so it can name cached files.
[[nodiscard]] constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 1469598103934665603ULL) noexcept {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

/// `hash` continued over the size and modification time of `path` (reading a large file to hash
/// its contents would cost more than the cache saves); none when `path` cannot be examined.
[[nodiscard]] std::optional<std::uint64_t> fingerprint_file(const std::filesystem::path& path, std::uint64_t hash);

}  // namespace frontline
