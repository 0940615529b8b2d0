#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/boilerplate.hpp"
#include "ingest/detail/text.hpp"
#include "ingest_test_support.hpp"

namespace frontline {
namespace {

struct LineCase {
    const char* line;
    Boilerplate kind;
};

void PrintTo(const LineCase& c, std::ostream* out) { *out << '"' << c.line << "\" -> " << to_string(c.kind); }

class ClassifyLine : public testing::TestWithParam<LineCase> {};

TEST_P(ClassifyLine, TellsDebrisByItsForm) { EXPECT_EQ(classify_line(GetParam().line), GetParam().kind); }

INSTANTIATE_TEST_SUITE_P(
    Debris, ClassifyLine,
    testing::Values(LineCase{"By Leyla Arslan,", Boilerplate::byline}, LineCase{"By Nadia Haddad", Boilerplate::byline},
                    LineCase{"By Tom Whitfield | Northgate Daily", Boilerplate::byline},
                    LineCase{"BY MAREK NOVAK", Boilerplate::byline}, LineCase{"Ari Soffer,", Boilerplate::byline},
                    LineCase{"Atheel al-Nujaifi,", Boilerplate::byline},
                    LineCase{"Watch - Kobani under fire: the view from the Turkish hills", Boilerplate::teaser},
                    LineCase{"Watch: Protesters and police clash", Boilerplate::teaser},
                    LineCase{"Video: the airdrop over Kobani", Boilerplate::teaser},
                    LineCase{"WATCH Kurdish fighters retake the hill", Boilerplate::teaser},
                    LineCase{"In pictures \xE2\x80\x93 the siege of Kobani", Boilerplate::teaser},
                    LineCase{"Read more: Turkish parliament backs military mandate", Boilerplate::related_link},
                    LineCase{"READ MORE", Boilerplate::related_link},
                    LineCase{"Read more about the siege", Boilerplate::related_link},
                    LineCase{"Related: Who are the peshmerga?", Boilerplate::related_link},
                    LineCase{"See also: Minsk agreement", Boilerplate::related_link},
                    LineCase{"Updated 20 October 2014", Boilerplate::timestamp},
                    LineCase{"Last updated: 14:32 GMT", Boilerplate::timestamp},
                    LineCase{"Published on Friday 3 October 2014", Boilerplate::timestamp}));

INSTANTIATE_TEST_SUITE_P(
    Sentences, ClassifyLine,
    testing::Values(
        LineCase{"By Monday night the jihadists had overrun the industrial zone and two districts.", Boilerplate::none},
        LineCase{"By then, Kurdish fighters had pulled back.", Boilerplate::none},
        LineCase{"Watch towers along the border were manned through the night.", Boilerplate::none},
        LineCase{"Video footage showed black flags on the hill.", Boilerplate::none},
        LineCase{"More than 160,000 people have fled the Kobani area into Turkey.", Boilerplate::none},
        LineCase{"Related fighting was reported in Hasakah.", Boilerplate::none},
        LineCase{"Updated figures showed 31 dead.", Boilerplate::none},
        LineCase{"Published by the ministry on Friday, the report counted 31 dead.", Boilerplate::none},
        LineCase{"SURUC, Turkey (Meridian Wire) \xE2\x80\x94 Tens of thousands of Syrian Kurds streamed into Turkey.",
                 Boilerplate::none},
        LineCase{"In Kobani, the fighting went on.", Boilerplate::none}, LineCase{"Sources said,", Boilerplate::none},
        LineCase{"Late on Wednesday, Poroshenko called for United Nations peacekeepers.", Boilerplate::none},
        LineCase{"U.S. warplanes have been bombing Islamic State in neighbouring Iraq since Aug. 8.",
                 Boilerplate::none}));

/// An article of one paragraph per line, as a .txt reads.
Article article_of(const std::string& text) {
    Article article;
    article.text = text;
    article.paragraphs = ingest::detail::line_paragraphs(text);
    return article;
}

std::vector<Boilerplate> kinds(const Article& article) {
    std::vector<Boilerplate> found;
    for (const Paragraph& paragraph : article.paragraphs) found.push_back(paragraph.boilerplate);
    return found;
}

constexpr auto none = Boilerplate::none;
constexpr auto caption = Boilerplate::caption;

TEST(FlagBoilerplate, FlagsEveryCopyOfARepeatedCutCaption) {
    Article article = article_of(
        "Title\n"
        "Smoke rises from the site of a US airstrike a\n"
        "Smoke rises from the site of a US airstrike a\n"
        "US airstrikes appear to have halted an advance.\n");
    flag_boilerplate(article);
    EXPECT_EQ(kinds(article), (std::vector{none, caption, caption, none}));
}

TEST(FlagBoilerplate, FlagsALineCutMidWordFromALongerOne) {
    Article article = article_of(
        "Title\n"
        "Riot police use water cannon against protesters in Diyarbakir on Tuesday ni\n"
        "Kurdish protests turned into riots.\n"
        "Riot police use water cannon against protesters in Diyarbakir on Tuesday night.\n");
    flag_boilerplate(article);
    EXPECT_EQ(kinds(article), (std::vector{none, caption, none, none}));
}

TEST(FlagBoilerplate, KeepsASubheadingThatStartsALaterSentence) {
    Article article = article_of(
        "Title\n"
        "The battle for the hill\n"
        "The battle for the hill lasted three days.\n");
    flag_boilerplate(article);
    EXPECT_EQ(kinds(article), (std::vector{none, none, none}));
}

TEST(FlagBoilerplate, KeepsTheFirstCopyOfARepeatedSentence) {
    Article article = article_of(
        "Title\n"
        "Islamic State fighters took the compound on Friday.\n"
        "The militants now hold 40 percent of the town.\n"
        "Islamic State fighters took the compound on Friday.\n");
    flag_boilerplate(article);
    EXPECT_EQ(kinds(article), (std::vector{none, none, none, caption}));
}

TEST(FlagBoilerplate, NeverFlagsTheTitle) {
    Article article = article_of(
        "Watch - a title that looks like a teaser\n"
        "Watch - a title that looks like a teaser\n"
        "Fighters held the hill.\n");
    flag_boilerplate(article);
    EXPECT_EQ(kinds(article), (std::vector{none, Boilerplate::teaser, none}));
}

TEST(Boilerplate, NamesEveryKind) {
    EXPECT_STREQ(to_string(Boilerplate::none), "none");
    EXPECT_STREQ(to_string(Boilerplate::byline), "byline");
    EXPECT_STREQ(to_string(Boilerplate::caption), "caption");
    EXPECT_STREQ(to_string(Boilerplate::teaser), "teaser");
    EXPECT_STREQ(to_string(Boilerplate::related_link), "related_link");
    EXPECT_STREQ(to_string(Boilerplate::timestamp), "timestamp");
}

}  // namespace
}  // namespace frontline
