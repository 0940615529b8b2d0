#include "render/detail/layer_copy.hpp"

#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

namespace frontline::render::detail {

namespace {

// From glext.h (OpenGL 3.0 / ARB_framebuffer_object), which SFML's headers do not pull in.
constexpr GLenum gl_framebuffer = 0x8D40;
constexpr GLenum gl_read_framebuffer = 0x8CA8;
constexpr GLenum gl_draw_framebuffer = 0x8CA9;
constexpr GLenum gl_framebuffer_binding = 0x8CA6;
constexpr GLenum gl_sample_buffers = 0x80A8;

/// The entry points a blit needs, looked up through SFML so that this library does not link
/// libGL itself; null where the driver lacks them.
struct BlitFunctions {
    using GetIntegerv = void (*)(GLenum, GLint*);
    using BindFramebuffer = void (*)(GLenum, GLuint);
    using BlitFramebuffer = void (*)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLbitfield, GLenum);

    GetIntegerv get_integer = nullptr;
    BindFramebuffer bind_framebuffer = nullptr;
    BlitFramebuffer blit_framebuffer = nullptr;

    [[nodiscard]] bool available() const {
        return get_integer != nullptr && bind_framebuffer != nullptr && blit_framebuffer != nullptr;
    }
};

const BlitFunctions& blit_functions() {
    static const BlitFunctions functions = [] {
        BlitFunctions found;
        found.get_integer = reinterpret_cast<BlitFunctions::GetIntegerv>(sf::Context::getFunction("glGetIntegerv"));
        found.bind_framebuffer =
            reinterpret_cast<BlitFunctions::BindFramebuffer>(sf::Context::getFunction("glBindFramebuffer"));
        found.blit_framebuffer =
            reinterpret_cast<BlitFunctions::BlitFramebuffer>(sf::Context::getFunction("glBlitFramebuffer"));
        return found;
    }();
    return functions;
}

/// The framebuffer `target` draws into in the current context, bound by making it active.
GLint bound_framebuffer(const BlitFunctions& gl) {
    GLint framebuffer = 0;
    gl.get_integer(gl_framebuffer_binding, &framebuffer);
    return framebuffer;
}

}  // namespace

void copy_layer(sf::RenderTexture& source, sf::RenderTarget& target) {
    const BlitFunctions& gl = blit_functions();
    const sf::Vector2u size = target.getSize();
    if (gl.available() && source.getSize() == size && target.setActive(true)) {
        const GLint target_framebuffer = bound_framebuffer(gl);
        GLint samples = 0;
        gl.get_integer(gl_sample_buffers, &samples);
        // A blit cannot write into a multisampled framebuffer.
        if (samples == 0 && source.setActive(true)) {
            // The source's framebuffer in the target's context (SFML keeps one per context).
            const GLint source_framebuffer = bound_framebuffer(gl);
            (void)target.setActive(true);
            gl.bind_framebuffer(gl_read_framebuffer, static_cast<GLuint>(source_framebuffer));
            gl.bind_framebuffer(gl_draw_framebuffer, static_cast<GLuint>(target_framebuffer));
            const auto width = static_cast<GLint>(size.x);
            const auto height = static_cast<GLint>(size.y);
            gl.blit_framebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
            gl.bind_framebuffer(gl_framebuffer, static_cast<GLuint>(target_framebuffer));
            return;
        }
        (void)target.setActive(true);
    }
    const sf::View view = target.getView();
    target.setView(target.getDefaultView());
    target.draw(sf::Sprite(source.getTexture()), sf::RenderStates(sf::BlendNone));
    target.setView(view);
}

}  // namespace frontline::render::detail
