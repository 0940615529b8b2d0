// The upserting stores (GeoPackage, and PostGIS when the test cluster runs): reruns leave the
// same rows, a new article about a known event adds a mention, a failed upsert changes nothing.
#include "io/event_store.hpp"

#include <cstdlib>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "events/merge.hpp"
#include "io/gdal.hpp"
#include "sample_events.hpp"

namespace frontline::test {
namespace {

using ::testing::HasSubstr;

/// Where the test cluster (scripts/pg-test-cluster.sh, ctest's `postgis` fixture) writes its
/// connection string; FRONTLINE_TEST_PG_CONNINFO names another file.
std::filesystem::path conninfo_file() {
    const char* file = std::getenv("FRONTLINE_TEST_PG_CONNINFO");
    return file != nullptr ? file : FRONTLINE_TEST_PG_CONNINFO;
}

/// The connection string of the test cluster, or empty.
std::string postgis_target() {
    std::ifstream in(conninfo_file());
    std::string target;
    std::getline(in, target);
    return target;
}

std::string postgis_unavailable_reason() {
    std::ifstream in(conninfo_file().parent_path() / "unavailable");
    std::string reason;
    std::getline(in, reason);
    return reason.empty() ? "no test cluster at " + conninfo_file().string() + " (run the tests through ctest)" : reason;
}

class Store : public TempFolder, public ::testing::WithParamInterface<std::string> {
protected:
    void SetUp() override {
        TempFolder::SetUp();
        if (GetParam() == "gpkg") {
            target_ = (folder_ / "events.gpkg").string();
            return;
        }
        const std::string cluster = postgis_target();
        if (cluster.empty()) GTEST_SKIP() << "PostGIS: " << postgis_unavailable_reason();
        // Each test gets a database of its own, so that test runs sharing the cluster never meet.
        database_ = "frontline_store_" + std::to_string(::getpid());
        admin(cluster, "DROP DATABASE IF EXISTS " + database_);
        admin(cluster, "CREATE DATABASE " + database_);
        target_ = cluster;
        target_.replace(target_.find("dbname=frontline_test"), std::string("dbname=frontline_test").size(),
                        "dbname=" + database_);
        admin(target_, "CREATE EXTENSION postgis");
    }

    void TearDown() override {
        if (!database_.empty()) admin(postgis_target(), "DROP DATABASE IF EXISTS " + database_);
        TempFolder::TearDown();
    }

    static void admin(const std::string& target, const std::string& sql) {
        ensure_gdal_registered();
        GDALDatasetUniquePtr db(GDALDataset::Open(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(db) << target;
        if (OGRLayer* result = db->ExecuteSQL(sql.c_str(), nullptr, nullptr)) db->ReleaseResultSet(result);
    }

    /// The store's rows as `describe` prints them, in id order.
    std::vector<std::string> rows() {
        EventStore store(target_);
        std::vector<Event> events = store.events();
        std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.id < b.id; });
        std::vector<std::string> described;
        for (const Event& e : events) described.push_back(describe(e).dump());
        return described;
    }

