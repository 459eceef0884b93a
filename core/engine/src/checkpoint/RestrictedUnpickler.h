#pragma once
// A pickle reader for the data.pkl of torch.save'd state dicts, and for nothing else. Python's
// pickle can call any importable function; this one knows a fixed list of data-only opcodes and
// a fixed list of globals (OrderedDict, the torch tensor/parameter rebuild functions, the typed
// storage classes). Anything else is refused with ace::Error naming the file and the opcode or
// global, before any code could have run. Tensor storages are only described (persistent ids),
// never read here.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <torch/types.h>

namespace ace::ckpt {

// One tensor of the pickled object: a view (offset, size, stride in elements) of a storage kept
// in the archive's data/<storageKey> record.
struct PickledTensor {
    std::string name;  // dotted path of nested dicts/lists, e.g. "state_dict.blocks.0.attn.q.weight"
    std::string storageKey;
    torch::Dtype dtype = torch::kFloat32;
    int64_t storageNumel = 0;  // elements of the whole storage
    int64_t offset = 0;
    std::vector<int64_t> size;
    std::vector<int64_t> stride;
};

// Parses a pickle whose top-level object is a dict and returns its tensors in pickle order. Nested
// dicts (and lists/tuples) are flattened to dotted names; non-tensor leaves (numbers, strings,
// None, the state dict's `_metadata`) are skipped. Every view is checked to lie inside its storage
// and storages shared by several tensors must agree on dtype and size. Throws ace::Error naming
// `file` for anything malformed, truncated or outside the allowed set.
std::vector<PickledTensor> unpickleStateDict(std::span<const uint8_t> pickle, const std::filesystem::path& file);

}  // namespace ace::ckpt
