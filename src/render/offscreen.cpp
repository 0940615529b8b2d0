#include "render/offscreen.hpp"

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

void render_png(const Scene& scene, unsigned width, unsigned height, const std::filesystem::path& out) {
    const SourceLocation where{out.string()};
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    if (width == 0 || height == 0) throw OutputError(where, "cannot render an empty " + size + " image");
    const sf::Font font = load_default_font();  // before any GL work: a missing font is the likelier fault
    AtomicFile file(out);
    detail::require_display("render off-screen");

    sf::RenderTexture texture;
    sf::ContextSettings settings;
    settings.antialiasingLevel = antialiasing_level;
    if (width > sf::Texture::getMaximumSize() || height > sf::Texture::getMaximumSize())
        throw OutputError(where, "cannot render " + size + ": the GPU allows at most " +
                                     std::to_string(sf::Texture::getMaximumSize()) + " pixels a side");
    if (!texture.create(width, height, settings) && !texture.create(width, height))
        throw OutputError(where, "cannot create a " + size +
                                     " off-screen surface (no OpenGL context: "
                                     "run under an X display or xvfb-run)");
    const auto hatch = load_hatch_shader();
    draw(texture, scene, font, hatch.get());
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();

    // SFML picks the format from the extension, which AtomicFile's temporary name lacks: write a
    // .png beside it, then move it into the temporary's place for the atomic commit.
    const std::filesystem::path png = file.temp_path().string() + ".png";
    const FileRemover remove_png_on_failure(png);
    if (!image.saveToFile(png.string())) throw OutputError(where, "cannot write the PNG (disk full?)");
    std::error_code ec;
    std::filesystem::rename(png, file.temp_path(), ec);
    if (ec) throw OutputError(where, "cannot move the rendered PNG into place: " + ec.message());
    file.commit();
}

}  // namespace frontline::render
