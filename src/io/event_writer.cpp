#include "io/event_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <ogrsf_frmts.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "io/detail/acled_csv.hpp"
#include "io/detail/event_feature.hpp"
#include "io/detail/geojson_text.hpp"
#include "io/gdal.hpp"

namespace frontline {

namespace {

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

/// A new data set at `gdal_path` holding an empty layer `events` with every field.
GDALDatasetUniquePtr create_events_dataset(EventFormat format, const std::string& gdal_path, const GdalErrorCapture& errors,
                                           OGRLayer*& layer) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name(format));
    if (driver == nullptr) errors.raise<OutputError>(std::string("GDAL has no ") + driver_name(format) + " driver");
    GDALDatasetUniquePtr dataset(driver->Create(gdal_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) errors.raise<OutputError>("cannot create");

    const SpatialReferencePtr srs = wgs84_lon_lat();
    layer = dataset->CreateLayer("events", srs.get(), wkbUnknown, layer_options(format).List());
    if (layer == nullptr) errors.raise<OutputError>("cannot create layer events");
    detail::create_event_fields(*layer, errors);
    return dataset;
}

void add_features(OGRLayer& layer, const std::vector<Event>& events, const GdalErrorCapture& errors) {
    for (const Event& event : events) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        detail::fill_feature(*feature, event, errors);
        if (layer.CreateFeature(feature.get()) != OGRERR_NONE) errors.raise<OutputError>("cannot write", event.id);
    }
}

/// Writes one layer `events` to `gdal_path`; `shown_path` is what error messages call the file.
void write_with_gdal(const std::vector<Event>& events, EventFormat format, const std::string& gdal_path,
                     const std::string& shown_path) {
    GdalErrorCapture errors(shown_path);
    OGRLayer* layer = nullptr;
    GDALDatasetUniquePtr dataset = create_events_dataset(format, gdal_path, errors, layer);

    // One transaction instead of one per feature: GeoPackage would otherwise sync on every insert.
    const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
    add_features(*layer, events, errors);
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
                     "a PG: connection string, or - for GeoJSONSeq on stdout");
}

void write_events(const std::vector<Event>& events, const std::string& path) {
    const EventFormat format = event_format_for(path);
    if (path == "-") {
        EventStream stream;
        stream.write(events);
        stream.flush();
        return;
    }
    AtomicFile file(path);
    if (format == EventFormat::csv) {
        write_csv(events, file.temp_path(), path);
    } else {
        write_with_gdal(events, format, file.temp_path().string(), path);
    }
    file.commit();
}

EventStream::~EventStream() {
    if (!buffer_.empty()) (void)std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    (void)std::fflush(stdout);
}

void EventStream::write(const std::vector<Event>& events) {
    GdalErrorCapture errors(shown_name);
    const std::size_t kept = buffer_.size();
    try {
        for (const Event& event : events) {
            detail::append_geojson_feature(buffer_, event, errors);
            buffer_ += '\n';
        }
    } catch (...) {
        buffer_.resize(kept);  // none of the article's lines, and no half of one, goes out
        throw;
    }
    if (buffer_.size() >= kept_at_most) flush();
}

void EventStream::flush() {
    const bool written = std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) == buffer_.size();
    buffer_.clear();
    if (!written || std::fflush(stdout) != 0) throw OutputError(SourceLocation(shown_name), "cannot write");
}

}  // namespace frontline
