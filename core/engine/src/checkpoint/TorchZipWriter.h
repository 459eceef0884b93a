#pragma once
// Writes PyTorch checkpoints as torch.save does for a state dict (zip archive of data.pkl with an
// OrderedDict of tensors rebuilt by torch._utils._rebuild_tensor_v2, one storage record per
// tensor, 64-byte aligned, ZIP64 when large), and Hugging Face sharded checkpoints of such files
// with their index JSON. Streamed: at most one tensor is in memory, so files of the released
// sizes (a 2.4 GB DiT, 10 GB T5 shards) can be made from random weights for load benchmarks and
// tests. TorchZipReader and torch.load read them.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "checkpoint/SafetensorsReader.h"  // StreamedTensor

namespace ace::ckpt {

// One checkpoint file. Throws ace::Error naming `file` on I/O problems or an unsupported dtype
// (float32/16, bfloat16, float64, int64/32/16/8, uint8, bool).
void writeTorchCheckpoint(const std::filesystem::path& file, const std::vector<StreamedTensor>& tensors);

// Splits `tensors` in order into shards of at most maxShardBytes each (a single larger tensor gets
// a shard of its own), named `<stem>-00001-of-0000N.bin` in `folder`, plus
// `<stem>.bin.index.json` (metadata.total_size and weight_map), as save_pretrained writes them.
// Returns the index file's path.
std::filesystem::path writeShardedTorchCheckpoint(const std::filesystem::path& folder, const std::string& stem,
                                                  const std::vector<StreamedTensor>& tensors, uint64_t maxShardBytes);

}  // namespace ace::ckpt
