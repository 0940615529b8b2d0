#include "render/detail/canvas.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <system_error>
#include <thread>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FRONTLINE_CANVAS_AVX2 1
#endif

namespace frontline::render::detail {

namespace {

/// `value / 255` rounded, for `value` up to 255 * 255 * 2.
constexpr unsigned divide_by_255(unsigned value) noexcept { return (value + 128U + ((value + 128U) >> 8U)) >> 8U; }

/// `source` (premultiplied) over `target` (premultiplied), both 4 bytes.
inline void blend_over(std::uint8_t* target, const std::uint8_t* source) noexcept {
    const unsigned keep = 255U - source[3];
    for (int c = 0; c < 4; ++c)
        target[c] = static_cast<std::uint8_t>(std::min(255U, source[c] + divide_by_255(target[c] * keep)));
}

#if defined(__SSE2__)
// Four pixels at a time, two to a register in 16-bit lanes.

/// `divide_by_255` of each lane: (v + 128) * 257 >> 16.
inline __m128i divide_lanes_by_255(__m128i products) noexcept {
    return _mm_mulhi_epu16(_mm_add_epi16(products, _mm_set1_epi16(128)), _mm_set1_epi16(257));
}

/// `source` over `destination`, two premultiplied pixels in 16-bit lanes each.
inline __m128i over_lanes(__m128i destination, __m128i source) noexcept {
    const __m128i alpha = _mm_shufflehi_epi16(_mm_shufflelo_epi16(source, 0xFF), 0xFF);
    const __m128i keep = _mm_sub_epi16(_mm_set1_epi16(255), alpha);
    return _mm_add_epi16(source, divide_lanes_by_255(_mm_mullo_epi16(destination, keep)));
}

/// Whether all four pixels (bytes) are transparent: their alpha bytes, every fourth, are zero.
inline bool transparent(__m128i pixels) noexcept {
    return (_mm_movemask_epi8(_mm_cmpeq_epi8(pixels, _mm_setzero_si128())) & 0x8888) == 0x8888;
}

/// Blends the four pixels at `target` with `source_of(low, high)`, which gives the source's two
/// halves in 16-bit lanes.
template <typename Source>
inline void blend_four(std::uint8_t* target, Source&& source_of) noexcept {
    auto* at = reinterpret_cast<__m128i*>(target);
    const __m128i zero = _mm_setzero_si128();
    const __m128i destination = _mm_loadu_si128(at);
    const auto [low, high] = source_of();
    _mm_storeu_si128(at, _mm_packus_epi16(over_lanes(_mm_unpacklo_epi8(destination, zero), low),
                                          over_lanes(_mm_unpackhi_epi8(destination, zero), high)));
}
#endif

#if defined(FRONTLINE_CANVAS_AVX2)
// Eight pixels at a time where the processor has AVX2 (told at run time: the build targets any
// x86-64), with the arithmetic of `blend_four` lane for lane, so the pictures are the same. The
// last few pixels of a row are loaded and stored through a mask: a sprite's rows are 7 to 40
// pixels long, and one at a time their ends took as long as the rest. (No lambdas here: they
// would not be compiled for AVX2.)

bool has_avx2() noexcept {
    // Asked once, with the processor's features read first: a global initialiser may run before
    // the runtime has read them.
    static const bool found = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") != 0;
    }();
    return found;
}

__attribute__((target("avx2"))) inline __m256i divide_lanes_by_255(__m256i products) noexcept {
    return _mm256_mulhi_epu16(_mm256_add_epi16(products, _mm256_set1_epi16(128)), _mm256_set1_epi16(257));
}

__attribute__((target("avx2"))) inline __m256i over_lanes(__m256i destination, __m256i source) noexcept {
    const __m256i alpha = _mm256_shufflehi_epi16(_mm256_shufflelo_epi16(source, 0xFF), 0xFF);
    const __m256i keep = _mm256_sub_epi16(_mm256_set1_epi16(255), alpha);
    return _mm256_add_epi16(source, divide_lanes_by_255(_mm256_mullo_epi16(destination, keep)));
}

__attribute__((target("avx2"))) inline bool transparent(__m256i pixels) noexcept {
    const auto zero_bytes = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(pixels, _mm256_setzero_si256())));
    return (zero_bytes & 0x88888888U) == 0x88888888U;
}

/// The pixels (32-bit lanes) of eight from the first that are among the `count` (< 8) left.
__attribute__((target("avx2"))) inline __m256i first_lanes(std::size_t count) noexcept {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(count)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/// Eight pixels from `pixels`, or the first `count` of them (the rest transparent) when fewer
/// are left. A masked load or store is several times slower than a plain one on some
/// processors, so only a row's last few pixels go through one.
__attribute__((target("avx2"))) inline __m256i load_eight(const std::uint8_t* pixels, std::size_t count) noexcept {
    if (count >= 8) return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(pixels));
    return _mm256_maskload_epi32(reinterpret_cast<const int*>(pixels), first_lanes(count));
}

__attribute__((target("avx2"))) inline void store_eight(std::uint8_t* pixels, std::size_t count, __m256i value) noexcept {
    if (count >= 8) _mm256_storeu_si256(reinterpret_cast<__m256i*>(pixels), value);
    else _mm256_maskstore_epi32(reinterpret_cast<int*>(pixels), first_lanes(count), value);
}

/// Blends the first `count` (up to eight) pixels at `target` with the source's halves in 16-bit
/// lanes, as `_mm256_unpacklo_epi8` and `_mm256_unpackhi_epi8` split them.
__attribute__((target("avx2"))) inline void blend_eight(std::uint8_t* target, std::size_t count, __m256i low,
                                                        __m256i high) noexcept {
    const __m256i zero = _mm256_setzero_si256();
    const __m256i destination = load_eight(target, count);
    store_eight(target, count,
                _mm256_packus_epi16(over_lanes(_mm256_unpacklo_epi8(destination, zero), low),
                                    over_lanes(_mm256_unpackhi_epi8(destination, zero), high)));
}

