#pragma once
// AdamW (Loshchilov & Hutter; the update of torch.optim.AdamW) with its state kept by parameter
// name, so a checkpoint stores it as plain named tensors and a resumed run continues bit for bit.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

namespace ace::train {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

struct AdamWOptions {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.01;  // decoupled; applied to parameters with 2+ dimensions only
};

class AdamW {
public:
    // params: (name, parameter) pairs; names must be unique.
    AdamW(NamedTensors params, AdamWOptions options);

    // One update with the gradients now in the parameters (a parameter without gradient is skipped).
    void step(double learningRate);
    void zeroGrad();

    int64_t stepCount() const { return m_step; }
    const NamedTensors& parameters() const { return m_params; }

    // "<prefix>exp_avg.<name>", "<prefix>exp_avg_sq.<name>" and "<prefix>step" (int64 scalar).
    NamedTensors state(const std::string& prefix) const;
    // Restores from a lookup that returns the stored tensor for a key (throws when absent).
    template <typename Lookup>
    void loadState(const std::string& prefix, Lookup&& lookup) {
        m_step = lookup(prefix + "step").template item<int64_t>();
        for (std::size_t i = 0; i < m_params.size(); ++i) {
            m_expAvg[i].copy_(lookup(prefix + "exp_avg." + m_params[i].first));
            m_expAvgSq[i].copy_(lookup(prefix + "exp_avg_sq." + m_params[i].first));
        }
    }

private:
    NamedTensors m_params;
    AdamWOptions m_options;
    std::vector<torch::Tensor> m_expAvg, m_expAvgSq;
    int64_t m_step = 0;
};

// Scales all gradients so that their joint L2 norm is at most maxNorm; returns the norm before.
double clipGradNorm(const NamedTensors& params, double maxNorm);

}  // namespace ace::train
