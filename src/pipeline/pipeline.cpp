#include "pipeline/pipeline.hpp"

#include "events/merge.hpp"
#include "events/taxonomy.hpp"

namespace frontline {

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

std::vector<Event> Pipeline::process(const Article& article) const {
    const ArticleReading reading = extractor_.read(article);
    const GeoContext context = geocoder_.context_of(reading.places);
    std::vector<Event> events;
    events.reserve(reading.mentions.size());
    for (const EventMention& m : reading.mentions) {
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
        e.fatalities = m.fatalities;
        e.mentions = {m.mention};
        e.confidence = m.confidence;
        if (e.tier() == Tier::physical) {
            e.location = geocoder_.locate(m.places, context);
            // An event told with no place happened where the story is, as far as the text says.
            if (!e.location && context.focus) {
                e.location = context.focus;
                e.location->geo_precision = 2;
                e.confidence -= 0.1;
            }
            if (!e.location) continue;  // nowhere to put it: an analyst would not code it either
            // Unnamed police are the police of the country it happened in; unnamed troops only
            // when they police it (a deployment, arrests, a riot), not when they strike abroad.
            // Troops named as what is deployed ("deployed significant forces") are not a second actor.
            auto local = [&](std::string& id, const ActorRef& ref, bool subject) {
                const bool applies = ref.local_state == ActorRef::LocalState::security ||
                                     (subject && ref.local_state == ActorRef::LocalState::armed &&
                                      (e.event_type == "deployment" || e.event_type == "arrest" || e.event_type == "riot"));
                if (id.empty() && applies && !e.location->country.empty()) id = e.location->country;
            };
            local(e.actor1, m.actor1, true);
            local(e.actor2, m.actor2, false);
        }
        const ActorInfo* actor1 = lexicon_->actor(e.actor1);
        apply_taxonomy(e, actor1 && actor1->kind == ActorKind::state);
        if (!m.sub_event_type.empty()) e.acled_sub_event_type = m.sub_event_type;
        events.push_back(std::move(e));
    }
    return merge_events(std::move(events));
}

GeoContext Pipeline::context_for(const Article& article) const { return geocoder_.context_of(extractor_.read(article).places); }

std::vector<Event> merge_across_articles(std::vector<Event> events) { return merge_events(std::move(events)); }

}  // namespace frontline