__attribute__((target("avx2"))) void blend_row_by_eight(std::uint8_t* target, const std::uint8_t* source,
                                                        std::size_t count) noexcept {
    const __m256i zero = _mm256_setzero_si256();
    for (std::size_t x = 0; x < count; x += 8) {
        const __m256i pixels = load_eight(source + x * 4, count - x);
        if (transparent(pixels)) continue;
        blend_eight(target + x * 4, count - x, _mm256_unpacklo_epi8(pixels, zero), _mm256_unpackhi_epi8(pixels, zero));
    }
}

__attribute__((target("avx2"))) void blend_constant_by_eight(std::uint8_t* target,
                                                             const std::array<std::uint8_t, 4>& colour,
                                                             std::size_t count) noexcept {
    const __m256i pixel = _mm256_setr_epi16(colour[0], colour[1], colour[2], colour[3], colour[0], colour[1], colour[2],
                                            colour[3], colour[0], colour[1], colour[2], colour[3], colour[0], colour[1],
                                            colour[2], colour[3]);
    for (std::size_t x = 0; x < count; x += 8) blend_eight(target + x * 4, count - x, pixel, pixel);
}

__attribute__((target("avx2"))) void blend_row_tinted_by_eight(std::uint8_t* target, const std::uint8_t* source,
                                                               std::size_t count, unsigned tint) noexcept {
    const __m256i zero = _mm256_setzero_si256();
    const __m256i factor = _mm256_set1_epi16(static_cast<short>(tint));
    for (std::size_t x = 0; x < count; x += 8) {
        const __m256i pixels = load_eight(source + x * 4, count - x);
        if (transparent(pixels)) continue;
        blend_eight(target + x * 4, count - x,
                    divide_lanes_by_255(_mm256_mullo_epi16(_mm256_unpacklo_epi8(pixels, zero), factor)),
                    divide_lanes_by_255(_mm256_mullo_epi16(_mm256_unpackhi_epi8(pixels, zero), factor)));
    }
}
#endif

/// `source` (premultiplied) over `target`, `count` pixels of each, skipping transparent ones.
void blend_row(std::uint8_t* target, const std::uint8_t* source, std::size_t count) noexcept {
    std::size_t x = 0;
#if defined(FRONTLINE_CANVAS_AVX2)
    if (has_avx2()) {
        blend_row_by_eight(target, source, count);
        return;
    }
#endif
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; x + 4 <= count; x += 4) {
        const __m128i pixels = _mm_loadu_si128(reinterpret_cast<const __m128i*>(source + x * 4));
        if (transparent(pixels)) continue;
        blend_four(target + x * 4,
                   [&] { return std::pair{_mm_unpacklo_epi8(pixels, zero), _mm_unpackhi_epi8(pixels, zero)}; });
    }
#endif
    for (; x < count; ++x)
        if (source[x * 4 + 3] != 0) blend_over(target + x * 4, source + x * 4);
}

/// `colour` (premultiplied) over `count` pixels of `target`.
void blend_constant(std::uint8_t* target, const std::array<std::uint8_t, 4>& colour, std::size_t count) noexcept {
    if (colour[3] == 0 && colour[0] == 0 && colour[1] == 0 && colour[2] == 0) return;
    std::size_t x = 0;
#if defined(FRONTLINE_CANVAS_AVX2)
    if (has_avx2()) {
        blend_constant_by_eight(target, colour, count);
        return;
    }
#endif
#if defined(__SSE2__)
    const __m128i lanes = _mm_setr_epi16(colour[0], colour[1], colour[2], colour[3], colour[0], colour[1], colour[2],
                                         colour[3]);
    for (; x + 4 <= count; x += 4) blend_four(target + x * 4, [&] { return std::pair{lanes, lanes}; });
#endif
    for (; x < count; ++x) blend_over(target + x * 4, colour.data());
}

/// `source` (premultiplied) scaled by `tint` / 255, colour and alpha alike (as OpenGL modulates
/// a premultiplied texel by a grey vertex colour), over `target`; `count` pixels of each. A tint of
/// 255 is `blend_row`.
void blend_row_tinted(std::uint8_t* target, const std::uint8_t* source, std::size_t count, unsigned tint) noexcept {
    if (tint == 255) {
        blend_row(target, source, count);
        return;
    }
    std::size_t x = 0;
#if defined(FRONTLINE_CANVAS_AVX2)
    if (has_avx2()) {
        blend_row_tinted_by_eight(target, source, count, tint);
        return;
    }
#endif
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i factor = _mm_set1_epi16(static_cast<short>(tint));
    const auto scaled = [&](__m128i lanes) { return divide_lanes_by_255(_mm_mullo_epi16(lanes, factor)); };
    for (; x + 4 <= count; x += 4) {
        const __m128i pixels = _mm_loadu_si128(reinterpret_cast<const __m128i*>(source + x * 4));
        if (transparent(pixels)) continue;
        blend_four(target + x * 4, [&] {
            return std::pair{scaled(_mm_unpacklo_epi8(pixels, zero)), scaled(_mm_unpackhi_epi8(pixels, zero))};
        });
    }
#endif
    for (; x < count; ++x) {
        if (source[x * 4 + 3] == 0) continue;
        std::array<std::uint8_t, 4> tinted{};
        for (std::size_t c = 0; c < 4; ++c)
            tinted[c] = static_cast<std::uint8_t>(divide_by_255(source[x * 4 + c] * tint));
        blend_over(target + x * 4, tinted.data());
    }
}

/// Where 4x multisampling puts its samples inside a pixel, x and y from the top-left corner: the
/// standard pattern, given from the bottom-left in OpenGL's framebuffer, turned over as a render
/// texture's picture is.
constexpr std::array<std::array<double, 2>, 4> sample_offsets{
    {{0.375, 0.875}, {0.875, 0.625}, {0.125, 0.375}, {0.625, 0.125}}};

/// One edge of a triangle as E(x, y) = a x + b y + c, positive inside; a point exactly on an
/// edge belongs to the triangle when the edge is a left or top one, as OpenGL decides. A left or
/// right edge is kept as the x where it crosses a row, x = slope y + offset.
struct Edge {
    enum class Side : std::uint8_t { left, right, level } side = Side::level;
    double slope = 0.0;
    double offset = 0.0;
    double b = 0.0;  ///< of a level edge: inside where b y + c > 0
    double c = 0.0;

