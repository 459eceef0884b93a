#include "dit/DiTLayers.h"

#include <cmath>
#include <map>
#include <utility>

#include <torch/torch.h>

#include "dit/RoPE3D.h"

namespace ace::dit {
namespace {

torch::Tensor layerNorm(const torch::Tensor& x) {
    // LayerNorm without affine parameters, eps 1e-6, in float32 (the reference's autocast keeps
    // layer_norm in fp32).
    return torch::layer_norm(x.to(torch::kFloat32), {x.size(-1)}, {}, {}, 1e-6);
}

// x·(1 + scale) + shift, all float32.
torch::Tensor modulate(const torch::Tensor& x, const torch::Tensor& shift, const torch::Tensor& scale) {
    return x * (scale + 1.0) + shift;
}

// One SDPA call on [G, Sq, H, D] / [G, Sk, H, D] -> [G, Sq, H, D] in float32.
torch::Tensor sdpa(torch::Tensor q, torch::Tensor k, torch::Tensor v, const AttentionLayout& layout) {
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    auto prepare = [&](torch::Tensor t) {
        t = t.to(layout.attentionDtype);
        // CPU half kernels are slow or missing: fp32 on the fp16-rounded values (flash-attn also
        // accumulates in fp32).
        if (layout.emulateHalf) t = t.to(torch::kFloat32);
        return t.transpose(1, 2);  // [G, H, S, D]
    };
    torch::Tensor out = torch::scaled_dot_product_attention(prepare(q), prepare(k), prepare(v), {}, 0.0, false,
                                                            scale);
    if (layout.emulateHalf) out = out.to(torch::kHalf);
    return out.transpose(1, 2).to(torch::kFloat32);
}

}  // namespace

LinearImpl::LinearImpl(int64_t in, int64_t out, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::zeros({out, in}, options), false);
    bias = register_parameter("bias", torch::zeros({out}, options), false);
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x) {
    return torch::linear(x.to(weight.scalar_type()), weight, bias);
}

PatchEmbedImpl::PatchEmbedImpl(int64_t patch, int64_t in, int64_t hidden, const torch::TensorOptions& options)
    : m_patch(patch) {
    m_proj = register_module("proj", std::make_shared<torch::nn::Module>("Conv2d"));
    m_weight = m_proj->register_parameter("weight", torch::zeros({hidden, in, patch, patch}, options), false);
    m_bias = m_proj->register_parameter("bias", torch::zeros({hidden}, options), false);
}

torch::Tensor PatchEmbedImpl::forward(const torch::Tensor& x) {
    return torch::conv2d(x.to(m_weight.scalar_type()), m_weight, m_bias, {m_patch, m_patch});
}

RMSNormImpl::RMSNormImpl(int64_t dim, const torch::Device& device, double eps) : m_eps(eps) {
    weight = register_parameter("weight", torch::ones({dim}, torch::TensorOptions().device(device)), false);
}

torch::Tensor RMSNormImpl::forward(const torch::Tensor& x) {
    const torch::Tensor xf = x.to(torch::kFloat32);
    const torch::Tensor normed = xf * torch::rsqrt(xf.pow(2).mean(-1, true) + m_eps);
    return normed.to(x.scalar_type()) * weight;
}

MlpImpl::MlpImpl(int64_t in, int64_t hidden, int64_t out, const torch::TensorOptions& options) {
    m_fc1 = register_module("fc1", Linear(in, hidden, options));
    m_fc2 = register_module("fc2", Linear(hidden, out, options));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
    return m_fc2(torch::gelu(m_fc1(x), "tanh"));
}

TimestepEmbedderImpl::TimestepEmbedderImpl(int64_t hidden, const torch::TensorOptions& options,
                                           int64_t frequencyChannels)
    : m_frequencyChannels(frequencyChannels) {
    m_mlp = register_module("mlp", torch::nn::Sequential(Linear(frequencyChannels, hidden, options),
                                                         torch::nn::SiLU(), Linear(hidden, hidden, options)));
}

