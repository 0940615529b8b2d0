#include "control/control_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
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
// An advance without a magnitude takes this share of the surroundings.
constexpr double advance_share = 0.5;

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

bool territorial(const Event& e) {
    if (e.event_type != "territory_taken" && e.event_type != "retreat" && e.event_type != "advance") return false;
    if (e.certainty == Certainty::hypothetical || e.certainty == Certainty::negated) return false;
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

    /// One holder's piece of a cell, immutable once made; versions share them by index.
    struct Part {
        GeosGeometry geometry;
        cd::Box box;
        std::size_t cell = 0;
    };

    /// Who holds which part of a cell from one state on.
    struct Version {
        std::size_t state = 0;
        std::vector<std::pair<std::string, std::size_t>> parts;  ///< holder -> index into parts_
    };

    /// Cells partition the region: each cluster of overlapping place footprints is a cell, and the
    /// rest of the initial layer is one more. An event only rewrites the cell of its place, so its
    /// cost does not grow with the size of the map.
    struct Cell {
        GeosGeometry area;
        cd::Box box;
        std::unique_ptr<cd::LocalProjection> projection;
        double km2 = 0.0;
        std::vector<Version> history;
    };

    GeosContext geos;  // first: destroyed after every geometry made in it
    cd::ProjContext proj = cd::make_proj_context();
    cd::ProjObject wgs84 = cd::wgs84(proj.get());

    std::map<std::string, PlaceOutline> outlines;
    PlaceLookup lookup;
    GeosGeometry outside;  ///< null when nothing is outside
    cd::Box outside_box;
    mutable std::map<std::string, std::unique_ptr<Place>> places;  // made on first use, also by queries

    std::vector<Cell> cells;
    std::vector<Part> parts;
    mutable std::vector<std::optional<double>> part_km2;
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
        cd::LocalProjection projection(proj.get(), wgs84.get(), *centre);
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

    // ---- cells and parts -------------------------------------------------------------------

    const std::vector<std::pair<std::string, std::size_t>>& parts_at(const Cell& cell, std::size_t state) const {
        static const std::vector<std::pair<std::string, std::size_t>> none;
        const auto after = std::upper_bound(cell.history.begin(), cell.history.end(), state,
                                            [](std::size_t s, const Version& v) { return s < v.state; });
        return after == cell.history.begin() ? none : std::prev(after)->parts;
    }

    std::size_t add_part(GeosGeometry g, std::size_t cell) {
        const cd::Box box = cd::box_of(geos, *g);
        parts.push_back(Part{std::move(g), box, cell});
        part_km2.emplace_back();
        return parts.size() - 1;
    }

    double km2_of(std::size_t part) const {
        if (!part_km2[part]) part_km2[part] = cells[parts[part].cell].projection->area_km2(geos, *parts[part].geometry);
        return *part_km2[part];
    }

    /// Gives `piece` (lon/lat) to `holder` in state `state`, taking it from whoever held it; an
    /// empty holder leaves it unclaimed.
    void assign(const GEOSGeometry& piece, const std::string& holder, std::size_t state) {
        const cd::Box box = cd::box_of(geos, piece);
        for (std::size_t ci = 0; ci < cells.size(); ++ci) {
            Cell& cell = cells[ci];
            if (!cell.box.meets(box)) continue;
            GeosGeometry g = cd::polygons_of(geos, *cd::intersection(geos, *cell.area, piece));
            if (is_empty(geos, *g) || area(geos, *g) <= 0.0) continue;
            const cd::Box gbox = cd::box_of(geos, *g);
            std::vector<std::pair<std::string, std::size_t>> next;
            // A piece that is the whole cell replaces everything without any overlay.
            const bool whole = area(geos, *g) >= area(geos, *cell.area) * (1.0 - 1e-12);
            bool given = false;
            if (!whole)
                for (const auto& [h, index] : parts_at(cell, state)) {
                    const Part& part = parts[index];
                    if (h == holder) {
                        next.emplace_back(h, add_part(cd::polygons_of(geos, *cd::unite(geos, *part.geometry, *g)), ci));
                        given = true;
                    } else if (!part.box.meets(gbox)) {
                        next.emplace_back(h, index);
                    } else {
                        GeosGeometry rest = cd::polygons_of(geos, *cd::difference(geos, *part.geometry, *g));
                        if (!is_empty(geos, *rest)) next.emplace_back(h, add_part(std::move(rest), ci));
                    }
                }
            if (!holder.empty() && !given) {
                next.emplace_back(holder, add_part(whole ? cd::clone(geos, *cell.area) : std::move(g), ci));
                std::sort(next.begin(), next.end());
            }
            if (!cell.history.empty() && cell.history.back().state == state)
                cell.history.back().parts = std::move(next);
            else
                cell.history.push_back(Version{state, std::move(next)});
        }
    }

    /// The part of `where` that `holder` holds in `state` (lon/lat), or null when none.
    GeosGeometry held_in(const std::string& holder, const GEOSGeometry& where, const cd::Box& box, std::size_t state) const {
        std::vector<GeosGeometry> pieces;
        for (const Cell& cell : cells) {
            if (!cell.box.meets(box)) continue;
            for (const auto& [h, index] : parts_at(cell, state)) {
                if (h != holder || !parts[index].box.meets(box)) continue;
                GeosGeometry g = cd::polygons_of(geos, *cd::intersection(geos, *parts[index].geometry, where));
                if (!is_empty(geos, *g)) pieces.push_back(std::move(g));
            }
        }
        if (pieces.empty()) return GeosGeometry(nullptr, {geos.handle()});
        return cd::polygons_of(geos, *cd::union_all(geos, std::move(pieces)));
    }

    /// km² of each holder within `where`, measured in `projection`.
    std::map<std::string, double> holdings(const GEOSGeometry& where, const cd::Box& box, const cd::LocalProjection& projection,
                                           std::size_t state) const {
        std::map<std::string, double> out;
        for (const Cell& cell : cells) {
            if (!cell.box.meets(box)) continue;
            for (const auto& [h, index] : parts_at(cell, state)) {
                if (!parts[index].box.meets(box)) continue;
                const double km2 = projection.area_km2(geos, *cd::intersection(geos, *parts[index].geometry, where));
                if (km2 > 0.0) out[h] += km2;
            }
        }
        return out;
    }

    /// The point of `holder`'s ground that the taker comes from, as seen from `p`: the centre of
    /// what it holds of the place and its surroundings, else its nearest ground anywhere.
    std::optional<LonLat> taker_side(const std::string& holder, const Place& p, std::size_t state) const {
        if (const GeosGeometry near = held_in(holder, *p.disc, p.disc_box, state)) return centroid(geos, *near);
        std::optional<LonLat> best;
        double best_km = 0.0;
        const LonLat from = p.projection.centre();
        for (const Cell& cell : cells)
            for (const auto& [h, index] : parts_at(cell, state)) {
                if (h != holder) continue;
                const LonLat q = nearest_point(geos, *parts[index].geometry, from);
                const double km = distance_km(from, q);
                if (!best || km < best_km) {
                    best = q;
                    best_km = km;
                }
            }
        return best;
    }

    /// `taker` takes the part of `footprint` facing its ground until it holds `fraction` of it: the
    /// footprint is cut by a line perpendicular to the direction from its centre to the taker's
    /// side, moved by bisection until the area matches (in the place's metric projection).
    void take_share(const GEOSGeometry& footprint, const Place& p, const std::string& taker, double fraction, std::size_t state) {
        const cd::Box fbox = cd::box_of(geos, footprint);
        const cd::LocalProjection& projection = p.projection;
        const GeosGeometry fm = projection.to_metric(geos, footprint);
        const double total = area(geos, *fm);
        GeosGeometry free = cd::clone(geos, *fm);
        double held = 0.0;
        if (const GeosGeometry mine = held_in(taker, footprint, fbox, state)) {
            const GeosGeometry mine_m = projection.to_metric(geos, *mine);
            held = area(geos, *mine_m);
            free = cd::polygons_of(geos, *cd::difference(geos, *fm, *mine_m));
        }
        const double need = fraction * total - held;
        if (need <= total * 1e-9 || is_empty(geos, *free)) return;

        // The direction the taker comes from; with no ground anywhere, from the south (a guess).
        const cd::XY centre = cd::centroid_xy(geos, *fm);
        double dx = 0.0;
        double dy = -1.0;
        if (const std::optional<LonLat> side = taker_side(taker, p, state)) {
            const cd::XY to = cd::centroid_xy(geos, *projection.to_metric(geos, *make_point(geos, *side)));
            if (std::hypot(to.x - centre.x, to.y - centre.y) > 1.0) {  // a metre: else no direction
                dx = to.x - centre.x;
                dy = to.y - centre.y;
            }
        }
        const double theta = std::atan2(dy, dx);
        const double c = std::cos(theta);
        const double s = std::sin(theta);
        // Rotated so that the taker lies towards +x: the cut keeps x >= t.
        const GeosGeometry rotated = cd::transformed(geos, *free, [&](double& x, double& y) {
            const double rx = x * c + y * s;
            const double ry = -x * s + y * c;
            x = rx;
            y = ry;
        });
        const cd::Box b = cd::box_of(geos, *rotated);
        GeosGeometry piece_r = cd::clone(geos, *rotated);
        if (need < area(geos, *rotated)) {
            const auto taken = [&](double t) {
                const GeosGeometry clipped(GEOSClipByRect_r(geos.handle(), rotated.get(), t, b.y0 - 1.0, b.x1 + 1.0, b.y1 + 1.0),
                                           GeosDeleter{geos.handle()});
                if (!clipped) geos.fail("clip by rectangle failed");
                return area(geos, *clipped);
            };
            double lo = b.x0;  // takes everything
            double hi = b.x1;  // takes nothing
            for (int i = 0; i < 60 && hi - lo > 0.01; ++i) {  // to a centimetre
                const double mid = 0.5 * (lo + hi);
                (taken(mid) > need ? lo : hi) = mid;
            }
            const double t = 0.5 * (lo + hi);
            piece_r = cd::polygons_of(geos, *cd::intersection(geos, *rotated, *cd::rectangle(geos, t, b.y0 - 1.0, b.x1 + 1.0, b.y1 + 1.0)));
        }
        const GeosGeometry piece_m = cd::transformed(geos, *piece_r, [&](double& x, double& y) {
            const double rx = x * c - y * s;
            const double ry = x * s + y * c;
            x = rx;
            y = ry;
        });
        // Trimmed to the footprint so that projection round-off never leaks into a neighbour.
        const GeosGeometry piece = cd::polygons_of(geos, *cd::intersection(geos, *projection.to_lonlat(geos, *piece_m), footprint));
        assign(*piece, taker, state);
    }

    void retreat(const GEOSGeometry& footprint, const Place& p, const Event& e, std::size_t state) {
        const GeosGeometry left = held_in(e.actor1, footprint, cd::box_of(geos, footprint), state);
        if (!left) return;
        std::string to;
        if (!e.actor2.empty() && e.actor2 != e.actor1) {
            to = e.actor2;
        } else {
            for (const GEOSGeometry* around : std::initializer_list<const GEOSGeometry*>{p.surroundings.get(), &footprint}) {
                double best = 0.0;
                for (const auto& [h, km2] : holdings(*around, cd::box_of(geos, *around), p.projection, state))
                    if (h != e.actor1 && km2 > best) {
                        best = km2;
                        to = h;
                    }
                if (!to.empty()) break;
            }
        }
        assign(*left, to, state);
    }

    void apply(const Event& e, const Place& p, std::size_t state) {
        const bool around = e.location->geo_precision == 2 || e.event_type == "advance";
        const GEOSGeometry& footprint = around ? *p.surroundings : *p.area;
        if (is_empty(geos, footprint)) return;
        if (e.event_type == "retreat") return retreat(footprint, p, e, state);
        double fraction = e.magnitude.value_or(e.event_type == "advance" ? advance_share : 1.0);
        fraction = std::clamp(fraction, 0.0, 1.0);
        if (fraction >= 1.0)
            assign(footprint, e.actor1, state);
        else
            take_share(footprint, p, e.actor1, fraction, state);
    }

    // ---- building ---------------------------------------------------------------------------

    /// Cells: clusters of overlapping footprints, then the rest of the initial layer.
    void make_cells(const std::vector<const GEOSGeometry*>& footprints, const std::vector<GeosGeometry>& layer) {
        std::vector<cd::Box> boxes;
        for (const GEOSGeometry* f : footprints) boxes.push_back(cd::box_of(geos, *f));
        Groups groups(footprints.size());
        for (std::size_t i = 0; i < footprints.size(); ++i)
            for (std::size_t j = i + 1; j < footprints.size(); ++j)
                if (boxes[i].meets(boxes[j]) && intersects(geos, *footprints[i], *footprints[j])) groups.join(i, j);
        std::map<std::size_t, std::vector<GeosGeometry>> clusters;
        for (std::size_t i = 0; i < footprints.size(); ++i) clusters[groups.find(i)].push_back(cd::clone(geos, *footprints[i]));
        std::vector<GeosGeometry> areas;
        for (auto& [root, members] : clusters) areas.push_back(cd::polygons_of(geos, *cd::union_all(geos, std::move(members))));
        if (!layer.empty()) {
            std::vector<GeosGeometry> all;
            for (const GeosGeometry& g : layer) all.push_back(cd::clone(geos, *g));
            GeosGeometry rest = without_outside(cd::polygons_of(geos, *cd::union_all(geos, std::move(all))));
            std::vector<GeosGeometry> taken;
            for (const GeosGeometry& a : areas) taken.push_back(cd::clone(geos, *a));
            if (!taken.empty()) rest = cd::polygons_of(geos, *cd::difference(geos, *rest, *cd::union_all(geos, std::move(taken))));
            if (!is_empty(geos, *rest)) areas.push_back(std::move(rest));
        }
        for (GeosGeometry& a : areas) {
            Cell cell;
            cell.box = cd::box_of(geos, *a);
            cell.projection = std::make_unique<cd::LocalProjection>(proj.get(), wgs84.get(), centroid(geos, *a));
            cell.km2 = cell.projection->area_km2(geos, *a);
            cell.area = std::move(a);
            cells.push_back(std::move(cell));
        }
    }

    /// Every holder's ground in a state, each a valid MultiPolygon; holders in id order.
    std::vector<std::pair<std::string, GeosGeometry>> assemble(std::size_t state) const {
        std::map<std::string, std::vector<std::size_t>> by_holder;
        for (const Cell& cell : cells)
            for (const auto& [h, index] : parts_at(cell, state)) by_holder[h].push_back(index);
        std::vector<std::pair<std::string, GeosGeometry>> out;
        for (const auto& [holder, indices] : by_holder) {
            // Parts of different cells only need a union where they may touch; the others are
            // gathered as they are, which keeps a map of many places fast.
            Groups groups(indices.size());
            for (std::size_t i = 0; i < indices.size(); ++i)
                for (std::size_t j = i + 1; j < indices.size(); ++j)
                    if (parts[indices[i]].box.meets(parts[indices[j]].box)) groups.join(i, j);
            std::map<std::size_t, std::vector<GeosGeometry>> grouped;
            for (std::size_t i = 0; i < indices.size(); ++i) grouped[groups.find(i)].push_back(cd::clone(geos, *parts[indices[i]].geometry));
            std::vector<GeosGeometry> merged;
            for (auto& [root, members] : grouped) merged.push_back(cd::union_all(geos, std::move(members)));
            GeosGeometry all = cd::gather_polygons(geos, merged);
            out.emplace_back(holder, std::move(all));
        }
        return out;
    }

    HolderArea describe(const std::string& holder, const GEOSGeometry& g, double km2) const {
        return HolderArea{holder, km2, cd::polygon_rings(geos, g), cd::to_wkb(geos, g)};
    }
};

