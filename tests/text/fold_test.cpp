#include "text/fold.hpp"

#include <gtest/gtest.h>

#include <string>

namespace frontline {
namespace {

struct FoldCase {
    const char* input;
    const char* folded;
};

void PrintTo(const FoldCase& c, std::ostream* os) { *os << '"' << c.input << "\" -> \"" << c.folded << '"'; }

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, GivesTheComparisonForm) { EXPECT_EQ(fold(GetParam().input), GetParam().folded) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(Spellings, FoldTest,
                         ::testing::Values(FoldCase{"Kobani", "kobani"},        // ASCII fast path
                                           FoldCase{"KOBANI", "kobani"},        // upper case
                                           FoldCase{"Kobanî", "kobani"},        // i with circumflex
                                           FoldCase{"Kobanê", "kobane"},        // e with circumflex
                                           FoldCase{"KOBANÊ", "kobane"},        // upper case with diacritic
                                           FoldCase{"Mürşitpınar", "mursitpinar"},  // u umlaut, s cedilla, dotless i
                                           FoldCase{"Diyarbakır", "diyarbakir"},
                                           FoldCase{"ŞANLIURFA", "sanliurfa"},
                                           FoldCase{"İstanbul", "istanbul"},    // dotted capital I
                                           FoldCase{"Debal’tseve", "debal'tseve"},  // typographic apostrophe
                                           FoldCase{"Ayn al–Arab", "ayn al-arab"},  // en dash
                                           FoldCase{"Ayn al-Arab", "ayn al-arab"},
                                           FoldCase{"", ""}));

TEST(FoldTest, SpellingsOfOneTownMeet) {
    EXPECT_EQ(fold("Kobanî"), fold("KOBANI"));
    EXPECT_EQ(fold("Kobanê"), fold("kobane"));
    EXPECT_EQ(fold("Ayn al‑Arab"), fold("ayn al-arab")) << "non-breaking hyphen U+2011";
}

TEST(FoldTest, TransliteratesOtherScriptsToAsciiLatin) {
    for (const char* name : {"Дебальцеве", "Донецк", "كوباني"}) {
        const std::string folded = fold(name);
        EXPECT_FALSE(folded.empty()) << name;
        for (const char c : folded) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << name << " -> " << folded;
    }
    EXPECT_EQ(fold("Донецк").substr(0, 3), "don");
}

TEST(FoldTest, GivesTheSameAnswerWhenAskedAgainAndAfterManyOtherWords) {
    // Non-ASCII words are remembered per thread and the memory is emptied when full: answers
    // must not depend on what was folded before.
    const std::string first = fold("Kobanê");
    EXPECT_EQ(fold("Kobanê"), first);
    for (int i = 0; i < 5000; ++i) ASSERT_EQ(fold("Şehir" + std::to_string(i)), "sehir" + std::to_string(i)) << i;
    EXPECT_EQ(fold("Kobanê"), "kobane");
    EXPECT_EQ(fold("“"), fold("“"));
}

TEST(FoldTest, IsIdempotent) {
    for (const char* name : {"Kobanî", "Mürşitpınar", "Ayn al–Arab", "Debal’tseve"}) {
        const std::string once = fold(name);
        EXPECT_EQ(fold(once), once) << name;
    }
}

TEST(CodePointCountTest, CountsCodePointsNotBytes) {
    EXPECT_EQ(code_point_count(""), 0U);
    EXPECT_EQ(code_point_count("Kobani"), 6U);
    EXPECT_EQ(code_point_count("Kobanî"), 6U);         // î is two bytes
    EXPECT_EQ(std::string("Kobanî").size(), 7U);
    EXPECT_EQ(code_point_count("Mürşitpınar"), 11U);   // three two-byte letters
    EXPECT_EQ(code_point_count("—"), 1U);              // three bytes
    EXPECT_EQ(code_point_count("😀"), 1U);             // four bytes
}

}  // namespace
}  // namespace frontline
