#include "render/renderer.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/View.hpp>

#include "render/detail/draw_ahead.hpp"
#include "render/detail/frame.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/detail/glyph_shapes.hpp"
#include "render/detail/layer_copy.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/simplify.hpp"
#include "render/detail/text.hpp"
#include "render/detail/tile_cover.hpp"

namespace frontline::render {

namespace {

/// Multisampling for smooth glyph edges in the kept picture, as in the window and the PNG.
constexpr unsigned antialiasing_level = 0;

}  // namespace

namespace detail {

namespace {

/// A region-wide event (geo_precision 3) is a disc about this wide on the ground.
constexpr double region_disc_radius_km = 25.0;
/// How far beyond its rim a region disc tints the map once the area layer is scaled up: its rim
/// line and the smooth scaling's spread of a low-resolution texel.
constexpr float area_spread_px = 18.0F;
constexpr float label_gap_px = 5.0F;

sf::Vector2f to_screen(const Frame& frame, const PlanePoint& p) { return frame.view.to_screen(p); }

std::vector<sf::Vector2f> to_screen(const Frame& frame, const std::vector<PlanePoint>& points) {
    std::vector<sf::Vector2f> screen;
    screen.reserve(points.size());
    for (const PlanePoint& p : points) screen.push_back(frame.view.to_screen(p));
    return screen;
}

/// A view whose units are the pixels of a target of `size`.
sf::View pixel_view(sf::Vector2u size) {
    return sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y)));
}

sf::Color darker(sf::Color colour, float factor) {
    const auto scale = [factor](sf::Uint8 c) { return static_cast<sf::Uint8>(static_cast<float>(c) * factor); };
    return {scale(colour.r), scale(colour.g), scale(colour.b), colour.a};
}

bool dashed(Certainty certainty) { return certainty != Certainty::confirmed && certainty != Certainty::reported; }

/// Country names go in capitals; only ASCII letters are raised, the rest would need ICU.
sf::String ascii_upper(sf::String text) {
    for (std::size_t i = 0; i < text.getSize(); ++i)
        if (text[i] >= 'a' && text[i] <= 'z') text[i] = text[i] - 'a' + 'A';
    return text;
}

bool overlaps(const sf::FloatRect& box, const std::vector<sf::FloatRect>& taken) {
    return std::any_of(taken.begin(), taken.end(),
                       [&box](const sf::FloatRect& other) { return box.intersects(other); });
}

/// Boxes bucketed by the cells of a grid over the map frame that they touch, so that asking
/// whether a label's box meets any of 20,000 glyphs looks at the few glyphs near it. Boxes and
/// questions reach only as far as the frame (labels never leave it).
class BoxGrid {
public:
    explicit BoxGrid(const sf::FloatRect& frame)
        : frame_(frame),
          columns_(static_cast<std::size_t>(std::max(1.0F, std::ceil(frame.width / cell_px)))),
          rows_(static_cast<std::size_t>(std::max(1.0F, std::ceil(frame.height / cell_px)))),
          cells_(columns_ * rows_) {}

    void insert(const sf::FloatRect& box) {
        if (!box.intersects(frame_)) return;
        const std::size_t index = boxes_.size();
        boxes_.push_back(box);
        for_cells(box, [&](std::vector<std::size_t>& cell) { cell.push_back(index); });
    }

    [[nodiscard]] bool overlaps(const sf::FloatRect& box) {
        bool hit = false;
        for_cells(box, [&](const std::vector<std::size_t>& cell) {
            hit = hit || std::any_of(cell.begin(), cell.end(), [&](std::size_t i) { return box.intersects(boxes_[i]); });
        });
        return hit;
    }

private:
    static constexpr float cell_px = 32.0F;

    [[nodiscard]] std::size_t column(float x) const {
        return static_cast<std::size_t>(std::clamp((x - frame_.left) / cell_px, 0.0F, static_cast<float>(columns_ - 1)));
    }
    [[nodiscard]] std::size_t row(float y) const {
        return static_cast<std::size_t>(std::clamp((y - frame_.top) / cell_px, 0.0F, static_cast<float>(rows_ - 1)));
    }

    template <typename Visit>
    void for_cells(const sf::FloatRect& box, Visit&& visit) {
        const std::size_t last_row = row(box.top + box.height);
        const std::size_t last_column = column(box.left + box.width);
        for (std::size_t y = row(box.top); y <= last_row; ++y)
            for (std::size_t x = column(box.left); x <= last_column; ++x) visit(cells_[y * columns_ + x]);
    }

    sf::FloatRect frame_;
    std::size_t columns_;
    std::size_t rows_;
    std::vector<sf::FloatRect> boxes_;
    std::vector<std::vector<std::size_t>> cells_;
};

bool inside(const sf::FloatRect& outer, const sf::FloatRect& inner) {
    return inner.left >= outer.left && inner.top >= outer.top && inner.left + inner.width <= outer.left + outer.width &&
           inner.top + inner.height <= outer.top + outer.height;
}

}  // namespace

float recency(const Scene& scene, std::size_t index) {
    const auto age = static_cast<float>(scene.age_days(index));
    if (scene.window() == TimeWindow::sliding)
        return 1.0F - 0.5F * std::min(1.0F, age / static_cast<float>(scene.window_days()));
    return 1.0F - 0.45F * std::min(1.0F, age / static_cast<float>(fade_days));
}

float draw_text(sf::RenderTarget& target, const sf::Font& font, const sf::String& text, unsigned size, float x,
                float centre_y, sf::Color colour, sf::Uint32 style) {
    sf::Text shape(text, font, size);
    shape.setStyle(style);
    shape.setFillColor(colour);
    // Centre on the height of a capital and x-height mix rather than on this string's own ink,
    // so labels in one row share a baseline whatever letters they hold.
    const float ink_middle = static_cast<float>(size) * 0.62F;
    shape.setPosition(std::round(x), std::round(centre_y - ink_middle));
    target.draw(shape);
    return shape.getLocalBounds().left + shape.getLocalBounds().width;
}

