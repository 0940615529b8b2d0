#pragma once

#include <functional>
#include <istream>
#include <streambuf>
#include <vector>

namespace frontline::app {

/// Standard input read straight from its file descriptor in blocks of up to 64 KiB. `std::cin`
/// is tied to C stdio and hands `std::getline` one character per call (profiled: a tenth of
/// `extract -` on one thread); this buffer lets `getline` scan whole blocks. A read returns what
/// the pipe holds rather than waiting for a full block, so a filter still answers each line
/// before the next one arrives. Nothing else may read standard input meanwhile.
class StdinStream : public std::istream {
public:
    StdinStream();

    /// Calls `hook` before each read of standard input, which may wait for the writer of a pipe:
    /// the moment to pass on what was made of the input so far. `hook` must not throw.
    void before_each_read(std::function<void()> hook) { buffer_.before_read = std::move(hook); }

private:
    class Buffer : public std::streambuf {
    public:
        Buffer();

        std::function<void()> before_read;

    protected:
        int_type underflow() override;

    private:
        std::vector<char> block_;
    };

    Buffer buffer_;
};

}  // namespace frontline::app
