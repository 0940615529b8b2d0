#include "extract/extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../text/test_article.hpp"
#include "common/assets.hpp"
#include "text/fold.hpp"

namespace frontline {
namespace {

using testing_support::make_article;

Date iso(const char* text) { return *Date::parse_iso(text); }

/// Paragraphs of `body`, one per line.
std::vector<std::string_view> lines(std::string_view body) {
    std::vector<std::string_view> out;
    while (!body.empty()) {
        const std::size_t nl = body.find('\n');
        out.push_back(body.substr(0, nl));
        body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    }
    return out;
}

std::string describe(const EventMention& m) {
    std::ostringstream out;
    out << m.event_type << '(' << m.actor1.id << " -> " << m.actor2.id << ", " << to_string(m.certainty);
    if (m.date_start) out << ", " << m.date_start->iso();
    if (m.date_end && m.date_end != m.date_start) out << ".." << m.date_end->iso();
    if (m.magnitude) out << ", magnitude " << *m.magnitude;
    for (const PlaceRef& p : m.places) out << ", place \"" << p.text << '"';
    out << ") <- \"" << m.mention.text << '"';
    return out.str();
}

std::string describe(const std::vector<EventMention>& mentions) {
    if (mentions.empty()) return "no events";
    std::string out;
    for (const EventMention& m : mentions) out += "\n  " + describe(m);
    return out;
}

/// One lexicon for the whole binary: the extractor only reads it.
class ExtractorTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!lexicon_) lexicon_.emplace(Lexicon::load(data_root()));
    }
    static const Lexicon& lexicon() { return *lexicon_; }

    static ArticleReading read(std::string_view title, std::string_view body, const char* published) {
        return Extractor(lexicon()).read(make_article(title, lines(body), iso(published)));
    }
    /// The mentions of `type` read from the body (the title, sentence 0, may code the event too).
    static std::vector<EventMention> of_type(const ArticleReading& reading, std::string_view type) {
        std::vector<EventMention> out;
        std::copy_if(reading.mentions.begin(), reading.mentions.end(), std::back_inserter(out),
                     [&](const EventMention& m) { return m.event_type == type && m.mention.sentence_index > 0; });
        return out;
    }

private:
    static std::optional<Lexicon> lexicon_;
};

std::optional<Lexicon> ExtractorTest::lexicon_;

// ---- A table of sentences and what an analyst codes from them ---------------------------------

/// An event that must not come out: of `type`, and by `actor1` when one is given.
struct Forbidden {
    std::string type;
    std::string actor1;
};

struct CodingCase {
    const char* name;
    const char* title;
    const char* body;  ///< paragraphs, one per line
    const char* published;
    std::string type;                 ///< the event that must come out; empty: none is required
    std::vector<std::string> actor1;  ///< acceptable actor1 ids; empty: not checked
    std::vector<std::string> actor2;  ///< acceptable actor2 ids; empty: not checked; {""}: must be absent
    std::vector<Forbidden> forbidden;
};

void PrintTo(const CodingCase& c, std::ostream* os) { *os << c.name; }

