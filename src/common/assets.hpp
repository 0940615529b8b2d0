#pragma once

#include <filesystem>

namespace frontline {

/// The folder holding `assets/`, `geodata/` and `shaders/`: `$FRONTLINE_DATA` when set, else the
/// installed data folder, else the source tree the binary was built from.
/// @throws DataError when none of them holds `assets/lexicon`.
[[nodiscard]] std::filesystem::path data_root();

}  // namespace frontline
