#pragma once

#include <filesystem>

namespace frontline {

/// A file written in full or not at all: content goes to a hidden temporary file in the target's
/// folder and is renamed over the target by `commit()`. Destroyed uncommitted, the temporary file
/// is removed and the previous target is left intact.
class AtomicFile {
public:
    /// @throws OutputError when the folder is missing or not writable.
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&&) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile();

    /// Where to write before `commit()`.
    [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }
    [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }

    /// Flushes the temporary file to disk and renames it over the target.
    /// @throws OutputError when either step fails (the target keeps its previous content).
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

}  // namespace frontline
