#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace frontline {

/// Where in an input something went wrong: a file and, when known, a line, column or byte offset,
/// or a feature id. Rendered as `file:line:column`, `file: byte N` or `file: feature ID`.
struct SourceLocation {
    SourceLocation() = default;
    explicit SourceLocation(std::string file_name, std::optional<std::size_t> line_number = std::nullopt,
                            std::optional<std::size_t> column_number = std::nullopt);
    /// A place given as a byte offset into the file.
    [[nodiscard]] static SourceLocation at_byte(std::string file_name, std::size_t offset);
    /// A feature (by id) of a vector data file.
    [[nodiscard]] static SourceLocation at_feature(std::string file_name, std::string feature_id);

    std::string file;
    std::optional<std::size_t> line;
    std::optional<std::size_t> column;
    std::optional<std::size_t> byte_offset;
    std::string feature;

    [[nodiscard]] std::string str() const;
};

/// Root of every exception Frontline throws on purpose. `what()` is one line that names the place
/// (when there is one), what is wrong and, where useful, what to do.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    Error(const SourceLocation& where, const std::string& message);

    [[nodiscard]] const std::optional<SourceLocation>& where() const noexcept { return where_; }

private:
    std::optional<SourceLocation> where_;
};

/// An input article, sidecar or data file that cannot be read as the format it claims to be.
class InputError : public Error {
    using Error::Error;
};

/// A command line that asks for something impossible (unknown output format, bad date, ...).
class UsageError : public Error {
    using Error::Error;
};

/// An output that cannot be written; the previous output, if any, is left untouched.
class OutputError : public Error {
    using Error::Error;
};

/// Geometry or coordinate trouble, including errors reported by GEOS, PROJ and GDAL.
class GeoError : public Error {
    using Error::Error;
};

/// A lexicon, gazetteer or scenario file shipped with Frontline is missing or malformed.
class DataError : public Error {
    using Error::Error;
};

}  // namespace frontline
