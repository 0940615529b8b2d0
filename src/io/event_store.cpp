#include "io/event_store.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>
#include <regex>
#include <tuple>

#include <cpl_conv.h>
#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "common/number_text.hpp"
#include "events/merge.hpp"
#include "io/detail/event_feature.hpp"
#include "io/gdal.hpp"

namespace frontline {

namespace {

bool is_postgres(const std::string& target) {
    return target.size() > 3 && (target.starts_with("PG:") || target.starts_with("pg:"));
}

/// The connection string with its password hidden, for messages.
std::string shown_target(const std::string& target) {
    if (!is_postgres(target)) return target;
    static const std::regex password(R"(password\s*=\s*('[^']*'|\S+))", std::regex::icase);
    return std::regex_replace(target, password, "password=***");
}

/// An SQL string literal.
std::string literal(std::string_view text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'') quoted += '\'';
        quoted += c;
    }
    return quoted + "'";
}

std::string number(double value) {
    std::string text;
    append_fixed(text, value, 6);
    return text;
}

/// An SQL condition every row that `same_real_event` could pair with `event` meets (and a few
/// more): the same id, or the same type, a date range that overlaps, and a place in the same
/// country or within a box wider than the largest merge radius (150 km). The exact test runs on
/// the rows it returns, so that the store merges exactly as `merge_events` does in memory.
std::string candidate_filter(const Event& event) {
    std::string condition = "event_type = " + literal(event.event_type);
    if (event.date_start) {
        const std::string start = literal(event.date_start->iso());
        const std::string end = literal(event.date_end.value_or(*event.date_start).iso());
        condition += " AND (date_start IS NULL OR (date_start <= " + end + " AND COALESCE(date_end, date_start) >= " +
                     start + "))";
    }
    if (event.location) {
        constexpr double radius_deg = 1.5;  // 167 km of latitude, more than the 150 km merge radius
        const LonLat& at = event.location->anchor;
        const double lon_radius = std::min(180.0, radius_deg / std::max(std::cos(at.lat() * std::numbers::pi / 180.0), 0.01));
        condition += " AND (longitude IS NULL OR (latitude BETWEEN " + number(at.lat() - radius_deg) + " AND " +
                     number(at.lat() + radius_deg) + " AND longitude BETWEEN " + number(at.lon() - lon_radius) + " AND " +
                     number(at.lon() + lon_radius) + ")";
        if (!event.location->country.empty()) condition += " OR country = " + literal(event.location->country);
        if (!event.location->place_id.empty()) condition += " OR place_id = " + literal(event.location->place_id);
        condition += ")";
    }
    return "id = " + literal(event.id) + " OR (" + condition + ")";
}

/// Merges `events` as `merge_events` does, keeping each mention (its article and span) once.
std::vector<Event> merge_without_repeats(std::vector<Event> events) {
    std::vector<Event> merged = merge_events(std::move(events));
    for (Event& event : merged) {
        auto key = [](const Mention& m) { return std::tie(m.article_id, m.sentence_index, m.char_start, m.char_end); };
        std::stable_sort(event.mentions.begin(), event.mentions.end(),
                         [&](const Mention& a, const Mention& b) { return key(a) < key(b); });
        event.mentions.erase(std::unique(event.mentions.begin(), event.mentions.end(),
                                         [&](const Mention& a, const Mention& b) { return key(a) == key(b); }),
                             event.mentions.end());
    }
    return merged;
}

/// A key for pg_advisory_xact_lock that only Frontline's upserts take.
constexpr long long upsert_lock_key = 0x46524f4e544c4e45;  // "FRONTLNE"

}  // namespace

struct EventStore::Row {
    GIntBig fid = OGRNullFID;
    Event event;
    OGRFeatureUniquePtr feature;
};

bool is_event_store(const std::string& output) {
    if (is_postgres(output)) return true;
    std::string extension = std::filesystem::path(output).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".gpkg";
}