torch::Tensor TimestepEmbedderImpl::sinusoid(const torch::Tensor& t, int64_t channels, double maxPeriod) {
    const int64_t half = channels / 2;
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(t.device());
    const torch::Tensor freqs = torch::exp(-std::log(maxPeriod) * torch::arange(0, half, f32) / half);
    const torch::Tensor args = t.to(torch::kFloat32).unsqueeze(1) * freqs.unsqueeze(0);
    torch::Tensor emb = torch::cat({torch::cos(args), torch::sin(args)}, -1);
    if (channels % 2) emb = torch::cat({emb, torch::zeros_like(emb.narrow(1, 0, 1))}, -1);
    return emb;
}

torch::Tensor TimestepEmbedderImpl::forward(const torch::Tensor& t) {
    return m_mlp->forward(sinusoid(t, m_frequencyChannels));
}

torch::Tensor varlenAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const std::vector<int64_t>& qLens, const std::vector<int64_t>& kLens,
                              const AttentionLayout& layout) {
    const int64_t heads = q.size(1), headDim = q.size(2);
    const size_t n = qLens.size();
    std::vector<int64_t> qStart(n + 1, 0), kStart(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        qStart[i + 1] = qStart[i] + qLens[i];
        kStart[i + 1] = kStart[i] + kLens[i];
    }
    // Segments with the same (qLen, kLen); each group's output is scattered back by position.
    std::map<std::pair<int64_t, int64_t>, std::vector<size_t>> groups;
    for (size_t i = 0; i < n; ++i) groups[{qLens[i], kLens[i]}].push_back(i);

    auto gather = [](const torch::Tensor& x, const std::vector<size_t>& members, const std::vector<int64_t>& start,
                     int64_t len) {
        bool adjacent = true;
        for (size_t j = 1; j < members.size(); ++j) adjacent = adjacent && members[j] == members[j - 1] + 1;
        if (adjacent)
            return x.narrow(0, start[members.front()], len * static_cast<int64_t>(members.size()))
                .view({static_cast<int64_t>(members.size()), len, x.size(1), x.size(2)});
        std::vector<torch::Tensor> parts;
        for (size_t m : members) parts.push_back(x.narrow(0, start[m], len));
        return torch::stack(parts);
    };

    if (groups.size() == 1) {  // the common case (one sample, or CFG pairs of equal size): no copies
        const auto& [lens, members] = *groups.begin();
        bool all = members.size() == n;
        if (all) {
            torch::Tensor out = sdpa(gather(q, members, qStart, lens.first), gather(k, members, kStart, lens.second),
                                     gather(v, members, kStart, lens.second), layout);
            return out.reshape({qStart[n], heads * headDim});
        }
    }
    torch::Tensor out = torch::empty({qStart[n], heads, headDim}, q.options().dtype(torch::kFloat32));
    for (const auto& [lens, members] : groups) {
        const torch::Tensor o = sdpa(gather(q, members, qStart, lens.first), gather(k, members, kStart, lens.second),
                                     gather(v, members, kStart, lens.second), layout);
        for (size_t j = 0; j < members.size(); ++j) out.narrow(0, qStart[members[j]], lens.first).copy_(o[j]);
    }
    return out.view({qStart[n], heads * headDim});
}

MultiHeadAttentionImpl::MultiHeadAttentionImpl(int64_t dim, int64_t numHeads, bool qkNorm,
                                               const torch::TensorOptions& options)
    : m_heads(numHeads), m_headDim(dim / numHeads) {
    m_q = register_module("q", Linear(dim, dim, options));
    m_k = register_module("k", Linear(dim, dim, options));
    m_v = register_module("v", Linear(dim, dim, options));
    m_o = register_module("o", Linear(dim, dim, options));
    if (qkNorm) {
        m_normQ = register_module("norm_q", RMSNorm(dim, options.device()));
        // Loaded for a strict state dict, never applied: the reference normalises k with norm_q.
        m_normK = register_module("norm_k", RMSNorm(dim, options.device()));
    }
}

torch::Tensor MultiHeadAttentionImpl::normalize(const torch::Tensor& x) {
    // Without qk-norm the reference's Identity keeps the Linear's dtype; the attention casts anyway.
    return m_normQ ? m_normQ(x) : x;
}

