#include "render/shaders.hpp"

#include "common/assets.hpp"
#include "common/error.hpp"

namespace frontline::render {

namespace {
/// Width of one hatch stripe and its gap, in pixels.
constexpr float stripe_px = 9.0F;
}  // namespace

std::unique_ptr<sf::Shader> load_hatch_shader() {
    if (!sf::Shader::isAvailable()) return nullptr;
    std::filesystem::path file;
    try {
        file = data_root() / "shaders" / "hatch.frag";
    } catch (const DataError&) {
        return nullptr;  // no data folder: the plain fill is still a correct map
    }
    auto shader = std::make_unique<sf::Shader>();
    if (!shader->loadFromFile(file.string(), sf::Shader::Fragment)) return nullptr;
    shader->setUniform("stripe_px", stripe_px);
    return shader;
}

}  // namespace frontline::render
