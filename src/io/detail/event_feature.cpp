#include "io/detail/event_feature.hpp"

#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace frontline::detail {

namespace {

struct FieldSpec {
    const char* name;
    OGRFieldType type;
    OGRFieldSubType subtype = OFSTNone;
};

// read_events looks these names up; `longitude`/`latitude` carry Location::anchor so that it
// survives a round trip.
constexpr std::array event_fields{
    FieldSpec{"id", OFTString},
    FieldSpec{"event_type", OFTString},
    FieldSpec{"tier", OFTString},
    FieldSpec{"acled_event_type", OFTString},
    FieldSpec{"acled_sub_event_type", OFTString},
    FieldSpec{"plover_event", OFTString},
    FieldSpec{"plover_mode", OFTString},
    FieldSpec{"actor1", OFTString},
    FieldSpec{"actor2", OFTString},
    FieldSpec{"actor1_text", OFTString},
    FieldSpec{"actor2_text", OFTString},
    FieldSpec{"date_start", OFTString},
    FieldSpec{"date_end", OFTString},
    FieldSpec{"time_precision", OFTInteger},
    FieldSpec{"place", OFTString},
    FieldSpec{"place_id", OFTString},
    FieldSpec{"country", OFTString},
    FieldSpec{"geo_precision", OFTInteger},
    FieldSpec{"longitude", OFTReal},
    FieldSpec{"latitude", OFTReal},
    FieldSpec{"certainty", OFTString},
    FieldSpec{"source", OFTString},
    FieldSpec{"magnitude", OFTReal},
    FieldSpec{"fatalities", OFTInteger},
    FieldSpec{"confidence", OFTReal},
    FieldSpec{"mention_count", OFTInteger},
    // OFSTJSON makes the GeoJSON drivers write the value as JSON, not as a string holding JSON.
    FieldSpec{"mentions", OFTString, OFSTJSON},
};

void set_text(OGRFeature& feature, const char* name, const std::string& value) {
    const int index = feature.GetFieldIndex(name);
    if (value.empty())
        feature.SetFieldNull(index);
    else
        feature.SetField(index, value.c_str());
}

template <class T>
void set_number(OGRFeature& feature, const char* name, const std::optional<T>& value) {
    const int index = feature.GetFieldIndex(name);
    if (value)
        feature.SetField(index, *value);
    else
        feature.SetFieldNull(index);
}

std::string iso_or_empty(const std::optional<Date>& date) { return date ? date->iso() : std::string(); }

std::string mentions_json(const std::vector<Mention>& mentions) {
    auto array = nlohmann::ordered_json::array();
    for (const Mention& mention : mentions)
        array.push_back({{"article", mention.article_id},
                         {"sentence_index", mention.sentence_index},
                         {"char_start", mention.char_start},
                         {"char_end", mention.char_end},
                         {"text", mention.text}});
    // Replacing invalid UTF-8 keeps one bad byte in an article from failing the whole export.
    return array.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}


}  // namespace

OGRGeometryUniquePtr geometry_of(const Event& event, const GdalErrorCapture& errors) {
    OGRGeometry* parsed = nullptr;
    const OGRErr error = OGRGeometryFactory::createFromWkt(event.location->wkt.c_str(), nullptr, &parsed);
    OGRGeometryUniquePtr geometry(parsed);
    if (error != OGRERR_NONE || !geometry) {
        constexpr std::size_t shown = 60;
        const std::string& wkt = event.location->wkt;
        errors.raise<GeoError>("invalid WKT geometry \"" + wkt.substr(0, shown) + (wkt.size() > shown ? "...\"" : "\""),
                               event.id);
    }
    return geometry;
}

