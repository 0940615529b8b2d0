#include "render/detail/sprite_atlas.hpp"

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/View.hpp>

namespace frontline::render::detail {

namespace {

/// Transparent pixels around each sprite, so that smoothing never reads a neighbour.
constexpr float cell_padding = 2.0F;
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

std::optional<sf::FloatRect> SpriteAtlas::cell_for(const SpriteKey& key, float half_extent, const Painter& paint) {
    if (const auto found = cells_.find(key); found != cells_.end()) return found->second;
    const float size = 2.0F * std::ceil(half_extent) + 2.0F * cell_padding;
    if (shelf_left_ + size > static_cast<float>(side)) {
        shelf_top_ += shelf_height_;
        shelf_left_ = 0.0F;
        shelf_height_ = 0.0F;
    }
    if (shelf_top_ + size > static_cast<float>(side) || size > static_cast<float>(side)) return std::nullopt;
    const sf::FloatRect cell(shelf_left_, shelf_top_, size, size);
    shelf_left_ += size;
    shelf_height_ = std::max(shelf_height_, size);

    ShapeBatch batch;
    paint(batch, {cell.left + size / 2.0F, cell.top + size / 2.0F});
    texture_.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(side), static_cast<float>(side))));
    batch.draw(texture_);
    painted_since_display_ = true;
    // The quads sample the inside of the cell: half a padding in from its edge.
    const sf::FloatRect inner(cell.left + cell_padding / 2.0F, cell.top + cell_padding / 2.0F, size - cell_padding,
                              size - cell_padding);
    return cells_.emplace(key, inner).first->second;
}

bool SpriteAtlas::add(sf::VertexArray& quads, const SpriteKey& key, float half_extent, const Painter& paint,
                      sf::Vector2f centre, float strength, float scale) {
    if (!ready()) return false;
    const auto found = cell_for(key, half_extent, paint);
    if (!found) return false;
    sf::FloatRect cell = *found;
    if (scale == 1.0F) {
        centre = {std::round(centre.x), std::round(centre.y)};
        // Sampled texel for pixel, the quad needs no margin for interpolation to read: it covers
        // what was painted and no more (a fifth fewer pixels to fill for a small glyph).
        constexpr float margin = cell_padding / 2.0F;
        cell = {cell.left + margin, cell.top + margin, cell.width - 2.0F * margin, cell.height - 2.0F * margin};
    }
    // The quad reaches as far from the centre as the cell does, so the sprite keeps its size.
    const float half = scale * cell.width / 2.0F;
    const auto level = static_cast<sf::Uint8>(std::lround(255.0F * std::clamp(strength, 0.0F, 1.0F)));
    const sf::Color tint(level, level, level, level);  // premultiplied: colour and alpha alike
    const sf::Vector2f corners[4] = {centre + sf::Vector2f(-half, -half), centre + sf::Vector2f(half, -half),
                                     centre + sf::Vector2f(half, half), centre + sf::Vector2f(-half, half)};
    const sf::Vector2f uv[4] = {{cell.left, cell.top},
                                {cell.left + cell.width, cell.top},
                                {cell.left + cell.width, cell.top + cell.height},
                                {cell.left, cell.top + cell.height}};
    for (const int corner : {0, 1, 2, 0, 2, 3}) quads.append(sf::Vertex(corners[corner], tint, uv[corner]));
    return true;
}

void SpriteAtlas::draw(sf::RenderTarget& target, const sf::VertexArray& quads, Sampling sampling) {
    if (quads.getVertexCount() == 0 || !usable_) return;
    if (painted_since_display_) {
        texture_.display();
        painted_since_display_ = false;
        // SFML 2.5's display() leaves the atlas' framebuffer bound without telling the target,
        // which would then draw into the atlas: bind the target again.
        (void)target.setActive(true);
    }
    texture_.setSmooth(sampling == Sampling::smooth);
    sf::RenderStates states(premultiplied_alpha());
    states.texture = &texture_.getTexture();
    target.draw(quads, states);
}

}  // namespace frontline::render::detail
