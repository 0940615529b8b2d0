#include "control/control_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <limits>
#include <numeric>
#include <set>

#include "common/error.hpp"
#include "control/detail/geometry.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geos.hpp"

namespace frontline {

namespace cd = control_detail;

namespace {

// Built-up density that turns a population into an area: Kobane had ~45,000 people on
// ~3.5 x 3 km (kobane-facts.md), about 4,300 per km²; Mosul's 1.7 million give a 12 km radius.
constexpr double people_per_km2 = 4000.0;
constexpr double min_radius_km = 0.5;   // a hill, a crossing, a hamlet
constexpr double max_radius_km = 15.0;  // beyond that a city is a region, not a place
constexpr double unknown_radius_km = 1.0;
// "Villages around the town", "within 15 km": the ground a geo_precision 2 event stands for.
constexpr double surroundings_km = 10.0;
// Overlays of shapes that share a boundary leave slivers a few ULPs wide; anything smaller than
// this (in square degrees, about 1 cm²) is no ground.
constexpr double sliver_degrees2 = 1e-14;
// An advance without a magnitude takes this share of the surroundings.
constexpr double advance_share = 0.5;
// "Overran the eastern districts" with no share said: the taker holds at least this share of the
// place, cut from that side. A side's districts are a few of a town's dozen or so, and a
// foothold told this way is the edge of the town, not a sector of it.
constexpr double side_share = 0.15;

int rank(Certainty c) {
    switch (c) {
        case Certainty::confirmed: return 4;
        case Certainty::reported: return 3;
        case Certainty::claimed: return 2;
        case Certainty::hypothetical: return 1;
        case Certainty::negated: return 0;
    }
    return 0;
}

Certainty weaker(Certainty a, Certainty b) { return rank(a) <= rank(b) ? a : b; }

double radius_km(std::int64_t population) {
    if (population <= 0) return min_radius_km;
    const double r = std::sqrt(static_cast<double>(population) / people_per_km2 / std::numbers::pi);
    return std::clamp(r, min_radius_km, max_radius_km);
}

Date day_of(const Event& e) { return e.date_end.value_or(*e.date_start); }

bool is_holding(const Event& e) { return e.event_type == "territory_held" && e.magnitude; }

bool territorial(const Event& e) {
    if (e.event_type != "territory_taken" && e.event_type != "retreat" && e.event_type != "advance" && !is_holding(e)) return false;
    if (e.certainty == Certainty::hypothetical || e.certainty == Certainty::negated) return false;
    // "Pushed them back from parts of the town": too vague to draw unless a share or, for a capture,
    // a side is said.
    if (e.part && !e.magnitude && !(e.event_type == "territory_taken" && e.part->side_bearing)) return false;
    return !e.actor1.empty() && e.location && !e.location->place_id.empty() && (e.location->geo_precision == 1 || e.location->geo_precision == 2) &&
           (e.date_start || e.date_end);
}

/// Union-find over indices, for grouping footprints into cells and parts into touching groups.
struct Groups {
    std::vector<std::size_t> parent;
    explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

double line_length_km(const std::vector<std::vector<LonLat>>& lines) {
    double km = 0.0;
    for (const auto& line : lines)
        for (std::size_t i = 1; i < line.size(); ++i) km += distance_km(line[i - 1], line[i]);
    return km;
}

}  // namespace

PlaceLookup gazetteer_lookup(const Gazetteer& gazetteer) {
    return [&gazetteer](const std::string& id) -> std::optional<PlaceInfo> {
        const auto index = gazetteer.place_by_id(id);
        if (!index) return std::nullopt;
        const Place& p = gazetteer.place(*index);
        return PlaceInfo{p.name, LonLat(p.lon, p.lat), p.population};
    };
}

ControlInputs ControlInputs::from(const Scenario* scenario, PlaceLookup lookup) {
    ControlInputs in;
    if (scenario) {
        in.initial = scenario->control;
        in.outside = scenario->outside;
        in.outlines = scenario->outlines;
    }
    std::vector<PlaceOutline> curated = curated_place_outlines();
    in.outlines.insert(in.outlines.end(), std::make_move_iterator(curated.begin()), std::make_move_iterator(curated.end()));
    in.lookup = std::move(lookup);
    return in;
}

struct ControlTimeline::Impl {
    /// A place with an area: where territorial events act.
    struct Place {
        std::string basis;
        cd::LocalProjection projection;
        GeosGeometry area;          ///< lon/lat, outside ground removed
        GeosGeometry disc;          ///< the area and its surroundings
        GeosGeometry surroundings;  ///< disc minus area
        cd::Box box;
        cd::Box disc_box;
        double km2 = 0.0;
    };

    using HolderId = std::int32_t;
    static constexpr HolderId nobody = -1;  ///< unclaimed ground
    static constexpr HolderId split = -2;   ///< an atom cut in two: its children hold its ground

    /// The smallest piece of ground the timeline tracks, in its cell's metric frame. Each
    /// lies wholly inside or outside every footprint and initial-layer polygon of its cell, so a
    /// whole capture, a retreat or a layer polygon only relabels atoms; only a partial capture
    /// cuts them, and an atom is never changed, only split into two new ones.
    struct Atom {
        GeosGeometry metric;
        cd::AreaRings rings;  ///< of `metric`, for area sums and cuts without any overlay
        cd::XY centre;        ///< centroid, metres
        double km2 = 0.0;
        std::vector<std::uint32_t> footprints;  ///< cell-local footprints containing it
        std::vector<std::uint32_t> layer;       ///< initial-layer polygons containing it
    };

