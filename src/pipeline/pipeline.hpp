#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "events/event.hpp"
#include "extract/extractor.hpp"
#include "extract/lexicon.hpp"
#include "geo/country_index.hpp"
#include "geo/gazetteer.hpp"
#include "geo/geocoder.hpp"
#include "ingest/article.hpp"

namespace frontline {

/// The core of Frontline without any display: article in, coded, geocoded, merged events out.
/// Holds the lexicon, the gazetteer and the country outlines; load it once and reuse it. Not
/// thread-safe (the country outlines hold GEOS state): give each thread its own `for_thread()`
/// copy, which shares the read-only lexicon and gazetteer.
class Pipeline {
public:
    /// Loads assets/lexicon and geodata/ under `data_root`.
    /// @throws DataError when a data file is missing or malformed.
    explicit Pipeline(const std::filesystem::path& data_root);

    /// A pipeline for another thread: the same lexicon and gazetteer (shared, never written
    /// after loading) and a copy of the country outlines in a GEOS context of its own. It gives
    /// the same events. Call it on the thread that uses this pipeline.
    /// @throws GeoError when GEOS cannot copy the outlines.
    [[nodiscard]] Pipeline for_thread() const;

    /// What one article says: its events, and its reports of who holds how much of a place.
    struct Reading {
        /// One per real event, each with all its mentions and a stable id.
        std::vector<Event> events;
        /// "The militants hold about half of Kobani": event type `territory_held`, the holder as
        /// actor1, the share as magnitude. Not events (no analyst codes them, and no export of
        /// events carries them), but what the control layer should show at their date.
        std::vector<Event> holdings;
    };
    [[nodiscard]] Reading read(const Article& article) const;

    /// Every event of one article: `read(article).events`.
    [[nodiscard]] std::vector<Event> process(const Article& article) const;

    /// The geographic context of an article (its countries, dateline and focus), as `process` uses it.
    [[nodiscard]] GeoContext context_for(const Article& article) const;

    /// See Extractor::set_trace.
    void set_trace(std::ostream* out) { extractor_.set_trace(out); }

    [[nodiscard]] const Gazetteer& gazetteer() const { return *gazetteer_; }
    [[nodiscard]] const CountryIndex& countries() const { return *countries_; }
    [[nodiscard]] const Geocoder& geocoder() const { return geocoder_; }

private:
    /// The state an unnamed government belongs to (ISO3), empty when the article does not tell.
    [[nodiscard]] std::string home_state(const ArticleReading& reading, const GeoContext& context) const;
    /// Moves a state's deployment on its border line onto its own side of the border.
    void own_side_of_border(Event& e) const;

    Pipeline(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const Gazetteer> gazetteer,
             std::unique_ptr<const CountryIndex> countries);

    // Held through pointers so that the references the extractor and the geocoder keep stay valid
    // when a Pipeline is moved.
    std::shared_ptr<const Lexicon> lexicon_;
    std::shared_ptr<const Gazetteer> gazetteer_;
    std::unique_ptr<const CountryIndex> countries_;
    Extractor extractor_;
    Geocoder geocoder_;
};

/// Merges the events of several articles: one real event reported by many outlets becomes one
/// Event carrying every mention.
[[nodiscard]] std::vector<Event> merge_across_articles(std::vector<Event> events);

}  // namespace frontline
