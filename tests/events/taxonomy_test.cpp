#include "events/taxonomy.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace frontline {
namespace {

/// One row of taxonomy.md. Where the table offers two codes ("Suicide bomb or Remote
/// explosive/landmine/IED", "execution or firearms") either is accepted.
struct TaxonomyRow {
    const char* name;
    Tier tier;
    const char* acled_event_type;
    std::vector<std::string> acled_sub_event_types;
    const char* plover_event;
    std::vector<std::string> plover_modes;
};

void PrintTo(const TaxonomyRow& r, std::ostream* os) { *os << r.name; }

const std::vector<TaxonomyRow>& taxonomy_md() {
    static const std::vector<TaxonomyRow> rows = {
        {"airstrike", Tier::physical, "Explosions/Remote violence", {"Air/drone strike"}, "ASSAULT", {"aerial"}},
        {"shelling", Tier::physical, "Explosions/Remote violence", {"Shelling/artillery/missile attack"}, "ASSAULT", {"explosives"}},
        {"bombing", Tier::physical, "Explosions/Remote violence", {"Suicide bomb", "Remote explosive/landmine/IED"}, "ASSAULT",
         {"explosives"}},
        {"armed_clash", Tier::physical, "Battles", {"Armed clash"}, "ASSAULT", {"firearms"}},
        {"territory_taken", Tier::physical, "Battles", {"Non-state actor overtakes territory", "Government regains territory"},
         "ASSAULT", {"occupy"}},
        {"advance", Tier::physical, "Battles", {"Armed clash"}, "MOBILIZE", {"troops"}},
        {"retreat", Tier::physical, "Strategic developments", {"Non-violent transfer of territory"}, "RETREAT", {"military"}},
        {"deployment", Tier::physical, "Strategic developments", {"Change to group/activity"}, "MOBILIZE", {"troops"}},
        {"aid", Tier::physical, "Strategic developments", {"Other"}, "AID", {"military", "humanitarian"}},
        {"attack_on_civilians", Tier::physical, "Violence against civilians", {"Attack"}, "ASSAULT", {"execution", "firearms"}},
        {"abduction", Tier::physical, "Violence against civilians", {"Abduction/forced disappearance"}, "ASSAULT", {"abduction"}},
        {"arrest", Tier::physical, "Strategic developments", {"Arrests"}, "COERCE", {"arrest"}},
        {"protest", Tier::physical, "Protests", {"Peaceful protest"}, "PROTEST", {"demonstrate"}},
        {"riot", Tier::physical, "Riots", {"Violent demonstration"}, "PROTEST", {"riot"}},
        {"displacement", Tier::physical, "Strategic developments", {"Other"}, "", {""}},
        {"appeal", Tier::statement, "", {""}, "REQUEST", {""}},
        {"accusation", Tier::statement, "", {""}, "ACCUSE", {""}},
        {"warning", Tier::statement, "", {""}, "THREATEN", {"warning"}},
        {"rejection", Tier::statement, "", {""}, "REJECT", {""}},
        {"consultation", Tier::statement, "", {""}, "CONSULT", {""}},
    };
    return rows;
}

bool one_of(const std::vector<std::string>& accepted, std::string_view value) {
    for (const std::string& a : accepted)
        if (a == value) return true;
    return false;
}

class TaxonomyRowTest : public ::testing::TestWithParam<TaxonomyRow> {};

TEST_P(TaxonomyRowTest, HasTheCodesOfTaxonomyMd) {
    const TaxonomyRow& row = GetParam();
    const EventTypeInfo* info = find_event_type(row.name);
    ASSERT_NE(info, nullptr) << row.name;
    EXPECT_EQ(info->name, row.name);
    EXPECT_EQ(info->tier, row.tier);
    EXPECT_EQ(info->acled_event_type, row.acled_event_type);
    EXPECT_TRUE(one_of(row.acled_sub_event_types, info->acled_sub_event_type)) << info->acled_sub_event_type;
    EXPECT_EQ(info->plover_event, row.plover_event);
    EXPECT_TRUE(one_of(row.plover_modes, info->plover_mode)) << info->plover_mode;
}

TEST_P(TaxonomyRowTest, ApplyingItFillsTheEventsCodes) {
    const TaxonomyRow& row = GetParam();
    Event event;
    event.event_type = row.name;
    apply_taxonomy(event, false);
    EXPECT_EQ(event.acled_event_type, row.acled_event_type);
    EXPECT_TRUE(one_of(row.acled_sub_event_types, event.acled_sub_event_type)) << event.acled_sub_event_type;
    EXPECT_EQ(event.plover_event, row.plover_event);
    EXPECT_TRUE(one_of(row.plover_modes, event.plover_mode)) << event.plover_mode;
    EXPECT_EQ(event.tier(), row.tier);
}

TEST_P(TaxonomyRowTest, PhysicalEventsHaveAcledCodesStatementsPlover) {
    const EventTypeInfo* info = find_event_type(GetParam().name);
    ASSERT_NE(info, nullptr);
    if (info->tier == Tier::physical) {
        EXPECT_FALSE(info->acled_event_type.empty());
        EXPECT_FALSE(info->acled_sub_event_type.empty());
    } else {
        EXPECT_TRUE(info->acled_event_type.empty()) << "statements are not ACLED events";
    }
    if (info->name != "displacement") {
        EXPECT_FALSE(info->plover_event.empty()) << "taxonomy.md gives every type but displacement a PLOVER event";
    }
}

INSTANTIATE_TEST_SUITE_P(TaxonomyMd, TaxonomyRowTest, ::testing::ValuesIn(taxonomy_md()),
                         [](const ::testing::TestParamInfo<TaxonomyRow>& p) { return std::string(p.param.name); });

TEST(TaxonomyTest, ListsEveryTypeOncePhysicalFirstInTaxonomyMdsOrder) {
    const auto types = event_types();
    ASSERT_EQ(types.size(), taxonomy_md().size());
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < types.size(); ++i) {
        EXPECT_EQ(types[i].name, taxonomy_md()[i].name) << "row " << i;
        EXPECT_TRUE(names.insert(types[i].name).second) << types[i].name << " twice";
    }
    bool seen_statement = false;
    for (const EventTypeInfo& t : types) {
        if (t.tier == Tier::statement) {
            seen_statement = true;
        } else {
            EXPECT_FALSE(seen_statement) << t.name << " (physical) after a statement";
        }
    }
}

