#pragma once

#include <filesystem>

#include <SFML/Graphics/Font.hpp>

namespace frontline::render {

/// The font maps and panels are set in, DejaVu Sans: `data_root()/assets/fonts/DejaVuSans.ttf`
/// when Frontline ships its own copy, else Debian's fonts-dejavu-core.
/// @throws DataError when neither file exists (install fonts-dejavu-core).
[[nodiscard]] std::filesystem::path default_font_path();

/// The font at `default_font_path()`, loaded.
/// @throws DataError when it is missing or SFML cannot read it.
[[nodiscard]] sf::Font load_default_font();

}  // namespace frontline::render
