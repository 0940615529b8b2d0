#include "extract/time_expressions.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "text/tokenizer.hpp"

namespace frontline {
namespace {

Date iso(const char* text) { return *Date::parse_iso(text); }

struct TimeCase {
    const char* published;
    const char* sentence;
    const char* start;
    const char* end;
    int precision;
};

void PrintTo(const TimeCase& c, std::ostream* os) { *os << '"' << c.sentence << "\" published " << c.published; }

class TimeExpressionTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(TimeExpressionTest, ResolvesAgainstThePublicationDate) {
    const TimeCase& c = GetParam();
    const std::vector<Token> tokens = tokenize(c.sentence);
    const std::vector<TimeExpression> found = find_time_expressions(tokens, iso(c.published));
    ASSERT_EQ(found.size(), 1U) << c.sentence;
    const TimeExpression& t = found.front();
    EXPECT_EQ(t.start.iso(), c.start) << c.sentence;
    EXPECT_EQ(t.end.iso(), c.end) << c.sentence;
    EXPECT_EQ(t.precision, c.precision) << c.sentence;
    EXPECT_LT(t.first_token, t.last_token);
    EXPECT_LE(t.last_token, tokens.size());
}

// 2014-10-09 is a Thursday, 2015-01-31 a Saturday.
INSTANTIATE_TEST_SUITE_P(
    Expressions, TimeExpressionTest,
    ::testing::Values(TimeCase{"2014-10-09", "The town fell on Wednesday.", "2014-10-08", "2014-10-08", 1},
                      TimeCase{"2014-10-09", "The town fell on Thursday.", "2014-10-09", "2014-10-09", 1},
                      TimeCase{"2014-10-09", "The town fell on Friday.", "2014-10-03", "2014-10-03", 1},
                      TimeCase{"2014-10-09", "The town fell yesterday.", "2014-10-08", "2014-10-08", 1},
                      TimeCase{"2014-10-09", "The town was shelled overnight.", "2014-10-08", "2014-10-09", 1},
                      TimeCase{"2014-10-09", "The town fell on Oct. 8 after a siege.", "2014-10-08", "2014-10-08", 1},
                      TimeCase{"2014-10-09", "The town fell on October 8.", "2014-10-08", "2014-10-08", 1},
                      TimeCase{"2014-10-09", "As of Wednesday the town held.", "2014-10-08", "2014-10-08", 1},
                      TimeCase{"2014-10-09", "Strikes came late on Sunday.", "2014-10-05", "2014-10-05", 1},
                      TimeCase{"2015-01-31", "The town was retaken on 19 January.", "2015-01-19", "2015-01-19", 1},
                      TimeCase{"2015-01-31", "The town was retaken on January 19.", "2015-01-19", "2015-01-19", 1},
                      TimeCase{"2014-10-09", "Fighting raged on Saturday and Sunday.", "2014-10-04", "2014-10-05", 1},
                      TimeCase{"2014-10-09", "Fighting raged on Monday and Tuesday.", "2014-10-06", "2014-10-07", 1},
                      TimeCase{"2015-01-31", "The hill was taken earlier in January.", "2015-01-01", "2015-01-31", 3},
                      TimeCase{"2014-10-09", "The town was shelled last night.", "2014-10-08", "2014-10-09", 1},
                      TimeCase{"2014-10-09", "The town fell today.", "2014-10-09", "2014-10-09", 1},
                      TimeCase{"2014-10-09", "Strikes went on this week.", "2014-10-03", "2014-10-09", 2},
                      TimeCase{"2014-10-09", "Strikes went on over the past week.", "2014-09-29", "2014-10-08", 2},
                      TimeCase{"2014-10-09", "Strikes went on last weekend.", "2014-10-01", "2014-10-04", 2},
                      TimeCase{"2014-10-09", "Fighting has raged since September.", "2014-09-01", "2014-09-30", 3},
                      TimeCase{"2015-01-31", "Fighting raged in March 2013.", "2013-03-01", "2013-03-31", 3},
                      TimeCase{"2014-10-09", "The town fell on 8th October.", "2014-10-08", "2014-10-08", 1}));

TEST(TimeExpressionTest, LastWeekIsTheWeekBeforePublication) {
    const std::vector<TimeExpression> found =
        find_time_expressions(tokenize("The town fell last week."), iso("2014-10-09"));
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].precision, 2);
    EXPECT_LE(found[0].start, found[0].end);
    EXPECT_LT(found[0].end, iso("2014-10-09")) << found[0].end.iso();
    EXPECT_GE(found[0].start, iso("2014-09-25")) << found[0].start.iso();
}