void draw_glyph(ShapeBatch& batch, GlyphShape shape, sf::Vector2f centre, float radius, sf::Color colour,
                Certainty certainty, float strength) {
    const GlyphGeometry geometry = glyph_geometry(shape);
    std::vector<sf::Vector2f> outline;
    outline.reserve(geometry.outline.size());
    for (const sf::Vector2f& p : geometry.outline) outline.push_back(centre + p * radius);

    // A pale casing lifts the glyph off borders, lines and the glyphs beneath it.
    batch.polyline(outline, true, 3.2F, faded(sf::Color(255, 255, 255, 190), strength));
    switch (certainty) {
        case Certainty::confirmed:
            batch.filled(outline, geometry.triangles, faded(colour, strength));
            batch.polyline(outline, true, 1.2F, faded(darker(colour, 0.55F), strength));
            break;
        case Certainty::reported:
            batch.filled(outline, geometry.triangles, faded(mix(colour, sf::Color::White, 0.5F), strength));
            batch.polyline(outline, true, 1.7F, faded(colour, strength));
            break;
        case Certainty::claimed:
        case Certainty::hypothetical:
        case Certainty::negated:
            batch.filled(outline, geometry.triangles, faded(sf::Color(255, 255, 255, 215), strength));
            batch.dashed_polyline(outline, true, 2.2F, {3.2F, 2.2F}, faded(colour, strength));
            break;
    }
}

void draw_base_layer(Frame& frame) {
    const Scene& scene = frame.scene;
    // Without outlines there is no sea to tell apart: the whole map is land.
    frame.target.clear(scene.land_outlines().empty() ? palette::land : palette::sea);
    ShapeBatch land;
    const auto& triangles = scene.land_triangles();
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3)
        land.triangle(to_screen(frame, triangles[i]), to_screen(frame, triangles[i + 1]),
                      to_screen(frame, triangles[i + 2]), palette::land);
    for (const auto& ring : scene.land_outlines()) land.polyline(to_screen(frame, ring), true, 1.2F, palette::border);
    land.draw(frame.target);
}

/// The zoom level `view` simplifies the control fills at: to within 2^-level km, the largest
/// power of two no more than a quarter of a pixel.
int fill_level(const MapView& view) {
    constexpr double fill_tolerance_px = 0.25;
    return static_cast<int>(std::ceil(std::log2(view.pixels_per_km() / fill_tolerance_px)));
}

/// `snapshot`'s fills as `frame`'s zoom level shows them (`FrameCaches::zoomed_fills`).
const std::vector<sf::VertexArray>& zoomed_fills(Frame& frame, const ControlSnapshot& snapshot) {
    constexpr std::size_t levels_kept = 4;
    std::vector<FrameCaches::ZoomedFills>& kept = frame.caches.zoomed_fills;
    const int level = fill_level(frame.view);
    const std::uint64_t revision = frame.scene.control_revision();
    const auto found = std::find_if(kept.begin(), kept.end(), [&](const FrameCaches::ZoomedFills& fills) {
        return fills.control_revision == revision && fills.snapshot == &snapshot && fills.level == level;
    });
    if (found != kept.end()) {
        std::rotate(found, found + 1, kept.end());
        return kept.back().fills;
    }
    if (kept.size() == levels_kept) kept.erase(kept.begin());
    FrameCaches::ZoomedFills& made = kept.emplace_back(FrameCaches::ZoomedFills{revision, &snapshot, level, {}});
    const double tolerance_km = std::ldexp(1.0, -level);
    for (const ControlFill& fill : snapshot.fills) made.fills.push_back(simplified_triangles(fill, tolerance_km));
    return made.fills;
}

void draw_control(Frame& frame) {
    const ControlSnapshot* snapshot = frame.scene.control();
    if (snapshot == nullptr) return;
    // The fills are triangulated on the plane once per zoom level; the view is an affine map, so
    // they go to the screen by a transform instead of being rebuilt every frame.
    const sf::FloatRect& map = frame.layout.map;
    const auto ppk = static_cast<float>(frame.view.pixels_per_km());
    sf::Transform plane_to_screen;
    plane_to_screen.translate(map.left + map.width / 2.0F, map.top + map.height / 2.0F);
    plane_to_screen.scale(ppk, -ppk);
    plane_to_screen.translate(static_cast<float>(-frame.view.centre().x), static_cast<float>(-frame.view.centre().y));
    const std::vector<sf::VertexArray>& fill_triangles = zoomed_fills(frame, *snapshot);
    for (std::size_t f = 0; f < snapshot->fills.size(); ++f) {
        const ControlFill& fill = snapshot->fills[f];
        const sf::VertexArray& triangles = fill_triangles[f];
        sf::RenderStates states(plane_to_screen);
        if (!fill.hatched) {
            frame.target.draw(triangles, states);
        } else if (frame.hatch != nullptr) {
            states.shader = frame.hatch;
            frame.target.draw(triangles, states);
        } else {
            // Without shaders, a lighter fill of the same colour still tells claimed ground apart.
            sf::VertexArray light = triangles;
            for (std::size_t i = 0; i < light.getVertexCount(); ++i) light[i].color.a /= 2;
            frame.target.draw(light, states);
        }
    }
    FrameCaches& caches = frame.caches;
    const auto snapshot_index = static_cast<std::size_t>(snapshot - frame.scene.control_snapshots().data());
    if (caches.fronts_control_revision != frame.scene.control_revision() || caches.fronts_snapshot != snapshot_index ||
        caches.fronts_pixels_per_km != frame.view.pixels_per_km() || caches.fronts_frame != frame.layout.map) {
        ShapeBatch fronts;
        const GeosContext geos;
        // A quarter of a pixel off does not show under strokes two pixels wide or more.
        constexpr double front_tolerance_px = 0.25;
        for (const auto& line : snapshot->front_lines) {
            const auto screen = simplified(geos, to_screen(frame, line), front_tolerance_px);
            fronts.polyline(screen, false, 4.5F, sf::Color(255, 255, 255, 200));
            fronts.polyline(screen, false, 2.2F, palette::front_line);
        }
        caches.fronts = fronts.vertices();
        caches.fronts_control_revision = frame.scene.control_revision();
        caches.fronts_snapshot = snapshot_index;
        caches.fronts_pixels_per_km = frame.view.pixels_per_km();
        caches.fronts_frame = frame.layout.map;
        caches.fronts_centre = frame.view.centre();
    }
    // Built for another centre at this zoom: the plane has moved under the frame by a pan.
    const sf::Vector2f built_at = frame.view.to_screen(caches.fronts_centre);
    const sf::FloatRect& map_frame = frame.layout.map;
    sf::Transform shift;
    shift.translate(built_at.x - (map_frame.left + map_frame.width / 2.0F),
                    built_at.y - (map_frame.top + map_frame.height / 2.0F));
    if (caches.fronts.getVertexCount() > 0) frame.target.draw(caches.fronts, sf::RenderStates(shift));
}