TEST(TaxonomyTest, TerritoryTakenByAStateIsGovernmentRegainingTerritory) {
    Event event;
    event.event_type = "territory_taken";
    apply_taxonomy(event, true);
    EXPECT_EQ(event.acled_event_type, "Battles");
    EXPECT_EQ(event.acled_sub_event_type, "Government regains territory");
    EXPECT_EQ(event.plover_event, "ASSAULT");
    EXPECT_EQ(event.plover_mode, "occupy");

    apply_taxonomy(event, false);
    EXPECT_EQ(event.acled_sub_event_type, "Non-state actor overtakes territory") << "applying again overwrites";
}

TEST(TaxonomyTest, OnlyTerritoryTakenDependsOnWhoActs) {
    for (const EventTypeInfo& t : event_types()) {
        if (t.name == "territory_taken") continue;
        Event by_state;
        by_state.event_type = std::string(t.name);
        apply_taxonomy(by_state, true);
        Event by_group;
        by_group.event_type = std::string(t.name);
        apply_taxonomy(by_group, false);
        EXPECT_EQ(by_state.acled_sub_event_type, by_group.acled_sub_event_type) << t.name;
        EXPECT_EQ(by_state.plover_mode, by_group.plover_mode) << t.name;
    }
}

TEST(TaxonomyTest, UnknownTypes) {
    EXPECT_EQ(find_event_type("massacre"), nullptr);
    EXPECT_EQ(find_event_type(""), nullptr);
    EXPECT_EQ(find_event_type("Airstrike"), nullptr) << "names are exact";
    Event event;
    event.event_type = "massacre";
    EXPECT_THROW(apply_taxonomy(event, false), Error);
}

TEST(CertaintyTest, RoundTripsThroughItsName) {
    for (const Certainty c : {Certainty::confirmed, Certainty::reported, Certainty::claimed, Certainty::hypothetical,
                              Certainty::negated})
        EXPECT_EQ(certainty_from_string(to_string(c)), c);
    EXPECT_STREQ(to_string(Certainty::reported), "reported");
    EXPECT_THROW((void)certainty_from_string("probable"), Error);
}

}  // namespace
}  // namespace frontline
