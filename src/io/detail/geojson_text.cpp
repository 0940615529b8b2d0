#include "io/detail/geojson_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>

#include <ogr_geometry.h>

#include "io/detail/event_feature.hpp"

namespace frontline::detail {

namespace {

bool needs_escape(char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; }

/// Whether any of the eight bytes packed in `bytes` needs an escape: a control character, '"' or
/// '\\' (the bit tricks of "Bit Twiddling Hacks": a byte is zero, or below n, with no branch).
bool any_needs_escape(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below_space = (bytes - ones * 0x20) & ~bytes & highs;
    return (below_space | has_zero(bytes ^ (ones * '"')) | has_zero(bytes ^ (ones * '\\'))) != 0;
}

void append_string(std::string& out, std::string_view text) {
    out += '"';
    // Runs of characters that need no escape are copied whole, found eight bytes at a time:
    // mention texts are whole sentences and every event carries one.
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size()) {
            std::uint64_t bytes;
            std::memcpy(&bytes, text.data() + i, sizeof bytes);
            if (!any_needs_escape(bytes)) {
                i += 8;
                continue;
            }
        }
        const char c = text[i++];
        if (!needs_escape(c)) continue;
        out.append(text.substr(run, i - 1 - run));
        run = i;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            }
        }
    }
    out.append(text.substr(run));
    out += '"';
}

void append_integer(std::string& out, long long value) {
    char text[24];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    out.append(text, end);
}

