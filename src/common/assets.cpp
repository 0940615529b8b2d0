#include "common/assets.hpp"

#include <cstdlib>
#include <vector>

#include "common/error.hpp"

namespace frontline {

std::filesystem::path data_root() {
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("FRONTLINE_DATA"); env && *env) candidates.emplace_back(env);
    candidates.emplace_back(FRONTLINE_INSTALL_DATADIR);
    candidates.emplace_back(FRONTLINE_SOURCE_DATADIR);
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir / "assets" / "lexicon", ec)) return dir;
    }
    throw DataError("cannot find Frontline's data folder (assets/lexicon); set FRONTLINE_DATA to it");
}

}  // namespace frontline
