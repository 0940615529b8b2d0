#include "app/ordered_extraction.hpp"

namespace frontline::app {

namespace {

/// Articles in flight per thread: enough that a thread never waits for a slow neighbour's
/// article to be handed on, few enough that memory does not depend on the input's size.
constexpr std::uint64_t articles_per_thread = 8;

}  // namespace

OrderedExtraction::OrderedExtraction(Pipeline& pipeline, std::size_t jobs, Sink sink, CaughtUp caught_up)
    : pipeline_(pipeline),
      sink_(std::move(sink)),
      caught_up_(std::move(caught_up)),
      jobs_(jobs == 0 ? 1 : jobs),
      window_(articles_per_thread * jobs_) {
    if (jobs_ == 1) return;
    // Copied here, before any thread runs: copying reads the outlines, which must not be in use.
    copies_.reserve(jobs_ - 1);
    for (std::size_t i = 1; i < jobs_; ++i) copies_.push_back(pipeline_.for_thread());
    threads_.reserve(jobs_ + 1);
    threads_.emplace_back([this] { deliver(); });
    threads_.emplace_back([this] { work(pipeline_); });
    for (Pipeline& copy : copies_) threads_.emplace_back([this, &copy] { work(copy); });
}

OrderedExtraction::~OrderedExtraction() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    result_ready_.notify_all();
    threads_.clear();  // joins
}

void OrderedExtraction::fail(std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
    stopping_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
    room_.notify_all();
}

void OrderedExtraction::work(Pipeline& pipeline) {
    std::unique_lock lock(mutex_);
    while (true) {
        work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        auto [number, article] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        Result result;
        try {
            result.events = pipeline.process(article);
        } catch (...) {
            result.error = std::current_exception();
        }
        lock.lock();
        done_.emplace(number, std::move(result));
        result_ready_.notify_all();
    }
}

void OrderedExtraction::deliver() {
    std::unique_lock lock(mutex_);
    while (true) {
        result_ready_.wait(lock, [&] { return stopping_ || done_.contains(next_out_); });
        if (stopping_) return;
        const auto next = done_.find(next_out_);
        Result result = std::move(next->second);
        done_.erase(next);
        // Before next_out_ moves on, so that `finish` returns only after the call.
        const bool last_pushed = next_out_ + 1 == next_in_;
        lock.unlock();
        try {
            if (result.error) std::rethrow_exception(result.error);
            sink_(std::move(result.events));
            if (last_pushed && caught_up_) caught_up_();
        } catch (...) {
            fail(std::current_exception());
            return;
        }
        lock.lock();
        ++next_out_;
        room_.notify_all();
    }
}

void OrderedExtraction::push(Article&& article) {
    if (jobs_ == 1) {
        sink_(pipeline_.process(article));
        return;
    }
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return error_ || next_in_ - next_out_ < window_; });
    if (error_) std::rethrow_exception(error_);
    queue_.emplace_back(next_in_++, std::move(article));
    work_ready_.notify_one();
}

void OrderedExtraction::finish() {
    if (jobs_ == 1) return;
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return error_ || next_out_ == next_in_; });
    if (error_) std::rethrow_exception(error_);
}

}  // namespace frontline::app