    /// Cells partition the region: each cluster of overlapping place discs (a place with its
    /// surroundings) is a cell, and the rest of the initial layer is one more. An event only reads
    /// and relabels the atoms of its place's cell, so its cost does not grow with the map.
    struct Cell {
        GeosGeometry area;  ///< lon/lat
        cd::Box box;
        std::unique_ptr<cd::LocalFrame> projection;  ///< the cell's metric frame
        std::vector<Atom> atoms;
        std::vector<HolderId> now;  ///< labels while building
        std::vector<std::pair<std::size_t, std::vector<HolderId>>> history;  ///< (state, label per atom)
        std::size_t changed_in = std::numeric_limits<std::size_t>::max();
        std::size_t initial_atoms = 0;  ///< the faces it started with; later atoms are cuts of them
        mutable std::vector<GeosGeometry> lonlat;  ///< per atom, made on first use
        mutable std::vector<GeosPrepared> prepared;  ///< per atom, of `Atom::metric`, made on first use
    };

    /// Where a place's footprints are: its cell and the cell-local ids of its area and surroundings.
    struct Slot {
        std::size_t cell = 0;
        std::uint32_t area = 0;
        std::uint32_t surroundings = 0;
    };

    GeosContext geos;  // first: destroyed after every geometry made in it
    cd::ProjContext proj = cd::make_proj_context();

    std::map<std::string, PlaceOutline> outlines;
    PlaceLookup lookup;
    GeosGeometry outside;  ///< null when nothing is outside
    cd::Box outside_box;
    mutable std::map<std::string, std::unique_ptr<Place>> places;  // made on first use, also by queries

    std::vector<std::string> holder_names;
    std::map<std::string, HolderId> holder_ids;
    std::vector<Cell> cells;
    std::map<const Place*, Slot> slots;
    std::optional<std::size_t> background;  ///< the cell of the initial layer outside every cluster
    std::vector<ControlState> states;

    // ---- places ----------------------------------------------------------------------------

    GeosGeometry without_outside(GeosGeometry g) const {
        if (!outside || !cd::box_of(geos, *g).meets(outside_box)) return g;
        return cd::polygons_of(geos, *cd::difference(geos, *g, *outside));
    }

    /// The place's area, made on first use; null when it has none (unknown and no anchor given,
    /// or wholly outside).
    const Place* place(const std::string& id, const std::optional<LonLat>& anchor) const {
        if (const auto found = places.find(id); found != places.end()) return found->second.get();
        std::unique_ptr<Place> made = make_place(id, anchor);
        return places.emplace(id, std::move(made)).first->second.get();
    }

    std::unique_ptr<Place> make_place(const std::string& id, const std::optional<LonLat>& anchor) const {
        GeosGeometry area;
        std::optional<LonLat> centre;
        std::string basis;
        std::int64_t population = -1;
        if (const auto o = outlines.find(id); o != outlines.end()) {
            area = cd::from_wkb(geos, o->second.wkb);
            if (!cd::is_valid(geos, *area)) area = cd::polygons_of(geos, *make_valid(geos, *area));
            centre = frontline::centroid(geos, *area);
            basis = "outline (" + o->second.file + ")";
        } else {
            if (lookup)
                if (const std::optional<PlaceInfo> info = lookup(id)) {
                    centre = info->centre;
                    population = info->population;
                }
            if (!centre) centre = anchor;
            if (!centre) return nullptr;
        }
        cd::LocalProjection projection(proj.get(), *centre);
        if (!area) {
            const double r = population < 0 ? unknown_radius_km : radius_km(population);
            const GeosGeometry origin = make_point(geos, LonLat(0.0, 0.0));
            area = projection.to_lonlat(geos, *cd::buffer(geos, *origin, r * 1000.0));
            basis = population < 0 ? "unknown population: disc of r = " + std::to_string(r) + " km"
                                   : "population " + std::to_string(population) + ": disc of r = " + std::to_string(r) + " km";
        }
        const GeosGeometry metric = projection.to_metric(geos, *area);
        GeosGeometry disc = without_outside(projection.to_lonlat(geos, *cd::buffer(geos, *metric, surroundings_km * 1000.0)));
        area = without_outside(std::move(area));
        if (is_empty(geos, *area)) return nullptr;
        // The surroundings are cut from the disc with the same lon/lat area, so the two share
        // their boundary exactly.
        GeosGeometry surroundings = cd::polygons_of(geos, *cd::difference(geos, *disc, *area));
        const double km2 = projection.area_km2(geos, *area);
        const cd::Box box = cd::box_of(geos, *area);
        const cd::Box disc_box = cd::box_of(geos, *disc);
        return std::make_unique<Place>(Place{std::move(basis), std::move(projection), std::move(area), std::move(disc),
                                             std::move(surroundings), box, disc_box, km2});
    }

    HolderId holder_id(const std::string& name) {
        if (name.empty()) return nobody;
        const auto [it, added] = holder_ids.try_emplace(name, static_cast<HolderId>(holder_names.size()));
        if (added) holder_names.push_back(name);
        return it->second;
    }

    // ---- atoms -----------------------------------------------------------------------------

    Atom make_atom(const cd::LocalFrame& frame, GeosGeometry metric, std::vector<std::uint32_t> footprints, std::vector<std::uint32_t> layer) const {
        Atom a;
        a.rings = cd::area_rings(geos, *metric);
        a.centre = cd::centroid_xy(geos, *metric);
        a.km2 = frame.km2(area(geos, *metric), a.centre);
        a.metric = std::move(metric);
        a.footprints = std::move(footprints);
        a.layer = std::move(layer);
        return a;
    }

