#include "checkpoint/WeightCache.h"

#include <sys/stat.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "ace/common/Error.h"
#include "checkpoint/DTypes.h"
#include "checkpoint/SafetensorsReader.h"

namespace ace::ckpt {
namespace {

// What each tensor is stored as: floating tensors in the target dtype unless the model keeps
// them in another (`keep`), others unchanged.
struct CacheDtypes {
    torch::Dtype target;
    const std::map<std::string, torch::Dtype>& keep;

    torch::Dtype of(const std::string& key, torch::Dtype original) const {
        if (!c10::isFloatingType(original)) return original;
        const auto it = keep.find(key);
        return it != keep.end() ? it->second : target;
    }
};

// Names, dtypes and shapes of what the cache must hold (FNV-1a of their text).
std::string layoutHash(const TensorSource& source, const CacheDtypes& dtypes) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](const std::string& s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    };
    for (const auto& [key, lt] : source) {
        mix(key);
        mix(safetensorsNameOf(dtypes.of(key, lt.dtype)));
        for (auto d : lt.shape) mix(std::to_string(d));
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

std::map<std::string, std::string> expectedMetadata(const TensorSource& original,
                                                    const std::vector<std::filesystem::path>& originFiles,
                                                    const CacheDtypes& dtypes) {
    return {{"ace.weight_cache.format", std::to_string(kWeightCacheFormat)},
            {"ace.weight_cache.dtype", safetensorsNameOf(dtypes.target)},
            {"ace.weight_cache.origin", originStamp(originFiles)},
            {"ace.weight_cache.layout", layoutHash(original, dtypes)}};
}

// The cache when it is complete and current, else null (a reason it is not is irrelevant: it is
// rebuilt either way).
std::shared_ptr<SafetensorsReader> openIfCurrent(const TensorSource& original, const std::filesystem::path& cacheFile,
                                                 const std::map<std::string, std::string>& metadata,
                                                 const CacheDtypes& dtypes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(cacheFile, ec)) return nullptr;
    std::shared_ptr<SafetensorsReader> cache;
    try {
        cache = std::make_shared<SafetensorsReader>(cacheFile);
    } catch (const Error&) {
        return nullptr;
    }
    for (const auto& [key, value] : metadata) {
        auto it = cache->metadata().find(key);
        if (it == cache->metadata().end() || it->second != value) return nullptr;
    }
    if (cache->keys().size() != original.size()) return nullptr;
    for (const auto& [key, lt] : original) {
        if (!cache->contains(key)) return nullptr;
        const TensorInfo info = cache->info(key);
        if (info.shape != lt.shape || info.dtype != dtypes.of(key, lt.dtype)) return nullptr;
    }
    return cache;
}

}  // namespace

std::string originStamp(const std::vector<std::filesystem::path>& files) {
    nlohmann::json stamp = nlohmann::json::array();
    for (const auto& f : files) {
        const auto absolute = std::filesystem::absolute(f).lexically_normal();
        struct stat st {};
        if (::stat(absolute.c_str(), &st) != 0) throw Error(f, "cannot read the checkpoint file (missing?)");
        const int64_t mtime = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        stamp.push_back({absolute.string(), int64_t(st.st_size), mtime});
    }
    return stamp.dump();
}

TensorSource cachedSource(const TensorSource& original, const std::vector<std::filesystem::path>& originFiles,
                          const std::filesystem::path& cacheFile, torch::Dtype dtype,
                          const std::function<void(double)>& progress,
                          const std::map<std::string, torch::Dtype>& keep) {
    if (dtype != torch::kBFloat16 && dtype != torch::kFloat16 && dtype != torch::kFloat32)
        throw Error(cacheFile, "weight cache dtype must be bfloat16, float16 or float32");
    const CacheDtypes dtypes{dtype, keep};
    const auto metadata = expectedMetadata(original, originFiles, dtypes);
    auto cache = openIfCurrent(original, cacheFile, metadata, dtypes);
    if (!cache) {
        std::vector<StreamedTensor> tensors;
        tensors.reserve(original.size());
        for (const auto& [key, lt] : original) {
            const torch::Dtype target = dtypes.of(key, lt.dtype);
            tensors.push_back({key, target, lt.shape, [&lt, target] {
                                   torch::Tensor t = lt.load();
                                   if (t.sizes().vec() != lt.shape)
                                       throw Error("tensor " + lt.origin + " loaded with another shape than its index says");
                                   return t.to(target);
                               }});
        }
        std::error_code ec;
        if (cacheFile.has_parent_path()) std::filesystem::create_directories(cacheFile.parent_path(), ec);
        writeSafetensorsStreamed(cacheFile, tensors, metadata, progress);
        cache = std::make_shared<SafetensorsReader>(cacheFile);
    }
    return sourceFromReader(std::shared_ptr<const CheckpointReader>(cache));
}

}  // namespace ace::ckpt
