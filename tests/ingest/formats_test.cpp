#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.hpp"
#include "ingest/detail/formats.hpp"
#include "ingest_test_support.hpp"

namespace frontline::ingest::detail {
namespace {

using test::paragraph_text;

std::vector<std::string_view> paragraphs_of(const Article& article) {
    std::vector<std::string_view> texts;
    for (std::size_t index = 0; index < article.paragraphs.size(); ++index)
        texts.push_back(paragraph_text(article, index));
    return texts;
}

std::string read_fixture(const std::string& name) { return test::read_bytes(test::test_data / "ingest" / name); }

TEST(ParseTxt, KeepsTheBytesAndMakesEveryNonBlankLineAParagraph) {
    const std::string text =
        "  Kobani shelled \r\n\r\nBy Leyla Arslan,\r\nMortars hit the town.\n\t\nShells struck a hill.";
    const ArticleDraft draft = parse_txt_article(text);
    EXPECT_EQ(draft.article.text, text);
    EXPECT_EQ(draft.article.title, "Kobani shelled");
    EXPECT_EQ(paragraphs_of(draft.article),
              (std::vector<std::string_view>{"Kobani shelled", "By Leyla Arslan,", "Mortars hit the town.",
                                             "Shells struck a hill."}));
    EXPECT_TRUE(draft.article.paragraphs[0].is_title);
    EXPECT_FALSE(draft.article.paragraphs[1].is_title);
}

TEST(ApplySidecar, ReplacesTheMetadataItHas) {
    ArticleDraft draft = parse_txt_article("First line\nBody.");
    apply_sidecar(draft, R"({"id": "x1", "title": "Real  title", "published": "2014-10-03", "language": "en"})",
                  SourceLocation("x1.meta.json"));
    EXPECT_EQ(draft.article.id, "x1");
    EXPECT_EQ(draft.article.title, "Real title");
    EXPECT_EQ(draft.published, "2014-10-03");
    EXPECT_EQ(draft.article.language, "en");
    EXPECT_EQ(draft.article.text, "First line\nBody.");
}

TEST(ParseJson, BuildsTheTextFromTitleAndLines) {
    const ArticleDraft draft = parse_json_article(read_fixture("article.json"), SourceLocation("article.json"));
    const Article& article = draft.article;
    EXPECT_EQ(article.id, "json-article");
    EXPECT_EQ(article.outlet, "The Levant Ledger");
    EXPECT_EQ(article.author, "Leyla Arslan");
    EXPECT_EQ(article.url, "https://ledger.example/kobani");
    EXPECT_EQ(article.language, "en");
    EXPECT_EQ(draft.published, "2014-10-03");
    // The repeated headline at the top of "text" is dropped.
    EXPECT_EQ(article.text,
              "Islamic State shells Kobani\n\nBy Leyla Arslan,\n\n"
              "At least 60 mortar rounds slammed into the town on Friday.\n\nShells also struck a hill.\n\n"
              "Read more: Kobani refugees crowd camps in Suruc");
    EXPECT_EQ(article.paragraphs.size(), 5u);
    EXPECT_EQ(paragraph_text(article, 3), "Shells also struck a hill.");
}

TEST(ParseJson, TakesTheFirstLineForAMissingTitle) {
    const ArticleDraft draft =
        parse_json_article(R"({"text": "Mosul falls\nMilitants took the city."})", SourceLocation());
    EXPECT_EQ(draft.article.title, "Mosul falls");
    EXPECT_EQ(draft.article.text, "Mosul falls\n\nMilitants took the city.");
}

TEST(ParseJson, ReadsRepeatedNullAndUnknownFieldsAsNlohmannDoes) {
    // The fast reader (simdjson) and the one that reports errors (nlohmann) must agree: a repeated
    // key counts with its last value, null as absent, unknown fields not at all.
    const ArticleDraft draft = parse_json_article(
        R"({"id": "first", "id": "second", "author": null, "extra": {"n": [1, 2e3]}, "title": "T \"q\"",)"
        R"( "text": "ignored", "text": "Mosul falls\nMilitants took the city."})",
        SourceLocation());
    EXPECT_EQ(draft.article.id, "second");
    EXPECT_EQ(draft.article.author, "");
    EXPECT_EQ(draft.article.title, "T \"q\"");
    EXPECT_EQ(draft.article.text, "T \"q\"\n\nMosul falls\n\nMilitants took the city.");
    // Text simdjson refuses but nlohmann reads (an integer beyond 64 bits) is still an article.
    const ArticleDraft big = parse_json_article(R"({"n": 123456789012345678901234567890, "text": "A\nB."})", SourceLocation());
    EXPECT_EQ(big.article.text, "A\n\nB.");
}

TEST(ParseJson, ReportsErrorsAtTheirLineAndColumn) {
    const auto message = [](std::string_view json, SourceLocation where) {
        try {
            (void)parse_json_article(json, where);
        } catch (const InputError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("{\"title\": \"x\",\n \"text\": \"y\",}", SourceLocation("a.json")),
              "a.json:2:14: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string "
              "literal");
    EXPECT_EQ(message(R"({"text": "y")", SourceLocation("b.ndjson", 7)),
              "b.ndjson:7:13: invalid JSON: syntax error while parsing object - unexpected end of input; "
              "expected '}'");
    EXPECT_EQ(message(R"({"text": 5})", SourceLocation("c.json")),
              "c.json: field \"text\" must be a string, not number");
    EXPECT_EQ(message(R"({"title": ["a"], "text": "b"})", SourceLocation("c.json")),
              "c.json: field \"title\" must be a string, not array");
    EXPECT_EQ(message("[1, 2]", SourceLocation("d.json")),
              "d.json: expected a JSON object (one article), not array; several articles go in a .ndjson file, one "
              "per line");
    EXPECT_EQ(message(R"({"title": "t"})", SourceLocation("e.json")),
              "e.json: no \"text\" field: an article object needs its text");
}

TEST(ParseHtml, ReadsMetadataAndTheArticleTextOnly) {
    const ArticleDraft draft = parse_html_article(read_fixture("page.html"));
    const Article& article = draft.article;
    EXPECT_EQ(article.title, "Kurds hold hill above Kobani after night of strikes");
    EXPECT_EQ(article.outlet, "Halden Post");
    EXPECT_EQ(article.author, "Leyla Arslan");
    EXPECT_EQ(article.url, "https://halden.example/kobani-hill");
    EXPECT_EQ(article.language, "en-GB");
    EXPECT_EQ(draft.published, "2014-10-14T09:30:00+03:00");
    EXPECT_EQ(paragraphs_of(article),
              (std::vector<std::string_view>{
                  "Kurds hold hill above Kobani after night of strikes",
                  "By Leyla Arslan",
                  "SURUC, Turkey \xE2\x80\x94 Kurdish fighters held a hill west of Kobani on Tuesday after a night of "
                  "coalition air strikes, the Syrian Observatory said.",
                  "Strikes",
                  "Central Command said the raids hit two staging areas & several vehicles. Officials gave no figures.",
                  "\"We will not leave,\" a commander said.",
                  "Twenty-one strikes on Monday and Tuesday.",
                  "Read more: Who are the Kurds of Kobani?",
              }));
}

TEST(ParseHtml, FallsBackToTitleJsonLdAndBody) {
    const ArticleDraft draft = parse_html_article(R"(<html><head><title> Mosul
          falls </title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2014-06-11T08:00:00Z"}]}</script>
        <meta property="og:locale" content="en_US"></head>
        <body><div><p>Militants took the city.</p><p>   </p><li>Half a million fled.</li></div></body></html>)");
    EXPECT_EQ(draft.article.title, "Mosul falls");
    EXPECT_EQ(draft.published, "2014-06-11T08:00:00Z");
    EXPECT_EQ(draft.article.language, "en-US");
    EXPECT_EQ(draft.article.text, "Mosul falls\n\nMilitants took the city.\n\nHalf a million fled.");
}

TEST(ParseHtml, PrefersTheLargestArticleOverTeasers) {
    const ArticleDraft draft = parse_html_article(
        "<title>T</title><meta name='DC.date' content='2015-02-18'>"
        "<article><p>Short teaser.</p></article>"
        "<article><p>Ukrainian forces withdrew from Debaltseve.</p><p>Rebels took the town.</p></article>");
    EXPECT_EQ(draft.published, "2015-02-18");
    EXPECT_EQ(draft.article.text, "T\n\nUkrainian forces withdrew from Debaltseve.\n\nRebels took the town.");
}

TEST(ParseHtml, SurvivesBrokenAndDeeplyNestedMarkup) {
    EXPECT_TRUE(parse_html_article("<p>unclosed <b><i>tags <table><td>cell").article.text.size() > 0);
    std::string deep;  // gumbo's own clean-up overflowed the stack at this depth
    for (int depth = 0; depth < 400000; ++depth) deep += "<span>";
    deep += "<p>Deep text.</p>";
    EXPECT_EQ(parse_html_article(deep).article.title, "Deep text.");
}

}  // namespace
}  // namespace frontline::ingest::detail