/// A JSON number that reads back as a double: "1.0" rather than "1", as GDAL writes reals.
/// `format` and `precision` as printf's "%.7f" or "%.15g" (std::to_chars writes the same digits
/// without parsing a format).
void append_real(std::string& out, double value, std::chars_format format, int precision) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char text[400];  // the longest double printed in full: 309 digits before the point
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value, format, precision);
    if (ec != std::errc{}) {
        out += "null";
        return;
    }
    std::string_view digits(text, static_cast<std::size_t>(end - text));
    if (digits.find('.') != std::string_view::npos && digits.find('e') == std::string_view::npos) {
        while (digits.ends_with('0')) digits.remove_suffix(1);
        if (digits.ends_with('.')) digits = std::string_view(text, digits.size() + 1);  // keep one zero
    }
    out += digits;
    if (digits.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_coordinate(std::string& out, double value) { append_real(out, value, std::chars_format::fixed, 7); }

class Properties {
public:
    explicit Properties(std::string& out) : out_(out) { out_ += "\"properties\": { "; }
    void close() { out_ += " }"; }

    void text(std::string_view name, std::string_view value) {
        key(name);
        if (value.empty())
            out_ += "null";
        else
            append_string(out_, value);
    }
    void integer(std::string_view name, std::optional<long long> value) {
        key(name);
        if (value)
            append_integer(out_, *value);
        else
            out_ += "null";
    }
    void real(std::string_view name, std::optional<double> value) {
        key(name);
        if (value)
            append_real(out_, *value, std::chars_format::general, 15);
        else
            out_ += "null";
    }
    void mentions(const std::vector<Mention>& mentions) {
        key("mentions");
        out_ += "[ ";
        for (std::size_t i = 0; i < mentions.size(); ++i) {
            const Mention& m = mentions[i];
            if (i > 0) out_ += ", ";
            out_ += "{ \"article\": ";
            append_string(out_, m.article_id);
            out_ += ", \"sentence_index\": ";
            append_integer(out_, static_cast<long long>(m.sentence_index));
            out_ += ", \"char_start\": ";
            append_integer(out_, static_cast<long long>(m.char_start));
            out_ += ", \"char_end\": ";
            append_integer(out_, static_cast<long long>(m.char_end));
            out_ += ", \"text\": ";
            append_string(out_, m.text);
            out_ += " }";
        }
        out_ += mentions.empty() ? "]" : " ]";
    }

private:
    void key(std::string_view name) {
        if (!first_) out_ += ", ";
        first_ = false;
        out_ += '"';
        out_ += name;
        out_ += "\": ";
    }

    std::string& out_;
    bool first_ = true;
};

void append_position(std::string& out, double x, double y) {
    out += "[ ";
    append_coordinate(out, x);
    out += ", ";
    append_coordinate(out, y);
    out += " ]";
}

void append_position(std::string& out, const OGRPoint& p) { append_position(out, p.getX(), p.getY()); }

void append_positions(std::string& out, const OGRSimpleCurve& line) {
    out += "[ ";
    OGRPoint p;
    for (int i = 0; i < line.getNumPoints(); ++i) {
        if (i > 0) out += ", ";
        line.getPoint(i, &p);
        append_position(out, p);
    }
    out += " ]";
}

void append_rings(std::string& out, const OGRPolygon& polygon) {
    out += "[ ";
    bool first = true;
    for (const OGRLinearRing* ring : polygon) {
        if (!first) out += ", ";
        first = false;
        append_positions(out, *ring);
    }
    out += " ]";
}

/// Reads the coordinates of a WKT (the part after its keyword) and writes them as append_geometry
/// writes them from OGR's geometry, without building one: every event's point goes through here,
/// and border events carry lines of hundreds of vertices (OGR's WKT reader was 2 % of
/// `extract -o -` for the lines alone).
class WktCoordinates {
public:
    WktCoordinates(std::string_view text, std::string& out) : text_(text), out_(out) {}

    /// Writes `depth` levels of nested lists ("(x y, x y)" at depth 1; depth 0 is a point's
    /// "(x y)", one position) and checks that nothing but spaces follows; false at anything else
    /// (a Z coordinate, EMPTY, a stray character).
    bool read_all(int depth) {
        if (!(depth == 0 ? point() : list(depth))) return false;
        skip_spaces();
        return at_ == text_.size();
    }

private:
    bool point() {
        skip_spaces();
        if (!take('(') || !position()) return false;
        skip_spaces();
        return take(')');
    }

    bool list(int depth) {
        skip_spaces();
        if (!take('(')) return false;
        out_ += "[ ";
        for (bool first = true;; first = false) {
            if (!first) out_ += ", ";
            if (depth == 1 ? !position() : !list(depth - 1)) return false;
            skip_spaces();
            if (take(')')) break;
            if (!take(',')) return false;
        }
        out_ += " ]";
        return true;
    }

    bool position() {
        double x = 0.0, y = 0.0;
        if (!number(x) || !number(y)) return false;
        append_position(out_, x, y);
        return true;
    }

    bool number(double& value) {
        skip_spaces();
        const auto [end, error] = std::from_chars(text_.data() + at_, text_.data() + text_.size(), value);
        if (error != std::errc{}) return false;
        at_ = static_cast<std::size_t>(end - text_.data());
        return true;
    }

    void skip_spaces() {
        while (at_ < text_.size() && text_[at_] == ' ') ++at_;
    }
    bool take(char c) {
        if (at_ >= text_.size() || text_[at_] != c) return false;
        ++at_;
        return true;
    }

    std::string_view text_;
    std::string& out_;
    std::size_t at_ = 0;
};

/// The GeoJSON geometry of a POINT, LINESTRING, MULTILINESTRING, POLYGON or MULTIPOLYGON WKT as
/// append_geometry writes it; false, with `out` as it was, for any other text (which then goes
/// through OGR, and its errors with it).
bool append_wkt_geometry(std::string& out, std::string_view wkt) {
    struct Kind {
        std::string_view keyword;
        std::string_view type;
        int depth;
    };
    static constexpr Kind kinds[] = {{"POINT", "Point", 0},
                                     {"LINESTRING", "LineString", 1},
                                     {"MULTILINESTRING", "MultiLineString", 2},
                                     {"POLYGON", "Polygon", 2},
                                     {"MULTIPOLYGON", "MultiPolygon", 3}};
    for (const Kind& kind : kinds) {
        if (!wkt.starts_with(kind.keyword)) continue;
        const std::size_t kept = out.size();
        out += "{ \"type\": \"";
        out += kind.type;
        out += "\", \"coordinates\": ";
        if (!WktCoordinates(wkt.substr(kind.keyword.size()), out).read_all(kind.depth)) {
            out.resize(kept);
            return false;
        }
        out += " }";
        return true;
    }
    return false;
}

void append_geometry(std::string& out, const OGRGeometry& g, const Event& event, const GdalErrorCapture& errors) {
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPoint:
            out += "{ \"type\": \"Point\", \"coordinates\": ";
            append_position(out, *g.toPoint());
            break;
        case wkbLineString:
            out += "{ \"type\": \"LineString\", \"coordinates\": ";
            append_positions(out, *g.toLineString());
            break;
        case wkbPolygon:
            out += "{ \"type\": \"Polygon\", \"coordinates\": ";
            append_rings(out, *g.toPolygon());
            break;
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon: {
            const auto type = wkbFlatten(g.getGeometryType());
            out += type == wkbMultiPoint ? "{ \"type\": \"MultiPoint\", \"coordinates\": [ "
                   : type == wkbMultiLineString ? "{ \"type\": \"MultiLineString\", \"coordinates\": [ "
                                                : "{ \"type\": \"MultiPolygon\", \"coordinates\": [ ";
            const OGRGeometryCollection& parts = *g.toGeometryCollection();
            for (int i = 0; i < parts.getNumGeometries(); ++i) {
                if (i > 0) out += ", ";
                const OGRGeometry& part = *parts.getGeometryRef(i);
                if (type == wkbMultiPoint) append_position(out, *part.toPoint());
                else if (type == wkbMultiLineString) append_positions(out, *part.toLineString());
                else append_rings(out, *part.toPolygon());
            }
            out += " ]";
            break;
        }
        case wkbGeometryCollection: {
            out += "{ \"type\": \"GeometryCollection\", \"geometries\": [ ";
            const OGRGeometryCollection& parts = *g.toGeometryCollection();
            for (int i = 0; i < parts.getNumGeometries(); ++i) {
                if (i > 0) out += ", ";
                append_geometry(out, *parts.getGeometryRef(i), event, errors);
            }
            out += " ]";
            break;
        }
        default:
            errors.raise<GeoError>(std::string("no GeoJSON form for a ") + g.getGeometryName(), event.id);
    }
    out += " }";
}

}  // namespace

