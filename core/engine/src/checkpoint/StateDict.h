#pragma once
// A checkpoint seen under the model's own parameter names: each entry says the tensor's shape and
// how to load it (possibly a slice or a padded copy of a differently named tensor in the file;
// see KeyMap). loadStrict() copies a source into a module and refuses any mismatch, reporting
// every missing, unexpected and wrongly shaped key by name.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/nn/module.h>

#include "checkpoint/CheckpointReader.h"

namespace ace::ckpt {

struct LazyTensor {
    std::vector<int64_t> shape;
    torch::Dtype dtype = torch::kFloat32;
    std::function<torch::Tensor()> load;
    std::string origin;  // "file:key" it comes from, for error messages
    // Optional: copies the tensor into a tensor of its shape without a temporary (see
    // CheckpointReader::loadInto). Set for tensors read as they are from a reader; whoever
    // derives a LazyTensor with another `load` (KeyMap's slices and pads) must reset it.
    std::function<void(torch::Tensor&)> loadInto = nullptr;
};

using TensorSource = std::map<std::string, LazyTensor>;

// Every tensor of a reader under its own name; keys starting with `prefix` only, with the prefix
// removed (empty prefix: all keys). The source refers to `reader`, which must outlive it.
TensorSource sourceFromReader(const CheckpointReader& reader, const std::string& prefix = "");

using KeyFilter = std::function<bool(const std::string& key)>;

// The same for a shared reader, which the source keeps alive; only keys `keep` accepts (all when
// empty) are looked at, so a sharded checkpoint never opens a shard holding none of them.
TensorSource sourceFromReader(std::shared_ptr<const CheckpointReader> reader, const KeyFilter& keep = {});

// openCheckpoint(file) as a source that owns its reader.
TensorSource openSource(const std::filesystem::path& file, const KeyFilter& keep = {});

struct LoadReport {
    std::vector<std::string> missing;     // in the module, not in the source
    std::vector<std::string> unexpected;  // in the source, not in the module
    std::vector<std::string> mismatched;  // "key: file (a, b) vs model (c, d)"
    bool ok() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
    std::string describe() const;
};

// Compares names and shapes only (nothing is read).
LoadReport checkSource(const torch::nn::Module& module, const TensorSource& source);

// Checks, then copies every parameter and buffer (converted to the module's dtype) under
// NoGradGuard. Throws ace::Error naming `what` (the file or folder) with the report when anything
// does not match. `ignore` lists source keys that may be present without a module counterpart.
void loadStrict(torch::nn::Module& module, const TensorSource& source, const std::string& what,
                const std::vector<std::string>& ignore = {});

}  // namespace ace::ckpt