EventStore::EventStore(const std::string& target) : shown_(shown_target(target)), postgres_(is_postgres(target)) {
    GdalErrorCapture errors(shown_);
    if (postgres_) {
        // OGR's PostgreSQL driver inserts with COPY by default, which gives no FID back and must
        // end before every read; an upsert reads between its writes.
        CPLSetThreadLocalConfigOption("PG_USE_COPY", "NO");
        const std::array<const char*, 2> drivers{"PostgreSQL", nullptr};
        dataset_.reset(GDALDataset::Open(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers.data()));
        if (!dataset_) errors.raise<OutputError>("cannot connect (is the server running and PostGIS installed?)");
    } else {
        std::error_code ignored;
        if (std::filesystem::exists(target, ignored)) {
            const std::array<const char*, 2> drivers{"GPKG", nullptr};
            dataset_.reset(GDALDataset::Open(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers.data()));
            if (!dataset_) errors.raise<OutputError>("cannot open as a GeoPackage for writing");
        } else {
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            if (driver == nullptr) errors.raise<OutputError>("GDAL has no GPKG driver");
            dataset_.reset(driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!dataset_) errors.raise<OutputError>("cannot create");
        }
        // A reader such as QGIS or ogrinfo holding the file for a moment makes a commit wait for
        // it instead of failing with "database is locked".
        if (OGRLayer* result = dataset_->ExecuteSQL("PRAGMA busy_timeout = 30000", nullptr, nullptr)) {
            dataset_->ReleaseResultSet(result);
        }
    }

    layer_ = dataset_->GetLayerByName("events");
    if (layer_ == nullptr) {
        const SpatialReferencePtr srs = wgs84_lon_lat();
        CPLStringList options;
        options.SetNameValue("GEOMETRY_NAME", "geom");
        options.SetNameValue("FID", "fid");
        if (postgres_) options.SetNameValue("PRECISION", "NO");  // float8 and unbounded text
        layer_ = dataset_->CreateLayer("events", srs.get(), wkbUnknown, options.List());
        if (layer_ == nullptr) errors.raise<OutputError>("cannot create layer events");
        detail::create_event_fields(*layer_, errors);
        // Drivers may defer creating the table until it is first used; the indexes need it now.
        layer_->ResetReading();
        OGRFeatureUniquePtr(layer_->GetNextFeature());
    } else if (const std::string missing = detail::missing_event_field(*layer_->GetLayerDefn()); !missing.empty()) {
        errors.raise<OutputError>("layer events has no field " + missing + ": not a Frontline event store");
    }
    // Upserts look rows up by id and by type and date; without these they would scan the table.
    for (const char* sql : {"CREATE INDEX IF NOT EXISTS events_id_idx ON events (id)",
                            "CREATE INDEX IF NOT EXISTS events_type_date_idx ON events (event_type, date_start)"}) {
        if (OGRLayer* result = dataset_->ExecuteSQL(sql, nullptr, nullptr)) dataset_->ReleaseResultSet(result);
    }
    errors.throw_if_failed<OutputError>("cannot prepare layer events");
}

EventStore::~EventStore() = default;

std::vector<EventStore::Row> EventStore::rows_where(const std::string& filter) {
    GdalErrorCapture errors(shown_);
    if (layer_->SetAttributeFilter(filter.empty() ? nullptr : filter.c_str()) != OGRERR_NONE)
        errors.raise<InputError>("cannot query layer events");
    layer_->ResetReading();
    std::vector<Row> rows;
    while (OGRFeature* raw = layer_->GetNextFeature()) {
        OGRFeatureUniquePtr feature(raw);
        Event event = detail::event_from_feature(*feature, shown_);
        rows.push_back({feature->GetFID(), std::move(event), std::move(feature)});
    }
    layer_->SetAttributeFilter(nullptr);
    errors.throw_if_failed<InputError>("cannot read layer events");
    return rows;
}

std::vector<Event> EventStore::events() {
    std::vector<Event> events;
    for (Row& row : rows_where({})) events.push_back(std::move(row.event));
    return events;
}

