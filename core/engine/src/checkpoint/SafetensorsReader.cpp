#include "checkpoint/SafetensorsReader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ace/common/Error.h"
#include "checkpoint/DTypes.h"

namespace ace::ckpt {
namespace {
constexpr uint64_t kMaxHeaderBytes = 100ull << 20;  // the format's own limit
}

SafetensorsReader::SafetensorsReader(const std::filesystem::path& file) : m_path(file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(file, "not a regular file");
    }
    m_fileSize = static_cast<uint64_t>(st.st_size);
    if (m_fileSize < 8) {
        ::close(fd);
        throw Error(file, "truncated safetensors file (" + std::to_string(m_fileSize) + " bytes)");
    }
    void* map = ::mmap(nullptr, m_fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) throw Error(file, std::string("cannot map the file: ") + std::strerror(errno));
    m_map = static_cast<const uint8_t*>(map);

    try {
        uint64_t headerLen = 0;
        for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | m_map[i];
        if (headerLen > kMaxHeaderBytes || headerLen > m_fileSize - 8)
            throw Error(file, "corrupt safetensors header length " + std::to_string(headerLen));
        m_dataOffset = 8 + headerLen;
        const uint64_t dataSize = m_fileSize - m_dataOffset;

        nlohmann::json header;
        try {
            header = nlohmann::json::parse(m_map + 8, m_map + 8 + headerLen);
        } catch (const nlohmann::json::exception& e) {
            throw Error(file, std::string("corrupt safetensors header: ") + e.what());
        }
        if (!header.is_object()) throw Error(file, "corrupt safetensors header: not a JSON object");

        std::vector<std::pair<uint64_t, std::string>> byOffset;
        for (auto it = header.begin(); it != header.end(); ++it) {
            if (it.key() == "__metadata__") {
                if (it->is_object())
                    for (auto m = it->begin(); m != it->end(); ++m)
                        if (m->is_string()) m_metadata[m.key()] = m->get<std::string>();
                continue;
            }
            const auto& v = it.value();
            if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets") ||
                !v["dtype"].is_string() || !v["shape"].is_array() || !v["data_offsets"].is_array() ||
                v["data_offsets"].size() != 2)
                throw Error(file, "corrupt safetensors entry for tensor '" + it.key() + "'");
            Entry e;
            e.info.name = it.key();
            e.info.dtype = dtypeFromSafetensorsName(v["dtype"].get<std::string>(), file, it.key());
            for (const auto& d : v["shape"]) {
                if (!d.is_number_unsigned()) throw Error(file, "tensor '" + it.key() + "' has an invalid shape");
                e.info.shape.push_back(d.get<int64_t>());
            }
            const auto& off = v["data_offsets"];
            if (!off[0].is_number_unsigned() || !off[1].is_number_unsigned())
                throw Error(file, "tensor '" + it.key() + "' has invalid data offsets");
            e.begin = off[0].get<uint64_t>();
            e.end = off[1].get<uint64_t>();
            if (e.begin > e.end || e.end > dataSize)
                throw Error(file, "tensor '" + it.key() + "' lies outside the file (truncated?): bytes [" +
                                      std::to_string(e.begin) + ", " + std::to_string(e.end) + ") of " +
                                      std::to_string(dataSize));
            const uint64_t expected = checkedByteSize(e.info, file);
            if (expected != e.end - e.begin)
                throw Error(file, "tensor '" + it.key() + "' has " + std::to_string(e.end - e.begin) +
                                      " bytes but its shape and dtype need " + std::to_string(expected));
            byOffset.emplace_back(e.begin, e.info.name);
            m_entries.emplace(it.key(), std::move(e));
        }
        std::sort(byOffset.begin(), byOffset.end());
        for (auto& [off, name] : byOffset) m_order.push_back(name);
    } catch (...) {
        ::munmap(const_cast<uint8_t*>(m_map), m_fileSize);
        m_map = nullptr;
        throw;
    }
}

SafetensorsReader::~SafetensorsReader() {
    if (m_map) ::munmap(const_cast<uint8_t*>(m_map), m_fileSize);
}

bool SafetensorsReader::sniff(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    uint8_t head[9] = {0};
    if (!in.read(reinterpret_cast<char*>(head), 9)) return false;
    uint64_t len = 0;
    for (int i = 7; i >= 0; --i) len = (len << 8) | head[i];
    return len > 1 && len <= kMaxHeaderBytes && head[8] == '{';
}

const SafetensorsReader::Entry& SafetensorsReader::entry(const std::string& key) const {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) throw Error(m_path, "no tensor named '" + key + "'");
    return it->second;
}

TensorInfo SafetensorsReader::info(const std::string& key) const { return entry(key).info; }

namespace {

// Maps a whole range of the file in one call instead of a page fault per 4 KiB (or per
// fault-around block) inside the copy: page faults were most of a warm cached load's time.
// Best effort: kernels before 5.14 do not know MADV_POPULATE_READ, and the copy faults as before.
void prefault(const uint8_t* bytes, uint64_t size) {
#ifdef MADV_POPULATE_READ
    const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const uintptr_t begin = reinterpret_cast<uintptr_t>(bytes) & ~(page - 1);
    ::madvise(reinterpret_cast<void*>(begin), reinterpret_cast<uintptr_t>(bytes) + size - begin, MADV_POPULATE_READ);
#else
    (void)bytes;
    (void)size;
#endif
}

}  // namespace

