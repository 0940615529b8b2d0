#include "geo/gazetteer.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "common/atomic_file.hpp"
#include "common/cache.hpp"
#include "common/error.hpp"
#include "geo/detail/gazetteer_index.hpp"
#include "text/fold.hpp"

namespace frontline {

namespace {

using detail::no_country;
using detail::no_index;

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

double to_double(std::string_view text, const std::string& file, std::size_t line) {
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size())
        throw DataError(SourceLocation(file, line), "not a number: '" + std::string(text) + "'");
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
    if (!file) throw DataError(SourceLocation(path.string()), "cannot open data file; run scripts/geodata/derive.sh");
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

constexpr const char* index_files[] = {"countries.tsv",       "places.tsv.gz",      "admin1.tsv",        "admin2.tsv",
                                       "admin1-abbreviations.tsv", "regions.tsv", "curated/places.tsv", "curated/names.tsv"};

/// A fingerprint of the geodata files the index is built from (their size and modification
/// time: reading 12 MB to hash the contents would cost more than the whole mapped load) and of
/// the index format.
std::uint64_t geodata_fingerprint(const std::filesystem::path& dir) {
    std::uint64_t hash = fnv1a("frontline-gazetteer-index-v7");
    for (const char* file : index_files) {
        const std::filesystem::path path = dir / file;
        const auto file_hash = fingerprint_file(path, fnv1a(file, hash));
        if (!file_hash) throw DataError(SourceLocation(path.string()), "cannot open data file; run scripts/geodata/derive.sh");
        hash = *file_hash;
    }
    return hash;
}

bool is_short_all_caps(std::string_view s) {
    return s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

/// "Rapides Parish" → "Rapides": the word that says what kind of unit it is, dropped. News often
/// names a county without the word, but a bare name is weak evidence (Form::bare).
std::string_view without_unit_word(std::string_view name) {
    for (const std::string_view suffix : {" City and Borough", " Census Area", " County", " Parish", " Borough", " District",
                                          " Municipality", " Province", " Governorate", " Department", " Region", " Oblast",
                                          " Prefecture", " Township", " Raion", " Rayon", " Regional Unit", " State"})
        if (name.size() > suffix.size() + 2 && name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
    return {};
}

/// "Syrian" → "Syrians", "Briton" → "Britons"; "Chinese", "Swiss" and "Turkish" have no plural.
std::string demonym_plural(std::string_view d) {
    if (d.ends_with("s") || d.ends_with("sh") || d.ends_with("ch") || d.ends_with("ese") || d.ends_with("x") || d.ends_with("z"))
        return {};
    return std::string(d) + "s";
}

/// Collects the records and names, then lays them out as one image.
class IndexBuilder {
public:
    std::uint32_t str(std::string_view s) {
        const auto offset = static_cast<std::uint32_t>(pool_.size());
        pool_.append(s);
        pool_.push_back('\0');
        return offset;
    }

    void name(std::string_view surface, NameHit::Kind kind, NameHit::Form form, std::uint32_t index) {
        if (surface.empty()) return;
        std::string key = fold(surface);
        if (key.empty()) return;
        // News drops the Arabic article GeoNames keeps ("Hasakah" for Al-Hasakah, "Raqqa" for Ar
        // Raqqah): the bare name is a weaker claim on the same place.
        for (const std::string_view article : {"al-", "al ", "ar-", "ar ", "as-", "as ", "ash-", "ash ", "ad-", "ad ", "az-",
                                               "az ", "an-", "an ", "at-", "at ", "el-"})
            if (key.size() >= article.size() + 4 && std::string_view(key).starts_with(article)) {
                const NameHit::Form weaker = kind == NameHit::Kind::place ? NameHit::Form::alternate : NameHit::Form::bare;
                names_.emplace_back(key.substr(article.size()), NameHit{kind, weaker, index});
                break;
            }
        names_.emplace_back(std::move(key), NameHit{kind, form, index});
    }

    void reserve_names(std::size_t n) { names_.reserve(n); }

    std::vector<detail::PlaceRecord> places;
    std::vector<detail::AdminRecord> admin1, admin2;
    std::vector<detail::CountryRecord> countries;
    std::vector<detail::RegionRecord> regions;

    std::vector<char> image(std::uint64_t fingerprint) {
        // Stable: a name's hits keep the order they were added in, strongest form first.
        std::stable_sort(names_.begin(), names_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<detail::KeyRecord> keys;
        std::vector<detail::HitRecord> hits;
        for (std::size_t i = 0; i < names_.size();) {
            const std::string& key = names_[i].first;
            const auto first = static_cast<std::uint32_t>(hits.size());
            for (; i < names_.size() && names_[i].first == key; ++i) {
                const NameHit& h = names_[i].second;
                // One hit per thing named: the first (strongest) form stays.
                const bool seen = std::any_of(hits.begin() + first, hits.end(),
                                              [&](const detail::HitRecord& r) { return r.kind == h.kind && r.index == h.index; });
                if (!seen) hits.push_back({h.kind, h.form, 0, h.index});
            }
            keys.push_back({str(key), static_cast<std::uint32_t>(key.size()), first, static_cast<std::uint32_t>(hits.size()) - first});
        }
        // The names are the bulk of the build's memory: gone before the image is laid out.
        names_ = {};

        detail::IndexHeader header{};
        std::memcpy(header.magic, "FLGZIDX1", 8);
        header.fingerprint = fingerprint;
        std::vector<char> out(sizeof header);
        auto section = [&](detail::Section s, const void* data, std::size_t bytes, std::size_t count) {
            out.resize((out.size() + 7) / 8 * 8);
            header.offset[s] = out.size();
            header.count[s] = count;
            const auto* p = static_cast<const char*>(data);
            out.insert(out.end(), p, p + bytes);
        };
        auto records = [&](detail::Section s, const auto& v) { section(s, v.data(), v.size() * sizeof v[0], v.size()); };
        records(detail::places, places);
        records(detail::admin1, admin1);
        records(detail::admin2, admin2);
        records(detail::countries, countries);
        records(detail::regions, regions);
        records(detail::keys, keys);
        records(detail::hits, hits);
        section(detail::pool, pool_.data(), pool_.size(), pool_.size());
        std::memcpy(out.data(), &header, sizeof header);
        return out;
    }

private:
    std::string pool_{'\0'};  // offset 0 is the empty string
    std::vector<std::pair<std::string, NameHit>> names_;  ///< folded name and hit, as added
};

void copy_code(char (&dst)[8], std::string_view code) {
    std::memset(dst, 0, sizeof dst);
    std::memcpy(dst, code.data(), std::min(code.size(), sizeof dst - 1));
}

}  // namespace

// ---- the mapped index ---------------------------------------------------------------------------

namespace detail {

GazetteerIndex::~GazetteerIndex() {
    if (mapping_) munmap(mapping_, mapping_size_);
}

std::string_view GazetteerIndex::str(std::uint32_t offset) const {
    if (offset >= pool.size()) return {};
    return std::string_view(pool.data() + offset);
}

bool GazetteerIndex::attach(const char* data, std::size_t size, std::uint64_t fingerprint) {
    IndexHeader header{};
    if (size < sizeof header) return false;
    std::memcpy(&header, data, sizeof header);
    if (std::memcmp(header.magic, "FLGZIDX1", 8) != 0 || header.fingerprint != fingerprint) return false;
    const std::size_t sizes[section_count] = {sizeof(PlaceRecord), sizeof(AdminRecord), sizeof(AdminRecord), sizeof(CountryRecord),
                                              sizeof(RegionRecord), sizeof(KeyRecord),   sizeof(HitRecord),   1};
    for (std::size_t s = 0; s < section_count; ++s)
        if (header.offset[s] % 8 != 0 || header.offset[s] > size || header.count[s] > (size - header.offset[s]) / sizes[s]) return false;
    auto view = [&]<typename T>(Section s, std::span<const T>& out) {
        out = std::span<const T>(reinterpret_cast<const T*>(data + header.offset[s]), header.count[s]);
    };
    view(Section::places, places);
    view(Section::admin1, admin1);
    view(Section::admin2, admin2);
    view(Section::countries, countries);
    view(Section::regions, regions);
    view(Section::keys, keys);
    view(Section::hits, hits);
    pool = std::string_view(data + header.offset[Section::pool], header.count[Section::pool]);
    return true;
}

bool GazetteerIndex::map(const std::filesystem::path& path, std::uint64_t fingerprint) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        return false;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (data == MAP_FAILED) return false;
    mapping_ = data;
    mapping_size_ = size;
    return attach(static_cast<const char*>(data), size, fingerprint);
}

void GazetteerIndex::adopt(std::vector<char> image) {
    owned_ = std::move(image);
    IndexHeader header{};
    std::memcpy(&header, owned_.data(), sizeof header);
    (void)attach(owned_.data(), owned_.size(), header.fingerprint);
}

std::vector<char> build_index(const std::filesystem::path& dir, std::uint64_t fingerprint) {
    IndexBuilder b;
    b.reserve_names(1'300'000);  // about 1.15 million names: no doubling on the way (peak memory)
    using Kind = NameHit::Kind;
    using Form = NameHit::Form;

    std::unordered_map<std::string, std::uint16_t> country_by_iso2;
    const std::string countries_file = (dir / "countries.tsv").string();
    read_tsv(dir / "countries.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 15) throw DataError(SourceLocation(countries_file, line), "expected 15 columns; run scripts/geodata/derive.sh");
        if (c[1].empty() || c[13].empty()) return;  // Natural Earth features without an ISO code or a point
        const auto index = static_cast<std::uint16_t>(b.countries.size());
        country_by_iso2[std::string(c[0])] = index;
        b.countries.push_back({to_double(c[13], countries_file, line), to_double(c[14], countries_file, line), b.str(c[0]), b.str(c[1]),
                               b.str(c[4]), b.str(c[3]), b.str(c[10]), 0});
        for (const std::string_view name : {c[4], c[3], c[5]}) b.name(name, Kind::country, Form::name, index);
        for (const std::string_view name : split_view(c[6], '|')) b.name(name, Kind::country, Form::name, index);
        for (const std::string_view name : split_view(c[7], '|')) b.name(name, Kind::country, Form::abbreviation, index);
        for (const std::string_view name : split_view(c[8], '|')) {
            b.name(name, Kind::country, Form::demonym, index);
            b.name(demonym_plural(name), Kind::country, Form::demonym, index);
        }
    });
    auto country_of = [&](std::string_view iso2) {
        const auto it = country_by_iso2.find(std::string(iso2));
        return it == country_by_iso2.end() ? no_country : it->second;
    };

    // Admin units: "US.TX" (admin1.tsv) and "US.LA.079" (admin2.tsv), each at the mean of its towns.
    std::unordered_map<std::string, std::uint32_t> admin1_by_code, admin2_by_code;
    auto read_admin = [&](const char* file, Kind kind, std::vector<detail::AdminRecord>& table,
                          std::unordered_map<std::string, std::uint32_t>& by_code) {
        const std::string path = (dir / file).string();
        read_tsv(dir / file, [&](const std::vector<std::string_view>& c, std::size_t line) {
            if (c.size() < 6) throw DataError(SourceLocation(path, line), "expected 6 columns; run scripts/geodata/derive.sh");
            const auto index = static_cast<std::uint32_t>(table.size());
            by_code[std::string(c[0])] = index;
            const bool placed = !c[3].empty();
            table.push_back({placed ? to_double(c[3], path, line) : 0.0, placed ? to_double(c[4], path, line) : 0.0, b.str(c[0]),
                             b.str(c[1]), static_cast<std::uint32_t>(to_int(c[5])), country_of(c[0].substr(0, c[0].find('.'))), 0});
            if (!placed) return;  // a unit with no town has no point to give
            for (const std::string_view name : {c[1], c[2]}) {
                b.name(name, kind, Form::name, index);
                const std::string_view bare = without_unit_word(name);
                b.name(bare, kind, Form::bare, index);
            }
        });
    };
    read_admin("admin1.tsv", Kind::admin1, b.admin1, admin1_by_code);
    read_admin("admin2.tsv", Kind::admin2, b.admin2, admin2_by_code);
    const std::string abbreviations_file = (dir / "admin1-abbreviations.tsv").string();
    read_tsv(dir / "admin1-abbreviations.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        const auto it = admin1_by_code.find(std::string(c.at(0)));
        if (c.size() < 3 || it == admin1_by_code.end()) throw DataError(SourceLocation(abbreviations_file, line), "unknown admin-1 code");
        b.name(c[1], Kind::admin1, c[2] == "postal" ? Form::postal : Form::abbreviation, it->second);
    });
    auto find_code = [](const std::unordered_map<std::string, std::uint32_t>& by_code, const std::string& code) {
        const auto it = by_code.find(code);
        return it == by_code.end() ? no_index : it->second;
    };

    const std::string places_file = (dir / "places.tsv.gz").string();
    read_tsv(dir / "places.tsv.gz", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 12) throw DataError(SourceLocation(places_file, line), "expected 12 columns; run scripts/geodata/derive.sh");
        detail::PlaceRecord p{};
        p.lat = to_double(c[3], places_file, line);
        p.lon = to_double(c[4], places_file, line);
        p.population = to_int(c[9]);
        p.geonameid = static_cast<std::uint32_t>(to_int(c[0]));
        p.name = b.str(c[1]);
        p.feature_class = c[5].empty() ? 'P' : c[5].front();
        copy_code(p.feature_code, c[6]);
        p.country = country_of(c[7]);
        const std::string a1 = std::string(c[7]) + "." + std::string(c[8]);
        p.admin1 = find_code(admin1_by_code, a1);
        p.admin2 = c[11].empty() ? no_index : find_code(admin2_by_code, a1 + "." + std::string(c[11]));
        const auto index = static_cast<std::uint32_t>(b.places.size());
        b.places.push_back(p);
        b.name(c[1], Kind::place, Form::name, index);
        b.name(c[2], Kind::place, Form::name, index);
        for (const std::string_view alt : split_view(c[10], '|'))
            // Short all-capital alternates are mostly airport codes ("PKK", "YPG"): never names in news.
            if (!is_short_all_caps(alt)) b.name(alt, Kind::place, Form::alternate, index);
    });
    std::unordered_map<std::uint32_t, std::uint32_t> by_geonameid;
    for (std::uint32_t i = 0; i < b.places.size(); ++i) by_geonameid[b.places[i].geonameid] = i;

