#include "GoldenData.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ace::test {

GoldenData::GoldenData(const std::filesystem::path& dir) : m_dir(dir) {
    std::ifstream in(dir / "meta.json");
    if (!in) throw std::runtime_error("cannot open " + (dir / "meta.json").string());
    m_meta = nlohmann::json::parse(in);
    m_tensors = std::make_unique<ckpt::SafetensorsReader>(dir / "golden.safetensors");
}

std::string Diff::text() const {
    std::ostringstream out;
    out << "max-abs " << maxAbs << " scale " << scale << " rel " << rel();
    return out.str();
}

Diff compare(const torch::Tensor& actual, const torch::Tensor& expected) {
    if (actual.sizes() != expected.sizes()) {
        std::ostringstream out;
        out << "shape mismatch: actual " << actual.sizes() << " expected " << expected.sizes();
        throw std::runtime_error(out.str());
    }
    const auto a = actual.detach().to(torch::kCPU, torch::kFloat64);
    const auto e = expected.detach().to(torch::kCPU, torch::kFloat64);
    Diff d;
    d.maxAbs = (a - e).abs().max().item<double>();
    d.scale = e.abs().max().item<double>();
    return d;
}

ckpt::TensorSource manifestSource(const nlohmann::json& manifest) {
    ckpt::TensorSource source;
    for (const auto& [key, entry] : manifest.items()) {
        ckpt::LazyTensor t;
        t.shape = entry.at(0).get<std::vector<int64_t>>();
        t.origin = "manifest:" + key;
        t.load = [key]() -> torch::Tensor { throw std::runtime_error("manifest entry " + key + " has no data"); };
        source[key] = t;
    }
    return source;
}

}  // namespace ace::test