void fill_feature(OGRFeature& feature, const Event& event, const GdalErrorCapture& errors) {
    set_text(feature, "id", event.id);
    set_text(feature, "event_type", event.event_type);
    set_text(feature, "tier", to_string(event.tier()));
    set_text(feature, "acled_event_type", event.acled_event_type);
    set_text(feature, "acled_sub_event_type", event.acled_sub_event_type);
    set_text(feature, "plover_event", event.plover_event);
    set_text(feature, "plover_mode", event.plover_mode);
    set_text(feature, "actor1", event.actor1);
    set_text(feature, "actor2", event.actor2);
    set_text(feature, "actor1_text", event.actor1_text);
    set_text(feature, "actor2_text", event.actor2_text);
    set_text(feature, "date_start", iso_or_empty(event.date_start));
    set_text(feature, "date_end", iso_or_empty(event.date_end));
    set_number(feature, "time_precision", std::optional<int>(event.time_precision));
    const auto& location = event.location;
    set_text(feature, "place", location ? location->place : "");
    set_text(feature, "place_id", location ? location->place_id : "");
    set_text(feature, "country", location ? location->country : "");
    set_number(feature, "geo_precision", location ? std::optional<int>(location->geo_precision) : std::nullopt);
    set_number(feature, "longitude", location ? std::optional<double>(location->anchor.lon()) : std::nullopt);
    set_number(feature, "latitude", location ? std::optional<double>(location->anchor.lat()) : std::nullopt);
    set_text(feature, "certainty", to_string(event.certainty));
    set_text(feature, "source", event.source);
    set_number(feature, "magnitude", event.magnitude);
    set_number(feature, "fatalities", event.fatalities);
    set_number(feature, "confidence", std::optional<double>(event.confidence));
    set_number(feature, "mention_count", std::optional<int>(static_cast<int>(event.mentions.size())));
    set_text(feature, "mentions", mentions_json(event.mentions));
    if (location) feature.SetGeometryDirectly(geometry_of(event, errors).release());
}

namespace {

/// Typed access to one feature's properties, by name; errors name the file and the feature.
class FeatureFields {
public:
    FeatureFields(const OGRFeature& feature, const std::string& file) : feature_(feature), file_(file) {
        id_ = text("id");
        if (id_.empty()) fail("no id property");
    }

    [[nodiscard]] const std::string& id() const noexcept { return id_; }

    template <class E = InputError>
    [[noreturn]] void fail(const std::string& what) const {
        const std::string name = id_.empty() ? "#" + std::to_string(feature_.GetFID()) : id_;
        throw E(SourceLocation::at_feature(file_, name), what);
    }

    [[nodiscard]] std::string text(const char* name) const {
        const int index = present(name);
        return index < 0 ? std::string() : feature_.GetFieldAsString(index);
    }

    [[nodiscard]] std::optional<int> integer(const char* name) const {
        const int index = present(name);
        return index < 0 ? std::nullopt : std::optional<int>(feature_.GetFieldAsInteger(index));
    }

    [[nodiscard]] std::optional<double> real(const char* name) const {
        const int index = present(name);
        return index < 0 ? std::nullopt : std::optional<double>(feature_.GetFieldAsDouble(index));
    }

    /// GeoJSON readers turn ISO date strings into OFTDate fields, whose text form is YYYY/MM/DD.
    [[nodiscard]] std::optional<Date> date(const char* name) const {
        const int index = present(name);
        if (index < 0) return std::nullopt;
        if (feature_.GetFieldDefnRef(index)->GetType() == OFTDate) {
            int year = 0, month = 0, day = 0, hour = 0, minute = 0, zone = 0;
            float second = 0;
            feature_.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &zone);
            return Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
        }
        const std::string value = feature_.GetFieldAsString(index);
        auto parsed = Date::parse_iso(value);
        if (!parsed) fail(std::string(name) + " \"" + value + "\" is not a YYYY-MM-DD date");
        return parsed;
    }

