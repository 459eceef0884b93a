#pragma once
// Encoder and Decoder of the KL autoencoder (scepter `ae_module.py`), without attention inside the
// resolution levels (ACE's ATTN_RESOLUTIONS is empty; the reference's empty `attn` lists hold no
// parameters, so they are left out).
#include <cstdint>
#include <vector>

#include "vae/VaeBlocks.h"

namespace ace::vae {

struct CoderShape {
    int64_t imageChannels = 3;  // encoder input / decoder output
    int64_t ch = 128;
    std::vector<int64_t> chMult{1, 2, 4, 4};
    int64_t numResBlocks = 2;
    int64_t zChannels = 4;
};

class EncoderImpl : public torch::nn::Module {
public:
    EncoderImpl(const CoderShape& shape, const LayerOptions& options);
    // x: [B, 3, H, W] -> [B, 2*z, H/f, W/f] (f = 2^(levels-1))
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);

    Conv convIn{nullptr};
    torch::nn::ModuleList down{nullptr};  // of Level
    MidBlock mid{nullptr};
    torch::nn::GroupNorm normOut{nullptr};
    Conv convOut{nullptr};
};
TORCH_MODULE(Encoder);

class DecoderImpl : public torch::nn::Module {
public:
    DecoderImpl(const CoderShape& shape, const LayerOptions& options);
    // z: [B, z, h, w] -> [B, 3, h*f, w*f]
    torch::Tensor forward(const torch::Tensor& z, const Compute& c) { return forwardUp(forwardMid(z, c), c); }
    // conv_in and mid (latent resolution; the only global part, because of the attention).
    torch::Tensor forwardMid(const torch::Tensor& z, const Compute& c);
    // The up levels, norm_out, swish and conv_out: purely local apart from GroupNorm statistics.
    torch::Tensor forwardUp(const torch::Tensor& h, const Compute& c);

    Conv convIn{nullptr};
    MidBlock mid{nullptr};
    torch::nn::ModuleList up{nullptr};  // of Level; up[0] is the full-resolution level
    torch::nn::GroupNorm normOut{nullptr};
    Conv convOut{nullptr};
};
TORCH_MODULE(Decoder);

}  // namespace ace::vae