    static bool has(const std::vector<std::uint32_t>& ids, std::uint32_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

    /// The labels of a cell in a state; atoms beyond the end did not exist yet.
    static const std::vector<HolderId>* labels_at(const Cell& cell, std::size_t state) {
        const auto after = std::upper_bound(cell.history.begin(), cell.history.end(), state,
                                            [](std::size_t s, const auto& v) { return s < v.first; });
        return after == cell.history.begin() ? nullptr : &std::prev(after)->second;
    }

    const GEOSGeometry& lonlat_of(const Cell& cell, std::size_t atom) const {
        if (cell.lonlat.size() < cell.atoms.size()) cell.lonlat.resize(cell.atoms.size());
        GeosGeometry& g = cell.lonlat[atom];
        if (!g) g = cd::polygons_of(geos, *cell.projection->to_lonlat(geos, *cell.atoms[atom].metric));
        return *g;
    }

    void relabel(Cell& cell, std::size_t atom, HolderId to, std::size_t state) {
        cell.now[atom] = to;
        cell.changed_in = state;
    }

    /// Cuts a free atom along x' = t of the frame rotated by (c, s); the part with x' >= t goes
    /// to `taker`.
    void cut(Cell& cell, std::size_t atom, double c, double s, double t, HolderId taker, std::size_t state) {
        const auto rotate = [&](double& x, double& y) {
            const double rx = x * c + y * s;
            y = -x * s + y * c;
            x = rx;
        };
        const auto unrotate = [&](double& x, double& y) {
            const double rx = x * c - y * s;
            y = x * s + y * c;
            x = rx;
        };
        const GeosGeometry rotated = cd::transformed(geos, *cell.atoms[atom].metric, rotate);
        const cd::Box b = cd::box_of(geos, *rotated);
        if (t >= b.x1) return;
        if (t <= b.x0) return relabel(cell, atom, taker, state);
        const auto clip = [&](double x0, double x1) {
            GeosGeometry clipped(GEOSClipByRect_r(geos.handle(), rotated.get(), x0, b.y0 - 1.0, x1, b.y1 + 1.0), GeosDeleter{geos.handle()});
            if (!clipped) geos.fail("clip by rectangle failed");
            return cd::polygons_of(geos, *cd::transformed(geos, *clipped, unrotate));
        };
        GeosGeometry kept = clip(b.x0 - 1.0, t);
        GeosGeometry taken = clip(t, b.x1 + 1.0);
        if (area(geos, *kept) <= 0.0 || area(geos, *taken) <= 0.0) {
            if (area(geos, *taken) > 0.0) relabel(cell, atom, taker, state);
            return;
        }
        const HolderId was = cell.now[atom];
        const Atom& parent = cell.atoms[atom];
        Atom left = make_atom(*cell.projection, std::move(kept), parent.footprints, parent.layer);
        Atom right = make_atom(*cell.projection, std::move(taken), parent.footprints, parent.layer);
        relabel(cell, atom, split, state);
        cell.atoms.push_back(std::move(left));
        cell.now.push_back(was);
        cell.atoms.push_back(std::move(right));
        cell.now.push_back(taker);
    }

    /// The atoms of a cell that lie in a footprint and are held (not split).
    std::vector<std::size_t> atoms_in(const Cell& cell, std::uint32_t footprint) const {
        std::vector<std::size_t> out;
        for (std::size_t j = 0; j < cell.atoms.size(); ++j)
            if (cell.now[j] != split && has(cell.atoms[j].footprints, footprint)) out.push_back(j);
        return out;
    }

    /// Where `taker` comes from, in the cell's metric frame: the centre of its ground in the cell,
    /// else its nearest ground elsewhere; none when it holds nothing.
    std::optional<cd::XY> taker_side(HolderId taker, std::size_t cell_index, std::size_t state) const {
        const Cell& cell = cells[cell_index];
        double km2 = 0.0;
        cd::XY sum;
        for (std::size_t j = 0; j < cell.atoms.size(); ++j)
            if (cell.now[j] == taker) {
                km2 += cell.atoms[j].km2;
                sum.x += cell.atoms[j].centre.x * cell.atoms[j].km2;
                sum.y += cell.atoms[j].centre.y * cell.atoms[j].km2;
            }
        if (km2 > 0.0) return cd::XY{sum.x / km2, sum.y / km2};
        // Elsewhere: the nearest point of its ground, searching cells in order of distance and
        // stopping when no cell can be nearer (planar degrees are enough to pick a direction).
        const LonLat from = cell.projection->centre();
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t ci = 0; ci < cells.size(); ++ci) {
            if (ci == cell_index) continue;
            const cd::Box& b = cells[ci].box;
            order.emplace_back(std::hypot(std::max({b.x0 - from.lon(), 0.0, from.lon() - b.x1}), std::max({b.y0 - from.lat(), 0.0, from.lat() - b.y1})), ci);
        }
        std::sort(order.begin(), order.end());
        std::optional<LonLat> best;
        double best_km = 0.0;
        for (const auto& [box_degrees, ci] : order) {
            // A degree is at least 111 km north-south and shrinks east-west with the latitude.
            if (best && box_degrees * 111.0 * std::cos(from.lat() * std::numbers::pi / 180.0) > best_km) break;
            const Cell& other = cells[ci];
            const std::vector<HolderId>* labels = labels_at(other, state);
            if (!labels) continue;
            // Measured in the other cell's own metric frame: no atom needs converting.
            const cd::XY here = other.projection->to_metric(from);
            const GeosGeometry point(GEOSGeom_createPointFromXY_r(geos.handle(), here.x, here.y), GeosDeleter{geos.handle()});
            if (!point) geos.fail("cannot create a point");
            for (std::size_t j = 0; j < labels->size(); ++j) {
                if ((*labels)[j] != taker) continue;
                const cd::XY q = nearest_to(other, j, *point);
                const double km = std::hypot(q.x - here.x, q.y - here.y) / 1000.0;
                if (!best || km < best_km) {
                    best = other.projection->to_lonlat(q);
                    best_km = km;
                }
            }
        }
        if (!best) return std::nullopt;
        return cell.projection->to_metric(*best);
    }

    /// The point of an atom nearest to `point` (both in the cell's metric frame), through an
    /// indexed prepared geometry.
    cd::XY nearest_to(const Cell& cell, std::size_t atom, const GEOSGeometry& point) const {
        if (cell.prepared.size() < cell.atoms.size()) cell.prepared.resize(cell.atoms.size());
        GeosPrepared& prepared = cell.prepared[atom];
        if (!prepared) prepared = prepare(geos, *cell.atoms[atom].metric);
        struct SequenceDeleter {
            GEOSContextHandle_t h;
            void operator()(GEOSCoordSequence* s) const noexcept { GEOSCoordSeq_destroy_r(h, s); }
        };
        const std::unique_ptr<GEOSCoordSequence, SequenceDeleter> nearest(GEOSPreparedNearestPoints_r(geos.handle(), prepared.get(), &point),
                                                                         {geos.handle()});
        cd::XY q;
        if (!nearest || !GEOSCoordSeq_getXY_r(geos.handle(), nearest.get(), 0, &q.x, &q.y)) geos.fail("nearest points failed");
        return q;
    }