    const std::string curated_file = (dir / "curated" / "places.tsv").string();
    read_tsv(dir / "curated" / "places.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 8) throw DataError(SourceLocation(curated_file, line), "expected 9 columns");
        detail::PlaceRecord p{};
        p.lat = to_double(c[3], curated_file, line);
        p.lon = to_double(c[4], curated_file, line);
        p.id = b.str(c[0]);
        p.name = b.str(c[1]);
        p.feature_class = 'C';
        copy_code(p.feature_code, c[5]);
        p.approximate = c[7] == "yes" ? 1 : 0;
        p.country = no_country;
        p.admin1 = p.admin2 = no_index;
        if (const auto parent = by_geonameid.find(static_cast<std::uint32_t>(to_int(c[6]))); parent != by_geonameid.end()) {
            p.country = b.places[parent->second].country;
            p.admin1 = b.places[parent->second].admin1;
            p.admin2 = b.places[parent->second].admin2;
        }
        const auto index = static_cast<std::uint32_t>(b.places.size());
        b.places.push_back(p);
        b.name(c[1], Kind::place, Form::name, index);
        for (const std::string_view alt : split_view(c[2], '|')) b.name(alt, Kind::place, Form::name, index);
    });
    read_tsv(dir / "curated" / "names.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 2) return;
        if (const auto it = by_geonameid.find(static_cast<std::uint32_t>(to_int(c[0]))); it != by_geonameid.end())
            b.name(c[1], Kind::place, Form::name, it->second);
    });

    const std::string regions_file = (dir / "regions.tsv").string();
    read_tsv(dir / "regions.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 12) throw DataError(SourceLocation(regions_file, line), "expected 12 columns; run scripts/geodata/derive.sh");
        if (c[3] == "direction" || c[9].empty()) return;
        const auto index = static_cast<std::uint32_t>(b.regions.size());
        b.regions.push_back({to_double(c[9], regions_file, line), to_double(c[10], regions_file, line), b.str(c[0]), b.str(c[1]),
                             b.str(c[3]), 0});
        b.name(c[1], Kind::region, Form::name, index);
        for (const std::string_view alt : split_view(c[2], '|'))
            b.name(alt, Kind::region, is_short_all_caps(alt) ? Form::abbreviation : Form::name, index);
    });
    return b.image(fingerprint);
}

}  // namespace detail

