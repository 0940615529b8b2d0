#include "text/word_map.hpp"

#include <string>

#include <gtest/gtest.h>

#include <algorithm>

#include "text/tokenizer.hpp"

namespace frontline {
namespace {

TEST(WordMap, FindsTokensAndFoldedWordsAlike) {
    const WordMap<int> numbers = {{"one", 1}, {"two", 2}, {"dozens", 24}};
    const std::vector<Token> tokens = tokenize("Two dozen, DOZENS of one-off");
    ASSERT_EQ(tokens.size(), 8U);
    ASSERT_NE(numbers.find(tokens[0]), nullptr);  // "Two": tokens are looked up folded
    EXPECT_EQ(*numbers.find(tokens[0]), 2);
    EXPECT_EQ(numbers.find(tokens[1]), nullptr);  // "dozen" is not "dozens"
    ASSERT_NE(numbers.find(tokens[3]), nullptr);
    EXPECT_EQ(*numbers.find(tokens[3]), 24);
    ASSERT_NE(numbers.find("one"), nullptr);
    EXPECT_EQ(numbers.find("on"), nullptr);
}

TEST(WordMap, KeepsTheFirstValueOfARepeatedWordAndIgnoresEmptyOnes) {
    WordMap<int> map;
    EXPECT_TRUE(map.empty());
    map.insert("may", 5);
    map.insert("may", 6);
    map.insert("", 7);
    ASSERT_NE(map.find("may"), nullptr);
    EXPECT_EQ(*map.find("may"), 5);
    EXPECT_EQ(map.find(""), nullptr);
}

TEST(WordMap, KeepsEveryWordAcrossGrowth) {
    WordMap<std::size_t> map;
    constexpr std::size_t count = 2000;
    for (std::size_t i = 0; i < count; ++i) map.insert("w" + std::to_string(i), i);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t* value = map.find("w" + std::to_string(i));
        ASSERT_NE(value, nullptr) << i;
        EXPECT_EQ(*value, i);
    }
    EXPECT_EQ(map.find("w" + std::to_string(count)), nullptr);
}

TEST(WordMap, FindsNoWordItDoesNotHoldWhateverItsSize) {
    // A map's filter rejects most absent words before its table is read: at every size, from a
    // few words (a sparse filter) to thousands (a full one), present words are found and absent
    // ones are not.
    for (const std::size_t count : {1U, 5U, 40U, 300U, 3000U}) {
        WordMap<std::size_t> map;
        for (std::size_t i = 0; i < count; ++i) map.insert("in" + std::to_string(i), i);
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t* value = map.find("in" + std::to_string(i));
            ASSERT_NE(value, nullptr) << count << " " << i;
            EXPECT_EQ(*value, i);
        }
        for (std::size_t i = 0; i < 5000; ++i) EXPECT_EQ(map.find("out" + std::to_string(i)), nullptr) << count << " " << i;
    }
    EXPECT_EQ(WordMap<int>().find("anything"), nullptr);
}

TEST(WordHash, TellsApartWordsThatDifferAnywhereOrOnlyInLength) {
    // Eight bytes at a time: words that share a chunk, differ in the last byte of one, or differ
    // only in their length must hash apart (a hash collision costs time, not answers, but the
    // tables are built on few of them).
    static_assert(word_hash("abcdefgh") != word_hash("abcdefghi"));
    static_assert(word_hash("abcdefgh") != word_hash("abcdefgi"));
    static_assert(word_hash("a") != word_hash(std::string_view("a\0", 2)));
    static_assert(word_hash("") != word_hash(std::string_view("\0", 1)));
    std::vector<std::size_t> hashes;
    for (const char* word : {"kobani", "kobane", "kobanî", "ayn al-arab", "ayn al-arabi", "international", "internationals"})
        hashes.push_back(word_hash(word));
    std::sort(hashes.begin(), hashes.end());
    EXPECT_EQ(std::adjacent_find(hashes.begin(), hashes.end()), hashes.end());
}

TEST(RuleWord, HashesAtCompileTimeAsTheTokenizerDoesAtRunTime) {
    static_assert(word_hash("the") == word_hash(std::string_view("the")));
    static_assert(word_hash("the") != word_hash("then"));
    constexpr RuleWord the = "the";
    const std::vector<Token> tokens = tokenize("The theatre, then THE end");
    EXPECT_EQ(the.hash, tokens[0].folded_hash);
    EXPECT_TRUE(tokens[0].is("the"));
    EXPECT_FALSE(tokens[1].is("the"));  // "theatre"
    EXPECT_FALSE(tokens[3].is("the"));  // "then"
    EXPECT_TRUE(tokens[4].is("the"));
    EXPECT_TRUE(tokens[2].is(","));
}

TEST(WordSet, AnswersForTokensAndWords) {
    WordSet set = {"killed", "dead"};
    set.insert("wounded");
    const std::vector<Token> tokens = tokenize("Three were KILLED and two wounded");
    EXPECT_TRUE(set.contains(tokens[2]));
    EXPECT_TRUE(set.contains(tokens[5]));
    EXPECT_FALSE(set.contains(tokens[0]));
    EXPECT_TRUE(set.contains("dead"));
    EXPECT_FALSE(set.contains("die"));
}

}  // namespace
}  // namespace frontline
