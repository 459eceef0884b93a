#pragma once
// A small zip writer and reader over zlib, for OpenRaster and project files: stored and deflated
// entries, no zip64 (archives and entries stay below 4 GiB), no encryption. The reader checks
// every offset and size against the archive, bounds what it inflates, and verifies CRC-32.
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace ace {

struct ZipLimits {
    std::uint64_t maxEntries = 100'000;
    std::uint64_t maxEntryBytes = 1ULL << 30;  // uncompressed size of one entry
    std::uint64_t maxTotalBytes = 4ULL << 30;  // uncompressed size of all entries read
};

class ZipWriter {
public:
    enum class Method : std::uint16_t { Stored = 0, Deflate = 8 };

    // Names use '/' and must be unique. level: zlib 1..9 for Deflate.
    void add(const std::string& name, std::span<const std::uint8_t> data, Method method = Method::Deflate, int level = 6);
    void add(const std::string& name, const std::string& text, Method method = Method::Deflate);
    // Appends the central directory and returns the archive; the writer is empty afterwards.
    std::vector<std::uint8_t> finish();

private:
    struct Entry {
        std::string name;
        std::uint16_t method;
        std::uint32_t crc;
        std::uint32_t compressedSize;
        std::uint32_t size;
        std::uint32_t offset;
    };
    std::vector<std::uint8_t> m_out;
    std::vector<Entry> m_entries;
};

class ZipReader {
public:
    struct Entry {
        std::string name;
        std::uint16_t method = 0;
        std::uint32_t crc = 0;
        std::uint64_t compressedSize = 0;
        std::uint64_t size = 0;
        std::uint64_t dataOffset = 0;  // of the entry's data in the archive
    };

    // `origin` names the archive in error messages. Throws ace::Error for anything malformed.
    ZipReader(std::vector<std::uint8_t> archive, std::filesystem::path origin, const ZipLimits& limits = {});
    static ZipReader open(const std::filesystem::path& file, const ZipLimits& limits = {});

    const std::vector<Entry>& entries() const { return m_entries; }  // in central-directory order
    bool contains(const std::string& name) const { return m_index.count(name) != 0; }
    const Entry& entry(const std::string& name) const;
    // Inflates (or copies) and CRC-checks one entry; throws ace::Error naming archive and entry.
    std::vector<std::uint8_t> read(const std::string& name) const;
    std::string readText(const std::string& name) const;
    // The raw bytes of a stored entry's data, for format sniffing (mimetype).
    const std::filesystem::path& origin() const { return m_origin; }

private:
    std::vector<std::uint8_t> m_archive;
    std::filesystem::path m_origin;
    ZipLimits m_limits;
    std::vector<Entry> m_entries;
    std::map<std::string, std::size_t> m_index;
    mutable std::uint64_t m_totalRead = 0;
};

}  // namespace ace
