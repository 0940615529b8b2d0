#include "eval/gold.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "corpus_files.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

class CorpusGold : public ::testing::TestWithParam<fs::path> {};

TEST_P(CorpusGold, LoadsWithEveryField) {
    const Gold gold = load_gold(GetParam());
    EXPECT_FALSE(gold.article.empty());
    EXPECT_TRUE(gold.published.has_value());
    ASSERT_FALSE(gold.events.empty());
    for (const GoldEvent& e : gold.events) {
        EXPECT_FALSE(e.event_types.empty()) << e.id;
        // The id's letter and the tier agree (gold-format.md: G, O physical; S statement).
        EXPECT_EQ(e.id.front() == 'S', e.tier == Tier::statement) << e.id;
        EXPECT_EQ(e.id.front() != 'O', e.required || e.tier == Tier::statement) << e.id;
    }
    EXPECT_FALSE(gold.forbidden.empty());
}

INSTANTIATE_TEST_SUITE_P(AllCorpora, CorpusGold, ::testing::ValuesIn(corpus_gold_files()), gold_test_name);

// The totals the dev corpus README states.
TEST(CorpusGoldFiles, DevCorpusHasTheCountsItsReadmeStates) {
    std::size_t required_physical = 0, optional_physical = 0, required_statements = 0, optional_statements = 0;
    std::size_t forbidden = 0, control = 0, files = 0;
    for (const fs::path& path : corpus_gold_files()) {
        if (path.parent_path().filename() != "dev") continue;
        ++files;
        const Gold gold = load_gold(path);
        for (const GoldEvent& e : gold.events) {
            if (e.tier == Tier::physical) {
                ++(e.required ? required_physical : optional_physical);
            } else {
                ++(e.required ? required_statements : optional_statements);
            }
        }
        forbidden += gold.forbidden.size();
        control += gold.control.size();
    }
    EXPECT_EQ(files, 12U);
    EXPECT_EQ(required_physical, 75U);
    EXPECT_EQ(optional_physical, 40U);
    EXPECT_EQ(required_statements, 30U);
    EXPECT_EQ(optional_statements, 11U);
    EXPECT_EQ(forbidden, 25U);
    EXPECT_EQ(control, 12U);
}

TEST(LoadGold, ReadsTheSeedAsWritten) {
    const Gold gold = load_gold(FRONTLINE_TEST_DATA "/corpus/seed/000_6520db93bddb2147.gold.json");
    EXPECT_EQ(gold.article, "000_6520db93bddb2147");
    EXPECT_EQ(gold.published, Date(2014, 10, 9));
    ASSERT_EQ(gold.events.size(), 19U);

    const GoldEvent& g3 = gold.events[2];
    EXPECT_EQ(g3.id, "G3");
    EXPECT_EQ(g3.event_types, std::vector<std::string>{"territory_taken"});
    ASSERT_TRUE(g3.actor2.has_value());
    EXPECT_TRUE(g3.actor2->accepts("YPG"));
    EXPECT_TRUE(g3.actor2->accepts(""));  // `null` in the list: the actor may be absent
    EXPECT_FALSE(g3.actor2->accepts("ISIS"));
    ASSERT_TRUE(g3.where.has_value());
    const auto& within = std::get<WithinKm>(*g3.where);
    EXPECT_EQ(within.point, LonLat(38.353, 36.891));
    EXPECT_EQ(within.km, 15.0);
    EXPECT_EQ(g3.date, Date(2014, 10, 8));
    EXPECT_EQ(g3.date_tolerance_days, 0);
    ASSERT_TRUE(g3.magnitude.has_value());
    EXPECT_EQ(g3.magnitude->value, 0.33);
    EXPECT_EQ(g3.certainty, std::vector<Certainty>{Certainty::reported});

    const GoldEvent& g7 = gold.events[6];
    EXPECT_EQ(std::get<InCountry>(*g7.where).country, "Turkey");
    EXPECT_EQ(gold.events[11].id, "S1");
    EXPECT_EQ(gold.events[11].tier, Tier::statement);
    EXPECT_FALSE(gold.events[11].actor2.has_value());
    EXPECT_FALSE(gold.events[11].date.has_value());

    ASSERT_EQ(gold.forbidden.size(), 3U);
    EXPECT_EQ(gold.forbidden[0].date_after, Date(2014, 10, 9));
    EXPECT_EQ(gold.forbidden[1].event_types.size(), 5U);
    EXPECT_TRUE(gold.forbidden[2].event_types == std::vector<std::string>{"attack_on_civilians"});
    EXPECT_FALSE(gold.forbidden[2].actor1.has_value());

    ASSERT_EQ(gold.control.size(), 2U);
    EXPECT_EQ(gold.control[0].at, "2014-10-08T23:59:59Z");
    EXPECT_EQ(gold.control[0].share, 0.33);
}

