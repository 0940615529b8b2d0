#include "io/control_writer.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "io/event_writer.hpp"
#include "io/gdal.hpp"

namespace frontline {

namespace {

bool is_geopackage(const std::string& output) {
    std::string ext = std::filesystem::path(output).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".gpkg";
}

/// The states a layer shows: all of them, or the one in force at `at`.
std::vector<std::size_t> chosen_states(const ControlTimeline& timeline, const std::optional<Date>& at) {
    std::vector<std::size_t> out;
    if (at) {
        if (const auto s = timeline.state_at(*at)) out.push_back(*s);
    } else {
        for (std::size_t s = 0; s < timeline.states().size(); ++s) out.push_back(s);
    }
    return out;
}

void add_field(OGRLayer& layer, const char* name, OGRFieldType type, const GdalErrorCapture& errors, OGRFieldSubType sub = OFSTNone) {
    OGRFieldDefn field(name, type);
    field.SetSubType(sub);
    if (layer.CreateField(&field) != OGRERR_NONE) errors.raise<OutputError>(std::string("cannot create field ") + name);
}

void set_time(OGRFeature& f, const ControlState& state) {
    f.SetField("valid_from", state.valid_from.iso().c_str());
    if (state.valid_to)
        f.SetField("valid_to", state.valid_to->iso().c_str());
    else
        f.SetFieldNull(f.GetFieldIndex("valid_to"));  // open end: the current state
    f.SetField("certainty", to_string(state.certainty));
    f.SetField("events", nlohmann::json(state.events).dump().c_str());
}

/// Sets the geometry as the layer's type: a holder with one polygon is still a MultiPolygon, so
/// that every feature of a layer has one type (GeoPackage requires it, GIS styling expects it).
void set_geometry(OGRFeature& f, const std::string& wkb, OGRwkbGeometryType type, const GdalErrorCapture& errors, const std::string& what) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size(), wkbVariantIso) != OGRERR_NONE || !g)
        errors.raise<GeoError>("cannot convert the geometry", what);
    f.SetGeometryDirectly(OGRGeometryFactory::forceTo(g, type));
}

void create(OGRLayer& layer, OGRFeature& f, const GdalErrorCapture& errors, const std::string& what) {
    if (layer.CreateFeature(&f) != OGRERR_NONE) errors.raise<OutputError>("cannot write", what);
}

CPLStringList layer_options(bool geojson) {
    CPLStringList options;
    if (geojson) {
        options.SetNameValue("RFC7946", "YES");
        options.SetNameValue("WRITE_BBOX", "NO");
        options.SetNameValue("COORDINATE_PRECISION", "7");
    }
    return options;
}

void add_time_fields(OGRLayer& layer, const GdalErrorCapture& errors) {
    add_field(layer, "valid_from", OFTString, errors);
    add_field(layer, "valid_to", OFTString, errors);
    add_field(layer, "certainty", OFTString, errors);
    // OFSTJSON makes GeoJSON carry a real array, not a string holding one.
    add_field(layer, "events", OFTString, errors, OFSTJSON);
}

void write_control(GDALDataset& dataset, bool geojson, const ControlTimeline& timeline, const std::vector<std::size_t>& states,
                   const GdalErrorCapture& errors) {
    const SpatialReferencePtr srs = wgs84_lon_lat();
    OGRLayer* layer = dataset.CreateLayer("control", srs.get(), wkbMultiPolygon, layer_options(geojson).List());
    if (!layer) errors.raise<OutputError>("cannot create layer control");
    add_field(*layer, "holder", OFTString, errors);
    add_time_fields(*layer, errors);
    add_field(*layer, "area_km2", OFTReal, errors);
    for (const std::size_t s : states) {
        const ControlState& state = timeline.states()[s];
        for (const HolderArea& held : timeline.holders(s)) {
            const OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField("holder", held.holder.c_str());
            set_time(*f, state);
            f->SetField("area_km2", held.area_km2);
            const std::string what = held.holder + " from " + state.valid_from.iso();
            set_geometry(*f, held.wkb, wkbMultiPolygon, errors, what);
            create(*layer, *f, errors, what);
        }
    }
}