torch::Tensor MultiHeadAttentionImpl::selfAttention(const torch::Tensor& x, const AttentionLayout& layout) {
    const int64_t s = x.size(0);
    // q, k: [S, H, D] float32 after RMS; rotated in float64 and cast back.
    torch::Tensor q = normalize(m_q(x)).view({s, m_heads, m_headDim});
    torch::Tensor k = normalize(m_k(x)).view({s, m_heads, m_headDim});
    const torch::Tensor v = m_v(x).view({s, m_heads, m_headDim});
    q = RoPE3D::apply(q, layout.rotation);
    k = RoPE3D::apply(k, layout.rotation);
    return m_o(varlenAttention(q, k, v, layout.sampleTokens, layout.sampleTokens, layout));
}

torch::Tensor MultiHeadAttentionImpl::crossAttention(const torch::Tensor& x, const torch::Tensor& y,
                                                     const AttentionLayout& layout) {
    const int64_t s = x.size(0), t = y.size(0);
    const torch::Tensor q = normalize(m_q(x)).view({s, m_heads, m_headDim});
    const torch::Tensor k = normalize(m_k(y)).view({t, m_heads, m_headDim});
    const torch::Tensor v = m_v(y).view({t, m_heads, m_headDim});
    return m_o(varlenAttention(q, k, v, layout.frameTokens, layout.textTokens, layout));
}

torch::Tensor TokenModulation::perToken(const torch::Tensor& perSample) const {
    if (uniform) return perSample.narrow(0, 0, 1);
    return perSample.repeat_interleave(repeats, 0, totalTokens);
}

DiTACEBlockImpl::DiTACEBlockImpl(int64_t hidden, int64_t numHeads, int64_t mlpHidden, bool qkNorm,
                                 const torch::TensorOptions& options) {
    scaleShiftTable = register_parameter(
        "scale_shift_table", torch::zeros({6, hidden}, torch::TensorOptions().device(options.device())), false);
    m_attn = register_module("attn", MultiHeadAttention(hidden, numHeads, qkNorm, options));
    m_crossAttn = register_module("cross_attn", MultiHeadAttention(hidden, numHeads, qkNorm, options));
    m_mlp = register_module("mlp", Mlp(hidden, mlpHidden, hidden, options));
}

torch::Tensor DiTACEBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& t0,
                                       const AttentionLayout& layout, const TokenModulation& modulation) {
    const int64_t c = x.size(1);
    // [B, 6, C] float32 -> six [B, C] chunks in the reference's order.
    const torch::Tensor mod = scaleShiftTable.unsqueeze(0) + t0.view({t0.size(0), 6, c}).to(torch::kFloat32);
    auto chunk = [&](int64_t i) { return modulation.perToken(mod.select(1, i)); };
    const torch::Tensor shiftMsa = chunk(0), scaleMsa = chunk(1), gateMsa = chunk(2);
    const torch::Tensor shiftMlp = chunk(3), scaleMlp = chunk(4), gateMlp = chunk(5);

    torch::Tensor h = x + gateMsa * m_attn->selfAttention(modulate(layerNorm(x), shiftMsa, scaleMsa), layout);
    h = h + m_crossAttn->crossAttention(h, y, layout);
    return h + gateMlp * m_mlp(modulate(layerNorm(h), shiftMlp, scaleMlp));
}

T2IFinalLayerImpl::T2IFinalLayerImpl(int64_t hidden, int64_t outChannels, const torch::TensorOptions& options) {
    scaleShiftTable = register_parameter(
        "scale_shift_table", torch::zeros({2, hidden}, torch::TensorOptions().device(options.device())), false);
    m_linear = register_module("linear", Linear(hidden, outChannels, options));
}

torch::Tensor T2IFinalLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& temb,
                                         const TokenModulation& modulation) {
    // [B, 2, C]: shift, scale
    const torch::Tensor mod = scaleShiftTable.unsqueeze(0) + temb.unsqueeze(1).to(torch::kFloat32);
    return m_linear(modulate(layerNorm(x), modulation.perToken(mod.select(1, 0)),
                             modulation.perToken(mod.select(1, 1))));
}

}  // namespace ace::dit
