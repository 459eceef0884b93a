#include "AdamW.h"

#include <cmath>
#include <set>
#include <stdexcept>

#include <torch/torch.h>

namespace ace::train {

AdamW::AdamW(NamedTensors params, AdamWOptions options) : m_params(std::move(params)), m_options(options) {
    std::set<std::string> names;
    for (const auto& [name, p] : m_params) {
        if (!names.insert(name).second) throw std::invalid_argument("AdamW: duplicate parameter name " + name);
        // Moments in float32 whatever the parameter dtype, as the fp32 master state of AMP training.
        m_expAvg.push_back(torch::zeros(p.sizes(), p.options().dtype(torch::kFloat32)));
        m_expAvgSq.push_back(torch::zeros(p.sizes(), p.options().dtype(torch::kFloat32)));
    }
}

void AdamW::step(double lr) {
    torch::NoGradGuard noGrad;
    ++m_step;
    const double bias1 = 1.0 - std::pow(m_options.beta1, double(m_step));
    const double bias2 = 1.0 - std::pow(m_options.beta2, double(m_step));
    const double stepSize = lr / bias1;
    const double bias2Sqrt = std::sqrt(bias2);
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        torch::Tensor p = m_params[i].second;
        const torch::Tensor& g0 = p.grad();
        if (!g0.defined()) continue;
        const torch::Tensor g = g0.to(torch::kFloat32);
        if (m_options.weightDecay != 0 && p.dim() >= 2) p.mul_(1.0 - lr * m_options.weightDecay);
        m_expAvg[i].mul_(m_options.beta1).add_(g, 1.0 - m_options.beta1);
        m_expAvgSq[i].mul_(m_options.beta2).addcmul_(g, g, 1.0 - m_options.beta2);
        const torch::Tensor denom = (m_expAvgSq[i].sqrt() / bias2Sqrt).add_(m_options.eps);
        if (p.scalar_type() == torch::kFloat32) {
            p.addcdiv_(m_expAvg[i], denom, -stepSize);
        } else {
            p.copy_(p.to(torch::kFloat32).addcdiv_(m_expAvg[i], denom, -stepSize));
        }
    }
}

void AdamW::zeroGrad() {
    for (auto& [name, p] : m_params)
        if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
}

NamedTensors AdamW::state(const std::string& prefix) const {
    NamedTensors out;
    out.emplace_back(prefix + "step", torch::tensor(m_step, torch::kInt64));
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        out.emplace_back(prefix + "exp_avg." + m_params[i].first, m_expAvg[i]);
        out.emplace_back(prefix + "exp_avg_sq." + m_params[i].first, m_expAvgSq[i]);
    }
    return out;
}

double clipGradNorm(const NamedTensors& params, double maxNorm) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> norms;
    for (const auto& [name, p] : params)
        if (p.grad().defined()) norms.push_back(p.grad().to(torch::kFloat32).norm().reshape({1}));
    if (norms.empty()) return 0.0;
    const double total = torch::cat(norms).norm().item<double>();
    if (maxNorm > 0 && total > maxNorm) {
        const double scale = maxNorm / (total + 1e-6);
        for (const auto& [name, p] : params)
            if (p.grad().defined()) p.mutable_grad().mul_(scale);
    }
    return total;
}

}  // namespace ace::train
