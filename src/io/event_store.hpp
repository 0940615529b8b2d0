#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "events/event.hpp"

namespace frontline {

/// True when `output` names a persistent store rather than a file export: a GeoPackage (.gpkg)
/// or an OGR PostgreSQL connection string ("PG:dbname=... host=...").
[[nodiscard]] bool is_event_store(const std::string& output);

/// What one `EventStore::upsert` did to the rows of the store.
struct UpsertCounts {
    std::size_t inserted = 0;   ///< events no row described yet
    std::size_t updated = 0;    ///< rows that gained mentions or a better place or date
    std::size_t unchanged = 0;  ///< events the store already held exactly (a rerun)
    std::size_t removed = 0;    ///< rows folded into another row because a new event joined them
};

/// The layer `events` of a GeoPackage or a PostGIS database, kept as one row per real event:
/// writing an event that a row already describes (`same_real_event`, or the same stable id)
/// merges the two (`merge_events`) and rewrites that row, so running the same articles twice
/// leaves the same rows, and a new article about a known event adds a mention, not a row.
/// Every `upsert` is one transaction: a process killed in the middle leaves the rows of the last
/// committed upsert. PostgreSQL writers take a transaction-scoped advisory lock, so that workers
/// on many machines can upsert into one database without two of them inserting one event twice.
class EventStore {
public:
    /// Opens `target`, creating the GeoPackage file, the layer, its fields and its indexes when
    /// they are missing.
    /// @throws OutputError naming the target when it cannot be opened or created (missing
    ///         folder, no permission, no server, no PostGIS), or when its `events` layer lacks a field.
    explicit EventStore(const std::string& target);
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;
    ~EventStore();

    /// Merges `events` into the store in one transaction; on any error the transaction is rolled
    /// back and the store keeps its previous rows.
    /// @throws GeoError for an event whose WKT cannot be parsed; InputError for a row that cannot
    ///         be read back; OutputError when a row cannot be written.
    UpsertCounts upsert(const std::vector<Event>& events);

    /// Every event of the store, in row order.
    /// @throws InputError for a row that cannot be read back.
    [[nodiscard]] std::vector<Event> events();

private:
    struct Row;
    [[nodiscard]] std::vector<Row> rows_where(const std::string& filter);
    void upsert_one(const Event& event, UpsertCounts& counts);

    std::string shown_;  ///< the target as error messages name it (no password)
    bool postgres_ = false;
    GDALDatasetUniquePtr dataset_;
    OGRLayer* layer_ = nullptr;  ///< owned by dataset_
};

}  // namespace frontline
