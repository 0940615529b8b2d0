#include "render/detail/sprite_atlas.hpp"

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/View.hpp>

#include "render/detail/palette.hpp"

namespace frontline::render::detail {

namespace {

/// Transparent pixels around each sprite, so that a quad never reads a neighbour.
constexpr float cell_padding = 2.0F;
/// How far a sprite's quad stands off what was painted: multisampling tints a texel that geometry
/// only touches, and a texel whose centre is outside the quad is never drawn.
constexpr float quad_margin = 1.0F;

/// The box around `vertices` (painted around the origin), margin included, out to whole texels.
sf::FloatRect painted_box(const sf::VertexArray& vertices) {
    float left = 0.0F;
    float top = 0.0F;
    float right = 0.0F;
    float bottom = 0.0F;
    for (std::size_t i = 0; i < vertices.getVertexCount(); ++i) {
        const sf::Vector2f p = vertices[i].position;
        left = std::min(left, p.x);
        top = std::min(top, p.y);
        right = std::max(right, p.x);
        bottom = std::max(bottom, p.y);
    }
    left = std::floor(left - quad_margin);
    top = std::floor(top - quad_margin);
    right = std::ceil(right + quad_margin);
    bottom = std::ceil(bottom + quad_margin);
    return {left, top, right - left, bottom - top};
}

/// Multisampling for the sprites' edges, as in the window.
constexpr unsigned antialiasing_level = 4;

}  // namespace

bool SpriteAtlas::ready() {
    if (!created_) {
        created_ = true;
        sf::ContextSettings settings;
        settings.antialiasingLevel = antialiasing_level;
        usable_ = texture_.create(side, side, settings) || texture_.create(side, side);
        if (usable_) {
            texture_.clear(sf::Color::Transparent);
            texture_.display();
        }
    }
    return usable_;
}

std::optional<SpriteAtlas::Cell> SpriteAtlas::cell_for(const SpriteKey& key, const Painter& paint) {
    if (const auto found = cells_.find(key); found != cells_.end()) return found->second;
    // Painted once around the origin to learn how far it reaches, then again in its cell.
    ShapeBatch measured;
    paint(measured, {0.0F, 0.0F});
    const sf::FloatRect box = painted_box(measured.vertices());
    const float half_extent = std::max({-box.left, -box.top, box.left + box.width, box.top + box.height});
    const float size = 2.0F * half_extent + 2.0F * cell_padding;
    if (shelf_left_ + size > static_cast<float>(side)) {
        shelf_top_ += shelf_height_;
        shelf_left_ = 0.0F;
        shelf_height_ = 0.0F;
    }
    if (shelf_top_ + size > static_cast<float>(side) || size > static_cast<float>(side)) return std::nullopt;
    // The size is even, so the centre falls on a texel corner, as a rounded centre on the target
    // falls on a pixel corner.
    const sf::Vector2f centre(shelf_left_ + size / 2.0F, shelf_top_ + size / 2.0F);
    shelf_left_ += size;
    shelf_height_ = std::max(shelf_height_, size);

    ShapeBatch batch;
    paint(batch, centre);
    texture_.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(side), static_cast<float>(side))));
    batch.draw(texture_);
    painted_since_display_ = true;
    painted_since_image_ = true;
    return cells_.emplace(key, Cell{centre, box}).first->second;
}

bool SpriteAtlas::add_quad(SpriteQuads& quads, const SpriteKey& key, const Painter& paint, sf::Vector2f centre,
                           float strength) {
    if (!ready()) return false;
    const auto found = cell_for(key, paint);
    if (!found) return false;
    centre = {std::round(centre.x), std::round(centre.y)};
    const sf::Uint8 level = strength_level(strength);
    const sf::Color tint(level, level, level, level);  // premultiplied: colour and alpha alike
    const sf::FloatRect& box = found->box;
    const sf::Vector2f corners[4] = {{box.left, box.top},
                                     {box.left + box.width, box.top},
                                     {box.left + box.width, box.top + box.height},
                                     {box.left, box.top + box.height}};
    for (const int corner : {0, 1, 2, 0, 2, 3}) {
        const sf::Vector2f offset = corners[corner];
        quads.emplace_back(centre + offset, tint, found->centre + offset);
    }
    return true;
}

void SpriteAtlas::display_painted(sf::RenderTarget& target) {
    if (!painted_since_display_) return;
    texture_.display();
    painted_since_display_ = false;
    // SFML 2.5's display() leaves the atlas' framebuffer bound without telling the target, which
    // would then draw into the atlas: bind the target again.
    (void)target.setActive(true);
}

const sf::Image& SpriteAtlas::image(sf::RenderTarget& target) {
    if (usable_ && painted_since_image_) {
        display_painted(target);
        image_ = texture_.getTexture().copyToImage();
        painted_since_image_ = false;
        (void)target.setActive(true);
    }
    return image_;
}

void SpriteAtlas::draw(sf::RenderTarget& target, const SpriteQuads& quads) {
    if (quads.empty() || !usable_) return;
    display_painted(target);
    sf::RenderStates states(premultiplied_alpha());
    states.texture = &texture_.getTexture();
    target.draw(quads.data(), quads.size(), sf::Triangles, states);
}

}  // namespace frontline::render::detail