/// Region discs are large and faint: drawn at an eighth of the resolution (a 64th of the pixels to
/// fill) and scaled up smoothly, they look the same.
sf::Vector2u area_layer_size(sf::Vector2u target_size) {
    constexpr unsigned divisor = 8;
    return {(target_size.x + divisor - 1) / divisor, (target_size.y + divisor - 1) / divisor};
}

/// A region's disc on the target: its fill and the rim round it, faded as the event is.
struct AreaDisc {
    sf::Vector2f centre;
    float radius = 0.0F;
    sf::Color fill;  ///< at full strength
    sf::Color rim;
    float strength = 1.0F;
    /// Its tile on the area layer, when it has one.
    std::optional<DiscTiles::Placed> tile;

    /// The rim is a thirty-second of the radius, a pixel at least.
    [[nodiscard]] float rim_width() const { return std::max(1.0F, radius / 32.0F); }
};

/// The layers a group of events is drawn in, bottom to top: region discs (through the area layer
/// when there is one), strokes and spokes, halos, glyphs. Shapes the sprite atlas has no room for
/// are drawn as geometry in the batch of their layer.
class EventDrawing {
public:
    /// Drawn onto the target itself, or with the region discs onto an area layer from `tiles`.
    EventDrawing(Frame& frame, DiscTiles* tiles)
        : frame_(frame), area_cover_(frame.target.getSize()), disc_tiles_(tiles) {
        const sf::Vector2u full = frame.target.getSize();
        const sf::Vector2u layer = area_layer_size(full);
        area_scale_ = {static_cast<float>(layer.x) / static_cast<float>(full.x),
                       static_cast<float>(layer.y) / static_cast<float>(full.y)};
    }

    /// Adds event `index` (visible, on the map) with its glyphs `glyphs[first, first + count)`.
    void add(std::size_t index, std::size_t first, std::size_t count) {
        add_strokes_and_area(index);
        const auto& glyphs = frame_.glyphs();
        for (std::size_t g = first; g < first + count; ++g) add_glyph(glyphs[g]);
    }

    [[nodiscard]] bool has_areas() const { return !areas_.empty(); }
    /// The tiles of the target the region discs tint.
    [[nodiscard]] const TileCover& area_cover() const { return area_cover_; }

    /// Draws the region discs onto `target` (the frame's target itself).
    void draw_areas(sf::RenderTarget& target) const {
        ShapeBatch discs;
        for (const AreaDisc& area : areas_) {
            discs.disc(area.centre, area.radius, faded(area.fill, area.strength));
            discs.circle_outline(area.centre, area.radius, area.rim_width(), faded(area.rim, area.strength));
        }
        discs.draw(target);
    }

    /// Draws the region discs onto the rows of `share` of `layer`, the area layer (the size
    /// `area_layer_size` gives), from their tiles once `DiscTiles::paint_pending` has run.
    void draw_areas(Canvas& layer, RowShare share) const {
        assert(layer.size() == area_layer_size(frame_.target.getSize()));
        for (const AreaDisc& area : areas_) {
            if (area.tile) {
                layer.draw_tile(*area.tile->tile, area.tile->at, strength_level(area.strength), share);
                continue;
            }
            layer.disc(on_area_layer(area.centre), area.radius * area_scale(), area.rim_width() * area_scale(),
                       faded(area.fill, area.strength), faded(area.rim, area.strength), share);
        }
    }

    /// Draws everything above the region discs onto `target`.
    void draw_marks(sf::RenderTarget& target) {
        underlay_.draw(target);
        ShapeBatch spokes;
        const SegmentTiles& lines = frame_.caches.spokes;
        for (const Spoke& spoke : spokes_) spokes.segment(spoke.anchor, spoke.glyph, lines.width(), lines.colour());
        spokes.draw(target);
        frame_.caches.sprites.draw(target, under_sprites_);
        frame_.caches.sprites.draw(target, glyph_sprites_);
        glyphs_.draw(target);
    }

    /// Draws everything above the region discs onto the rows of `share` of `canvas`; `atlas` is
    /// the sprite atlas' image read after every mark was added.
    void draw_marks(Canvas& canvas, const sf::Image& atlas, RowShare share) const {
        canvas.fill(underlay_.vertices(), share);
        const SegmentTiles& lines = frame_.caches.spokes;
        for (const Spoke& spoke : spokes_) {
            if (spoke.tile != nullptr)
                SegmentTiles::draw(canvas, *spoke.tile, spoke.anchor, share);
            else
                canvas.segment(spoke.anchor, spoke.glyph, lines.width(), lines.colour(), share);
        }
        canvas.draw_sprites(under_sprites_, atlas, share);
        canvas.draw_sprites(glyph_sprites_, atlas, share);
        canvas.fill(glyphs_.vertices(), share);
    }

private:
    void add_strokes_and_area(std::size_t index) {
        const Scene& scene = frame_.scene;
        const Event& event = scene.events()[index];
        const EventFigure& figure = scene.figures()[index];
        const float strength = recency(scene, index);
        for (const auto& line : figure.lines) {
            const auto screen = to_screen(frame_, line);
            const bool closed = line.size() > 2 && line.front() == line.back();
            underlay_.polyline(screen, closed, 5.5F, faded(sf::Color(255, 255, 255, 170), strength));
            if (dashed(event.certainty))
                underlay_.dashed_polyline(screen, closed, 3.0F, {7.0F, 4.0F}, faded(figure.colour, strength));
            else
                underlay_.polyline(screen, closed, 3.0F, faded(figure.colour, 0.85F * strength));
        }
        // A line already shows how far a border event reaches; the disc is for areas without one.
        if (event.location->geo_precision < 3 || !figure.lines.empty()) return;
        const float max_disc_px = 0.3F * std::min(frame_.layout.map.width, frame_.layout.map.height);
        const auto ground = static_cast<float>(region_disc_radius_km * frame_.view.pixels_per_km());
        const float radius = std::min(std::max(ground, 3.2F * figure.radius), std::max(max_disc_px, 3.2F * figure.radius));
        const sf::Color fill(figure.colour.r, figure.colour.g, figure.colour.b, 30);
        const sf::Color rim(figure.colour.r, figure.colour.g, figure.colour.b, 90);
        const float reach = radius + area_spread_px;
        for (const PlanePoint& mark : figure.marks) {
            const sf::Vector2f centre = to_screen(frame_, mark);
            area_cover_.cover({centre.x - reach, centre.y - reach, 2.0F * reach, 2.0F * reach});
            AreaDisc& area = areas_.emplace_back(AreaDisc{centre, radius, fill, rim, strength, std::nullopt});
            if (disc_tiles_ != nullptr)
                area.tile = disc_tiles_->tile(on_area_layer(centre), radius * area_scale(),
                                              area.rim_width() * area_scale(), fill, rim);
        }
    }

