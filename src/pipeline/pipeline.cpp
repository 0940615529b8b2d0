#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

#include "events/merge.hpp"
#include "events/taxonomy.hpp"
#include "text/fold.hpp"

namespace frontline {

// Event types are compared with literals all through coding: as string_views they compare
// lengths first, where std::string == const char* ran strlen and memcmp (profiled: 4 %).
using namespace std::string_view_literals;

Pipeline::Pipeline(const std::filesystem::path& data_root)
    : Pipeline(std::make_shared<const Lexicon>(Lexicon::load(data_root)),
               std::make_shared<const Gazetteer>(Gazetteer::load(data_root)),
               std::make_unique<const CountryIndex>(
                   CountryIndex::load(data_root / "geodata" / "naturalearth" / "countries-10m.json"))) {}

Pipeline::Pipeline(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const Gazetteer> gazetteer,
                   std::unique_ptr<const CountryIndex> countries)
    : lexicon_(std::move(lexicon)),
      gazetteer_(std::move(gazetteer)),
      countries_(std::move(countries)),
      extractor_(*lexicon_),
      geocoder_(*gazetteer_, *countries_) {}

Pipeline Pipeline::for_thread() const {
    return Pipeline(lexicon_, gazetteer_, std::make_unique<const CountryIndex>(countries_->copy()));
}

namespace {

/// Words for forces only a state fields: unnamed "jets" or "troops" at home are the state's, unnamed
/// "fighters" or a "militia" could be anyone's.
bool is_state_force(const std::string& text) {
    // Not "artillery", "tanks" or "drones": rebels and militias field those too.
    static const std::vector<std::string> forces = {"army", "troops", "soldiers", "military", "jets", "warplanes", "aircraft",
                                                    "planes", "air force", "navy", "marines", "paratroopers", "servicemen"};
    const std::string folded = fold(text);
    return std::any_of(forces.begin(), forces.end(), [&](const std::string& f) { return folded.ends_with(f); });
}

}  // namespace

void Pipeline::own_side_of_border(Event& e) const {
    // "Turkish tanks sat on the hills by the frontier": a state's forces on its border stand on its
    // own side, not on the line (which touches the neighbour too).
    if (e.event_type != "deployment"sv || !e.location || !e.location->wkt.starts_with("LINESTRING") || e.actor1.empty() ||
        e.actor1 != e.location->country)
        return;
    const auto country = gazetteer_->country_by_iso3(e.actor1);
    if (!country) return;
    const std::string& ne_name = gazetteer_->country(*country).ne_name;
    constexpr double step_km = 2.0;
    constexpr double km_per_degree = 111.32;
    constexpr double pi = 3.14159265358979323846;
    const LonLat anchor = e.location->anchor;
    for (int bearing = 0; bearing < 360; bearing += 45) {
        const double radians = static_cast<double>(bearing) * pi / 180.0;
        const LonLat p{anchor.lon() + step_km * std::sin(radians) / (km_per_degree * std::cos(anchor.lat() * pi / 180.0)),
                       anchor.lat() + step_km * std::cos(radians) / km_per_degree};
        if (countries_->country_at(p) != ne_name) continue;
        std::ostringstream wkt;
        wkt.precision(8);
        wkt << "POINT (" << p.lon() << " " << p.lat() << ")";
        e.location->wkt = wkt.str();
        e.location->anchor = p;
        e.location->geo_precision = 2;
        return;
    }
}

std::string Pipeline::home_state(const ArticleReading& reading, const GeoContext& context) const {
    // The dateline's country when the story itself talks about that country ("DIYARBAKIR, Turkey"
    // over riots in Turkey); a reporter filing from Beirut about Syria is not writing about Lebanon.
    if (reading.places.dateline) {
        const auto found = geocoder_.readings(reading.places.dateline->text, context);
        if (!found.empty()) {
            const std::string& iso3 = found.front().location.country;
            if (std::find(context.countries.begin(), context.countries.end(), iso3) != context.countries.end() &&
                (context.countries.size() == 1 || context.countries.front() == iso3 ||
                 std::any_of(reading.mentions.begin(), reading.mentions.end(), [&](const EventMention& m) {
                     return m.actor1.id == iso3 || m.actor2.id == iso3;
                 })))
                return iso3;
        }
    }
    if (context.focus && !context.focus->country.empty()) return context.focus->country;
    return context.countries.empty() ? std::string() : context.countries.front();
}

namespace {

/// The fields an event takes from its mention as read, before geocoding and actors are settled.
Event event_from(const EventMention& m) {
    Event e;
    e.event_type = m.event_type;
    e.actor1 = m.actor1.id;
    e.actor1_text = m.actor1.text;
    e.actor2 = m.actor2.id;
    e.actor2_text = m.actor2.text;
    e.date_start = m.date_start;
    e.date_end = m.date_end;
    e.time_precision = m.time_precision;
    e.certainty = m.certainty;
    e.source = m.source;
    e.magnitude = m.magnitude;
    e.part = m.part;
    e.fatalities = m.fatalities;
    e.mentions = {m.mention};
    e.confidence = m.confidence;
    return e;
}

}  // namespace

std::vector<Event> Pipeline::process(const Article& article) const { return read(article).events; }

Pipeline::Reading Pipeline::read(const Article& article) const {
    const ArticleReading reading = extractor_.read(article);
    GeoContext context = geocoder_.context_of(reading.places);
    // "The Syrian army recaptured Palmyra": states whose forces fight on the ground are where the
    // story happens, even when it never names them as places, so "Palmyra" is Tadmur, not a town
    // in Missouri. Air forces strike abroad and say nothing about where.
    for (const EventMention& m : reading.mentions) {
        const bool ground = m.event_type == "territory_taken"sv || m.event_type == "retreat"sv || m.event_type == "armed_clash"sv ||
                            m.event_type == "deployment"sv || m.event_type == "shelling"sv || m.event_type == "arrest"sv ||
                            m.event_type == "riot"sv;
        if (!ground) continue;
        for (const ActorRef* ref : {&m.actor1, &m.actor2}) {
            const ActorInfo* info = lexicon_->actor(ref->id);
            if (!info || info->kind != ActorKind::state || !gazetteer_->country_by_iso3(ref->id)) continue;
            if (std::find(context.countries.begin(), context.countries.end(), ref->id) == context.countries.end())
                context.countries.push_back(ref->id);
        }
    }
    const std::string home = home_state(reading, context);
    std::vector<Event> events;
    events.reserve(reading.mentions.size());
    for (const EventMention& m : reading.mentions) {
        Event e = event_from(m);
        if (e.tier() == Tier::physical) {
            e.location = geocoder_.locate(m.places, context);
            // An event told with no place happened where the story is, as far as the text says.
            if (!e.location && context.focus) {
                e.location = context.focus;
                e.location->geo_precision = 2;
                e.confidence -= 0.1;
            }
            if (!e.location) continue;  // nowhere to put it: an analyst would not code it either
            // ACLED's precision 2 is "part of a town" as well as "near it".
            if (e.part && e.location->geo_precision == 1) e.location->geo_precision = 2;
            // Unnamed police are the police of the country it happened in; unnamed troops only
            // when they police it (a deployment, arrests, a riot), not when they strike abroad.
            // Troops named as what is deployed ("deployed significant forces") are not a second actor.
            auto local = [&](std::string& id, const ActorRef& ref, bool subject) {
                // Unnamed forces acting at home ("air force jets bombed positions in Hakkari" in a story
                // told from Turkey) are that state's.
                const bool home_ground = !home.empty() && e.location->country == home && is_state_force(ref.text);
                const bool applies = ref.local_state == ActorRef::LocalState::security ||
                                     (subject && ref.local_state == ActorRef::LocalState::armed &&
                                      (home_ground || e.event_type == "deployment"sv || e.event_type == "arrest"sv || e.event_type == "riot"sv));
                if (id.empty() && applies && !e.location->country.empty()) id = e.location->country;
            };
            local(e.actor1, m.actor1, true);
            local(e.actor2, m.actor2, false);
            own_side_of_border(e);
        }
        // An unnamed government acts for the story's home state, wherever the event was.
        if (e.actor1.empty() && m.actor1.local_state == ActorRef::LocalState::government) e.actor1 = home;
        if (e.actor2.empty() && m.actor2.local_state == ActorRef::LocalState::government) e.actor2 = home;
        if (e.tier() == Tier::statement && e.actor1.empty()) continue;
        const ActorInfo* actor1 = lexicon_->actor(e.actor1);
        apply_taxonomy(e, actor1 && actor1->kind == ActorKind::state);
        if (!m.sub_event_type.empty()) e.acled_sub_event_type = m.sub_event_type;
        events.push_back(std::move(e));
    }
    Reading result{merge_events(std::move(events)), {}};
    for (const EventMention& m : reading.holdings) {
        Event e = event_from(m);
        e.location = geocoder_.locate(m.places, context);
        if (!e.location || e.actor1.empty()) continue;
        e.id = stable_event_id(e);
        result.holdings.push_back(std::move(e));
    }
    return result;
}

GeoContext Pipeline::context_for(const Article& article) const { return geocoder_.context_of(extractor_.read(article).places); }

std::vector<Event> merge_across_articles(std::vector<Event> events) { return merge_events(std::move(events)); }

}  // namespace frontline
