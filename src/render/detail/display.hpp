#pragma once

namespace frontline::render::detail {

/// SFML opens the X display for any window or OpenGL context and calls abort() when it cannot;
/// checking first turns that into an exception with a useful message.
/// @throws OutputError when DISPLAY is unset or empty.
void require_display(const char* purpose);

}  // namespace frontline::render::detail
