#include "io/event_reader.hpp"

#include <array>

#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "io/detail/event_feature.hpp"
#include "io/gdal.hpp"

namespace frontline {

std::vector<Event> read_events(const std::string& path) {
    GdalErrorCapture errors(path);
    const std::array<const char*, 4> formats{"GeoJSON", "GeoJSONSeq", "GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, formats.data()));
    if (!dataset) errors.raise<InputError>("cannot open as GeoJSON, GeoJSONSeq or GeoPackage");
    OGRLayer* layer = dataset->GetLayerByName("events");
    if (layer == nullptr && dataset->GetLayerCount() == 1) layer = dataset->GetLayer(0);
    if (layer == nullptr) errors.raise<InputError>("no layer named events");

    std::vector<Event> events;
    for (const auto& feature : *layer) events.push_back(detail::event_from_feature(*feature, path));
    errors.throw_if_failed<InputError>("cannot read");
    return events;
}

}  // namespace frontline
