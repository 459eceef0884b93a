#pragma once
// Samplers as functions over a denoise callback (ace-reference.md §6). The callback returns the
// guided noise prediction eps for a noisy x at one model timestep; the sampler owns the
// discretisation and the update rule, and reports every step (with its x0 prediction) to onStep,
// which may throw (the pipeline throws ace::Cancelled from it to stop a run).
#include <functional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "diffusion/LinearSchedule.h"

namespace ace {

// x: the current noisy latent (the noise's shape); t: [1] int64, the model timestep round(ts_k).
// Returns eps with x's shape.
using DenoiseFn = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t)>;

struct SamplerStep {
    int index;        // 0-based step just finished
    int total;        // model calls of this run (can be steps + 1, see ddimTimesteps)
    torch::Tensor x;  // x_t after the step (the final x0 after the last one)
    torch::Tensor x0; // the step's prediction of the clean latent
};
using StepFn = std::function<void(const SamplerStep&)>;

// The trailing DDIM discretisation: arange(T-1, -1, -T/steps) in float32, clamped to [0, T-1].
// Non-divisor counts give fractional timesteps, and for some (61, 103, 121, ...) one extra step
// clamped to 0, exactly as the reference (so a run makes ts.size(0) model calls). [K] float32.
torch::Tensor ddimTimesteps(int steps, int numTimesteps = 1000);

// The VP sigmas of the DDIM update for timesteps ts: v_k = sqrt(s^2 / (1 + s^2)) for
// s = tToSigma(ts_k) (1 where s is inf), and a final 0. [K + 1] float32.
torch::Tensor ddimVpSigmas(const torch::Tensor& ts, const LinearSchedule& schedule);

// DDIM, eta 0, trailing. noise: the initial x (float32, any shape, typically [1, 4, h, w]).
// Per step k: eps = denoise(x, round(ts_k)); x0 = (x - sigma[floor ts_k] * eps) / alphaBar[floor
// ts_k]; with v_k = sqrt(s^2 / (1 + s^2)) for s = tToSigma(ts_k) and v_K = 0:
// x <- sqrt(1 - v_{k+1}^2) x0 + v_{k+1} (x - sqrt(1 - v_k^2) x0) / v_k. Returns the last x0.
torch::Tensor sampleDdim(const DenoiseFn& denoise, torch::Tensor noise, const LinearSchedule& schedule, int steps,
                         const StepFn& onStep);

// Samplers by the reference's names (a GenerationOptions::sampler string). Unknown names throw
// ace::Error listing the known ones.
using SamplerFn = std::function<torch::Tensor(const DenoiseFn&, torch::Tensor, const LinearSchedule&, int, const StepFn&)>;
const SamplerFn& findSampler(const std::string& name);
std::vector<std::string> samplerNames();

}  // namespace ace
