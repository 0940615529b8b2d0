#include "fixtures.hpp"

#include <cstdio>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace frontline::render::test {

namespace {

std::string point_wkt(double lon, double lat) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "POINT (%.4f %.4f)", lon, lat);
    return buffer;
}

/// Coarse outlines (a few dozen points each), enough to place the events; geo/ supplies real ones.
BaseLayer middle_east_base() {
    BaseLayer base;
    const auto turkey_syria_border = {
        std::pair{35.92, 35.92}, {36.17, 35.98}, {36.38, 36.21}, {36.67, 36.23}, {36.57, 36.40}, {36.68, 36.78},
        {36.95, 36.66},          {37.20, 36.64}, {37.55, 36.72}, {37.80, 36.76}, {38.02, 36.84}, {38.25, 36.88},
        {38.40, 36.87},          {38.70, 36.77}, {38.95, 36.69}, {39.30, 36.70}, {39.70, 36.76}, {40.05, 36.84},
        {40.50, 36.93},          {40.90, 37.02}, {41.20, 37.07}, {41.60, 37.08}, {42.36, 37.11}};
    std::vector<std::pair<double, double>> border(turkey_syria_border);

    std::vector<std::pair<double, double>> turkey{{34.0, 40.5},  {44.6, 40.5},  {44.8, 39.7},  {44.2, 38.9},
                                                  {44.5, 38.3},  {44.2, 37.9},  {44.6, 37.4},  {44.79, 37.15},
                                                  {44.3, 37.05}, {43.6, 37.25}, {42.78, 37.37}};
    turkey.insert(turkey.end(), border.rbegin(), border.rend());
    turkey.insert(turkey.end(), {{35.97, 36.08},
                                 {35.88, 36.41},
                                 {36.17, 36.59},
                                 {36.2, 36.85},
                                 {35.78, 36.77},
                                 {35.38, 36.57},
                                 {34.64, 36.8},
                                 {34.0, 36.35}});

    std::vector<std::pair<double, double>> syria(border);
    syria.insert(syria.end(), {{41.95, 36.75},
                               {41.40, 36.52},
                               {41.28, 36.35},
                               {41.22, 35.6},
                               {41.0, 34.7},
                               {40.95, 34.4},
                               {39.9, 33.9},
                               {38.8, 33.37},
                               {38.8, 33.1},
                               {35.8, 33.1},
                               {35.85, 33.4},
                               {36.35, 33.85},
                               {36.6, 34.2},
                               {36.35, 34.5},
                               {35.97, 34.64},
                               {35.88, 34.89},
                               {35.94, 35.18},
                               {35.92, 35.36},
                               {35.78, 35.52}});
    const auto lebanon = {std::pair{35.97, 34.64}, {36.35, 34.5}, {36.6, 34.2}, {36.35, 33.85},
                          {35.85, 33.4},           {35.8, 33.1},  {35.1, 33.1}, {35.5, 33.9},
                          {35.84, 34.44}};
    const auto iraq = {std::pair{42.36, 37.11},
                       {42.78, 37.37},
                       {43.6, 37.25},
                       {44.3, 37.05},
                       {44.79, 37.15},
                       {45.0, 36.7},
                       {45.4, 36.0},
                       {46.0, 35.3},
                       {46.0, 33.1},
                       {38.8, 33.1},
                       {38.8, 33.37},
                       {39.9, 33.9},
                       {40.95, 34.4},
                       {41.0, 34.7},
                       {41.22, 35.6},
                       {41.28, 36.35},
                       {41.40, 36.52},
                       {41.95, 36.75}};
    const auto iran = {std::pair{44.6, 40.5}, {47.0, 40.5}, {47.0, 33.1},   {46.0, 33.1}, {46.0, 35.3},
                       {45.4, 36.0},          {45.0, 36.7}, {44.79, 37.15}, {44.6, 37.4}, {44.2, 37.9},
                       {44.5, 38.3},          {44.2, 38.9}, {44.8, 39.7}};
    const auto to_ring = [](const auto& points) {
        std::vector<LonLat> out;
        for (const auto& [lon, lat] : points) out.emplace_back(lon, lat);
        return out;
    };
    base.outlines = {to_ring(turkey), to_ring(syria), to_ring(lebanon), to_ring(iraq), to_ring(iran)};

    struct Place {
        const char* name;
        double lon;
        double lat;
        int importance;
    };
    for (const Place& place : std::initializer_list<Place>{
             {"Kobanî", 38.353, 36.891, 10}, {"Aleppo", 37.16, 36.20, 9},       {"Mosul", 43.12, 36.34, 9},
             {"Gaziantep", 37.38, 37.07, 8}, {"Diyarbakır", 40.22, 37.92, 8},   {"Raqqa", 39.01, 35.95, 8},
             {"Şanlıurfa", 38.79, 37.16, 7}, {"Erbil", 44.01, 36.19, 7},        {"Deir ez-Zor", 40.14, 35.34, 6},
             {"Mardin", 40.74, 37.31, 6},    {"Suruç", 38.425, 36.976, 5},      {"Qamishli", 41.23, 37.05, 5},
             {"Hasakah", 40.75, 36.50, 5},   {"Batman", 41.13, 37.89, 5},       {"Dohuk", 42.99, 36.87, 5},
             {"Manbij", 37.95, 36.53, 4},    {"Tell Abyad", 38.956, 36.697, 4}, {"Siirt", 41.94, 37.93, 4},
             {"Muş", 41.51, 38.75, 4},       {"Akçakale", 38.948, 36.711, 3},   {"Jarabulus", 38.011, 36.817, 3},
             {"Nusaybin", 41.21, 37.07, 3},  {"Cizre", 42.19, 37.33, 3},        {"Hakkari", 43.74, 37.57, 3},
             {"Albu Kamal", 40.92, 34.45, 3}})
        base.labels.push_back({LonLat(place.lon, place.lat), place.name, place.importance, LabelKind::place});
    for (const Place& country : std::initializer_list<Place>{{"Turkey", 39.6, 38.45, 20},
                                                             {"Syria", 38.2, 35.45, 20},
                                                             {"Iraq", 42.9, 35.55, 20},
                                                             {"Iran", 45.7, 37.7, 20}})
        base.labels.push_back({LonLat(country.lon, country.lat), country.name, country.importance, LabelKind::country});
    return base;
}

