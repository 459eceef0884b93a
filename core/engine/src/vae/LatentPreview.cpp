#include "vae/LatentPreview.h"

#include <unistd.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <optional>

#include <nlohmann/json.hpp>

#include <ATen/CPUGeneratorImpl.h>

#include "ace/common/Error.h"

namespace ace {

torch::Tensor syntheticImages(int64_t count, int64_t size, uint64_t seed) {
    torch::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    auto uniform = [&](std::vector<int64_t> shape, double lo, double hi) {
        return torch::rand(shape, gen, torch::kFloat32) * (hi - lo) + lo;
    };
    // Coordinates in [0, 1]: yy, xx [1, size, size].
    const torch::Tensor axis = (torch::arange(size, torch::kFloat32) + 0.5f) / static_cast<float>(size);
    const torch::Tensor yy = axis.view({1, size, 1}).expand({1, size, size});
    const torch::Tensor xx = axis.view({1, 1, size}).expand({1, size, size});
    std::vector<torch::Tensor> images;
    for (int64_t i = 0; i < count; ++i) {
        // Base: a colour plus a linear gradient per channel.
        torch::Tensor img = uniform({3, 1, 1}, -0.8, 0.8) + uniform({3, 1, 1}, -0.8, 0.8) * (yy - 0.5) +
                            uniform({3, 1, 1}, -0.8, 0.8) * (xx - 0.5);
        // Soft colour blobs.
        for (int b = 0; b < 3; ++b) {
            const torch::Tensor c = uniform({2}, 0.1, 0.9);
            const double r = uniform({1}, 0.08, 0.3).item<double>();
            const torch::Tensor d2 = (yy - c[0]).square() + (xx - c[1]).square();
            img = img + uniform({3, 1, 1}, -1.0, 1.0) * torch::exp(-d2 / (2 * r * r));
        }
        // A low-frequency wave in one colour direction.
        const torch::Tensor k = uniform({2}, 1.0, 4.0) * std::numbers::pi;
        img = img + uniform({3, 1, 1}, -0.3, 0.3) * torch::sin(yy * k[0] + xx * k[1]);
        images.push_back(img.clamp(-1.0, 1.0));
    }
    return torch::stack(images);
}

LatentPreview LatentPreview::fit(AutoencoderKL& vae, const FitOptions& options) {
    if (options.images < 1 || options.latentSize < 1)
        throw Error("LatentPreview.fit: needs at least one image of at least one latent cell");
    const int64_t f = vae->config().downFactor();
    const torch::Tensor images = syntheticImages(options.images, options.latentSize * f, options.seed);
    // One image at a time: the memory of a single small encode/decode.
    std::vector<torch::Tensor> inputs, targets;
    for (int64_t i = 0; i < options.images; ++i) {
        const torch::Tensor mean = vae->encode(images.slice(0, i, i + 1), nullptr);  // [1, 4, s, s] unscaled
        const torch::Tensor rgb = torch::avg_pool2d(vae->decode(mean), f).cpu();   // [1, 3, s, s]
        inputs.push_back((mean.cpu() * kLatentScale).flatten(2).transpose(1, 2).reshape({-1, mean.size(1)}));
        targets.push_back(rgb.flatten(2).transpose(1, 2).reshape({-1, 3}));
    }
    // Least squares in float64 on [z, 1]: a tiny ridge keeps degenerate sets solvable.
    const torch::Tensor z = torch::cat(inputs).to(torch::kFloat64);  // [N, 4]
    const torch::Tensor x = torch::cat({z, torch::ones({z.size(0), 1}, torch::kFloat64)}, 1);
    const torch::Tensor y = torch::cat(targets).to(torch::kFloat64);  // [N, 3]
    const torch::Tensor gram = x.t().mm(x) + 1e-8 * torch::eye(x.size(1), torch::kFloat64);
    const torch::Tensor coef = torch::linalg_solve(gram, x.t().mm(y));  // [5, 3]
    LatentPreview p;
    p.weight = coef.slice(0, 0, z.size(1)).t().contiguous().to(torch::kFloat32);
    p.bias = coef[z.size(1)].contiguous().to(torch::kFloat32);
    return p;
}

namespace {

constexpr int kPreviewCacheVersion = 1;

nlohmann::json fitKey(const std::string& vaeIdentity, const LatentPreview::FitOptions& o) {
    return {{"format", "ace-latent-preview"},
            {"version", kPreviewCacheVersion},
            {"vae", vaeIdentity},
            {"images", o.images},
            {"latent_size", o.latentSize},
            {"seed", o.seed}};
}

std::optional<LatentPreview> readPreviewCache(const std::filesystem::path& file, const nlohmann::json& key,
                                              int64_t channels) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        if (!j.is_object() || j.value("key", nlohmann::json()) != key) return std::nullopt;
        const auto& w = j.at("weight");
        const auto& b = j.at("bias");
        if (!w.is_array() || w.size() != 3 || !b.is_array() || b.size() != 3) return std::nullopt;
        LatentPreview p;
        p.weight = torch::empty({3, channels}, torch::kFloat32);
        p.bias = torch::empty({3}, torch::kFloat32);
        for (int64_t c = 0; c < 3; ++c) {
            if (!w[c].is_array() || static_cast<int64_t>(w[c].size()) != channels || !b[c].is_number())
                return std::nullopt;
            for (int64_t k = 0; k < channels; ++k) {
                if (!w[c][k].is_number()) return std::nullopt;
                p.weight[c][k] = w[c][k].get<double>();
            }
            p.bias[c] = b[c].get<double>();
        }
        if (!torch::isfinite(p.weight).all().item<bool>() || !torch::isfinite(p.bias).all().item<bool>())
            return std::nullopt;
        return p;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

void writePreviewCache(const std::filesystem::path& file, const nlohmann::json& key, const LatentPreview& p) {
    nlohmann::json weight = nlohmann::json::array(), bias = nlohmann::json::array();
    const torch::Tensor w = p.weight.to(torch::kFloat64).contiguous(), b = p.bias.to(torch::kFloat64).contiguous();
    for (int64_t c = 0; c < 3; ++c) {
        nlohmann::json row = nlohmann::json::array();
        for (int64_t k = 0; k < w.size(1); ++k) row.push_back(w[c][k].item<double>());
        weight.push_back(row);
        bias.push_back(b[c].item<double>());
    }
    const nlohmann::json j = {{"key", key}, {"weight", weight}, {"bias", bias}};
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp);
        // 17 significant digits: the float32 numbers read back exactly.
        out << j.dump(2) << "\n";
        if (!out.flush()) {
            std::filesystem::remove(tmp, ec);
            return;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace

LatentPreview LatentPreview::fitCached(AutoencoderKL& vae, const std::filesystem::path& cacheFile,
                                       const std::string& vaeIdentity, const FitOptions& options, bool* reused) {
    const nlohmann::json key = fitKey(vaeIdentity, options);
    if (auto cached = readPreviewCache(cacheFile, key, vae->config().embedDim)) {
        if (reused) *reused = true;
        return *cached;
    }
    if (reused) *reused = false;
    LatentPreview p = fit(vae, options);
    writePreviewCache(cacheFile, key, p);
    return p;
}

torch::Tensor LatentPreview::toRgb(const torch::Tensor& scaledLatent) const {
    if (!weight.defined() || !bias.defined())
        throw Error("LatentPreview.toRgb: the preview has not been fitted");
    const int64_t channels = weight.size(1);
    if (!scaledLatent.defined() || (scaledLatent.dim() != 3 && scaledLatent.dim() != 4) ||
        scaledLatent.size(-3) != channels)
        throw Error("LatentPreview.toRgb: expected a latent [" + std::to_string(channels) + ", h, w] or [B, " +
                    std::to_string(channels) + ", h, w]");
    const torch::Tensor z = scaledLatent.to(torch::kFloat32);
    const torch::Tensor w = weight.to(z.device()), b = bias.to(z.device()).view({3, 1, 1});
    // z: [..., 4, h, w] -> [..., 3, h, w]
    const torch::Tensor rgb = torch::einsum("ck,...khw->...chw", {w, z}) + b;
    return rgb.clamp(-1.0, 1.0);
}

}  // namespace ace
