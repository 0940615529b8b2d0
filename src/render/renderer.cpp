#include "render/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/View.hpp>

#include "render/detail/frame.hpp"
#include "render/detail/geometry_batch.hpp"
#include "render/detail/glyph_shapes.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/text.hpp"

namespace frontline::render {

namespace {

/// Multisampling for smooth glyph edges in the kept picture, as in the window and the PNG.
constexpr unsigned antialiasing_level = 0;

}  // namespace

namespace detail {

namespace {

/// A region-wide event (geo_precision 3) is a disc about this wide on the ground.
constexpr double region_disc_radius_km = 25.0;
/// Radius at which a region's disc is painted into the sprite atlas; scaled to its size on screen.
constexpr float area_sprite_radius = 32.0F;
constexpr float label_gap_px = 5.0F;

sf::Vector2f to_screen(const Frame& frame, const PlanePoint& p) { return frame.view.to_screen(p); }

std::vector<sf::Vector2f> to_screen(const Frame& frame, const std::vector<PlanePoint>& points) {
    std::vector<sf::Vector2f> screen;
    screen.reserve(points.size());
    for (const PlanePoint& p : points) screen.push_back(frame.view.to_screen(p));
    return screen;
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

bool inside(const sf::FloatRect& outer, const sf::FloatRect& inner) {
    return inner.left >= outer.left && inner.top >= outer.top && inner.left + inner.width <= outer.left + outer.width &&
           inner.top + inner.height <= outer.top + outer.height;
}

}  // namespace

float recency(const Scene& scene, std::size_t index) {
    const auto age = static_cast<float>(scene.age_days(index));
    if (scene.window() == TimeWindow::sliding)
        return 1.0F - 0.5F * std::min(1.0F, age / static_cast<float>(scene.window_days()));
    constexpr float fade_days = 30.0F;
    return 1.0F - 0.45F * std::min(1.0F, age / fade_days);
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

void draw_control(Frame& frame) {
    const ControlSnapshot* snapshot = frame.scene.control();
    if (snapshot == nullptr) return;
    // The fills were triangulated on the plane once; the view is an affine map, so they go to
    // the screen by a transform instead of being rebuilt every frame.
    const sf::FloatRect& map = frame.layout.map;
    const auto ppk = static_cast<float>(frame.view.pixels_per_km());
    sf::Transform plane_to_screen;
    plane_to_screen.translate(map.left + map.width / 2.0F, map.top + map.height / 2.0F);
    plane_to_screen.scale(ppk, -ppk);
    plane_to_screen.translate(static_cast<float>(-frame.view.centre().x), static_cast<float>(-frame.view.centre().y));
    for (const ControlFill& fill : snapshot->fills) {
        sf::RenderStates states(plane_to_screen);
        if (!fill.hatched) {
            frame.target.draw(fill.triangles, states);
        } else if (frame.hatch != nullptr) {
            states.shader = frame.hatch;
            frame.target.draw(fill.triangles, states);
        } else {
            // Without shaders, a lighter fill of the same colour still tells claimed ground apart.
            sf::VertexArray light = fill.triangles;
            for (std::size_t i = 0; i < light.getVertexCount(); ++i) light[i].color.a /= 2;
            frame.target.draw(light, states);
        }
    }
    FrameCaches& caches = frame.caches;
    const auto snapshot_index = static_cast<std::size_t>(snapshot - frame.scene.control_snapshots().data());
    if (caches.fronts_control_revision != frame.scene.control_revision() || caches.fronts_snapshot != snapshot_index ||
        caches.fronts_pixels_per_km != frame.view.pixels_per_km() || caches.fronts_frame != frame.layout.map) {
        ShapeBatch fronts;
        for (const auto& line : snapshot->front_lines) {
            const auto screen = to_screen(frame, line);
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

/// Draws region discs through the quarter-resolution area layer, or straight onto the target
/// when no such layer can be made.
void draw_areas(Frame& frame, const ShapeBatch& areas, const sf::VertexArray& area_sprites) {
    if (areas.empty() && area_sprites.getVertexCount() == 0) return;
    FrameCaches& caches = frame.caches;
    const sf::Vector2u size = frame.target.getSize();
    const sf::Vector2u reduced{(size.x + 3) / 4, (size.y + 3) / 4};
    if (caches.areas_size != reduced) {
        caches.areas_ok = caches.areas.create(reduced.x, reduced.y);
        caches.areas.setSmooth(true);
        caches.areas_size = reduced;
    }
    if (!caches.areas_ok) {
        areas.draw(frame.target);
        caches.sprites.draw(frame.target, area_sprites);
        return;
    }
    // The layer's view spans the whole target, so the discs are given in target pixels.
    caches.areas.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y))));
    caches.areas.clear(sf::Color::Transparent);
    areas.draw(caches.areas);
    caches.sprites.draw(caches.areas, area_sprites);
    caches.areas.display();
    (void)frame.target.setActive(true);  // see SpriteAtlas::draw
    sf::Sprite layer(caches.areas.getTexture());
    layer.setScale(static_cast<float>(size.x) / static_cast<float>(reduced.x),
                   static_cast<float>(size.y) / static_cast<float>(reduced.y));
    frame.target.draw(layer, sf::RenderStates(premultiplied_alpha()));
}

void draw_events(Frame& frame) {
    const Scene& scene = frame.scene;
    const auto& events = scene.events();
    const auto& figures = scene.figures();
    const float max_disc_px = 0.3F * std::min(frame.layout.map.width, frame.layout.map.height);
    SpriteAtlas& sprites = frame.caches.sprites;

    ShapeBatch areas;     // region discs the atlas had no room for: below everything else of the events
    sf::VertexArray area_sprites(sf::Triangles);
    ShapeBatch underlay;  // strokes, spokes, and any halo or glyph the atlas had no room for
    ShapeBatch glyphs;    // glyphs the atlas had no room for
    sf::VertexArray under_sprites(sf::Triangles);  // halos and spoke dots
    sf::VertexArray glyph_sprites(sf::Triangles);
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!figures[i].on_map || !scene.is_visible(i)) continue;
        const EventFigure& figure = figures[i];
        const float strength = recency(scene, i);
        for (const auto& line : figure.lines) {
            const auto screen = to_screen(frame, line);
            const bool closed = line.size() > 2 && line.front() == line.back();
            underlay.polyline(screen, closed, 5.5F, faded(sf::Color(255, 255, 255, 170), strength));
            if (dashed(events[i].certainty))
                underlay.dashed_polyline(screen, closed, 3.0F, {7.0F, 4.0F}, faded(figure.colour, strength));
            else
                underlay.polyline(screen, closed, 3.0F, faded(figure.colour, 0.85F * strength));
        }
        // A line already shows how far a border event reaches; the disc is for areas without one.
        if (events[i].location->geo_precision >= 3 && figure.lines.empty()) {
            const auto ground = static_cast<float>(region_disc_radius_km * frame.view.pixels_per_km());
            const float radius =
                std::min(std::max(ground, 3.2F * figure.radius), std::max(max_disc_px, 3.2F * figure.radius));
            const auto paint_area = [&figure](ShapeBatch& batch, sf::Vector2f centre) {
                batch.disc(centre, area_sprite_radius, sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 30));
                batch.circle_outline(centre, area_sprite_radius, 1.0F,
                                     sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 90));
            };
            for (const PlanePoint& mark : figure.marks) {
                const sf::Vector2f centre = to_screen(frame, mark);
                if (sprites.add(area_sprites, {SpriteKey::Kind::area, {}, {}, area_sprite_radius, figure.colour.toInteger()},
                                area_sprite_radius + 1.0F, paint_area, centre, strength, radius / area_sprite_radius))
                    continue;
                areas.disc(centre, radius,
                           faded(sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 30), strength));
                areas.circle_outline(centre, radius, 1.0F,
                                     faded(sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 90), strength));
            }
        }
    }
    for (const PlacedGlyph& glyph : frame.glyphs()) {
        const Event& event = events[glyph.event];
        const EventFigure& figure = figures[glyph.event];
        const float strength = recency(scene, glyph.event);
        if (glyph.position != glyph.anchor) {
            underlay.segment(glyph.anchor, glyph.position, 1.0F, sf::Color(80, 80, 80, 120));
            constexpr float anchor_radius = 2.6F;
            const sf::Color anchor_colour(70, 70, 70);
            const auto paint_anchor = [&](ShapeBatch& batch, sf::Vector2f centre) {
                batch.disc(centre, anchor_radius, anchor_colour);
            };
            if (!sprites.add(under_sprites, {SpriteKey::Kind::anchor, {}, {}, anchor_radius, anchor_colour.toInteger()},
                             anchor_radius + 1.0F, paint_anchor, glyph.anchor, 1.0F))
                paint_anchor(underlay, glyph.anchor);
        }
        if (event.location->geo_precision == 2) {
            const float halo_radius = 1.9F * glyph.radius;
            const auto paint_halo = [&](ShapeBatch& batch, sf::Vector2f centre) {
                batch.disc(centre, halo_radius, sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 55));
                batch.circle_outline(centre, halo_radius, 1.2F,
                                     sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 140));
            };
            if (!sprites.add(under_sprites, {SpriteKey::Kind::halo, {}, {}, halo_radius, figure.colour.toInteger()},
                             halo_radius + 1.0F, paint_halo, glyph.position, strength)) {
                const sf::Color tint(figure.colour.r, figure.colour.g, figure.colour.b, 55);
                underlay.disc(glyph.position, halo_radius, faded(tint, strength));
                underlay.circle_outline(
                    glyph.position, halo_radius, 1.2F,
                    faded(sf::Color(figure.colour.r, figure.colour.g, figure.colour.b, 140), strength));
            }
        }
        const auto paint_glyph = [&](ShapeBatch& batch, sf::Vector2f centre) {
            draw_glyph(batch, figure.glyph, centre, glyph.radius, figure.colour, event.certainty, 1.0F);
        };
        // The outline reaches 1.25 radii at a star's points, the casing 1.6 px beyond.
        if (!sprites.add(glyph_sprites,
                         {SpriteKey::Kind::glyph, figure.glyph, event.certainty, glyph.radius, figure.colour.toInteger()},
                         1.3F * glyph.radius + 2.5F, paint_glyph, glyph.position, strength))
            draw_glyph(glyphs, figure.glyph, glyph.position, glyph.radius, figure.colour, event.certainty, strength);
    }
    draw_areas(frame, areas, area_sprites);
    underlay.draw(frame.target);
    sprites.draw(frame.target, under_sprites);
    sprites.draw(frame.target, glyph_sprites);
    glyphs.draw(frame.target);
}

