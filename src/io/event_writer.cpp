#include "io/event_writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "io/detail/acled_csv.hpp"
#include "io/detail/staged_file.hpp"
#include "io/gdal.hpp"

namespace frontline {

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

const char* driver_name(EventFormat format) {
    switch (format) {
        case EventFormat::geojson: return "GeoJSON";
        case EventFormat::geojsonseq: return "GeoJSONSeq";
        case EventFormat::geopackage: return "GPKG";
        case EventFormat::csv: break;
    }
    throw std::logic_error("CSV is written without GDAL");
}

CPLStringList layer_options(EventFormat format) {
    CPLStringList options;
    if (format == EventFormat::geojson) {
        options.SetNameValue("RFC7946", "YES");
        options.SetNameValue("WRITE_BBOX", "NO");
    }
    if (format == EventFormat::geojsonseq) options.SetNameValue("RS", "NO");
    if (format != EventFormat::geopackage) {
        options.SetNameValue("COORDINATE_PRECISION", "7");
        // 17 figures print 38.3568 as 38.356799999999999; 15 read back exactly for any value
        // given with up to 15 digits.
        options.SetNameValue("SIGNIFICANT_FIGURES", "15");
    }
    return options;
}

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

/// Writes one layer `events` to `gdal_path`; `shown_path` is what error messages call the file.
void write_with_gdal(const std::vector<Event>& events, EventFormat format, const std::string& gdal_path,
                     const std::string& shown_path) {
    GdalErrorCapture errors(shown_path);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name(format));
    if (driver == nullptr) errors.raise<OutputError>(std::string("GDAL has no ") + driver_name(format) + " driver");
    GDALDatasetUniquePtr dataset(driver->Create(gdal_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) errors.raise<OutputError>("cannot create");

    const SpatialReferencePtr srs = wgs84_lon_lat();
    OGRLayer* layer = dataset->CreateLayer("events", srs.get(), wkbUnknown, layer_options(format).List());
    if (layer == nullptr) errors.raise<OutputError>("cannot create layer events");
    for (const FieldSpec& spec : event_fields) {
        OGRFieldDefn field(spec.name, spec.type);
        field.SetSubType(spec.subtype);
        if (layer->CreateField(&field) != OGRERR_NONE)
            errors.raise<OutputError>(std::string("cannot create field ") + spec.name);
    }

    // One transaction instead of one per feature: GeoPackage would otherwise sync on every insert.
    const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
    for (const Event& event : events) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        fill_feature(*feature, event, errors);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) errors.raise<OutputError>("cannot write", event.id);
    }
    if (transaction && dataset->CommitTransaction() != OGRERR_NONE) errors.raise<OutputError>("cannot write");

    // Drivers write their last bytes (GeoJSON's closing bracket, GeoPackage's index) on close.
    dataset.reset();
    errors.throw_if_failed<OutputError>("cannot write");
}

void write_csv(const std::vector<Event>& events, const std::filesystem::path& temp_path, const std::string& path) {
    std::ofstream out(temp_path, std::ios::binary);
    detail::write_acled_csv(events, out);
    out.close();
    if (!out) throw OutputError(SourceLocation(path), "cannot write");
}

}  // namespace

EventFormat event_format_for(const std::string& path) {
    if (path == "-") return EventFormat::geojsonseq;
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".geojson" || extension == ".json") return EventFormat::geojson;
    if (extension == ".geojsonl" || extension == ".geojsons" || extension == ".geojsonseq")
        return EventFormat::geojsonseq;
    if (extension == ".gpkg") return EventFormat::geopackage;
    if (extension == ".csv") return EventFormat::csv;
    throw UsageError(SourceLocation(path),
                     "unknown output format: use .geojson, .json, .geojsonl, .geojsons, .geojsonseq, .gpkg, .csv, "
                     "or - for GeoJSONSeq on stdout");
}

void write_events(const std::vector<Event>& events, const std::string& path) {
    const EventFormat format = event_format_for(path);
    if (path == "-") {
        write_with_gdal(events, format, "/vsistdout/", "<stdout>");
        return;
    }
    AtomicFile file(path);
    if (format == EventFormat::csv) {
        write_csv(events, file.temp_path(), path);
    } else {
        detail::StagedFile staged(file);
        write_with_gdal(events, format, staged.path().string(), path);
        staged.hand_over();
    }
    file.commit();
}

}  // namespace frontline