    [[nodiscard]] std::vector<Mention> mentions() const {
        std::vector<Mention> mentions;
        const std::string json = text("mentions");
        if (json.empty()) return mentions;
        try {
            for (const auto& item : nlohmann::json::parse(json))
                mentions.push_back({item.at("article").get<std::string>(), item.at("sentence_index").get<std::size_t>(),
                                    item.at("char_start").get<std::size_t>(), item.at("char_end").get<std::size_t>(),
                                    item.at("text").get<std::string>()});
        } catch (const nlohmann::json::exception& error) {
            fail(std::string("mentions is not an array of {article, sentence_index, char_start, char_end, text}: ") +
                 error.what());
        }
        return mentions;
    }

private:
    /// The field index, or -1 when the layer has no such field or the value is null.
    [[nodiscard]] int present(const char* name) const {
        const int index = feature_.GetFieldIndex(name);
        return index >= 0 && feature_.IsFieldSetAndNotNull(index) ? index : -1;
    }

    const OGRFeature& feature_;
    const std::string& file_;
    std::string id_;
};

LonLat anchor_of(const OGRGeometry& geometry, const FeatureFields& fields) {
    auto lon = fields.real("longitude");
    auto lat = fields.real("latitude");
    if (!lon || !lat) {
        OGRPoint centroid;
        if (geometry.Centroid(&centroid) != OGRERR_NONE || centroid.IsEmpty())
            fields.fail<GeoError>("no longitude/latitude and no centroid to anchor the geometry");
        lon = centroid.getX();
        lat = centroid.getY();
    }
    try {
        return LonLat(*lon, *lat);
    } catch (const GeoError& error) {
        fields.fail<GeoError>(error.what());
    }
}

}  // namespace

Event event_from_feature(const OGRFeature& feature, const std::string& file) {
    const FeatureFields fields(feature, file);
    Event event;
    event.id = fields.id();
    event.event_type = fields.text("event_type");
    event.acled_event_type = fields.text("acled_event_type");
    event.acled_sub_event_type = fields.text("acled_sub_event_type");
    event.plover_event = fields.text("plover_event");
    event.plover_mode = fields.text("plover_mode");
    event.actor1 = fields.text("actor1");
    event.actor2 = fields.text("actor2");
    event.actor1_text = fields.text("actor1_text");
    event.actor2_text = fields.text("actor2_text");
    event.date_start = fields.date("date_start");
    event.date_end = fields.date("date_end");
    event.time_precision = fields.integer("time_precision").value_or(event.time_precision);
    if (const std::string certainty = fields.text("certainty"); !certainty.empty()) {
        try {
            event.certainty = certainty_from_string(certainty);
        } catch (const Error& error) {
            fields.fail(error.what());
        }
    }
    event.source = fields.text("source");
    event.magnitude = fields.real("magnitude");
    event.fatalities = fields.integer("fatalities");
    event.confidence = fields.real("confidence").value_or(event.confidence);
    event.mentions = fields.mentions();

    if (const OGRGeometry* geometry = feature.GetGeometryRef()) {
        Location location;
        location.wkt = geometry->exportToWkt();
        location.anchor = anchor_of(*geometry, fields);
        location.geo_precision = fields.integer("geo_precision").value_or(location.geo_precision);
        location.place = fields.text("place");
        location.place_id = fields.text("place_id");
        location.country = fields.text("country");
        event.location = std::move(location);
    }
    return event;
}

void create_event_fields(OGRLayer& layer, const GdalErrorCapture& errors) {
    for (const FieldSpec& spec : event_fields) {
        OGRFieldDefn field(spec.name, spec.type);
        field.SetSubType(spec.subtype);
        if (layer.CreateField(&field) != OGRERR_NONE)
            errors.raise<OutputError>(std::string("cannot create field ") + spec.name);
    }
}

std::string missing_event_field(const OGRFeatureDefn& definition) {
    for (const FieldSpec& spec : event_fields)
        if (definition.GetFieldIndex(spec.name) < 0) return spec.name;
    return {};
}

}  // namespace frontline::detail
