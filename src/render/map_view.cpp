#include "render/map_view.hpp"

#include <algorithm>

namespace frontline::render {

namespace {
double clamp_zoom(double pixels_per_km) noexcept {
    return std::clamp(pixels_per_km, MapView::min_pixels_per_km, MapView::max_pixels_per_km);
}

sf::Vector2<double> frame_centre(const sf::FloatRect& frame) noexcept {
    return {static_cast<double>(frame.left) + static_cast<double>(frame.width) / 2.0,
            static_cast<double>(frame.top) + static_cast<double>(frame.height) / 2.0};
}
}  // namespace

PlaneBox PlaneBox::including(const PlanePoint& p) const noexcept {
    return {{std::min(min.x, p.x), std::min(min.y, p.y)}, {std::max(max.x, p.x), std::max(max.y, p.y)}};
}

MapView::MapView(sf::FloatRect frame, PlanePoint centre, double pixels_per_km) noexcept
    : frame_(frame), centre_(centre), pixels_per_km_(clamp_zoom(pixels_per_km)) {}

sf::Vector2f MapView::to_screen(const PlanePoint& p) const noexcept {
    const auto middle = frame_centre(frame_);
    return {static_cast<float>(middle.x + (p.x - centre_.x) * pixels_per_km_),
            static_cast<float>(middle.y - (p.y - centre_.y) * pixels_per_km_)};
}

PlanePoint MapView::to_plane(sf::Vector2f screen) const noexcept {
    const auto middle = frame_centre(frame_);
    return {centre_.x + (static_cast<double>(screen.x) - middle.x) / pixels_per_km_,
            centre_.y - (static_cast<double>(screen.y) - middle.y) / pixels_per_km_};
}

void MapView::pan(float dx, float dy) noexcept {
    centre_.x -= static_cast<double>(dx) / pixels_per_km_;
    centre_.y += static_cast<double>(dy) / pixels_per_km_;
}

void MapView::zoom_at(sf::Vector2f screen, double factor) noexcept {
    const PlanePoint anchor = to_plane(screen);
    pixels_per_km_ = clamp_zoom(pixels_per_km_ * factor);
    const auto middle = frame_centre(frame_);
    centre_.x = anchor.x - (static_cast<double>(screen.x) - middle.x) / pixels_per_km_;
    centre_.y = anchor.y + (static_cast<double>(screen.y) - middle.y) / pixels_per_km_;
}

void MapView::fit(const PlaneBox& box, float padding_px, double min_extent_km) noexcept {
    const double usable_w = std::max(1.0, static_cast<double>(frame_.width - 2.0F * padding_px));
    const double usable_h = std::max(1.0, static_cast<double>(frame_.height - 2.0F * padding_px));
    const double extent_w = std::max(box.width(), min_extent_km);
    const double extent_h = std::max(box.height(), min_extent_km);
    centre_ = box.centre();
    pixels_per_km_ = clamp_zoom(std::min(usable_w / extent_w, usable_h / extent_h));
}

MapView MapView::reframed(sf::FloatRect new_frame) const noexcept {
    if (frame_.width <= 0.0F || frame_.height <= 0.0F) return {new_frame, centre_, pixels_per_km_};
    const double ratio = std::min(static_cast<double>(new_frame.width / frame_.width),
                                  static_cast<double>(new_frame.height / frame_.height));
    return {new_frame, centre_, ratio > 0.0 ? pixels_per_km_ * ratio : pixels_per_km_};
}

}  // namespace frontline::render
