#include "io/event_reader.hpp"

#include <array>
#include <optional>

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "io/gdal.hpp"

namespace frontline {

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

Event event_from(const OGRFeature& feature, const std::string& file) {
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

}  // namespace

std::vector<Event> read_events(const std::string& path) {
    GdalErrorCapture errors(path);
    const std::array<const char*, 4> formats{"GeoJSON", "GeoJSONSeq", "GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, formats.data()));
    if (!dataset) errors.raise<InputError>("cannot open as GeoJSON, GeoJSONSeq or GeoPackage");
    OGRLayer* layer = dataset->GetLayerByName("events");
    if (layer == nullptr && dataset->GetLayerCount() == 1) layer = dataset->GetLayer(0);
    if (layer == nullptr) errors.raise<InputError>("no layer named events");

    std::vector<Event> events;
    for (const auto& feature : *layer) events.push_back(event_from(*feature, path));
    errors.throw_if_failed<InputError>("cannot read");
    return events;
}

}  // namespace frontline
