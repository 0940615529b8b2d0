#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "events/event.hpp"

namespace frontline {

/// Who a role of an event refers to: a canonical id and the words the text used.
struct ActorRef {
    /// Unnamed state forces ("police", "troops") are the forces of the state where the event
    /// happened: the geocoder's country fills in the id. An unnamed government ("the government",
    /// "Deputy Prime Minister Yalcin Akdogan") is the government of the story's home state.
    enum class LocalState { no, security, armed, government };

    std::string id;    ///< canonical id (taxonomy.md), or the normalised surface text
    std::string text;  ///< as written ("Kurdish fighters")
    LocalState local_state = LocalState::no;
    [[nodiscard]] bool empty() const { return id.empty() && local_state == LocalState::no; }
};

/// How a place phrase relates the event to the place it names.
enum class PlaceRelation {
    in,          ///< "in Kobane", "Kobane's": the place itself (geo_precision 1)
    near,        ///< "near", "around", "outside", "the outskirts of", "N km south of" (2)
    region,      ///< "northern Syria", "throughout Turkey", "Hakkari province" (3)
    border,      ///< "its border with Syria": the shared border of two countries (3)
};

/// A place phrase of a sentence, still unresolved: the geocoder turns it into a Location.
struct PlaceRef {
    std::size_t first_token = 0;  ///< token span in the sentence
    std::size_t last_token = 0;
    std::string text;    ///< surface form ("Ayn al-Arab"); empty for an anaphor
    bool anaphor = false;  ///< "the town", "the city": the story's focus place
    bool locative_cue = false;  ///< preceded by "in", "near", "the town of" ... (a strong sign it is a place)
    /// Capitalised maybe only because it starts the sentence: a place only if the story uses the
    /// name as one elsewhere.
    bool sentence_initial = false;
    /// Describes the place named after it ("the Red Sea town of Mokha"): tried only after that one.
    bool descriptor = false;
    bool carried = false;  ///< carried over from an earlier sentence: its token span is not this sentence's
    PlaceRelation relation = PlaceRelation::in;
    std::string feature_hint;   ///< "town", "city", "village", "hill", "province", "border" ... when the text says
    double offset_km = 0.0;     ///< "4 km west of X"
    double bearing_degrees = 0.0;
    std::string border_partner;  ///< for border: the other country's name as written
    std::string state;  ///< the state's canonical id when the phrase names a state ("into Turkey": TUR)
};

/// One event as read from one sentence, before geocoding and merging.
struct EventMention {
    std::string event_type;
    std::string sub_event_type;  ///< an ACLED sub-type the text pins down ("Suicide bomb"); empty otherwise
    ActorRef actor1;
    ActorRef actor2;
    std::vector<PlaceRef> places;  ///< most relevant first
    std::optional<Date> date_start;
    std::optional<Date> date_end;
    int time_precision = 3;
    Certainty certainty = Certainty::confirmed;
    std::string source;
    std::optional<double> magnitude;
    std::optional<PlacePart> part;
    std::optional<int> fatalities;
    Mention mention;
    double confidence = 0.5;
    bool movement = false;  ///< told by a verb of crossing or entering: deployment or aid by what else the story says
};

/// Which places an article talks about, for resolving ambiguous names and anaphors.
struct DocumentPlaces {
    /// Every place phrase of the article (title and dateline included), in order of appearance.
    std::vector<PlaceRef> all;
    /// The dateline's place ("SURUC, Turkey (Meridian Wire) —"), if the article has one.
    std::optional<PlaceRef> dateline;
};

/// Everything read from one article.
struct ArticleReading {
    std::vector<EventMention> mentions;
    /// Who holds how much of a place ("the militants hold about half of Kobani"): event type
    /// `territory_held`, the share as magnitude. No event, but what the control layer shows then.
    std::vector<EventMention> holdings;
    DocumentPlaces places;
};

}  // namespace frontline
