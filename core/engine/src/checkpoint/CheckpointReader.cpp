#include "checkpoint/CheckpointReader.h"

#include <cstring>
#include <fstream>

#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/ShardedCheckpoint.h"
#include "checkpoint/TorchZipReader.h"

namespace ace::ckpt {
namespace {
// torch.save before 1.6 (and _use_new_zipfile_serialization=False) wrote a bare pickle stream
// starting with this magic number: PROTO 2, LONG1 of 10 bytes.
bool isLegacyTorchFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char head[3] = {0};
    return in.read(reinterpret_cast<char*>(head), 3) && head[0] == 0x80 && head[1] == 0x02 && head[2] == 0x8a;
}
}  // namespace

void CheckpointReader::loadInto(const std::string& key, torch::Tensor& dst) const { dst.copy_(load(key)); }

std::unique_ptr<CheckpointReader> openCheckpoint(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw Error(file, "file not found");
    if (std::filesystem::is_directory(file, ec)) throw Error(file, "is a folder, not a checkpoint file");
    if (SafetensorsReader::sniff(file)) return std::make_unique<SafetensorsReader>(file);
    if (TorchZipReader::sniff(file)) return std::make_unique<TorchZipReader>(file);
    if (ShardedCheckpoint::sniff(file)) return std::make_unique<ShardedCheckpoint>(file);
    if (isLegacyTorchFile(file))
        throw Error(file, "PyTorch checkpoint in the legacy pre-1.6 format, which this version does not read; "
                          "re-save it with a current PyTorch (torch.save(torch.load(f), f))");
    throw Error(file,
                "not a checkpoint format this version reads (expected safetensors, a PyTorch zip checkpoint or a "
                "sharded checkpoint's *.index.json)");
}

}  // namespace ace::ckpt
