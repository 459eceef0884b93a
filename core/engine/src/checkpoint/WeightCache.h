#pragma once
// A converted copy of a model's weights: the released checkpoints are fp32 torch pickles (2.4 GB
// DiT, 45 GB T5 shards of which the encoder is 19 GB); the engine runs in bf16/fp16. The first
// load converts the (already key-mapped) source once into a compact safetensors file next to the
// user's data; later loads memory-map that file. The cache is trusted only while its metadata
// says it was made by this cache format from the same origin files (path, size, modification
// time) with the same tensor layout; anything else (stale, truncated, corrupt, another dtype) is
// rebuilt.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "checkpoint/StateDict.h"

namespace ace::ckpt {

// Bumped whenever what the cache holds for the same origin changes (conversion, key maps).
inline constexpr int kWeightCacheFormat = 1;

// The identity of a cache's origin: path, size and modification time (ns) of each file, as JSON
// text. Throws ace::Error naming a file that cannot be read. Other caches derived from the same
// files (the latent preview's fit) use it as their key too.
std::string originStamp(const std::vector<std::filesystem::path>& files);

// Float tensors are stored as `dtype` (kBFloat16 or kFloat16), except those `keep` names, which
// are stored in the dtype it gives (what the model holds in fp32 in a half-precision model: norms,
// modulation tables, T5's fp16 `wo`); others unchanged. Conversion is streamed tensor by tensor and
// atomic; `progress` (optional) gets the fraction done, during a conversion only. Returns a source
// with the same keys and shapes reading from the cache.
TensorSource cachedSource(const TensorSource& original, const std::vector<std::filesystem::path>& originFiles,
                          const std::filesystem::path& cacheFile, torch::Dtype dtype,
                          const std::function<void(double)>& progress = {},
                          const std::map<std::string, torch::Dtype>& keep = {});

}  // namespace ace::ckpt