struct GoldRow {
    const char* date;
    const char* type;
    const char* actor1;
    const char* actor2;
    double lon;
    double lat;
    int precision;
    Certainty certainty;
    const char* place;
    const char* country;
    std::size_t mentions;
    const char* source;
    const char* article;
    const char* sentence;
};

}  // namespace

Date day(const std::string& iso) {
    const auto parsed = Date::parse_iso(iso);
    if (!parsed) throw std::invalid_argument("bad test date " + iso);
    return *parsed;
}

Event make_event(std::string type, std::string actor1, double lon, double lat, const std::string& iso,
                 Certainty certainty, int geo_precision) {
    Event event;
    event.id = type + "-" + actor1 + "-" + iso;
    event.event_type = std::move(type);
    event.actor1 = std::move(actor1);
    event.date_start = day(iso);
    event.date_end = day(iso);
    event.time_precision = 1;
    event.location = Location{point_wkt(lon, lat), LonLat(lon, lat), geo_precision, "Somewhere", "", "SYR"};
    event.certainty = certainty;
    event.mentions.push_back({"test-article", 0, 0, 10, "A sentence about the event."});
    return event;
}

Event make_statement(std::string type, std::string actor1, const std::string& iso) {
    Event event;
    event.id = type + "-" + actor1 + "-" + iso;
    event.event_type = std::move(type);
    event.actor1 = std::move(actor1);
    event.date_start = day(iso);
    event.date_end = day(iso);
    event.mentions.push_back({"test-article", 1, 0, 10, "Somebody said something."});
    return event;
}

Scene small_scene() {
    std::vector<Event> events;
    events.push_back(make_event("airstrike", "USA", 38.05, 36.90, "2014-10-05"));
    events.push_back(make_event("shelling", "ISIS", 38.35, 36.80, "2014-10-08", Certainty::claimed));
    events.push_back(make_statement("appeal", "UN", "2014-10-06"));
    Event border = make_event("deployment", "TUR", 38.50, 36.86, "2014-10-10", Certainty::confirmed, 3);
    border.location->wkt = "LINESTRING (38.20 36.86, 38.50 36.87, 38.80 36.75)";
    events.push_back(border);
    Event capture = make_event("territory_taken", "YPG", 38.60, 37.00, "2014-10-12", Certainty::reported, 2);
    for (int i = 0; i < 4; ++i) capture.mentions.push_back(capture.mentions.front());
    events.push_back(capture);
    return Scene(std::move(events), BaseLayer{}, DateRange(day("2014-10-01"), day("2014-10-20")), {1000, 700});
}

