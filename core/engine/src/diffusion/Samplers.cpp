#include "diffusion/Samplers.h"

#include <cmath>
#include <limits>
#include <map>

#include "ace/common/Error.h"

namespace ace {

torch::Tensor ddimTimesteps(int steps, int numTimesteps) {
    if (steps < 1 || steps > numTimesteps)
        throw Error("the number of steps must be between 1 and " + std::to_string(numTimesteps) + ", got " +
                    std::to_string(steps));
    // Integer bounds with a double step, float32 values, as torch.arange in the reference.
    const int64_t tMax = numTimesteps - 1;
    const double step = -(static_cast<double>(numTimesteps) / steps);
    return torch::arange(tMax, int64_t{-1}, step, torch::TensorOptions().dtype(torch::kFloat32)).clamp_(0, tMax);
}

torch::Tensor ddimVpSigmas(const torch::Tensor& ts, const LinearSchedule& schedule) {
    const torch::Tensor ve = schedule.tToSigma(ts);
    torch::Tensor vp = torch::zeros({ve.numel() + 1}, torch::kFloat32);
    const float* s = ve.data_ptr<float>();
    float* v = vp.data_ptr<float>();
    // Scalar IEEE float ops (see LinearSchedule for why not vectorised LibTorch ops).
    for (int64_t i = 0; i < ve.numel(); ++i)
        v[i] = std::isinf(s[i]) ? 1.0f : std::sqrt(s[i] * s[i] / (1 + s[i] * s[i]));
    return vp;
}

torch::Tensor sampleDdim(const DenoiseFn& denoise, torch::Tensor noise, const LinearSchedule& schedule, int steps,
                         const StepFn& onStep) {
    if (!noise.defined() || noise.dim() < 1 || noise.numel() == 0)
        throw Error("the sampler needs a non-empty initial noise tensor");
    if (noise.scalar_type() != torch::kFloat32)
        throw Error("the sampler works in float32; the initial noise is of another type");
    const torch::Tensor ts = ddimTimesteps(steps, schedule.numTimesteps());
    const int total = static_cast<int>(ts.size(0));

    const torch::Tensor vp = ddimVpSigmas(ts, schedule);
    const torch::Tensor sigmaInit = schedule.sigmaAt(ts);
    const torch::Tensor alphaBarInit = schedule.alphaBarAt(ts);

    const int64_t batch = noise.size(0);
    std::vector<int64_t> scalarShape(noise.dim(), 1);  // [B, 1, ...] like the reference's _i()
    scalarShape[0] = 1;
    constexpr double eta = 0.0;

    // The per-step tables go to the noise's device once: inside the loop nothing is copied
    // between host and device (a blocking copy would synchronise the device at every step).
    const torch::Device device = noise.device();
    const torch::Tensor modelTs = ts.round().to(torch::kInt64).to(device);  // [steps]
    const torch::Tensor sigmas = sigmaInit.to(device), alphaBars = alphaBarInit.to(device);

    torch::Tensor x = noise;
    for (int k = 0; k < total; ++k) {
        const torch::Tensor modelT = modelTs[k].expand({batch});
        const torch::Tensor sigma = sigmas[k].view(scalarShape);
        const torch::Tensor alphaBar = alphaBars[k].view(scalarShape);

        torch::Tensor eps = denoise(x, modelT);
        if (!eps.defined() || eps.sizes() != x.sizes())
            throw Error("the denoiser returned a tensor of the wrong shape");
        torch::Tensor x0 = (x - sigma * eps) / alphaBar;

        // The reference's update with its eta term (0 here, kept so the arithmetic is the same);
        // its coefficients are float32 scalars, computed here with IEEE float arithmetic.
        const float vk = vp[k].item<float>(), vn = vp[k + 1].item<float>();
        const float noiseFactor = static_cast<float>(eta) * (vn * vn / (vk * vk) * (1 - (1 - vk * vk) / (1 - vn * vn)));
        const float keepK = std::sqrt(1 - vk * vk), keepN = std::sqrt(1 - vn * vn);
        const float noiseN = std::sqrt(vn * vn - noiseFactor * noiseFactor);
        const torch::Tensor d = (x - keepK * x0) / vk;
        x = keepN * x0 + noiseN * d;
        if (onStep)
            onStep(SamplerStep{k, total, x, x0});
    }
    return x;
}

namespace {

const std::map<std::string, SamplerFn>& registry() {
    static const std::map<std::string, SamplerFn> samplers = {
        {"ddim", SamplerFn(&sampleDdim)},
    };
    return samplers;
}

}  // namespace

const SamplerFn& findSampler(const std::string& name) {
    const auto it = registry().find(name);
    if (it == registry().end()) {
        std::string known;
        for (const std::string& n : samplerNames())
            known += (known.empty() ? "" : ", ") + n;
        throw Error("unknown sampler \"" + name + "\"; available: " + known);
    }
    return it->second;
}

std::vector<std::string> samplerNames() {
    std::vector<std::string> names;
    for (const auto& entry : registry())
        names.push_back(entry.first);
    return names;
}

}  // namespace ace
