#pragma once
// Golden data of the Python reference, laid out like shared/golden: meta.json (configs, cases,
// calling conventions) and golden.safetensors (inputs, outputs, traces), plus weight files.
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"

namespace ace::test {

class GoldenData {
public:
    // Default: the copy in tests/data/golden.
    explicit GoldenData(const std::filesystem::path& dir = ACE_GOLDEN_DIR);

    const nlohmann::json& meta() const { return m_meta; }
    bool has(const std::string& key) const { return m_tensors->contains(key); }
    torch::Tensor tensor(const std::string& key) const { return m_tensors->load(key); }
    std::filesystem::path file(const std::string& name) const { return m_dir / name; }
    const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    nlohmann::json m_meta;
    std::unique_ptr<ckpt::SafetensorsReader> m_tensors;
};

struct Diff {
    double maxAbs = 0;  // max |actual - expected|
    double scale = 0;   // max |expected|
    double rel() const { return scale > 0 ? maxAbs / scale : maxAbs; }
    std::string text() const;
};

// Shapes must agree (throws otherwise); compared in float64.
Diff compare(const torch::Tensor& actual, const torch::Tensor& expected);

// A source with the names and shapes of a meta.json manifest ({key: [shape, dtype]}) and no data:
// loading one of its tensors throws. For key/shape checks of full-size architectures.
ckpt::TensorSource manifestSource(const nlohmann::json& manifest);

}  // namespace ace::test
