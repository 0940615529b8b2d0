#include "render/fonts.hpp"

#include <vector>

#include "common/assets.hpp"
#include "common/error.hpp"

namespace frontline::render {

namespace {
constexpr const char* font_file = "DejaVuSans.ttf";
constexpr const char* debian_font_folder = "/usr/share/fonts/truetype/dejavu";
}  // namespace

std::filesystem::path default_font_path() {
    std::vector<std::filesystem::path> candidates;
    try {
        candidates.push_back(data_root() / "assets" / "fonts" / font_file);
    } catch (const DataError&) {
        // No data folder (a bare binary): the system font still serves.
    }
    candidates.push_back(std::filesystem::path(debian_font_folder) / font_file);
    for (const auto& path : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    throw DataError(std::string("cannot find the map font ") + font_file + " in assets/fonts/ or " +
                    debian_font_folder + "; install fonts-dejavu-core");
}

sf::Font load_default_font() {
    const std::filesystem::path path = default_font_path();
    sf::Font font;
    if (!font.loadFromFile(path.string()))
        throw DataError(SourceLocation{path.string()}, "cannot read the map font (not a TrueType file?)");
    return font;
}

}  // namespace frontline::render
