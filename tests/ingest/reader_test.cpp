#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "ingest/reader.hpp"
#include "ingest_test_support.hpp"

namespace frontline {
namespace {

using test::ingest;
using test::paragraph_text;
using test::test_data;
using testing::ElementsAre;
using testing::HasSubstr;

std::vector<std::string> ids_of(const std::vector<Article>& articles) {
    std::vector<std::string> ids;
    for (const Article& article : articles) ids.push_back(article.id);
    return ids;
}

TEST(ReadArticles, ReadsATxtFileWithItsSidecar) {
    const auto path = (test_data / "corpus/dev/2014-10-03-kobane-shelling.txt").string();
    const auto result = ingest(path);
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& article = result.articles[0];
    EXPECT_EQ(article.id, "2014-10-03-kobane-shelling");
    EXPECT_EQ(article.outlet, "The Levant Ledger");
    EXPECT_EQ(article.author, "Leyla Arslan");
    EXPECT_EQ(article.language, "en");
    EXPECT_EQ(article.source, path);
    EXPECT_EQ(article.published->iso(), "2014-10-03");
    EXPECT_EQ(result.report.articles_read, 1u);
    EXPECT_TRUE(result.report.warnings.empty());
    EXPECT_TRUE(result.report.skipped.empty());
}

TEST(ReadArticles, ReadsHtml) {
    const auto result = ingest((test_data / "ingest/page.html").string());
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& article = result.articles[0];
    EXPECT_EQ(article.id, "page");
    EXPECT_EQ(article.published->iso(), "2014-10-14");
    EXPECT_EQ(article.paragraphs[1].boilerplate, Boilerplate::byline);
    EXPECT_EQ(article.paragraphs.back().boilerplate, Boilerplate::related_link);
    EXPECT_TRUE(result.report.warnings.empty());
}

TEST(ReadArticles, ReadsJson) {
    const auto result = ingest((test_data / "ingest/article.json").string());
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_EQ(result.articles[0].id, "json-article");
    EXPECT_EQ(result.articles[0].published->iso(), "2014-10-03");
    EXPECT_EQ(result.articles[0].paragraphs[1].boilerplate, Boilerplate::byline);
}

TEST(ReadArticles, ReadsNdjsonSkippingBadLinesOnly) {
    const auto path = (test_data / "ingest/articles.ndjson").string();
    const auto result = ingest(path);
    EXPECT_THAT(ids_of(result.articles), ElementsAre("a1", "a4", "articles-7"));
    EXPECT_EQ(result.articles[0].source, path + ":1");
    EXPECT_EQ(result.articles[2].source, path + ":7");
    EXPECT_THAT(result.report.skipped,
                ElementsAre(path + ":3:85: invalid JSON: syntax error while parsing object - unexpected end of "
                                   "input; expected '}'",
                            path + ":4: field \"published\" must be a string, not number"));
    EXPECT_EQ(result.report.articles_read, 3u);
}

TEST(ReadArticles, ReadsNdjsonFromStdin) {
    const auto result = ingest("-", {},
                               "{\"title\": \"One\", \"published\": \"2014-10-07\", \"text\": \"Body one.\"}\r\n"
                               "\n"
                               "{\"id\": \"two\", \"text\": \"Two\\nBody two.\"}\n"
                               "not json\n");
    EXPECT_THAT(ids_of(result.articles), ElementsAre("stdin-1", "two"));
    EXPECT_EQ(result.articles[0].source, "<stdin>:1");
    EXPECT_EQ(result.articles[1].source, "<stdin>:3");
    EXPECT_EQ(result.articles[1].title, "Two");
    EXPECT_THAT(result.report.warnings, ElementsAre(HasSubstr("<stdin>:3: no publication date")));
    EXPECT_THAT(result.report.skipped,
                ElementsAre("<stdin>:4:2: invalid JSON: syntax error while parsing value - invalid literal"));
}

TEST(ReadArticles, ReadsAFolderRecursivelyInSortedOrderWithoutSidecars) {
    const auto result = ingest((test_data / "ingest/folder").string());
    EXPECT_THAT(ids_of(result.articles), ElementsAre("a", "folder-b", "c", "d-1", "d-2"));
    EXPECT_EQ(result.articles[1].outlet, "Halden Post");
    EXPECT_EQ(result.articles[2].published->iso(), "2015-01-31");
    EXPECT_TRUE(result.report.skipped.empty());
    EXPECT_TRUE(result.report.warnings.empty());
}

TEST(ReadArticles, OverrideReplacesEveryPublicationDate) {
    IngestOptions options;
    options.published_override = Date(2014, 10, 10);
    const auto result = ingest("-", options,
                               R"({"title": "A", "text": "B", "published": "2014-01-01"})"
                               "\n"
                               R"({"title": "C", "text": "D"})");
    ASSERT_EQ(result.articles.size(), 2u);
    EXPECT_EQ(result.articles[0].published, Date(2014, 10, 10));
    EXPECT_EQ(result.articles[1].published, Date(2014, 10, 10));
    EXPECT_TRUE(result.report.warnings.empty());
}

class ReadArticlesErrors : public test::TempDirTest {};

TEST_F(ReadArticlesErrors, MissingFile) {
    const auto path = (dir_ / "missing.txt").string();
    const auto result = ingest(path);
    EXPECT_TRUE(result.articles.empty());
    EXPECT_THAT(result.report.skipped, ElementsAre(path + ": cannot read: No such file or directory"));
}

TEST_F(ReadArticlesErrors, UnreadableFile) {
    const auto path = write("locked.txt", "Title\nBody.\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    if (std::ifstream(path)) GTEST_SKIP() << "running with privileges that ignore file permissions";
    EXPECT_THAT(ingest(path).report.skipped, ElementsAre(path + ": cannot read: Permission denied"));
}

TEST_F(ReadArticlesErrors, UnknownExtension) {
    const auto path = write("notes.md", "Title\nBody.\n");
    EXPECT_THAT(ingest(path).report.skipped,
                ElementsAre(path + ": unknown format: expected .txt, .json, .ndjson, .jsonl, .html or .htm"));
}

TEST_F(ReadArticlesErrors, InvalidJsonAtLineAndColumn) {
    const auto path = write("bad.json", "{\n  \"title\": \"x\",\n  \"text\": tru\n}\n");
    EXPECT_THAT(ingest(path).report.skipped,
                ElementsAre(path + ":3:14: invalid JSON: syntax error while parsing value - invalid literal"));
}

TEST_F(ReadArticlesErrors, InvalidSidecarSkipsItsArticle) {
    const auto path = write("a.txt", "Title\nBody.\n");
    const auto sidecar = write("a.meta.json", R"({"published": 2014})");
    EXPECT_THAT(ingest(path).report.skipped,
                ElementsAre(sidecar + ": field \"published\" must be a string, not number"));
}

TEST_F(ReadArticlesErrors, EmptyArticles) {
    for (const char* text : {"", "\n  \n\t\n", "Only a title\n\n"}) {
        const auto path = write("empty.txt", text);
        EXPECT_THAT(ingest(path).report.skipped, ElementsAre(path + ": empty article"));
    }
    const auto json = write("empty.json", R"({"title": "Title", "text": "  \n "})");
    EXPECT_THAT(ingest(json).report.skipped, ElementsAre(json + ": empty article"));
    const auto html = write("empty.html", "<title>Title</title><script>app()</script>");
    EXPECT_THAT(ingest(html).report.skipped, ElementsAre(html + ": empty article"));
}

TEST_F(ReadArticlesErrors, TooLarge) {
    IngestOptions options;
    options.max_article_bytes = 100;
    const auto path = write("big.txt", "Title\n" + std::string(194, 'x'));
    EXPECT_THAT(ingest(path, options).report.skipped,
                ElementsAre(path + ": too large: 200 bytes, over the limit of 100 bytes for one article"));
    const auto lines = ingest("-", options, R"({"text": "T\n)" + std::string(100, 'x') + "\"}\n{\"text\": \"T\\nok\"}");
    EXPECT_THAT(lines.report.skipped,
                ElementsAre("<stdin>:1: too large: 115 bytes, over the limit of 100 bytes for one article"));
    EXPECT_EQ(lines.articles.size(), 1u);
}

TEST_F(ReadArticlesErrors, MissingOrInvalidDateIsAWarning) {
    const auto missing = write("missing-date.txt", "Title\nBody.\n");
    const auto result = ingest(missing);
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_FALSE(result.articles[0].published);
    EXPECT_THAT(result.report.warnings, ElementsAre(HasSubstr(missing + ": no publication date")));

    const auto invalid = write("invalid-date.json", R"({"published": "3 Oct 2014", "text": "Title\nBody."})");
    const auto second = ingest(invalid);
    ASSERT_EQ(second.articles.size(), 1u);
    EXPECT_FALSE(second.articles[0].published);
    EXPECT_THAT(second.report.warnings,
                ElementsAre(invalid + ": published \"3 Oct 2014\" is not an ISO 8601 date; ignored"));
}

// Found by fuzz_ingest_ndjson: a number beyond double's range escaped as nlohmann's out_of_range.
TEST_F(ReadArticlesErrors, NumberOverflowIsInvalidJson) {
    const std::string regression = (test_data / "fuzz-regressions/fuzz_ingest_ndjson/number-overflow.ndjson").string();
    const auto result = ingest(regression);
    EXPECT_TRUE(result.articles.empty());
    EXPECT_THAT(result.report.skipped, ElementsAre(HasSubstr("number-overflow.ndjson:1: invalid JSON")));
    const auto path = write("huge.json", R"({"title": "T", "text": "Body.", "extra": 1e400})");
    EXPECT_THAT(ingest(path).report.skipped, ElementsAre(HasSubstr(path + ": invalid JSON: ")));
}

TEST_F(ReadArticlesErrors, FutureDateIsIgnoredWithAWarning) {
    const auto path = write("future.json", R"({"published": "2999-01-01", "text": "Title\nBody."})");
    const auto result = ingest(path);
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_FALSE(result.articles[0].published);
    EXPECT_THAT(result.report.warnings, ElementsAre(path + ": published 2999-01-01 is in the future; ignored"));
}

TEST_F(ReadArticlesErrors, AnotherLanguageIsSkipped) {
    const auto tagged = write("fr.json", R"({"language": "fr", "text": "Title\nRebels shelled Aleppo."})");
    EXPECT_THAT(ingest(tagged).report.skipped, ElementsAre(tagged + ": language \"fr\" is not English; skipped"));
    const auto spanish = write(
        "es.txt",
        "Las fuerzas rebeldes bombardean Alepo\nLas fuerzas rebeldes bombardearon la ciudad de Alepo el viernes por "
        "la ma\u00f1ana, matando a tres personas y dejando a muchos heridos en el barrio de la ciudad vieja, seg\u00fan "
        "los testigos que hablaron con la prensa local. El gobierno dijo que respondería con toda su fuerza y que los "
        "combates continuar\u00e1n durante los pr\u00f3ximos d\u00edas.\n");
    EXPECT_THAT(ingest(spanish).report.skipped,
                ElementsAre(spanish + ": not English (too few common English words); skipped"));
    // Short English text and tagged English are read, however few function words they have.
    const auto english = write("en.json", R"({"language": "en-GB", "text": "Title\nRebels shelled Aleppo."})");
    EXPECT_EQ(ingest(english).articles.size(), 1u);
}

TEST_F(ReadArticlesErrors, LanguageIsJudgedOnTheWholeTextNotItsOpening) {
    // The check stops early only once the rest could not change its answer: an English opening
    // followed by a long foreign text is still foreign, and the converse is still English.
    std::string english_words;
    for (int i = 0; i < 8; ++i) english_words += "The rebels said that the town was in their hands. ";
    std::string spanish_words;
    for (int i = 0; i < 150; ++i) spanish_words += "Las fuerzas rebeldes bombardearon otra vez barrio viejo durante noche. ";
    const auto mixed = write("mixed.txt", "Title\n" + english_words + spanish_words + "\n");
    EXPECT_THAT(ingest(mixed).report.skipped, ElementsAre(mixed + ": not English (too few common English words); skipped"));
    const auto english = write("english.txt", "Title\n" + spanish_words.substr(0, 300) + english_words + english_words + "\n");
    EXPECT_EQ(ingest(english).articles.size(), 1u);
}

TEST_F(ReadArticlesErrors, RepairsInvalidUtf8AndStripsTheByteOrderMark) {
    const auto path = write("latin1.txt", "\xEF\xBB\xBFTitle\r\nCaf\xE9 owners fled \xFF\xFE town.\r\n");
    const auto result = ingest(path);
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& article = result.articles[0];
    EXPECT_EQ(article.text, "Title\r\nCaf\xEF\xBF\xBD owners fled \xEF\xBF\xBD\xEF\xBF\xBD town.\r\n");
    EXPECT_EQ(article.title, "Title");
    EXPECT_EQ(paragraph_text(article, 1), "Caf\xEF\xBF\xBD owners fled \xEF\xBF\xBD\xEF\xBF\xBD town.");
    EXPECT_THAT(result.report.warnings,
                ElementsAre(path + ": byte 13: invalid UTF-8 replaced with U+FFFD (3 sequences)",
                            HasSubstr("no publication date")));
}

TEST_F(ReadArticlesErrors, NulBytesMarkBinaryData) {
    const auto path = write("image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
    EXPECT_THAT(ingest(path).report.skipped, ElementsAre(path + ": byte 8: NUL byte: binary data, not an article"));
}

TEST_F(ReadArticlesErrors, DeeplyNestedJson) {
    const auto path = write("nested.json", std::string(1'000'000, '[') + std::string(1'000'000, ']'));
    EXPECT_THAT(ingest(path).report.skipped,
                ElementsAre(path + ": expected a JSON object (one article), not array; several articles go in a "
                                   ".ndjson file, one per line"));
}

TEST_F(ReadArticlesErrors, RandomBytesNeverThrow) {
    std::mt19937 random(20141003);
    std::uniform_int_distribution<int> byte(0, 255);
    for (const char* extension : {".txt", ".json", ".ndjson", ".html"}) {
        for (int round = 0; round < 20; ++round) {
            std::string bytes(4096, '\0');
            for (char& c : bytes) c = static_cast<char>(byte(random));
            if (round % 2 == 0) std::erase(bytes, '\0');  // past the NUL check, into the parsers
            const auto path = write(std::string("garbage") + extension, bytes);
            const auto result = ingest(path);
            EXPECT_GT(result.articles.size() + result.report.skipped.size(), 0u) << path;
        }
    }
}

}  // namespace
}  // namespace frontline