    void add_glyph(const PlacedGlyph& glyph) {
        const Scene& scene = frame_.scene;
        const Event& event = scene.events()[glyph.event];
        const EventFigure& figure = scene.figures()[glyph.event];
        SpriteAtlas& sprites = frame_.caches.sprites;
        const float strength = recency(scene, glyph.event);
        if (glyph.position != glyph.anchor) {
            // From pixel corner to pixel corner, where the sprites of the anchor and the glyph
            // are centred: such lines repeat, and are blended from tiles.
            const sf::Vector2f from(std::round(glyph.anchor.x), std::round(glyph.anchor.y));
            const sf::Vector2f to(std::round(glyph.position.x), std::round(glyph.position.y));
            spokes_.push_back({from, to, frame_.caches.spokes.tile(from, to)});
            constexpr float anchor_radius = 2.6F;
            const sf::Color anchor_colour(70, 70, 70);
            const auto paint_anchor = [&](ShapeBatch& batch, sf::Vector2f centre) {
                batch.disc(centre, anchor_radius, anchor_colour);
            };
            if (!sprites.add(under_sprites_, {SpriteKey::Kind::anchor, {}, {}, anchor_radius, anchor_colour.toInteger()},
                             paint_anchor, glyph.anchor, 1.0F))
                paint_anchor(underlay_, glyph.anchor);
        }
        if (event.location->geo_precision == 2) {
            const float halo_radius = 1.9F * glyph.radius;
            const sf::Color tint(figure.colour.r, figure.colour.g, figure.colour.b, 55);
            const sf::Color rim(figure.colour.r, figure.colour.g, figure.colour.b, 140);
            const auto paint_halo = [&](ShapeBatch& batch, sf::Vector2f centre) {
                batch.disc(centre, halo_radius, tint);
                batch.circle_outline(centre, halo_radius, 1.2F, rim);
            };
            if (!sprites.add(under_sprites_, {SpriteKey::Kind::halo, {}, {}, halo_radius, figure.colour.toInteger()},
                             paint_halo, glyph.position, strength)) {
                underlay_.disc(glyph.position, halo_radius, faded(tint, strength));
                underlay_.circle_outline(glyph.position, halo_radius, 1.2F, faded(rim, strength));
            }
        }
        const auto paint_glyph = [&](ShapeBatch& batch, sf::Vector2f centre) {
            draw_glyph(batch, figure.glyph, centre, glyph.radius, figure.colour, event.certainty, 1.0F);
        };
        if (!sprites.add(glyph_sprites_,
                         {SpriteKey::Kind::glyph, figure.glyph, event.certainty, glyph.radius, figure.colour.toInteger()},
                         paint_glyph, glyph.position, strength))
            draw_glyph(glyphs_, figure.glyph, glyph.position, glyph.radius, figure.colour, event.certainty, strength);
    }

    [[nodiscard]] sf::Vector2f on_area_layer(sf::Vector2f point) const {
        return {point.x * area_scale_.x, point.y * area_scale_.y};
    }
    [[nodiscard]] float area_scale() const { return (area_scale_.x + area_scale_.y) / 2.0F; }

    Frame& frame_;
    TileCover area_cover_;
    DiscTiles* disc_tiles_;
    sf::Vector2f area_scale_;  ///< of the area layer to the target
    std::vector<AreaDisc> areas_;
    /// The line from where a spread glyph's event is to where its glyph was put, rounded to
    /// pixel corners, and its tile when it has one.
    struct Spoke {
        sf::Vector2f anchor;
        sf::Vector2f glyph;
        const SegmentTiles::Tile* tile = nullptr;
    };

    ShapeBatch underlay_;
    std::vector<Spoke> spokes_;  // over the underlay: a spread story has thousands, drawn the fastest way
    SpriteQuads under_sprites_;  // halos and spoke dots
    SpriteQuads glyph_sprites_;
    ShapeBatch glyphs_;
};

/// The land and the control layer under the events, kept in a layer while neither the view nor
/// the control snapshot in force changes (playback crosses many days between two snapshots).
/// False when no layer can be made: the caller then draws them straight onto the target.
bool update_ground(Frame& frame) {
    FrameCaches& caches = frame.caches;
    const Scene& scene = frame.scene;
    if (!caches.ground.ensure(frame.target.getSize())) return false;
    const ControlSnapshot* snapshot = scene.control();
    if (caches.ground.drawn && caches.ground_view == frame.view &&
        caches.ground_control == scene.control_revision() && caches.ground_snapshot == snapshot)
        return true;
    Frame ground(caches.ground.texture, scene, frame.font, frame.hatch, caches);
    draw_base_layer(ground);
    draw_control(ground);
    caches.ground.texture.display();
    // Filled by the rasteriser while the settled events are drawn; read back only when needed.
    start_rasterising(caches.ground.texture);
    (void)frame.target.setActive(true);  // see SpriteAtlas::draw
    caches.ground.drawn = true;
    caches.ground_view = frame.view;
    caches.ground_control = scene.control_revision();
    caches.ground_snapshot = snapshot;
    ++caches.ground_generation;
    return true;
}

/// Each visible event's glyphs as a range of `frame.glyphs()` (first, count); count 0 for the rest.
std::vector<std::pair<std::size_t, std::size_t>> glyph_ranges(const Frame& frame) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges(frame.scene.events().size(), {0, 0});
    const auto& glyphs = frame.glyphs();
    // An event's glyphs (one per point of a MULTIPOINT) share its place in the drawing order.
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
        auto& range = ranges[glyphs[g].event];
        if (range.second == 0) range.first = g;
        ++range.second;
    }
    return ranges;
}

/// The last day an event may have ended on to be settled at the playhead (see `fade_days`); none
/// in a sliding window, where every event fades until it leaves.
std::optional<Date> settled_cutoff(const Scene& scene) {
    if (scene.window() == TimeWindow::sliding) return std::nullopt;
    return scene.current().plus_days(-fade_days);
}

Date end_day(const Event& event) { return event.date_end.value_or(*event.date_start); }

