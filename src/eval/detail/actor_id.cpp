#include "eval/detail/actor_id.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace frontline::eval::detail {

std::string normalize_actor_id(std::string_view utf8) {
    std::string out;
    bool pending_separator = false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t at = 0; at < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, at, length, c);
        // Python's str.isalnum() and str.upper(); ICU's simple case mapping differs from Python's
        // only for letters such as "ß" that no actor id contains.
        if (c < 0 || !u_isalnum(c)) {
            pending_separator = !out.empty();
            continue;
        }
        if (pending_separator) out += '_';
        pending_separator = false;
        // u_toupper maps a code point to a code point, which always fits U8_MAX_LENGTH bytes.
        const auto upper = static_cast<uint32_t>(u_toupper(c));
        uint8_t encoded[U8_MAX_LENGTH];
        int32_t used = 0;
        U8_APPEND_UNSAFE(encoded, used, upper);
        out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(used));
    }
    return out;
}

}  // namespace frontline::eval::detail
