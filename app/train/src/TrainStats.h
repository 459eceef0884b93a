#pragma once
// What one optimizer step reports (progress line, loss log).
#include <algorithm>
#include <cstdint>

namespace ace::train {

struct StepStats {
    int64_t step = 0;      // steps done after this one
    double loss = 0;       // mean over the step's samples
    double gradNorm = 0;   // before clipping
    double learningRate = 0;
    int samples = 0;       // samples (DiT) or images (VAE) in the step
    double seconds = 0;    // wall time of the step
};

// Linear warm-up to the base rate, then constant (runs are open-ended and resumable).
inline double warmupRate(double base, int warmupSteps, int64_t step /* 0-based step being taken */) {
    if (warmupSteps <= 0 || step >= warmupSteps) return base;
    return base * double(step + 1) / double(warmupSteps);
}

// The warm-up rate, then from `decayFrom` on (0: never) a linear fall to floor x base over
// `decaySteps` steps, held at the floor afterwards.
inline double scheduledRate(double base, int warmupSteps, int64_t decayFrom, int64_t decaySteps, double floor,
                            int64_t step /* 0-based step being taken */) {
    const double rate = warmupRate(base, warmupSteps, step);
    if (decayFrom <= 0 || step < decayFrom) return rate;
    const double done = decaySteps <= 0 ? 1.0 : std::min(1.0, double(step - decayFrom + 1) / double(decaySteps));
    return rate * (1.0 - done * (1.0 - floor));
}

}  // namespace ace::train