    /// `taker` takes the part of a footprint facing its ground until it holds `fraction` of it:
    /// the footprint is cut by a line perpendicular to the direction from its centre to the
    /// taker's side, moved by bisection until the areas match (in the cell's metric projection).
    /// Gives `taker` at least `fraction` of the footprint: the part facing its ground, or the side
    /// of it the text names.
    void take_share(std::size_t cell_index, std::uint32_t footprint, HolderId taker, double fraction, std::size_t state,
                    const PlacePart* part = nullptr) {
        const bool named_side = part != nullptr && part->side_bearing.has_value();
        Cell& cell = cells[cell_index];
        const std::vector<std::size_t> in = atoms_in(cell, footprint);
        double total = 0.0;
        double held = 0.0;
        cd::XY centre;
        for (const std::size_t j : in) {
            const Atom& a = cell.atoms[j];
            total += a.km2;
            if (cell.now[j] == taker) held += a.km2;
            centre.x += a.centre.x * a.km2;
            centre.y += a.centre.y * a.km2;
        }
        if (total <= 0.0) return;
        centre = cd::XY{centre.x / total, centre.y / total};
        const double need = fraction * total - held;
        if (need <= total * 1e-9) return;

        // The direction the taker comes from; with no ground anywhere, from the south (a guess).
        double dx = 0.0;
        double dy = -1.0;
        if (named_side) {
            const double radians = part->side_bearing.value_or(0.0) * std::numbers::pi / 180.0;
            dx = std::sin(radians);
            dy = std::cos(radians);
        } else if (const std::optional<cd::XY> side = taker_side(taker, cell_index, state)) {
            if (std::hypot(side->x - centre.x, side->y - centre.y) > 1.0) {  // a metre: else no direction
                dx = side->x - centre.x;
                dy = side->y - centre.y;
            }
        }
        const double theta = std::atan2(dy, dx);
        const double c = std::cos(theta);
        const double s = std::sin(theta);

        // The free atoms rotated so that the taker lies towards +x: the cut keeps x' >= t.
        std::vector<std::size_t> free;
        std::vector<cd::AreaRings> rotated;
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
        double free_km2 = 0.0;
        for (const std::size_t j : in) {
            if (cell.now[j] == taker) continue;
            cd::AreaRings r = cell.atoms[j].rings;
            for (auto& ring : r.rings)
                for (cd::XY& p : ring) {
                    const double x = p.x * c + p.y * s;
                    p.y = -p.x * s + p.y * c;
                    p.x = x;
                    lo = std::min(lo, p.x);
                    hi = std::max(hi, p.x);
                }
            free.push_back(j);
            rotated.push_back(std::move(r));
            free_km2 += cell.atoms[j].km2;
        }
        if (free.empty()) return;
        if (need >= free_km2 * (1.0 - 1e-9)) {
            for (const std::size_t j : free) relabel(cell, j, taker, state);
            return;
        }
        const double need_m2 = need * 1e6;
        const auto taken = [&](double t) {
            double m2 = 0.0;
            for (const cd::AreaRings& r : rotated) m2 += cd::area_right_of(r, t);
            return m2;
        };
        for (int i = 0; i < 60 && hi - lo > 0.01; ++i) {  // to a centimetre
            const double mid = 0.5 * (lo + hi);
            (taken(mid) > need_m2 ? lo : hi) = mid;
        }
        const double t = 0.5 * (lo + hi);
        for (std::size_t k = 0; k < free.size(); ++k) {
            const double right = cd::area_right_of(rotated[k], t) / 1e6;
            const double whole = cell.atoms[free[k]].km2;
            if (right <= whole * 1e-9) continue;
            if (right >= whole * (1.0 - 1e-9))
                relabel(cell, free[k], taker, state);
            else
                cut(cell, free[k], c, s, t, taker, state);
        }
    }

    /// km² of each holder in a footprint of a cell, as the cell stands while building.
    std::map<HolderId, double> holdings(const Cell& cell, std::uint32_t footprint) const {
        std::map<HolderId, double> out;
        for (const std::size_t j : atoms_in(cell, footprint)) out[cell.now[j]] += cell.atoms[j].km2;
        return out;
    }

    void retreat(std::size_t cell_index, const Slot& slot, std::uint32_t footprint, const Event& e, std::size_t state) {
        Cell& cell = cells[cell_index];
        const HolderId leaving = holder_id(e.actor1);
        HolderId to = nobody;
        if (!e.actor2.empty() && e.actor2 != e.actor1) {
            to = holder_id(e.actor2);
        } else {
            for (const std::uint32_t around : {slot.surroundings, footprint}) {
                double best = 0.0;
                for (const auto& [h, km2] : holdings(cell, around))
                    if (h != leaving && h != nobody && km2 > best) {
                        best = km2;
                        to = h;
                    }
                if (to != nobody) break;
            }
        }
        for (const std::size_t j : atoms_in(cell, footprint))
            if (cell.now[j] == leaving) relabel(cell, j, to, state);
    }

