#include "common/error.hpp"

namespace frontline {

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
