#include "extract/lexicon.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "common/assets.hpp"
#include "common/error.hpp"
#include "text/tokenizer.hpp"

namespace frontline {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// ---- expand_token ---------------------------------------------------------------------------

TEST(ExpandTokenTest, RegularVerbGetsItsFourForms) {
    EXPECT_THAT(expand_token("~seize"), UnorderedElementsAre("seize", "seizes", "seized", "seizing"));
    EXPECT_THAT(expand_token("~capture"), UnorderedElementsAre("capture", "captures", "captured", "capturing"));
    EXPECT_THAT(expand_token("~attack"), UnorderedElementsAre("attack", "attacks", "attacked", "attacking"));
}

TEST(ExpandTokenTest, IrregularVerbTakesItsPastAndParticiple) {
    EXPECT_THAT(expand_token("~take:took:taken"), UnorderedElementsAre("take", "takes", "took", "taken", "taking"));
    EXPECT_THAT(expand_token("~strike:struck:struck"), UnorderedElementsAre("strike", "strikes", "struck", "striking"));
    EXPECT_THAT(expand_token("~hit:hit:hit:hitting"), UnorderedElementsAre("hit", "hits", "hitting"));
}

TEST(ExpandTokenTest, SpellingRulesOfRegularInflection) {
    EXPECT_THAT(expand_token("~push"), UnorderedElementsAre("push", "pushes", "pushed", "pushing"));
    EXPECT_THAT(expand_token("~carry"), UnorderedElementsAre("carry", "carries", "carried", "carrying"));
    EXPECT_THAT(expand_token("~deploy"), UnorderedElementsAre("deploy", "deploys", "deployed", "deploying"));
    EXPECT_THAT(expand_token("~flee:fled:fled"), UnorderedElementsAre("flee", "flees", "fled", "fleeing"));
}

TEST(ExpandTokenTest, PlainTokensExpandToTheirAlternatives) {
    EXPECT_THAT(expand_token("town"), ElementsAre("town"));
    EXPECT_THAT(expand_token("town|city|village"), ElementsAre("town", "city", "village"));
    EXPECT_THAT(expand_token("a||b"), ElementsAre("a", "b"));
}

// ---- PhraseIndex ------------------------------------------------------------------------------

/// The matched words of every match of `index` in `text`, each as "payload:words".
std::vector<std::string> scan_text(const PhraseIndex& index, const std::string& text) {
    const std::vector<Token> tokens = tokenize(text);
    std::vector<std::string> out;
    for (const PhraseMatch& m : index.scan(tokens)) {
        EXPECT_LT(m.first, m.last);
        EXPECT_LE(m.last, tokens.size());
        std::string words = std::to_string(m.payload) + ":";
        words += text.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin);
        out.push_back(words);
    }
    return out;
}

using Matches = std::vector<std::string>;

TEST(PhraseIndexTest, MatchesInflectedForms) {
    PhraseIndex index;
    index.add("~seize", 1);
    index.add("~take:took:taken control", 2);
    EXPECT_EQ(scan_text(index, "Rebels seized the town"), (Matches{"1:seized"}));
    EXPECT_EQ(scan_text(index, "They are seizing it"), (Matches{"1:seizing"}));
    EXPECT_EQ(scan_text(index, "Fighters took control of the hill"), (Matches{"2:took control"}));
    EXPECT_EQ(scan_text(index, "Control was taken"), (Matches{}));
}

TEST(PhraseIndexTest, MatchesAcrossCaseAndDiacritics) {
    PhraseIndex index;
    index.add("kobani", 7);
    EXPECT_EQ(scan_text(index, "KOBANI and Kobanî"), (Matches{"7:KOBANI", "7:Kobanî"}));
}

TEST(PhraseIndexTest, GapMatchesUpToFourTokens) {
    PhraseIndex index;
    index.add("~drive:drove:driven * out_of", 1);
    EXPECT_EQ(scan_text(index, "Kurds drove out of town"), (Matches{"1:drove out of"}));
    EXPECT_EQ(scan_text(index, "Kurds drove them out of town"), (Matches{"1:drove them out of"}));
    EXPECT_EQ(scan_text(index, "Kurds drove the Islamic State militants out of town"),
              (Matches{"1:drove the Islamic State militants out of"}));
    EXPECT_EQ(scan_text(index, "Kurds drove the heavily armed Islamic State militants out of town"), (Matches{}))
        << "a gap of five tokens";
}

TEST(PhraseIndexTest, GapDoesNotCrossAClause) {
    PhraseIndex index;
    index.add("~push:pushed * out_of", 1);
    EXPECT_EQ(scan_text(index, "They pushed hard. Out of nowhere"), (Matches{}));
    EXPECT_EQ(scan_text(index, "They pushed hard; out of nowhere"), (Matches{}));
}