    /// "The militants hold about half of the town": the holder gains the part facing its ground up
    /// to that share, or hands its excess to whoever holds most of the rest of the place (or else of
    /// its surroundings), from that side. With no one else there, nobody can be said to gain it.
    void hold_share(const Slot& slot, HolderId holder, double share, std::size_t state) {
        const std::map<HolderId, double> held = holdings(cells[slot.cell], slot.area);
        double total = 0.0;
        for (const auto& [h, km2] : held) total += km2;
        if (total <= 0.0) return;
        const double mine = held.contains(holder) ? held.at(holder) : 0.0;
        if (mine <= share * total) return take_share(slot.cell, slot.area, holder, share, state);
        for (const std::uint32_t around : {slot.area, slot.surroundings}) {
            HolderId other = nobody;
            double best = 0.0;
            for (const auto& [h, km2] : holdings(cells[slot.cell], around))
                if (h != holder && h != nobody && km2 > best) {
                    best = km2;
                    other = h;
                }
            if (other == nobody) continue;
            const double others = held.contains(other) ? held.at(other) : 0.0;
            return take_share(slot.cell, slot.area, other, std::min(1.0, (others + mine - share * total) / total), state);
        }
    }

    void apply(const Event& e, const Place& p, std::size_t state) {
        const Slot& slot = slots.at(&p);
        if (is_holding(e)) return hold_share(slot, holder_id(e.actor1), std::clamp(*e.magnitude, 0.0, 1.0), state);
        // A part of the place ("the eastern districts") is in it, though precision 2 like "near".
        const bool around = (e.location->geo_precision == 2 && !e.part) || e.event_type == "advance";
        const std::uint32_t footprint = around ? slot.surroundings : slot.area;
        if (e.event_type == "retreat") return retreat(slot.cell, slot, footprint, e, state);
        const HolderId taker = holder_id(e.actor1);
        const double whole_share = e.part && e.part->side_bearing ? side_share : 1.0;
        const double fraction = std::clamp(e.magnitude.value_or(e.event_type == "advance" ? advance_share : whole_share), 0.0, 1.0);
        if (fraction >= 1.0) {
            Cell& cell = cells[slot.cell];
            for (const std::size_t j : atoms_in(cell, footprint)) relabel(cell, j, taker, state);
        } else {
            take_share(slot.cell, footprint, taker, fraction, state, e.part ? &*e.part : nullptr);
        }
    }

    void apply_layer(std::size_t feature, HolderId holder, std::size_t state) {
        for (Cell& cell : cells)
            for (std::size_t j = 0; j < cell.atoms.size(); ++j)
                if (cell.now[j] != split && has(cell.atoms[j].layer, static_cast<std::uint32_t>(feature))) relabel(cell, j, holder, state);
    }

    /// Records the labels of every cell that changed in `state`.
    void snapshot(std::size_t state) {
        for (Cell& cell : cells)
            if (cell.changed_in == state) cell.history.emplace_back(state, cell.now);
    }

    // ---- building ---------------------------------------------------------------------------

    /// Splits a cell into atoms: the faces of the arrangement of its boundary, its places'
    /// footprints and the initial layer's polygons.
    void atomize(Cell& cell, const std::vector<const GEOSGeometry*>& footprints, const std::vector<GeosGeometry>& layer) {
        // One place whose disc no layer boundary crosses: its two footprints are the atoms, and
        // noding is not needed (the common case, and the cheap one).
        if (footprints.size() == 2) {
            std::vector<std::uint32_t> containing;
            bool crossed = false;
            for (std::size_t i = 0; i < layer.size() && !crossed; ++i) {
                if (!cd::box_of(geos, *layer[i]).meets(cell.box)) continue;
                if (contains(geos, *layer[i], *cell.area))
                    containing.push_back(static_cast<std::uint32_t>(i));
                else if (intersects(geos, *layer[i], *cell.area))
                    crossed = true;
            }
            if (!crossed) {
                for (std::uint32_t f = 0; f < 2; ++f)
                    if (area(geos, *footprints[f]) > sliver_degrees2)
                        cell.atoms.push_back(make_atom(*cell.projection, cd::polygons_of(geos, *cell.projection->to_metric(geos, *footprints[f])), {f}, containing));
                cell.now.assign(cell.atoms.size(), nobody);
                cell.initial_atoms = cell.atoms.size();
                return;
            }
        }
        std::vector<GeosGeometry> lines;
        const auto add_boundary = [&](const GEOSGeometry& g) {
            GeosGeometry boundary(GEOSBoundary_r(geos.handle(), &g), GeosDeleter{geos.handle()});
            if (!boundary) geos.fail("boundary failed");
            lines.push_back(std::move(boundary));
        };
        add_boundary(*cell.area);
        for (const GEOSGeometry* f : footprints) add_boundary(*f);
        const GeosGeometry window = cd::rectangle(geos, cell.box.x0, cell.box.y0, cell.box.x1, cell.box.y1);
        std::vector<std::uint32_t> touching;
        for (std::size_t i = 0; i < layer.size(); ++i)
            if (cd::box_of(geos, *layer[i]).meets(cell.box)) {
                touching.push_back(static_cast<std::uint32_t>(i));
                add_boundary(*cd::polygons_of(geos, *cd::intersection(geos, *layer[i], *window)));
            }
        // Noding the linework (a union of lines) and polygonizing it gives the faces.
        const GeosGeometry noded = cd::node_lines(geos, std::move(lines));
        const GEOSGeometry* noded_ptr = noded.get();
        const GeosGeometry faces(GEOSPolygonize_r(geos.handle(), &noded_ptr, 1), GeosDeleter{geos.handle()});
        if (!faces) geos.fail("polygonize failed");
        const GeosPrepared inside_cell = prepare(geos, *cell.area);
        std::vector<GeosPrepared> prepared_footprints;
        for (const GEOSGeometry* f : footprints) prepared_footprints.push_back(prepare(geos, *f));
        std::vector<GeosPrepared> prepared_layer;
        for (const std::uint32_t i : touching) prepared_layer.push_back(prepare(geos, *layer[i]));
        const int n = GEOSGetNumGeometries_r(geos.handle(), faces.get());
        for (int k = 0; k < n; ++k) {
            const GEOSGeometry& face = *GEOSGetGeometryN_r(geos.handle(), faces.get(), k);
            if (area(geos, face) <= sliver_degrees2) continue;
            const GeosGeometry probe = make_point(geos, point_on_surface(geos, face));
            if (!contains(geos, *inside_cell, *probe)) continue;
            std::vector<std::uint32_t> in_footprints;
            for (std::size_t f = 0; f < prepared_footprints.size(); ++f)
                if (contains(geos, *prepared_footprints[f], *probe)) in_footprints.push_back(static_cast<std::uint32_t>(f));
            std::vector<std::uint32_t> in_layer;
            for (std::size_t l = 0; l < touching.size(); ++l)
                if (contains(geos, *prepared_layer[l], *probe)) in_layer.push_back(touching[l]);
            cell.atoms.push_back(make_atom(*cell.projection, cd::polygons_of(geos, *cell.projection->to_metric(geos, face)), std::move(in_footprints), std::move(in_layer)));
        }
        cell.now.assign(cell.atoms.size(), nobody);
        cell.initial_atoms = cell.atoms.size();
    }

