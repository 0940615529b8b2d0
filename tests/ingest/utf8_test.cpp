#include <gtest/gtest.h>

#include "ingest/detail/utf8.hpp"

namespace frontline::ingest::detail {
namespace {

constexpr std::string_view fffd = "\xEF\xBF\xBD";

TEST(RepairUtf8, KeepsValidTextAsItIs) {
    const std::string text = "Kobanî — Ayn al-Arab, عين العرب, 🇸🇾";
    const auto repaired = repair_utf8(text);
    EXPECT_EQ(repaired.text, text);
    EXPECT_EQ(repaired.replaced, 0u);
}

TEST(RepairUtf8, ReplacesEachMaximalInvalidSubpartOnce) {
    struct Case {
        std::string_view input;
        std::string expected;
        std::size_t replaced;
        std::size_t first_invalid;
    };
    const std::string r(fffd);
    const Case cases[] = {
        {"caf\xE9 ok", "caf" + r + " ok", 1, 3},    // Latin-1 byte
        {"a\x80\x80z", "a" + r + r + "z", 2, 1},    // stray continuation bytes
        {"a\xE2\x80z", "a" + r + "z", 1, 1},        // truncated 3-byte sequence
        {"\xC0\xAF", r + r, 2, 0},                  // overlong "/"
        {"\xED\xA0\x80", r + r + r, 3, 0},          // UTF-16 surrogate
        {"\xF4\x90\x80\x80", r + r + r + r, 4, 0},  // past U+10FFFF
        {"end\xF0\x9F\x87", "end" + r, 1, 3},       // cut at the end of the input
        {"\xFF\xFE", r + r, 2, 0},                  // never valid in UTF-8
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(testing::PrintToString(std::string(c.input)));
        const auto repaired = repair_utf8(c.input);
        EXPECT_EQ(repaired.text, c.expected);
        EXPECT_EQ(repaired.replaced, c.replaced);
        EXPECT_EQ(repaired.first_invalid, c.first_invalid);
    }
}

TEST(RepairUtf8, KeepsNulBytesWhichAreValidUtf8) {
    const std::string text("a\0b", 3);
    EXPECT_EQ(repair_utf8(text).text, text);
}

}  // namespace
}  // namespace frontline::ingest::detail
