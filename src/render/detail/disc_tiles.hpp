#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include <SFML/Graphics/Color.hpp>
#include <SFML/System/Vector2.hpp>

#include "render/detail/canvas.hpp"

namespace frontline::render::detail {

/// Discs with a rim (`Canvas::disc`), each painted once at full strength for its radius, rim,
/// colours and where its centre falls within a pixel (to an eighth), and blended from that tile,
/// tinted by its strength, wherever such a disc goes. A story of thousands of region events
/// draws thousands of region discs in a few colours and one radius.
class DiscTiles {
public:
    /// Where a disc's tile goes: its origin, the pixel the disc is centred in.
    struct Placed {
        const PaintedTile* tile = nullptr;
        sf::Vector2i at;
    };

    /// Tiles are made while they take no more than this many bytes; `trim` then starts again.
    static constexpr std::size_t budget_bytes = 16UL * 1024UL * 1024UL;

    /// The tile of the disc centred on `centre` (canvas pixels), made now and painted by
    /// `paint_pending`; nothing past the budget or for a disc too far off any canvas, which the
    /// caller draws with `Canvas::disc`. A tile stays where it is until `trim`.
    std::optional<Placed> tile(sf::Vector2f centre, float radius, float rim_width, sf::Color fill, sf::Color rim);

    /// Paints the tiles made since it last ran, on the canvas' threads; before any is drawn.
    void paint_pending();
    [[nodiscard]] bool has_pending() const noexcept { return !pending_.empty(); }

    /// Forgets every tile once one was refused for the budget: only while no drawing holds one.
    void trim();

private:
    struct Key {
        float radius = 0.0F;
        float rim_width = 0.0F;
        std::uint32_t fill = 0;
        std::uint32_t rim = 0;
        std::uint8_t eighth_x = 0;
        std::uint8_t eighth_y = 0;

        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        [[nodiscard]] std::size_t operator()(const Key& key) const noexcept;
    };
    using Tiles = std::unordered_map<Key, PaintedTile, KeyHash>;  // nodes: a tile never moves

    Tiles tiles_;
    std::vector<Tiles::value_type*> pending_;
    std::size_t bytes_ = 0;
    bool full_ = false;  ///< a tile was refused since the last `trim`
};

}  // namespace frontline::render::detail
