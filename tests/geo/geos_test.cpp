#include "geo/geos.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstring>
#include <numbers>
#include <utility>

#include "common/error.hpp"

namespace frontline {
namespace {

class GeosTest : public ::testing::Test {
protected:
    GeosContext ctx;
};

TEST_F(GeosTest, BadWktThrowsGeoErrorWithGeosReason) {
    try {
        (void)read_wkt(ctx, "POINT (38.35 nonsense)");
        FAIL() << "no exception";
    } catch (const GeoError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("cannot read WKT"), std::string::npos) << message;
        EXPECT_EQ(message.find("no reason"), std::string::npos) << "GEOS's message was lost: " << message;
    }
    EXPECT_THROW((void)read_wkt(ctx, ""), GeoError);
    EXPECT_THROW((void)read_wkt(ctx, "POLYGON ((0 0, 1 0, 1 1))"), GeoError);  // ring of three points
}

TEST_F(GeosTest, MovedContextStillReportsGeosMessages) {
    GeosContext moved = std::move(ctx);
    try {
        (void)read_wkt(moved, "LINESTRING (1)");
        FAIL() << "no exception";
    } catch (const GeoError& e) {
        EXPECT_EQ(std::string(e.what()).find("no reason"), std::string::npos) << e.what();
    }
    EXPECT_EQ(to_wkt(moved, *read_wkt(moved, "POINT (1 2)"), 0), "POINT (1 2)");
}

TEST_F(GeosTest, WktRoundTripsWithTheGivenDecimals) {
    const GeosGeometry g = read_wkt(ctx, "LINESTRING (38.353471 36.890951, 38.4 36.9)");
    EXPECT_EQ(to_wkt(ctx, *g, 3), "LINESTRING (38.353 36.891, 38.4 36.9)");
    EXPECT_EQ(to_wkt(ctx, *g, 6), "LINESTRING (38.353471 36.890951, 38.4 36.9)");
}

TEST_F(GeosTest, ReadsLittleEndianWkbAndRejectsGarbage) {
    std::array<unsigned char, 21> wkb{0x01, 0x01, 0x00, 0x00, 0x00};  // little endian, POINT
    const double lon = 38.35347;
    const double lat = 36.89095;
    std::memcpy(wkb.data() + 5, &lon, sizeof lon);
    std::memcpy(wkb.data() + 13, &lat, sizeof lat);
    const GeosGeometry point = read_wkb(ctx, wkb);
    EXPECT_EQ(point_on_surface(ctx, *point), LonLat(lon, lat));

    const std::array<unsigned char, 4> garbage{0x07, 0x01, 0x02, 0x03};
    EXPECT_THROW((void)read_wkb(ctx, garbage), GeoError);
}

TEST_F(GeosTest, PredicatesAndDistance) {
    const GeosGeometry square = read_wkt(ctx, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    const GeosGeometry inside = make_point(ctx, LonLat(1.0, 1.0));
    const GeosGeometry outside = make_point(ctx, LonLat(5.0, 2.0));
    const GeosGeometry crossing = read_wkt(ctx, "LINESTRING (1 1, 5 1)");
    EXPECT_TRUE(contains(ctx, *square, *inside));
    EXPECT_FALSE(contains(ctx, *square, *outside));
    EXPECT_FALSE(contains(ctx, *square, *crossing));
    EXPECT_TRUE(intersects(ctx, *square, *crossing));
    EXPECT_FALSE(intersects(ctx, *square, *outside));
    EXPECT_DOUBLE_EQ(distance(ctx, *square, *outside), 3.0);

    const GeosPrepared prepared = prepare(ctx, *square);
    EXPECT_TRUE(contains(ctx, *prepared, *inside));
    EXPECT_FALSE(contains(ctx, *prepared, *outside));
}

TEST_F(GeosTest, NearestPointOfALineIsTheFootOfThePerpendicular) {
    const GeosGeometry line = read_wkt(ctx, "LINESTRING (0 0, 10 0)");
    EXPECT_EQ(nearest_point(ctx, *line, LonLat(5.0, 3.0)), LonLat(5.0, 0.0));
    EXPECT_EQ(nearest_point(ctx, *line, LonLat(12.0, 1.0)), LonLat(10.0, 0.0));
    const GeosGeometry square = read_wkt(ctx, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    EXPECT_EQ(nearest_point(ctx, *square, LonLat(1.0, 1.5)), LonLat(1.0, 1.5));
    EXPECT_THROW((void)nearest_point(ctx, *read_wkt(ctx, "POINT EMPTY"), LonLat(0.0, 0.0)), GeoError);
}

TEST_F(GeosTest, BufferOfAPointIsNearlyACircle) {
    const GeosGeometry disc = buffer_degrees(ctx, *make_point(ctx, LonLat(10.0, 10.0)), 0.5);
    // 64 chords fall short of the circle by under 0.2 %.
    EXPECT_NEAR(area(ctx, *disc), std::numbers::pi * 0.25, std::numbers::pi * 0.25 * 0.002);
    EXPECT_DOUBLE_EQ(area(ctx, *make_point(ctx, LonLat(1.0, 1.0))), 0.0);
}

TEST_F(GeosTest, NormalizeMakesEqualShapesCompareEqual) {
    GeosGeometry a = read_wkt(ctx, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    GeosGeometry b = read_wkt(ctx, "POLYGON ((2 2, 2 0, 0 0, 0 2, 2 2))");
    EXPECT_NE(to_wkt(ctx, *a, 6), to_wkt(ctx, *b, 6));
    normalize(ctx, *a);
    normalize(ctx, *b);
    EXPECT_EQ(to_wkt(ctx, *a, 6), to_wkt(ctx, *b, 6));
}

TEST_F(GeosTest, MakeValidSplitsABowtie) {
    const GeosGeometry bowtie = read_wkt(ctx, "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
    const GeosGeometry valid = make_valid(ctx, *bowtie);
    char* type = GEOSGeomType_r(ctx.handle(), valid.get());  // GEOS allocates the name; we free it
    const std::string type_name(type);
    GEOSFree_r(ctx.handle(), type);
    EXPECT_EQ(type_name, "MultiPolygon");
    EXPECT_DOUBLE_EQ(area(ctx, *valid), 2.0);
}

TEST_F(GeosTest, CentroidMayLeaveTheShapeButPointOnSurfaceNever) {
    const GeosGeometry u_shape = read_wkt(ctx, "POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))");
    const LonLat c = centroid(ctx, *u_shape);
    EXPECT_FALSE(contains(ctx, *u_shape, *make_point(ctx, c)));
    EXPECT_TRUE(contains(ctx, *u_shape, *make_point(ctx, point_on_surface(ctx, *u_shape))));
    EXPECT_TRUE(is_empty(ctx, *read_wkt(ctx, "POLYGON EMPTY")));
    EXPECT_THROW((void)centroid(ctx, *read_wkt(ctx, "POLYGON EMPTY")), GeoError);
    EXPECT_THROW((void)point_on_surface(ctx, *read_wkt(ctx, "POINT EMPTY")), GeoError);
}

}  // namespace
}  // namespace frontline
