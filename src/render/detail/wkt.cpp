#include "render/detail/wkt.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace frontline::render::detail {

namespace {

/// Recursive descent over WKT; every method returns false on a syntax error and leaves the
/// position wherever it stopped (the whole parse is then discarded).
class WktReader {
public:
    explicit WktReader(std::string_view text) : text_(text) {}

    bool geometry(WktShape& out) {
        const std::string tag = keyword();
        skip_dimension_suffix();
        if (peek_keyword("EMPTY")) return true;
        if (tag == "POINT") return point_list(out.points);
        if (tag == "MULTIPOINT") return multipoint(out.points);
        if (tag == "LINESTRING") return line(out.lines);
        if (tag == "MULTILINESTRING" || tag == "POLYGON") return list_of([&] { return line(out.lines); });
        if (tag == "MULTIPOLYGON") return list_of([&] { return list_of([&] { return line(out.lines); }); });
        if (tag == "GEOMETRYCOLLECTION") return list_of([&] { return geometry(out); });
        return false;
    }

    bool at_end() {
        skip_space();
        return pos_ == text_.size();
    }

private:
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    bool consume(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    bool next_is(char c) {
        skip_space();
        return pos_ < text_.size() && text_[pos_] == c;
    }

    std::string keyword() {
        skip_space();
        std::string word;
        while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_])))
            word += static_cast<char>(std::toupper(static_cast<unsigned char>(text_[pos_++])));
        return word;
    }

    bool peek_keyword(std::string_view expected) {
        const std::size_t saved = pos_;
        if (keyword() == expected) return true;
        pos_ = saved;
        return false;
    }

    void skip_dimension_suffix() {
        if (!peek_keyword("ZM") && !peek_keyword("Z")) static_cast<void>(peek_keyword("M"));
    }

    bool number(double& value) {
        skip_space();
        const char* begin = text_.data() + pos_;
        const char* end = text_.data() + text_.size();
        if (pos_ < text_.size() && text_[pos_] == '+') ++begin;  // from_chars rejects a leading '+'
        const auto [next, error] = std::from_chars(begin, end, value);
        if (error != std::errc{} || !std::isfinite(value)) return false;
        pos_ = static_cast<std::size_t>(next - text_.data());
        return true;
    }

    /// "x y [z [m]]"
    bool coordinate(std::vector<LonLat>& out) {
        double lon = 0.0;
        double lat = 0.0;
        if (!number(lon) || !number(lat)) return false;
        double ignored = 0.0;
        while (!next_is(',') && !next_is(')') && number(ignored)) {
        }
        if (std::abs(lon) > 180.0 || std::abs(lat) > 90.0) return false;
        out.emplace_back(lon, lat);
        return true;
    }

    /// "(x y, x y, ...)"
    bool point_list(std::vector<LonLat>& out) {
        if (!consume('(')) return false;
        do {
            if (!coordinate(out)) return false;
        } while (consume(','));
        return consume(')');
    }

    /// "((x y), (x y))" or "(x y, x y)"
    bool multipoint(std::vector<LonLat>& out) {
        if (!consume('(')) return false;
        do {
            const bool wrapped = consume('(');
            if (!coordinate(out) || (wrapped && !consume(')'))) return false;
        } while (consume(','));
        return consume(')');
    }

    bool line(std::vector<std::vector<LonLat>>& out) {
        std::vector<LonLat> points;
        if (!point_list(points)) return false;
        out.push_back(std::move(points));
        return true;
    }

    template <typename Item>
    bool list_of(Item item) {
        if (!consume('(')) return false;
        do {
            if (!item()) return false;
        } while (consume(','));
        return consume(')');
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<WktShape> parse_wkt(std::string_view text) {
    WktReader reader(text);
    WktShape shape;
    if (!reader.geometry(shape) || !reader.at_end()) return std::nullopt;
    return shape;
}

}  // namespace frontline::render::detail