void append_geojson_feature(std::string& out, const Event& event, const GdalErrorCapture& errors) {
    const auto& location = event.location;
    static const std::string none;  // written as null; a reference to it copies no place name
    out += "{ \"type\": \"Feature\", ";
    Properties p(out);
    p.text("id", event.id);
    p.text("event_type", event.event_type);
    p.text("tier", to_string(event.tier()));
    p.text("acled_event_type", event.acled_event_type);
    p.text("acled_sub_event_type", event.acled_sub_event_type);
    p.text("plover_event", event.plover_event);
    p.text("plover_mode", event.plover_mode);
    p.text("actor1", event.actor1);
    p.text("actor2", event.actor2);
    p.text("actor1_text", event.actor1_text);
    p.text("actor2_text", event.actor2_text);
    p.text("date_start", event.date_start ? event.date_start->iso() : std::string());
    p.text("date_end", event.date_end ? event.date_end->iso() : std::string());
    p.integer("time_precision", event.time_precision);
    p.text("place", location ? location->place : none);
    p.text("place_id", location ? location->place_id : none);
    p.text("country", location ? location->country : none);
    p.integer("geo_precision", location ? std::optional<long long>(location->geo_precision) : std::nullopt);
    p.real("longitude", location ? std::optional<double>(location->anchor.lon()) : std::nullopt);
    p.real("latitude", location ? std::optional<double>(location->anchor.lat()) : std::nullopt);
    p.text("certainty", to_string(event.certainty));
    p.text("source", event.source);
    p.real("magnitude", event.magnitude);
    p.integer("fatalities", event.fatalities ? std::optional<long long>(*event.fatalities) : std::nullopt);
    p.real("confidence", event.confidence);
    p.integer("mention_count", static_cast<long long>(event.mentions.size()));
    p.mentions(event.mentions);
    p.close();
    out += ", \"geometry\": ";
    if (!location) {
        out += "null";
    } else if (!append_wkt_geometry(out, location->wkt)) {
        append_geometry(out, *geometry_of(event, errors), event, errors);
    }
    out += " }";
}

}  // namespace frontline::detail
