#pragma once
// Sharded Hugging Face checkpoints: an index file (`pytorch_model.bin.index.json` or
// `model.safetensors.index.json`) whose "weight_map" names, for each tensor, the shard file in the
// same folder. Shards (torch zip or safetensors) are opened lazily, the first time one of their
// tensors is asked about, so a caller that only looks at some keys (the T5 encoder out of a full
// encoder-decoder checkpoint) never touches the other shards; a missing shard is reported then,
// naming the shard and the index.
#include <map>
#include <mutex>

#include "checkpoint/CheckpointReader.h"

namespace ace::ckpt {

class ShardedCheckpoint final : public CheckpointReader {
public:
    explicit ShardedCheckpoint(const std::filesystem::path& indexFile);
    ~ShardedCheckpoint() override;

    const std::filesystem::path& path() const override { return m_path; }
    std::vector<std::string> keys() const override { return m_order; }
    bool contains(const std::string& key) const override { return m_weightMap.count(key) != 0; }
    TensorInfo info(const std::string& key) const override;
    torch::Tensor load(const std::string& key) const override;
    void loadInto(const std::string& key, torch::Tensor& dst) const override;

    // Over the shards opened so far.
    uint64_t bytesRead() const override;
    // Of one shard (0 when it was never opened).
    uint64_t shardBytesRead(const std::string& shardName) const;

    // The shard file names of the index, and those opened so far.
    std::vector<std::string> shardNames() const;
    std::vector<std::string> openedShards() const;

    // Parses an index file's JSON and returns key -> shard file name in the file's order; throws
    // naming `file` when it is not a valid index (used by the constructor and the fuzzer).
    static std::vector<std::pair<std::string, std::string>> parseIndex(const std::string& json,
                                                                       const std::filesystem::path& file);
    // True when the file starts (after white space) with '{', as an index does.
    static bool sniff(const std::filesystem::path& file);

private:
    const CheckpointReader& shardFor(const std::string& key) const;

    std::filesystem::path m_path;
    std::map<std::string, std::string> m_weightMap;
    std::vector<std::string> m_order;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::unique_ptr<CheckpointReader>> m_shards;
};

}  // namespace ace::ckpt
