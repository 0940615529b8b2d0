#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include "render/projection.hpp"

namespace frontline::render {

/// An axis-aligned box on the projected plane.
struct PlaneBox {
    PlanePoint min;
    PlanePoint max;

    /// Extent east-west in kilometres.
    [[nodiscard]] double width() const noexcept { return max.x - min.x; }
    /// Extent north-south in kilometres.
    [[nodiscard]] double height() const noexcept { return max.y - min.y; }
    /// The middle of the box.
    [[nodiscard]] PlanePoint centre() const noexcept { return {(min.x + max.x) / 2.0, (min.y + max.y) / 2.0}; }
    /// This box grown to hold `p`.
    [[nodiscard]] PlaneBox including(const PlanePoint& p) const noexcept;
};

/// What part of the plane shows in which screen rectangle: the plane point at the frame's
/// centre and the zoom in pixels per kilometre. Screen y grows downwards, plane y northwards.
class MapView {
public:
    /// Smallest and largest zoom: the whole Earth in a few pixels, a street block filling the frame.
    static constexpr double min_pixels_per_km = 1e-3;
    static constexpr double max_pixels_per_km = 2000.0;

    /// A view of `frame` centred on `centre`; `pixels_per_km` is clamped to the limits above.
    MapView(sf::FloatRect frame, PlanePoint centre, double pixels_per_km) noexcept;

    /// The screen rectangle the map fills.
    [[nodiscard]] const sf::FloatRect& frame() const noexcept { return frame_; }
    /// The plane point shown at the middle of the frame.
    [[nodiscard]] const PlanePoint& centre() const noexcept { return centre_; }
    /// The zoom.
    [[nodiscard]] double pixels_per_km() const noexcept { return pixels_per_km_; }

    /// Where plane point `p` shows on screen.
    [[nodiscard]] sf::Vector2f to_screen(const PlanePoint& p) const noexcept;
    /// The plane point under screen point `screen`; the exact inverse of `to_screen`.
    [[nodiscard]] PlanePoint to_plane(sf::Vector2f screen) const noexcept;

    /// Moves the map content by (dx, dy) pixels, as a drag of the mouse by that much does.
    void pan(float dx, float dy) noexcept;
    /// Multiplies the zoom by `factor` keeping the plane point under `screen` where it is.
    /// A factor that would leave the zoom limits is cut to the limit.
    void zoom_at(sf::Vector2f screen, double factor) noexcept;
    /// Centres `box` in the frame with `padding_px` to spare on each side, treating each side of
    /// the box as at least `min_extent_km` long so that a single point is not zoomed to the limit.
    void fit(const PlaneBox& box, float padding_px, double min_extent_km) noexcept;
    /// The same view moved to another frame, zoomed so that what filled the old frame fills the
    /// new one (the smaller of the two ratios wins, so nothing that showed is cut off).
    [[nodiscard]] MapView reframed(sf::FloatRect new_frame) const noexcept;

    friend bool operator==(const MapView&, const MapView&) = default;

private:
    sf::FloatRect frame_;
    PlanePoint centre_;
    double pixels_per_km_;
};

}  // namespace frontline::render
