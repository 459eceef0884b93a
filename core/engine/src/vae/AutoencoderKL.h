#pragma once
// ACE's KL autoencoder (scepter `AutoencoderKL`, the Stable Diffusion VAE): parameter paths equal
// the scepter checkpoint keys (`encoder.*`, `decoder.*`, `conv1.*` = LDM `quant_conv`,
// `conv2.*` = `post_quant_conv`). Latents are unscaled; ACE multiplies by kLatentScale after
// encode and divides before decode (the caller does).
//
// Differences from the reference, on purpose:
// - encode() draws the posterior noise from the caller's torch::Generator (seeded per turn, so a
//   seed reproduces a result) instead of the unseeded global RNG; nullptr gives the mean.
// - The mid attention runs over blocks of queries (exact, bounded memory), and decode() can tile
//   the up path for large outputs (VaeTiling; an approximation, see there).
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "checkpoint/StateDict.h"
#include "vae/VaeCoders.h"

namespace ace {

// ACE's SCALE_FACTOR: the DiT works on kLatentScale * z.
inline constexpr double kLatentScale = 0.18215;

struct VaeConfig {
    int64_t imageChannels = 3;
    int64_t ch = 128;
    std::vector<int64_t> chMult{1, 2, 4, 4};
    int64_t numResBlocks = 2;
    int64_t zChannels = 4;  // decoder input / half the encoder output
    int64_t embedDim = 4;   // latent channels (conv1: 2z -> 2*embedDim, conv2: embedDim -> z)

    // Pixels per latent cell along each axis: 2^(levels-1) (8 for ACE).
    int64_t downFactor() const { return int64_t{1} << (chMult.size() - 1); }
    // Reads the architecture from the tensor shapes (scepter names). Throws ace::Error naming the
    // file when a tensor it needs is absent or inconsistent.
    static VaeConfig fromSource(const ckpt::TensorSource& source);
};

// Tiled decoding for large outputs. conv2, decoder.conv_in and the mid blocks (latent resolution,
// where the global attention lives) run on the whole latent and are exact; the up path (nearly
// all of the memory and time) runs on overlapping latent tiles, and each output pixel comes from
// the tile whose core (the tiles' disjoint shares of the latent) holds it, cross-faded over
// `blend` cells at the core boundaries.
//
// What makes tiles differ from the full decode is GroupNorm, whose statistics span the whole
// image. statsPasses = n runs the up path n times over all tiles first; each pass records every
// GroupNorm's statistics over the tiles' cores while normalising with the previous pass's (the
// first pass with each tile's own), and the final pass uses the last recorded whole-image
// statistics. Pass n makes the first n GroupNorms exact, so kExactStats (= as many passes as the
// up path has GroupNorms: 25 for ACE's VAE) reproduces the full decode up to rounding when the
// overlap is at least twice the receptive field of the up path and blend is 0 (see the tests for
// measured errors). statsPasses = 0 is one pass with each tile's own statistics.
struct VaeTiling {
    static constexpr int kExactStats = -1;
    bool enabled = false;
    int64_t tile = 64;     // latent cells per tile side (64 = 512 px)
    int64_t overlap = 16;  // latent cells shared by neighbouring tiles
    int64_t blend = 8;     // latent cells of the cross-fade at each core boundary (<= overlap)
    int statsPasses = 2;   // or kExactStats
};

class AutoencoderKLImpl : public torch::nn::Module {
public:
    // dtype: compute dtype of convolutions and attention (float32, float16 or bfloat16); their
    // weights are stored in it. GroupNorm parameters and statistics stay float32 (autocast's rule).
    // init: Random to train from, Empty when every weight is loaded next (loadAutoencoderKL).
    explicit AutoencoderKLImpl(const VaeConfig& config, torch::Dtype dtype = torch::kFloat32,
                               vae::WeightInit init = vae::WeightInit::Random);

    const VaeConfig& config() const { return m_config; }
    torch::Dtype dtype() const { return m_compute.dtype; }
    // What encoder/decoder forward() calls need besides their input (parity tests call them).
    const vae::Compute& compute() const { return m_compute; }
    void setTiling(const VaeTiling& tiling);
    const VaeTiling& tiling() const { return m_tiling; }
    // Query rows per block in the mid attention (memory ~ rows * H*W * 4 bytes).
    void setAttentionChunk(int64_t rows) { m_compute.attentionChunk = rows; }
    // Inference runs encode/decode without autograd; the trainer (ace-train) sets this so that
    // moments() and decode() build the graph for backpropagation (like DiTOptions::trainable).
    void setTrainable(bool on) { m_trainable = on; }
    bool trainable() const { return m_trainable; }

    // x: [B, 3, H, W] in [-1, 1], H and W multiples of downFactor() -> [B, 2*embedDim, h, w]
    // float32 (the encoder's output after conv1: mean and raw logvar).
    torch::Tensor encodeMoments(const torch::Tensor& x);
    // (mean, logvar clamped to [-30, 20]), each [B, embedDim, h, w] float32.
    std::pair<torch::Tensor, torch::Tensor> moments(const torch::Tensor& x);
    // Posterior sample mean + exp(0.5 logvar) * n, n ~ N(0, 1) float32 drawn from gen (on gen's
    // device); the mean when gen is nullptr. Unscaled z [B, embedDim, H/f, W/f] float32.
    torch::Tensor encode(const torch::Tensor& x, torch::Generator* gen);
    // The same with the given noise n [B, embedDim, h, w] (parity with recorded noise).
    torch::Tensor encode(const torch::Tensor& x, const torch::Tensor& noise);
    // z: unscaled [B, embedDim, h, w] -> [B, 3, h*f, w*f] float32 (no tanh, not clamped). Tiled
    // when tiling is enabled and z is larger than one tile.
    torch::Tensor decode(const torch::Tensor& z);
    torch::Tensor decodeTiled(const torch::Tensor& z, const VaeTiling& tiling);
    // GroupNorm layers of the decoder's up path (the passes kExactStats stands for).
    int upPathNorms() const;

    vae::Encoder encoder{nullptr};
    vae::Decoder decoder{nullptr};
    vae::Conv conv1{nullptr}, conv2{nullptr};

private:
    torch::Tensor checkedImage(const torch::Tensor& x) const;
    torch::Tensor checkedLatent(const torch::Tensor& z, const char* what) const;

    VaeConfig m_config;
    vae::Compute m_compute;
    VaeTiling m_tiling;
    bool m_trainable = false;
};
TORCH_MODULE(AutoencoderKL);

// Maps LDM/CompVis names to scepter names (ckpt::mapVaeKeys; scepter names pass unchanged),
// builds the module the source describes (VaeConfig::fromSource), loads it strictly (a wrong
// architecture throws ace::Error with the missing / unexpected / mis-shaped keys) and moves it to
// `device`. `convert` (optional) replaces the key-mapped source before it is loaded, given the
// built module (the weight cache: it needs what the module keeps in float32). Errors name the
// original file.
using VaeSourceConversion = std::function<ckpt::TensorSource(ckpt::TensorSource, const torch::nn::Module&)>;
AutoencoderKL loadAutoencoderKL(const ckpt::TensorSource& source, torch::Dtype dtype, torch::Device device,
                                const VaeSourceConversion& convert = {});

}  // namespace ace