    Edge(sf::Vector2f p, sf::Vector2f q, double orientation) {
        const double a = -orientation * (static_cast<double>(q.y) - p.y);
        b = orientation * (static_cast<double>(q.x) - p.x);
        c = -(a * p.x + b * p.y);
        if (a == 0.0) return;
        side = a > 0.0 ? Side::left : Side::right;
        slope = -b / a;
        offset = -c / a;
    }
};

}  // namespace

void for_each_row_share(const std::function<void(RowShare)>& draw) {
    const unsigned cores = std::thread::hardware_concurrency();
    if (cores < 2) {
        draw(RowShare{});
        return;
    }
    std::exception_ptr other_failed;
    std::thread other;
    try {
        other = std::thread([&] {
            try {
                draw(RowShare{1, 2});
            } catch (...) {
                other_failed = std::current_exception();
            }
        });
    } catch (const std::system_error&) {
        draw(RowShare{});  // no thread to be had: all rows here
        return;
    }
    std::exception_ptr here_failed;
    try {
        draw(RowShare{0, 2});
    } catch (...) {
        here_failed = std::current_exception();
    }
    other.join();
    if (here_failed) std::rethrow_exception(here_failed);
    if (other_failed) std::rethrow_exception(other_failed);
}

Canvas::Canvas(sf::Vector2u size, std::uint32_t premultiplied)
    : width_(size.x), height_(size.y), pixels_(static_cast<std::size_t>(size.x) * size.y * 4) {
    if (premultiplied == 0) return;  // the vector starts zeroed: transparent
    const std::array<std::uint8_t, 4> pixel{static_cast<std::uint8_t>(premultiplied >> 24U),
                                            static_cast<std::uint8_t>(premultiplied >> 16U),
                                            static_cast<std::uint8_t>(premultiplied >> 8U),
                                            static_cast<std::uint8_t>(premultiplied)};
    for (std::size_t i = 0; i < pixels_.size(); i += 4) std::memcpy(pixels_.data() + i, pixel.data(), 4);
}

void Canvas::assign(const sf::Image& image) {
    width_ = image.getSize().x;
    height_ = image.getSize().y;
    pixels_.resize(static_cast<std::size_t>(width_) * height_ * 4);
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    for (unsigned y = 0; y < height_; ++y) std::memcpy(row(y), image.getPixelsPtr() + y * stride, stride);
}

std::uint8_t* Canvas::rows_to_fill(sf::Vector2u size) {
    width_ = size.x;
    height_ = size.y;
    pixels_.resize(static_cast<std::size_t>(width_) * height_ * 4);
    return pixels_.data();
}

namespace {

/// The samples (of four a pixel) the triangles of one shape cover, over a box of the canvas:
/// a shape's triangles share edges, and a pixel on one gets some samples from each. Blending
/// each triangle on its own would blend those pixels twice, a seam along every inner edge;
/// blending the union once is what multisampling does.
class SampleMask {
public:
    /// Starts a mask over `box` (canvas pixels), all samples clear.
    void reset(const sf::IntRect& box) {
        box_ = box;
        bits_.assign(static_cast<std::size_t>(box.width) * static_cast<std::size_t>(box.height), 0);
        row_begin_.assign(static_cast<std::size_t>(box.height), box.left + box.width);
        row_end_.assign(static_cast<std::size_t>(box.height), box.left);
    }

    /// Marks the samples of triangle (p0, p1, p2) in the rows of `share`.
    void add(sf::Vector2f p0, sf::Vector2f p1, sf::Vector2f p2, RowShare share);

    /// Calls `blend(x, y, samples)` for each pixel with samples covered.
    template <typename Blend>
    void for_each_covered(Blend&& blend) const {
        for (int row = 0; row < box_.height; ++row) {
            const auto r = static_cast<std::size_t>(row);
            for (int x = row_begin_[r]; x < row_end_[r]; ++x)
                if (const std::uint8_t bits = bits_[at(r, x)]; bits != 0)
                    blend(x, box_.top + row, static_cast<unsigned>(std::popcount(bits)));
        }
    }

private:
    /// Where column `x` of the box's row `r` is in `bits_`.
    [[nodiscard]] std::size_t at(std::size_t r, int x) const noexcept {
        return r * static_cast<std::size_t>(box_.width) + static_cast<std::size_t>(x - box_.left);
    }