bool accepts(const std::vector<std::string>& ids, const std::string& id) {
    return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// What is wrong with the coding of `reading` against `c`; empty when nothing is.
std::string problems(const CodingCase& c, const ArticleReading& reading) {
    std::string out;
    if (!c.type.empty()) {
        const bool found = std::any_of(reading.mentions.begin(), reading.mentions.end(), [&](const EventMention& m) {
            return m.event_type == c.type && accepts(c.actor1, m.actor1.id) && accepts(c.actor2, m.actor2.id);
        });
        if (!found) {
            out += "expected " + c.type + "(";
            for (const auto& a : c.actor1) out += a + (&a == &c.actor1.back() ? "" : "|");
            out += " -> ";
            for (const auto& a : c.actor2) out += (a.empty() ? "none" : a) + (&a == &c.actor2.back() ? "" : "|");
            out += "); ";
        }
    }
    for (const Forbidden& f : c.forbidden)
        for (const EventMention& m : reading.mentions)
            if (m.event_type == f.type && (f.actor1.empty() || m.actor1.id == f.actor1))
                out += "forbidden " + f.type + (f.actor1.empty() ? "" : " by " + f.actor1) + " produced; ";
    if (!out.empty()) out += "got:" + describe(reading.mentions);
    return out;
}

class CodingTest : public ExtractorTest, public ::testing::WithParamInterface<CodingCase> {};

TEST_P(CodingTest, CodesTheEventAnAnalystWould) {
    const CodingCase& c = GetParam();
    const std::string wrong = problems(c, read(c.title, c.body, c.published));
    EXPECT_EQ(wrong, "") << c.body;
}

// Invented articles (not corpus sentences), about several wars. Actor ids per taxonomy.md.
const CodingCase coding_cases[] = {
    {"ActiveCapture", "Fighting in northern Syria", "Rebels captured the town of Idlib on Monday.", "2015-03-30",
     "territory_taken", {"FSA", "REBELS"}, {}, {}},
    {"PassiveCaptureGivesTheAgentAsActor1", "Fighting in northern Syria",
     "The town of Tal Abyad was seized by Islamic State fighters on Tuesday.", "2014-10-09", "territory_taken", {"ISIS"},
     {}, {}},
    {"DroveOutOfNamesWinnerAndLoser", "Fighting in northern Syria",
     "Kurdish fighters drove Islamic State militants out of the village of Tell Hamis on Friday.", "2014-10-09",
     "territory_taken", {"YPG"}, {"ISIS"}, {}},
    {"StateRecapture", "Fighting in central Syria", "The Syrian army recaptured the ancient city of Palmyra on Sunday.",
     "2016-03-28", "territory_taken", {"SYR"}, {}, {}},
    {"HypotheticalFallIsNoCapture", "Fears for Aleppo",
     "If the city of Aleppo falls, the rebels will lose their last supply line.", "2016-11-30", "", {}, {},
     {{"territory_taken", ""}}},
    {"ModalCaptureIsNoCapture", "Fears for Ramadi", "Islamic State fighters could capture the city of Ramadi within days.",
     "2015-05-10", "", {}, {}, {{"territory_taken", ""}}},
    {"RuledOutIsARejectionNotAnOffensive", "Ankara stays out",
     "Turkey ruled out a ground offensive to relieve the besieged town on Wednesday.", "2014-10-09", "rejection", {"TUR"},
     {}, {{"advance", ""}, {"armed_clash", ""}, {"deployment", ""}}},
    {"NegatedAttackIsNoClash", "Quiet day", "The army did not attack the town of Suruc on Monday.", "2014-10-09", "", {},
     {}, {{"armed_clash", ""}, {"territory_taken", ""}}},
    {"AirstrikeByWarplanes", "Coalition strikes",
     "U.S. warplanes struck Islamic State positions near Raqqa on Sunday.", "2014-10-09", "airstrike", {"USA"}, {"ISIS"},
     {{"deployment", ""}}},
    {"PoliceTearGasOnProtestersIsARiot", "Unrest in Turkey",
     "Police fired tear gas at Kurdish protesters in Diyarbakir on Tuesday.", "2014-10-09", "riot", {"KURDS_CIV"}, {},
     {{"armed_clash", ""}}},
    {"PeacefulMarchIsAProtest", "Kurds rally in Istanbul",
     "Thousands of Kurdish protesters marched through Istanbul on Saturday.", "2014-10-09", "protest", {"KURDS_CIV"}, {},
     {{"riot", ""}}},
    {"CiviliansFleeing", "Exodus from Sinjar", "Thousands of civilians fled the town of Sinjar on Sunday.", "2014-08-05",
     "displacement", {}, {}, {{"retreat", ""}}},
    {"ProxyShellingIsBySeparatistsNotTheirBacker", "War in eastern Ukraine",
     "Russian-backed separatists shelled Debaltseve overnight.", "2015-02-10", "shelling", {"DONBAS_SEP"}, {},
     {{"shelling", "RUS"}}},
    {"GroupPossessiveKillingCivilians", "Massacre in northern Iraq",
     "Islamic State fighters surrounded the village of Kocho on Friday.\nThe group's fighters killed 12 civilians.",
     "2014-08-17", "attack_on_civilians", {"ISIS"}, {}, {}},
    {"AccusationIsNoDeployment", "Ukraine crisis deepens",
     "Kiev accused Moscow of sending troops into eastern Ukraine on Thursday.", "2014-08-29", "accusation", {"UKR"},
     {"RUS"}, {{"deployment", "RUS"}, {"deployment", ""}}},
    {"WarningOfAMassacreIsNoMassacre", "UN fears for the town",
     "The UN says that if the town falls, a massacre will follow.", "2014-10-09", "warning", {"UN"}, {},
     {{"attack_on_civilians", ""}, {"territory_taken", ""}}},
    {"SoldiersFleeingIsARetreat", "Collapse in Mosul", "Iraqi soldiers abandoned their posts in Mosul and fled on Tuesday.",
     "2014-06-11", "retreat", {"IRQ", "IRAQI_SOLDIERS"}, {}, {{"displacement", ""}}},
    {"WithdrawalIsARetreat", "War in eastern Ukraine", "Ukrainian troops withdrew from Debaltseve on Wednesday.",
     "2015-02-19", "retreat", {"UKR"}, {}, {{"territory_taken", "UKR"}}},
    {"CarBomb", "Blast in Baghdad", "A car bomb exploded in a market in Baghdad on Monday, killing 20 people.",
     "2015-05-12", "bombing", {}, {}, {}},
    {"Abduction", "Hostages taken", "Islamic State militants abducted dozens of Assyrian Christians on Monday.",
     "2015-02-25", "abduction", {"ISIS"}, {}, {}},
    {"Arrest", "Crackdown in Istanbul", "Turkish police detained 20 Kurdish activists in Istanbul on Friday.",
     "2014-10-12", "arrest", {"TUR"}, {}, {}},
    {"DeploymentOfTanks", "Tanks at the border", "Russia deployed tanks to its border with Ukraine on Monday.", "2014-04-10",
     "deployment", {"RUS"}, {}, {}},
    {"StateDeployedForcesToItsBorder", "Tanks at the border", "Turkey deployed forces to its border with Syria on Monday.",
     "2014-10-09", "deployment", {"TUR"}, {}, {}},
    {"ForcesMassedOnTheBorder", "Tanks at the border", "Turkish tanks massed on the border with Syria on Monday.",
     "2014-10-09", "deployment", {"TUR"}, {}, {}},
    {"HeadlineFleeingIsDisplacement", "Thousands flee Sinjar", "Witnesses described the scene on Sunday.", "2014-08-05",
     "displacement", {}, {}, {{"retreat", ""}}},
    {"ReinforcementIsAid", "Reinforcements arrive",
     "Iraqi Kurdish peshmerga fighters crossed into Syria to reinforce the Kurdish defenders on Friday.", "2014-11-01",
     "aid", {"PESHMERGA"}, {}, {}},
    {"AdvanceWithoutCapture", "Offensive on Ramadi",
     "Islamic State fighters advanced on the city of Ramadi on Thursday.", "2015-05-16", "advance", {"ISIS"}, {},
     {{"territory_taken", ""}}},
    {"Clashes", "Fighting in Aleppo", "Rebels clashed with government forces in Aleppo on Tuesday.", "2016-11-30",
     "armed_clash", {"FSA", "REBELS"}, {}, {}},
    {"Appeal", "Appeal to Turkey", "The UN urged Turkey to open its border to refugees on Monday.", "2014-10-09",
     "appeal", {"UN"}, {"TUR"}, {}},
    {"Consultation", "Talks in Minsk", "Ukraine's president met Russia's president in Minsk on Tuesday.", "2014-08-27",
     "consultation", {"UKR"}, {}, {}},

    // Unnamed governments and office holders act for the story's home state (resolved in the pipeline).
    {"UnnamedGovernmentIsNoPlace", "Unrest in Nigeria",
     "Interior Minister Abba Moro warned on Tuesday that the government would not tolerate attacks on police.",
     "2014-05-06", "warning", {""}, {}, {}},
    // Forces come from the state that sends them.
    {"ForcesFromAState", "Strikes in Yemen",
     "Warplanes and drones from Saudi Arabia struck Houthi positions in Saada on Monday.", "2015-04-07", "airstrike",
     {"SAU"}, {}, {}},
    {"LedCoalitionIsItsLeaders", "Strikes in Yemen", "Saudi-led coalition warplanes bombed the port of Hodeidah on Sunday.",
     "2015-08-24", "airstrike", {"SAU"}, {}, {{"airstrike", "USA"}}},
    // Both sides after "between".
    {"FightsBetweenTwoSides", "Clashes in Mogadishu",
     "Three people were killed during fighting between al Shabaab and government troops in Mogadishu on Friday.",
     "2016-02-27", "armed_clash", {"AL_SHABAAB"}, {}, {}},
    // What is deployed is the actor of a passive deployment.
    {"PassiveDeployment", "Curfew in Kano", "Soldiers were sent onto the streets of Kano on Monday night.", "2014-11-29",
     "deployment", {""}, {}, {}},
    // Event nouns under a modal or a negation are talked about, not reported.
    {"EventNounUnderModal", "Debate over Syria",
     "The president said on Monday that air strikes alone would not defeat the militants.", "2014-09-30", "", {}, {},
     {{"airstrike", ""}}},
    {"EventNounNegated", "Quiet night in Donetsk", "The shelling did not reach the city centre on Tuesday night.",
     "2015-01-21", "", {}, {}, {{"shelling", ""}}},
    // A definite event noun that goes straight on to its verb refers back to a told event.
    {"AnaphoricEventNoun", "Ramadi",
     "Islamic State fighters seized a district of Ramadi on Thursday.\nThe advance came despite weeks of air strikes.",
     "2015-05-16", "territory_taken", {"ISIS"}, {}, {{"advance", "ISIS"}}},
    // Protests that left people dead were riots.
    {"DeadlyProtestsAreRiots", "Unrest in Kenya",
     "Protests over the election results have left 12 people dead in Kisumu, officials said on Sunday.", "2017-08-13",
     "riot", {}, {}, {{"protest", ""}}},
    // Weapons after "with" make an attack a bombing.
    {"AttackWithABombIsABombing", "Attack in Kabul",
     "Taliban militants attacked a checkpoint with a car bomb in Kabul on Saturday.", "2016-04-23", "bombing",
     {"TALIBAN"}, {}, {{"armed_clash", "TALIBAN"}}},
    // A day belongs to the verb it follows.
    {"DaysBelongToTheirVerbs", "Siege of Marawi",
     "The militants attacked the bridge on Monday and captured the town hall on Wednesday.", "2017-05-26",
     "territory_taken", {}, {}, {}},
    // Storming a building is an attack, not a capture of ground.
    {"StormingABuildingIsAnAttack", "Attack in Tripoli",
     "Gunmen stormed the Corinthia hotel in Tripoli on Tuesday.", "2015-01-28", "armed_clash", {}, {},
     {{"territory_taken", ""}}},
    // Speakers who say a town was liberated claim its capture.
    {"DeclaredLiberationIsTheSpeakers", "Sirte",
     "Libyan government forces declared on Monday that Sirte had been completely liberated.", "2016-12-06",
     "territory_taken", {"LBY"}, {}, {}},
    // A relative past perfect is the place's history.
    {"RelativePastPerfectIsBackground", "Fighting in Aleppo",
     "Rebels shelled the Ramouseh district, where government forces had advanced in July, on Sunday.", "2016-08-08",
     "shelling", {}, {}, {{"advance", "SYR"}}},
    // Crossing into a state happens at its border nearest the story.
    {"CrossingIntoAStateIsAtItsBorder", "Exodus from South Sudan",
     "Thousands of refugees crossed into Uganda on Sunday.", "2016-07-25", "displacement", {}, {}, {}},
    // Threats of punishment are the speaker's warnings.
    {"ThreatOfPunishmentIsAWarning", "Army collapse",
     "The defence minister said on Tuesday that soldiers who abandoned their posts would face court martial.",
     "2014-06-11", "warning", {""}, {}, {}},
    // Purposes are not statements; forecasts that a town could fall are not warnings.
    {"PurposeIsNoStatement", "Border protest",
     "Hundreds gathered at the border gate to demand that the wounded be let through.", "2014-09-22", "", {}, {},
     {{"appeal", ""}}},
    {"ForecastIsNoWarning", "Siege of Aleppo", "A UN envoy warned on Friday that eastern Aleppo could fall within weeks.",
     "2016-11-25", "", {}, {}, {{"warning", ""}, {"territory_taken", ""}}},
    // A count of things is not people.
    {"CountOfVillagesIsNoActor", "Advance in Idlib",
     "Government forces have overrun dozens of villages around Khan Sheikhoun this week.", "2019-08-20",
     "territory_taken", {}, {""}, {}},
    // "came under X fire": X fired.
    {"CameUnderFire", "Road to Debaltseve", "The convoy came under rebel artillery fire near Luhanske on Tuesday.",
     "2015-02-18", "shelling", {"DONBAS_SEP", "REBELS", "REBEL"}, {}, {}},
    // Damage seen afterwards is not a new strike.
    {"AftermathIsNoStrike", "Ruins of Raqqa",
     "Photographs showed whole streets of buildings destroyed by air strikes.", "2017-10-20", "", {}, {},
     {{"airstrike", ""}}},
    // Supporters of a party are its people.
    {"SupportersOfAParty", "Clashes in Istanbul",
     "Supporters of the HDP fought with police in Istanbul on Wednesday.", "2015-09-09", "riot", {"HDP"}, {}, {}},
    // A campaign "since" a day runs from that day.
    {"CampaignSinceADay", "Air war", "Russian jets have been bombing rebel areas in Idlib since Sept. 30.", "2015-11-01",
     "airstrike", {"RUS"}, {}, {}},
    // A generic name before forces names their group.
    {"GenericModifierOfForces", "Fighting near Donetsk airport",
     "Separatist fighters attacked government positions near Donetsk airport overnight.", "2015-01-25", "armed_clash",
     {"DONBAS_SEP"}, {}, {}},
    // "..., killing five civilians" is the toll of the shelling, not a second event.
    {"KillingTollIsNoNewEvent", "Shelling in Donetsk",
     "Artillery shells hit a residential district of Donetsk on Saturday, killing five civilians.", "2015-01-25",
     "shelling", {}, {}, {{"attack_on_civilians", ""}}},
    // Infinitive "to let" is permission, not a crossing.
    {"PermissionIsNoCrossing", "Deal on reinforcements",
     "Turkey agreed on Monday to let Iraqi Kurdish fighters cross into Syria.", "2014-10-20", "", {}, {},
     {{"deployment", "PESHMERGA"}, {"aid", "PESHMERGA"}}},
};

INSTANTIATE_TEST_SUITE_P(Sentences, CodingTest, ::testing::ValuesIn(coding_cases),
                         [](const ::testing::TestParamInfo<CodingCase>& p) { return std::string(p.param.name); });

// ---- Certainty, magnitude, dates, places --------------------------------------------------------

TEST_F(ExtractorTest, SaidToHaveCapturedIsReportedWithItsShare) {
    const ArticleReading reading = read("Battle for the town", "ISIS fighters were said to have captured a third of the town of Kobani on Wednesday.",
                                        "2014-10-09");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(taken[0].actor1.id, "ISIS");
    ASSERT_TRUE(taken[0].magnitude.has_value());
    EXPECT_NEAR(*taken[0].magnitude, 1.0 / 3.0, 0.01);
    ASSERT_TRUE(taken[0].date_start.has_value());
    EXPECT_EQ(taken[0].date_start->iso(), "2014-10-08");
    EXPECT_EQ(taken[0].certainty, Certainty::reported);
}

TEST_F(ExtractorTest, AccordingToReportsIsReported) {
    const ArticleReading reading =
        read("Battle for Ramadi", "According to reports, Islamic State fighters captured the city of Ramadi on Sunday.", "2015-05-18");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(taken[0].certainty, Certainty::reported);
}

TEST_F(ExtractorTest, APartyClaimingIsClaimed) {
    const ArticleReading reading = read("Battle for Jisr al-Shughur",
                                        "The Nusra Front claimed to have captured the town of Jisr al-Shughur on Saturday.", "2015-04-27");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(taken[0].actor1.id, "NUSRA");
    EXPECT_EQ(taken[0].certainty, Certainty::claimed);
}

TEST_F(ExtractorTest, StatedFactIsConfirmedAndDatedToTheDay) {
    const ArticleReading reading = read("Fighting in northern Syria", "Rebels captured the town of Idlib on Monday.", "2015-03-30");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    const EventMention& body = taken.back();
    EXPECT_EQ(body.certainty, Certainty::confirmed);
    ASSERT_TRUE(body.date_start.has_value());
    EXPECT_EQ(body.date_start->iso(), "2015-03-30");
    EXPECT_EQ(body.time_precision, 1);
}

TEST_F(ExtractorTest, PlacePhrasesCarryTheirCueAndFeature) {
    const ArticleReading reading = read("Fighting in northern Syria", "Rebels captured the town of Idlib on Monday.", "2015-03-30");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    ASSERT_FALSE(taken.back().places.empty());
    const PlaceRef& place = taken.back().places.front();
    EXPECT_EQ(place.text, "Idlib");
    EXPECT_TRUE(place.locative_cue);
    EXPECT_EQ(place.feature_hint, "town");
    EXPECT_EQ(place.relation, PlaceRelation::in);
}

TEST_F(ExtractorTest, NearIsANearRelation) {
    const ArticleReading reading =
        read("Coalition strikes", "U.S. warplanes struck Islamic State positions near Raqqa on Sunday.", "2014-10-09");
    const auto strikes = of_type(reading, "airstrike");
    ASSERT_EQ(strikes.size(), 1U) << describe(reading.mentions);
    ASSERT_FALSE(strikes[0].places.empty());
    EXPECT_EQ(strikes[0].places[0].text, "Raqqa");
    EXPECT_EQ(strikes[0].places[0].relation, PlaceRelation::near);
    ASSERT_TRUE(strikes[0].date_start.has_value());
    EXPECT_EQ(strikes[0].date_start->iso(), "2014-10-05");
}

TEST_F(ExtractorTest, DistanceAndBearingFromATown) {
    const ArticleReading reading =
        read("Fighting near the town", "Islamic State fighters captured a village 10 km west of Tal Abyad on Monday.", "2014-10-09");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    ASSERT_FALSE(taken[0].places.empty());
    const PlaceRef& place = taken[0].places[0];
    EXPECT_EQ(place.text, "Tal Abyad");
    EXPECT_EQ(place.relation, PlaceRelation::near);
    EXPECT_NEAR(place.offset_km, 10.0, 1e-9);
    EXPECT_NEAR(place.bearing_degrees, 270.0, 1e-9);
}

TEST_F(ExtractorTest, BorderWithAStateIsABorderPlace) {
    const ArticleReading reading = read("Tanks at the border", "Turkish tanks massed on the border with Syria on Monday.", "2014-10-09");
    const auto deployed = of_type(reading, "deployment");
    ASSERT_EQ(deployed.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(deployed[0].actor1.id, "TUR");
    const auto border = std::find_if(deployed[0].places.begin(), deployed[0].places.end(),
                                     [](const PlaceRef& p) { return p.relation == PlaceRelation::border; });
    ASSERT_NE(border, deployed[0].places.end()) << describe(deployed[0]);
    EXPECT_EQ(border->text, "Syria");
    EXPECT_EQ(border->border_partner, "TUR");
}

TEST_F(ExtractorTest, FatalitiesAreCounted) {
    const ArticleReading reading =
        read("Blast in Baghdad", "A car bomb exploded in a market in Baghdad on Monday, killing 20 people.", "2015-05-12");
    const auto bombs = of_type(reading, "bombing");
    ASSERT_EQ(bombs.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(bombs[0].fatalities, 20);
}

TEST_F(ExtractorTest, SuicideBombingHasItsAcledSubType) {
    const ArticleReading reading =
        read("Blast in Baghdad", "A suicide bomber blew himself up at a checkpoint in Baghdad on Monday.", "2015-05-12");
    const auto bombs = of_type(reading, "bombing");
    ASSERT_FALSE(bombs.empty()) << describe(reading.mentions);
    for (const EventMention& m : bombs) EXPECT_EQ(m.sub_event_type, "Suicide bomb") << describe(m);
}

TEST_F(ExtractorTest, PoliceInATurkishCityAreNotTheProtesters) {
    // At the extract level the police have no nationality of their own: actor2 is either the state
    // the police serve or left empty for the geocoder to fill; never the protesters or an armed group.
    const ArticleReading reading =
        read("Unrest in Turkey", "Police fired tear gas at Kurdish protesters in Diyarbakir on Tuesday.", "2014-10-09");
    const auto riots = of_type(reading, "riot");
    ASSERT_EQ(riots.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(riots[0].actor1.id, "KURDS_CIV");
    EXPECT_NE(riots[0].actor2.id, "KURDS_CIV");
    EXPECT_NE(riots[0].actor2.id, "YPG");
    EXPECT_TRUE(riots[0].actor2.id.empty() || riots[0].actor2.id == "TUR" || riots[0].actor2.id == "POLICE")
        << riots[0].actor2.id;
    ASSERT_FALSE(riots[0].places.empty());
    EXPECT_EQ(riots[0].places[0].text, "Diyarbakir");
}

TEST_F(ExtractorTest, NamedTurkishPoliceAreTurkey) {
    const ArticleReading reading =
        read("Unrest in Turkey", "Turkish police fired tear gas at Kurdish protesters in Diyarbakir on Tuesday.", "2014-10-09");
    const auto riots = of_type(reading, "riot");
    ASSERT_EQ(riots.size(), 1U) << describe(reading.mentions);
    EXPECT_EQ(riots[0].actor1.id, "KURDS_CIV");
    EXPECT_EQ(riots[0].actor2.id, "TUR");
}

// ---- Headlines ----------------------------------------------------------------------------------

struct HeadlineCase {
    const char* title;
    const char* word;  ///< a country id that is no party
};

void PrintTo(const HeadlineCase& c, std::ostream* os) { *os << '"' << c.title << '"'; }

class HeadlineActorTest : public ExtractorTest, public ::testing::WithParamInterface<HeadlineCase> {};

TEST_P(HeadlineActorTest, CountryNamedAsLocationIsNoActor) {
    const HeadlineCase& c = GetParam();
    const ArticleReading reading = read(c.title, "Witnesses described the scene on Monday.", "2015-05-12");
    std::string wrong;
    for (const EventMention& m : reading.mentions)
        if (m.actor1.id == c.word || m.actor2.id == c.word) wrong += "\n  " + describe(m);
    EXPECT_EQ(wrong, "") << "\"in <country>\" is a location, not a party";
}

INSTANTIATE_TEST_SUITE_P(Titles, HeadlineActorTest,
                         ::testing::Values(HeadlineCase{"Fighting in northern Syria", "SYR"},
                                           HeadlineCase{"Massacre in northern Iraq", "IRQ"},
                                           HeadlineCase{"Clashes in eastern Ukraine", "UKR"},
                                           HeadlineCase{"Riots in Turkey", "TUR"}));

TEST_F(ExtractorTest, HeadlineReportingAnEventCodesIt) {
    const ArticleReading reading = read("Rebels capture Idlib", "Rebels captured the town of Idlib on Monday.", "2015-03-30");
    std::size_t title = 0;
    std::size_t body = 0;
    for (const EventMention& m : reading.mentions)
        if (m.event_type == "territory_taken") ++(m.mention.sentence_index == 0 ? title : body);
    EXPECT_EQ(title, 1U) << describe(reading.mentions);
    EXPECT_EQ(body, 1U) << describe(reading.mentions);
}

// ---- One sentence, one mention per event -------------------------------------------------------

class OneMentionTest : public ExtractorTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(OneMentionTest, ASentenceTellsAnEventOnce) {
    const ArticleReading reading = read("Report", GetParam(), "2015-05-12");
    ASSERT_FALSE(reading.mentions.empty()) << GetParam();
    std::string repeated;
    for (std::size_t i = 0; i < reading.mentions.size(); ++i)
        for (std::size_t j = i + 1; j < reading.mentions.size(); ++j) {
            const EventMention& a = reading.mentions[i];
            const EventMention& b = reading.mentions[j];
            if (a.mention.sentence_index == b.mention.sentence_index && a.event_type == b.event_type &&
                a.actor1.id == b.actor1.id && a.actor2.id == b.actor2.id)
                repeated += "\n  " + describe(a) + "\n  " + describe(b);
        }
    EXPECT_EQ(repeated, "");
}

INSTANTIATE_TEST_SUITE_P(Sentences, OneMentionTest,
                         ::testing::Values("Islamic State fighters captured the town of Hit in Anbar province on Thursday.",
                                           "A suicide bomber blew himself up at a checkpoint in Baghdad on Monday.",
                                           "Rebels captured the town of Idlib on Monday.",
                                           "U.S. warplanes struck Islamic State positions near Raqqa on Sunday."));

// ---- Provenance ---------------------------------------------------------------------------------

TEST_F(ExtractorTest, MentionPointsAtItsSentenceInCodePoints) {
    const Article article = make_article("Kämpfe um Kobanê", {"Rebels captured the town of Idlib on Monday."}, iso("2015-03-30"),
                                         "idlib-article");
    const ArticleReading reading = Extractor(lexicon()).read(article);
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_EQ(taken.size(), 1U) << describe(reading.mentions);
    const Mention& m = taken[0].mention;
    EXPECT_EQ(m.article_id, "idlib-article");
    EXPECT_EQ(m.text, "Rebels captured the town of Idlib on Monday.");
    EXPECT_EQ(m.sentence_index, 1U);
    // The title has 16 code points (ä and ê are two bytes each), then two line breaks.
    EXPECT_EQ(m.char_start, code_point_count("Kämpfe um Kobanê\n\n"));
    EXPECT_EQ(m.char_start, 18U);
    EXPECT_EQ(m.char_end - m.char_start, m.text.size());
}

TEST_F(ExtractorTest, BoilerplateYieldsNothing) {
    Article article = make_article("Fighting in northern Syria",
                                   {"Rebels captured the town of Idlib on Monday.", "Watch - Rebels captured the town of Idlib"},
                                   iso("2015-03-30"));
    article.paragraphs[2].boilerplate = Boilerplate::teaser;
    const ArticleReading reading = Extractor(lexicon()).read(article);
    for (const EventMention& m : reading.mentions) EXPECT_NE(m.mention.sentence_index, 2U) << describe(m);
    EXPECT_FALSE(of_type(reading, "territory_taken").empty());
}

TEST_F(ExtractorTest, DocumentPlacesListEveryPlaceInOrder) {
    const ArticleReading reading = read("Fighting near Raqqa",
                                        "Rebels captured the town of Idlib on Monday.\nRefugees fled to Gaziantep.", "2015-03-30");
    std::vector<std::string> names;
    for (const PlaceRef& p : reading.places.all) names.push_back(p.text);
    const auto at = [&](const char* name) { return std::find(names.begin(), names.end(), name) - names.begin(); };
    ASSERT_LT(static_cast<std::size_t>(at("Raqqa")), names.size()) << ::testing::PrintToString(names);
    ASSERT_LT(static_cast<std::size_t>(at("Idlib")), names.size()) << ::testing::PrintToString(names);
    ASSERT_LT(static_cast<std::size_t>(at("Gaziantep")), names.size()) << ::testing::PrintToString(names);
    EXPECT_LT(at("Raqqa"), at("Idlib"));
    EXPECT_LT(at("Idlib"), at("Gaziantep"));
    EXPECT_FALSE(reading.places.dateline.has_value());
}

TEST_F(ExtractorTest, TheShareHeldAfterACaptureIsItsMagnitude) {
    const ArticleReading reading = read("Fighting in Marawi",
                                        "Militants seized the city hall on Tuesday, and they now control about 30 percent of the city.",
                                        "2017-05-31");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    ASSERT_TRUE(taken.front().magnitude.has_value()) << describe(reading.mentions);
    EXPECT_NEAR(*taken.front().magnitude, 0.30, 1e-9);
}

TEST_F(ExtractorTest, ACaptureOfASideIsAPartOfThePlaceOnThatSide) {
    for (const char* body : {"Rebels overran the western districts of Aleppo on Monday.",
                             "Rebels overran two neighbourhoods in the west of Aleppo on Monday.",
                             "Rebels pushed into Aleppo on Monday and seized several streets on its western edge."}) {
        const auto taken = of_type(read("Fighting in Aleppo", body, "2016-07-05"), "territory_taken");
        ASSERT_EQ(taken.size(), 1U) << body;
        ASSERT_TRUE(taken.front().part.has_value()) << body;
        ASSERT_TRUE(taken.front().part->side_bearing.has_value()) << body;
        EXPECT_EQ(*taken.front().part->side_bearing, 270.0) << body;
    }
}

TEST_F(ExtractorTest, PartsWithNoSideAreAPartAndVillagesTheSurroundings) {
    const auto parts = of_type(read("Mosul", "Iraqi troops retook parts of Mosul on Sunday.", "2016-11-07"), "territory_taken");
    ASSERT_EQ(parts.size(), 1U);
    ASSERT_TRUE(parts.front().part.has_value());
    EXPECT_FALSE(parts.front().part->side_bearing.has_value());

    const auto villages = of_type(read("Mosul", "Iraqi troops retook a dozen villages of Tal Afar on Sunday.", "2016-11-07"), "territory_taken");
    ASSERT_EQ(villages.size(), 1U);
    EXPECT_FALSE(villages.front().part.has_value());
    ASSERT_FALSE(villages.front().places.empty());
    EXPECT_EQ(villages.front().places.front().relation, PlaceRelation::near);

    const auto whole = of_type(read("Mosul", "Iraqi troops retook Tal Afar on Sunday.", "2016-11-07"), "territory_taken");
    ASSERT_EQ(whole.size(), 1U);
    EXPECT_FALSE(whole.front().part.has_value());
    // "East of the town" lies outside it: no side of the town.
    const auto outside = of_type(read("Mosul", "Iraqi troops captured a hill east of Tal Afar on Sunday.", "2016-11-07"), "territory_taken");
    ASSERT_EQ(outside.size(), 1U);
    EXPECT_FALSE(outside.front().part.has_value());
}

TEST_F(ExtractorTest, ASayingOfWhoHoldsHowMuchIsAHoldingNotAnEvent) {
    const ArticleReading now = read("Battle for Marawi", "The army estimates that the militants hold about a fifth of Marawi.", "2017-06-20");
    EXPECT_TRUE(of_type(now, "territory_taken").empty()) << describe(now.mentions);
    ASSERT_EQ(now.holdings.size(), 1U);
    EXPECT_FALSE(now.holdings.front().actor1.id.empty());
    ASSERT_TRUE(now.holdings.front().magnitude.has_value());
    EXPECT_NEAR(*now.holdings.front().magnitude, 0.20, 1e-9);
    EXPECT_EQ(now.holdings.front().date_end, iso("2017-06-20"));  // said in the present: as of the news
    EXPECT_EQ(now.holdings.front().certainty, Certainty::reported);

    // In the past, on the day the paragraph is at.
    const ArticleReading then =
        read("Battle for Marawi", "Troops stormed the city hall on June 9. By then the militants held about 40 percent of the city, the army said.",
             "2017-06-20");
    ASSERT_EQ(then.holdings.size(), 1U);
    EXPECT_EQ(then.holdings.front().date_end, iso("2017-06-09"));

    // Talks held, hostages held and shares of something else are no holdings.
    for (const char* body : {"The two sides held talks in Geneva on Monday.", "Rebels held 40 percent of the votes in Aleppo.",
                             "The militants do not hold half of Marawi, the army said."})
        EXPECT_TRUE(read("Talks", body, "2017-06-20").holdings.empty()) << body;
}

TEST_F(ExtractorTest, TheDayAfterAVerbIsItsDay) {
    const ArticleReading reading = read("Siege", "The rebels shelled the base on Monday and captured part of it on Wednesday.",
                                        "2016-06-10");
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    EXPECT_EQ(taken.front().date_start, iso("2016-06-08"));
}

TEST_F(ExtractorTest, TheSpeakersPlaceIsNotTheEventsPlace) {
    const ArticleReading reading = read("Clashes near Donetsk airport",
                                        "Rebels attacked army positions in Pisky overnight, a military spokesman in Kiev said.",
                                        "2015-01-25");
    const auto clashes = of_type(reading, "armed_clash");
    ASSERT_FALSE(clashes.empty()) << describe(reading.mentions);
    for (const PlaceRef& p : clashes.front().places) EXPECT_NE(p.text, "Kiev");
    ASSERT_FALSE(clashes.front().places.empty());
    EXPECT_EQ(clashes.front().places.front().text, "Pisky");
}

TEST_F(ExtractorTest, DatelineIsTheFilingPlace) {
    const ArticleReading reading =
        read("Refugees pour into Turkey", "SURUC, Turkey (Meridian Wire) — Thousands of Kurds fled across the border on Friday.",
             "2014-09-20");
    ASSERT_TRUE(reading.places.dateline.has_value());
    EXPECT_EQ(fold(reading.places.dateline->text), "suruc");
}

TEST_F(ExtractorTest, WithoutPublicationDateEventsHaveNoDate) {
    const Article article = make_article("Fighting in northern Syria", {"Rebels captured the town of Idlib on Monday."}, std::nullopt);
    const ArticleReading reading = Extractor(lexicon()).read(article);
    const auto taken = of_type(reading, "territory_taken");
    ASSERT_FALSE(taken.empty()) << describe(reading.mentions);
    for (const EventMention& m : taken) EXPECT_FALSE(m.date_start.has_value()) << describe(m);
}

TEST_F(ExtractorTest, ReadingIsDeterministic) {
    const Article article = make_article("Coalition strikes", {"U.S. warplanes struck Islamic State positions near Raqqa on Sunday.",
                                                              "Kurdish fighters drove the militants out of two villages."},
                                         iso("2014-10-09"));
    const Extractor extractor(lexicon());
    const ArticleReading a = extractor.read(article);
    const ArticleReading b = extractor.read(article);
    EXPECT_EQ(describe(a.mentions), describe(b.mentions));
}

}  // namespace
}  // namespace frontline
