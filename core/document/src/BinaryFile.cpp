#include "ace/document/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "ace/common/Error.h"

namespace ace {

std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& file, std::uint64_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw Error(file, "file not found");
    if (std::filesystem::is_directory(file, ec)) throw Error(file, "is a folder, not a file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw Error(file, "cannot read the file size: " + ec.message());
    if (size > maxBytes) throw Error(file, "the file is too large (" + std::to_string(size >> 20) + " MiB)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    std::vector<std::uint8_t> bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) throw Error(file, "could not read the whole file");
    return bytes;
}

void writeFileAtomically(const std::filesystem::path& file, std::span<const std::uint8_t> bytes) {
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::string pattern = (folder / ("." + file.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error(file, std::string("cannot create a temporary file: ") + std::strerror(errno));
    const std::filesystem::path tmp = pattern;
    auto fail = [&](const std::string& what) {
        const int err = errno;
        ::close(fd);
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw Error(file, what + ": " + std::strerror(err));
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; project files are ordinary documents.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (::close(fd) != 0) {
        const int err = errno;
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw Error(file, std::string("cannot close: ") + std::strerror(err));
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw Error(file, std::string("cannot replace the file: ") + std::strerror(err));
    }
    // Make the rename itself durable.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace ace
