#include "render/offscreen.hpp"

#include <memory>
#include <string>
#include <system_error>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "render/detail/display.hpp"
#include "render/fonts.hpp"
#include "render/renderer.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

namespace {

/// Multisampling for smooth glyph edges; the drawing does not depend on it.
constexpr unsigned antialiasing_level = 4;

/// Removes a file when it goes out of scope unless released: the PNG written beside the target.
class FileRemover {
public:
    explicit FileRemover(std::filesystem::path path) : path_(std::move(path)) {}
    FileRemover(const FileRemover&) = delete;
    FileRemover& operator=(const FileRemover&) = delete;
    ~FileRemover() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }

private:
    std::filesystem::path path_;
};

}  // namespace

struct OffscreenRenderer::Impl {
    sf::Font font;
    // Made only once a display is known to exist: any SFML GL resource opens one, and aborts
    // the process without it.
    std::unique_ptr<sf::RenderTexture> texture;
    std::unique_ptr<sf::Shader> hatch;
};

OffscreenRenderer::OffscreenRenderer(unsigned width, unsigned height, const std::filesystem::path& output)
    : impl_(std::make_unique<Impl>()) {
    const SourceLocation where{output.string()};
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    if (width == 0 || height == 0) throw OutputError(where, "cannot render an empty " + size + " image");
    impl_->font = load_default_font();  // before any GL work: a missing font is the likelier fault
    detail::require_display("render off-screen");
    impl_->texture = std::make_unique<sf::RenderTexture>();
    sf::ContextSettings settings;
    settings.antialiasingLevel = antialiasing_level;
    if (width > sf::Texture::getMaximumSize() || height > sf::Texture::getMaximumSize())
        throw OutputError(where, "cannot render " + size + ": the GPU allows at most " +
                                     std::to_string(sf::Texture::getMaximumSize()) + " pixels a side");
    if (!impl_->texture->create(width, height, settings) && !impl_->texture->create(width, height))
        throw OutputError(where, "cannot create a " + size +
                                     " off-screen surface (no OpenGL context: "
                                     "run under an X display or xvfb-run)");
    impl_->hatch = load_hatch_shader();
}

OffscreenRenderer::~OffscreenRenderer() = default;

void OffscreenRenderer::write_png(const Scene& scene, const std::filesystem::path& out) {
    AtomicFile file(out);
    write_png(scene, file);
}

void OffscreenRenderer::write_png(const Scene& scene, AtomicFile& file) {
    const SourceLocation where{file.target().string()};
    // Drawn whole, straight onto the multisampled surface (the viewer's kept picture is not).
    draw(*impl_->texture, scene, impl_->font, impl_->hatch.get());
    impl_->texture->display();
    const sf::Image image = impl_->texture->getTexture().copyToImage();
    // SFML picks the format by the extension, which the temporary name keeps: only another
    // extension than .png needs a .png written beside it and moved into the temporary's place.
    if (file.temp_path().extension() == ".png") {
        if (!image.saveToFile(file.temp_path().string())) throw OutputError(where, "cannot write the PNG (disk full?)");
    } else {
        const std::filesystem::path png = file.temp_path().string() + ".png";
        const FileRemover remove_png_on_failure(png);
        if (!image.saveToFile(png.string())) throw OutputError(where, "cannot write the PNG (disk full?)");
        std::error_code ec;
        std::filesystem::rename(png, file.temp_path(), ec);
        if (ec) throw OutputError(where, "cannot move the rendered PNG into place: " + ec.message());
    }
    file.commit();
}

void render_png(const Scene& scene, unsigned width, unsigned height, const std::filesystem::path& out) {
    // The output's folder is checked before any GL work, which a failure would leave half done.
    AtomicFile file(out);
    OffscreenRenderer renderer(width, height, out);
    renderer.write_png(scene, file);
}

}  // namespace frontline::render