void draw_labels(Frame& frame) {
    const Scene& scene = frame.scene;
    std::vector<const MapLabel*> labels;
    for (const MapLabel& label : scene.base().labels) labels.push_back(&label);
    std::stable_sort(labels.begin(), labels.end(),
                     [](const MapLabel* a, const MapLabel* b) { return a->importance > b->importance; });

    std::vector<sf::FloatRect> taken;        // labels and their dots placed so far: never overlapped
    std::vector<sf::FloatRect> glyph_boxes;  // event glyphs: avoided while another spot is free
    for (const PlacedGlyph& glyph : frame.glyphs())
        glyph_boxes.emplace_back(glyph.position.x - glyph.radius, glyph.position.y - glyph.radius, 2.0F * glyph.radius,
                                 2.0F * glyph.radius);
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
                   !(avoid_glyphs && overlaps(box, glyph_boxes));
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
    target_.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y))));
}

namespace {

/// Everything but the hover: the part of a frame that only changes with the scene's revision.
void draw_picture(Frame& frame) {
    draw_base_layer(frame);
    draw_control(frame);
    draw_events(frame);
    draw_labels(frame);
    draw_scale_bar(frame);
    draw_title_bar(frame);
    draw_legend(frame);
    draw_timeline(frame);
    draw_selection(frame);
}

}  // namespace

}  // namespace detail

void draw(sf::RenderTarget& target, const Scene& scene, const sf::Font& font, const sf::Shader* hatch) {
    detail::FrameCaches caches;
    detail::Frame frame(target, scene, font, hatch, caches);
    detail::draw_picture(frame);
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
            picture_size_ = size;
        }
        if (!picture_ok_) {
            // No off-screen surface (an old driver): draw straight to the target every time.
            detail::Frame frame(target, scene, font_, hatch_, *caches_);
            detail::draw_picture(frame);
            detail::draw_hover(frame);
            return;
        }
        detail::Frame frame(picture_, scene, font_, hatch_, *caches_);
        detail::draw_picture(frame);
        picture_.display();
        (void)target.setActive(true);  // see SpriteAtlas::draw
        picture_revision_ = scene.revision();
    }
    detail::Frame frame(target, scene, font_, hatch_, *caches_);
    // The picture covers the whole target: copying it skips blending 1.4 million pixels.
    frame.target.draw(sf::Sprite(picture_.getTexture()), sf::RenderStates(sf::BlendNone));
    detail::draw_hover(frame);
}

}  // namespace frontline::render
