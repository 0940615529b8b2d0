#include "text/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace frontline {
namespace {

/// The surface text of every token, cut from `text` by its offsets.
std::vector<std::string> surfaces(std::string_view text, const std::vector<Token>& tokens, std::size_t base = 0) {
    std::vector<std::string> out;
    for (const Token& t : tokens) {
        EXPECT_LE(t.begin, t.end);
        EXPECT_LE(t.end - base, text.size());
        out.emplace_back(text.substr(t.begin - base, t.end - t.begin));
    }
    return out;
}

using Words = std::vector<std::string>;

struct TokenCase {
    const char* text;
    Words tokens;
};

void PrintTo(const TokenCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class TokenizeTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenizeTest, SplitsAsExpected) {
    const std::string_view text = GetParam().text;
    EXPECT_EQ(surfaces(text, tokenize(text)), GetParam().tokens) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TokenizeTest,
    ::testing::Values(TokenCase{"U.S. forces", {"U.S.", "forces"}},
                      TokenCase{"the U.N. envoy", {"the", "U.N.", "envoy"}},
                      TokenCase{"People's Protection Units", {"People", "'s", "Protection", "Units"}},
                      TokenCase{"Turkey’s border", {"Turkey", "’s", "border"}},  // typographic apostrophe
                      TokenCase{"Ayn al-Arab", {"Ayn", "al", "-", "Arab"}},
                      TokenCase{"45,000 refugees", {"45,000", "refugees"}},
                      TokenCase{"1.3 million", {"1.3", "million"}},
                      TokenCase{"fled, they said.", {"fled", ",", "they", "said", "."}},
                      TokenCase{"\"bloodbath\"", {"\"", "bloodbath", "\""}},
                      TokenCase{"Kobanê fell", {"Kobanê", "fell"}},
                      TokenCase{"Mürşitpınar crossing", {"Mürşitpınar", "crossing"}},
                      TokenCase{"  spaced\tout\n", {"spaced", "out"}},
                      TokenCase{"", {}}));

TEST(TokenizeTest, NumbersAreNumberTokens) {
    const std::string_view text = "45,000 fled and 1.3 million stayed";
    const auto tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 6U);
    EXPECT_EQ(tokens[0].kind, TokenKind::number);
    EXPECT_EQ(tokens[1].kind, TokenKind::word);
    EXPECT_EQ(tokens[3].kind, TokenKind::number);
    EXPECT_EQ(tokens[4].kind, TokenKind::word);
}

TEST(TokenizeTest, PunctuationIsPunctuation) {
    const auto tokens = tokenize("al-Arab.");
    ASSERT_EQ(tokens.size(), 4U);
    EXPECT_EQ(tokens[1].kind, TokenKind::punctuation);
    EXPECT_EQ(tokens[3].kind, TokenKind::punctuation);
}

TEST(TokenizeTest, OffsetsAreBytesPastMultiByteLetters) {
    // "Kobanê" is 7 bytes (ê is two), "Mürşitpınar" 14 (three two-byte letters).
    const std::string_view text = "Kobanê and Mürşitpınar";
    const auto tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 3U);
    EXPECT_EQ(tokens[0].begin, 0U);
    EXPECT_EQ(tokens[0].end, 7U);
    EXPECT_EQ(tokens[1].begin, 8U);
    EXPECT_EQ(tokens[1].end, 11U);
    EXPECT_EQ(tokens[2].begin, 12U);
    EXPECT_EQ(tokens[2].end, 26U);
    EXPECT_EQ(tokens[2].end, text.size());
}

TEST(TokenizeTest, OffsetsAreRelativeToTheBase) {
    const std::string prefix = "Title line\n\n";
    const std::string body = "Kobanê fell.";
    const std::string text = prefix + body;
    const auto tokens = tokenize(body, prefix.size());
    ASSERT_EQ(tokens.size(), 3U);
    EXPECT_EQ(tokens[0].begin, prefix.size());
    EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Kobanê");
    EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "fell");
    EXPECT_EQ(tokens[2].end, text.size());
}

TEST(TokenizeTest, TokensCarryTheirFoldedForm) {
    const auto tokens = tokenize("KOBANÊ Mürşitpınar U.S.");
    ASSERT_EQ(tokens.size(), 3U);
    EXPECT_EQ(tokens[0].folded, "kobane");
    EXPECT_EQ(tokens[1].folded, "mursitpinar");
    EXPECT_EQ(tokens[2].folded, "u.s.");
}

TEST(TokenizeTest, RecordsCapitalisationForTheLexiconsCaseRules) {
    const auto tokens = tokenize("IS is Islamic U.S. ÇARŞI");
    ASSERT_EQ(tokens.size(), 5U);
    EXPECT_TRUE(tokens[0].all_caps);
    EXPECT_TRUE(tokens[0].capitalized);
    EXPECT_FALSE(tokens[1].all_caps);
    EXPECT_FALSE(tokens[1].capitalized);
    EXPECT_TRUE(tokens[2].capitalized);
    EXPECT_FALSE(tokens[2].all_caps);
    EXPECT_TRUE(tokens[3].all_caps);
    EXPECT_TRUE(tokens[4].all_caps) << "non-ASCII capitals";
}

}  // namespace
}  // namespace frontline