TEST(PhraseIndexTest, MultiWordAlternativesWithUnderscore) {
    PhraseIndex index;
    index.add("~push:pushed * out_of|back", 1);
    EXPECT_EQ(scan_text(index, "Kurds pushed the militants out of the town"), (Matches{"1:pushed the militants out of"}));
    EXPECT_EQ(scan_text(index, "Kurds pushed the militants back"), (Matches{"1:pushed the militants back"}));
    EXPECT_EQ(scan_text(index, "Kurds pushed the militants"), (Matches{}));
}

TEST(PhraseIndexTest, TopLevelAlternativesOfSeveralWords) {
    PhraseIndex index;
    index.add("air strike|drone strikes", 3);
    EXPECT_EQ(scan_text(index, "an air strike and drone strikes"), (Matches{"3:air strike", "3:drone strikes"}));
    EXPECT_EQ(scan_text(index, "an air raid"), (Matches{}));
}

TEST(PhraseIndexTest, AllCapitalFormOnlyMatchesAllCapitals) {
    PhraseIndex index;
    index.add("IS", 1);
    EXPECT_EQ(scan_text(index, "IS fighters attacked"), (Matches{"1:IS"}));
    EXPECT_EQ(scan_text(index, "The town is quiet"), (Matches{}));
    EXPECT_EQ(scan_text(index, "Is the town quiet"), (Matches{})) << "capitalised is not all capitals";
}

TEST(PhraseIndexTest, CapitalisedFormOnlyMatchesCapitalisedWords) {
    PhraseIndex index;
    index.add("Hit", 1);  // the Iraqi town
    EXPECT_EQ(scan_text(index, "Fighting in Hit"), (Matches{"1:Hit"}));
    EXPECT_EQ(scan_text(index, "Strikes hit the town"), (Matches{}));
}

TEST(PhraseIndexTest, LowerCaseFormMatchesAnyCase) {
    PhraseIndex index;
    index.add("peshmerga", 1);
    EXPECT_EQ(scan_text(index, "peshmerga Peshmerga PESHMERGA"), (Matches{"1:peshmerga", "1:Peshmerga", "1:PESHMERGA"}));
}

TEST(PhraseIndexTest, LongestMatchFirst) {
    PhraseIndex index;
    index.add("Islamic", 1);
    index.add("Islamic State", 2);
    index.add("Islamic State of Iraq and the Levant", 3);
    EXPECT_EQ(scan_text(index, "the Islamic State of Iraq and the Levant attacked"),
              (Matches{"3:Islamic State of Iraq and the Levant"}));
    EXPECT_EQ(scan_text(index, "Islamic State fighters"), (Matches{"2:Islamic State"}));
    EXPECT_EQ(scan_text(index, "Islamic militants"), (Matches{"1:Islamic"}));

    const std::vector<Token> tokens = tokenize("Islamic State of Iraq and the Levant");
    const std::vector<PhraseMatch> all = index.matches_at(tokens, 0);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].payload, 3U);
    EXPECT_EQ(all[1].payload, 2U);
    EXPECT_EQ(all[2].payload, 1U);
}

TEST(PhraseIndexTest, WordsWithInnerPunctuationMatchTokenByToken) {
    PhraseIndex index;
    index.add("Ayn al-Arab", 1);
    index.add("People's Protection Units", 2);
    index.add("U.S.-led coalition", 3);
    EXPECT_EQ(scan_text(index, "fighting in Ayn al-Arab"), (Matches{"1:Ayn al-Arab"}));
    EXPECT_EQ(scan_text(index, "the People's Protection Units held"), (Matches{"2:People's Protection Units"}));
    EXPECT_EQ(scan_text(index, "the U.S.-led coalition struck"), (Matches{"3:U.S.-led coalition"}));
}

TEST(PhraseIndexTest, RejectsMalformedPhrases) {
    PhraseIndex index;
    EXPECT_THROW(index.add("", 1), DataError);
    EXPECT_THROW(index.add("* town", 1), DataError);
    EXPECT_THROW(index.add("town *", 1), DataError);
}

// ---- Lexicon ----------------------------------------------------------------------------------

class LexiconTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { lexicon_.emplace(Lexicon::load(data_root())); }
    static void TearDownTestSuite() { lexicon_.reset(); }
    static const Lexicon& lexicon() { return *lexicon_; }

    /// The actor ids the lexicon's actor phrases find in `text`, in order.
    static std::vector<std::string> actors_in(const std::string& text) {
        std::vector<std::string> ids;
        for (const PhraseMatch& m : lexicon().actor_phrases().scan(tokenize(text)))
            ids.push_back(lexicon().actor_entry(m.payload).actor);
        return ids;
    }

private:
    static std::optional<Lexicon> lexicon_;
};

std::optional<Lexicon> LexiconTest::lexicon_;

