#include "diffusion/LinearSchedule.h"

#include <cmath>
#include <limits>
#include <string>

#include "ace/common/Error.h"

namespace ace {

// The reference builds its tables on the CPU with torch float32 ops: linspace, 1 - beta, cumprod
// (torch accumulates a float32 cumprod in double on the CPU), sqrt(1 - x), x**2. Every step but
// linspace is one correctly rounded IEEE operation, done here as scalar float arithmetic: some
// LibTorch CPU builds vectorise sqrt with a result 1 ulp off in near-halfway cases (2.15 with
// AVX-512 at t = 999), which turns alphas_bar[999] = sqrt(1 - sigma^2) from 0.0063570 into
// 0.0063477 through the cancellation in 1 - sigma^2. Scalar IEEE arithmetic reproduces the
// reference's recorded tables bit for bit (tst_linearschedule).
LinearSchedule::LinearSchedule(int numTimesteps, double betaMin, double betaMax) : m_numTimesteps(numTimesteps) {
    if (numTimesteps < 2)
        throw Error("a noise schedule needs at least 2 timesteps, got " + std::to_string(numTimesteps));
    if (!(betaMin > 0.0 && betaMin < betaMax && betaMax < 1.0))
        throw Error("invalid linear noise schedule: beta from " + std::to_string(betaMin) + " to " +
                    std::to_string(betaMax));
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    m_betas = torch::linspace(betaMin, betaMax, numTimesteps, f32);
    m_sigmas = torch::empty({numTimesteps}, f32);
    m_alphasBar = torch::empty({numTimesteps}, f32);
    m_logSnrSigmas = torch::empty({numTimesteps}, f32);
    const float* beta = m_betas.data_ptr<float>();
    float* sigma = m_sigmas.data_ptr<float>();
    float* alphaBar = m_alphasBar.data_ptr<float>();
    float* logSnr = m_logSnrSigmas.data_ptr<float>();
    double product = 1.0;
    for (int i = 0; i < numTimesteps; ++i) {
        product *= static_cast<double>(1.0f - beta[i]);
        const float s = std::sqrt(1.0f - static_cast<float>(product));
        const float s2 = s * s;
        sigma[i] = s;
        alphaBar[i] = std::sqrt(1.0f - s2);
        logSnr[i] = std::log(std::sqrt(s2 / (1.0f - s2)));  // log of the VE sigma
    }
}

torch::Tensor LinearSchedule::tToSigma(const torch::Tensor& t) const {
    const torch::Tensor tf = t.to(torch::kCPU, torch::kFloat32).contiguous();
    torch::Tensor out = torch::empty_like(tf);
    const float* in = tf.data_ptr<float>();
    float* o = out.data_ptr<float>();
    const float* logSnr = m_logSnrSigmas.data_ptr<float>();
    for (int64_t i = 0; i < tf.numel(); ++i) {
        const float v = in[i];
        const float low = std::floor(v), high = std::ceil(v);
        if (!(low >= 0 && high <= m_numTimesteps - 1))
            throw Error("timestep " + std::to_string(v) + " outside the schedule's range [0, " +
                        std::to_string(m_numTimesteps - 1) + "]");
        const float w = v - std::trunc(v);  // frac()
        const float l = (1 - w) * logSnr[static_cast<int>(low)] + w * logSnr[static_cast<int>(high)];
        o[i] = std::isnan(l) || std::isinf(l) ? std::numeric_limits<float>::infinity() : std::exp(l);
    }
    return out;
}

torch::Tensor LinearSchedule::tableIndex(const torch::Tensor& t) const {
    // t.long(): truncation towards zero; indices >= T are clamped as the reference does.
    torch::Tensor index = t.cpu().to(torch::kInt64);
    if (index.numel() > 0 && index.min().item<int64_t>() < 0)
        throw Error("negative timestep for a schedule lookup");
    return index.clamp_max(m_numTimesteps - 1);
}

torch::Tensor LinearSchedule::sigmaAt(const torch::Tensor& t) const { return m_sigmas.index({tableIndex(t)}); }

torch::Tensor LinearSchedule::alphaBarAt(const torch::Tensor& t) const { return m_alphasBar.index({tableIndex(t)}); }

}  // namespace ace
