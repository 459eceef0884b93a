#include "checkpoint/DTypes.h"

#include "ace/common/Error.h"

namespace ace::ckpt {

int64_t TensorInfo::numel() const {
    int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

torch::Dtype dtypeFromSafetensorsName(const std::string& name, const std::filesystem::path& file,
                                      const std::string& tensor) {
    if (name == "F32") return torch::kFloat32;
    if (name == "F16") return torch::kFloat16;
    if (name == "BF16") return torch::kBFloat16;
    if (name == "F64") return torch::kFloat64;
    if (name == "I64") return torch::kInt64;
    if (name == "I32") return torch::kInt32;
    if (name == "I16") return torch::kInt16;
    if (name == "I8") return torch::kInt8;
    if (name == "U8") return torch::kUInt8;
    if (name == "BOOL") return torch::kBool;
    throw Error(file, "tensor '" + tensor + "' has unsupported dtype '" + name + "'");
}

std::string safetensorsNameOf(torch::Dtype dtype) {
    switch (dtype) {
        case torch::kFloat32: return "F32";
        case torch::kFloat16: return "F16";
        case torch::kBFloat16: return "BF16";
        case torch::kFloat64: return "F64";
        case torch::kInt64: return "I64";
        case torch::kInt32: return "I32";
        case torch::kInt16: return "I16";
        case torch::kInt8: return "I8";
        case torch::kUInt8: return "U8";
        case torch::kBool: return "BOOL";
        default: throw Error(std::string("safetensors cannot store dtype ") + std::string(c10::toString(dtype)));
    }
}

uint64_t checkedByteSize(const TensorInfo& info, const std::filesystem::path& file) {
    uint64_t n = c10::elementSize(info.dtype);
    for (auto d : info.shape) {
        if (d < 0) throw Error(file, "tensor '" + info.name + "' has a negative dimension");
        if (d != 0 && n > (uint64_t(1) << 62) / static_cast<uint64_t>(d))
            throw Error(file, "tensor '" + info.name + "' is impossibly large");
        n *= static_cast<uint64_t>(d);
    }
    return n;
}

}  // namespace ace::ckpt
