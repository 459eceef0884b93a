#pragma once
// Classifier-free guidance with the reference's guide-rescale (ACEDiffusion.sample's callback;
// ace-reference.md §6). Running both branches (ideally as one batched forward) is the caller's
// job; this combines their outputs.
#include <torch/types.h>

namespace ace {

// condEps, uncondEps: [B, ...] the two branches' noise predictions (same shape).
// eps = u + scale (c - u); if rescale > 0: eps *= rescale * std(c) / (std(eps) + 1e-12) +
// (1 - rescale), with the unbiased std over all values of each sample (dim 0 = batch).
// halfPrecisionArithmetic: every op in float16 as the reference under autocast (its DiT returns
// fp16); otherwise float32. Returns float32 on the inputs' device.
torch::Tensor guide(const torch::Tensor& condEps, const torch::Tensor& uncondEps, double scale, double rescale,
                    bool halfPrecisionArithmetic);

}  // namespace ace