// ---- Gazetteer ----------------------------------------------------------------------------------

Gazetteer::Gazetteer() : index_(std::make_unique<detail::GazetteerIndex>()) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::load(const std::filesystem::path& data_root) {
    const std::filesystem::path dir = data_root / "geodata";
    const std::uint64_t fingerprint = geodata_fingerprint(dir);
    Gazetteer g;
    std::optional<std::filesystem::path> cache;
    if (const auto folder = cache_folder()) {
        char name[64];
        std::snprintf(name, sizeof name, "gazetteer-%016llx.idx", static_cast<unsigned long long>(fingerprint));
        cache = *folder / name;
    }
    if (!cache || !g.index_->map(*cache, fingerprint)) {
        std::vector<char> image = detail::build_index(dir, fingerprint);
        bool mapped = false;
        if (cache) {
            try {
                std::filesystem::create_directories(cache->parent_path());
                AtomicFile file(*cache);
                std::ofstream(file.temp_path(), std::ios::binary).write(image.data(), static_cast<std::streamsize>(image.size()));
                file.commit();
                g.index_ = std::make_unique<detail::GazetteerIndex>();
                mapped = g.index_->map(*cache, fingerprint);
            } catch (const std::exception&) {
                // A read-only cache folder only means the index lives in memory this time.
            }
        }
        if (!mapped) {
            g.index_ = std::make_unique<detail::GazetteerIndex>();
            g.index_->adopt(std::move(image));
        }
    }
    g.load_small_tables();
    // Directions are a handful of rows read straight from the table.
    read_tsv(dir / "regions.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 7 || c[3] != "direction") return;
        g.directions_.push_back({fold(c[1]), std::string(c[6])});
        for (const std::string_view alt : split_view(c[2], '|'))
            if (!alt.empty()) g.directions_.push_back({fold(alt), std::string(c[6])});
    });
    return g;
}

