#include "geo/projection.hpp"

#include <gtest/gtest.h>

#include "common/lonlat.hpp"

namespace frontline {
namespace {

// Offsets are true metres on the ellipsoid: the haversine check allows the sphere/ellipsoid gap.
TEST(OffsetPointTest, MovesByTheDistanceAlongTheBearing) {
    const LonLat from(38.35347, 36.89095);
    for (const double bearing : {0.0, 90.0, 180.0, 270.0, 45.0}) {
        const LonLat to = offset_point(from, bearing, 4000.0);
        EXPECT_NEAR(distance_km(from, to), 4.0, 0.02) << bearing;
    }
    EXPECT_GT(offset_point(from, 0.0, 4000.0).lat(), from.lat());
    EXPECT_LT(offset_point(from, 270.0, 4000.0).lon(), from.lon());
    EXPECT_NEAR(offset_point(from, 180.0, 4000.0).lon(), from.lon(), 1e-9);
}

TEST(OffsetPointTest, OneDegreeOfLatitudeIsAbout111Km) {
    const LonLat to = offset_point(LonLat(0.0, 0.0), 0.0, 110574.0);  // WGS 84 meridian degree at the equator
    EXPECT_NEAR(to.lat(), 1.0, 1e-3);
    EXPECT_NEAR(to.lon(), 0.0, 1e-9);
}

TEST(OffsetPointTest, ZeroMetresIsThePointItself) {
    const LonLat from(-98.5, 39.76);
    const LonLat to = offset_point(from, 123.0, 0.0);
    EXPECT_NEAR(to.lon(), from.lon(), 1e-9);
    EXPECT_NEAR(to.lat(), from.lat(), 1e-9);
}

}  // namespace
}  // namespace frontline