    sf::IntRect box_;
    std::vector<std::uint8_t> bits_;  ///< a bit a sample, row by row over the box
    std::vector<int> row_begin_;      ///< the columns any triangle touched, per row: [begin, end)
    std::vector<int> row_end_;
};

void SampleMask::add(sf::Vector2f p0, sf::Vector2f p1, sf::Vector2f p2, RowShare share) {
    const double twice_area = (static_cast<double>(p1.x) - p0.x) * (static_cast<double>(p2.y) - p0.y) -
                              (static_cast<double>(p1.y) - p0.y) * (static_cast<double>(p2.x) - p0.x);
    if (twice_area == 0.0 || !std::isfinite(twice_area)) return;
    const double orientation = twice_area > 0.0 ? 1.0 : -1.0;
    const std::array<Edge, 3> edges{Edge(p0, p1, orientation), Edge(p1, p2, orientation), Edge(p2, p0, orientation)};
    const int first_column = box_.left;
    const int end_column = box_.left + box_.width;
    const int first_row = std::max(box_.top, static_cast<int>(std::floor(std::min({p0.y, p1.y, p2.y}))));
    const int end_row =
        std::min(box_.top + box_.height, static_cast<int>(std::ceil(std::max({p0.y, p1.y, p2.y}))) + 1);
    for (int y = first_row; y < end_row; ++y) {
        if (!share.owns(static_cast<unsigned>(y))) continue;
        const auto r = static_cast<std::size_t>(y - box_.top);
        for (std::size_t k = 0; k < sample_offsets.size(); ++k) {
            const double sample_y = y + sample_offsets[k][1];
            double low = -std::numeric_limits<double>::infinity();
            double high = std::numeric_limits<double>::infinity();
            bool outside = false;
            for (const Edge& edge : edges) {
                if (edge.side == Edge::Side::left) {
                    low = std::max(low, edge.slope * sample_y + edge.offset);
                } else if (edge.side == Edge::Side::right) {
                    high = std::min(high, edge.slope * sample_y + edge.offset);
                } else {
                    // Below a bottom edge or above a top one; on a top one is inside.
                    const double rest = edge.b * sample_y + edge.c;
                    outside = outside || rest < 0.0 || (rest == 0.0 && edge.b <= 0.0);
                }
            }
            if (outside) continue;
            const double offset = sample_offsets[k][0];
            const auto start = static_cast<int>(std::clamp(std::ceil(low - offset), static_cast<double>(first_column),
                                                           static_cast<double>(end_column)));
            const auto end = static_cast<int>(std::clamp(std::ceil(high - offset), static_cast<double>(first_column),
                                                         static_cast<double>(end_column)));
            if (start >= end) continue;
            const auto bit = static_cast<std::uint8_t>(1U << k);
            for (std::size_t i = at(r, start); i < at(r, end); ++i) bits_[i] |= bit;
            row_begin_[r] = std::min(row_begin_[r], start);
            row_end_[r] = std::max(row_end_[r], end);
        }
    }
}

/// The box of pixels triangle (a, b, c) may touch, cut to `size`; empty when it touches none.
sf::IntRect triangle_box(const sf::Vertex& a, const sf::Vertex& b, const sf::Vertex& c, sf::Vector2u size) {
    const float top = std::min({a.position.y, b.position.y, c.position.y});
    const float bottom = std::max({a.position.y, b.position.y, c.position.y});
    const float left = std::min({a.position.x, b.position.x, c.position.x});
    const float right = std::max({a.position.x, b.position.x, c.position.x});
    if (!(bottom >= 0.0F && right >= 0.0F && top < static_cast<float>(size.y) && left < static_cast<float>(size.x)))
        return {};
    const auto x0 = static_cast<int>(std::max(0.0F, std::floor(left)));
    const auto y0 = static_cast<int>(std::max(0.0F, std::floor(top)));
    const auto x1 = static_cast<int>(std::min(static_cast<float>(size.x), std::ceil(right) + 1.0F));
    const auto y1 = static_cast<int>(std::min(static_cast<float>(size.y), std::ceil(bottom) + 1.0F));
    return {x0, y0, x1 - x0, y1 - y0};
}

sf::IntRect joined(const sf::IntRect& a, const sf::IntRect& b) {
    const int left = std::min(a.left, b.left);
    const int top = std::min(a.top, b.top);
    return {left, top, std::max(a.left + a.width, b.left + b.width) - left,
            std::max(a.top + a.height, b.top + b.height) - top};
}

}  // namespace

void Canvas::fill(const sf::VertexArray& triangles, RowShare share) {
    assert(triangles.getPrimitiveType() == sf::Triangles);
    // Consecutive triangles of one colour are taken for one shape (a glyph, a stroke, a disc),
    // as long as their box stays small enough for a mask.
    constexpr int mask_pixels_max = 512 * 512;
    const std::size_t count = triangles.getVertexCount() / 3 * 3;
    SampleMask mask;
    std::size_t begin = 0;
    while (begin < count) {
        const sf::Color colour = triangles[begin].color;
        sf::IntRect box;
        std::size_t end = begin;
        for (; end < count && triangles[end].color == colour; end += 3) {
            const sf::IntRect own = triangle_box(triangles[end], triangles[end + 1], triangles[end + 2], size());
            if (own.width <= 0 || own.height <= 0) continue;
            const sf::IntRect grown = box.width > 0 ? joined(box, own) : own;
            if (box.width > 0 && grown.width * grown.height > mask_pixels_max) break;
            box = grown;
        }
        if (colour.a != 0 && box.width > 0) {
            mask.reset(box);
            for (std::size_t i = begin; i < end; i += 3)
                mask.add(triangles[i].position, triangles[i + 1].position, triangles[i + 2].position, share);
            // The colour blended at 1 to 4 covered samples, premultiplied, and what of the
            // target stays.
            std::array<std::array<unsigned, 4>, 5> coloured{};
            std::array<unsigned, 5> kept{};
            for (unsigned samples = 1; samples <= 4; ++samples) {
                const unsigned alpha = (colour.a * samples + 2U) / 4U;
                coloured[samples] = {colour.r * alpha, colour.g * alpha, colour.b * alpha, alpha * 255U};
                kept[samples] = 255U - alpha;
            }
            mask.for_each_covered([&](int x, int y, unsigned samples) {
                std::uint8_t* pixel = row(static_cast<unsigned>(y)) + static_cast<std::size_t>(x) * 4;
                for (std::size_t c = 0; c < 4; ++c)
                    pixel[c] = static_cast<std::uint8_t>(
                        std::min(255U, divide_by_255(coloured[samples][c] + pixel[c] * kept[samples])));
            });
        }
        begin = end;
    }
}