void EventStore::upsert_one(const Event& event, UpsertCounts& counts) {
    GdalErrorCapture errors(shown_);
    std::vector<Row> candidates = rows_where(candidate_filter(event));
    std::ranges::sort(candidates, {}, &Row::fid);  // the order rows were first written, as merge_events keeps

    // A reading already stored (a rerun, or another batching of the same articles) changes
    // nothing: this keeps a store the same whatever batches and threads wrote it.
    auto key = [](const Mention& m) { return std::tie(m.article_id, m.sentence_index, m.char_start, m.char_end); };
    const bool stored = std::ranges::any_of(candidates, [&](const Row& row) {
        return std::ranges::all_of(event.mentions, [&](const Mention& mention) {
            return std::ranges::any_of(row.event.mentions, [&](const Mention& m) { return key(m) == key(mention); });
        });
    });
    if (stored) {
        ++counts.unchanged;
        return;
    }
    // Like merge_events, the event joins the first row it matches (its own id first) and never
    // bridges two rows.
    auto target = std::ranges::find_if(candidates, [&](const Row& row) {
        return row.event.id == event.id && same_real_event(row.event, event);
    });
    if (target == candidates.end())
        target = std::ranges::find_if(candidates, [&](const Row& row) { return same_real_event(row.event, event); });
    std::vector<Row> matched;
    if (target != candidates.end()) matched.push_back(std::move(*target));

    std::vector<Event> merged;
    // A merged event can take the id of a row that was no candidate (its best place or date came
    // from the new event): fold such rows in too, so that an id stays one row.
    for (int round = 0; round < 3; ++round) {
        std::vector<Event> all;
        for (const Row& row : matched) all.push_back(row.event);
        all.push_back(event);
        merged = merge_without_repeats(std::move(all));
        bool grew = false;
        for (const Event& m : merged) {
            if (std::ranges::any_of(matched, [&](const Row& row) { return row.event.id == m.id; })) continue;
            for (Row& row : rows_where("id = " + literal(m.id))) {
                matched.push_back(std::move(row));
                grew = true;
            }
        }
        if (!grew) break;
    }

    std::vector<bool> kept(matched.size(), false);
    bool changed = false;
    for (Event& m : merged) {
        const auto same_id = std::ranges::find_if(matched, [&](const Row& row) { return row.event.id == m.id; });
        const bool reuse = same_id != matched.end() && !kept[static_cast<std::size_t>(same_id - matched.begin())];
        // Merging fills in an end date equal to the start; a row without one says the same.
        if (reuse && !same_id->event.date_end && m.date_end == m.date_start) m.date_end.reset();
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer_->GetLayerDefn()));
        detail::fill_feature(*feature, m, errors);
        if (reuse) {
            kept[static_cast<std::size_t>(same_id - matched.begin())] = true;
            feature->SetFID(same_id->fid);
            if (feature->Equal(same_id->feature.get())) continue;
            if (layer_->SetFeature(feature.get()) != OGRERR_NONE) errors.raise<OutputError>("cannot update", m.id);
        } else if (layer_->CreateFeature(feature.get()) != OGRERR_NONE) {
            errors.raise<OutputError>("cannot insert", m.id);
        }
        changed = true;
    }
    for (std::size_t i = 0; i < matched.size(); ++i) {
        if (kept[i]) continue;
        if (layer_->DeleteFeature(matched[i].fid) != OGRERR_NONE)
            errors.raise<OutputError>("cannot delete merged row", matched[i].event.id);
        ++counts.removed;
        changed = true;
    }
    if (matched.empty())
        ++counts.inserted;
    else if (changed)
        ++counts.updated;
    else
        ++counts.unchanged;
}

UpsertCounts EventStore::upsert(const std::vector<Event>& events) {
    UpsertCounts counts;
    {
        GdalErrorCapture errors(shown_);
        if (dataset_->StartTransaction() != OGRERR_NONE) errors.raise<OutputError>("cannot start a transaction");
    }
    try {
        if (postgres_) {
            // Workers on other machines upsert the same table: one transaction at a time reads and
            // writes it, so that two of them never insert one event twice. The lock ends with the
            // transaction.
            const std::string sql = "SELECT pg_advisory_xact_lock(" + std::to_string(upsert_lock_key) + ")";
            GdalErrorCapture errors(shown_);
            OGRLayer* result = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
            if (result == nullptr) errors.raise<OutputError>("cannot lock layer events");
            OGRFeatureUniquePtr(result->GetNextFeature());  // a cursor runs its query when read
            dataset_->ReleaseResultSet(result);
            errors.throw_if_failed<OutputError>("cannot lock layer events");
        }
        for (const Event& event : events) upsert_one(event, counts);
        GdalErrorCapture errors(shown_);
        if (dataset_->CommitTransaction() != OGRERR_NONE) errors.raise<OutputError>("cannot commit");
    } catch (...) {
        dataset_->RollbackTransaction();
        throw;
    }
    return counts;
}

}  // namespace frontline
