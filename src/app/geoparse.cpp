// `frontline geoparse`: place names of JSONL articles found (or given) and resolved to points.

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/geoparse_line.hpp"
#include "common/assets.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geocoder.hpp"
#include "geo/geoparser.hpp"

namespace frontline::app {

namespace {

nlohmann::json place_json(const GeoparsedPlace& p, const std::vector<std::size_t>& bytes) {
    nlohmann::json out = {{"start", code_point_index(bytes, p.span.begin)}, {"end", code_point_index(bytes, p.span.end)}, {"phrase", p.phrase}};
    out["geonameid"] = nullptr;
    out["lat"] = nullptr;
    out["lon"] = nullptr;
    out["geo_precision"] = nullptr;
    if (p.location) {
        if (p.location->place_id.starts_with("geonames:")) out["geonameid"] = std::stoll(p.location->place_id.substr(9));
        out["lat"] = p.location->anchor.lat();
        out["lon"] = p.location->anchor.lon();
        out["geo_precision"] = p.location->geo_precision;
    }
    return out;
}

}  // namespace

nlohmann::json geoparse_line(const Geoparser& parser, const std::string& line, bool spans_given) {
    nlohmann::json in;
    try {
        in = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number beyond double's range ("1e400").
        throw InputError(std::string("not JSON: ") + e.what());
    }
    if (!in.is_object() || !in.contains("id") || !in.contains("text") || !in["text"].is_string())
        throw InputError("expected an object with \"id\" and a string \"text\"");
    const std::string text = in["text"].get<std::string>();
    // Offsets in the JSON are code points; the geoparser works in bytes.
    const std::vector<std::size_t> bytes = code_point_starts(text);
    std::vector<ToponymSpan> spans;
    if (spans_given) {
        if (!in.contains("toponyms") || !in["toponyms"].is_array())
            throw InputError("--spans given needs a \"toponyms\" array of {start, end}");
        const std::size_t length = bytes.size() - 1;
        for (const auto& t : in["toponyms"]) {
            if (!t.is_object() || !t.contains("start") || !t.contains("end") || !t["start"].is_number_unsigned() ||
                !t["end"].is_number_unsigned())
                throw InputError("a toponym needs non-negative integer \"start\" and \"end\"");
            const auto start = t["start"].get<std::size_t>();
            const auto end = t["end"].get<std::size_t>();
            if (start >= end || end > length)
                throw InputError("toponym [" + std::to_string(start) + ", " + std::to_string(end) + ") is outside the text of " +
                                 std::to_string(length) + " code points");
            spans.push_back({bytes[start], bytes[end]});
        }
    } else {
        spans = parser.find(text);
    }
    nlohmann::json places = nlohmann::json::array();
    for (const GeoparsedPlace& p : parser.resolve(text, spans)) places.push_back(place_json(p, bytes));
    return {{"id", in["id"]}, {"places", std::move(places)}};
}

int run_geoparse(const GeoparseOptions& options) {
    if (options.spans != "given" && options.spans != "find")
        throw UsageError("--spans takes 'given' or 'find', not '" + options.spans + "'");
    std::ifstream in(options.input, std::ios::binary);
    if (!in) throw InputError(SourceLocation(options.input), "cannot open the input");
    const std::filesystem::path root = data_root();
    const Gazetteer gazetteer = Gazetteer::load(root);
    const CountryIndex countries = CountryIndex::load(root / "geodata" / "naturalearth" / "countries-10m.json");
    const Geocoder geocoder(gazetteer, countries);
    const Geoparser parser(geocoder);

    AtomicFile file(options.output);
    std::ofstream out(file.temp_path(), std::ios::binary);
    std::size_t line_number = 0, articles = 0, skipped = 0;
    std::string line;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            out << geoparse_line(parser, line, options.spans == "given").dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
            ++articles;
        } catch (const InputError& e) {
            std::cerr << "frontline: skipped: " << SourceLocation(options.input, line_number).str() << ": " << e.what() << '\n';
            ++skipped;
        }
    }
    out.close();
    if (!out) throw OutputError(SourceLocation(options.output), "cannot write the output");
    if (articles == 0) throw InputError(SourceLocation(options.input), "no article could be read; nothing written");
    file.commit();
    std::cerr << "frontline: " << articles << " articles geoparsed to " << options.output << '\n';
    return skipped > 0 ? exit_inputs_skipped : exit_ok;
}

}  // namespace frontline::app
