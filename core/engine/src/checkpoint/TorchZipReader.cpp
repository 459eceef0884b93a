#include "checkpoint/TorchZipReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "ace/common/Error.h"
#include "checkpoint/DTypes.h"
#include "checkpoint/RestrictedUnpickler.h"

namespace ace::ckpt {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint64_t kMaxCentralDirectory = 256ull << 20;
constexpr uint64_t kMaxPickle = 512ull << 20;

uint64_t le(const uint8_t* p, int bytes) {
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

uint32_t crc32(const uint8_t* data, size_t n) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

bool isContiguous(const std::vector<int64_t>& size, const std::vector<int64_t>& stride) {
    int64_t expected = 1;
    for (size_t i = size.size(); i-- > 0;) {
        if (size[i] != 1 && stride[i] != expected) return false;
        expected *= size[i];
    }
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

ZipArchive::ZipArchive(const std::filesystem::path& file) : m_path(file) {
    m_fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    try {
        struct stat st {};
        if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) throw Error(file, "not a regular file");
        m_fileSize = static_cast<uint64_t>(st.st_size);
        if (m_fileSize < 22) throw Error(file, "truncated zip file (no end of central directory)");

        // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
        const uint64_t tailSize = std::min<uint64_t>(m_fileSize, 22 + 65535 + 20);
        std::vector<uint8_t> tail(tailSize);
        read(m_fileSize - tailSize, tail.data(), tailSize);
        int64_t eocd = -1;
        for (int64_t i = static_cast<int64_t>(tailSize) - 22; i >= 0; --i) {
            if (le(&tail[i], 4) == kEndSig && static_cast<uint64_t>(i) + 22 + le(&tail[i + 20], 2) <= tailSize) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) throw Error(file, "not a complete zip file (no end of central directory; truncated?)");
        const uint8_t* e = &tail[eocd];
        uint64_t count = le(e + 10, 2);
        uint64_t cdSize = le(e + 12, 4);
        uint64_t cdOffset = le(e + 16, 4);
        if (le(e + 4, 2) != 0 || le(e + 6, 2) != 0) throw Error(file, "multi-volume zip files are not supported");

        // ZIP64: a locator right before the end record points at the 64-bit end record.
        if (eocd >= 20 && le(&tail[eocd - 20], 4) == kZip64LocatorSig) {
            const uint64_t z64Offset = le(&tail[eocd - 20 + 8], 8);
            if (z64Offset > m_fileSize || m_fileSize - z64Offset < 56)
                throw Error(file, "corrupt ZIP64 end of central directory locator");
            uint8_t z[56];
            read(z64Offset, z, 56);
            if (le(z, 4) != kZip64EndSig) throw Error(file, "corrupt ZIP64 end of central directory");
            count = le(z + 32, 8);
            cdSize = le(z + 40, 8);
            cdOffset = le(z + 48, 8);
        } else if (count == 0xFFFF || cdSize == 0xFFFFFFFFu || cdOffset == 0xFFFFFFFFu) {
            throw Error(file, "corrupt zip file (ZIP64 fields without a ZIP64 record)");
        }
        if (cdOffset > m_fileSize || cdSize > m_fileSize - cdOffset || cdSize > kMaxCentralDirectory)
            throw Error(file, "corrupt zip central directory (outside the file; truncated?)");
        if (count > cdSize / 46) throw Error(file, "corrupt zip central directory (entry count)");

        std::vector<uint8_t> cd(cdSize);
        read(cdOffset, cd.data(), cdSize);
        uint64_t pos = 0;
        for (uint64_t i = 0; i < count; ++i) {
            if (cdSize - pos < 46 || le(&cd[pos], 4) != kCentralHeaderSig)
                throw Error(file, "corrupt zip central directory entry " + std::to_string(i));
            const uint8_t* h = &cd[pos];
            Record r;
            r.flags = static_cast<uint16_t>(le(h + 8, 2));
            r.method = static_cast<uint16_t>(le(h + 10, 2));
            r.crc32 = static_cast<uint32_t>(le(h + 16, 4));
            r.compressedSize = le(h + 20, 4);
            r.size = le(h + 24, 4);
            const uint64_t nameLen = le(h + 28, 2), extraLen = le(h + 30, 2), commentLen = le(h + 32, 2);
            const uint64_t disk = le(h + 34, 2);
            r.localHeaderOffset = le(h + 42, 4);
            if (cdSize - pos - 46 < nameLen + extraLen + commentLen)
                throw Error(file, "corrupt zip central directory entry " + std::to_string(i));
            r.name.assign(reinterpret_cast<const char*>(h + 46), nameLen);
            // ZIP64 extended information: 64-bit values for the fields saturated above, in order.
            const uint8_t* x = h + 46 + nameLen;
            for (uint64_t xp = 0; xp + 4 <= extraLen;) {
                const uint64_t id = le(x + xp, 2), len = le(x + xp + 2, 2);
                if (xp + 4 + len > extraLen) throw Error(file, "corrupt zip extra field of '" + r.name + "'");
                if (id == 0x0001) {
                    const uint8_t* f = x + xp + 4;
                    uint64_t left = len;
                    auto next = [&](uint64_t& field) {
                        if (left < 8) throw Error(file, "corrupt ZIP64 extra field of '" + r.name + "'");
                        field = le(f, 8);
                        f += 8;
                        left -= 8;
                    };
                    if (r.size == 0xFFFFFFFFu) next(r.size);
                    if (r.compressedSize == 0xFFFFFFFFu) next(r.compressedSize);
                    if (r.localHeaderOffset == 0xFFFFFFFFu) next(r.localHeaderOffset);
                }
                xp += 4 + len;
            }
            if (disk != 0 && disk != 0xFFFF) throw Error(file, "multi-volume zip files are not supported");
            if (r.localHeaderOffset > m_fileSize || r.compressedSize > m_fileSize)
                throw Error(file, "zip record '" + r.name + "' lies outside the file (truncated?)");
            m_byName.emplace(r.name, m_records.size());
            m_records.push_back(std::move(r));
            pos += 46 + nameLen + extraLen + commentLen;
        }
    } catch (...) {
        ::close(m_fd);
        m_fd = -1;
        throw;
    }
}

ZipArchive::~ZipArchive() {
    if (m_fd >= 0) ::close(m_fd);
}

const ZipArchive::Record* ZipArchive::find(const std::string& name) const {
    auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : &m_records[it->second];
}

uint64_t ZipArchive::dataOffset(const Record& r) const {
    if (r.flags & 0x1) throw Error(m_path, "zip record '" + r.name + "' is encrypted");
    if (r.method != 0)
        throw Error(m_path, "zip record '" + r.name + "' is compressed (method " + std::to_string(r.method) +
                                "); torch.save writes stored records, so the file was repacked — re-save it with torch.save");
    if (r.compressedSize != r.size) throw Error(m_path, "zip record '" + r.name + "' has inconsistent sizes");
    if (m_fileSize - r.localHeaderOffset < 30)
        throw Error(m_path, "zip record '" + r.name + "' lies outside the file (truncated?)");
    uint8_t h[30];
    read(r.localHeaderOffset, h, 30);
    if (le(h, 4) != kLocalHeaderSig) throw Error(m_path, "corrupt zip local header of '" + r.name + "'");
    const uint64_t offset = r.localHeaderOffset + 30 + le(h + 26, 2) + le(h + 28, 2);
    if (offset > m_fileSize || r.size > m_fileSize - offset)
        throw Error(m_path, "zip record '" + r.name + "' lies outside the file (truncated?)");
    return offset;
}

void ZipArchive::read(uint64_t offset, void* dst, uint64_t n) const {
    auto* out = static_cast<uint8_t*>(dst);
    while (n > 0) {
        const size_t chunk = static_cast<size_t>(std::min<uint64_t>(n, 1ull << 30));
        const ssize_t got = ::pread(m_fd, out, chunk, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw Error(m_path, std::string("read error: ") + std::strerror(errno));
        if (got == 0) throw Error(m_path, "unexpected end of file (truncated or changed while open?)");
        out += got;
        offset += static_cast<uint64_t>(got);
        n -= static_cast<uint64_t>(got);
    }
}

// ---------------------------------------------------------------------------------------------

TorchZipReader::TorchZipReader(const std::filesystem::path& file) : m_zip(file) {
    // The records share one top-level folder (the archive name torch.save chose); data.pkl is in it.
    const ZipArchive::Record* pickle = nullptr;
    for (const auto& r : m_zip.records()) {
        const auto slash = r.name.find('/');
        if (slash != std::string::npos && r.name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            if (pickle) throw Error(file, "zip file holds more than one data.pkl");
            pickle = &r;
        }
    }
    if (!pickle) throw Error(file, "zip file without a data.pkl: not a PyTorch checkpoint");
    const std::string prefix = pickle->name.substr(0, pickle->name.size() - std::strlen("data.pkl"));

    if (const auto* order = m_zip.find(prefix + "byteorder")) {
        if (order->size > 16) throw Error(file, "corrupt byteorder record");
        std::string value(order->size, '\0');
        m_zip.read(m_zip.dataOffset(*order), value.data(), value.size());
        if (value != "little")
            throw Error(file, "tensors are stored in '" + value + "' byte order; only little-endian is supported");
    }

    if (pickle->size > kMaxPickle) throw Error(file, "data.pkl is implausibly large");
    std::vector<uint8_t> bytes(pickle->size);
    m_zip.read(m_zip.dataOffset(*pickle), bytes.data(), bytes.size());
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION  // the fuzzer must reach the unpickler with mutated pickles
    if (crc32(bytes.data(), bytes.size()) != pickle->crc32) throw Error(file, "data.pkl is corrupt (CRC mismatch)");
#endif

    std::map<std::string, uint64_t> storageOffsets;
    for (auto& t : unpickleStateDict(bytes, file)) {
        Entry e;
        e.info.name = t.name;
        e.info.dtype = t.dtype;
        e.info.shape = t.size;
        e.offset = t.offset;
        e.stride = t.stride;
        auto it = storageOffsets.find(t.storageKey);
        if (it == storageOffsets.end()) {
            const auto* record = m_zip.find(prefix + "data/" + t.storageKey);
            if (!record) throw Error(file, "tensor '" + t.name + "': storage record data/" + t.storageKey + " is missing");
            const uint64_t needed = static_cast<uint64_t>(t.storageNumel) * c10::elementSize(t.dtype);
            if (record->size != needed)
                throw Error(file, "tensor '" + t.name + "': storage data/" + t.storageKey + " has " +
                                      std::to_string(record->size) + " bytes instead of " + std::to_string(needed));
            it = storageOffsets.emplace(t.storageKey, m_zip.dataOffset(*record)).first;
        }
        e.storageOffset = it->second;
        m_order.push_back(t.name);
        m_entries.emplace(t.name, std::move(e));
    }
}

bool TorchZipReader::sniff(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[4] = {0};
    return in.read(head, 4) && std::memcmp(head, "PK\x03\x04", 4) == 0;
}

const TorchZipReader::Entry& TorchZipReader::entry(const std::string& key) const {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) throw Error(path(), "no tensor named '" + key + "'");
    return it->second;
}

TensorInfo TorchZipReader::info(const std::string& key) const { return entry(key).info; }

torch::Tensor TorchZipReader::load(const std::string& key) const {
    const Entry& e = entry(key);
    const auto options = torch::TensorOptions().dtype(e.info.dtype);
    const int64_t numel = e.info.numel();
    if (numel == 0) return torch::empty(e.info.shape, options);
    const uint64_t element = c10::elementSize(e.info.dtype);
    const uint64_t begin = e.storageOffset + static_cast<uint64_t>(e.offset) * element;
    if (isContiguous(e.info.shape, e.stride)) {
        auto out = torch::empty(e.info.shape, options);
        m_zip.read(begin, out.data_ptr(), static_cast<uint64_t>(numel) * element);
        m_bytesRead += static_cast<uint64_t>(numel) * element;
        return out;
    }
    // A strided view (a slice or transpose sharing its storage): read the span it covers, then
    // gather. The unpickler checked that the span lies inside the storage.
    int64_t span = 1;
    for (size_t i = 0; i < e.stride.size(); ++i) span += (e.info.shape[i] - 1) * e.stride[i];
    auto buffer = torch::empty({span}, options);
    m_zip.read(begin, buffer.data_ptr(), static_cast<uint64_t>(span) * element);
    m_bytesRead += static_cast<uint64_t>(span) * element;
    return buffer.as_strided(e.info.shape, e.stride).contiguous();
}

void TorchZipReader::loadInto(const std::string& key, torch::Tensor& dst) const {
    const Entry& e = entry(key);
    if (dst.sizes().vec() != e.info.shape)
        throw Error(path(), "tensor '" + key + "' has another shape in the file than where it is loaded");
    const int64_t numel = e.info.numel();
    if (numel == 0 || !dst.is_cpu() || !dst.is_contiguous() || dst.scalar_type() != e.info.dtype ||
        !isContiguous(e.info.shape, e.stride)) {
        CheckpointReader::loadInto(key, dst);
        return;
    }
    const uint64_t element = c10::elementSize(e.info.dtype);
    m_zip.read(e.storageOffset + static_cast<uint64_t>(e.offset) * element, dst.data_ptr(),
               static_cast<uint64_t>(numel) * element);
    m_bytesRead += static_cast<uint64_t>(numel) * element;
}

}  // namespace ace::ckpt
