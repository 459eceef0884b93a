#include "pipeline/TensorImages.h"

#include <cstring>

namespace ace {

Image tensorToImage(const torch::Tensor& chw01) {
    const auto hwc = (chw01.clamp(0.0, 1.0) * 255.0).to(torch::kUInt8).permute({1, 2, 0}).contiguous().to(torch::kCPU);
    Image img(static_cast<int>(hwc.size(1)), static_cast<int>(hwc.size(0)), 3);
    std::memcpy(img.data.data(), hwc.data_ptr(), img.byteSize());
    return img;
}

Image decodeToImage(AutoencoderKL& vae, const torch::Tensor& scaledLatent, const ComputePolicy& policy) {
    torch::NoGradGuard noGrad;
    const auto z = (scaledLatent / kLatentScale).to(policy.device, policy.vaeDtype);
    const int64_t f = vae->config().downFactor();
    const bool tiled = policy.tiledDecodeAbovePixels > 0 && z.size(-2) * z.size(-1) * f * f > policy.tiledDecodeAbovePixels;
    const auto x = (tiled ? vae->decodeTiled(z, policy.decodeTiling) : vae->decode(z)).to(torch::kFloat32).to(torch::kCPU)[0];
    return tensorToImage((x + 1.0) / 2.0);
}

Image previewToImage(const LatentPreview& preview, const torch::Tensor& scaledLatent, int64_t width, int64_t height) {
    torch::NoGradGuard noGrad;
    auto rgb = preview.toRgb(scaledLatent.reshape({4, scaledLatent.size(-2), scaledLatent.size(-1)}).to(torch::kCPU, torch::kFloat32));
    rgb = torch::nn::functional::interpolate(
        rgb.unsqueeze(0), torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{height, width}).mode(torch::kBilinear).align_corners(false));
    return tensorToImage((rgb[0] + 1.0) / 2.0);
}

}  // namespace ace
