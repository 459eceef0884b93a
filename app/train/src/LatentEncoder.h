#pragma once
// The DiT stage's images to latents: the frozen VAE's posterior sample, times kLatentScale.
// Float32, or with the encoder's convolutions in bfloat16 on channels-last tensors (GroupNorm stays
// float32, the latents come back float32 in the usual layout). On a CPU with AVX512-BF16 the
// frozen encoder was the larger half of a built-in training step on two cores: bf16 trains the
// preset 1.45x faster (2584 against 1784 samples in 60 s, same checkpoint). The latents are those
// of a rounded encoder, so a run switches at a recorded step (TrainConfig::ditLatentEncoding).
#include <torch/types.h>

#include "vae/AutoencoderKL.h"

namespace ace::train {

class LatentEncoder {
public:
    // `vae` lives on `device`; `withBf16` also builds its bfloat16 copy (the weights as they are now).
    LatentEncoder(AutoencoderKL vae, torch::Device device, bool withBf16);

    // images [B, 3, h, w] in [-1, 1], noise [B, embedDim, h/8, w/8] -> [B, embedDim, h/8, w/8]
    // float32, contiguous. `bf16` needs the copy.
    torch::Tensor encode(const torch::Tensor& images, const torch::Tensor& noise, bool bf16);

    int64_t embedDim() const { return m_vae->config().embedDim; }

private:
    AutoencoderKL m_vae;
    AutoencoderKL m_vaeBf16{nullptr};
    torch::Device m_device;
};

}  // namespace ace::train
