#include "checkpoint/CheckpointReader.h"

#include <fstream>

#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"

namespace ace::ckpt {

std::unique_ptr<CheckpointReader> openCheckpoint(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw Error(file, "file not found");
    if (std::filesystem::is_directory(file, ec)) throw Error(file, "is a folder, not a checkpoint file");
    if (SafetensorsReader::sniff(file)) return std::make_unique<SafetensorsReader>(file);
    throw Error(file, "not a checkpoint format this version reads (expected safetensors)");
}

}  // namespace ace::ckpt
