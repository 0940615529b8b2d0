#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "events/event.hpp"
#include "ingest/article.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline::app {

/// Runs `Pipeline::process` on several threads and hands each article's events on in input
/// order, so that the output is the same bytes whatever the number of threads. At most a few
/// articles per thread are in flight, so memory stays bounded on an endless stream; results are
/// handed on as soon as they are ready, not when the next article arrives, so that a live
/// stream's events come out while its reader waits for input.
class OrderedExtraction {
public:
    /// Receives the events of one article (merged within it), in the order the articles were
    /// pushed, one call at a time: on the caller's thread with one job, on a thread of its own
    /// otherwise.
    using Sink = std::function<void(std::vector<Event>&&)>;

    /// Called on the sink's thread, after the sink, when the article just handed on was the last
    /// one pushed so far: nothing more will come until the caller pushes again, so what the sink
    /// keeps should go out now. With one job it is never called (the sink runs inside `push`, and
    /// the caller knows when it will wait).
    using CaughtUp = std::function<void()>;

    /// `pipeline` serves the first thread (or the caller itself when `jobs` is 1); each other
    /// thread gets a `Pipeline::for_thread` copy. `pipeline` must outlive this object and must
    /// not be used elsewhere meanwhile.
    /// @throws GeoError when a copy cannot be made.
    OrderedExtraction(Pipeline& pipeline, std::size_t jobs, Sink sink, CaughtUp caught_up = {});
    OrderedExtraction(const OrderedExtraction&) = delete;
    OrderedExtraction& operator=(const OrderedExtraction&) = delete;
    /// Stops the threads; results not yet handed on are dropped.
    ~OrderedExtraction();

    /// Queues `article`, waiting while the window of articles in flight is full.
    /// @throws what processing an earlier article or the sink threw (Frontline errors).
    void push(Article&& article);

    /// Waits until every result has been handed on.
    /// @throws as `push`.
    void finish();

private:
    struct Result {
        std::vector<Event> events;
        std::exception_ptr error;
    };

    void work(Pipeline& pipeline);
    void deliver();
    /// Records the first failure; every thread stops and `push` or `finish` rethrows it.
    void fail(std::exception_ptr error);

    Pipeline& pipeline_;
    Sink sink_;
    CaughtUp caught_up_;
    std::size_t jobs_;
    std::uint64_t window_;
    std::vector<Pipeline> copies_;  ///< one per thread after the first

    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable result_ready_;
    std::condition_variable room_;  ///< an article was handed on, or a thread failed
    std::deque<std::pair<std::uint64_t, Article>> queue_;
    std::map<std::uint64_t, Result> done_;
    std::uint64_t next_in_ = 0;
    std::uint64_t next_out_ = 0;
    std::exception_ptr error_;
    bool stopping_ = false;
    std::vector<std::jthread> threads_;  // last member: threads stop before the state they use goes
};

}  // namespace frontline::app