/// The visible events that ended after `after` (any day, without it) and by `through`, in the
/// order the settled layers draw them: by the day they ended, then in drawing order.
std::vector<std::size_t> ending_between(const Frame& frame, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                        const std::optional<Date>& after, const Date& through) {
    struct Ending {
        Date day;
        std::size_t event;
    };
    std::vector<Ending> sorted;
    const auto& events = frame.scene.events();
    const auto& glyphs = frame.glyphs();
    // Taken in drawing order, each event at its first glyph, then put in order of their days
    // alone: a stable sort keeps the drawing order within a day.
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
        const std::size_t i = glyphs[g].event;
        if (ranges[i].first != g) continue;
        const Date ended = end_day(events[i]);
        if (ended > through || (after && ended <= *after)) continue;
        sorted.push_back({ended, i});
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Ending& a, const Ending& b) { return a.day < b.day; });
    std::vector<std::size_t> ending(sorted.size());
    std::transform(sorted.begin(), sorted.end(), ending.begin(), [](const Ending& e) { return e.event; });
    return ending;
}

/// The ground, as a canvas, read back from the ground layer when that was drawn again.
void update_ground_pixels(Frame& frame) {
    FrameCaches& caches = frame.caches;
    if (caches.ground_pixels_generation == caches.ground_generation) return;
    read_layer(caches.ground.texture, caches.ground_pixels);
    caches.ground_pixels_generation = caches.ground_generation;
    (void)frame.target.setActive(true);  // see SpriteAtlas::draw
}

/// Draws `settling` (from `ending_between`) a day's worth at a time, so that layers built in one
/// go and day by day hold the same picture: onto `layers`, and their marks onto `also` unless it
/// is null. Each day is drawn on a second thread while the next ones are added here (adding may
/// paint sprites, which OpenGL does on this thread alone), and the days left once all are added
/// are drawn by both threads.
void draw_settling(Frame& frame, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                   std::span<const std::size_t> settling, SettledLayers& layers, Canvas* also) {
    if (settling.empty()) return;
    FrameCaches& caches = frame.caches;
    const auto& events = frame.scene.events();
    std::vector<std::span<const std::size_t>> day_events;
    for (auto day = settling.begin(); day != settling.end();) {
        const Date ended = end_day(events[*day]);
        const auto next = std::find_if(day, settling.end(), [&](std::size_t i) { return end_day(events[i]) != ended; });
        day_events.emplace_back(day, next);
        day = next;
    }
    // Made before any is drawn, and never added to after: the other thread reads them.
    std::deque<EventDrawing> days;
    for (std::size_t d = 0; d < day_events.size(); ++d) days.emplace_back(frame, &caches.discs);
    const sf::Image* atlas = nullptr;
    DrawAhead ahead([&](std::size_t d, RowShare share) {
        const EventDrawing& drawing = days[d];
        drawing.draw_areas(layers.areas, share);
        drawing.draw_marks(layers.marks, *atlas, share);
        if (also != nullptr) drawing.draw_marks(*also, *atlas, share);
    });
    // What the days are drawn from (the atlas' image, the disc tiles) is brought up to date
    // before the first is handed over. Should a later day need more painted, no more are handed
    // over, and it is done once, after the last day is added: reading the atlas back takes a
    // millisecond.
    const auto bring_up_to_date = [&] {
        caches.discs.paint_pending();
        atlas = &caches.sprites.image(frame.target);
    };
    bool handed_any = false;
    bool handing = true;
    for (std::size_t d = 0; d < day_events.size(); ++d) {
        for (const std::size_t i : day_events[d]) days[d].add(i, ranges[i].first, ranges[i].second);
        layers.area_cover.add(days[d].area_cover());
        if (!handing) continue;
        if (atlas == nullptr || caches.sprites.image_stale() || caches.discs.has_pending()) {
            if (handed_any) {
                handing = false;
                continue;
            }
            bring_up_to_date();
        }
        // The last day is left for both threads to share.
        if (d + 1 < day_events.size()) {
            ahead.hand_over(d + 1);
            handed_any = true;
        }
    }
    if (!handing) {
        ahead.drain();
        bring_up_to_date();
    }
    ahead.finish(day_events.size());
    layers.empty = false;
}

/// The settled layers are kept as they stand on every day a multiple of this many days from
/// 1970-01-01, so that moving the playhead back redraws at most this many days of them.
constexpr long settled_checkpoint_spacing = 4;
/// What the checkpoints may take together (eight at 1600x900), and how many there may be.
constexpr std::size_t settled_checkpoints_bytes = 64UL * 1024UL * 1024UL;
constexpr std::size_t settled_checkpoints_max = 8;

bool checkpoint_day(const Date& day) {
    const long count = day.days().time_since_epoch().count();
    return ((count % settled_checkpoint_spacing) + settled_checkpoint_spacing) % settled_checkpoint_spacing == 0;
}

std::size_t checkpoints_allowed(sf::Vector2u size) {
    const std::size_t bytes = (static_cast<std::size_t>(size.x) * size.y +
                               static_cast<std::size_t>(area_layer_size(size).x) * area_layer_size(size).y) * 4;
    return std::clamp<std::size_t>(settled_checkpoints_bytes / std::max<std::size_t>(bytes, 1), 1,
                                   settled_checkpoints_max);
}

/// Keeps `settled` as a checkpoint unless there is one of its day; when there are too many,
/// the one furthest from `now` goes.
void keep_checkpoint(FrameCaches& caches, sf::Vector2u size, const Date& now) {
    auto& checkpoints = caches.settled_checkpoints;
    const Date through = *caches.settled.through;
    const auto at = std::find_if(checkpoints.begin(), checkpoints.end(),
                                 [&](const SettledLayers& kept) { return !(*kept.through < through); });
    if (at != checkpoints.end() && *at->through == through) return;
    checkpoints.insert(at, caches.settled);
    if (checkpoints.size() <= checkpoints_allowed(size)) return;
    const auto distance = [&](const SettledLayers& kept) { return std::abs(now.days_since(*kept.through)); };
    checkpoints.erase(std::max_element(checkpoints.begin(), checkpoints.end(),
                                       [&](const auto& a, const auto& b) { return distance(a) < distance(b); }));
}

