#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/lonlat.hpp"
#include "control/scenario.hpp"
#include "events/event.hpp"

namespace frontline {

/// What the timeline needs to know of a place that has no outline, to give it an area.
struct PlaceInfo {
    std::string name;
    LonLat centre{0.0, 0.0};
    std::int64_t population = 0;
};
/// Looks a place up by id ("geonames:172256"); none when unknown.
using PlaceLookup = std::function<std::optional<PlaceInfo>(const std::string& place_id)>;

class Gazetteer;

/// Looks places up in a gazetteer, which must outlive the returned function.
[[nodiscard]] PlaceLookup gazetteer_lookup(const Gazetteer& gazetteer);

/// Everything a ControlTimeline starts from besides the events.
struct ControlInputs {
    std::vector<ControlFeature> initial;  ///< the initial control layer (possibly empty)
    std::vector<std::string> outside;     ///< ISO WKB polygons no holder may hold (Turkey)
    std::vector<PlaceOutline> outlines;   ///< town outlines and districts; the first per place wins
    PlaceLookup lookup;                   ///< populations and centres; may be empty

    /// The inputs of a scenario (none: no initial layer, nothing outside) plus geodata's curated
    /// outlines, with places looked up in `lookup`.
    /// @throws DataError when a curated outline file cannot be read.
    [[nodiscard]] static ControlInputs from(const Scenario* scenario, PlaceLookup lookup);
};

/// One polygon as rings of lon/lat points: the exterior first, then the holes.
using PolygonRings = std::vector<std::vector<LonLat>>;

/// The ground one holder holds in a state.
struct HolderArea {
    std::string holder;                  ///< empty for the unclaimed ground of the region
    double area_km2 = 0.0;
    std::vector<PolygonRings> polygons;  ///< lon/lat
    std::string wkb;                     ///< the same MultiPolygon as ISO WKB (lon/lat), valid
};

/// The ground one holder holds in a state as the timeline keeps it: polygons that never overlap
/// but may share edges (they are not dissolved), each with its rings in lon/lat. What a renderer
/// fills; much faster to get than HolderArea, which dissolves them into one MultiPolygon.
struct HolderPieces {
    std::string holder;
    double area_km2 = 0.0;
    std::vector<PolygonRings> polygons;
};

/// A shared boundary of two holders.
struct FrontLine {
    std::string holder_a;  ///< the two holders in alphabetical order
    std::string holder_b;
    double length_km = 0.0;
    std::vector<std::vector<LonLat>> lines;  ///< lon/lat
    std::string wkb;                         ///< MultiLineString, ISO WKB (lon/lat)
};

/// Who held what over one stretch of time.
struct ControlState {
    Date valid_from;                  ///< the day of the events (or layer) that produced it; it holds by that day's end
    std::optional<Date> valid_to;     ///< the next state's valid_from; none for the current state
    std::vector<std::string> events;  ///< ids of the events applied that day, in order
    std::vector<std::string> layer_features;  ///< initial-layer features that took effect that day
    /// The least certain of its sources: a state that rests on a claim is marked claimed.
    Certainty certainty = Certainty::confirmed;
};

/// Control polygons per holder over time (architecture.md, "Control areas"). Built from an
/// initial control layer and the territorial events, applied day by day in date order (an
/// event counts on its last day; a layer polygon on its valid_from day, before that day's
/// events; same-day events in their input order):
/// - `territory_taken` by A at a town (geo_precision 1): A takes the whole place, or with a
///   magnitude m the part of it facing A's territory such that A holds m of it; at geo_precision 2
///   ("near", "around") the same applies to the place's surroundings, a 10 km ring around it;
/// - `advance` by A on a place: A takes the half (or the magnitude) of the surroundings facing it;
/// - `retreat` of A from a place: A's part goes to the actor2 the text names, else to whoever
///   else holds most of the surroundings, else to the other holders in the place, else it is
///   unclaimed.
/// - a capture told of one side of the place ("the eastern districts") and no share: A holds at
///   least 15% of it, cut from that side; a part named by no side and no share ("parts of the
///   town") is too vague to move anything.
/// Hypothetical and negated events are left out; claimed ones count and mark their state claimed.
/// A place's area is its outline (districts are places of their own), else a disc whose area is
/// the population at 4,000 inhabitants per km² (radius between 0.5 and 15 km; 0.5 km for an
/// unpopulated hill or crossing; 1 km for a place the lookup does not know), built in an
/// azimuthal equidistant projection centred on it. Outside ground (Turkey) is cut from every area.
///
/// Every holder's area is valid, holders never overlap and, with the unclaimed ground, they cover
/// the region: the initial layer and the places' surroundings. Areas are in km².
/// Not thread-safe (GEOS and PROJ contexts, caches): one timeline per thread.
class ControlTimeline {
public:
    /// @throws GeoError when GEOS or PROJ fail; InputError when an initial-layer WKB is unreadable.
    /// `holdings` are reports of the share a holder holds (Pipeline::Reading::holdings): on their
    /// day, after that day's events, the holder is given or gives up ground to hold that share.
    [[nodiscard]] static ControlTimeline build(ControlInputs inputs, const std::vector<Event>& events,
                                               const std::vector<Event>& holdings = {});

    ControlTimeline(ControlTimeline&&) noexcept;
    ControlTimeline& operator=(ControlTimeline&&) noexcept;
    ~ControlTimeline();

    /// Every state in time order, each valid until the next one.
    [[nodiscard]] const std::vector<ControlState>& states() const noexcept;
    /// The state in force at the end of `day`; none before the first.
    [[nodiscard]] std::optional<std::size_t> state_at(const Date& day) const;

    /// Each holder's MultiPolygon in a state, by holder id; holders with no ground left out.
    [[nodiscard]] std::vector<HolderArea> holders(std::size_t state) const;
    /// Each holder's ground in a state as undissolved pieces, by holder id (for drawing).
    [[nodiscard]] std::vector<HolderPieces> pieces(std::size_t state) const;
    /// pieces(state_at(day)); empty before the first state.
    [[nodiscard]] std::vector<HolderPieces> pieces_at(const Date& day) const;
    /// The ground of the region nobody holds in a state.
    [[nodiscard]] HolderArea unclaimed(std::size_t state) const;
    /// The shared boundaries between different holders in a state.
    [[nodiscard]] std::vector<FrontLine> front_lines(std::size_t state) const;
    /// holders(state_at(day)); empty before the first state.
    [[nodiscard]] std::vector<HolderArea> holders_at(const Date& day) const;
    /// front_lines(state_at(day)); empty before the first state.
    [[nodiscard]] std::vector<FrontLine> front_lines_at(const Date& day) const;

    /// The share (0–1) of each holder of a place's area at the end of `day`; empty for a place
    /// the timeline cannot give an area, or before the first state.
    [[nodiscard]] std::map<std::string, double> shares(const std::string& place_id, const Date& day) const;
    /// One holder's entry of `shares`, 0 when absent.
    [[nodiscard]] double share(const std::string& place_id, const std::string& holder, const Date& day) const;
    /// The area of a place in km², none when it has none.
    [[nodiscard]] std::optional<double> place_area_km2(const std::string& place_id) const;

    /// The area of the whole region (every cell) in km².
    [[nodiscard]] double region_area_km2() const;
    /// How each place got its area ("outline", "population 45000: disc of r = 1.89 km"), by id.
    [[nodiscard]] std::map<std::string, std::string> place_bases() const;

private:
    struct Impl;
    explicit ControlTimeline(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
