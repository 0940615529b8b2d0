// `frontline extract`: articles in, events out, as a stream, into a store or as one file.
#include <exception>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/ordered_extraction.hpp"
#include "app/stdin_stream.hpp"
#include "common/assets.hpp"
#include "common/error.hpp"
#include "io/event_store.hpp"
#include "io/event_writer.hpp"

namespace frontline::app {

namespace {

/// Prints what reading has reported so far and forgets it, so that a stream of articles that
/// each warn does not pile up messages in memory.
class ReportPrinter {
public:
    void drain(IngestReport& report) {
        for (const std::string& warning : report.warnings) std::cerr << "frontline: warning: " << warning << '\n';
        for (const std::string& skipped : report.skipped) std::cerr << "frontline: skipped: " << skipped << '\n';
        skipped_ += report.skipped.size();
        report.warnings.clear();
        report.skipped.clear();
    }
    [[nodiscard]] std::size_t skipped() const noexcept { return skipped_; }

private:
    std::size_t skipped_ = 0;
};

/// Where the events of each article go: stdout as they come, a store in batches, or a file
/// written whole at the end.
class EventOutput {
public:
    explicit EventOutput(const ExtractOptions& options) : options_(options) {
        if (options.output == "-") {
            stream_ = std::make_unique<EventStream>();
        } else if (is_event_store(options.output)) {
            store_ = std::make_unique<EventStore>(options.output);  // an unusable store fails before any work
        } else {
            (void)event_format_for(options.output);  // a bad output name fails before any work
        }
    }

    void add(std::vector<Event>&& events) {
        rethrow_flush_failure();
        ++articles_;
        events_seen_ += events.size();
        if (stream_) {
            stream_->write(events);
            return;
        }
        pending_.insert(pending_.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
        if (store_ && ++pending_articles_ >= options_.commit_every) commit();
    }

    /// Passes on the events stdout keeps (a no-op for other outputs). Does not throw, as it runs
    /// inside the read of standard input: a failure is thrown by the next `add` or `finish`.
    void flush() noexcept {
        if (!stream_ || flush_failure_) return;
        try {
            stream_->flush();
        } catch (...) {
            flush_failure_ = std::current_exception();
        }
    }

    /// Writes what is left; prints a summary unless the events went to stdout.
    void finish() {
        rethrow_flush_failure();
        if (stream_) {
            stream_->flush();
            return;
        }
        if (store_) {
            commit();
            std::cerr << "frontline: " << articles_ << " articles, " << events_seen_ << " events: " << totals_.inserted
                      << " new, " << totals_.updated << " updated, " << totals_.unchanged << " already stored, "
                      << totals_.removed << " rows merged into others in " << options_.output << '\n';
            return;
        }
        const std::vector<Event> merged = merge_across_articles(std::move(pending_));
        write_events(merged, options_.output);
        std::cerr << "frontline: " << merged.size() << " events from " << articles_ << " articles written to "
                  << options_.output << '\n';
    }

private:
    void rethrow_flush_failure() const {
        if (flush_failure_) std::rethrow_exception(flush_failure_);
    }

    /// One transaction per batch: the store merges across the batch's articles and with its rows.
    void commit() {
        if (pending_.empty()) return;
        const UpsertCounts counts = store_->upsert(merge_across_articles(std::move(pending_)));
        pending_.clear();
        pending_articles_ = 0;
        totals_.inserted += counts.inserted;
        totals_.updated += counts.updated;
        totals_.unchanged += counts.unchanged;
        totals_.removed += counts.removed;
    }

    const ExtractOptions& options_;
    std::unique_ptr<EventStream> stream_;
    std::unique_ptr<EventStore> store_;
    std::vector<Event> pending_;
    std::size_t pending_articles_ = 0;
    std::size_t articles_ = 0;
    std::size_t events_seen_ = 0;
    UpsertCounts totals_;
    std::exception_ptr flush_failure_;
};

}  // namespace

int run_extract(const ExtractOptions& options) {
    EventOutput output(options);
    Pipeline pipeline(data_root());
    if (options.trace) pipeline.set_trace(&std::cerr);
    // The trace is one stream of text per sentence: threads would interleave it.
    const std::size_t jobs = options.trace ? 1 : options.jobs;

    ReportPrinter printer;
    IngestReport report;
    std::size_t articles = 0;
    StdinStream standard_input;
    // Events go out whenever the input may keep us waiting: on one thread before each read of
    // standard input, on several when every article read so far has been handed on.
    OrderedExtraction extraction(
        pipeline, jobs, [&](std::vector<Event>&& events) { output.add(std::move(events)); }, [&] { output.flush(); });
    if (jobs == 1) standard_input.before_each_read([&] { output.flush(); });
    for (const std::string& input : options.inputs) {
        read_articles(
            input, options.ingest,
            [&](Article&& article) {
                ++articles;
                printer.drain(report);
                extraction.push(std::move(article));
            },
            report, standard_input);
        printer.drain(report);
    }
    extraction.finish();
    if (articles == 0) throw InputError("no article could be read from the given inputs; nothing written");
    output.finish();
    return printer.skipped() > 0 ? exit_inputs_skipped : exit_ok;
}

}  // namespace frontline::app