/// Brings the settled layers to the playhead: from the layers as they are when they are not past
/// it, or from the latest checkpoint by it when that is later (the playhead went back, or jumped
/// forward), or from nothing; they start again from nothing when the glyphs moved (view,
/// filters, window) or the target changed size. The events that settled since are drawn in
/// stretches ending on checkpoint days, each kept. Then `base` is made the ground with them over
/// it, unless it already is.
void update_settled(Frame& frame, const std::vector<std::pair<std::size_t, std::size_t>>& ranges, const Date& cutoff) {
    FrameCaches& caches = frame.caches;
    const sf::Vector2u size = frame.target.getSize();
    const Scene& scene = frame.scene;
    if (caches.settled.marks.size() != size || caches.settled_placement != scene.placement_revision()) {
        caches.settled = SettledLayers{};
        caches.settled_checkpoints.clear();
        caches.settled_placement = scene.placement_revision();
    }
    const auto by_cutoff = [&](const SettledLayers& layers) { return layers.through && !(cutoff < *layers.through); };
    const bool went_back = caches.settled.through && cutoff < *caches.settled.through;
    const SettledLayers* start = by_cutoff(caches.settled) ? &caches.settled : nullptr;
    for (const SettledLayers& checkpoint : caches.settled_checkpoints)
        if (by_cutoff(checkpoint) && (start == nullptr || *start->through < *checkpoint.through)) start = &checkpoint;
    if (start != &caches.settled) {
        if (start != nullptr) caches.settled = *start;
        else
            caches.settled = SettledLayers{Canvas(size, 0), Canvas(area_layer_size(size), 0), TileCover(size), {}, true};
        caches.base_ground_generation = 0;
    }

    const bool base_current = caches.base_ground_generation == caches.ground_generation;
    Canvas* also = base_current ? &caches.base : nullptr;
    const std::vector<std::size_t> settling = ending_between(frame, ranges, caches.settled.through, cutoff);
    const auto& events = scene.events();
    // Checkpoints on the checkpoint days since the layers' day, while the playhead moves forward;
    // drawn from nothing, only once it has gone back (a redraw after a pan or a filter does not
    // pay for them), and then only on the days the last ones allowed can cover.
    Date day = cutoff.plus_days(-settled_checkpoint_spacing * static_cast<long>(checkpoints_allowed(size)));
    if (caches.settled.through && day < *caches.settled.through) day = *caches.settled.through;
    if (!caches.settled.through && !went_back) day = cutoff;
    auto stretch = settling.begin();
    for (day = day.plus_days(1); !(cutoff < day); day = day.plus_days(1)) {
        if (!checkpoint_day(day)) continue;
        const auto end = std::find_if(stretch, settling.end(), [&](std::size_t i) { return day < end_day(events[i]); });
        draw_settling(frame, ranges, {stretch, end}, caches.settled, also);
        caches.settled.through = day;
        keep_checkpoint(caches, size, cutoff);
        stretch = end;
    }
    draw_settling(frame, ranges, {stretch, settling.end()}, caches.settled, also);
    caches.settled.through = cutoff;

    if (base_current) return;
    update_ground_pixels(frame);
    caches.base = caches.ground_pixels;
    if (!caches.settled.empty)
        for_each_row_share([&](RowShare share) { caches.base.composite(caches.settled.marks, share); });
    caches.base_ground_generation = caches.ground_generation;
}

/// The map frame, out to whole pixels.
sf::IntRect map_clip(const Frame& frame) {
    const sf::FloatRect& map = frame.layout.map;
    const auto left = static_cast<int>(std::floor(map.left));
    const auto top = static_cast<int>(std::floor(map.top));
    return {left, top, static_cast<int>(std::ceil(map.left + map.width)) - left,
            static_cast<int>(std::ceil(map.top + map.height)) - top};
}

/// Draws the area layer, the region discs of the settled events and of `live`, and returns the
/// runs of the map it tints (none without discs): only over the map (the panels hide the rest)
/// and only over the tiles a disc tints, since every pixel composited costs.
std::vector<sf::IntRect> draw_area_layer(Frame& frame, const EventDrawing& live, bool with_settled) {
    FrameCaches& caches = frame.caches;
    if (!with_settled && !live.has_areas()) return {};
    if (with_settled) caches.areas = caches.settled.areas;
    else caches.areas = Canvas(area_layer_size(frame.target.getSize()), 0);
    caches.discs.paint_pending();
    for_each_row_share([&](RowShare share) { live.draw_areas(caches.areas, share); });
    TileCover cover = live.area_cover();
    if (with_settled) cover.add(caches.settled.area_cover);
    return cover.runs(map_clip(frame));
}

bool Layer::ensure(sf::Vector2u wanted) {
    if (size != wanted) {
        made = texture.create(wanted.x, wanted.y);
        texture.setSmooth(true);
        size = wanted;
        drawn = false;
    }
    return made;
}

/// Bottom to top: the ground, the settled events' marks, every region disc (faint, so marks under
/// them still show), the marks of the events still fading. The events are composited on a canvas
/// (see `Canvas`) that then replaces the target's pixels; in playback it starts from a kept one,
/// the ground with the settled events over it, onto which the day that settled is drawn. Without
/// off-screen layers everything is drawn straight onto the target.
bool map_on_canvas(Frame& frame) { return update_ground(frame); }

void draw_ground_and_events(Frame& frame) {
    const Scene& scene = frame.scene;
    FrameCaches& caches = frame.caches;
    const sf::Vector2u size = frame.target.getSize();
    const bool on_canvas = map_on_canvas(frame);
    caches.discs.trim();  // no drawing holds a tile between frames
    const auto ranges = glyph_ranges(frame);
    const auto& events = scene.events();
    if (!on_canvas) {
        draw_base_layer(frame);
        draw_control(frame);
        frame.target.setView(pixel_view(size));
        EventDrawing all(frame, nullptr);
        for (const PlacedGlyph& glyph : frame.glyphs()) {
            const auto [first, count] = ranges[glyph.event];
            if (&glyph == &frame.glyphs()[first]) all.add(glyph.event, first, count);
        }
        all.draw_areas(frame.target);
        all.draw_marks(frame.target);
        return;
    }
    const std::optional<Date> cutoff = settled_cutoff(scene);
    if (cutoff) update_settled(frame, ranges, *cutoff);
    else caches.settled.through.reset();  // a sliding window leaves the layers stale
    update_ground_pixels(frame);
    caches.map_pixels = cutoff ? caches.base : caches.ground_pixels;

    // Events still fading (all of them without the settled layers), drawn afresh every frame.
    EventDrawing live(frame, &caches.discs);
    for (const PlacedGlyph& glyph : frame.glyphs()) {
        const auto [first, count] = ranges[glyph.event];
        if (&glyph != &frame.glyphs()[first]) continue;
        if (cutoff && end_day(events[glyph.event]) <= *cutoff) continue;
        live.add(glyph.event, first, count);
    }
    const std::vector<sf::IntRect> tinted = draw_area_layer(frame, live, cutoff && !caches.settled.empty);
    const sf::Image& atlas = caches.sprites.image(frame.target);
    // Scaling the area layer up reads its neighbouring rows, so it is finished before this starts.
    for_each_row_share([&](RowShare share) {
        if (!tinted.empty()) caches.map_pixels.composite_scaled(caches.areas, tinted, share);
        live.draw_marks(caches.map_pixels, atlas, share);
    });
    upload_canvas(caches.map_pixels, caches.staging, frame.target, map_clip(frame));
    frame.target.setView(pixel_view(size));
}