    /// Cells: clusters of overlapping place discs, then the rest of the initial layer.
    void make_cells(const std::vector<const Place*>& used, const std::vector<GeosGeometry>& layer) {
        Groups groups(used.size());
        for (std::size_t i = 0; i < used.size(); ++i)
            for (std::size_t j = i + 1; j < used.size(); ++j)
                if (used[i]->disc_box.meets(used[j]->disc_box) && intersects(geos, *used[i]->disc, *used[j]->disc)) groups.join(i, j);
        std::map<std::size_t, std::vector<const Place*>> clusters;
        for (std::size_t i = 0; i < used.size(); ++i) clusters[groups.find(i)].push_back(used[i]);
        std::vector<GeosGeometry> taken;
        for (const auto& [root, members] : clusters) {
            std::vector<GeosGeometry> discs;
            std::vector<const GEOSGeometry*> footprints;
            for (std::size_t k = 0; k < members.size(); ++k) {
                discs.push_back(cd::clone(geos, *members[k]->disc));
                footprints.push_back(members[k]->area.get());
                footprints.push_back(members[k]->surroundings.get());
                slots[members[k]] = Slot{cells.size(), static_cast<std::uint32_t>(2 * k), static_cast<std::uint32_t>(2 * k + 1)};
            }
            GeosGeometry area = cd::polygons_of(geos, *cd::union_all(geos, std::move(discs)));
            taken.push_back(cd::clone(geos, *area));
            add_cell(std::move(area), footprints, layer);
        }
        if (!layer.empty()) {
            std::vector<GeosGeometry> all;
            for (const GeosGeometry& g : layer) all.push_back(cd::clone(geos, *g));
            GeosGeometry rest = without_outside(cd::polygons_of(geos, *cd::union_all(geos, std::move(all))));
            if (!taken.empty()) rest = cd::polygons_of(geos, *cd::difference(geos, *rest, *cd::union_all(geos, std::move(taken))));
            if (area(geos, *rest) > sliver_degrees2) {
                background = cells.size();
                add_cell(std::move(rest), {}, layer);
            }
        }
    }

    void add_cell(GeosGeometry area, const std::vector<const GEOSGeometry*>& footprints, const std::vector<GeosGeometry>& layer) {
        Cell cell;
        cell.box = cd::box_of(geos, *area);
        cell.projection = std::make_unique<cd::LocalFrame>(centroid(geos, *area));
        cell.area = std::move(area);
        atomize(cell, footprints, layer);
        cells.push_back(std::move(cell));
    }

    // ---- queries ----------------------------------------------------------------------------

    /// For each holder, its atoms in a state as (cell, atom) pairs; holders by id.
    std::map<HolderId, std::vector<std::pair<std::size_t, std::size_t>>> held(std::size_t state) const {
        std::map<HolderId, std::vector<std::pair<std::size_t, std::size_t>>> out;
        for (std::size_t ci = 0; ci < cells.size(); ++ci)
            if (const std::vector<HolderId>* labels = labels_at(cells[ci], state))
                for (std::size_t j = 0; j < labels->size(); ++j)
                    if ((*labels)[j] >= 0) out[(*labels)[j]].emplace_back(ci, j);
        return out;
    }

