#include "ace/document/Zip.h"

#include <zlib.h>

#include <ctime>
#include <limits>
#include <utility>

#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"

namespace ace {
namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr std::uint16_t kUtf8Flag = 0x0800;
constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();

void put16(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}
std::uint16_t get16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t get32(const std::uint8_t* p) { return get16(p) | (static_cast<std::uint32_t>(get16(p + 2)) << 16); }

std::uint32_t crc32Of(std::span<const std::uint8_t> data) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    std::size_t done = 0;
    while (done < data.size()) {
        const uInt n = static_cast<uInt>(std::min<std::size_t>(data.size() - done, 1u << 30));
        crc = ::crc32(crc, data.data() + done, n);
        done += n;
    }
    return static_cast<std::uint32_t>(crc);
}

// MS-DOS date and time of now, local time, as zip tools show it.
std::pair<std::uint16_t, std::uint16_t> dosNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    if (tm.tm_year < 80) return {0, (1 << 5) | 1};
    const auto time = static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    const auto date = static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
    return {time, date};
}

}  // namespace

void ZipWriter::add(const std::string& name, std::span<const std::uint8_t> data, Method method, int level) {
    if (name.empty() || name.size() > 0xffff) throw Error("zip entry name is empty or too long");
    for (const Entry& e : m_entries)
        if (e.name == name) throw Error("zip entry '" + name + "' is added twice");
    if (data.size() >= kMax32 || m_out.size() + data.size() + 1024 >= kMax32)
        throw Error("zip archive would exceed 4 GiB (zip64 is not supported)");

    std::vector<std::uint8_t> packed;
    if (method == Method::Deflate) {
        z_stream zs{};
        if (deflateInit2(&zs, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw Error("zlib: deflateInit2 failed");
        packed.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
        zs.next_in = const_cast<Bytef*>(data.data());
        zs.avail_in = static_cast<uInt>(data.size());
        zs.next_out = packed.data();
        zs.avail_out = static_cast<uInt>(packed.size());
        const int rc = deflate(&zs, Z_FINISH);
        const auto produced = zs.total_out;
        deflateEnd(&zs);
        if (rc != Z_STREAM_END) throw Error("zlib: deflate failed for '" + name + "'");
        packed.resize(produced);
        // Incompressible data (PNG) is better stored.
        if (packed.size() >= data.size()) method = Method::Stored;
    }
    const std::span<const std::uint8_t> payload = method == Method::Stored ? data : std::span<const std::uint8_t>(packed);

    const auto [dosTime, dosDate] = dosNow();
    Entry e{name, static_cast<std::uint16_t>(method), crc32Of(data), static_cast<std::uint32_t>(payload.size()),
            static_cast<std::uint32_t>(data.size()), static_cast<std::uint32_t>(m_out.size())};
    put32(m_out, kLocalSig);
    put16(m_out, 20);
    put16(m_out, kUtf8Flag);
    put16(m_out, e.method);
    put16(m_out, dosTime);
    put16(m_out, dosDate);
    put32(m_out, e.crc);
    put32(m_out, e.compressedSize);
    put32(m_out, e.size);
    put16(m_out, static_cast<std::uint32_t>(name.size()));
    put16(m_out, 0);  // no extra field: OpenRaster wants the mimetype's data at offset 38
    m_out.insert(m_out.end(), name.begin(), name.end());
    m_out.insert(m_out.end(), payload.begin(), payload.end());
    m_entries.push_back(std::move(e));
}

void ZipWriter::add(const std::string& name, const std::string& text, Method method) {
    add(name, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), method);
}

std::vector<std::uint8_t> ZipWriter::finish() {
    if (m_entries.size() > 0xffff) throw Error("zip archive has too many entries (zip64 is not supported)");
    const auto [dosTime, dosDate] = dosNow();
    const auto cdOffset = static_cast<std::uint32_t>(m_out.size());
    for (const Entry& e : m_entries) {
        put32(m_out, kCentralSig);
        put16(m_out, 0x031e);  // made by: Unix, zip 3.0
        put16(m_out, 20);
        put16(m_out, kUtf8Flag);
        put16(m_out, e.method);
        put16(m_out, dosTime);
        put16(m_out, dosDate);
        put32(m_out, e.crc);
        put32(m_out, e.compressedSize);
        put32(m_out, e.size);
        put16(m_out, static_cast<std::uint32_t>(e.name.size()));
        put16(m_out, 0);
        put16(m_out, 0);
        put16(m_out, 0);
        put16(m_out, 0);
        put32(m_out, 0100644u << 16);  // regular file, rw-r--r--
        put32(m_out, e.offset);
        m_out.insert(m_out.end(), e.name.begin(), e.name.end());
    }
    const auto cdSize = static_cast<std::uint32_t>(m_out.size() - cdOffset);
    put32(m_out, kEndSig);
    put16(m_out, 0);
    put16(m_out, 0);
    put16(m_out, static_cast<std::uint32_t>(m_entries.size()));
    put16(m_out, static_cast<std::uint32_t>(m_entries.size()));
    put32(m_out, cdSize);
    put32(m_out, cdOffset);
    put16(m_out, 0);
    m_entries.clear();
    return std::exchange(m_out, {});
}

ZipReader::ZipReader(std::vector<std::uint8_t> archive, std::filesystem::path origin, const ZipLimits& limits)
    : m_archive(std::move(archive)), m_origin(std::move(origin)), m_limits(limits) {
    const std::uint8_t* base = m_archive.data();
    const std::uint64_t size = m_archive.size();
    if (size < 22) throw Error(m_origin, "not a zip archive (too short)");
    if (size >= kMax32) throw Error(m_origin, "zip archive larger than 4 GiB is not supported");
    // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
    std::uint64_t end = 0;
    bool found = false;
    const std::uint64_t lowest = size > 22 + 0xffff ? size - 22 - 0xffff : 0;
    for (std::uint64_t pos = size - 22;; --pos) {
        if (get32(base + pos) == kEndSig && pos + 22 + get16(base + pos + 20) == size) {
            end = pos;
            found = true;
            break;
        }
        if (pos == lowest) break;
    }
    if (!found) throw Error(m_origin, "not a zip archive (no end of central directory)");
    const std::uint16_t count = get16(base + end + 10);
    const std::uint32_t cdSize = get32(base + end + 12);
    const std::uint32_t cdOffset = get32(base + end + 16);
    if (get16(base + end + 4) != 0 || get16(base + end + 6) != 0 || get16(base + end + 8) != count)
        throw Error(m_origin, "multi-part zip archives are not supported");
    if (count == 0xffff || cdOffset == kMax32) throw Error(m_origin, "zip64 archives are not supported");
    if (static_cast<std::uint64_t>(cdOffset) + cdSize > end) throw Error(m_origin, "corrupt zip: central directory out of bounds");
    if (count > m_limits.maxEntries) throw Error(m_origin, "zip archive has too many entries");

    std::uint64_t pos = cdOffset;
    const std::uint64_t cdEnd = static_cast<std::uint64_t>(cdOffset) + cdSize;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (pos + 46 > cdEnd || get32(base + pos) != kCentralSig)
            throw Error(m_origin, "corrupt zip: bad central directory entry " + std::to_string(i));
        const std::uint16_t flags = get16(base + pos + 8);
        Entry e;
        e.method = get16(base + pos + 10);
        e.crc = get32(base + pos + 16);
        e.compressedSize = get32(base + pos + 20);
        e.size = get32(base + pos + 24);
        const std::uint16_t nameLen = get16(base + pos + 28), extraLen = get16(base + pos + 30),
                            commentLen = get16(base + pos + 32);
        const std::uint32_t localOffset = get32(base + pos + 42);
        if (pos + 46 + nameLen + extraLen + commentLen > cdEnd)
            throw Error(m_origin, "corrupt zip: central directory entry " + std::to_string(i) + " out of bounds");
        e.name.assign(reinterpret_cast<const char*>(base + pos + 46), nameLen);
        pos += 46ULL + nameLen + extraLen + commentLen;
        if (flags & 1) throw Error(m_origin, "entry '" + e.name + "' is encrypted, which is not supported");
        if (e.method != 0 && e.method != 8)
            throw Error(m_origin, "entry '" + e.name + "' uses compression method " + std::to_string(e.method) +
                                      " (only stored and deflate are supported)");
        if (e.compressedSize == kMax32 || e.size == kMax32 || localOffset == kMax32)
            throw Error(m_origin, "entry '" + e.name + "' needs zip64, which is not supported");
        if (static_cast<std::uint64_t>(localOffset) + 30 > cdOffset || get32(base + localOffset) != kLocalSig)
            throw Error(m_origin, "corrupt zip: bad local header for '" + e.name + "'");
        e.dataOffset = static_cast<std::uint64_t>(localOffset) + 30 + get16(base + localOffset + 26) +
                       get16(base + localOffset + 28);
        if (e.dataOffset + e.compressedSize > cdOffset)
            throw Error(m_origin, "corrupt zip: data of '" + e.name + "' runs past the end");
        if (m_index.count(e.name)) throw Error(m_origin, "corrupt zip: entry '" + e.name + "' appears twice");
        m_index[e.name] = m_entries.size();
        m_entries.push_back(std::move(e));
    }
}

