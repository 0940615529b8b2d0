#include <gtest/gtest.h>

#include "control/share_timeline.hpp"

namespace frontline {
namespace {

Event territorial(const std::string& type, const std::string& actor1, const std::string& actor2, const Date& day,
                  std::optional<double> magnitude = std::nullopt, const std::string& place_id = "geonames:1") {
    Event e;
    e.id = type + actor1 + day.iso();
    e.event_type = type;
    e.actor1 = actor1;
    e.actor2 = actor2;
    e.date_start = day;
    e.date_end = day;
    e.magnitude = magnitude;
    e.location = Location{"POINT (38.35 36.89)", LonLat(38.35, 36.89), 1, "Town", place_id, "SYR"};
    return e;
}

const Date oct8(2014, 10, 8);
const Date oct9(2014, 10, 9);

TEST(ShareTimelineTest, APartialCaptureThenAnExpulsion) {
    const ShareTimeline t = ShareTimeline::from_events({territorial("territory_taken", "YPG", "", Date(2014, 10, 1)),
                                                        territorial("territory_taken", "ISIS", "YPG", oct8, 1.0 / 3.0),
                                                        territorial("territory_taken", "YPG", "ISIS", oct9)});
    EXPECT_NEAR(t.share("geonames:1", "ISIS", oct8), 1.0 / 3.0, 1e-9);
    EXPECT_NEAR(t.share("geonames:1", "YPG", oct8), 2.0 / 3.0, 1e-9);
    EXPECT_NEAR(t.share("geonames:1", "ISIS", oct9), 0.0, 1e-9);
    EXPECT_NEAR(t.share("geonames:1", "YPG", oct9), 1.0, 1e-9);
    EXPECT_EQ(t.share("geonames:1", "ISIS", Date(2014, 9, 1)), 0.0) << "before any event nobody holds it";
}

TEST(ShareTimelineTest, EventsApplyInDateOrderWhateverTheirOrderInTheText) {
    const ShareTimeline t = ShareTimeline::from_events({territorial("territory_taken", "YPG", "ISIS", oct9),
                                                        territorial("territory_taken", "ISIS", "YPG", oct8, 0.5)});
    EXPECT_NEAR(t.share("geonames:1", "ISIS", oct8), 0.5, 1e-9);
    EXPECT_NEAR(t.share("geonames:1", "ISIS", oct9), 0.0, 1e-9);
}

TEST(ShareTimelineTest, ARetreatHandsTheShareToTheNamedWinner) {
    const ShareTimeline t = ShareTimeline::from_events({territorial("territory_taken", "UKR", "", Date(2015, 2, 1)),
                                                        territorial("retreat", "UKR", "DONBAS_SEP", Date(2015, 2, 18))});
    EXPECT_NEAR(t.share("geonames:1", "UKR", Date(2015, 2, 18)), 0.0, 1e-9);
    EXPECT_NEAR(t.share("geonames:1", "DONBAS_SEP", Date(2015, 2, 18)), 1.0, 1e-9);
}

TEST(ShareTimelineTest, SharesNeverExceedTheWholePlace) {
    const ShareTimeline t = ShareTimeline::from_events({territorial("territory_taken", "A", "", oct8, 0.7),
                                                        territorial("territory_taken", "B", "", oct8, 0.6),
                                                        territorial("territory_taken", "C", "", oct9, 0.5)});
    for (const Date& day : {oct8, oct9}) {
        const double total = t.share("geonames:1", "A", day) + t.share("geonames:1", "B", day) + t.share("geonames:1", "C", day);
        EXPECT_LE(total, 1.0 + 1e-9) << day.iso();
    }
}

TEST(ShareTimelineTest, OnlyTownsCarryShares) {
    Event country = territorial("territory_taken", "ISIS", "", oct8);
    country.location->geo_precision = 3;
    EXPECT_TRUE(ShareTimeline::from_events({country}).changes().empty());
}

}  // namespace
}  // namespace frontline
