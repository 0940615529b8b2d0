#include <gtest/gtest.h>

#include <filesystem>

#include "eval/corpus.hpp"
#include "pipeline_fixture.hpp"

namespace frontline {
namespace {

/// The acceptance numbers for the seed article (000_6520db93bddb2147, "ISIS Loses Ground to
/// Kurds, US Airstrikes"): scored the way `frontline eval` and score_events.py score it.
class SeedCorpusTest : public testing_support::PipelineTest {
protected:
    static void SetUpTestSuite() {
        PipelineTest::SetUpTestSuite();
        score_ = new CorpusScore(evaluate_corpus(pipeline(), {std::filesystem::path(FRONTLINE_TEST_DATA) / "corpus" / "seed"}));
    }
    static void TearDownTestSuite() {
        delete score_;
        score_ = nullptr;
    }
    static const CorpusScore& score() { return *score_; }

    void TearDown() override {
        if (HasFailure()) std::cout << format_report(score()) << format_details(score());
    }

private:
    static inline CorpusScore* score_ = nullptr;
};

TEST_F(SeedCorpusTest, ReadsTheSeedArticle) {
    EXPECT_TRUE(score().errors.empty()) << score().errors.front().message;
    ASSERT_EQ(score().articles.size(), 1U);
    EXPECT_EQ(score().articles[0].article, "000_6520db93bddb2147");
}

TEST_F(SeedCorpusTest, FindsAtLeastSixOfTheSevenRequiredPhysicalEvents) {
    EXPECT_EQ(score().physical.required, 7U);
    EXPECT_GE(score().physical.found, 6U);
}

TEST_F(SeedCorpusTest, FindsAtLeastFiveOfTheSixRequiredStatements) {
    EXPECT_EQ(score().statement.required, 6U);
    EXPECT_GE(score().statement.found, 5U);
}

TEST_F(SeedCorpusTest, ProducesNoForbiddenEvent) { EXPECT_EQ(score().forbidden, 0U); }

TEST_F(SeedCorpusTest, PhysicalPrecisionIsAtLeastEightyPercent) {
    EXPECT_GT(score().physical.produced, 0U);
    EXPECT_GE(score().physical.precision(), 0.8);
}

}  // namespace
}  // namespace frontline
