#include "geo/gazetteer.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "text/fold.hpp"

namespace frontline {

namespace {

std::vector<std::string_view> split_view(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = line.find(sep, start);
        out.push_back(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

double to_double(std::string_view text, const std::string& where) {
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{}) throw DataError(SourceLocation(where), "not a number: '" + std::string(text) + "'");
    (void)ptr;
    return value;
}

std::int64_t to_int(std::string_view text) {
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

struct GzCloser {
    void operator()(gzFile f) const noexcept { gzclose(f); }
};
using GzFile = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

/// Calls `row(cells, line_number)` for every data row of a (possibly gzipped) TSV with a header.
template <typename RowFn>
void read_tsv(const std::filesystem::path& path, RowFn row) {
    GzFile file(gzopen(path.c_str(), "rb"));
    if (!file) throw DataError(SourceLocation(path.string()), "cannot open data file");
    std::string line;
    char buffer[1 << 16];
    std::size_t line_number = 0;
    while (gzgets(file.get(), buffer, sizeof buffer)) {
        line += buffer;
        if (line.back() != '\n' && !gzeof(file.get())) continue;  // a line longer than the buffer
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        ++line_number;
        if (line_number > 1 && !line.empty()) row(split_view(line, '\t'), line_number);
        line.clear();
    }
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

/// A fingerprint of the geodata files the name index is built from, and of the index format.
std::string geodata_fingerprint(const std::filesystem::path& dir) {
    std::uint64_t hash = fnv1a("frontline-names-v1", 1469598103934665603ULL);
    for (const char* file : {"countries.tsv", "places.tsv.gz", "admin1.tsv", "curated/places.tsv", "curated/names.tsv"}) {
        std::ifstream in(dir / file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        hash = fnv1a(bytes, hash);
    }
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::optional<std::filesystem::path> cache_folder() {
    if (const char* dir = std::getenv("FRONTLINE_CACHE"); dir && *dir) return std::filesystem::path(dir);
    if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir && *dir) return std::filesystem::path(dir) / "frontline";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "frontline";
    return std::nullopt;
}

template <typename T>
void put(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
bool get(std::string_view& in, T& value) {
    if (in.size() < sizeof value) return false;
    std::memcpy(&value, in.data(), sizeof value);
    in.remove_prefix(sizeof value);
    return true;
}

}  // namespace

bool Gazetteer::read_name_cache(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string_view view(bytes);
    std::uint32_t count = 0;
    if (!get(view, count)) return false;
    std::unordered_map<std::string, std::vector<NameHit>> names;
    names.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint16_t length = 0, hits = 0;
        if (!get(view, length) || view.size() < length) return false;
        std::string key(view.substr(0, length));
        view.remove_prefix(length);
        if (!get(view, hits)) return false;
        std::vector<NameHit> list(hits);
        for (NameHit& hit : list) {
            std::uint8_t kind = 0;
            if (!get(view, kind) || !get(view, hit.index) || kind > 2) return false;
            hit.kind = static_cast<NameHit::Kind>(kind);
        }
        names.emplace(std::move(key), std::move(list));
    }
    if (!view.empty()) return false;
    names_ = std::move(names);
    names_cached_ = true;
    return true;
}

void Gazetteer::write_name_cache(const std::filesystem::path& path) const {
    std::string out;
    put(out, static_cast<std::uint32_t>(names_.size()));
    for (const auto& [key, hits] : names_) {
        if (key.size() > 0xFFFF || hits.size() > 0xFFFF) return;
        put(out, static_cast<std::uint16_t>(key.size()));
        out += key;
        put(out, static_cast<std::uint16_t>(hits.size()));
        for (const NameHit& hit : hits) {
            put(out, static_cast<std::uint8_t>(hit.kind));
            put(out, hit.index);
        }
    }
    try {
        std::filesystem::create_directories(path.parent_path());
        AtomicFile file(path);
        std::ofstream(file.temp_path(), std::ios::binary).write(out.data(), static_cast<std::streamsize>(out.size()));
        file.commit();
    } catch (const std::exception&) {
        // A read-only home only means the next run folds the names again.
    }
}

void Gazetteer::add_name(std::string_view name, NameHit hit) {
    if (name.empty() || names_cached_) return;
    std::vector<NameHit>& hits = names_[fold(name)];
    for (const NameHit& h : hits)
        if (h.kind == hit.kind && h.index == hit.index) return;
    hits.push_back(hit);
}

Gazetteer Gazetteer::load(const std::filesystem::path& data_root) {
    Gazetteer g;
    const std::filesystem::path dir = data_root / "geodata";
    const auto cache_dir = cache_folder();
    const std::optional<std::filesystem::path> cache =
        cache_dir ? std::optional(*cache_dir / ("gazetteer-names-" + geodata_fingerprint(dir) + ".bin")) : std::nullopt;
    if (cache) (void)g.read_name_cache(*cache);
    std::unordered_map<std::string, std::string> iso2_to_iso3;

    const std::string countries_file = (dir / "countries.tsv").string();
    read_tsv(dir / "countries.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 11) throw DataError(SourceLocation(countries_file, line), "expected 13 columns");
        Country country{std::string(c[0]), std::string(c[1]), std::string(c[4]), std::string(c[3]), std::string(c[10])};
        if (country.iso3.empty()) return;
        const auto index = static_cast<std::uint32_t>(g.countries_.size());
        iso2_to_iso3[country.iso2] = country.iso3;
        g.by_iso3_[country.iso3] = index;
        for (const std::string_view name : {c[3], c[4], c[5]}) g.add_name(name, {NameHit::Kind::country, index});
        for (const std::string_view name : split_view(c[6], '|')) g.add_name(name, {NameHit::Kind::country, index});
        g.countries_.push_back(std::move(country));
    });

    const std::string places_file = (dir / "places.tsv.gz").string();
    read_tsv(dir / "places.tsv.gz", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 11) throw DataError(SourceLocation(places_file, line), "expected 11 columns");
        Place p;
        p.id = "geonames:" + std::string(c[0]);
        p.name = std::string(c[1]);
        p.lat = to_double(c[3], places_file);
        p.lon = to_double(c[4], places_file);
        p.feature_class = c[5].empty() ? 'P' : c[5].front();
        p.feature_code = std::string(c[6]);
        const auto iso3 = iso2_to_iso3.find(std::string(c[7]));
        p.country_iso3 = iso3 == iso2_to_iso3.end() ? std::string() : iso3->second;
        p.admin1 = std::string(c[7]) + "." + std::string(c[8]);
        p.population = to_int(c[9]);
        const auto index = static_cast<std::uint32_t>(g.places_.size());
        g.by_id_[p.id] = index;
        g.add_name(c[1], {NameHit::Kind::place, index});
        g.add_name(c[2], {NameHit::Kind::place, index});
        for (const std::string_view alt : split_view(c[10], '|'))
            // Short all-capital alternates are mostly airport codes ("PKK", "YPG"): never names in news.
            if (!(alt.size() <= 4 && std::all_of(alt.begin(), alt.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })))
                g.add_name(alt, {NameHit::Kind::place, index});
        g.places_.push_back(std::move(p));
    });