void Gazetteer::load_small_tables() {
    const detail::GazetteerIndex& x = *index_;
    for (const detail::CountryRecord& c : x.countries)
        countries_.push_back({std::string(x.str(c.iso2)), std::string(x.str(c.iso3)), std::string(x.str(c.name)),
                              std::string(x.str(c.ne_name)), std::string(x.str(c.capital)), c.lat, c.lon});
    for (std::uint32_t i = 0; i < countries_.size(); ++i) country_by_iso3_.try_emplace(countries_[i].iso3, i);
    for (const detail::RegionRecord& r : x.regions)
        regions_.push_back({std::string(x.str(r.id)), std::string(x.str(r.name)), std::string(x.str(r.kind)), r.lat, r.lon});
    admin1_names_.reserve(x.admin1.size());
    for (const detail::AdminRecord& a : x.admin1) admin1_names_.emplace_back(x.str(a.name));
}

std::span<const NameHit> Gazetteer::lookup(std::string_view folded) const {
    const detail::GazetteerIndex& x = *index_;
    // A damaged index reads as empty keys, never past the pool.
    auto text = [&](const detail::KeyRecord& k) { return x.pool.substr(std::min<std::size_t>(k.text, x.pool.size()), k.length); };
    const auto it = std::lower_bound(x.keys.begin(), x.keys.end(), folded,
                                     [&](const detail::KeyRecord& k, std::string_view key) { return text(k) < key; });
    if (it == x.keys.end() || text(*it) != folded) return {};
    // Checked here rather than for all keys at load, which would touch every page of the index.
    if (std::uint64_t{it->first_hit} + it->hit_count > x.hits.size()) return {};
    // HitRecord and NameHit share their layout (static_assert in the index header).
    return std::span<const NameHit>(reinterpret_cast<const NameHit*>(x.hits.data() + it->first_hit), it->hit_count);
}