void Canvas::segment(sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour, RowShare share) {
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0.0F || colour.a == 0 || width <= 0.0F || width_ == 0 || height_ == 0) return;
    const float half_width = width / 2.0F;
    // Distance across the segment (0 on its axis) and along it (0 at `a`) of a point, each as
    // `along_x x + along_y y + offset` or its turn by a right angle.
    const float along_x = dx / length;
    const float along_y = dy / length;
    const float along_offset = -(along_x * a.x + along_y * a.y);
    const float across_offset = -(-along_y * a.x + along_x * a.y);
    // Coverage of a pixel is the product of its box's overlap across and along: exact for a
    // segment parallel to an axis, and within a few percent at any angle.
    const float across_reach = half_width + 0.5F;
    const float along_begin = -half_width - 0.5F;
    const float along_end = length + half_width + 0.5F;
    const float opacity = static_cast<float>(colour.a) / 255.0F;
    const std::array<float, 4> premultiplied{static_cast<float>(colour.r) * opacity,
                                             static_cast<float>(colour.g) * opacity,
                                             static_cast<float>(colour.b) * opacity, static_cast<float>(colour.a)};
    const float cover_cap = std::min(1.0F, width);
    const float reach = half_width + 1.0F;
    const float top = std::min(a.y, b.y) - reach;
    const float bottom = std::max(a.y, b.y) + reach;
    const float left = std::min(a.x, b.x) - reach;
    const float right = std::max(a.x, b.x) + reach;
    const auto first_row = static_cast<int>(std::max(0.0F, std::floor(top)));
    const auto end_row = static_cast<int>(std::min(static_cast<float>(height_), std::ceil(bottom)));
    const auto first_column = static_cast<int>(std::max(0.0F, std::floor(left)));
    const auto end_column = static_cast<int>(std::min(static_cast<float>(width_), std::ceil(right)));
    for (int y = first_row; y < end_row; ++y) {
        if (!share.owns(static_cast<unsigned>(y))) continue;
        const float centre_y = static_cast<float>(y) + 0.5F;
        // The columns whose centres are within reach across: |across| < across_reach.
        int x_begin = first_column;
        int x_end = end_column;
        const float across_at_zero = along_x * centre_y + across_offset;  // plus -along_y * x
        if (std::abs(along_y) > 1e-6F) {
            const float x_one = (across_at_zero - across_reach) / along_y - 0.5F;
            const float x_two = (across_at_zero + across_reach) / along_y - 0.5F;
            x_begin = std::max(x_begin, static_cast<int>(std::floor(std::min(x_one, x_two))));
            x_end = std::min(x_end, static_cast<int>(std::ceil(std::max(x_one, x_two))) + 1);
        } else if (std::abs(across_at_zero) >= across_reach) {
            continue;
        }
        std::uint8_t* pixels = row(static_cast<unsigned>(y));
        int x = x_begin;
#if defined(__SSE2__)
        // Four pixels at a time, with the same arithmetic in the same order as one at a time.
        const __m128 sign = _mm_set1_ps(-0.0F);
        const __m128 steps = _mm_setr_ps(0.5F, 1.5F, 2.5F, 3.5F);
        const __m128 colour_lanes = _mm_loadu_ps(premultiplied.data());
        const __m128 half = _mm_set1_ps(0.5F);
        const auto lanes_of = [&](float first_cover, float second_cover) {
            const auto pixel = [&](float cover) {
                return _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(colour_lanes, _mm_set1_ps(cover)), half));
            };
            return _mm_packs_epi32(pixel(first_cover), pixel(second_cover));
        };
        for (; x + 4 <= x_end; x += 4) {
            const __m128 centre_x = _mm_add_ps(_mm_set1_ps(static_cast<float>(x)), steps);
            const __m128 across = _mm_add_ps(_mm_mul_ps(_mm_set1_ps(-along_y), centre_x), _mm_set1_ps(across_at_zero));
            const __m128 along = _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(along_x), centre_x),
                                                       _mm_set1_ps(along_y * centre_y)),
                                            _mm_set1_ps(along_offset));
            const __m128 across_share =
                _mm_min_ps(_mm_max_ps(_mm_sub_ps(_mm_set1_ps(across_reach), _mm_andnot_ps(sign, across)),
                                      _mm_setzero_ps()),
                           _mm_set1_ps(cover_cap));
            const __m128 along_share =
                _mm_min_ps(_mm_max_ps(_mm_min_ps(_mm_sub_ps(along, _mm_set1_ps(along_begin)),
                                                 _mm_sub_ps(_mm_set1_ps(along_end), along)),
                                      _mm_setzero_ps()),
                           _mm_set1_ps(1.0F));
            alignas(16) std::array<float, 4> cover{};
            _mm_store_ps(cover.data(), _mm_mul_ps(across_share, along_share));
            if (cover[0] <= 0.0F && cover[1] <= 0.0F && cover[2] <= 0.0F && cover[3] <= 0.0F) continue;
            blend_four(pixels + static_cast<std::size_t>(x) * 4,
                       [&] { return std::pair{lanes_of(cover[0], cover[1]), lanes_of(cover[2], cover[3])}; });
        }
#endif
        for (; x < x_end; ++x) {
            const float centre_x = static_cast<float>(x) + 0.5F;
            const float across = -along_y * centre_x + across_at_zero;
            const float along = along_x * centre_x + along_y * centre_y + along_offset;
            const float cover = std::clamp(across_reach - std::abs(across), 0.0F, cover_cap) *
                                std::clamp(std::min(along - along_begin, along_end - along), 0.0F, 1.0F);
            if (cover <= 0.0F) continue;
            std::array<std::uint8_t, 4> tinted{};
            for (std::size_t c = 0; c < 4; ++c)
                tinted[c] = static_cast<std::uint8_t>(premultiplied[c] * cover + 0.5F);
            if (tinted[3] != 0) blend_over(pixels + static_cast<std::size_t>(x) * 4, tinted.data());
        }
    }
}

void Canvas::draw_sprites(std::span<const sf::Vertex> quads, const sf::Image& atlas, RowShare share) {
    const sf::Vector2u atlas_size = atlas.getSize();
    // Without an atlas (no texture could be made for it, and every shape was drawn as geometry)
    // there is nothing to blit. Asking an empty sf::Image for its pixels writes to sf::err(), which
    // is not safe from two drawing threads at once: it hung the renderer.
    if (quads.empty() || atlas_size.x == 0 || atlas_size.y == 0) return;
    const std::uint8_t* texels = atlas.getPixelsPtr();
    for (std::size_t i = 0; i + 5 < quads.size(); i += 6) {
        const sf::Vertex& top_left = quads[i];
        const sf::Vertex& bottom_right = quads[i + 2];
        const unsigned tint = top_left.color.a;
        if (tint == 0) continue;
        int x0 = static_cast<int>(std::lround(top_left.position.x));
        int y0 = static_cast<int>(std::lround(top_left.position.y));
        int x1 = static_cast<int>(std::lround(bottom_right.position.x));
        int y1 = static_cast<int>(std::lround(bottom_right.position.y));
        int u0 = static_cast<int>(std::lround(top_left.texCoords.x));
        int v0 = static_cast<int>(std::lround(top_left.texCoords.y));
        // Cut to the canvas and to the atlas.
        const int cut_left = std::max({0, -x0, -u0});
        const int cut_top = std::max({0, -y0, -v0});
        x0 += cut_left;
        u0 += cut_left;
        y0 += cut_top;
        v0 += cut_top;
        x1 = std::min({x1, static_cast<int>(width_), x0 + static_cast<int>(atlas_size.x) - u0});
        y1 = std::min({y1, static_cast<int>(height_), y0 + static_cast<int>(atlas_size.y) - v0});
        if (x0 >= x1 || y0 >= y1) continue;
        const auto columns = static_cast<std::size_t>(x1 - x0);
        for (int y = y0; y < y1; ++y) {
            if (!share.owns(static_cast<unsigned>(y))) continue;
            std::uint8_t* target = row(static_cast<unsigned>(y)) + static_cast<std::size_t>(x0) * 4;
            const std::uint8_t* source =
                texels + (static_cast<std::size_t>(v0 + (y - y0)) * atlas_size.x + static_cast<std::size_t>(u0)) * 4;
            blend_row_tinted(target, source, columns, tint);
        }
    }
}

