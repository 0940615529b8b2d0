#include "render/detail/display.hpp"

#include <cstdlib>
#include <string>

#include "common/error.hpp"

namespace frontline::render::detail {

void require_display(const char* purpose) {
    if (const char* display = std::getenv("DISPLAY"); display && *display) return;
    throw OutputError(std::string("cannot ") + purpose +
                      ": no X display (DISPLAY is not set); run under a desktop session or `xvfb-run -a`");
}

}  // namespace frontline::render::detail
