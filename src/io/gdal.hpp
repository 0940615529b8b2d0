#pragma once

#include <memory>
#include <string>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "common/error.hpp"

namespace frontline {

/// Registers GDAL's drivers, once per process and from any thread.
void ensure_gdal_registered();

/// Releases a reference instead of deleting: GDAL layers may keep a reference to their SRS.
struct SpatialReferenceReleaser {
    void operator()(OGRSpatialReference* srs) const noexcept { srs->Release(); }
};
using SpatialReferencePtr = std::unique_ptr<OGRSpatialReference, SpatialReferenceReleaser>;

/// WGS 84 (EPSG:4326) with longitude first, the only coordinate order inside Frontline.
/// @throws GeoError when PROJ's database has no EPSG:4326 (a broken installation).
[[nodiscard]] SpatialReferencePtr wgs84_lon_lat();

/// While alive, GDAL errors raised on this thread are recorded instead of printed, so that the
/// caller can throw a Frontline exception that names `file` once the GDAL call has returned
/// (throwing from inside GDAL's handler would unwind through C code). Warnings are dropped.
class GdalErrorCapture {
public:
    explicit GdalErrorCapture(std::string file);
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
    ~GdalErrorCapture();

    /// Throws `E` naming the file (and `feature` when given), `what`, and GDAL's last message.
    /// @throws E always.
    template <class E>
    [[noreturn]] void raise(const std::string& what, const std::string& feature = {}) const {
        throw E(SourceLocation::at_feature(file_, feature),
                last_message_.empty() ? what : what + ": " + last_message_);
    }

    /// @throws E (see `raise`) when GDAL has reported a failure since construction.
    template <class E>
    void throw_if_failed(const std::string& what) const {
        if (failed_) raise<E>(what);
    }

private:
    static void CPL_STDCALL record(CPLErr level, CPLErrorNum number, const char* message);

    std::string file_;
    std::string last_message_;
    bool failed_ = false;
};

}  // namespace frontline
