#pragma once
// Exponential moving average of a model's parameters (ACE trains with USE_EMA; the shipped
// weights are the EMA ones). The decay ramps up as min(decay, (1 + n) / (10 + n)) so the
// average is not dominated by the random initialisation in short runs.
#include <string>

#include "AdamW.h"

namespace ace::train {

class Ema {
public:
    Ema(const NamedTensors& params, double decay);

    void update(const NamedTensors& params);
    double currentDecay() const;
    int64_t updates() const { return m_updates; }

    // The averaged weights under their parameter names.
    const NamedTensors& shadow() const { return m_shadow; }
    // Copies the averaged weights into params (same names and order as given to the constructor).
    void copyTo(const NamedTensors& params) const;

    NamedTensors state(const std::string& prefix) const;  // "<prefix><name>" + "<prefix>updates"
    template <typename Lookup>
    void loadState(const std::string& prefix, Lookup&& lookup) {
        m_updates = lookup(prefix + "updates").template item<int64_t>();
        for (auto& [name, t] : m_shadow) t.copy_(lookup(prefix + name));
    }

private:
    double m_decay;
    int64_t m_updates = 0;
    NamedTensors m_shadow;
};

}  // namespace ace::train