    const std::string curated_file = (dir / "curated" / "places.tsv").string();
    read_tsv(dir / "curated" / "places.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 8) throw DataError(SourceLocation(curated_file, line), "expected 9 columns");
        Place p;
        p.id = std::string(c[0]);
        p.name = std::string(c[1]);
        p.lat = to_double(c[3], curated_file);
        p.lon = to_double(c[4], curated_file);
        p.feature_class = 'C';
        p.feature_code = std::string(c[5]);
        p.approximate = c[7] == "yes";
        if (const auto parent = g.by_id_.find("geonames:" + std::string(c[6])); parent != g.by_id_.end()) {
            p.country_iso3 = g.places_[parent->second].country_iso3;
            p.admin1 = g.places_[parent->second].admin1;
        }
        const auto index = static_cast<std::uint32_t>(g.places_.size());
        g.by_id_[p.id] = index;
        g.add_name(c[1], {NameHit::Kind::place, index});
        for (const std::string_view alt : split_view(c[2], '|')) g.add_name(alt, {NameHit::Kind::place, index});
        g.places_.push_back(std::move(p));
    });
    read_tsv(dir / "curated" / "names.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 2) return;
        if (const auto it = g.by_id_.find("geonames:" + std::string(c[0])); it != g.by_id_.end())
            g.add_name(c[1], {NameHit::Kind::place, it->second});
    });

    // First-level regions: "Hakkari province", "Nineveh": their most populous place stands for them.
    std::unordered_map<std::string, std::uint32_t> admin1_index;
    read_tsv(dir / "admin1.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 2) return;
        const auto index = static_cast<std::uint32_t>(g.admin1_codes_.size());
        admin1_index[std::string(c[0])] = index;
        g.admin1_codes_.emplace_back(c[0]);
        g.admin1_names_.emplace_back(c[1]);
        g.admin1_seats_.emplace_back();
        for (std::size_t k = 1; k < c.size(); ++k) g.add_name(c[k], {NameHit::Kind::admin1, index});
    });
    for (std::uint32_t i = 0; i < g.places_.size(); ++i) {
        const Place& p = g.places_[i];
        if (p.feature_class != 'P') continue;
        const auto a = admin1_index.find(p.admin1);
        if (a == admin1_index.end()) continue;
        auto& seat = g.admin1_seats_[a->second];
        if (!seat || g.places_[*seat].population < p.population) seat = i;
    }
    if (cache && !g.names_cached_) g.write_name_cache(*cache);
    return g;
}

const std::vector<NameHit>& Gazetteer::lookup(const std::string& folded) const {
    static const std::vector<NameHit> none;
    const auto it = names_.find(folded);
    return it == names_.end() ? none : it->second;
}

std::optional<std::uint32_t> Gazetteer::admin1_seat(std::uint32_t admin1) const { return admin1_seats_.at(admin1); }

std::optional<std::uint32_t> Gazetteer::country_by_iso3(const std::string& iso3) const {
    const auto it = by_iso3_.find(iso3);
    return it == by_iso3_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

std::optional<std::uint32_t> Gazetteer::place_by_id(const std::string& id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

}  // namespace frontline
