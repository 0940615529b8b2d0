#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "geo/geoparser.hpp"

namespace frontline::app {

/// One JSONL article of `frontline geoparse` turned into its output object. Declared apart from
/// run_geoparse so that the geoparse fuzzer (fuzz/) feeds it lines without files or a gazetteer load
/// per input.
/// @throws InputError (without a place: the caller adds file:line) when the line is not an object
///         with "id" and a string "text", or its given toponyms are malformed.
[[nodiscard]] nlohmann::json geoparse_line(const Geoparser& parser, const std::string& line, bool spans_given);

}  // namespace frontline::app