    /// Every holder's ground in a state as one valid MultiPolygon, holders in id order.
    std::vector<std::pair<std::string, GeosGeometry>> assemble(std::size_t state) const {
        std::vector<std::pair<std::string, GeosGeometry>> out;
        for (const auto& [holder, atoms] : held(state)) {
            // Dissolve cell by cell (small unions); cluster cells never touch one another, so their
            // results are merely gathered, and only the rest of the layer needs one more union.
            std::map<std::size_t, std::vector<GeosGeometry>> by_cell;
            for (const auto& [ci, j] : atoms) by_cell[ci].push_back(cd::clone(geos, lonlat_of(cells[ci], j)));
            std::vector<GeosGeometry> clusters;
            GeosGeometry rest;
            for (auto& [ci, pieces] : by_cell) {
                GeosGeometry merged = cd::dissolve(geos, std::move(pieces));
                if (background && ci == *background)
                    rest = std::move(merged);
                else
                    clusters.push_back(std::move(merged));
            }
            GeosGeometry all = cd::gather_polygons(geos, clusters);
            if (rest) {
                std::vector<GeosGeometry> both;
                both.push_back(std::move(rest));
                both.push_back(std::move(all));
                all = cd::polygons_of(geos, *cd::dissolve(geos, std::move(both)));
            }
            out.emplace_back(holder_names[static_cast<std::size_t>(holder)], std::move(all));
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return out;
    }

    double km2_of(const std::vector<std::pair<std::size_t, std::size_t>>& atoms) const {
        double km2 = 0.0;
        for (const auto& [ci, j] : atoms) km2 += cells[ci].atoms[j].km2;
        return km2;
    }

    HolderArea describe(const std::string& holder, const GEOSGeometry& g, double km2) const {
        return HolderArea{holder, km2, cd::polygon_rings(geos, g), cd::to_wkb(geos, g)};
    }
};

ControlTimeline::ControlTimeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ControlTimeline::ControlTimeline(ControlTimeline&&) noexcept = default;
ControlTimeline& ControlTimeline::operator=(ControlTimeline&&) noexcept = default;
ControlTimeline::~ControlTimeline() = default;

ControlTimeline ControlTimeline::build(ControlInputs inputs, const std::vector<Event>& events, const std::vector<Event>& holdings) {
    auto impl = std::make_unique<Impl>();
    Impl& t = *impl;
    const GeosContext& geos = t.geos;
    for (PlaceOutline& o : inputs.outlines) t.outlines.try_emplace(o.place_id, std::move(o));
    t.lookup = std::move(inputs.lookup);

    std::vector<GeosGeometry> layer;
    for (const ControlFeature& f : inputs.initial) {
        try {
            layer.push_back(cd::from_wkb(geos, f.wkb));
        } catch (const GeoError& e) {
            throw InputError(SourceLocation::at_feature(f.file, f.feature_id), e.what());
        }
    }
    if (!inputs.outside.empty()) {
        std::vector<GeosGeometry> outside;
        for (const std::string& wkb : inputs.outside) outside.push_back(cd::from_wkb(geos, wkb));
        GeosGeometry all = cd::union_all(geos, std::move(outside));
        // Only the outside ground near the layer and the events matters; a country outline has
        // thousands of vertices elsewhere.
        cd::Box region;
        const auto grow = [&](const cd::Box& b) {
            if (b.empty()) return;
            region = region.empty() ? b : cd::Box{std::min(region.x0, b.x0), std::min(region.y0, b.y0), std::max(region.x1, b.x1), std::max(region.y1, b.y1)};
        };
        for (const GeosGeometry& g : layer) grow(cd::box_of(geos, *g));
        for (const std::vector<Event>* list : {&events, &holdings})
            for (const Event& e : *list)
                if (territorial(e)) grow(cd::Box{e.location->anchor.lon(), e.location->anchor.lat(), e.location->anchor.lon(), e.location->anchor.lat()});
        if (!region.empty()) {
            constexpr double margin_degrees = 1.0;  // wider than any place and its surroundings
            t.outside = cd::polygons_of(geos, *cd::intersection(geos, *all, *cd::rectangle(geos, region.x0 - margin_degrees, region.y0 - margin_degrees,
                                                                                              region.x1 + margin_degrees, region.y1 + margin_degrees)));
            t.outside_box = cd::box_of(geos, *t.outside);
        }
    }

    // The events that move control, in the order they apply, with the place each acts on.
    struct Step {
        Date day;
        int order = 0;  ///< within a day: layer polygons, then events, then what holds after them
        const ControlFeature* feature = nullptr;
        std::size_t layer_index = 0;
        const Event* event = nullptr;
        const Impl::Place* place = nullptr;
    };
    std::vector<Step> steps;
    std::vector<const Impl::Place*> footprints;
    std::set<const Impl::Place*> seen;
    for (std::size_t i = 0; i < inputs.initial.size(); ++i) steps.push_back(Step{inputs.initial[i].valid_from, 0, &inputs.initial[i], i, nullptr, nullptr});
    for (const std::vector<Event>* list : {&events, &holdings})
        for (const Event& e : *list) {
            if (!territorial(e)) continue;
            const Impl::Place* p = t.place(e.location->place_id, e.location->anchor);
            if (!p) continue;
            steps.push_back(Step{day_of(e), list == &events ? 1 : 2, nullptr, 0, &e, p});
            // The whole disc is the footprint: every read and write of an event on the place stays
            // in its cell, however large the rest of the map.
            if (seen.insert(p).second) footprints.push_back(p);
        }
    // Layer polygons first on their day, then events in input order, then holdings (a share said
    // to be held is the state after the day's fighting).
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.day != b.day ? a.day < b.day : a.order < b.order; });
    t.make_cells(footprints, layer);

