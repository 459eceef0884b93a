#pragma once
// The reference's LinearScheduler (scepter schedules.py; ace-reference.md §6): betas linear in
// [betaMin, betaMax], sigma_t = sqrt(1 - prod(1 - beta)) and alpha_bar_t = sqrt(1 - sigma_t^2)
// (despite the name, the square root of the cumulative product). The tables are float32 on the
// CPU, bit-identical to the reference's (see the constructor for why they are not built with
// vectorised LibTorch ops).
#include <torch/types.h>

namespace ace {

class LinearSchedule {
public:
    explicit LinearSchedule(int numTimesteps = 1000, double betaMin = 1e-4, double betaMax = 0.02);

    int numTimesteps() const { return m_numTimesteps; }
    const torch::Tensor& betas() const { return m_betas; }          // [T] float32
    const torch::Tensor& sigmas() const { return m_sigmas; }        // [T] float32, VP sigma
    const torch::Tensor& alphasBar() const { return m_alphasBar; }  // [T] float32

    // t_to_sigma: linear interpolation of log(sigma / alpha_bar) between floor(t) and ceil(t),
    // then exp, i.e. the VE sigma at a fractional timestep (NaN/inf -> inf). t: any shape, float.
    torch::Tensor tToSigma(const torch::Tensor& t) const;

    // t_to_sigma_init / t_to_alpha_bar_init: table values at t truncated to an integer, clamped
    // to T-1. t: any shape, float.
    torch::Tensor sigmaAt(const torch::Tensor& t) const;
    torch::Tensor alphaBarAt(const torch::Tensor& t) const;

private:
    torch::Tensor tableIndex(const torch::Tensor& t) const;

    int m_numTimesteps;
    torch::Tensor m_betas, m_sigmas, m_alphasBar;
    torch::Tensor m_logSnrSigmas;  // [T] log(sqrt(sigma^2 / (1 - sigma^2)))
};

}  // namespace ace