ZipReader ZipReader::open(const std::filesystem::path& file, const ZipLimits& limits) {
    return ZipReader(readFileBytes(file, kMax32 - 1), file, limits);
}

const ZipReader::Entry& ZipReader::entry(const std::string& name) const {
    const auto it = m_index.find(name);
    if (it == m_index.end()) throw Error(m_origin, "the archive has no '" + name + "'");
    return m_entries[it->second];
}

std::vector<std::uint8_t> ZipReader::read(const std::string& name) const {
    const Entry& e = entry(name);
    if (e.size > m_limits.maxEntryBytes)
        throw Error(m_origin, "entry '" + name + "' is too large (" + std::to_string(e.size >> 20) + " MiB)");
    if (m_totalRead + e.size > m_limits.maxTotalBytes) throw Error(m_origin, "the archive unpacks to too much data");
    m_totalRead += e.size;
    const std::uint8_t* src = m_archive.data() + e.dataOffset;
    std::vector<std::uint8_t> out;
    if (e.method == 0) {
        if (e.compressedSize != e.size) throw Error(m_origin, "corrupt zip: stored entry '" + name + "' has two sizes");
        out.assign(src, src + e.size);
    } else {
        out.resize(e.size);
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw Error(m_origin, "zlib: inflateInit2 failed");
        zs.next_in = const_cast<Bytef*>(src);
        zs.avail_in = static_cast<uInt>(e.compressedSize);
        // One spare byte detects data that inflates to more than the declared size.
        std::uint8_t spare = 0;
        zs.next_out = out.empty() ? &spare : out.data();
        zs.avail_out = static_cast<uInt>(out.size());
        int rc = inflate(&zs, Z_FINISH);
        if (rc != Z_STREAM_END && zs.avail_out == 0 && zs.total_out == e.size) {
            zs.next_out = &spare;
            zs.avail_out = 1;
            rc = inflate(&zs, Z_FINISH);
        }
        const auto produced = zs.total_out;
        inflateEnd(&zs);
        if (rc != Z_STREAM_END || produced != e.size)
            throw Error(m_origin, "corrupt zip: entry '" + name + "' does not inflate to its declared size");
    }
    if (crc32Of(out) != e.crc) throw Error(m_origin, "corrupt zip: CRC mismatch in '" + name + "'");
    return out;
}

std::string ZipReader::readText(const std::string& name) const {
    const auto bytes = read(name);
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace ace
