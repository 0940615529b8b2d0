#pragma once

#include <filesystem>

#include "common/atomic_file.hpp"

namespace frontline::detail {

/// GDAL drivers choose their behaviour by extension (GPKG warns that any other extension breaks
/// the GeoPackage spec, CSV makes a folder), but AtomicFile's temporary name ends in ".tmp-N". A StagedFile
/// is that name plus the target's extension; `hand_over()` moves it onto the temporary name just
/// before `AtomicFile::commit()`. Destroyed before that, it is removed.
class StagedFile {
public:
    explicit StagedFile(const AtomicFile& file);
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    ~StagedFile();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

    /// @throws OutputError when the rename fails.
    void hand_over();

private:
    const AtomicFile& file_;
    std::filesystem::path path_;
    bool handed_over_ = false;
};

}  // namespace frontline::detail
