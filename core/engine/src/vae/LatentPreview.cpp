#include "vae/LatentPreview.h"

#include <cmath>
#include <numbers>

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