TEST_F(LexiconTest, KnowsTheActorsOfTheTaxonomyWithTheirKinds) {
    struct Expected {
        const char* id;
        ActorKind kind;
    };
    for (const auto& [id, kind] : {Expected{"ISIS", ActorKind::armed_group}, Expected{"YPG", ActorKind::armed_group},
                                   Expected{"FSA", ActorKind::armed_group}, Expected{"PESHMERGA", ActorKind::regional_forces},
                                   Expected{"KRG", ActorKind::regional_government}, Expected{"UN", ActorKind::international},
                                   Expected{"TUR", ActorKind::state}, Expected{"USA", ActorKind::state},
                                   Expected{"SYR", ActorKind::state}, Expected{"RUS", ActorKind::state},
                                   Expected{"UKR", ActorKind::state}, Expected{"KURDS_CIV", ActorKind::civilians}}) {
        const ActorInfo* info = lexicon().actor(id);
        ASSERT_NE(info, nullptr) << id;
        EXPECT_EQ(info->id, id);
        EXPECT_EQ(info->kind, kind) << id;
    }
    EXPECT_EQ(lexicon().actor("NO_SUCH_ACTOR"), nullptr);
}

TEST_F(LexiconTest, SurfaceFormsNameTheirActor) {
    EXPECT_EQ(actors_in("Islamic State fighters attacked"), (std::vector<std::string>{"ISIS"}));
    EXPECT_EQ(actors_in("Daesh and ISIL"), (std::vector<std::string>{"ISIS", "ISIS"}));
    EXPECT_EQ(actors_in("the People's Protection Units"), (std::vector<std::string>{"YPG"}));
    EXPECT_EQ(actors_in("the Free Syrian Army"), (std::vector<std::string>{"FSA"}));
    EXPECT_EQ(actors_in("the United Nations"), (std::vector<std::string>{"UN"}));
}

TEST_F(LexiconTest, StatesAreNamedByNameAndCapital) {
    EXPECT_EQ(actors_in("Turkey"), (std::vector<std::string>{"TUR"}));
    EXPECT_EQ(actors_in("Ankara"), (std::vector<std::string>{"TUR"}));
    EXPECT_EQ(actors_in("Washington"), (std::vector<std::string>{"USA"}));
    EXPECT_EQ(actors_in("Moscow"), (std::vector<std::string>{"RUS"}));
    EXPECT_EQ(actors_in("Kyiv"), (std::vector<std::string>{"UKR"}));
}

TEST_F(LexiconTest, CapitalsAreKnownInTheirNewsSpellings) {
    // 2014-2015 reporting writes "Kiev"; the capital column of countries.tsv has "Kyiv".
    const std::vector<std::string> got = actors_in("Kiev");
    EXPECT_EQ(got, (std::vector<std::string>{"UKR"}));
}

TEST_F(LexiconTest, LowerCaseIsIsNotTheIslamicState) {
    EXPECT_EQ(actors_in("IS fighters"), (std::vector<std::string>{"ISIS"}));
    EXPECT_TRUE(actors_in("the town is besieged").empty());
}

TEST_F(LexiconTest, ThePeoplesArmedForce) {
    EXPECT_EQ(lexicon().armed_force_of("KURDS_CIV"), "YPG");
    EXPECT_EQ(lexicon().armed_force_of("NO_SUCH_PEOPLE"), "");
}

TEST_F(LexiconTest, GenericNounsNameTheirGroups) {
    EXPECT_TRUE(lexicon().is_generic_noun("militants"));
    EXPECT_TRUE(lexicon().is_generic_noun("jihadists"));
    EXPECT_FALSE(lexicon().is_generic_noun("town"));
    const std::vector<std::string> groups = lexicon().groups_called("militants");
    EXPECT_NE(std::find(groups.begin(), groups.end(), "ISIS"), groups.end());
    EXPECT_TRUE(lexicon().groups_called("town").empty());
}

TEST_F(LexiconTest, CueFamiliesFindTheirWords) {
    EXPECT_FALSE(lexicon().cues(CueFamily::negation).scan(tokenize("they did not attack")).empty());
    EXPECT_FALSE(lexicon().cues(CueFamily::hypothetical).scan(tokenize("if the town falls")).empty());
    EXPECT_FALSE(lexicon().cues(CueFamily::reported).scan(tokenize("according to reports")).empty());
}

TEST_F(LexiconTest, TriggersCarryTaxonomyTypes) {
    const auto matches = lexicon().trigger_phrases().scan(tokenize("Rebels captured the town"));
    ASSERT_FALSE(matches.empty());
    EXPECT_EQ(lexicon().trigger(matches.front().payload).type, "territory_taken");
}

TEST(LexiconLoadTest, MissingFolderIsADataError) {
    EXPECT_THROW((void)Lexicon::load("/nonexistent/frontline-data"), DataError);
}

}  // namespace
}  // namespace frontline
