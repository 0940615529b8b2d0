#include "geo/geocoder.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/number_text.hpp"
#include "geo/projection.hpp"
#include "text/fold.hpp"

namespace frontline {

namespace {

double feature_bonus(std::string_view code) {
    if (code == "PPLC") return 2.5;
    if (code == "PPLA") return 2.0;
    if (code == "PPLA2") return 1.0;
    if (code == "PPLA3") return 0.5;
    return 0.0;
}

/// The comparison key of a folded mention: without a leading article or a possessive.
std::string key_of(std::string folded) {
    if (folded.starts_with("the ")) folded.erase(0, 4);
    for (const std::string_view suffix : {"'s", "'"})
        if (folded.size() > suffix.size() + 2 && folded.ends_with(suffix)) folded.erase(folded.size() - suffix.size());
    return folded;
}

bool has_upper(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<std::size_t> rank_in(const std::vector<std::string>& list, std::string_view value) {
    const auto it = std::find(list.begin(), list.end(), value);
    if (it == list.end()) return std::nullopt;
    return static_cast<std::size_t>(it - list.begin());
}

/// Whether two contexts score every reading alike: all the fields `reading` and `ranked` read
/// (names_in_use only decides whether resolve looks at a name at all). Kept by hand: a field
/// added to GeoContext that changes a score belongs here.
bool ranks_alike(const GeoContext& a, const GeoContext& b) {
    const bool same_focus = a.focus.has_value() == b.focus.has_value() && (!a.focus || a.focus->anchor == b.focus->anchor);
    return same_focus && a.countries == b.countries && a.dateline == b.dateline && a.admin1 == b.admin1 &&
           a.neighbours == b.neighbours && a.within == b.within && a.admin_cue == b.admin_cue &&
           a.admin1_support == b.admin1_support && a.admin2_support == b.admin2_support;
}

/// Names the name table holds before it starts again: a day of news names a few thousand places,
/// and a bounded table keeps a long run's memory flat.
constexpr std::size_t name_table_capacity = 16384;

/// Locations the location table holds before it starts again, for the same reason.
constexpr std::size_t location_table_capacity = 16384;

/// Entries a resolve memo holds before it starts again: more than a story names, so only a run
/// of stories with the same context (none at all, say) ever fills it.
constexpr std::size_t resolve_memo_capacity = 256;

}  // namespace

std::optional<Geocoder::ScoredReading> Geocoder::base_reading(const NameHit& hit, bool unit_word, bool explain) const {
    ScoredReading c;
    // The reason is only read by `frontline geocode`; extraction skips building it.
    auto note = [&](std::string_view why) {
        if (explain) c.reason += why;
    };
    c.hit = hit;
    switch (hit.kind) {
        case NameHit::Kind::country: {
            const Country& k = gazetteer_.country(hit.index);
            c.anchor = LonLat(k.lon, k.lat);
            c.geo_precision = 3;
            c.score = hit.form == NameHit::Form::demonym ? 8.5 : 10.0;
            note(hit.form == NameHit::Form::demonym ? "country, by its demonym" : "country");
            c.country = k.iso3;
            break;
        }
        case NameHit::Kind::region: {
            const Region& r = gazetteer_.region(hit.index);
            c.anchor = LonLat(r.lon, r.lat);
            c.geo_precision = 3;
            c.score = 9.5;
            note(r.kind);
            break;
        }
        case NameHit::Kind::admin1:
        case NameHit::Kind::admin2: {
            const bool first = hit.kind == NameHit::Kind::admin1;
            const AdminArea a = first ? gazetteer_.admin1(hit.index) : gazetteer_.admin2(hit.index);
            if (a.towns == 0) return std::nullopt;
            c.anchor = LonLat(a.lon, a.lat);
            c.geo_precision = first ? 3 : 2;
            if (a.has_country) c.country = gazetteer_.country(a.country).iso3;
            const std::string_view code = first ? gazetteer_.admin1_code(hit.index) : gazetteer_.admin2_code(hit.index);
            c.admin1 = first ? code : code.substr(0, code.rfind('.'));
            if (!first) c.admin2 = code;
            if (explain)
                c.reason = std::string(first ? "first-level region" : "second-level area") + " at the middle of its " +
                           std::to_string(a.towns) + " towns";
            switch (hit.form) {
                case NameHit::Form::postal: c.score = c.cue_score = 3.0; break;
                // "Hakkari" for Hakkari Province is common; "Rapides" for Rapides Parish is not, and
                // every country has districts named after common words and towns ("Gaza" in
                // Mozambique).
                case NameHit::Form::bare:
                    c.score = first ? 6.0 : 1.5;
                    c.cue_score = 8.0;
                    break;
                // A second-level unit is meant when the text says "County" (or "Parish"...);
                // otherwise a name like "Albany" is a town, not an Australian shire.
                default:
                    c.score = first ? 8.0 : (unit_word ? 9.0 : 2.5);
                    c.cue_score = first ? 8.0 : 9.0;
                    break;
            }
            return c;
        }
        case NameHit::Kind::place: {
            c.anchor = gazetteer_.place_point(hit.index);
            c.population = gazetteer_.place_population(hit.index);
            const std::string_view feature_code = gazetteer_.place_feature_code(hit.index);
            c.score = std::log10(static_cast<double>(c.population) + 10.0) +
                      (gazetteer_.place_feature_class(hit.index) == 'C' ? 3.0 : feature_bonus(feature_code));
            if (explain) {
                const Place p = gazetteer_.place(hit.index);
                c.reason = "population " + std::to_string(p.population) + (p.feature_code.empty() ? "" : ", " + p.feature_code);
                if (hit.form == NameHit::Form::alternate) note(", by an alternate name");
                if (p.approximate) note(", curated (approximate)");
            }
            c.capital = feature_code == "PPLC";
            c.seat = feature_code == "PPLA";
            if (const auto country = gazetteer_.place_country(hit.index)) c.country = gazetteer_.country(*country).iso3;
            if (const auto admin1 = gazetteer_.place_admin1(hit.index)) c.admin1 = gazetteer_.admin1_code(*admin1);
            if (const auto admin2 = gazetteer_.place_admin2(hit.index)) c.admin2 = gazetteer_.admin2_code(*admin2);
            break;
        }
    }
    c.cue_score = c.score;
    return c;
}

void Geocoder::score_in(ScoredReading& c, const GeoContext& context, bool explain) {
    auto note = [&](std::string_view why) {
        if (explain) c.reason += why;
    };
    const NameHit& hit = c.hit;
    if (context.admin_cue) c.score = c.cue_score;
    // "Paris, Texas" qualifies a town or county; "Minnesota, Wisconsin" is a list of states.
    if (!context.within.empty() && (hit.kind == NameHit::Kind::place || hit.kind == NameHit::Kind::admin2)) {
        if (context.within == c.country || (!c.admin1.empty() && context.within == c.admin1)) {
            c.score += 8.0;
            note(", in the region the text names after it");
        } else {
            c.score -= 4.0;
        }
    }
    if (const auto rank = rank_in(context.countries, c.country)) {
        c.score += *rank == 0 ? 3.5 : 2.5;
        note(", in a country the story names");
    }
    if (!c.admin1.empty()) {
        if (rank_in(context.admin1, c.admin1)) {
            c.score += 4.0;
            note(", in a region the story names");
        }
        // The support maps are keyed by std::string without a transparent comparator: only a
        // non-empty one (the geoparser's) is worth a key.
        if (!context.admin1_support.empty())
            if (const auto it = context.admin1_support.find(std::string(c.admin1)); it != context.admin1_support.end() && it->second > 0.05) {
                c.score += 2.5 * std::min(1.6, it->second);
                note(", in a region the story's other names can all be in");
            }
    }
    if (!c.admin2.empty() && !context.admin2_support.empty())
        if (const auto it = context.admin2_support.find(std::string(c.admin2)); it != context.admin2_support.end() && it->second > 0.0) {
            c.score += 3.0 * std::min(2.0, it->second);
            note(", in a county the story's other names are in");
        }
    const bool local = hit.kind == NameHit::Kind::place || hit.kind == NameHit::Kind::admin2;
    if (local && !context.neighbours.empty()) {
        double nearest = 1e9;
        for (const LonLat& n : context.neighbours) nearest = std::min(nearest, distance_km(n, c.anchor));
        if (nearest < 30.0) { c.score += 3.0; note(", next to another place of the story"); }
        else if (nearest < 120.0) { c.score += 2.0; note(", near another place of the story"); }
        else if (nearest < 400.0) { c.score += 1.0; note(", in the region of the story's places"); }
    }
    if (context.dateline && local) {
        const double km = distance_km(*context.dateline, c.anchor);
        if (km < 150.0) { c.score += 3.0; note(", near the dateline"); }
        else if (km < 600.0) { c.score += 1.0; note(", in the dateline's region"); }
    }
    if (context.focus && local && distance_km(context.focus->anchor, c.anchor) < 60.0) {
        c.score += 2.0;
        note(", near the story's focus");
    }
}

std::vector<Geocoder::ScoredReading> Geocoder::base_readings(const std::string& name, std::span<const NameHit> hits, bool unit_word,
                                                             bool explain) const {
    std::vector<ScoredReading> out;
    for (const NameHit& hit : hits) {
        // Abbreviations ("US", "Ga.") are case-sensitive: "us" and "ga." are words.
        if ((hit.form == NameHit::Form::abbreviation || hit.form == NameHit::Form::postal) && !has_upper(name)) continue;
        if (auto c = base_reading(hit, unit_word, explain)) out.push_back(std::move(*c));
    }
    return out;
}

Location Geocoder::location_of(const ScoredReading& r) const {
    const std::uint64_t key = std::uint64_t{static_cast<std::uint8_t>(r.hit.kind)} << 32 | r.hit.index;
    if (const auto found = locations_.find(key); found != locations_.end()) return found->second;
    if (locations_.size() == location_table_capacity) locations_.clear();
    return locations_.emplace(key, make_location(r)).first->second;
}

Location Geocoder::make_location(const ScoredReading& r) const {
    const std::uint32_t i = r.hit.index;
    switch (r.hit.kind) {
        case NameHit::Kind::country: {
            const Country& k = gazetteer_.country(i);
            return Location{point_wkt(r.anchor), r.anchor, r.geo_precision, k.name, "iso3166:" + k.iso3, k.iso3};
        }
        case NameHit::Kind::region: {
            const Region& region = gazetteer_.region(i);
            return Location{point_wkt(r.anchor), r.anchor, r.geo_precision, region.name, region.id, ""};
        }
        case NameHit::Kind::admin1:
        case NameHit::Kind::admin2: {
            const AdminArea a = r.hit.kind == NameHit::Kind::admin1 ? gazetteer_.admin1(i) : gazetteer_.admin2(i);
            return Location{point_wkt(r.anchor), r.anchor, r.geo_precision, a.name, "", std::string(r.country)};
        }
        case NameHit::Kind::place: break;
    }
    Place p = gazetteer_.place(i);
    return Location{point_wkt(r.anchor), r.anchor, r.geo_precision, std::move(p.name), std::move(p.id), std::move(p.country_iso3)};
}

std::vector<GeocodeCandidate> Geocoder::as_candidates(std::vector<ScoredReading> ranked) const {
    std::vector<GeocodeCandidate> out;
    out.reserve(ranked.size());
    for (ScoredReading& r : ranked)
        out.push_back(GeocodeCandidate{location_of(r), r.score, std::move(r.reason), r.hit.kind, r.hit.form, std::string(r.admin1),
                                       std::string(r.admin2), r.population, r.capital, r.seat});
    return out;
}

std::vector<GeocodeCandidate> Geocoder::candidates(const std::string& name, const GeoContext& context) const {
    return as_candidates(ranked(name, context, true));
}

std::vector<GeocodeCandidate> Geocoder::readings(const std::string& name, const GeoContext& context) const {
    return as_candidates(ranked(name, context, false));
}

const Geocoder::NameEntry& Geocoder::name_entry(const std::string& name) const {
    if (const auto found = names_.find(name); found != names_.end()) return found->second;
    if (names_.size() == name_table_capacity) names_.clear();
    NameEntry entry;
    entry.folded = fold(name);
    const std::string key = key_of(entry.folded);
    entry.key_hits = gazetteer_.lookup(key);
    entry.hits = entry.key_hits;
    if (entry.hits.empty() && key.ends_with('.')) entry.hits = gazetteer_.lookup(std::string_view(key).substr(0, key.size() - 1));
    for (const std::string_view word : {" county", " parish", " borough", " district", " province", " municipality", " governorate",
                                        " department", " oblast", " township", " region", " prefecture"})
        if (key.ends_with(word)) entry.unit_word = true;
    entry.readings = base_readings(name, entry.hits, entry.unit_word, false);
    entry.notable_own_name = std::any_of(entry.readings.begin(), entry.readings.end(), [](const ScoredReading& c) {
        return c.hit.kind == NameHit::Kind::place && c.hit.form == NameHit::Form::name && (c.population >= 100000 || c.capital || c.seat);
    });
    return names_.emplace(name, std::move(entry)).first->second;
}

std::vector<Geocoder::ScoredReading> Geocoder::ranked(const std::string& name, const GeoContext& context, bool explain) const {
    std::vector<ScoredReading> out = scored(name, context, explain);
    std::stable_sort(out.begin(), out.end(), [](const ScoredReading& a, const ScoredReading& b) { return a.score > b.score; });
    return out;
}

const Geocoder::ScoredReading* Geocoder::best_of(const std::vector<ScoredReading>& readings, bool (*wanted)(const ScoredReading&)) {
    const ScoredReading* best = nullptr;
    for (const ScoredReading& c : readings)
        if (wanted(c) && (!best || c.score > best->score)) best = &c;
    return best;
}

std::vector<Geocoder::ScoredReading> Geocoder::scored(const std::string& name, const GeoContext& context, bool explain) const {
    auto note = [explain](ScoredReading& c, std::string_view why) {
        if (explain) c.reason += why;
    };
    const NameEntry& entry = name_entry(name);
    // Reasons are written only for `frontline geocode`, which reads them anew.
    std::vector<ScoredReading> out = explain ? base_readings(name, entry.hits, entry.unit_word, true) : entry.readings;
    for (ScoredReading& c : out) score_in(c, context, explain);
    // An alternate name is a weaker claim than a notable town's own name: GeoNames lists old,
    // foreign and transliterated forms that are other towns' names in English ("Cancun" for
    // Changchun). Against villages of that name, an exonym keeps its claim ("Palmyra" for Tadmur).
    if (entry.notable_own_name)
        for (ScoredReading& c : out)
            if (c.hit.kind == NameHit::Kind::place && c.hit.form == NameHit::Form::alternate) {
                c.score -= 2.5;
                note(c, " (weaker than a notable town's own name)");
            }
    // A country's name means the country: "Russia" is not the village of Russia, Ohio, unless the
    // text says so ("Russia, Ohio").
    const auto country = std::find_if(out.begin(), out.end(), [](const ScoredReading& c) {
        return c.hit.kind == NameHit::Kind::country && c.hit.form != NameHit::Form::demonym;
    });
    if (country != out.end() && context.within.empty()) {
        const std::string_view iso3 = country->country;
        for (ScoredReading& c : out)
            if (c.hit.kind == NameHit::Kind::place && c.country != iso3) {
                c.score -= 4.0;
                note(c, ", a town named like a country");
            }
    }
    // A state's name means the state: "Kansas" is not the village of Kansas, Illinois, unless the
    // text says so ("Kansas, Ill."); capitals and big cities keep their claim ("Washington"), and
    // a region's seat of the same name ("Idlib", "Aleppo") is what news means by the name.
    for (const ScoredReading& region : out) {
        if (region.hit.kind != NameHit::Kind::admin1 || region.hit.form != NameHit::Form::name || !context.within.empty()) continue;
        for (ScoredReading& c : out) {
            if (c.hit.kind != NameHit::Kind::place || c.country != region.country) continue;
            if (c.seat && c.admin1 == region.admin1) {
                c.score += 2.0;
                note(c, ", the seat of the region of its name");
            } else if (c.population < 1000000 && !c.capital && !c.seat) {
                c.score -= 4.0;
                note(c, ", a town named like a region of its country");
            }
        }
    }
    return out;
}

std::optional<Location> Geocoder::chosen_reading(const PlaceRef& ref, const GeoContext& context) const {
    ResolveMemo& memo = resolve_memo_;
    if (!ranks_alike(memo.context, context)) {
        memo.context = context;
        memo.entries.clear();
    }
    for (const ResolveMemo::Entry& e : memo.entries)
        if (e.locative_cue == ref.locative_cue && e.text == ref.text && e.feature_hint == ref.feature_hint) return e.location;
    auto choose = [&]() -> std::optional<Location> {
        std::vector<ScoredReading> found;
        if (!ref.feature_hint.empty()) found = scored(ref.text + " " + ref.feature_hint, context, false);
        if (found.empty()) found = scored(ref.text, context, false);
        // An event's place is a place: "Syrian" names the actor, not where it happened.
        const ScoredReading* place = best_of(found, [](const ScoredReading& c) { return c.hit.form != NameHit::Form::demonym; });
        if (!place) return std::nullopt;
        const bool wants_region = ref.feature_hint == "province" || ref.feature_hint == "governorate" || ref.feature_hint == "region";
        const bool wants_town = ref.feature_hint == "town" || ref.feature_hint == "city" || ref.feature_hint == "village";
        const ScoredReading* wanted =
            wants_region ? best_of(found, [](const ScoredReading& c) { return c.hit.form != NameHit::Form::demonym && c.geo_precision == 3; })
            : wants_town ? best_of(found, [](const ScoredReading& c) { return c.hit.form != NameHit::Form::demonym && c.hit.kind == NameHit::Kind::place; })
                         : place;
        const ScoredReading& best = wanted ? *wanted : *place;
        // A capitalised word with no place cue must be a notable place to be read as one.
        if (!ref.locative_cue && best.score < 5.5) return std::nullopt;
        return location_of(best);
    };
    std::optional<Location> chosen = choose();
    if (memo.entries.size() == resolve_memo_capacity) memo.entries.clear();
    memo.entries.push_back({ref.text, ref.feature_hint, ref.locative_cue, chosen});
    return chosen;
}

std::optional<Location> Geocoder::resolve(const PlaceRef& ref, const GeoContext& context) const {
    if (ref.anaphor) {
        if (!context.focus) return std::nullopt;
        Location focus = *context.focus;
        if (ref.relation == PlaceRelation::border) {
            // "Turkish tanks on the frontier": the border of the focus's country with the actor's state.
            const auto here = gazetteer_.country_by_iso3(focus.country);
            const auto other = gazetteer_.country_by_iso3(ref.border_partner);
            if (here && other && *here != *other)
                if (const auto line = countries_.shared_border_wkt(gazetteer_.country(*other).ne_name, gazetteer_.country(*here).ne_name,
                                                                   focus.anchor, 30.0)) {
                    return Location{line->wkt, line->anchor, 2,
                                    "border of " + gazetteer_.country(*other).name + " and " + gazetteer_.country(*here).name, "",
                                    gazetteer_.country(*other).iso3};
                }
            focus.geo_precision = 2;
            return focus;
        }
        if (ref.relation == PlaceRelation::near) focus.geo_precision = std::max(focus.geo_precision, 2);
        return focus;
    }
    if (ref.text.size() < 3) return std::nullopt;
    if (ref.sentence_initial && !ref.locative_cue &&
        std::find(context.names_in_use.begin(), context.names_in_use.end(), name_entry(ref.text).folded) == context.names_in_use.end())
        return std::nullopt;
    std::optional<Location> chosen = chosen_reading(ref, context);
    if (!chosen) return std::nullopt;
    Location location = std::move(*chosen);
    switch (ref.relation) {
        case PlaceRelation::in: break;
        case PlaceRelation::near:
            location.geo_precision = std::max(location.geo_precision, 2);
            if (ref.offset_km > 0.0) {
                location.anchor = offset_point(location.anchor, ref.bearing_degrees, ref.offset_km * 1000.0);
                location.wkt = point_wkt(location.anchor);
            }
            break;
        case PlaceRelation::region: location.geo_precision = 3; break;
        case PlaceRelation::border:
            if (!ref.border_partner.empty() && location.place_id.starts_with("iso3166:"))
                if (const auto partner = gazetteer_.country_by_iso3(ref.border_partner)) {
                    const Country& a = gazetteer_.country(*partner);
                    const Country& b = gazetteer_.country(*gazetteer_.country_by_iso3(location.country));
                    const std::optional<LonLat> near = context.focus ? std::optional<LonLat>(context.focus->anchor) : std::nullopt;
                    if (const auto line = countries_.shared_border_wkt(a.ne_name, b.ne_name, near, 60.0)) {
                        location.wkt = line->wkt;
                        location.anchor = line->anchor;
                        location.place = "border of " + a.name + " and " + b.name;
                        location.place_id.clear();
                    }
                }
            location.geo_precision = 3;
            break;
    }
    return location;
}

GeoContext Geocoder::context_of(const DocumentPlaces& places) const {
    GeoContext context;
    std::map<std::string, int> country_counts;
    for (const PlaceRef& ref : places.all)
        if (!ref.anaphor && (!ref.sentence_initial || ref.locative_cue)) context.names_in_use.push_back(name_entry(ref.text).folded);
    for (const PlaceRef& ref : places.all) {
        if (ref.anaphor) continue;
        for (const NameHit& hit : name_entry(ref.text).key_hits)
            if (hit.kind == NameHit::Kind::country && hit.form != NameHit::Form::demonym) {
                ++country_counts[gazetteer_.country(hit.index).iso3];
                break;
            }
    }
    if (places.dateline) {
        const auto found = scored(places.dateline->text, context, false);
        if (const ScoredReading* best = best_of(found, [](const ScoredReading&) { return true; })) {
            context.dateline = best->anchor;
            ++country_counts[std::string(best->country)];
        }
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [iso3, count] : country_counts) ranked.emplace_back(-count, iso3);
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [count, iso3] : ranked) context.countries.push_back(iso3);

    // The focus: the town the story names most often (ties: the first named).
    std::map<std::string, std::pair<int, std::size_t>> counts;
    std::map<std::string, Location> resolved;
    for (std::size_t k = 0; k < places.all.size(); ++k) {
        const PlaceRef& ref = places.all[k];
        if (ref.anaphor || ref.relation == PlaceRelation::region) continue;
        const auto location = resolve(ref, context);
        if (!location || location->geo_precision == 3) continue;
        auto& [count, first] = counts.try_emplace(location->place_id, 0, k).first->second;
        ++count;
        resolved.try_emplace(location->place_id, *location);
    }
    int best = 0;
    std::size_t best_first = 0;
    for (const auto& [id, tally] : counts)
        if (tally.first > best || (tally.first == best && tally.second < best_first)) {
            best = tally.first;
            best_first = tally.second;
            context.focus = resolved.at(id);
            context.focus->geo_precision = 1;
        }
    return context;
}

std::optional<Location> Geocoder::locate(const std::vector<PlaceRef>& places, const GeoContext& context) const {
    for (const PlaceRef& ref : places)
        if (auto location = resolve(ref, context)) return location;
    return std::nullopt;
}

}  // namespace frontline