    std::string target_;
    std::string database_;  ///< PostGIS only
};

TEST_P(Store, RerunLeavesTheSameRows) {
    {
        EventStore store(target_);
        const UpsertCounts first = store.upsert(sample_events());
        EXPECT_EQ(first.inserted, 4u);
    }
    const auto before = rows();
    ASSERT_EQ(before.size(), 4u);
    {
        EventStore store(target_);
        const UpsertCounts again = store.upsert(sample_events());
        EXPECT_EQ(again.unchanged, 4u);
        EXPECT_EQ(again.inserted + again.updated + again.removed, 0u);
    }
    EXPECT_EQ(rows(), before);
}

TEST_P(Store, RowsCarryStableIds) {
    EventStore store(target_);
    (void)store.upsert(sample_events());
    std::vector<std::string> expected;
    for (const Event& e : merge_events(sample_events())) expected.push_back(e.id);
    std::vector<std::string> stored;
    for (const Event& e : store.events()) stored.push_back(e.id);
    std::sort(expected.begin(), expected.end());
    std::sort(stored.begin(), stored.end());
    EXPECT_EQ(stored, expected);
}

TEST_P(Store, NewArticleAboutAKnownEventAddsAMention) {
    EventStore store(target_);
    (void)store.upsert(sample_events());

    Event again = sample_events()[3];  // the air strike on Kobane, told by another outlet
    again.mentions = {{"2014-10-14-other-outlet", 3, 10, 80, "US-led aircraft hit IS positions in Kobane."}};
    again.location->anchor = LonLat(38.36, 36.89);
    again.location->wkt = "POINT (38.36 36.89)";
    const UpsertCounts counts = store.upsert({again});
    EXPECT_EQ(counts.inserted, 0u);
    EXPECT_EQ(counts.updated, 1u);

    const std::vector<Event> events = store.events();
    ASSERT_EQ(events.size(), 4u);
    const auto strike = std::ranges::find(events, std::string("airstrike"), &Event::event_type);
    ASSERT_NE(strike, events.end());
    ASSERT_EQ(strike->mentions.size(), 2u);
    EXPECT_EQ(strike->mentions[1].article_id, "2014-10-14-other-outlet");

    // Telling it a third time changes nothing.
    EXPECT_EQ(store.upsert({again}).unchanged, 1u);
    EXPECT_EQ(store.events().size(), 4u);
}

TEST_P(Store, OneByOneGivesWhatMergingAllAtOnceGives) {
    {
        EventStore store(target_);
        for (const Event& e : sample_events()) (void)store.upsert({e});
    }
    std::vector<std::string> expected;
    for (const Event& e : merge_events(sample_events())) expected.push_back(describe(e).dump());
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> stored = rows();
    std::sort(stored.begin(), stored.end());
    // Geometry text and anchors round-trip exactly through both stores.
    EXPECT_EQ(stored, expected);
}

TEST_P(Store, FailedUpsertKeepsThePreviousRows) {
    {
        EventStore store(target_);
        (void)store.upsert(sample_events());
    }
    const auto before = rows();

    auto events = sample_events();
    events[0].mentions[0].article_id = "another-article";  // a change the rollback must undo
    Event bad = events[3];
    bad.event_type = "shelling";
    bad.id = "evt-bad";
    bad.location->wkt = "LINESTRING (38.2 36.85,";
    events.push_back(bad);
    EventStore store(target_);
    EXPECT_THROW((void)store.upsert(events), GeoError);
    EXPECT_EQ(rows(), before);
}

INSTANTIATE_TEST_SUITE_P(Targets, Store, ::testing::Values("gpkg", "postgis"), [](const auto& test) { return test.param; });

TEST(StoreTarget, KnowsStoresFromFiles) {
    EXPECT_TRUE(is_event_store("out/events.gpkg"));
    EXPECT_TRUE(is_event_store("EVENTS.GPKG"));
    EXPECT_TRUE(is_event_store("PG:dbname=frontline host=127.0.0.1"));
    EXPECT_FALSE(is_event_store("events.geojson"));
    EXPECT_FALSE(is_event_store("-"));
}

using StoreErrors = TempFolder;

TEST_F(StoreErrors, MissingFolderIsAnOutputErrorNamingThePath) {
    const auto path = (folder_ / "missing" / "events.gpkg").string();
    try {
        EventStore store(path);
        FAIL() << "expected OutputError";
    } catch (const OutputError& error) {
        EXPECT_THAT(error.what(), HasSubstr(path));
    }
}

TEST_F(StoreErrors, NoServerIsAnOutputErrorWithoutThePassword) {
    try {
        EventStore store("PG:dbname=none host=127.0.0.1 port=1 password=secret connect_timeout=2");
        FAIL() << "expected OutputError";
    } catch (const OutputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("dbname=none"));
        EXPECT_THAT(error.what(), ::testing::Not(HasSubstr("secret")));
    }
}

}  // namespace
}  // namespace frontline::test