torch::Tensor SafetensorsReader::load(const std::string& key) const {
    const Entry& e = entry(key);
    auto out = torch::empty(e.info.shape, torch::TensorOptions().dtype(e.info.dtype));
    // An empty tensor has no storage (data_ptr() is null): nothing to copy.
    if (e.end > e.begin) {
        prefault(m_map + m_dataOffset + e.begin, e.end - e.begin);
        std::memcpy(out.data_ptr(), m_map + m_dataOffset + e.begin, e.end - e.begin);
    }
    m_bytesRead += e.end - e.begin;
    return out;
}

void SafetensorsReader::loadInto(const std::string& key, torch::Tensor& dst) const {
    const Entry& e = entry(key);
    if (dst.sizes().vec() != e.info.shape)
        throw Error(m_path, "tensor '" + key + "' has another shape in the file than where it is loaded");
    const uint8_t* bytes = m_map + m_dataOffset + e.begin;
    const auto element = static_cast<uintptr_t>(torch::elementSize(e.info.dtype));
    // A view of the mapping needs the element alignment the copy kernels assume; the writers
    // align, but a file from elsewhere may not.
    if (e.end == e.begin || reinterpret_cast<uintptr_t>(bytes) % element != 0) {
        CheckpointReader::loadInto(key, dst);
        return;
    }
    prefault(bytes, e.end - e.begin);
    // Read only: copy_ never writes its source.
    const torch::Tensor mapped = torch::from_blob(const_cast<uint8_t*>(bytes), e.info.shape,
                                                  torch::TensorOptions().dtype(e.info.dtype));
    dst.copy_(mapped);
    m_bytesRead += e.end - e.begin;
}

namespace {

// A file descriptor that closes itself; write() and sync() throw naming the destination.
class OutFile {
public:
    OutFile(const std::filesystem::path& tmp, const std::filesystem::path& target) : m_target(target) {
        m_fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (m_fd < 0) throw Error(target, std::string("cannot create ") + tmp.string() + ": " + std::strerror(errno));
    }
    ~OutFile() {
        if (m_fd >= 0) ::close(m_fd);
    }
    OutFile(const OutFile&) = delete;
    OutFile& operator=(const OutFile&) = delete;

    void write(const void* data, uint64_t n) {
        const auto* p = static_cast<const uint8_t*>(data);
        while (n > 0) {
            const ssize_t done = ::write(m_fd, p, static_cast<size_t>(std::min<uint64_t>(n, 1ull << 30)));
            if (done < 0 && errno == EINTR) continue;
            if (done <= 0) throw Error(m_target, std::string("cannot write: ") + std::strerror(errno));
            p += done;
            n -= static_cast<uint64_t>(done);
        }
    }
    void syncAndClose() {
        if (::fsync(m_fd) != 0) throw Error(m_target, std::string("cannot write: ") + std::strerror(errno));
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) throw Error(m_target, std::string("cannot write: ") + std::strerror(errno));
    }

private:
    std::filesystem::path m_target;
    int m_fd = -1;
};

}  // namespace

void writeSafetensorsStreamed(const std::filesystem::path& file, const std::vector<StreamedTensor>& tensors,
                              const std::map<std::string, std::string>& metadata,
                              const std::function<void(double)>& progress) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    uint64_t offset = 0;
    for (const auto& t : tensors) {
        if (t.name == "__metadata__" || header.contains(t.name))
            throw Error(file, "tensor name '" + t.name + "' is reserved or given twice");
        const uint64_t bytes = checkedByteSize(TensorInfo{t.name, t.dtype, t.shape}, file);
        header[t.name] = {{"dtype", safetensorsNameOf(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    const uint64_t total = offset;
    std::string json = header.dump();
    while ((json.size() + 8) % 8 != 0) json.push_back(' ');  // keep tensor data 8-byte aligned

    auto tmp = file;
    tmp += ".part-" + std::to_string(::getpid());
    try {
        OutFile out(tmp, file);
        uint8_t len[8];
        const uint64_t n = json.size();
        for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(n >> (8 * i));
        out.write(len, 8);
        out.write(json.data(), json.size());
        uint64_t written = 0;
        for (const auto& t : tensors) {
            torch::Tensor c = t.produce();
            if (c.scalar_type() != t.dtype || c.sizes().vec() != t.shape)
                throw Error(file, "tensor '" + t.name + "' was produced with another dtype or shape than declared");
            c = c.to(torch::kCPU).contiguous();
            const uint64_t bytes = static_cast<uint64_t>(c.numel()) * c.element_size();
            out.write(c.data_ptr(), bytes);
            written += bytes;
            if (progress) progress(total ? double(written) / double(total) : 1.0);
        }
        out.syncAndClose();
        std::error_code ec;
        std::filesystem::rename(tmp, file, ec);
        if (ec) throw Error(file, "cannot replace the file: " + ec.message());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw;
    }
    // Make the rename itself durable.
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void writeSafetensors(const std::filesystem::path& file,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    std::vector<StreamedTensor> streamed;
    for (const auto& [name, t] : tensors) {
        torch::Tensor c = t.detach().to(torch::kCPU);
        streamed.push_back({name, c.scalar_type(), c.sizes().vec(), [c] { return c; }});
    }
    writeSafetensorsStreamed(file, streamed, metadata);
}

}  // namespace ace::ckpt
