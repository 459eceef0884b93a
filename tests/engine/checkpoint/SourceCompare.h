#pragma once
// Helpers of the checkpoint tests: sources built from manifests or tensors, and a comparison of
// two sources (names, shapes, dtypes, values) that says what differs.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "checkpoint/StateDict.h"

namespace ace::test {

// A source with the manifest's names and shapes ({"key": [[shape...], "float32"], ...}) whose
// loads throw: for tests of the key maps that must not read anything.
inline ckpt::TensorSource sourceFromManifest(const nlohmann::json& manifest) {
    ckpt::TensorSource src;
    for (auto it = manifest.begin(); it != manifest.end(); ++it) {
        const std::string key = it.key();
        src[key] = ckpt::LazyTensor{it.value()[0].get<std::vector<int64_t>>(), torch::kFloat32,
                                    [key]() -> torch::Tensor { throw std::logic_error("manifest tensor loaded: " + key); },
                                    "manifest:" + key};
    }
    return src;
}

// A source of in-memory tensors; `loads` (when given) counts the loads.
inline ckpt::TensorSource sourceFromTensors(const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                                            std::shared_ptr<int> loads = nullptr) {
    ckpt::TensorSource src;
    for (const auto& [key, t] : tensors)
        src[key] = ckpt::LazyTensor{t.sizes().vec(), t.scalar_type(),
                                    [t, loads] {
                                        if (loads) ++*loads;
                                        return t.clone();
                                    },
                                    "memory:" + key};
    return src;
}

// Empty when equal; otherwise the first difference. Values are compared exactly.
inline std::string diffSources(const ckpt::TensorSource& actual, const ckpt::TensorSource& expected,
                               bool compareValues = true) {
    for (const auto& [key, lt] : expected)
        if (!actual.count(key)) return "missing key " + key;
    for (const auto& [key, lt] : actual) {
        auto it = expected.find(key);
        if (it == expected.end()) return "unexpected key " + key;
        if (lt.shape != it->second.shape) return "shape of " + key + " differs";
        if (lt.dtype != it->second.dtype) return "dtype of " + key + " differs";
        if (!compareValues) continue;
        const torch::Tensor a = lt.load();
        const torch::Tensor e = it->second.load();
        if (a.sizes() != e.sizes() || a.scalar_type() != e.scalar_type()) return "loaded " + key + " differs in shape/dtype";
        if (!torch::equal(a, e)) return "values of " + key + " differ";
    }
    return {};
}

}  // namespace ace::test
