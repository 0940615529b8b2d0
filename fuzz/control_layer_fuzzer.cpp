// The control-layer reader under libFuzzer: any bytes as a GeoJSON file through GDAL. A bad
// layer must end in a frontline::Error naming the file, never in a crash or sanitizer finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "control/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("frontline-fuzz-" + std::to_string(::getpid()) + ".geojson");
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    const std::set<std::string> holders = {"SYR", "TUR", "ISIL", "SDF", "KRG", "IRQ", "UKR", "RUS"};
    std::vector<std::string> warnings;
    try {
        static_cast<void>(frontline::read_control_layer(path, holders, warnings));
    } catch (const frontline::Error&) {
        // Rejecting a malformed layer with a message is the documented outcome.
    }
    std::filesystem::remove(path);
    return 0;
}
