#pragma once
// Conversions between latents/tensors and ace::Image at the pipeline's edges.
#include <torch/torch.h>

#include "ace/common/Image.h"
#include "pipeline/AceModelImpl.h"

namespace ace {

// The VAE decode of a scaled latent [1,4,h,w] as the reference converts it: clamp((x+1)/2, 0, 1),
// times 255, truncated to uint8 (decoder bias 0, as ACEInference runs). Outputs of more than
// policy.tiledDecodeAbovePixels pixels (when > 0) are decoded in tiles (policy.decodeTiling).
Image decodeToImage(AutoencoderKL& vae, const torch::Tensor& scaledLatent, const ComputePolicy& policy);

// The cheap preview: the linear latent->RGB map, upsampled to width x height (bilinear).
Image previewToImage(const LatentPreview& preview, const torch::Tensor& scaledLatent, int64_t width, int64_t height);

// [3,H,W] float in [0,1] (CPU) -> RGB8, truncating like the reference.
Image tensorToImage(const torch::Tensor& chw01);

}  // namespace ace
