#include "Ema.h"

#include <algorithm>
#include <stdexcept>

#include <torch/torch.h>

namespace ace::train {

Ema::Ema(const NamedTensors& params, double decay) : m_decay(decay) {
    torch::NoGradGuard noGrad;
    for (const auto& [name, p] : params) m_shadow.emplace_back(name, p.detach().to(torch::kFloat32).clone());
}

double Ema::currentDecay() const {
    return std::min(m_decay, (1.0 + double(m_updates)) / (10.0 + double(m_updates)));
}

void Ema::update(const NamedTensors& params) {
    torch::NoGradGuard noGrad;
    if (params.size() != m_shadow.size()) throw std::logic_error("Ema::update: parameter list changed");
    const double d = currentDecay();
    for (std::size_t i = 0; i < params.size(); ++i)
        m_shadow[i].second.mul_(d).add_(params[i].second.detach().to(torch::kFloat32), 1.0 - d);
    ++m_updates;
}

void Ema::copyTo(const NamedTensors& params) const {
    torch::NoGradGuard noGrad;
    if (params.size() != m_shadow.size()) throw std::logic_error("Ema::copyTo: parameter list changed");
    for (std::size_t i = 0; i < params.size(); ++i) params[i].second.copy_(m_shadow[i].second);
}

NamedTensors Ema::state(const std::string& prefix) const {
    NamedTensors out;
    out.emplace_back(prefix + "updates", torch::tensor(m_updates, torch::kInt64));
    for (const auto& [name, t] : m_shadow) out.emplace_back(prefix + name, t);
    return out;
}

}  // namespace ace::train