std::size_t Gazetteer::place_count() const noexcept { return index_->places.size(); }

Place Gazetteer::place(std::uint32_t i) const {
    const detail::GazetteerIndex& x = *index_;
    const detail::PlaceRecord& r = x.places[i];
    Place p;
    p.id = r.geonameid ? "geonames:" + std::to_string(r.geonameid) : std::string(x.str(r.id));
    p.name = std::string(x.str(r.name));
    p.lat = r.lat;
    p.lon = r.lon;
    p.feature_class = r.feature_class;
    p.feature_code = std::string(r.feature_code, strnlen(r.feature_code, sizeof r.feature_code));
    if (r.country != no_country) p.country_iso3 = countries_[r.country].iso3;
    if (r.admin1 != no_index) p.admin1 = std::string(x.str(x.admin1[r.admin1].code));
    if (r.admin2 != no_index) p.admin2 = std::string(x.str(x.admin2[r.admin2].code));
    p.population = r.population;
    p.approximate = r.approximate != 0;
    return p;
}

LonLat Gazetteer::place_point(std::uint32_t i) const { return LonLat(index_->places[i].lon, index_->places[i].lat); }
std::int64_t Gazetteer::place_population(std::uint32_t i) const { return index_->places[i].population; }

std::optional<std::uint16_t> Gazetteer::place_country(std::uint32_t i) const {
    const std::uint16_t c = index_->places[i].country;
    return c == no_country ? std::nullopt : std::optional(c);
}

