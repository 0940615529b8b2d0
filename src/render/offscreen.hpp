#pragma once

#include <filesystem>
#include <memory>

#include "common/atomic_file.hpp"
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

/// Renders one scene after another into PNGs of one size, keeping the off-screen surface, the
/// font, the shader and the renderer's caches between them (a timeline's frames).
class OffscreenRenderer {
public:
    /// `output` names the first output in error messages.
    /// @throws as `render_png` does, before anything is written.
    OffscreenRenderer(unsigned width, unsigned height, const std::filesystem::path& output);
    OffscreenRenderer(const OffscreenRenderer&) = delete;
    OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;
    ~OffscreenRenderer();

    /// Writes `scene` as a PNG to `out`, atomically. @throws OutputError when it cannot be written.
    void write_png(const Scene& scene, const std::filesystem::path& out);

private:
    friend void render_png(const Scene&, unsigned, unsigned, const std::filesystem::path&);
    void write_png(const Scene& scene, AtomicFile& file);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::render