void draw_labels(Frame& frame) {
    const Scene& scene = frame.scene;
    std::vector<const MapLabel*> labels;
    for (const MapLabel& label : scene.base().labels) labels.push_back(&label);
    std::stable_sort(labels.begin(), labels.end(),
                     [](const MapLabel* a, const MapLabel* b) { return a->importance > b->importance; });

    if (labels.empty()) return;
    std::vector<sf::FloatRect> taken;       // labels and their dots placed so far: never overlapped
    BoxGrid glyph_boxes(frame.layout.map);  // event glyphs: avoided while another spot is free
    for (const PlacedGlyph& glyph : frame.glyphs())
        glyph_boxes.insert({glyph.position.x - glyph.radius, glyph.position.y - glyph.radius, 2.0F * glyph.radius,
                            2.0F * glyph.radius});
    ShapeBatch dots;
    std::vector<sf::Text> texts;
    for (const MapLabel* label : labels) {
        const sf::Vector2f point = frame.view.to_screen(scene.projection().forward(label->position));
        const bool country = label->kind == LabelKind::country;
        sf::Text text(country ? ascii_upper(utf8(label->name)) : utf8(label->name), frame.font, country ? 14U : 13U);
        if (country) {
            text.setLetterSpacing(2.2F);
            text.setStyle(sf::Text::Bold);
            text.setFillColor(palette::country_label);
        } else {
            text.setFillColor(palette::label);
            text.setOutlineColor(palette::label_halo);
            text.setOutlineThickness(2.0F);
        }
        const sf::FloatRect dot(point.x - 3.5F, point.y - 3.5F, 7.0F, 7.0F);
        if (!country && (!inside(frame.layout.map, dot) || overlaps(dot, taken))) continue;

        // Candidate boxes around the point, best first; a little margin keeps names apart.
        const float width = text.getLocalBounds().left + text.getLocalBounds().width + 4.0F;
        const float height = static_cast<float>(text.getCharacterSize()) * 1.15F + 2.0F;
        std::vector<sf::FloatRect> candidates;
        if (country) {
            candidates.emplace_back(point.x - width / 2.0F, point.y - height / 2.0F, width, height);
        } else {
            candidates.emplace_back(point.x + label_gap_px, point.y - height / 2.0F, width, height);
            candidates.emplace_back(point.x - label_gap_px - width, point.y - height / 2.0F, width, height);
            candidates.emplace_back(point.x - width / 2.0F, point.y - label_gap_px - height, width, height);
            candidates.emplace_back(point.x - width / 2.0F, point.y + label_gap_px, width, height);
        }
        const auto fits = [&](const sf::FloatRect& box, bool avoid_glyphs) {
            return inside(frame.layout.map, box) && !overlaps(box, taken) &&
                   !(avoid_glyphs && glyph_boxes.overlaps(box));
        };
        auto chosen =
            std::find_if(candidates.begin(), candidates.end(), [&](const auto& box) { return fits(box, true); });
        if (chosen == candidates.end())
            chosen =
                std::find_if(candidates.begin(), candidates.end(), [&](const auto& box) { return fits(box, false); });
        if (chosen == candidates.end()) continue;

        taken.push_back(*chosen);
        if (!country) {
            taken.push_back(dot);
            dots.disc(point, 3.4F, sf::Color::White);
            dots.disc(point, 2.4F, palette::label);
        }
        const float ink_middle = static_cast<float>(text.getCharacterSize()) * 0.62F;
        text.setPosition(std::round(chosen->left + 2.0F), std::round(chosen->top + chosen->height / 2.0F - ink_middle));
        texts.push_back(text);
    }
    dots.draw(frame.target);
    for (const sf::Text& text : texts) frame.target.draw(text);
}

void draw_scale_bar(Frame& frame) {
    const double max_km = 120.0 / frame.view.pixels_per_km();
    double step = std::pow(10.0, std::floor(std::log10(max_km)));
    for (const double multiple : {5.0, 2.0, 1.0}) {
        if (step * multiple <= max_km) {
            step *= multiple;
            break;
        }
    }
    const auto length = static_cast<float>(step * frame.view.pixels_per_km());
    const sf::FloatRect& map = frame.layout.map;
    const float left = map.left + 18.0F;
    const float baseline = map.top + map.height - 20.0F;
    const std::string label =
        step >= 1.0 ? std::to_string(std::lround(step)) + " km" : std::to_string(std::lround(step * 1000.0)) + " m";
    const float label_width = text_width(frame.font, utf8(label), 12);

    ShapeBatch bar;
    bar.rounded_rectangle({left - 8.0F, baseline - 13.0F, length + label_width + 28.0F, 22.0F}, 4.0F,
                          sf::Color(255, 255, 255, 190));
    const float half = length / 2.0F;
    bar.rectangle({left - 1.0F, baseline - 4.0F, length + 2.0F, 7.0F}, palette::label);
    bar.rectangle({left, baseline - 3.0F, half, 5.0F}, palette::label);
    bar.rectangle({left + half, baseline - 3.0F, length - half, 5.0F}, sf::Color::White);
    bar.draw(frame.target);
    draw_text(frame.target, frame.font, utf8(label), 12, left + length + 8.0F, baseline - 0.5F, palette::label);
}

Frame::Frame(sf::RenderTarget& target_, const Scene& scene_, const sf::Font& font_, const sf::Shader* hatch_,
             FrameCaches& caches_)
    : target(target_),
      scene(scene_),
      font(font_),
      layout(target_.getSize() == scene_.viewport() ? scene_.layout() : Layout::for_viewport(target_.getSize())),
      view(target_.getSize() == scene_.viewport() ? scene_.view() : scene_.view().reframed(layout.map)),
      hatch(hatch_),
      caches(caches_) {
    if (target_.getSize() != scene_.viewport()) reframed_glyphs_ = scene_.placed_glyphs(view);
    const sf::Vector2u size = target_.getSize();
    target_.setView(pixel_view(size));
}

