#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "ingest_test_support.hpp"

namespace frontline {
namespace {

using test::paragraph_text;

/// One flagged paragraph: its kind and how its text starts.
struct Debris {
    Boilerplate kind;
    std::string starts_with;
};

/// The scraping debris each corpus article carries on purpose (see corpus/dev/README.md); every
/// other paragraph of the corpus is real text and must stay unflagged.
const std::map<std::string, std::vector<Debris>> expected_debris{
    {"000_6520db93bddb2147",
     {{Boilerplate::byline, "Ari Soffer,"},
      {Boilerplate::caption, "Smoke rises from the site of a US airstrike a"},
      {Boilerplate::caption, "Smoke rises from the site of a US airstrike a"},
      {Boilerplate::teaser, "Watch - ISIS forces engage Kurds"}}},
    {"2014-10-03-kobane-shelling",
     {{Boilerplate::byline, "By Leyla Arslan,"},
      {Boilerplate::caption, "Smoke rises over the Syrian town of Kobani"},
      {Boilerplate::caption, "Smoke rises over the Syrian town of Kobani"},
      {Boilerplate::teaser, "Watch - Kobani under fire"},
      {Boilerplate::related_link, "Read more: Turkish parliament"},
      {Boilerplate::related_link, "Read more: Kobani refugees"}}},
    {"2014-10-08-turkey-kurdish-riots",
     {{Boilerplate::byline, "By Tom Whitfield | Northgate Daily"},
      {Boilerplate::caption, "Riot police use water cannon"},
      {Boilerplate::caption, "Riot police use water cannon"},
      {Boilerplate::teaser, "Watch - Protesters and police"},
      {Boilerplate::related_link, "Read more: Who are the Kurds"},
      {Boilerplate::related_link, "Read more: Erdogan demands"}}},
    {"2014-10-20-kobane-airdrop",
     {{Boilerplate::byline, "By Nadia Haddad"},
      {Boilerplate::timestamp, "Updated 20 October 2014"},
      {Boilerplate::caption, "A U.S. Air Force C-130 Hercules"},
      {Boilerplate::caption, "A U.S. Air Force C-130 Hercules"},
      {Boilerplate::teaser, "Watch - Inside the Kobani airdrop"},
      {Boilerplate::related_link, "Read more: Kobani: the battle"},
      {Boilerplate::related_link, "Read more: Who are the peshmerga?"}}},
    {"2015-02-18-debaltseve-withdrawal",
     {{Boilerplate::byline, "By Marek Novak | Northgate Daily"},
      {Boilerplate::caption, "Ukrainian servicemen ride on an armoured vehicle"},
      {Boilerplate::caption, "Ukrainian servicemen ride on an armoured vehicle"},
      {Boilerplate::teaser, "Watch - Drone footage"},
      {Boilerplate::related_link, "Read more: What the Minsk agreement says"},
      {Boilerplate::related_link, "Read more: Debaltseve: why the rail town matters"}}},
};

std::vector<std::filesystem::path> corpus_articles() {
    std::vector<std::filesystem::path> paths;
    for (const char* folder : {"seed", "dev"}) {
        for (const auto& entry : std::filesystem::directory_iterator(test::test_data / "corpus" / folder)) {
            if (entry.path().extension() == ".txt") paths.push_back(entry.path());
        }
    }
    std::ranges::sort(paths);
    return paths;
}

class CorpusArticle : public testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusArticle, ReadsWithItsMetadataAndFlagsOnlyItsDebris) {
    const std::filesystem::path& path = GetParam();
    const std::string stem = path.stem().string();
    const auto meta = nlohmann::json::parse(test::read_bytes(path.parent_path() / (stem + ".meta.json")));

    const auto result = test::ingest(path.string());
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_TRUE(result.report.warnings.empty());
    EXPECT_TRUE(result.report.skipped.empty());
    const Article& article = result.articles[0];
    EXPECT_EQ(article.id, meta.at("id"));
    EXPECT_EQ(article.title, meta.at("title"));
    ASSERT_TRUE(article.published);
    EXPECT_EQ(article.published->iso(), meta.at("published"));
    EXPECT_EQ(article.outlet, meta.at("outlet"));
    EXPECT_EQ(article.author, meta.at("author"));
    EXPECT_EQ(article.language, meta.at("language"));
    EXPECT_EQ(article.text, test::read_bytes(path));  // offsets into the text are offsets into the file
    EXPECT_EQ(paragraph_text(article, 0), article.title);
    EXPECT_TRUE(article.paragraphs[0].is_title);

    std::vector<std::pair<Boilerplate, std::string>> flagged;
    for (std::size_t index = 0; index < article.paragraphs.size(); ++index) {
        if (const Boilerplate kind = article.paragraphs[index].boilerplate; kind != Boilerplate::none)
            flagged.emplace_back(kind, paragraph_text(article, index));
    }
    std::vector<testing::Matcher<std::pair<Boilerplate, std::string>>> expected;
    if (const auto debris = expected_debris.find(stem); debris != expected_debris.end()) {
        for (const auto& [kind, starts_with] : debris->second)
            expected.push_back(testing::Pair(kind, testing::StartsWith(starts_with)));
    }
    EXPECT_THAT(flagged, testing::ElementsAreArray(expected));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusArticle, testing::ValuesIn(corpus_articles()),
                         [](const testing::TestParamInfo<std::filesystem::path>& param_info) {
                             std::string name = param_info.param.stem().string();
                             std::ranges::replace_if(
                                 name, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                             return name;
                         });

TEST(Corpus, ReadsTheDevFolderWithoutItsReadmeAndSidecars) {
    const auto result = test::ingest((test::test_data / "corpus/dev").string());
    EXPECT_EQ(result.articles.size(), 12u);
    EXPECT_TRUE(result.report.skipped.empty());
    EXPECT_TRUE(std::ranges::is_sorted(result.articles, {}, &Article::id));
}

}  // namespace
}  // namespace frontline
