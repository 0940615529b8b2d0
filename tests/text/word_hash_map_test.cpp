#include "text/word_hash_map.hpp"

#include <cstddef>

#include <gtest/gtest.h>

namespace frontline {
namespace {

TEST(WordHashMap, FindsNothingWhenEmpty) {
    const WordHashMap<int> map;
    EXPECT_EQ(map.find(42), nullptr);
    EXPECT_EQ(map.size(), 0U);
}

TEST(WordHashMap, KeepsEveryValueAcrossGrowthAndKeysInInsertionOrder) {
    WordHashMap<std::size_t> map;
    // Keys sharing their low bits collide in every table size, so probing is exercised too.
    constexpr std::size_t count = 1000;
    const auto key_of = [](std::size_t i) { return (i << 20) * 0x9E3779B97F4A7C15ULL + (i % 3) * 1024; };
    for (std::size_t i = 0; i < count; ++i) map[key_of(i)] = i;
    ASSERT_EQ(map.size(), count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t* value = map.find(key_of(i));
        ASSERT_NE(value, nullptr) << i;
        EXPECT_EQ(*value, i);
        EXPECT_EQ(map.key(i), key_of(i));
    }
    EXPECT_EQ(map.find(7), nullptr);
}

TEST(WordHashMap, AnExistingKeyGivesItsValueBack) {
    WordHashMap<int> map;
    map[5] = 1;
    map[5] += 2;
    EXPECT_EQ(map.size(), 1U);
    EXPECT_EQ(*map.find(5), 3);
    map.clear();
    EXPECT_EQ(map.find(5), nullptr);
    EXPECT_EQ(map.size(), 0U);
}

}  // namespace
}  // namespace frontline
