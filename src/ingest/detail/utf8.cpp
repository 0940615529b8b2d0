#include "ingest/detail/utf8.hpp"

namespace frontline::ingest::detail {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Length of the well-formed sequence starting at `bytes[at]`, or of its maximal invalid subpart
/// as a negative number. Ranges per Unicode 15 Table 3-7.
long sequence_length(std::string_view bytes, std::size_t at) {
    const auto lead = static_cast<unsigned char>(bytes[at]);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) second_min = 0xA0;  // overlong
        if (lead == 0xED) second_max = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) second_min = 0x90;  // overlong
        if (lead == 0xF4) second_max = 0x8F;  // past U+10FFFF
    } else {
        return -1;
    }
    std::size_t valid = 1;
    for (; valid < length && at + valid < bytes.size(); ++valid) {
        const auto byte = static_cast<unsigned char>(bytes[at + valid]);
        const unsigned char min = valid == 1 ? second_min : 0x80;
        const unsigned char max = valid == 1 ? second_max : 0xBF;
        if (byte < min || byte > max) break;
    }
    const auto signed_valid = static_cast<long>(valid);
    return valid == length ? signed_valid : -signed_valid;
}

}  // namespace

RepairedUtf8 repair_utf8(std::string_view bytes) {
    RepairedUtf8 result;
    result.text.reserve(bytes.size());
    // Valid stretches are copied whole when an invalid sequence or the end is reached: nearly
    // every article is valid throughout, and most of its bytes are ASCII.
    std::size_t valid_from = 0;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) < 0x80) {
            ++at;
            continue;
        }
        const long length = sequence_length(bytes, at);
        if (length > 0) {
            at += static_cast<std::size_t>(length);
            continue;
        }
        result.text.append(bytes.substr(valid_from, at - valid_from));
        if (result.replaced++ == 0) result.first_invalid = at;
        result.text.append(replacement_character);
        at += static_cast<std::size_t>(-length);
        valid_from = at;
    }
    result.text.append(bytes.substr(valid_from));
    return result;
}

}  // namespace frontline::ingest::detail
