#include "render/detail/draw_ahead.hpp"

#include <system_error>
#include <utility>

namespace frontline::render::detail {

DrawAhead::DrawAhead(std::function<void(std::size_t, RowShare)> draw) : draw_(std::move(draw)) {
    if (std::thread::hardware_concurrency() < 2) return;
    try {
        ahead_ = std::thread([this] { draw_ahead(); });
    } catch (const std::system_error&) {
        // No thread to be had: `finish` draws everything here.
    }
}

DrawAhead::~DrawAhead() { stop(); }

void DrawAhead::stop() {
    if (!ahead_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        abandoned_ = true;
    }
    changed_.notify_all();
    ahead_.join();
}

void DrawAhead::draw_ahead() {
    std::unique_lock lock(mutex_);
    try {
        for (;;) {
            changed_.wait(lock, [this] { return next_ < handed_ || closing_ || abandoned_; });
            if (abandoned_) break;
            if (closing_) {
                split_ = next_;
                split_known_ = true;
                const std::size_t count = handed_;
                lock.unlock();
                changed_.notify_all();
                for (std::size_t item = split_; item < count; ++item) draw_(item, RowShare{1, 2});
                lock.lock();
                break;
            }
            const std::size_t item = next_++;
            busy_ = true;
            lock.unlock();
            draw_(item, RowShare{});
            lock.lock();
            busy_ = false;
            changed_.notify_all();
        }
    } catch (...) {
        if (!lock.owns_lock()) lock.lock();
        failure_ = std::current_exception();
    }
    exited_ = true;
    busy_ = false;
    lock.unlock();
    changed_.notify_all();
}

void DrawAhead::hand_over(std::size_t count) {
    if (!ahead_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        handed_ = count;
    }
    changed_.notify_all();
}

void DrawAhead::drain() {
    if (!ahead_.joinable()) return;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return exited_ || (next_ == handed_ && !busy_); });
    if (failure_) {
        lock.unlock();
        stop();
        std::rethrow_exception(std::exchange(failure_, nullptr));
    }
}

void DrawAhead::finish(std::size_t count) {
    if (!ahead_.joinable()) {
        for (std::size_t item = 0; item < count; ++item) draw_(item, RowShare{});
        return;
    }
    std::unique_lock lock(mutex_);
    handed_ = count;
    closing_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return split_known_ || exited_; });
    const bool split = split_known_ && !failure_;
    const std::size_t first = split_;
    lock.unlock();
    std::exception_ptr here_failed;
    if (split) {
        try {
            for (std::size_t item = first; item < count; ++item) draw_(item, RowShare{0, 2});
        } catch (...) {
            here_failed = std::current_exception();
        }
    }
    ahead_.join();
    if (here_failed) std::rethrow_exception(here_failed);
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

}  // namespace frontline::render::detail
