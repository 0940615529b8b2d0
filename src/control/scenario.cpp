#include "control/scenario.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "common/assets.hpp"
#include "common/error.hpp"
#include "control/detail/geometry.hpp"
#include "geo/geos.hpp"

namespace frontline {

namespace {

namespace cd = control_detail;

void register_gdal_once() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

std::string gdal_reason() {
    const std::string message = CPLGetLastErrorMsg();
    return message.empty() ? std::string() : ": " + message;
}

/// Opens a vector file quietly: GDAL's complaints go into the exception, not to stderr.
template <class E>
GDALDatasetUniquePtr open_vector(const std::string& file, const char* const* drivers) {
    register_gdal_once();
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!dataset) throw E(SourceLocation(file), "cannot open as a vector layer" + gdal_reason());
    return dataset;
}

std::string text_field(const OGRFeature& feature, const char* name) {
    const int index = feature.GetFieldIndex(name);
    if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
    return feature.GetFieldAsString(index);
}

std::string feature_id(const OGRFeature& feature) {
    std::string id = text_field(feature, "id");
    return id.empty() ? "#" + std::to_string(feature.GetFID()) : id;
}

std::string wkb_of(const OGRGeometry& geometry, const std::string& file, const std::string& feature) {
    std::string wkb(geometry.WkbSize(), '\0');
    if (geometry.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso) != OGRERR_NONE)
        throw DataError(SourceLocation::at_feature(file, feature), "cannot export the geometry as WKB" + gdal_reason());
    return wkb;
}

bool polygonal(OGRwkbGeometryType type) {
    const OGRwkbGeometryType flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon;
}

}  // namespace

std::vector<ControlFeature> read_control_layer(const std::filesystem::path& path, const std::set<std::string>& known_holders,
                                               std::vector<std::string>& warnings) {
    const std::string file = path.string();
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const char* const drivers[] = {"GeoJSON", "GPKG", nullptr};
    const GDALDatasetUniquePtr dataset = open_vector<InputError>(file, drivers);
    const GeosContext ctx;
    std::vector<ControlFeature> features;
    // A GeoPackage written by `frontline export` also holds events and front lines: only its
    // control layer holds polygons with holders.
    std::vector<OGRLayer*> layers;
    if (OGRLayer* control = dataset->GetLayerByName("control"))
        layers.push_back(control);
    else
        for (OGRLayer* layer : dataset->GetLayers()) layers.push_back(layer);
    for (OGRLayer* layer : layers) {
        for (const auto& feature : *layer) {
            ControlFeature f{file, feature_id(*feature), {}, Date(1970, 1, 1), Certainty::confirmed, {}};
            const SourceLocation where = SourceLocation::at_feature(file, f.feature_id);
            f.holder = text_field(*feature, "holder");
            if (f.holder.empty()) throw InputError(where, "no 'holder': every control polygon names the actor holding it");
            if (!known_holders.contains(f.holder)) {
                std::string known;
                for (const std::string& h : known_holders) known += (known.empty() ? "" : ", ") + h;
                throw InputError(where, "unknown holder '" + f.holder + "'; the scenario declares " + (known.empty() ? "none" : known));
            }
            std::string from = text_field(*feature, "valid_from");
            std::replace(from.begin(), from.end(), '/', '-');  // GDAL prints OFTDate fields as 2014/09/12
            const auto day = Date::parse_iso(from);
            if (!day)
                throw InputError(where, from.empty() ? "no 'valid_from': every control polygon says from when it holds (YYYY-MM-DD)"
                                                     : "'valid_from' must be an ISO 8601 date, not '" + from + "'");
            f.valid_from = *day;
            const std::string certainty = text_field(*feature, "certainty");
            if (!certainty.empty()) {
                try {
                    f.certainty = certainty_from_string(certainty);
                } catch (const Error& e) {
                    throw InputError(where, e.what());
                }
            }
            const OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry || !polygonal(geometry->getGeometryType()))
                throw InputError(where, "a control area must be a Polygon or MultiPolygon");
            GeosGeometry g;
            try {
                g = cd::from_wkb(ctx, wkb_of(*geometry, file, f.feature_id));
            } catch (const GeoError& e) {
                throw InputError(where, e.what());
            }
            if (!cd::is_valid(ctx, *g)) {
                warnings.push_back(where.str() + ": invalid polygon (" + cd::invalid_reason(ctx, *g) + ") repaired with GEOSMakeValid");
                g = cd::polygons_of(ctx, *make_valid(ctx, *g));
            }
            f.wkb = cd::to_wkb(ctx, *g);
            features.push_back(std::move(f));
        }
    }
    if (CPLGetLastErrorType() == CE_Failure) throw InputError(SourceLocation(file), "cannot read" + gdal_reason());
    return features;
}