    for (std::size_t i = 0; i < steps.size();) {
        ControlState state{steps[i].day, std::nullopt, {}, {}, Certainty::confirmed};
        const std::size_t index = t.states.size();
        for (; i < steps.size() && steps[i].day == state.valid_from; ++i) {
            const Step& step = steps[i];
            if (step.feature) {
                t.apply_layer(step.layer_index, t.holder_id(step.feature->holder), index);
                state.layer_features.push_back(step.feature->feature_id);
                state.certainty = weaker(state.certainty, step.feature->certainty);
            } else {
                t.apply(*step.event, *step.place, index);
                state.events.push_back(step.event->id);
                state.certainty = weaker(state.certainty, step.event->certainty);
            }
        }
        t.snapshot(index);
        if (!t.states.empty()) t.states.back().valid_to = state.valid_from;
        t.states.push_back(std::move(state));
    }
    return ControlTimeline(std::move(impl));
}

const std::vector<ControlState>& ControlTimeline::states() const noexcept { return impl_->states; }

std::optional<std::size_t> ControlTimeline::state_at(const Date& day) const {
    const auto& states = impl_->states;
    const auto after = std::upper_bound(states.begin(), states.end(), day, [](const Date& d, const ControlState& s) { return d < s.valid_from; });
    if (after == states.begin()) return std::nullopt;
    return static_cast<std::size_t>(std::prev(after) - states.begin());
}

std::vector<HolderArea> ControlTimeline::holders(std::size_t state) const {
    const Impl& t = *impl_;
    std::map<std::string, double> km2;
    for (const auto& [holder, atoms] : t.held(state)) km2[t.holder_names[static_cast<std::size_t>(holder)]] = t.km2_of(atoms);
    std::vector<HolderArea> out;
    for (const auto& [holder, g] : t.assemble(state)) out.push_back(t.describe(holder, *g, km2[holder]));
    return out;
}

std::vector<HolderPieces> ControlTimeline::pieces(std::size_t state) const {
    const Impl& t = *impl_;
    std::vector<HolderPieces> out;
    for (const auto& [holder, atoms] : t.held(state)) {
        HolderPieces h{t.holder_names[static_cast<std::size_t>(holder)], t.km2_of(atoms), {}};
        for (const auto& [ci, j] : atoms) {
            std::vector<PolygonRings> rings = cd::polygon_rings(t.geos, t.lonlat_of(t.cells[ci], j));
            h.polygons.insert(h.polygons.end(), std::make_move_iterator(rings.begin()), std::make_move_iterator(rings.end()));
        }
        out.push_back(std::move(h));
    }
    std::sort(out.begin(), out.end(), [](const HolderPieces& a, const HolderPieces& b) { return a.holder < b.holder; });
    return out;
}

std::vector<HolderPieces> ControlTimeline::pieces_at(const Date& day) const {
    const auto s = state_at(day);
    return s ? pieces(*s) : std::vector<HolderPieces>{};
}

HolderArea ControlTimeline::unclaimed(std::size_t state) const {
    const Impl& t = *impl_;
    std::vector<GeosGeometry> free;
    double km2 = 0.0;
    for (const Impl::Cell& cell : t.cells) {
        const std::vector<Impl::HolderId>* labels = Impl::labels_at(cell, state);
        // Before its first change a cell is its first atoms, all unclaimed.
        const std::size_t n = labels ? labels->size() : cell.initial_atoms;
        for (std::size_t j = 0; j < n; ++j) {
            if (labels && (*labels)[j] != Impl::nobody) continue;
            km2 += cell.atoms[j].km2;
            free.push_back(cd::clone(t.geos, t.lonlat_of(cell, j)));
        }
    }
    const GeosGeometry all = cd::polygons_of(t.geos, *cd::union_all(t.geos, std::move(free)));
    return t.describe("", *all, km2);
}

std::vector<FrontLine> ControlTimeline::front_lines(std::size_t state) const {
    const Impl& t = *impl_;
    const auto held = t.assemble(state);
    std::vector<FrontLine> out;
    for (std::size_t i = 0; i < held.size(); ++i)
        for (std::size_t j = i + 1; j < held.size(); ++j) {
            if (!cd::box_of(t.geos, *held[i].second).meets(cd::box_of(t.geos, *held[j].second))) continue;
            const GeosGeometry a(GEOSBoundary_r(t.geos.handle(), held[i].second.get()), GeosDeleter{t.geos.handle()});
            const GeosGeometry b(GEOSBoundary_r(t.geos.handle(), held[j].second.get()), GeosDeleter{t.geos.handle()});
            if (!a || !b) t.geos.fail("boundary failed");
            const GeosGeometry shared = cd::lines_of(t.geos, *cd::intersection(t.geos, *a, *b));
            if (is_empty(t.geos, *shared)) continue;
            FrontLine line{held[i].first, held[j].first, 0.0, cd::line_points(t.geos, *shared), cd::to_wkb(t.geos, *shared)};
            line.length_km = line_length_km(line.lines);
            out.push_back(std::move(line));
        }
    return out;
}

std::vector<HolderArea> ControlTimeline::holders_at(const Date& day) const {
    const auto s = state_at(day);
    return s ? holders(*s) : std::vector<HolderArea>{};
}

std::vector<FrontLine> ControlTimeline::front_lines_at(const Date& day) const {
    const auto s = state_at(day);
    return s ? front_lines(*s) : std::vector<FrontLine>{};
}

std::map<std::string, double> ControlTimeline::shares(const std::string& place_id, const Date& day) const {
    const auto s = state_at(day);
    if (!s) return {};
    const Impl& t = *impl_;
    const Impl::Place* p = t.place(place_id, std::nullopt);
    if (!p || p->km2 <= 0.0) return {};
    std::map<std::string, double> km2;
    if (const auto slot = t.slots.find(p); slot != t.slots.end()) {
        // A place of the events: its atoms say it all, no overlay needed.
        const Impl::Cell& cell = t.cells[slot->second.cell];
        double total = 0.0;
        const std::vector<Impl::HolderId>* labels = Impl::labels_at(cell, *s);
        const std::size_t n = labels ? labels->size() : cell.initial_atoms;
        for (std::size_t j = 0; j < n; ++j) {
            const Impl::HolderId h = labels ? (*labels)[j] : Impl::nobody;
            if (h == Impl::split || !Impl::has(cell.atoms[j].footprints, slot->second.area)) continue;
            total += cell.atoms[j].km2;
            if (h >= 0) km2[t.holder_names[static_cast<std::size_t>(h)]] += cell.atoms[j].km2;
        }
        for (auto& [holder, v] : km2) v = total > 0.0 ? std::min(1.0, v / total) : 0.0;
        return km2;
    }
    for (const auto& [holder, atoms] : t.held(*s))
        for (const auto& [ci, j] : atoms) {
            const GEOSGeometry& g = t.lonlat_of(t.cells[ci], j);
            if (!cd::box_of(t.geos, g).meets(p->box)) continue;
            const double a = p->projection.area_km2(t.geos, *cd::intersection(t.geos, g, *p->area));
            if (a > 0.0) km2[t.holder_names[static_cast<std::size_t>(holder)]] += a;
        }
    for (auto& [holder, v] : km2) v = std::min(1.0, v / p->km2);
    return km2;
}

double ControlTimeline::share(const std::string& place_id, const std::string& holder, const Date& day) const {
    const auto all = shares(place_id, day);
    const auto found = all.find(holder);
    return found == all.end() ? 0.0 : found->second;
}

std::optional<double> ControlTimeline::place_area_km2(const std::string& place_id) const {
    const Impl::Place* p = impl_->place(place_id, std::nullopt);
    if (!p) return std::nullopt;
    return p->km2;
}

double ControlTimeline::region_area_km2() const {
    double km2 = 0.0;
    for (const Impl::Cell& cell : impl_->cells)
        for (std::size_t j = 0; j < cell.initial_atoms; ++j) km2 += cell.atoms[j].km2;
    return km2;
}

std::map<std::string, std::string> ControlTimeline::place_bases() const {
    std::map<std::string, std::string> out;
    for (const auto& [id, p] : impl_->places)
        if (p) out[id] = p->basis;
    return out;
}

}  // namespace frontline
