#pragma once
// Building blocks of the KL autoencoder (scepter `ae_utils.py`: ResnetBlock, AttnBlock, Downsample,
// Upsample), with the reference's submodule names so that parameter paths equal checkpoint keys.
//
// Precision follows the reference's CUDA autocast(fp16) run: convolutions (and the attention
// matmuls) compute in the module's compute dtype, GroupNorm and softmax in float32. The GroupNorm
// parameters therefore always stay float32; only convolutions are converted (see
// AutoencoderKLImpl). With a float32 compute dtype everything is plain float32.
#include <cstdint>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/normalization.h>

namespace ace::vae {

// Statistics of every GroupNorm call of a decoder pass, for the tiled decode. A pass normalises
// the k-th norm call with slot k of `mean`/`var` when those exist (whole-image statistics from an
// earlier pass), otherwise with the tile's own statistics; with `record` set it also adds the sums
// over the tile's core (the part of the tile no other tile owns) to slot k. The core is given in
// latent cells of the tile and scaled to each layer's resolution.
struct NormStats {
    bool record = true;
    // Core of the current tile in latent cells, relative to the tile: [y0, y1) x [x0, x1).
    int64_t coreY0 = 0, coreY1 = 0, coreX0 = 0, coreX1 = 0;
    int64_t tileLatentH = 0, tileLatentW = 0;
    std::vector<torch::Tensor> sum, sumSq, count;  // float64 [B, G], [B, G], [] per norm call
    std::vector<torch::Tensor> mean, var;          // float32 [B, G] per norm call
    size_t next = 0;                               // index of the next norm call in this pass

    // Turns the recorded sums into mean/variance for the next pass and clears the sums.
    void finishRecording();
};

// Everything a forward pass needs besides the weights.
struct Compute {
    torch::Dtype dtype = torch::kFloat32;  // dtype of convolutions and attention matmuls
    NormStats* stats = nullptr;            // null: ordinary per-call GroupNorm
    int64_t attentionChunk = 4096;         // query rows per attention chunk (bounds memory)
};

// How the layers of a new autoencoder start. Random: drawn as Conv draws them, the
// same draws in the same order (the trainer trains from them). Empty: allocated, not drawn, for a
// load that overwrites every weight (drawing the release VAE's 84 M weights took 0.26 s, about
// half of its warm load).
enum class WeightInit { Random, Empty };

struct LayerOptions {
    torch::Dtype convDtype = torch::kFloat32;  // convolution weights (GroupNorm stays float32)
    WeightInit init = WeightInit::Random;
};

// A 2-D convolution with torch's parameter names (weight [out, in, k, k], bias [out]); its
// weights live in LayerOptions::convDtype.
class ConvImpl : public torch::nn::Module {
public:
    ConvImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, const LayerOptions& options);
    torch::Tensor forward(const torch::Tensor& x) const;

    torch::Tensor weight, bias;

private:
    int64_t m_stride, m_padding;
};
TORCH_MODULE(Conv);

// GroupNorm(32, eps 1e-6) in float32, then optionally swish; float32 out (autocast's rule).
torch::Tensor normalize(const torch::Tensor& x, torch::nn::GroupNormImpl& norm, const Compute& c,
                        bool swish);
// A convolution in the compute dtype (its input is cast, as autocast does).
torch::Tensor convolve(const ConvImpl& conv, const torch::Tensor& x, const Compute& c);

torch::nn::GroupNorm makeNorm(int64_t channels);
Conv makeConv(int64_t in, int64_t out, int64_t kernel, const LayerOptions& options, int64_t stride = 1,
              int64_t padding = 0);

class ResnetBlockImpl : public torch::nn::Module {
public:
    ResnetBlockImpl(int64_t inChannels, int64_t outChannels, const LayerOptions& options);
    // x: [B, in, H, W] -> [B, out, H, W]
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);

    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    Conv conv1{nullptr}, conv2{nullptr};
    Conv ninShortcut{nullptr};  // "nin_shortcut", only when in != out
};
TORCH_MODULE(ResnetBlock);

// Single-head self-attention over all H*W positions, scale C^-0.5, residual.
class AttnBlockImpl : public torch::nn::Module {
public:
    AttnBlockImpl(int64_t channels, const LayerOptions& options);
    // x: [B, C, H, W] -> [B, C, H, W]
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);

    torch::nn::GroupNorm norm{nullptr};
    Conv q{nullptr}, k{nullptr}, v{nullptr}, projOut{nullptr};  // 1x1 convs
};
TORCH_MODULE(AttnBlock);

// Pad right/bottom by one zero, then 3x3 conv with stride 2: [B, C, H, W] -> [B, C, H/2, W/2].
class DownsampleImpl : public torch::nn::Module {
public:
    DownsampleImpl(int64_t channels, const LayerOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);
    Conv conv{nullptr};
};
TORCH_MODULE(Downsample);

// Nearest x2, then 3x3 conv: [B, C, H, W] -> [B, C, 2H, 2W].
class UpsampleImpl : public torch::nn::Module {
public:
    UpsampleImpl(int64_t channels, const LayerOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);
    Conv conv{nullptr};
};
TORCH_MODULE(Upsample);

// The reference's `mid` (block_1, attn_1, block_2).
class MidBlockImpl : public torch::nn::Module {
public:
    MidBlockImpl(int64_t channels, const LayerOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);
    ResnetBlock block1{nullptr};
    AttnBlock attn1{nullptr};
    ResnetBlock block2{nullptr};
};
TORCH_MODULE(MidBlock);

// One resolution level: `block.{j}` and, except at the last level, `downsample`/`upsample`.
class LevelImpl : public torch::nn::Module {
public:
    LevelImpl(int64_t inChannels, int64_t outChannels, int64_t numBlocks, bool down, bool resample,
              const LayerOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const Compute& c);

    torch::nn::ModuleList block{nullptr};
    Downsample downsample{nullptr};
    Upsample upsample{nullptr};
};
TORCH_MODULE(Level);

}  // namespace ace::vae
