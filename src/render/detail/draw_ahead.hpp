#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "render/detail/canvas.hpp"

namespace frontline::render::detail {

/// Draws items onto canvases in order while the calling thread is still making the later ones:
/// a second thread draws each item handed over whole (all rows), and once the last is handed
/// over the items not yet drawn are drawn by both threads, each its share of rows. The events
/// that settle are added a day at a time on the thread that drives OpenGL (their sprites may
/// need painting); their days are drawn meanwhile instead of after.
///
/// On one core, or without a thread to be had, `finish` draws every item on the calling thread.
class DrawAhead {
public:
    /// `draw(item, share)` draws item `item` in the rows of `share`; it is called from both
    /// threads, never for two items on the same rows at once, and for an item only after it
    /// was handed over.
    explicit DrawAhead(std::function<void(std::size_t item, RowShare share)> draw);
    DrawAhead(const DrawAhead&) = delete;
    DrawAhead& operator=(const DrawAhead&) = delete;
    /// Stops the second thread after the item it is drawing, when `finish` was not reached.
    ~DrawAhead();

    /// Items [0, count) are ready to be drawn.
    void hand_over(std::size_t count);

    /// Waits until every item handed over is drawn: before the calling thread changes what
    /// they are drawn from. Rethrows what the second thread threw.
    void drain();

    /// Hands over items [0, count), draws those not yet drawn in shares of rows with the second
    /// thread, and returns once all are drawn; rethrows what either thread threw.
    void finish(std::size_t count);

private:
    void draw_ahead();
    void stop();

    std::function<void(std::size_t, RowShare)> draw_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t handed_ = 0;       ///< items that may be drawn
    std::size_t next_ = 0;         ///< the next item the second thread draws whole
    bool busy_ = false;            ///< the second thread is drawing item `next_ - 1` whole
    bool closing_ = false;         ///< every item is handed over: the rest go in shares of rows
    bool abandoned_ = false;       ///< the calling thread stopped early: draw nothing more
    bool split_known_ = false;     ///< `split_` is set: the second thread drew the items before it
    bool exited_ = false;          ///< the second thread returned
    std::size_t split_ = 0;
    std::exception_ptr failure_;   ///< what the second thread threw
    std::thread ahead_;            // last: started once the rest is set up
};

}  // namespace frontline::render::detail
