#pragma once
// PyTorch zip checkpoints (torch.save since 1.6: the .pth/.bin files of the ACE release and the
// Hugging Face T5 shards). The archive is a zip of stored (uncompressed) records:
// <name>/data.pkl (the pickled state dict, tensors as persistent ids), <name>/data/<key> (one
// record per storage, raw little-endian elements), <name>/version, maybe <name>/byteorder.
// Opening reads the central directory (ZIP64 included: the T5 shards exceed 4 GB) and data.pkl
// only, through RestrictedUnpickler; load() preads exactly the bytes of one tensor's view.
#include <atomic>
#include <map>

#include "checkpoint/CheckpointReader.h"

namespace ace::ckpt {

// The central directory of a zip file, without decompression: a record can be located and read
// only when it is stored. Every offset and size is checked against the file.
class ZipArchive {
public:
    struct Record {
        std::string name;
        uint64_t localHeaderOffset = 0;
        uint64_t compressedSize = 0;
        uint64_t size = 0;
        uint32_t crc32 = 0;
        uint16_t method = 0;  // 0 = stored
        uint16_t flags = 0;   // bit 0 = encrypted
    };

    explicit ZipArchive(const std::filesystem::path& file);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    uint64_t fileSize() const { return m_fileSize; }
    const std::vector<Record>& records() const { return m_records; }
    const Record* find(const std::string& name) const;
    // Offset of a stored record's bytes in the file (from its local header); throws naming the
    // record when it is compressed, encrypted or lies outside the file.
    uint64_t dataOffset(const Record& record) const;
    // Reads [offset, offset + n) of the file; throws on a short read (e.g. the file shrank).
    void read(uint64_t offset, void* dst, uint64_t n) const;

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    uint64_t m_fileSize = 0;
    std::vector<Record> m_records;
    std::map<std::string, size_t> m_byName;
};

class TorchZipReader final : public CheckpointReader {
public:
    explicit TorchZipReader(const std::filesystem::path& file);

    const std::filesystem::path& path() const override { return m_zip.path(); }
    std::vector<std::string> keys() const override { return m_order; }
    bool contains(const std::string& key) const override { return m_entries.count(key) != 0; }
    TensorInfo info(const std::string& key) const override;
    torch::Tensor load(const std::string& key) const override;
    // Reads straight into `dst` when it is a contiguous CPU tensor of the file's dtype (what the
    // CPU's fp32 model loads from the release's fp32 .pth); otherwise load() then copy_.
    void loadInto(const std::string& key, torch::Tensor& dst) const override;

    uint64_t bytesRead() const override { return m_bytesRead.load(); }

    // True when the file starts with a zip local header ("PK\3\4").
    static bool sniff(const std::filesystem::path& file);

private:
    struct Entry {
        TensorInfo info;
        uint64_t storageOffset = 0;  // file offset of the storage's first byte
        int64_t offset = 0;          // view, in elements
        std::vector<int64_t> stride;
    };
    const Entry& entry(const std::string& key) const;

    ZipArchive m_zip;
    std::map<std::string, Entry> m_entries;
    std::vector<std::string> m_order;
    mutable std::atomic<uint64_t> m_bytesRead{0};
};

}  // namespace ace::ckpt