std::vector<PlaceOutline> read_place_outlines(const std::filesystem::path& path) {
    const std::string file = path.string();
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const char* const drivers[] = {"GeoJSON", nullptr};
    const GDALDatasetUniquePtr dataset = open_vector<DataError>(file, drivers);
    std::vector<PlaceOutline> outlines;
    for (OGRLayer* layer : dataset->GetLayers()) {
        for (const auto& feature : *layer) {
            const OGRGeometry* geometry = feature->GetGeometryRef();
            const std::string kind = text_field(*feature, "kind");
            if (!geometry || !polygonal(geometry->getGeometryType())) continue;
            PlaceOutline o;
            o.file = file;
            o.kind = kind;
            o.name = text_field(*feature, "name");
            // A town outline draws the GeoNames town it names as parent; a district is a place itself.
            o.place_id = kind == "town-outline" ? text_field(*feature, "parent") : text_field(*feature, "id");
            if (o.place_id.empty()) continue;
            o.wkb = wkb_of(*geometry, file, o.place_id);
            outlines.push_back(std::move(o));
        }
    }
    return outlines;
}

std::vector<PlaceOutline> curated_place_outlines() {
    const std::filesystem::path folder = data_root() / "geodata" / "curated";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".geojson") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<PlaceOutline> outlines;
    for (const auto& f : files) {
        std::vector<PlaceOutline> found = read_place_outlines(f);
        outlines.insert(outlines.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return outlines;
}

namespace {

/// The named Natural Earth country minus the polygons of `except` (a finer border there).
std::string outside_country(const std::filesystem::path& countries, const std::string& name, const std::filesystem::path& except) {
    const std::string file = countries.string();
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const char* const topojson[] = {"TopoJSON", nullptr};
    const GDALDatasetUniquePtr dataset = open_vector<DataError>(file, topojson);
    OGRLayer* layer = dataset->GetLayerByName("countries");
    if (!layer) throw DataError(SourceLocation(file), "no 'countries' layer");
    const GeosContext ctx;
    GeosGeometry country;
    for (const auto& feature : *layer)
        if (text_field(*feature, "name") == name && feature->GetGeometryRef())
            country = cd::from_wkb(ctx, wkb_of(*feature->GetGeometryRef(), file, name));
    if (!country) throw DataError(SourceLocation(file), "no country named '" + name + "'");
    // Natural Earth's outlines can be slightly invalid after TopoJSON quantisation.
    if (!cd::is_valid(ctx, *country)) country = cd::polygons_of(ctx, *make_valid(ctx, *country));
    if (!except.empty()) {
        const std::string except_file = except.string();
        const char* const geojson[] = {"GeoJSON", nullptr};
        const GDALDatasetUniquePtr fixes = open_vector<DataError>(except_file, geojson);
        for (OGRLayer* fix_layer : fixes->GetLayers())
            for (const auto& feature : *fix_layer) {
                if (!feature->GetGeometryRef()) continue;
                const GeosGeometry fix = cd::from_wkb(ctx, wkb_of(*feature->GetGeometryRef(), except_file, feature_id(*feature)));
                country = cd::polygons_of(ctx, *cd::difference(ctx, *country, *fix));
            }
    }
    return cd::to_wkb(ctx, *country);
}

std::string scenario_names(const std::filesystem::path& root) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec))
        if (std::filesystem::exists(entry.path() / "scenario.json")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
}

}  // namespace

Scenario load_scenario(const std::string& name_or_folder) {
    std::filesystem::path folder(name_or_folder);
    if (!std::filesystem::exists(folder / "scenario.json")) {
        const std::filesystem::path root = data_root() / "geodata" / "scenarios";
        folder = root / name_or_folder;
        if (name_or_folder.find('/') != std::string::npos || !std::filesystem::exists(folder / "scenario.json"))
            throw UsageError("no scenario '" + name_or_folder + "'; known scenarios: " + scenario_names(root));
    }
    const std::filesystem::path manifest = folder / "scenario.json";
    nlohmann::json doc;
    try {
        std::ifstream in(manifest);
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(SourceLocation(manifest.string()), std::string("not valid JSON: ") + e.what());
    }
    Scenario s;
    s.folder = folder;
    try {
        s.name = doc.at("name").get<std::string>();
        for (const auto& [id, description] : doc.at("holders").items()) s.holders.insert(id);
        s.control = read_control_layer(folder / doc.at("control").get<std::string>(), s.holders, s.warnings);
        for (const auto& file : doc.value("outlines", nlohmann::json::array())) {
            std::vector<PlaceOutline> found = read_place_outlines(folder / file.get<std::string>());
            s.outlines.insert(s.outlines.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        }
        for (const auto& out : doc.value("outside", nlohmann::json::array())) {
            const std::string except = out.value("except", std::string());
            s.outside.push_back(outside_country(folder / out.at("countries").get<std::string>(), out.at("country").get<std::string>(),
                                                except.empty() ? std::filesystem::path() : folder / except));
        }
    } catch (const nlohmann::json::exception& e) {
        throw DataError(SourceLocation(manifest.string()), std::string("malformed scenario: ") + e.what());
    }
    return s;
}

}  // namespace frontline
