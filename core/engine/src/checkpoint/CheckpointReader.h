#pragma once
// Reading tensors from checkpoint files without trusting them: every reader checks offsets,
// sizes and shapes against the file and throws ace::Error naming the file and the tensor.
// Readers are lazy: opening a file reads its index only; tensor bytes are read by load().
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

namespace ace::ckpt {

struct TensorInfo {
    std::string name;
    torch::Dtype dtype = torch::kFloat32;
    std::vector<int64_t> shape;

    int64_t numel() const;
};

class CheckpointReader {
public:
    virtual ~CheckpointReader() = default;

    virtual const std::filesystem::path& path() const = 0;
    // Tensor names in the order the file lists them.
    virtual std::vector<std::string> keys() const = 0;
    virtual bool contains(const std::string& key) const = 0;
    virtual TensorInfo info(const std::string& key) const = 0;
    // A CPU tensor that owns its memory (contiguous), with the file's dtype and shape.
    virtual torch::Tensor load(const std::string& key) const = 0;
    // Copies the tensor into `dst` (of the same shape), converted to dst's dtype and device. By
    // default load() then copy_; readers that can copy straight from the file's bytes do, which
    // spares a temporary of every tensor's size (its allocation, page faults and copy).
    virtual void loadInto(const std::string& key, torch::Tensor& dst) const;
    // Tensor bytes load() has read from the file(s) so far (tests prove what is never read).
    virtual uint64_t bytesRead() const = 0;
};

// Opens a safetensors file, a PyTorch zip checkpoint (.pth/.bin, torch.save of a state dict) or a
// sharded Hugging Face checkpoint (its *.index.json), chosen by the file's content.
std::unique_ptr<CheckpointReader> openCheckpoint(const std::filesystem::path& file);

}  // namespace ace::ckpt