namespace {

/// The map: the ground, the events and the place labels.
void draw_map(Frame& frame) {
    draw_ground_and_events(frame);
    draw_labels(frame);
}

/// What goes around the map: the title bar, the legend, the timeline.
void draw_panels(Frame& frame) {
    draw_title_bar(frame);
    draw_legend(frame);
    draw_timeline(frame);
}

/// What goes over the map: the scale bar, the selected event's panel.
void draw_over_map(Frame& frame) {
    draw_scale_bar(frame);
    draw_selection(frame);
}

/// Works out the glyph placement (`Frame::glyphs`) on a second thread while the calling thread
/// draws what does not need it: the ground and the panels, which OpenGL draws from this thread
/// alone. `join` hands the placement over, and any error it met. Without a thread to be had, the
/// placement is worked out on the calling thread when it is first asked for, as it always was.
class PlacementAhead {
public:
    explicit PlacementAhead(const Frame& frame) {
        try {
            placing_ = std::jthread([this, &frame] {
                try {
                    (void)frame.glyphs();
                } catch (...) {
                    failure_ = std::current_exception();
                }
            });
        } catch (const std::system_error&) {
            // Placed later, on this thread.
        }
    }

    void join() {
        if (placing_.joinable()) placing_.join();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }

private:
    std::exception_ptr failure_;
    std::jthread placing_;  // last: joined before the rest goes
};

/// Everything but the hover: the part of a frame that only changes with the scene's revision.
/// When the map is composited on a canvas, which replaces the map frame's pixels alone, the
/// panels go first: the rasteriser fills them while the canvas is composited. Then, where the
/// target `keeps_pixels` (it holds the last picture drawn, as a renderer's own does), panels
/// already there for the scene's still revision are left as they are. `after_map` runs once the
/// map is drawn, before what goes over it.
void draw_picture(Frame& frame, bool keeps_pixels, const std::function<void()>& after_map = {}) {
    PlacementAhead placement(frame);
    const bool panels_first = map_on_canvas(frame);
    auto& kept = frame.caches.kept_panels;
    const std::pair panels_now{frame.scene.still_revision(), frame.target.getSize()};
    if (!panels_first || !keeps_pixels) kept.reset();
    if (panels_first && kept != panels_now) {
        draw_panels(frame);
        start_rasterising(frame.target);
        if (keeps_pixels) kept = panels_now;
    }
    placement.join();
    draw_map(frame);
    if (after_map) after_map();
    if (!panels_first) draw_panels(frame);
    draw_over_map(frame);
}

}  // namespace

}  // namespace detail

void draw(sf::RenderTarget& target, const Scene& scene, const sf::Font& font, const sf::Shader* hatch) {
    detail::FrameCaches caches;
    detail::Frame frame(target, scene, font, hatch, caches);
    detail::draw_picture(frame, false);
    detail::draw_hover(frame);
}

Renderer::Renderer(const sf::Font& font, const sf::Shader* hatch)
    : font_(font), hatch_(hatch), caches_(std::make_unique<detail::FrameCaches>()) {}

Renderer::~Renderer() = default;

void Renderer::draw(sf::RenderTarget& target, const Scene& scene) {
    const sf::Vector2u size = target.getSize();
    if (picture_revision_ != scene.revision() || picture_size_ != size) {
        if (picture_size_ != size) {
            sf::ContextSettings settings;
            settings.antialiasingLevel = antialiasing_level;
            picture_ok_ = picture_.create(size.x, size.y, settings) || picture_.create(size.x, size.y);
            map_picture_ok_ = picture_ok_ && map_picture_.create(size.x, size.y);
            picture_size_ = size;
        }
        if (!picture_ok_) {
            // No off-screen surface (an old driver): draw straight to the target every time.
            detail::Frame frame(target, scene, font_, hatch_, *caches_);
            detail::draw_picture(frame, false);
            detail::draw_hover(frame);
            return;
        }
        detail::Frame frame(picture_, scene, font_, hatch_, *caches_);
        detail::draw_picture(frame, true, [this] {
            if (!map_picture_ok_) return;
            picture_.display();
            detail::copy_layer(picture_, map_picture_);
            map_picture_.display();
            (void)picture_.setActive(true);  // see SpriteAtlas::draw
        });
        picture_.display();
        (void)target.setActive(true);
        picture_revision_ = scene.revision();
        picture_still_revision_ = scene.still_revision();
        picture_view_ = frame.view;
    }
    detail::Frame frame(target, scene, font_, hatch_, *caches_);
    detail::copy_layer(picture_, frame.target);
    detail::draw_hover(frame);
}

bool Renderer::draw_moved(sf::RenderTarget& target, const Scene& scene) {
    const sf::Vector2u size = target.getSize();
    if (!map_picture_ok_ || !picture_view_ || picture_size_ != size || size != scene.viewport() ||
        picture_still_revision_ != scene.still_revision() || scene.selected())
        return false;
    detail::Frame frame(target, scene, font_, hatch_, *caches_);
    detail::copy_layer(picture_, frame.target);  // the panels, still current

    // Everything drawn in the map frame alone: a view onto the frame's pixels, shown in the frame.
    const sf::FloatRect& map = frame.layout.map;
    const auto width = static_cast<float>(size.x);
    const auto height = static_cast<float>(size.y);
    sf::View clipped(map);
    clipped.setViewport({map.left / width, map.top / height, map.width / width, map.height / height});
    target.setView(clipped);
    sf::RectangleShape background({map.width, map.height});
    background.setPosition(map.left, map.top);
    background.setFillColor(scene.land_outlines().empty() ? detail::palette::land : detail::palette::sea);
    target.draw(background, sf::RenderStates(sf::BlendNone));

    // The picture's centre is at the middle of the frame; the view now shows it at `now`, with
    // everything around it scaled by the change of zoom.
    const MapView& before = *picture_view_;
    const auto scale = static_cast<float>(frame.view.pixels_per_km() / before.pixels_per_km());
    const sf::Vector2f now = frame.view.to_screen(before.centre());
    const sf::IntRect source(static_cast<int>(std::floor(map.left)), static_cast<int>(std::floor(map.top)),
                             static_cast<int>(std::ceil(map.width)), static_cast<int>(std::ceil(map.height)));
    sf::Sprite moved(map_picture_.getTexture(), source);
    moved.setOrigin(map.left + map.width / 2.0F - static_cast<float>(source.left),
                    map.top + map.height / 2.0F - static_cast<float>(source.top));
    moved.setPosition(now);
    moved.setScale(scale, scale);
    map_picture_.setSmooth(scale != 1.0F);
    target.draw(moved, sf::RenderStates(sf::BlendNone));

    target.setView(detail::pixel_view(size));
    detail::draw_scale_bar(frame);
    return true;
}

}  // namespace frontline::render
