#pragma once
// dtype names of the checkpoint formats, and byte sizes computed without overflow.
#include <filesystem>
#include <string>

#include "checkpoint/CheckpointReader.h"

namespace ace::ckpt {

torch::Dtype dtypeFromSafetensorsName(const std::string& name, const std::filesystem::path& file,
                                      const std::string& tensor);
std::string safetensorsNameOf(torch::Dtype dtype);
// numel x element size; throws naming the file and tensor on negative dims or overflow.
uint64_t checkedByteSize(const TensorInfo& info, const std::filesystem::path& file);

}  // namespace ace::ckpt