void write_frontlines(GDALDataset& dataset, bool geojson, const ControlTimeline& timeline, const std::vector<std::size_t>& states,
                      const GdalErrorCapture& errors) {
    const SpatialReferencePtr srs = wgs84_lon_lat();
    OGRLayer* layer = dataset.CreateLayer("frontlines", srs.get(), wkbMultiLineString, layer_options(geojson).List());
    if (!layer) errors.raise<OutputError>("cannot create layer frontlines");
    add_field(*layer, "holder_a", OFTString, errors);
    add_field(*layer, "holder_b", OFTString, errors);
    add_time_fields(*layer, errors);
    add_field(*layer, "length_km", OFTReal, errors);
    for (const std::size_t s : states) {
        const ControlState& state = timeline.states()[s];
        for (const FrontLine& line : timeline.front_lines(s)) {
            const OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField("holder_a", line.holder_a.c_str());
            f->SetField("holder_b", line.holder_b.c_str());
            set_time(*f, state);
            f->SetField("length_km", line.length_km);
            const std::string what = line.holder_a + "/" + line.holder_b + " from " + state.valid_from.iso();
            set_geometry(*f, line.wkb, wkbMultiLineString, errors, what);
            create(*layer, *f, errors, what);
        }
    }
}

using LayerWriter = void (*)(GDALDataset&, bool, const ControlTimeline&, const std::vector<std::size_t>&, const GdalErrorCapture&);

/// One GeoJSON file holding one control or front-line layer, written atomically.
void write_geojson(const std::filesystem::path& path, LayerWriter writer, const ControlTimeline& timeline,
                   const std::vector<std::size_t>& states) {
    AtomicFile file(path);
    {
        GdalErrorCapture errors(path.string());
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
        if (!driver) errors.raise<OutputError>("GDAL has no GeoJSON driver");
        GDALDatasetUniquePtr dataset(driver->Create(file.temp_path().string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) errors.raise<OutputError>("cannot create");
        writer(*dataset, true, timeline, states, errors);
        dataset.reset();  // GeoJSON's closing bracket is written on close
        errors.throw_if_failed<OutputError>("cannot write");
    }
    file.commit();
}

bool wants(const ExportRequest& r, ExportLayer l) { return std::find(r.layers.begin(), r.layers.end(), l) != r.layers.end(); }

}  // namespace

std::vector<ExportLayer> parse_export_layers(const std::string& list) {
    std::vector<ExportLayer> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string name = list.substr(start, comma - start);
        if (name == "events")
            out.push_back(ExportLayer::events);
        else if (name == "control")
            out.push_back(ExportLayer::control);
        else if (name == "frontlines")
            out.push_back(ExportLayer::frontlines);
        else
            throw UsageError("--layers takes a comma-separated list of events, control, frontlines; not '" + name + "'");
        start = comma + 1;
    }
    return out;
}

void write_export(const ExportRequest& request, const std::vector<Event>& events, const ControlTimeline& timeline) {
    const std::vector<std::size_t> states = chosen_states(timeline, request.at);
    if (is_geopackage(request.output)) {
        AtomicFile file(request.output);
        {
            // The events layer is exactly what `frontline extract -o X.gpkg` writes; the other
            // layers are added to the same file before it is renamed into place.
            write_events(wants(request, ExportLayer::events) ? events : std::vector<Event>{}, file.temp_path().string());
            GdalErrorCapture errors(request.output);
            GDALDatasetUniquePtr dataset(GDALDataset::Open(file.temp_path().string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            if (!dataset) errors.raise<OutputError>("cannot reopen the GeoPackage");
            if (!wants(request, ExportLayer::events)) dataset->DeleteLayer(0);
            const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
            if (wants(request, ExportLayer::control)) write_control(*dataset, false, timeline, states, errors);
            if (wants(request, ExportLayer::frontlines)) write_frontlines(*dataset, false, timeline, states, errors);
            if (transaction && dataset->CommitTransaction() != OGRERR_NONE) errors.raise<OutputError>("cannot write");
            dataset.reset();
            errors.throw_if_failed<OutputError>("cannot write");
        }
        file.commit();
        return;
    }
    const std::filesystem::path folder(request.output);
    std::error_code ec;
    if (std::filesystem::exists(folder, ec) && !std::filesystem::is_directory(folder, ec))
        throw UsageError(SourceLocation(request.output), "-o takes a folder (one GeoJSON per layer) or a .gpkg file");
    std::filesystem::create_directories(folder, ec);
    if (ec) throw OutputError(SourceLocation(request.output), "cannot create the folder: " + ec.message());
    if (wants(request, ExportLayer::events)) write_events(events, (folder / "events.geojson").string());
    if (wants(request, ExportLayer::control)) write_geojson(folder / "control.geojson", write_control, timeline, states);
    if (wants(request, ExportLayer::frontlines)) write_geojson(folder / "frontlines.geojson", write_frontlines, timeline, states);
}

}  // namespace frontline