void Canvas::disc(sf::Vector2f centre, float radius, float rim_width, sf::Color fill, sf::Color rim,
                  RowShare share) {
    if (radius <= 0.0F || width_ == 0 || height_ == 0) return;
    const float cx = centre.x;
    const float cy = centre.y;
    const float inner_rim = radius - rim_width / 2.0F;
    const float outer_rim = radius + rim_width / 2.0F;
    // A pixel whose centre is this far from the centre or further shows nothing of the disc.
    const float reach = std::max(radius, outer_rim) + 0.5F;
    // Premultiplied at full cover, in 0-255.
    const auto premultiplied = [](sf::Color colour) {
        const float alpha = static_cast<float>(colour.a) / 255.0F;
        return std::array<float, 4>{static_cast<float>(colour.r) * alpha, static_cast<float>(colour.g) * alpha,
                                    static_cast<float>(colour.b) * alpha, static_cast<float>(colour.a)};
    };
    const std::array<float, 4> fill_colour = premultiplied(fill);
    const std::array<float, 4> rim_colour = premultiplied(rim);
    const float rim_opacity = static_cast<float>(rim.a) / 255.0F;
    // What a pixel centred `distance` from the centre shows: each part's share of a pixel-wide
    // box across the edge, the ring over the disc.
    const auto at_distance = [&](float distance) {
        const float fill_share = std::clamp(radius - distance + 0.5F, 0.0F, 1.0F);
        const float rim_share =
            std::clamp(std::min(distance + 0.5F, outer_rim) - std::max(distance - 0.5F, inner_rim), 0.0F, 1.0F);
        const float fill_weight = fill_share * (1.0F - rim_share * rim_opacity);
        std::array<std::uint8_t, 4> colour{};
        for (std::size_t c = 0; c < 4; ++c)
            colour[c] = static_cast<std::uint8_t>(rim_colour[c] * rim_share + fill_colour[c] * fill_weight + 0.5F);
        return colour;
    };
    // Inside this distance a pixel is the disc's alone.
    const float plain = std::min(radius, inner_rim) - 0.5F;
    const std::array<std::uint8_t, 4> plain_colour = at_distance(0.0F);
    const auto first_row = static_cast<int>(std::max(0.0F, std::floor(cy - reach)));
    const auto end_row = static_cast<int>(std::min(static_cast<float>(height_), std::ceil(cy + reach)));
    for (int y = first_row; y < end_row; ++y) {
        const float dy = static_cast<float>(y) + 0.5F - cy;
        if (std::abs(dy) >= reach || !share.owns(static_cast<unsigned>(y))) continue;
        const float half = std::sqrt(reach * reach - dy * dy);
        const int x_begin = std::max(0, static_cast<int>(std::floor(cx - half)));
        const int x_end = std::min(static_cast<int>(width_), static_cast<int>(std::ceil(cx + half)));
        // The pixels whose centres are within `plain`: [plain_begin, plain_end).
        int plain_begin = x_end;
        int plain_end = x_end;
        if (plain > std::abs(dy)) {
            const float plain_half = std::sqrt(plain * plain - dy * dy);
            plain_begin = std::clamp(static_cast<int>(std::ceil(cx - plain_half - 0.5F)), x_begin, x_end);
            plain_end = std::clamp(static_cast<int>(std::floor(cx + plain_half - 0.5F)) + 1, plain_begin, x_end);
        }
        std::uint8_t* pixels = row(static_cast<unsigned>(y));
        const auto edge_pixel = [&](int x) {
            const float dx = static_cast<float>(x) + 0.5F - cx;
            const std::array<std::uint8_t, 4> colour = at_distance(std::sqrt(dx * dx + dy * dy));
            if (colour[3] != 0) blend_over(pixels + static_cast<std::size_t>(x) * 4, colour.data());
        };
#if defined(__SSE2__)
        // The edges four pixels at a time, with `at_distance`'s arithmetic in its order. A four
        // may reach into the plain span: `at_distance` gives its pixels the plain colour too.
        const __m128 dy_squared = _mm_set1_ps(dy * dy);
        const __m128 steps = _mm_setr_ps(0.5F, 1.5F, 2.5F, 3.5F);
        const __m128 zero = _mm_setzero_ps();
        const __m128 one = _mm_set1_ps(1.0F);
        const __m128 half_pixel = _mm_set1_ps(0.5F);
        const __m128 fill_lanes = _mm_loadu_ps(fill_colour.data());
        const __m128 rim_lanes = _mm_loadu_ps(rim_colour.data());
        const auto edge_four = [&](int x) {
            const __m128 dx = _mm_sub_ps(_mm_add_ps(_mm_set1_ps(static_cast<float>(x)), steps), _mm_set1_ps(cx));
            const __m128 distance = _mm_sqrt_ps(_mm_add_ps(_mm_mul_ps(dx, dx), dy_squared));
            const __m128 fill_share = _mm_min_ps(
                _mm_max_ps(_mm_add_ps(_mm_sub_ps(_mm_set1_ps(radius), distance), half_pixel), zero), one);
            const __m128 rim_share =
                _mm_min_ps(_mm_max_ps(_mm_sub_ps(_mm_min_ps(_mm_add_ps(distance, half_pixel), _mm_set1_ps(outer_rim)),
                                                 _mm_max_ps(_mm_sub_ps(distance, half_pixel), _mm_set1_ps(inner_rim))),
                                      zero),
                           one);
            const __m128 fill_weight =
                _mm_mul_ps(fill_share, _mm_sub_ps(one, _mm_mul_ps(rim_share, _mm_set1_ps(rim_opacity))));
            alignas(16) std::array<float, 4> rims{};
            alignas(16) std::array<float, 4> fills{};
            _mm_store_ps(rims.data(), rim_share);
            _mm_store_ps(fills.data(), fill_weight);
            const auto lanes_of = [&](std::size_t a, std::size_t b) {
                const auto pixel = [&](std::size_t lane) {
                    return _mm_cvttps_epi32(_mm_add_ps(_mm_add_ps(_mm_mul_ps(rim_lanes, _mm_set1_ps(rims[lane])),
                                                                  _mm_mul_ps(fill_lanes, _mm_set1_ps(fills[lane]))),
                                                       half_pixel));
                };
                return _mm_packs_epi32(pixel(a), pixel(b));
            };
            blend_four(pixels + static_cast<std::size_t>(x) * 4, [&] { return std::pair{lanes_of(0, 1), lanes_of(2, 3)}; });
        };
        int x = x_begin;
        for (; x < plain_begin && x + 4 <= x_end; x += 4) edge_four(x);
        for (; x < plain_begin; ++x) edge_pixel(x);
        // The right edge in whole fours ending at `x_end`, when they leave the plain span between.
        const int right_edge = x_end - std::max(plain_end, x);
        const int right_fours = x_end - 4 * ((right_edge + 3) / 4);
        if (right_fours >= x) {
            blend_constant(pixels + static_cast<std::size_t>(x) * 4, plain_colour, static_cast<std::size_t>(right_fours - x));
            for (x = right_fours; x < x_end; x += 4) edge_four(x);
        } else {
            for (; x + 4 <= x_end; x += 4) edge_four(x);
            for (; x < x_end; ++x) edge_pixel(x);
        }
#else
        for (int x = x_begin; x < plain_begin; ++x) edge_pixel(x);
        blend_constant(pixels + static_cast<std::size_t>(plain_begin) * 4, plain_colour,
                       static_cast<std::size_t>(plain_end - plain_begin));
        for (int x = plain_end; x < x_end; ++x) edge_pixel(x);
#endif
    }
}

