#pragma once

#include <memory>

#include <SFML/Graphics/Shader.hpp>

namespace frontline::render {

/// The fragment shader that hatches claimed ground (`shaders/hatch.frag` under `data_root()`),
/// or null when the OpenGL driver has no shaders or the file cannot be compiled: the renderer
/// then fills that ground plainly. Needs an OpenGL context (an X display).
[[nodiscard]] std::unique_ptr<sf::Shader> load_hatch_shader();

}  // namespace frontline::render
