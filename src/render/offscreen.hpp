#pragma once

#include <filesystem>

#include "render/scene.hpp"

namespace frontline::render {

/// Renders `scene` into a `width` × `height` PNG at `out` (see `draw`; the view is reframed to
/// that size, the text set in `load_default_font()`). The file is written in full or not at all:
/// an existing `out` stays untouched on failure. The format is PNG whatever `out`'s extension.
/// Needs an OpenGL context, hence an X display (Xvfb on a server).
/// @throws OutputError when the size is zero or above the GPU's texture limit, there is no X
///         display, no off-screen surface can be made, or the file cannot be written.
/// @throws DataError when the font is missing.
void render_png(const Scene& scene, unsigned width, unsigned height, const std::filesystem::path& out);

}  // namespace frontline::render
