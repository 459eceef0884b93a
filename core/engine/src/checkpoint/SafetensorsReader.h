#pragma once
// safetensors files: an 8-byte little-endian header length, a JSON header naming each tensor's
// dtype, shape and [begin, end) byte range in the data section, then the data. The file is
// memory-mapped; every range is checked against the file size and against dtype x shape.
#include <atomic>
#include <functional>
#include <map>

#include "checkpoint/CheckpointReader.h"

namespace ace::ckpt {

class SafetensorsReader final : public CheckpointReader {
public:
    explicit SafetensorsReader(const std::filesystem::path& file);
    ~SafetensorsReader() override;
    SafetensorsReader(const SafetensorsReader&) = delete;
    SafetensorsReader& operator=(const SafetensorsReader&) = delete;

    const std::filesystem::path& path() const override { return m_path; }
    std::vector<std::string> keys() const override { return m_order; }
    bool contains(const std::string& key) const override { return m_entries.count(key) != 0; }
    TensorInfo info(const std::string& key) const override;
    torch::Tensor load(const std::string& key) const override;
    // From the mapped bytes straight into `dst` (one pass, converting the dtype on the way).
    void loadInto(const std::string& key, torch::Tensor& dst) const override;
    uint64_t bytesRead() const override { return m_bytesRead.load(); }

    // The string metadata of the header ("__metadata__"), empty when absent.
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

    // True when the file starts like a safetensors file (a sane header length and '{').
    static bool sniff(const std::filesystem::path& file);

private:
    struct Entry {
        TensorInfo info;
        uint64_t begin = 0;  // offset in the data section
        uint64_t end = 0;
    };
    const Entry& entry(const std::string& key) const;

    std::filesystem::path m_path;
    const uint8_t* m_map = nullptr;
    uint64_t m_fileSize = 0;
    uint64_t m_dataOffset = 0;
    std::map<std::string, Entry> m_entries;
    std::vector<std::string> m_order;
    std::map<std::string, std::string> m_metadata;
    mutable std::atomic<uint64_t> m_bytesRead{0};
};

// One tensor to write: its name, dtype and shape known up front, its data produced on demand.
struct StreamedTensor {
    std::string name;
    torch::Dtype dtype = torch::kFloat32;
    std::vector<int64_t> shape;
    std::function<torch::Tensor()> produce;  // a CPU tensor of exactly this dtype and shape
};

// Writes a safetensors file tensor by tensor (the header from the declared dtypes and shapes
// first, then each tensor's bytes as it is produced, so at most one tensor is in memory),
// atomically: a temporary file next to `file`, fsync, rename, fsync of the folder. `progress`
// (optional) gets the fraction of bytes written after each tensor. On any failure the temporary
// file is removed and ace::Error names `file`.
void writeSafetensorsStreamed(const std::filesystem::path& file, const std::vector<StreamedTensor>& tensors,
                              const std::map<std::string, std::string>& metadata = {},
                              const std::function<void(double)>& progress = {});

// Writes tensors (any CPU dtype the format knows) as a safetensors file, atomically (temporary
// file, then rename). Used for test data.
void writeSafetensors(const std::filesystem::path& file,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace ace::ckpt
