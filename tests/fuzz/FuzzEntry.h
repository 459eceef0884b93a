#pragma once
// The entry points of the checkpoint fuzzers, shared with tst_fuzzcorpus (which replays the
// committed corpus in the normal gcc build). Each feeds arbitrary bytes to one reader the way a
// downloaded file would reach it; ace::Error is the expected way to refuse input, anything else
// (another exception, a crash, a sanitizer report, a hang) is a bug.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

#include "ace/common/Error.h"
#include "checkpoint/RestrictedUnpickler.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/ShardedCheckpoint.h"
#include "checkpoint/TorchZipReader.h"

namespace ace::fuzz {

// The bytes as a file (in memory, no disk writes) under a path the readers can open.
class MemoryFile {
public:
    MemoryFile(const uint8_t* data, size_t size) {
        m_fd = ::memfd_create("ace-fuzz", MFD_CLOEXEC);
        if (m_fd < 0) throw std::runtime_error("memfd_create failed");
        for (size_t done = 0; done < size;) {
            const ssize_t n = ::write(m_fd, data + done, size - done);
            if (n <= 0) throw std::runtime_error("memfd write failed");
            done += static_cast<size_t>(n);
        }
        m_path = "/proc/self/fd/" + std::to_string(m_fd);
    }
    ~MemoryFile() { ::close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    int m_fd = -1;
    std::string m_path;
};

// Opens and loads every tensor; true when it all worked, false when the reader refused.
template <typename Reader>
bool readEverything(const uint8_t* data, size_t size) {
    MemoryFile file(data, size);
    try {
        Reader reader(file.path());
        for (const auto& key : reader.keys()) {
            const auto info = reader.info(key);
            const auto t = reader.load(key);
            if (t.sizes().vec() != info.shape || t.scalar_type() != info.dtype)
                throw std::logic_error("loaded tensor disagrees with its info: " + key);
        }
        return true;
    } catch (const Error&) {
        return false;
    }
}

inline bool fuzzSafetensors(const uint8_t* data, size_t size) { return readEverything<ckpt::SafetensorsReader>(data, size); }

inline bool fuzzTorchZip(const uint8_t* data, size_t size) { return readEverything<ckpt::TorchZipReader>(data, size); }

inline bool fuzzUnpickler(const uint8_t* data, size_t size) {
    try {
        ckpt::unpickleStateDict(std::span<const uint8_t>(data, size), "fuzz.pkl");
        return true;
    } catch (const Error&) {
        return false;
    }
}

inline bool fuzzIndex(const uint8_t* data, size_t size) {
    try {
        ckpt::ShardedCheckpoint::parseIndex(std::string(reinterpret_cast<const char*>(data), size), "fuzz.index.json");
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace ace::fuzz