std::optional<std::uint32_t> Gazetteer::place_admin1(std::uint32_t i) const {
    const std::uint32_t a = index_->places[i].admin1;
    return a == no_index ? std::nullopt : std::optional(a);
}

std::optional<std::uint32_t> Gazetteer::place_admin2(std::uint32_t i) const {
    const std::uint32_t a = index_->places[i].admin2;
    return a == no_index ? std::nullopt : std::optional(a);
}

std::string_view Gazetteer::place_feature_code(std::uint32_t i) const {
    const detail::PlaceRecord& r = index_->places[i];
    return std::string_view(r.feature_code, strnlen(r.feature_code, sizeof r.feature_code));
}

char Gazetteer::place_feature_class(std::uint32_t i) const { return index_->places[i].feature_class; }

namespace {
AdminArea admin_area(const detail::GazetteerIndex& x, const detail::AdminRecord& r) {
    return AdminArea{std::string(x.str(r.code)), std::string(x.str(r.name)), r.lat, r.lon, r.country, r.country != no_country, r.towns};
}
}  // namespace

AdminArea Gazetteer::admin1(std::uint32_t i) const { return admin_area(*index_, index_->admin1[i]); }
AdminArea Gazetteer::admin2(std::uint32_t i) const { return admin_area(*index_, index_->admin2[i]); }
const std::string& Gazetteer::admin1_name(std::uint32_t i) const { return admin1_names_.at(i); }
std::string_view Gazetteer::admin1_code(std::uint32_t i) const { return index_->str(index_->admin1[i].code); }
std::string_view Gazetteer::admin2_code(std::uint32_t i) const { return index_->str(index_->admin2[i].code); }

std::optional<std::uint32_t> Gazetteer::country_by_iso3(const std::string& iso3) const {
    const auto found = country_by_iso3_.find(iso3);
    if (found == country_by_iso3_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::uint32_t> Gazetteer::country_by_iso2(std::string_view iso2) const {
    for (std::uint32_t i = 0; i < countries_.size(); ++i)
        if (countries_[i].iso2 == iso2) return i;
    return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::place_by_id(const std::string& id) const {
    const auto places = index_->places;
    if (id.starts_with("geonames:")) {
        std::uint32_t geonameid = 0;
        const char* begin = id.data() + 9;
        if (std::from_chars(begin, id.data() + id.size(), geonameid).ec != std::errc{} || geonameid == 0) return std::nullopt;
        // GeoNames rows come first, sorted by id; curated rows (id 0) follow.
        const auto end = std::partition_point(places.begin(), places.end(), [](const auto& p) { return p.geonameid != 0; });
        const auto it = std::lower_bound(places.begin(), end, geonameid, [](const auto& p, std::uint32_t v) { return p.geonameid < v; });
        if (it == end || it->geonameid != geonameid) return std::nullopt;
        return static_cast<std::uint32_t>(it - places.begin());
    }
    for (std::uint32_t i = 0; i < places.size(); ++i)
        if (places[i].geonameid == 0 && index_->str(places[i].id) == id) return i;
    return std::nullopt;
}

}  // namespace frontline