namespace {

/// The two texels either side of a pixel's centre and the weight (of 256) of the second, as a
/// texture stretched over the canvas with linear filtering and clamped edges samples them.
struct Tap {
    unsigned first = 0;
    unsigned second = 0;
    unsigned weight = 0;
};

std::vector<Tap> taps(unsigned pixels, unsigned texel_count) {
    std::vector<Tap> found(pixels);
    const double scale = static_cast<double>(texel_count) / pixels;
    const auto last = static_cast<double>(texel_count - 1);
    for (unsigned i = 0; i < pixels; ++i) {
        const double at = (i + 0.5) * scale - 0.5;
        const double floor = std::floor(at);
        found[i].first = static_cast<unsigned>(std::clamp(floor, 0.0, last));
        found[i].second = static_cast<unsigned>(std::clamp(floor + 1.0, 0.0, last));
        found[i].weight = static_cast<unsigned>(std::lround((at - floor) * 256.0));
    }
    return found;
}

/// `count` pixels into `mixed`, the i-th the texels `taps[i]` of `texels` mixed.
void interpolate_row(std::uint8_t* mixed, const std::uint8_t* texels, const Tap* taps, std::size_t count) noexcept {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i all = _mm_set1_epi16(256);
    const __m128i half = _mm_set1_epi16(128);
    const auto texel = [&](unsigned index) {
        std::int32_t value = 0;
        std::memcpy(&value, texels + static_cast<std::size_t>(index) * 4, 4);
        return value;
    };
    const auto weights = [](unsigned one, unsigned other) {
        const auto a = static_cast<short>(one);
        const auto b = static_cast<short>(other);
        return _mm_setr_epi16(a, a, a, a, b, b, b, b);
    };
    const auto mix = [&](__m128i first, __m128i second, __m128i weight) {
        const __m128i sum = _mm_add_epi16(_mm_mullo_epi16(first, _mm_sub_epi16(all, weight)),
                                          _mm_mullo_epi16(second, weight));
        return _mm_srli_epi16(_mm_add_epi16(sum, half), 8);
    };
    for (; i + 4 <= count; i += 4) {
        const Tap* tap = taps + i;
        const __m128i first =
            _mm_setr_epi32(texel(tap[0].first), texel(tap[1].first), texel(tap[2].first), texel(tap[3].first));
        const __m128i second =
            _mm_setr_epi32(texel(tap[0].second), texel(tap[1].second), texel(tap[2].second), texel(tap[3].second));
        const __m128i low = mix(_mm_unpacklo_epi8(first, zero), _mm_unpacklo_epi8(second, zero),
                                weights(tap[0].weight, tap[1].weight));
        const __m128i high = mix(_mm_unpackhi_epi8(first, zero), _mm_unpackhi_epi8(second, zero),
                                 weights(tap[2].weight, tap[3].weight));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(mixed + i * 4), _mm_packus_epi16(low, high));
    }
#endif
    for (; i < count; ++i) {
        const std::uint8_t* first = texels + static_cast<std::size_t>(taps[i].first) * 4;
        const std::uint8_t* second = texels + static_cast<std::size_t>(taps[i].second) * 4;
        for (std::size_t k = 0; k < 4; ++k)
            mixed[i * 4 + k] = static_cast<std::uint8_t>(
                (first[k] * (256U - taps[i].weight) + second[k] * taps[i].weight + 128U) >> 8U);
    }
}

/// `count` bytes into `mixed`, each `upper`'s and `lower`'s mixed with `weight` (of 256) of the
/// second. Returns whether any is not zero.
bool mix_rows(std::uint8_t* mixed, const std::uint8_t* upper, const std::uint8_t* lower, std::size_t count,
              unsigned weight) noexcept {
    std::size_t i = 0;
    unsigned any = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i half = _mm_set1_epi16(128);
    const __m128i upper_weight = _mm_set1_epi16(static_cast<short>(256U - weight));
    const __m128i lower_weight = _mm_set1_epi16(static_cast<short>(weight));
    __m128i seen = zero;
    const auto mix = [&](__m128i a, __m128i b) {
        return _mm_srli_epi16(
            _mm_add_epi16(_mm_add_epi16(_mm_mullo_epi16(a, upper_weight), _mm_mullo_epi16(b, lower_weight)), half), 8);
    };
    for (; i + 16 <= count; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(upper + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower + i));
        const __m128i low = mix(_mm_unpacklo_epi8(a, zero), _mm_unpacklo_epi8(b, zero));
        const __m128i high = mix(_mm_unpackhi_epi8(a, zero), _mm_unpackhi_epi8(b, zero));
        const __m128i result = _mm_packus_epi16(low, high);
        seen = _mm_or_si128(seen, result);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(mixed + i), result);
    }
    any = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(seen, zero))) != 0xFFFFU ? 1U : 0U;