TEST(TimeExpressionTest, MidMonthIsAboutTheMiddleOfTheMonth) {
    const std::vector<TimeExpression> found =
        find_time_expressions(tokenize("The town has been besieged since mid-September."), iso("2014-10-09"));
    ASSERT_EQ(found.size(), 1U);
    EXPECT_GE(found[0].start, iso("2014-09-10"));
    EXPECT_LE(found[0].start, iso("2014-09-20"));
    EXPECT_GE(found[0].end, found[0].start);
    EXPECT_LE(found[0].end, iso("2014-10-09"));
}

TEST(TimeExpressionTest, DateWithoutYearIsTheMostRecentOnOrBeforePublication) {
    const std::vector<TimeExpression> found = find_time_expressions(tokenize("It began on Dec. 20."), iso("2015-01-31"));
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].start.iso(), "2014-12-20");
}

TEST(TimeExpressionTest, FindsSeveralInOneSentence) {
    const std::vector<Token> tokens = tokenize("Strikes on Monday were followed by an assault on Wednesday.");
    const std::vector<TimeExpression> found = find_time_expressions(tokens, iso("2014-10-09"));
    ASSERT_EQ(found.size(), 2U);
    EXPECT_EQ(found[0].start.iso(), "2014-10-06");
    EXPECT_EQ(found[1].start.iso(), "2014-10-08");
    EXPECT_LE(found[0].last_token, found[1].first_token);
}

TEST(TimeExpressionTest, TokenSpanCoversTheExpression) {
    const std::vector<Token> tokens = tokenize("Rebels captured the town on Monday.");
    const std::vector<TimeExpression> found = find_time_expressions(tokens, iso("2014-10-09"));
    ASSERT_EQ(found.size(), 1U);
    bool covers_monday = false;
    for (std::size_t i = found[0].first_token; i < found[0].last_token; ++i) covers_monday |= tokens[i].folded == "monday";
    EXPECT_TRUE(covers_monday);
    EXPECT_GE(found[0].first_token, 4U) << "starts at \"on\" or \"Monday\", not before";
}

TEST(TimeExpressionTest, NothingWithoutAPublicationDate) {
    EXPECT_TRUE(find_time_expressions(tokenize("The town fell on Wednesday."), std::nullopt).empty());
}

TEST(TimeExpressionTest, NothingInASentenceWithoutTime) {
    EXPECT_TRUE(find_time_expressions(tokenize("Rebels captured the town of Idlib."), iso("2014-10-09")).empty());
    EXPECT_TRUE(find_time_expressions(tokenize("The town may fall within days."), iso("2014-10-09")).empty())
        << "\"may\" as a verb is not a month";
}

TEST(TimeExpressionTest, WordsThatOpenExpressionsOnlyWithTheirPartnerAreNothingAlone) {
    // "last", "past" and "this" need "week", "weekend" or "night"; a month needs a day or a frame.
    for (const char* sentence : {"The last fighters left.", "They marched past the hill.", "This town fell.",
                                 "The March offensive failed.", "Rebels held 45,000 square kilometres."})
        EXPECT_TRUE(find_time_expressions(tokenize(sentence), iso("2014-10-09")).empty()) << sentence;
}

TEST(TimeExpressionTest, SentenceInitialModalMayIsNoMonth) {
    const auto found = find_time_expressions(tokenize("May God protect the city."), iso("2014-10-09"));
    EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace frontline
