// The `frontline geoparse` JSONL reader under libFuzzer: each input line goes through
// geoparse_line in both span modes, as run_geoparse does. The gazetteer loads once.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "app/geoparse_line.hpp"
#include "common/assets.hpp"
#include "common/error.hpp"
#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geocoder.hpp"

namespace {

struct Geoparsing {
    frontline::Gazetteer gazetteer;
    frontline::CountryIndex countries;
    frontline::Geocoder geocoder{gazetteer, countries};
    frontline::Geoparser parser{geocoder};
};

std::unique_ptr<Geoparsing> geoparsing;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const auto root = frontline::data_root();
    geoparsing.reset(new Geoparsing{frontline::Gazetteer::load(root),
                                    frontline::CountryIndex::load(root / "geodata" / "naturalearth" / "countries-10m.json")});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::string line;
    while (std::getline(in, line)) {
        for (const bool spans_given : {false, true}) {
            try {
                static_cast<void>(frontline::app::geoparse_line(geoparsing->parser, line, spans_given)
                                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            } catch (const frontline::InputError&) {
                // A malformed line is skipped with this message by run_geoparse.
            }
        }
    }
    return 0;
}
