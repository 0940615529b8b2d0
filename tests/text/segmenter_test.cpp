#include "text/segmenter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_article.hpp"

namespace frontline {
namespace {

using testing_support::make_article;

std::vector<std::string> sentence_texts(const Article& article, const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const Sentence& s : sentences) out.emplace_back(s.text(article));
    return out;
}

using Texts = std::vector<std::string>;

TEST(SegmentTest, SplitsEveryParagraphIntoSentences) {
    const Article article = make_article("Kurds hold Kobani", {"Fighting went on. The town held.", "Aid arrived on Monday."},
                                         Date(2014, 10, 9));
    const auto sentences = segment(article);
    EXPECT_EQ(sentence_texts(article, sentences),
              (Texts{"Kurds hold Kobani", "Fighting went on.", "The town held.", "Aid arrived on Monday."}));
    ASSERT_EQ(sentences.size(), 4U);
    EXPECT_EQ(sentences[0].paragraph, 0U);
    EXPECT_EQ(sentences[1].paragraph, 1U);
    EXPECT_EQ(sentences[2].paragraph, 1U);
    EXPECT_EQ(sentences[3].paragraph, 2U);
    for (std::size_t i = 0; i < sentences.size(); ++i) EXPECT_EQ(sentences[i].index, i);
}

TEST(SegmentTest, OneSentenceParagraphsAndTheTerminalsOfOtherScripts) {
    // A paragraph with no terminal before its last one is one sentence without asking ICU; a
    // terminal anywhere else, of any script, leaves the decision to ICU's rules.
    const Article article = make_article(
        "Kobanê holds",
        {"Kurds said the town \u201cstill stands.\u201d", "Shelling went on (all night).", "Rebels left the town\u3002 Kurds returned.",
         "Is it over\uFF1F They said no", "Is it over?! Nobody knows.", "Fighters held the hill 'for now.') "},
        Date(2014, 10, 9));
    EXPECT_EQ(sentence_texts(article, segment(article)),
              (Texts{"Kobanê holds", "Kurds said the town \u201cstill stands.\u201d", "Shelling went on (all night).",
                     "Rebels left the town\u3002", "Kurds returned.", "Is it over\uFF1F", "They said no", "Is it over?!",
                     "Nobody knows.", "Fighters held the hill 'for now.')"}));
}

TEST(SegmentTest, NeverCrossesAParagraphBoundary) {
    // A paragraph with no final full stop (a headline, a caption) still ends its sentence.
    const Article article = make_article("Headline without a stop", {"Caption without a stop", "Body."}, Date(2014, 10, 9));
    EXPECT_EQ(sentence_texts(article, segment(article)), (Texts{"Headline without a stop", "Caption without a stop", "Body."}));
}

struct NoSplitCase {
    const char* sentence;
};

void PrintTo(const NoSplitCase& c, std::ostream* os) { *os << '"' << c.sentence << '"'; }

class AbbreviationTest : public ::testing::TestWithParam<NoSplitCase> {};

TEST_P(AbbreviationTest, DoesNotEndTheSentence) {
    const Article article = make_article("Title", {GetParam().sentence}, Date(2014, 10, 9));
    const auto sentences = segment(article);
    ASSERT_EQ(sentences.size(), 2U) << "\n" << ::testing::PrintToString(sentence_texts(article, sentences));
    EXPECT_EQ(sentences[1].text(article), GetParam().sentence);
}

INSTANTIATE_TEST_SUITE_P(NewsAbbreviations, AbbreviationTest,
                         ::testing::Values(NoSplitCase{"The town fell on Oct. 8 after a long siege."},
                                           NoSplitCase{"U.S. forces struck the town overnight."},
                                           NoSplitCase{"Aircraft of the U.S. struck the hill."},
                                           NoSplitCase{"The strikes began in Sept. and went on."},
                                           NoSplitCase{"Gen. Lloyd Austin said the town could fall."},
                                           NoSplitCase{"Mr. Kerry spoke to Turkish officials."}));

TEST(SegmentTest, ReadsAHugeRunOnSentenceInClauseSizedPieces) {
    // Scraped text without full stops: 6,000 words in one "sentence", with a comma now and then.
    std::string run;
    for (int k = 0; k < 6000; ++k) run += (k % 37 == 36) ? "word, " : "word ";
    run += "end.";
    const Article article = make_article("Run-on", {run}, std::nullopt);
    const std::vector<Sentence> sentences = segment(article);
    std::size_t words = 0;
    std::size_t previous_end = 0;
    for (const Sentence& s : sentences) {
        if (s.paragraph == 0) continue;  // the title
        EXPECT_LE(s.tokens.size(), 160U);
        EXPECT_GE(s.begin, previous_end);  // in order, no overlap
        previous_end = s.end;
        for (const Token& t : s.tokens) words += t.kind == TokenKind::word ? 1 : 0;
    }
    EXPECT_EQ(words, 6001U);  // nothing lost between the pieces
}

TEST(SegmentTest, SplitsAfterAnInitialismThatEndsTheSentence) {
    const Article article = make_article("Title", {"The strikes were led by the U.S. The Kurds held the town."}, Date(2014, 10, 9));
    const Texts got = sentence_texts(article, segment(article));
    const Texts expected{"Title", "The strikes were led by the U.S.", "The Kurds held the town."};
    EXPECT_EQ(got, expected);
}

TEST(SegmentTest, OffsetsAreBytesIntoTheArticle) {
    const Article article = make_article("Kobanê holds", {"Kurds in Kobanê fought on. Mürşitpınar stayed open."}, Date(2014, 10, 9));
    const auto sentences = segment(article);
    ASSERT_EQ(sentences.size(), 3U);
    const std::size_t body = article.paragraphs[1].begin;
    EXPECT_EQ(sentences[0].begin, 0U);
    EXPECT_EQ(sentences[0].end, std::string("Kobanê holds").size());
    EXPECT_EQ(sentences[1].begin, body);
    EXPECT_EQ(sentences[1].text(article), "Kurds in Kobanê fought on.");
    EXPECT_EQ(sentences[2].text(article), "Mürşitpınar stayed open.");
    EXPECT_EQ(sentences[2].end, article.paragraphs[1].end);
}

TEST(SegmentTest, TokensPointIntoTheArticleText) {
    const Article article = make_article("Title", {"Kurds in Kobanê fought on. Mürşitpınar stayed open."}, Date(2014, 10, 9));
    for (const Sentence& s : segment(article)) {
        ASSERT_FALSE(s.tokens.empty());
        EXPECT_EQ(s.tokens.front().begin, s.begin);
        EXPECT_LE(s.tokens.back().end, s.end);
        for (const Token& t : s.tokens) {
            EXPECT_GE(t.begin, s.begin);
            EXPECT_LE(t.end, s.end);
        }
    }
    const auto sentences = segment(article);
    ASSERT_EQ(sentences.size(), 3U);
    const Token& kobane = sentences[1].tokens.at(2);
    EXPECT_EQ(article.text.substr(kobane.begin, kobane.end - kobane.begin), "Kobanê");
    EXPECT_EQ(kobane.folded, "kobane");
    const Token& mursitpinar = sentences[2].tokens.at(0);
    EXPECT_EQ(article.text.substr(mursitpinar.begin, mursitpinar.end - mursitpinar.begin), "Mürşitpınar");
}

TEST(SegmentTest, EmptyArticleHasNoSentences) {
    Article article;
    EXPECT_TRUE(segment(article).empty());
}

}  // namespace
}  // namespace frontline
