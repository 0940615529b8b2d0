#include "geo/geocoder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>

#include "text/fold.hpp"

namespace frontline {

namespace {

std::string point_wkt(const LonLat& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "POINT (%.6f %.6f)", p.lon(), p.lat());
    return buf;
}

/// The point `km` from `from` along `bearing_degrees` on a sphere.
LonLat destination(const LonLat& from, double bearing_degrees, double km) {
    constexpr double rad = std::numbers::pi / 180.0;
    const double d = km / 6371.0088;
    const double b = bearing_degrees * rad;
    const double lat1 = from.lat() * rad;
    const double lon1 = from.lon() * rad;
    const double lat2 = std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(b));
    const double lon2 = lon1 + std::atan2(std::sin(b) * std::sin(d) * std::cos(lat1), std::cos(d) - std::sin(lat1) * std::sin(lat2));
    return LonLat(std::remainder(lon2 / rad, 360.0), lat2 / rad);
}

double feature_bonus(const Place& p) {
    if (p.feature_class == 'C') return 3.0;
    if (p.feature_code == "PPLC") return 2.5;
    if (p.feature_code == "PPLA") return 2.0;
    if (p.feature_code == "PPLA2") return 1.0;
    if (p.feature_code == "PPLA3") return 0.5;
    return 0.0;
}

std::string strip_article(std::string folded) {
    for (const std::string_view prefix : {"the "})
        if (folded.starts_with(prefix)) folded.erase(0, prefix.size());
    return folded;
}

}  // namespace

Location Geocoder::location_of_place(const Place& place, int precision) const {
    const LonLat at(place.lon, place.lat);
    return Location{point_wkt(at), at, precision, place.name, place.id, place.country_iso3};
}

std::optional<Location> Geocoder::location_of_country(const Country& country) const {
    const auto point = countries_.representative_point(country.ne_name);
    if (!point) return std::nullopt;
    return Location{point_wkt(*point), *point, 3, country.name, "iso3166:" + country.iso3, country.iso3};
}

std::vector<GeocodeCandidate> Geocoder::candidates(const std::string& name, const GeoContext& context) const {
    std::vector<GeocodeCandidate> out;
    const std::string folded = strip_article(fold(name));
    auto country_rank = [&](const std::string& iso3) -> std::optional<std::size_t> {
        const auto it = std::find(context.countries.begin(), context.countries.end(), iso3);
        if (it == context.countries.end()) return std::nullopt;
        return static_cast<std::size_t>(it - context.countries.begin());
    };
    for (const NameHit& hit : gazetteer_.lookup(folded)) {
        GeocodeCandidate c;
        std::string country;
        switch (hit.kind) {
            case NameHit::Kind::country: {
                const Country& k = gazetteer_.country(hit.index);
                const auto loc = location_of_country(k);
                if (!loc) continue;
                c.location = *loc;
                c.score = 9.0;
                c.reason = "country";
                country = k.iso3;
                break;
            }
            case NameHit::Kind::admin1: {
                const auto seat = gazetteer_.admin1_seat(hit.index);
                if (!seat) continue;
                const Place& p = gazetteer_.place(*seat);
                c.location = location_of_place(p, 3);
                c.location.place = gazetteer_.admin1_name(hit.index);
                c.score = 6.0;
                c.reason = "first-level region, at its largest town " + p.name;
                country = p.country_iso3;
                break;
            }
            case NameHit::Kind::place: {
                const Place& p = gazetteer_.place(hit.index);
                c.location = location_of_place(p, 1);
                c.score = std::log10(static_cast<double>(p.population) + 10.0) + feature_bonus(p);
                c.reason = "population " + std::to_string(p.population) + (p.feature_code.empty() ? "" : ", " + p.feature_code);
                if (p.approximate) c.reason += ", curated (approximate)";
                country = p.country_iso3;
                break;
            }
        }
        if (const auto rank = country_rank(country)) {
            c.score += *rank == 0 ? 4.0 : 3.0;
            c.reason += ", in a country the story names";
        }
        if (context.dateline && hit.kind == NameHit::Kind::place) {
            const double km = distance_km(*context.dateline, c.location.anchor);
            if (km < 150.0) { c.score += 3.0; c.reason += ", near the dateline"; }
            else if (km < 600.0) { c.score += 1.0; c.reason += ", in the dateline's region"; }
        }
        if (context.focus && hit.kind == NameHit::Kind::place && distance_km(context.focus->anchor, c.location.anchor) < 60.0) {
            c.score += 2.0;
            c.reason += ", near the story's focus";
        }
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const GeocodeCandidate& a, const GeocodeCandidate& b) { return a.score > b.score; });
    return out;
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
        std::find(context.names_in_use.begin(), context.names_in_use.end(), fold(ref.text)) == context.names_in_use.end())
        return std::nullopt;
    std::vector<GeocodeCandidate> found;
    if (!ref.feature_hint.empty()) found = candidates(ref.text + " " + ref.feature_hint, context);
    if (found.empty()) found = candidates(ref.text, context);
    if (found.empty()) return std::nullopt;
    const bool wants_region = ref.feature_hint == "province" || ref.feature_hint == "governorate" || ref.feature_hint == "region";
    const auto best_it = wants_region ? std::find_if(found.begin(), found.end(), [](const GeocodeCandidate& c) { return c.location.geo_precision == 3; })
                                      : found.begin();
    const GeocodeCandidate& best = best_it == found.end() ? found.front() : *best_it;
    // A capitalised word with no place cue must be a notable place to be read as one.
    if (!ref.locative_cue && best.score < 5.5) return std::nullopt;
    Location location = best.location;
    switch (ref.relation) {
        case PlaceRelation::in: break;
        case PlaceRelation::near:
            location.geo_precision = std::max(location.geo_precision, 2);
            if (ref.offset_km > 0.0) {
                location.anchor = destination(location.anchor, ref.bearing_degrees, ref.offset_km);
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
        if (!ref.anaphor && (!ref.sentence_initial || ref.locative_cue)) context.names_in_use.push_back(fold(ref.text));
    for (const PlaceRef& ref : places.all) {
        if (ref.anaphor) continue;
        for (const NameHit& hit : gazetteer_.lookup(strip_article(fold(ref.text))))
            if (hit.kind == NameHit::Kind::country) { ++country_counts[gazetteer_.country(hit.index).iso3]; break; }
    }
    if (places.dateline) {
        const auto found = candidates(places.dateline->text, context);
        if (!found.empty()) {
            context.dateline = found.front().location.anchor;
            ++country_counts[found.front().location.country];
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
