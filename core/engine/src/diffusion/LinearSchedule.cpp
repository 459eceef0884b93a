#include "diffusion/LinearSchedule.h"

#include <limits>
#include <string>

#include "ace/common/Error.h"

namespace ace {

LinearSchedule::LinearSchedule(int numTimesteps, double betaMin, double betaMax) : m_numTimesteps(numTimesteps) {
    if (numTimesteps < 2)
        throw Error("a noise schedule needs at least 2 timesteps, got " + std::to_string(numTimesteps));
    if (!(betaMin > 0.0 && betaMin < betaMax && betaMax < 1.0))
        throw Error("invalid linear noise schedule: beta from " + std::to_string(betaMin) + " to " +
                    std::to_string(betaMax));
    // The reference's op sequence, float32 on the CPU: linspace, cumprod, sqrt, pow(2).
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    m_betas = torch::linspace(betaMin, betaMax, numTimesteps, f32);
    m_sigmas = torch::sqrt(1 - torch::cumprod(1 - m_betas, 0));
    m_alphasBar = torch::sqrt(1 - m_sigmas.pow(2));
    m_logSnrSigmas = torch::sqrt(m_sigmas.pow(2) / (1 - m_sigmas.pow(2))).log();
}

torch::Tensor LinearSchedule::tToSigma(const torch::Tensor& t) const {
    const torch::Tensor tf = t.to(torch::kFloat32).cpu();
    const torch::Tensor low = tf.floor().to(torch::kInt64);
    const torch::Tensor high = tf.ceil().to(torch::kInt64);
    const torch::Tensor w = tf.frac();
    if (low.numel() > 0 && (low.min().item<int64_t>() < 0 || high.max().item<int64_t>() >= m_numTimesteps))
        throw Error("timestep outside the schedule's range [0, " + std::to_string(m_numTimesteps - 1) + "]");
    torch::Tensor logSigma = (1 - w) * m_logSnrSigmas.index({low}) + w * m_logSnrSigmas.index({high});
    logSigma.masked_fill_(torch::isnan(logSigma) | torch::isinf(logSigma), std::numeric_limits<float>::infinity());
    return logSigma.exp();
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