#endif
    for (; i < count; ++i) {
        mixed[i] = static_cast<std::uint8_t>((upper[i] * (256U - weight) + lower[i] * weight + 128U) >> 8U);
        any |= mixed[i];
    }
    return any != 0;
}

}  // namespace

void Canvas::composite_scaled(const Canvas& layer, const std::vector<sf::IntRect>& runs, RowShare share) {
    const sf::Vector2u layer_size = layer.size();
    if (layer_size.x == 0 || layer_size.y == 0) return;
    const std::vector<Tap> columns = taps(width_, layer_size.x);
    const std::vector<Tap> rows = taps(height_, layer_size.y);
    // Each canvas row mixes two rows of the layer, then each pixel two texels of that mix.
    const std::size_t stride = static_cast<std::size_t>(layer_size.x) * 4;
    std::vector<std::uint8_t> between_rows(stride);
    std::vector<std::uint8_t> samples;
    for (const sf::IntRect& run : runs) {
        const int x_begin = std::max(0, run.left);
        const int x_end = std::min(run.left + run.width, static_cast<int>(width_));
        const int y_end = std::min(run.top + run.height, static_cast<int>(height_));
        if (x_begin >= x_end) continue;
        const auto count = static_cast<std::size_t>(x_end - x_begin);
        samples.resize(count * 4);
        const std::size_t first_texel = columns[static_cast<std::size_t>(x_begin)].first;
        const std::size_t end_texel = columns[static_cast<std::size_t>(x_end - 1)].second + 1;
        for (int y = std::max(0, run.top); y < y_end; ++y) {
            if (!share.owns(static_cast<unsigned>(y))) continue;
            const Tap& vertical = rows[static_cast<std::size_t>(y)];
            const std::uint8_t* upper = layer.row(vertical.first);
            const std::uint8_t* lower = layer.row(vertical.second);
            if (!mix_rows(between_rows.data() + first_texel * 4, upper + first_texel * 4, lower + first_texel * 4,
                          (end_texel - first_texel) * 4, vertical.weight))
                continue;
            interpolate_row(samples.data(), between_rows.data(), columns.data() + x_begin, count);
            blend_row(row(static_cast<unsigned>(y)) + static_cast<std::size_t>(x_begin) * 4, samples.data(), count);
        }
    }
}

void Canvas::composite(const Canvas& layer, RowShare share) {
    assert(layer.size() == size());
    for (unsigned y = 0; y < height_; ++y)
        if (share.owns(y)) blend_row(row(y), layer.row(y), width_);
}

void Canvas::draw_tile(const PaintedTile& tile, sf::Vector2i at, unsigned tint, RowShare share) {
    const Canvas& pixels = tile.pixels;
    assert(tile.runs.size() == pixels.height_);
    if (tint == 0) return;
    const sf::Vector2i top_left = at - tile.origin;
    const long first_row = std::max(0L, -static_cast<long>(top_left.y));
    const long end_row = std::min(static_cast<long>(pixels.height_), static_cast<long>(height_) - top_left.y);
    for (long tile_y = first_row; tile_y < end_row; ++tile_y) {
        const auto y = static_cast<unsigned>(top_left.y + tile_y);
        if (!share.owns(y)) continue;
        const ColumnRun& run = tile.runs[static_cast<std::size_t>(tile_y)];
        const long first = std::max(0L, top_left.x + static_cast<long>(run.first));
        const long end = std::min(static_cast<long>(width_), top_left.x + static_cast<long>(run.end));
        if (first >= end) continue;
        std::uint8_t* target = row(y) + static_cast<std::size_t>(first) * 4;
        const std::uint8_t* source =
            pixels.row(static_cast<unsigned>(tile_y)) + static_cast<std::size_t>(first - top_left.x) * 4;
        const auto count = static_cast<std::size_t>(end - first);
        if (count >= 8) {
            blend_row_tinted(target, source, count, tint);
            continue;
        }
        std::size_t x = 0;
#if defined(__SSE2__)
        // A line's rows are a few pixels long: blended four at a time as far as both rows reach,
        // not through a masked load. Past its run a tile's row is transparent, which leaves a
        // pixel as it was.
        const std::size_t room =
            std::min(static_cast<std::size_t>(pixels.width_ - static_cast<unsigned>(first - top_left.x)),
                     static_cast<std::size_t>(width_ - static_cast<unsigned>(first)));
        const __m128i zero = _mm_setzero_si128();
        const __m128i factor = _mm_set1_epi16(static_cast<short>(tint));
        const auto scaled = [&](__m128i lanes) {
            return tint == 255 ? lanes : divide_lanes_by_255(_mm_mullo_epi16(lanes, factor));
        };
        for (; x < count && x + 4 <= room; x += 4) {
            const __m128i four = _mm_loadu_si128(reinterpret_cast<const __m128i*>(source + x * 4));
            blend_four(target + x * 4, [&] {
                return std::pair{scaled(_mm_unpacklo_epi8(four, zero)), scaled(_mm_unpackhi_epi8(four, zero))};
            });
        }
#endif
        if (x < count) blend_row_tinted(target + x * 4, source + x * 4, count - x, tint);
    }
}

std::vector<ColumnRun> Canvas::visible_runs() const {
    std::vector<ColumnRun> runs(height_);
    for (unsigned y = 0; y < height_; ++y) {
        const std::uint8_t* pixels = row(y);
        unsigned first = 0;
        while (first < width_ && pixels[first * 4 + 3] == 0) ++first;
        unsigned end = width_;
        while (end > first && pixels[(end - 1) * 4 + 3] == 0) --end;
        if (first < end) runs[y] = {first, end};
    }
    return runs;
}

}  // namespace frontline::render::detail
