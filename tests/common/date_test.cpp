#include <gtest/gtest.h>

#include "common/date.hpp"
#include "common/error.hpp"

namespace frontline {
namespace {

TEST(DateTest, ParsesIsoDatesAndTimestamps) {
    ASSERT_TRUE(Date::parse_iso("2014-10-09").has_value());
    EXPECT_EQ(Date::parse_iso("2014-10-09")->iso(), "2014-10-09");
    EXPECT_EQ(Date::parse_iso("2014-10-09T23:59:59Z")->iso(), "2014-10-09");
    EXPECT_EQ(Date::parse_iso("2015-01-31 08:00")->iso(), "2015-01-31");
}

TEST(DateTest, RejectsWhatIsNotADay) {
    for (const char* bad : {"", "2014-13-01", "2014-02-30", "14-10-09", "2014/10/09", "2014-10-09x", "yesterday"})
        EXPECT_FALSE(Date::parse_iso(bad).has_value()) << bad;
    EXPECT_THROW(Date(2014, 2, 30), Error);
}

TEST(DateTest, WeekdaysAndArithmetic) {
    const Date thursday(2014, 10, 9);
    EXPECT_EQ(thursday.weekday(), 4U);
    EXPECT_EQ(thursday.plus_days(-1).iso(), "2014-10-08");
    EXPECT_EQ(Date(2014, 12, 31).plus_days(1).iso(), "2015-01-01");
    EXPECT_EQ(Date(2015, 1, 31).days_since(Date(2014, 10, 9)), 114);
    EXPECT_LT(Date(2014, 10, 8), thursday);
}

}  // namespace
}  // namespace frontline