ControlTimeline::ControlTimeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ControlTimeline::ControlTimeline(ControlTimeline&&) noexcept = default;
ControlTimeline& ControlTimeline::operator=(ControlTimeline&&) noexcept = default;
ControlTimeline::~ControlTimeline() = default;

ControlTimeline ControlTimeline::build(ControlInputs inputs, const std::vector<Event>& events) {
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
        for (const Event& e : events)
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
        const ControlFeature* feature = nullptr;
        std::size_t layer_index = 0;
        const Event* event = nullptr;
        const Impl::Place* place = nullptr;
    };
    std::vector<Step> steps;
    std::vector<const GEOSGeometry*> footprints;
    std::set<std::pair<const Impl::Place*, bool>> seen;
    for (std::size_t i = 0; i < inputs.initial.size(); ++i) steps.push_back(Step{inputs.initial[i].valid_from, &inputs.initial[i], i, nullptr, nullptr});
    for (const Event& e : events) {
        if (!territorial(e)) continue;
        const Impl::Place* p = t.place(e.location->place_id, e.location->anchor);
        if (!p) continue;
        steps.push_back(Step{day_of(e), nullptr, 0, &e, p});
        const bool around = e.location->geo_precision == 2 || e.event_type == "advance";
        if (seen.insert({p, around}).second) footprints.push_back(around ? p->surroundings.get() : p->area.get());
    }
    // Layer polygons first on their day, then events in input order.
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        return a.day != b.day ? a.day < b.day : (a.feature != nullptr) > (b.feature != nullptr);
    });
    t.make_cells(footprints, layer);

    for (std::size_t i = 0; i < steps.size();) {
        ControlState state{steps[i].day, std::nullopt, {}, {}, Certainty::confirmed};
        const std::size_t index = t.states.size();
        for (; i < steps.size() && steps[i].day == state.valid_from; ++i) {
            const Step& step = steps[i];
            if (step.feature) {
                t.assign(*layer[step.layer_index], step.feature->holder, index);
                state.layer_features.push_back(step.feature->feature_id);
                state.certainty = weaker(state.certainty, step.feature->certainty);
            } else {
                t.apply(*step.event, *step.place, index);
                state.events.push_back(step.event->id);
                state.certainty = weaker(state.certainty, step.event->certainty);
            }
        }
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
    for (const Impl::Cell& cell : t.cells)
        for (const auto& [h, index] : t.parts_at(cell, state)) km2[h] += t.km2_of(index);
    std::vector<HolderArea> out;
    for (const auto& [holder, g] : t.assemble(state)) out.push_back(t.describe(holder, *g, km2[holder]));
    return out;
}

