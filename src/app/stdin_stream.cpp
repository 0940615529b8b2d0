#include "app/stdin_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace frontline::app {

namespace {

constexpr std::size_t block_size = 64 * 1024;

}  // namespace

StdinStream::Buffer::Buffer() : block_(block_size) { setg(block_.data(), block_.data(), block_.data()); }

StdinStream::Buffer::int_type StdinStream::Buffer::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (before_read) before_read();
    ssize_t got = 0;
    do {
        got = ::read(STDIN_FILENO, block_.data(), block_.size());
    } while (got < 0 && errno == EINTR);
    // std::istream turns the exception into badbit, which the reader reports as a read error.
    if (got < 0) throw std::system_error(errno, std::generic_category(), "reading standard input");
    if (got == 0) return traits_type::eof();
    setg(block_.data(), block_.data(), block_.data() + got);
    return traits_type::to_int_type(*gptr());
}

StdinStream::StdinStream() : std::istream(nullptr) { rdbuf(&buffer_); }

}  // namespace frontline::app
