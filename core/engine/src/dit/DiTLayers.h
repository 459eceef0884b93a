#pragma once
// Building blocks of DiTACE (ace-reference.md §4), named like the reference's modules
// (A:modules/model/backbone/layers.py) so that parameter paths equal checkpoint keys.
//
// Precision policy (one place: DiTOptions::dtype = the compute dtype `cd`, mirroring the
// reference's fp32 parameters under autocast): Linear/Conv weights are stored and multiplied in
// cd; scale-shift tables and RMSNorm weights stay float32; LayerNorm, modulation, RMS statistics
// and the residual stream run in float32; RoPE in float64. With cd = float32 everything is fp32.
#include <cstdint>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

namespace ace::dit {

// nn.Linear without random initialisation (weights always come from a checkpoint; zero-filled
// until then). The input is cast to the weight's dtype; the output has that dtype.
class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(int64_t in, int64_t out, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight;  // [out, in]
    torch::Tensor bias;    // [out]
};
TORCH_MODULE(Linear);

// PatchEmbed: `proj` = Conv2d(in, hidden, k = s = patch), no flattening.
class PatchEmbedImpl : public torch::nn::Module {
public:
    PatchEmbedImpl(int64_t patch, int64_t in, int64_t hidden, const torch::TensorOptions& options);
    // x: [N, in, h, w] -> [N, hidden, h/patch, w/patch]
    torch::Tensor forward(const torch::Tensor& x);
    const torch::Tensor& weight() const { return m_weight; }

private:
    std::shared_ptr<torch::nn::Module> m_proj;  // "proj" (the reference's nn.Conv2d)
    torch::Tensor m_weight;                     // proj.weight [hidden, in, patch, patch]
    torch::Tensor m_bias;                       // proj.bias [hidden]
    int64_t m_patch;
};
TORCH_MODULE(PatchEmbed);

// RMSNorm over the last dimension: statistics in float32, normalised values cast back to the
// input dtype (the reference's `type_as`), then times the float32 weight -> float32.
class RMSNormImpl : public torch::nn::Module {
public:
    RMSNormImpl(int64_t dim, const torch::Device& device, double eps = 1e-6);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight;  // [dim] float32

private:
    double m_eps;
};
TORCH_MODULE(RMSNorm);

// fc1 -> GELU(tanh) -> fc2.
class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(int64_t in, int64_t hidden, int64_t out, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

private:
    Linear m_fc1{nullptr}, m_fc2{nullptr};
};
TORCH_MODULE(Mlp);

// Sinusoidal embedding (cos first, then sin, 256 channels) -> mlp.0 -> SiLU -> mlp.2.
class TimestepEmbedderImpl : public torch::nn::Module {
public:
    TimestepEmbedderImpl(int64_t hidden, const torch::TensorOptions& options, int64_t frequencyChannels = 256);
    // t: [B] (any numeric dtype) -> [B, hidden]
    torch::Tensor forward(const torch::Tensor& t);
    // [B, frequencyChannels] float32
    static torch::Tensor sinusoid(const torch::Tensor& t, int64_t channels, double maxPeriod = 10000.0);

private:
    torch::nn::Sequential m_mlp{nullptr};
    int64_t m_frequencyChannels;
};
TORCH_MODULE(TimestepEmbedder);

// How the concatenated token stream of a batch splits into attention segments, plus the
// attention precision. Built once per forward, shared by every block.
struct AttentionLayout {
    std::vector<int64_t> sampleTokens;  // self-attention: tokens per sample
    std::vector<int64_t> frameTokens;   // cross-attention queries: tokens per frame (all samples)
    std::vector<int64_t> textTokens;    // cross-attention keys: text length of each frame
    torch::Tensor rotation;             // [S_total, D/2] complex128, every sample's RoPE
    torch::ScalarType attentionDtype = torch::kFloat32;  // q, k, v are cast to this
    bool emulateHalf = false;  // run a kHalf attention in fp32 on fp16-rounded q, k, v and round the output
};

// Variable-length attention: segment i of q (qLens[i] rows) attends to segment i of k/v
// (kLens[i] rows). Segments of equal (qLen, kLen) run as one batched SDPA call (a view when they
// are adjacent), others separately: no padding, no masks.
// q: [Sq, H, D], k/v: [Sk, H, D] -> [Sq, H*D] in float32.
torch::Tensor varlenAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const std::vector<int64_t>& qLens, const std::vector<int64_t>& kLens,
                              const AttentionLayout& layout);

// Self- or cross-attention with RMS-normalised q and k (both through norm_q, the reference's
// quirk; norm_k is loaded and unused). RMS spans all channels before the head split.
class MultiHeadAttentionImpl : public torch::nn::Module {
public:
    MultiHeadAttentionImpl(int64_t dim, int64_t numHeads, bool qkNorm, const torch::TensorOptions& options);
    // x: [S, C] float32 -> [S, C] (compute dtype)
    torch::Tensor selfAttention(const torch::Tensor& x, const AttentionLayout& layout);
    // x: [S, C] float32, y: [T, C] -> [S, C]
    torch::Tensor crossAttention(const torch::Tensor& x, const torch::Tensor& y, const AttentionLayout& layout);

private:
    torch::Tensor normalize(const torch::Tensor& x);
    Linear m_q{nullptr}, m_k{nullptr}, m_v{nullptr}, m_o{nullptr};
    RMSNorm m_normQ{nullptr}, m_normK{nullptr};
    int64_t m_heads;
    int64_t m_headDim;
};
TORCH_MODULE(MultiHeadAttention);

// Per-token view of per-sample modulation vectors: [B, C] -> [1, C] when every sample shares
// them (all t equal), else [S_total, C].
struct TokenModulation {
    torch::Tensor repeats;  // [B] int64 tokens per sample, on the model's device
    int64_t totalTokens = 0;  // the sum of repeats, known on the host (no device read to size the output)
    bool uniform = true;
    torch::Tensor perToken(const torch::Tensor& perSample) const;
};

class DiTACEBlockImpl : public torch::nn::Module {
public:
    DiTACEBlockImpl(int64_t hidden, int64_t numHeads, int64_t mlpHidden, bool qkNorm,
                    const torch::TensorOptions& options);
    // x: [S, C] float32 residual stream, y: [T, C] texts, t0: [B, 6C] -> [S, C] float32
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& t0,
                          const AttentionLayout& layout, const TokenModulation& modulation);

    torch::Tensor scaleShiftTable;  // [6, C] float32: shift, scale, gate (attention), then (MLP)

private:
    MultiHeadAttention m_attn{nullptr}, m_crossAttn{nullptr};
    Mlp m_mlp{nullptr};
};
TORCH_MODULE(DiTACEBlock);

// Modulated by temb (not t0, no SiLU): LN(x)·(1 + scale) + shift -> linear.
class T2IFinalLayerImpl : public torch::nn::Module {
public:
    T2IFinalLayerImpl(int64_t hidden, int64_t outChannels, const torch::TensorOptions& options);
    // x: [S, C] float32, temb: [B, C] -> [S, outChannels] (compute dtype)
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb, const TokenModulation& modulation);

    torch::Tensor scaleShiftTable;  // [2, C] float32: shift, scale

private:
    Linear m_linear{nullptr};
};
TORCH_MODULE(T2IFinalLayer);

}  // namespace ace::dit