HolderArea ControlTimeline::unclaimed(std::size_t state) const {
    const Impl& t = *impl_;
    std::vector<GeosGeometry> free;
    double km2 = 0.0;
    for (const Impl::Cell& cell : t.cells) {
        std::vector<GeosGeometry> held;
        for (const auto& [h, index] : t.parts_at(cell, state)) held.push_back(cd::clone(t.geos, *t.parts[index].geometry));
        GeosGeometry rest = held.empty() ? cd::clone(t.geos, *cell.area)
                                         : cd::polygons_of(t.geos, *cd::difference(t.geos, *cell.area, *cd::union_all(t.geos, std::move(held))));
        km2 += cell.projection->area_km2(t.geos, *rest);
        free.push_back(std::move(rest));
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
    const Impl::Place* p = impl_->place(place_id, std::nullopt);
    if (!p || p->km2 <= 0.0) return {};
    std::map<std::string, double> out = impl_->holdings(*p->area, p->box, p->projection, *s);
    for (auto& [holder, km2] : out) km2 = std::min(1.0, km2 / p->km2);
    return out;
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
    for (const Impl::Cell& cell : impl_->cells) km2 += cell.km2;
    return km2;
}

std::map<std::string, std::string> ControlTimeline::place_bases() const {
    std::map<std::string, std::string> out;
    for (const auto& [id, p] : impl_->places)
        if (p) out[id] = p->basis;
    return out;
}

}  // namespace frontline
