#include "common/error.hpp"

namespace frontline {

SourceLocation::SourceLocation(std::string file_name, std::optional<std::size_t> line_number,
                               std::optional<std::size_t> column_number)
    : file(std::move(file_name)), line(line_number), column(column_number) {}

SourceLocation SourceLocation::at_byte(std::string file_name, std::size_t offset) {
    SourceLocation where(std::move(file_name));
    where.byte_offset = offset;
    return where;
}

SourceLocation SourceLocation::at_feature(std::string file_name, std::string feature_id) {
    SourceLocation where(std::move(file_name));
    where.feature = std::move(feature_id);
    return where;
}

std::string SourceLocation::str() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line) {
        out += ":" + std::to_string(*line);
        if (column) out += ":" + std::to_string(*column);
    } else if (byte_offset) {
        out += ": byte " + std::to_string(*byte_offset);
    }
    if (!feature.empty()) out += ": feature " + feature;
    return out;
}

Error::Error(const std::string& message) : std::runtime_error(message) {}

Error::Error(const SourceLocation& where, const std::string& message)
    : std::runtime_error(where.str() + ": " + message), where_(where) {}

}  // namespace frontline
