#pragma once

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

private:
    class Buffer : public std::streambuf {
    public:
        Buffer();

    protected:
        int_type underflow() override;

    private:
        std::vector<char> block_;
    };

    Buffer buffer_;
};

}  // namespace frontline::app