TEST(ActorSet, ComparesNormalisedForms) {
    const ActorSet set{{"IRAQI_ARMY", "KRG"}, false};
    EXPECT_TRUE(set.accepts("Iraqi army"));
    EXPECT_TRUE(set.accepts("  iraqi-army. "));
    EXPECT_TRUE(set.accepts("krg"));
    EXPECT_FALSE(set.accepts("IRAQI ARMY FORCES"));
    EXPECT_FALSE(set.accepts(""));
    EXPECT_FALSE(set.accepts("--"));

    // Letters beyond ASCII count as letters and typographic punctuation as a separator, as in Python.
    const ActorSet unicode{{"KURDISTAN_S_PESHMERGA", "ДОНБАС_СЕПАРАТИСТЫ"}, false};
    EXPECT_TRUE(unicode.accepts("Kurdistan\u2019s peshmerga"));
    EXPECT_TRUE(unicode.accepts("донбас-сепаратисты"));
}

/// Writes a gold file into the test's temporary folder and returns its path.
class BrokenGold : public ::testing::Test {
protected:
    fs::path write(const std::string& text) {
        const fs::path path = fs::path(::testing::TempDir()) / "broken.gold.json";
        std::ofstream(path) << text;
        return path;
    }

    /// The InputError message load_gold gives for `text`.
    std::string error_for(const std::string& text) {
        const fs::path path = write(text);
        try {
            (void)load_gold(path);
        } catch (const InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find(path.string()), std::string::npos) << message;
            return message;
        }
        ADD_FAILURE() << "no InputError for " << text;
        return {};
    }
};

TEST_F(BrokenGold, ErrorsNameTheFileAndTheEvent) {
    EXPECT_NE(error_for("{\"events\": [").find("not valid JSON"), std::string::npos);
    EXPECT_NE(error_for("{}").find("'events' is missing"), std::string::npos);

    const std::string unknown_type =
        error_for(R"({"events": [{"id": "G1", "event_type": "invasion", "actor1": ["RUS"]}]})");
    EXPECT_NE(unknown_type.find("feature G1"), std::string::npos) << unknown_type;
    EXPECT_NE(unknown_type.find("invasion"), std::string::npos) << unknown_type;

    const std::string bad_date =
        error_for(R"({"events": [{"id": "G2", "event_type": "airstrike", "date": "2014-02-30"}]})");
    EXPECT_NE(bad_date.find("feature G2"), std::string::npos) << bad_date;
    EXPECT_NE(bad_date.find("'date'"), std::string::npos) << bad_date;

    const std::string wrong_tier =
        error_for(R"({"events": [{"id": "S1", "tier": "statement", "event_type": "airstrike"}]})");
    EXPECT_NE(wrong_tier.find("no statement event"), std::string::npos) << wrong_tier;

    EXPECT_NE(error_for(R"({"events": [{"id": "G1", "event_type": "riot", "where": {"lat": 95, "lon": 0, "km": 5}}]})")
                  .find("feature G1"),
              std::string::npos);
    EXPECT_NE(error_for(R"({"events": [{"id": "G1", "event_type": "riot", "certainty": ["likely"]}]})")
                  .find("likely"),
              std::string::npos);
    EXPECT_NE(error_for(R"({"events": [{"id": "G1", "event_type": "riot"}, {"id": "G1", "event_type": "riot"}]})")
                  .find("used twice"),
              std::string::npos);
    EXPECT_NE(error_for(R"({"events": [], "forbidden": [{"event_type": "riot", "date_after": "soon"}]})")
                  .find("feature forbidden[0]"),
              std::string::npos);
    EXPECT_NE(error_for(R"({"events": [], "control": [{"place": "Kobane", "holder": "ISIS", "at": "x"}]})")
                  .find("feature control[0]"),
              std::string::npos);
}

TEST_F(BrokenGold, MissingFileIsAnInputError) {
    EXPECT_THROW((void)load_gold("/nonexistent/x.gold.json"), InputError);
}

}  // namespace
}  // namespace frontline
