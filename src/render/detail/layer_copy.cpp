#include "render/detail/layer_copy.hpp"

#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Texture.hpp>
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
    using TexSubImage2D = void (*)(GLenum, GLint, GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, const void*);
    using PixelStorei = void (*)(GLenum, GLint);
    using Flush = void (*)();
    using ReadPixels = void (*)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, void*);

    GetIntegerv get_integer = nullptr;
    BindFramebuffer bind_framebuffer = nullptr;
    BlitFramebuffer blit_framebuffer = nullptr;
    TexSubImage2D tex_sub_image = nullptr;
    PixelStorei pixel_store = nullptr;
    Flush flush = nullptr;
    ReadPixels read_pixels = nullptr;

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
        found.tex_sub_image =
            reinterpret_cast<BlitFunctions::TexSubImage2D>(sf::Context::getFunction("glTexSubImage2D"));
        found.pixel_store = reinterpret_cast<BlitFunctions::PixelStorei>(sf::Context::getFunction("glPixelStorei"));
        found.flush = reinterpret_cast<BlitFunctions::Flush>(sf::Context::getFunction("glFlush"));
        found.read_pixels = reinterpret_cast<BlitFunctions::ReadPixels>(sf::Context::getFunction("glReadPixels"));
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

void upload_canvas(const Canvas& canvas, sf::Texture& staging, sf::RenderTarget& target, const sf::IntRect& region) {
    const BlitFunctions& gl = blit_functions();
    const sf::Vector2u size = canvas.size();
    sf::IntRect cut;
    if (target.getSize() != size ||
        !region.intersects(sf::IntRect(0, 0, static_cast<int>(size.x), static_cast<int>(size.y)), cut))
        return;
    // The canvas' rows from the bottom: the region's lowest row is this many up.
    const int from_bottom = static_cast<int>(size.y) - (cut.top + cut.height);
    auto* texture_target = dynamic_cast<sf::RenderTexture*>(&target);
    if (texture_target != nullptr && gl.available() && gl.tex_sub_image != nullptr && gl.pixel_store != nullptr &&
        target.setActive(true)) {
        GLint samples = 0;
        gl.get_integer(gl_sample_buffers, &samples);
        // With framebuffer objects (a blit needs them) a render texture draws into its texture
        // itself, bottom row first, as the canvas keeps its rows; a multisampled one would
        // overwrite it when resolved.
        if (samples == 0) {
            sf::Texture::bind(&texture_target->getTexture());
            gl.pixel_store(GL_UNPACK_ROW_LENGTH, static_cast<GLint>(size.x));
            const std::size_t first = (static_cast<std::size_t>(from_bottom) * size.x + static_cast<std::size_t>(cut.left)) * 4;
            gl.tex_sub_image(GL_TEXTURE_2D, 0, cut.left, from_bottom, cut.width, cut.height, GL_RGBA, GL_UNSIGNED_BYTE,
                             canvas.data() + first);
            gl.pixel_store(GL_UNPACK_ROW_LENGTH, 0);
            sf::Texture::bind(nullptr);
            target.resetGLStates();  // SFML would otherwise take the texture it last bound as still bound
            return;
        }
    }
    if (staging.getSize() != size && !staging.create(size.x, size.y)) return;
    staging.update(canvas.data());
    // The staging texture holds the rows bottom first too: drawn upside down.
    sf::Sprite sprite(staging, sf::IntRect(cut.left, from_bottom, cut.width, cut.height));
    sprite.setScale(1.0F, -1.0F);
    sprite.setPosition(static_cast<float>(cut.left), static_cast<float>(cut.top + cut.height));
    const sf::View view = target.getView();
    target.setView(target.getDefaultView());
    target.draw(sprite, sf::RenderStates(sf::BlendNone));
    target.setView(view);
}

void read_layer(sf::RenderTexture& source, Canvas& canvas) {
    const BlitFunctions& gl = blit_functions();
    const sf::Vector2u size = source.getSize();
    // With framebuffer objects (a blit needs them) a render texture's own framebuffer holds its
    // pixels; a multisampled one holds its samples, which only `display` resolves.
    if (gl.available() && gl.read_pixels != nullptr && gl.pixel_store != nullptr && source.setActive(true)) {
        GLint samples = 0;
        gl.get_integer(gl_sample_buffers, &samples);
        if (samples == 0 && bound_framebuffer(gl) != 0) {
            gl.pixel_store(GL_PACK_ALIGNMENT, 4);
            gl.read_pixels(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), GL_RGBA, GL_UNSIGNED_BYTE,
                           canvas.rows_to_fill(size));
            return;
        }
    }
    canvas.assign(source.getTexture().copyToImage());
}

void start_rasterising(sf::RenderTarget& target) {
    const BlitFunctions& gl = blit_functions();
    if (gl.flush != nullptr && target.setActive(true)) gl.flush();
}

}  // namespace frontline::render::detail
