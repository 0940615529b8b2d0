#include "text/utf8.hpp"

#include <unicode/utf8.h>

namespace frontline {

std::pair<std::int32_t, std::size_t> decode_utf8_at(std::string_view text, std::size_t at) {
    auto i = static_cast<int32_t>(at);
    UChar32 c = 0;
    // ICU's decoding macro converts between byte types internally; its casts are deliberate.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wuseless-cast"
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
#pragma GCC diagnostic pop
    return {c < 0 ? 0xFFFD : c, static_cast<std::size_t>(i)};
}

}  // namespace frontline
