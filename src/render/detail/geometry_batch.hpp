#pragma once

#include <array>
#include <cstddef>
#include <span>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace frontline::render::detail {

/// Length of the dashes and gaps of a dashed stroke, in pixels.
struct DashPattern {
    float dash = 4.0F;
    float gap = 3.0F;
};

/// Triangles collected from many shapes and sent to the GPU in one draw call. SFML draws lines
/// one pixel wide only, so every stroke here is built from triangles too.
class ShapeBatch {
public:
    void triangle(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color colour);
    void rectangle(const sf::FloatRect& rect, sf::Color colour);
    /// A rectangle with corners rounded by `radius`.
    void rounded_rectangle(const sf::FloatRect& rect, float radius, sf::Color colour);
    /// A segment `width` wide with square ends reaching `width / 2` beyond a and b, so that the
    /// segments of a thin polyline overlap at the joints instead of leaving notches.
    void segment(sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour);
    void polyline(std::span<const sf::Vector2f> points, bool closed, float width, sf::Color colour);
    /// A dashed polyline; the pattern runs on across vertices, so corners do not restart it.
    void dashed_polyline(std::span<const sf::Vector2f> points, bool closed, float width, DashPattern pattern,
                         sf::Color colour);
    void disc(sf::Vector2f centre, float radius, sf::Color colour);
    /// A circle's outline, `width` wide, centred on `radius`.
    void circle_outline(sf::Vector2f centre, float radius, float width, sf::Color colour);
    /// A fan from `centre` over a closed outline: fills any outline that is star-shaped around
    /// `centre` (regular polygons, stars, crosses).
    void fan(sf::Vector2f centre, std::span<const sf::Vector2f> outline, sf::Color colour);

    /// A polygon filled by precomputed triangles (index triples into `points`).
    void filled(std::span<const sf::Vector2f> points, std::span<const std::array<std::size_t, 3>> triangles,
                sf::Color colour);

    void draw(sf::RenderTarget& target) const;

    [[nodiscard]] bool empty() const noexcept { return vertices_.getVertexCount() == 0; }
    /// The triangles collected so far.
    [[nodiscard]] const sf::VertexArray& vertices() const noexcept { return vertices_; }

private:
    sf::VertexArray vertices_{sf::Triangles};
};

}  // namespace frontline::render::detail
