#include "io/gdal.hpp"

#include <mutex>

#include <cpl_error.h>

namespace frontline {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

SpatialReferencePtr wgs84_lon_lat() {
    SpatialReferencePtr srs(new OGRSpatialReference());
    if (srs->importFromEPSG(4326) != OGRERR_NONE)
        throw GeoError("EPSG:4326 is unknown to PROJ: check that proj.db is installed (PROJ_DATA)");
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

GdalErrorCapture::GdalErrorCapture(std::string file) : file_(std::move(file)) {
    ensure_gdal_registered();
    CPLPushErrorHandlerEx(&GdalErrorCapture::record, this);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCapture::record(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    if (level != CE_Failure && level != CE_Fatal) return;
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    self->failed_ = true;
    self->last_message_ = message != nullptr ? message : "";
}

}  // namespace frontline
