#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "common/lonlat.hpp"

namespace frontline {
namespace {

TEST(LonLatTest, RefusesCoordinatesOutOfRange) {
    EXPECT_THROW(LonLat(181.0, 0.0), GeoError);
    EXPECT_THROW(LonLat(0.0, -90.5), GeoError);
    EXPECT_THROW(LonLat(std::numeric_limits<double>::quiet_NaN(), 0.0), GeoError);
    EXPECT_NO_THROW(LonLat(-180.0, 90.0));
}

TEST(LonLatTest, GreatCircleDistances) {
    const LonLat kobane(38.35347, 36.89095);
    const LonLat suruc(38.42533, 36.97612);
    // Kobane to Suruc is about 11 km; a degree of latitude about 111.2 km.
    EXPECT_NEAR(distance_km(kobane, suruc), 11.3, 0.3);
    EXPECT_NEAR(distance_km(LonLat(0, 0), LonLat(0, 1)), 111.19, 0.01);
    EXPECT_DOUBLE_EQ(distance_km(kobane, kobane), 0.0);
}

}  // namespace
}  // namespace frontline