Scene kobane_scene(sf::Vector2u viewport) {
    using C = Certainty;
    const std::vector<GoldRow> rows{
        {"2014-09-18", "territory_taken", "ISIS", "YPG", 38.353, 36.891, 2, C::reported, "Kobani", "SYR", 3, "",
         "2014-09-20-kobane-countryside-exodus",
         "Islamic State fighters have seized at least 60 villages around the Syrian Kurdish town of Kobani in the past "
         "few days, a monitoring group said."},
        {"2014-09-19", "riot", "KURDS_CIV", "TUR", 38.425, 36.976, 1, C::reported, "Suruc", "TUR", 1, "",
         "2014-09-20-kobane-countryside-exodus",
         "Police fired tear gas and water cannon at Turkish Kurds who had gathered on their side of the fence to "
         "demand that the refugees be let in."},
        {"2014-09-20", "displacement", "KURDS_CIV", "", 38.425, 36.976, 1, C::confirmed, "Suruc", "TUR", 4, "",
         "2014-09-20-kobane-countryside-exodus",
         "Tens of thousands of Syrian Kurds streamed into Turkey on Saturday, fleeing an Islamic State advance on "
         "their town."},
        {"2014-09-20", "armed_clash", "ISIS", "YPG", 38.353, 36.891, 2, C::reported, "Kobani", "SYR", 1,
         "Syrian Observatory for Human Rights", "2014-09-20-kobane-countryside-exodus",
         "18 of their fighters were killed in overnight clashes with Kurdish forces, the Observatory said."},
        {"2014-09-20", "aid", "YPG", "", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 1, "",
         "2014-09-20-kobane-countryside-exodus",
         "Around 300 Kurdish fighters had crossed from Turkey into Syria to reinforce the YPG."},
        {"2014-09-22", "riot", "KURDS_CIV", "TUR", 38.349, 36.905, 1, C::confirmed, "Mursitpinar", "TUR", 2, "",
         "2014-09-23-syria-strikes-border-teargas",
         "Police fired tear gas and water cannon on Monday at hundreds of people who hurled stones after being kept "
         "away from the border."},
        {"2014-09-23", "airstrike", "USA", "ISIS", 39.008, 35.953, 2, C::confirmed, "Raqqa", "SYR", 3, "",
         "2014-09-23-syria-strikes-border-teargas",
         "The United States and Arab allies bombed Islamic State fighters in Syria, opening the air war on Syrian soil "
         "with raids on the group's de facto capital Raqqa."},
        {"2014-09-23", "airstrike", "USA", "ISIS", 40.141, 35.336, 3, C::confirmed, "Deir al-Zor", "SYR", 1, "",
         "2014-09-23-syria-strikes-border-teargas",
         "Targets around Raqqa, Deir al-Zor, Hasakah and the border town of Albu Kamal were hit."},
        {"2014-09-23", "airstrike", "USA", "ISIS", 40.748, 36.502, 3, C::confirmed, "Hasakah", "SYR", 1, "",
         "2014-09-23-syria-strikes-border-teargas",
         "Targets around Raqqa, Deir al-Zor, Hasakah and the border town of Albu Kamal were hit."},
        {"2014-09-23", "airstrike", "USA", "NUSRA", 37.161, 36.201, 3, C::confirmed, "Aleppo", "SYR", 2, "",
         "2014-09-23-syria-strikes-border-teargas",
         "U.S. forces acting alone struck a cell of al Qaeda veterans west of Aleppo."},
        {"2014-09-29", "deployment", "TUR", "", 38.40, 36.87, 3, C::confirmed, "Turkish-Syrian border", "TUR", 2, "",
         "2014-10-03-kobane-shelling",
         "Turkish tanks took up positions along the frontier overlooking the besieged town."},
        {"2014-10-02", "advance", "ISIS", "YPG", 38.353, 36.891, 2, C::confirmed, "Kobani", "SYR", 2, "",
         "2014-10-03-kobane-shelling",
         "The militants closed in to within a few kilometres of the town from three sides."},
        {"2014-10-03", "shelling", "ISIS", "YPG", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 5,
         "Syrian Observatory for Human Rights", "2014-10-03-kobane-shelling",
         "At least 60 mortar rounds slammed into the town during the day, according to the Syrian Observatory for "
         "Human Rights."},
        {"2014-10-03", "armed_clash", "ISIS", "YPG", 38.353, 36.891, 2, C::claimed, "Kobani", "SYR", 2, "YPG",
         "2014-10-03-kobane-shelling",
         "Kurdish commanders said their fighters had repelled at least three major attacks on the eastern, western and "
         "southern edges of the town."},
        {"2014-10-03", "deployment", "TUR", "", 38.349, 36.905, 1, C::confirmed, "Mursitpinar", "TUR", 1, "",
         "2014-10-03-kobane-shelling", "A squadron of Turkish tanks sat idle on the hills a few hundred metres away."},
        {"2014-10-05", "bombing", "YPG", "ISIS", 38.353, 36.891, 1, C::claimed, "Kobani", "SYR", 1, "YPG",
         "2014-10-07-kobane-hill",
         "A Kurdish fighter blew herself up at an Islamic State position east of the town on Sunday."},
        {"2014-10-06", "territory_taken", "ISIS", "YPG", 38.366, 36.880, 1, C::confirmed, "Mishtanour hill", "SYR", 4,
         "", "2014-10-07-kobane-hill",
         "Minutes later militants planted a second black flag on Mishtanour hill, overlooking the town."},
        {"2014-10-06", "airstrike", "USA", "ISIS", 38.353, 36.891, 2, C::confirmed, "Kobani", "SYR", 2, "",
         "2014-10-07-kobane-hill",
         "Coalition aircraft carried out five strikes to the south, south-east and south-west of Kobani late on "
         "Monday."},
        {"2014-10-06", "displacement", "KURDS_CIV", "", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 1, "",
         "2014-10-07-kobane-hill", "More than 2,000 civilians left the town on Monday."},
        {"2014-10-07", "riot", "KURDS_CIV", "TUR", 40.219, 37.916, 1, C::confirmed, "Diyarbakir", "TUR", 3, "",
         "2014-10-08-turkey-kurdish-riots",
         "Eight of the dead were in Diyarbakir, where protesters clashed with police and with followers of a Kurdish "
         "Islamist party."},
        {"2014-10-07", "riot", "KURDS_CIV", "TUR", 40.744, 37.313, 1, C::confirmed, "Mardin", "TUR", 1, "",
         "2014-10-08-turkey-kurdish-riots", "Two people were killed in Mardin."},
        {"2014-10-07", "riot", "KURDS_CIV", "TUR", 41.94, 37.933, 1, C::confirmed, "Siirt", "TUR", 1, "",
         "2014-10-08-turkey-kurdish-riots", "Two people were killed in Siirt."},
        {"2014-10-07", "riot", "KURDS_CIV", "TUR", 41.132, 37.887, 1, C::confirmed, "Batman", "TUR", 1, "",
         "2014-10-08-turkey-kurdish-riots", "One person was killed in Batman."},
        {"2014-10-07", "riot", "KURDS_CIV", "TUR", 41.507, 38.745, 3, C::confirmed, "Mus province", "TUR", 1, "",
         "2014-10-08-turkey-kurdish-riots", "One person was killed in the province of Mus."},
        {"2014-10-08", "deployment", "TUR", "", 40.219, 37.916, 1, C::confirmed, "Diyarbakir", "TUR", 2, "",
         "2014-10-08-turkey-kurdish-riots",
         "Authorities imposed a curfew for the first time in more than two decades and sent in the army."},
        {"2014-10-08", "territory_taken", "YPG", "ISIS", 38.353, 36.891, 1, C::claimed, "Kobani", "SYR", 2, "YPG",
         "2014-10-08-turkey-kurdish-riots",
         "Kurdish fighters said on Wednesday they had pushed Islamic State back from parts of the town."},
        {"2014-10-08", "bombing", "ISIS", "YPG", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 1, "",
         "2014-10-11-kobane-security-quarter",
         "The militants had attacked the compound with a truck bomb on Wednesday."},
        {"2014-10-09", "airstrike", "USA", "ISIS", 38.353, 36.891, 2, C::confirmed, "Kobani", "SYR", 3,
         "U.S. Central Command", "2014-10-11-kobane-security-quarter",
         "Six of them hit Islamic State units, buildings and a tank south of Kobani, U.S. Central Command said."},
        {"2014-10-10", "territory_taken", "ISIS", "YPG", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 6,
         "Syrian Observatory for Human Rights", "2014-10-11-kobane-security-quarter",
         "Islamic State fighters took the compound that served as headquarters for Kobani's Kurdish defenders on "
         "Friday, and the militants now hold about 40 percent of the town."},
        {"2014-10-13", "airstrike", "TUR", "PKK", 43.741, 37.574, 3, C::reported, "Hakkari province", "TUR", 2,
         "Hurriyet", "2014-10-14-kobane-airstrikes-tall-shair",
         "Turkish air force jets bombed positions of the Kurdistan Workers' Party (PKK) in Hakkari province near the "
         "Iraqi border on Monday."},
        {"2014-10-13", "bombing", "ISIS", "YPG", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 1, "",
         "2014-10-14-kobane-airstrikes-tall-shair",
         "One of them, a vehicle loaded with explosives, blew up in the north of the town near the border."},
        {"2014-10-14", "airstrike", "USA", "ISIS", 38.353, 36.891, 2, C::confirmed, "Kobani", "SYR", 4, "",
         "2014-10-14-kobane-airstrikes-tall-shair",
         "Twenty-one U.S. and Saudi air strikes hit Islamic State around the Syrian border town of Kobani on Monday "
         "and Tuesday."},
        {"2014-10-14", "territory_taken", "YPG", "ISIS", 38.30, 36.90, 1, C::claimed, "Tall Shair", "SYR", 2, "YPG",
         "2014-10-14-kobane-airstrikes-tall-shair",
         "Kurdish officials said their fighters had recaptured Tall Shair, a hill about 4 km (2.5 miles) west of "
         "Kobani."},
        {"2014-10-19", "aid", "USA", "YPG", 38.353, 36.891, 1, C::confirmed, "Kobani", "SYR", 5, "",
         "2014-10-20-kobane-airdrop",
         "American C-130 cargo planes parachuted arms, ammunition and medical supplies to the Kurdish fighters holding "
         "Kobani late on Sunday, the U.S. military said."},
        {"2014-10-19", "shelling", "ISIS", "YPG", 38.353, 36.891, 1, C::confirmed, "Kobani", "SYR", 1, "",
         "2014-10-20-kobane-airdrop", "Islamic State fighters shelled the town with mortars on Saturday and Sunday."},
        {"2014-10-31", "aid", "PESHMERGA", "YPG", 38.349, 36.905, 1, C::confirmed, "Mursitpinar gate", "TUR", 3, "",
         "2014-11-01-kobane-peshmerga",
         "Iraqi Kurdish peshmerga fighters drove into the besieged Syrian town of Kobani from Turkey late on Friday, "
         "crossing at the Mursitpinar gate with artillery."},
        {"2014-10-29", "deployment", "PESHMERGA", "", 42.704, 37.148, 1, C::confirmed, "Habur gate", "TUR", 1, "",
         "2014-11-01-kobane-peshmerga",
         "The convoy entered Turkey from northern Iraq at the Habur border gate on Wednesday."},
        {"2014-10-29", "aid", "FSA", "YPG", 38.353, 36.891, 1, C::reported, "Kobani", "SYR", 1, "",
         "2014-11-01-kobane-peshmerga",
         "About 50 fighters from the rebel Free Syrian Army entered Kobani on Wednesday to join the Kurdish forces."},
        {"2014-11-01", "protest", "KURDS_CIV", "", 40.219, 37.916, 1, C::confirmed, "Diyarbakir", "TUR", 1, "",
         "2014-11-01-kobane-peshmerga", "Some 15,000 rallied in Diyarbakir."},
    };
    std::vector<Event> events;
    for (const GoldRow& row : rows) {
        Event event = make_event(row.type, row.actor1, row.lon, row.lat, row.date, row.certainty, row.precision);
        event.actor2 = row.actor2;
        event.source = row.source;
        event.location->place = row.place;
        event.location->country = row.country;
        event.mentions.clear();
        for (std::size_t i = 0; i < row.mentions; ++i) event.mentions.push_back({row.article, i, 0, 0, row.sentence});
        events.push_back(std::move(event));
    }
    // The tank deployment along the frontier is a border event: a line, not a point.
    for (Event& event : events)
        if (event.location->place == std::string("Turkish-Syrian border"))
            event.location->wkt =
                "LINESTRING (37.80 36.76, 38.02 36.84, 38.25 36.88, 38.40 36.87, 38.70 36.77, 38.95 36.69)";
    for (const auto& [type, actor, date] : std::initializer_list<std::tuple<const char*, const char*, const char*>>{
             {"appeal", "KRG", "2014-09-20"},
             {"warning", "TUR", "2014-09-22"},
             {"appeal", "YPG", "2014-09-23"},
             {"appeal", "YPG", "2014-10-06"},
             {"warning", "YPG", "2014-10-06"},
             {"appeal", "TUR", "2014-10-07"},
             {"warning", "TUR", "2014-10-08"},
             {"accusation", "KURDS_CIV", "2014-10-08"},
             {"appeal", "UN", "2014-10-10"},
             {"warning", "UN", "2014-10-10"},
             {"consultation", "USA", "2014-10-14"},
             {"consultation", "USA", "2014-10-18"},
             {"rejection", "TUR", "2014-10-19"},
             {"appeal", "KURDS_CIV", "2014-10-20"}})
        events.push_back(make_statement(type, actor, date));

    Scene scene(std::move(events), middle_east_base(), DateRange(day("2014-09-16"), day("2014-11-02")), viewport);
    scene.set_title("The siege of Kobanî");
    return scene;
}

}  // namespace frontline::render::test
