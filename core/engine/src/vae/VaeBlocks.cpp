#include "vae/VaeBlocks.h"

#include <algorithm>
#include <cmath>

#include <torch/nn/init.h>

namespace ace::vae {
namespace {

constexpr int64_t kGroups = 32;
constexpr double kNormEps = 1e-6;

torch::Tensor swishOf(const torch::Tensor& x) { return x * torch::sigmoid(x); }

}  // namespace

void NormStats::finishRecording() {
    mean.clear();
    var.clear();
    for (size_t k = 0; k < sum.size(); ++k) {
        const torch::Tensor m = sum[k] / count[k];
        // Population variance, as GroupNorm uses; float64 sums keep E[x^2] - m^2 accurate.
        const torch::Tensor v = (sumSq[k] / count[k] - m * m).clamp_min(0.0);
        mean.push_back(m.to(torch::kFloat32));
        var.push_back(v.to(torch::kFloat32));
    }
    sum.clear();
    sumSq.clear();
    count.clear();
    next = 0;
}

torch::Tensor normalize(const torch::Tensor& x, torch::nn::GroupNormImpl& norm, const Compute& c,
                        bool swish) {
    // x: [B, C, H, W]; GroupNorm runs in float32 whatever the compute dtype (autocast's fp32 list).
    const torch::Tensor xf = x.to(torch::kFloat32);
    const torch::Tensor weight = norm.weight.to(torch::kFloat32), bias = norm.bias.to(torch::kFloat32);
    NormStats* stats = c.stats;
    torch::Tensor y;
    const size_t k = stats ? stats->next++ : 0;
    if (stats && k < stats->mean.size()) {
        const torch::Tensor mean = stats->mean[k].to(x.device()).unsqueeze(-1);  // [B, G, 1]
        const torch::Tensor var = stats->var[k].to(x.device()).unsqueeze(-1);
        const torch::Tensor g = (xf.reshape({x.size(0), kGroups, -1}) - mean) * torch::rsqrt(var + kNormEps);
        y = g.reshape(x.sizes()) * weight.view({1, -1, 1, 1}) + bias.view({1, -1, 1, 1});
    } else {
        y = torch::group_norm(xf, kGroups, weight, bias, kNormEps);
    }
    if (stats && stats->record) {
        const int64_t fy = x.size(2) / stats->tileLatentH;
        const int64_t fx = x.size(3) / stats->tileLatentW;
        const torch::Tensor core =
            xf.slice(2, stats->coreY0 * fy, stats->coreY1 * fy).slice(3, stats->coreX0 * fx, stats->coreX1 * fx);
        const torch::Tensor g = core.to(torch::kFloat64).reshape({x.size(0), kGroups, -1});
        if (stats->sum.size() <= k) {
            stats->sum.resize(k + 1);
            stats->sumSq.resize(k + 1);
            stats->count.resize(k + 1);
        }
        if (!stats->sum[k].defined()) {
            stats->sum[k] = torch::zeros({x.size(0), kGroups}, torch::kFloat64);
            stats->sumSq[k] = torch::zeros({x.size(0), kGroups}, torch::kFloat64);
            stats->count[k] = torch::zeros({}, torch::kFloat64);
        }
        stats->sum[k] += g.sum(-1).cpu();
        stats->sumSq[k] += g.square().sum(-1).cpu();
        stats->count[k] += static_cast<double>(g.size(-1));
    }
    return swish ? swishOf(y) : y;
}

ConvImpl::ConvImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding,
                   const LayerOptions& options)
    : m_stride(stride), m_padding(padding) {
    const bool random = options.init == WeightInit::Random;
    // Random weights are drawn in float32, as torch::nn::Conv2d draws them, then rounded.
    const auto f = torch::TensorOptions().dtype(random ? torch::kFloat32 : options.convDtype);
    weight = register_parameter("weight", torch::empty({out, in, kernel, kernel}, f));
    bias = register_parameter("bias", torch::empty({out}, f));
    if (!random) return;
    torch::NoGradGuard noGrad;
    // torch::nn::Conv2dImpl::reset_parameters().
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(static_cast<double>(in * kernel * kernel));
    torch::nn::init::uniform_(bias, -bound, bound);
    if (options.convDtype != torch::kFloat32) {
        weight.set_data(weight.to(options.convDtype));
        bias.set_data(bias.to(options.convDtype));
    }
}

torch::Tensor ConvImpl::forward(const torch::Tensor& x) const {
    return torch::conv2d(x, weight, bias, m_stride, m_padding);
}

torch::Tensor convolve(const ConvImpl& conv, const torch::Tensor& x, const Compute& c) {
    return conv.forward(x.to(c.dtype));
}

torch::nn::GroupNorm makeNorm(int64_t channels) {
    return torch::nn::GroupNorm(torch::nn::GroupNormOptions(kGroups, channels).eps(kNormEps).affine(true));
}

Conv makeConv(int64_t in, int64_t out, int64_t kernel, const LayerOptions& options, int64_t stride, int64_t padding) {
    return Conv(in, out, kernel, stride, padding, options);
}

ResnetBlockImpl::ResnetBlockImpl(int64_t inChannels, int64_t outChannels, const LayerOptions& o) {
    norm1 = register_module("norm1", makeNorm(inChannels));
    conv1 = register_module("conv1", makeConv(inChannels, outChannels, 3, o, 1, 1));
    norm2 = register_module("norm2", makeNorm(outChannels));
    conv2 = register_module("conv2", makeConv(outChannels, outChannels, 3, o, 1, 1));
    if (inChannels != outChannels) ninShortcut = register_module("nin_shortcut", makeConv(inChannels, outChannels, 1, o));
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor& x, const Compute& c) {
    torch::Tensor h = convolve(*conv1, normalize(x, *norm1, c, true), c);
    h = convolve(*conv2, normalize(h, *norm2, c, true), c);
    const torch::Tensor skip = ninShortcut ? convolve(*ninShortcut, x, c) : x.to(c.dtype);
    return skip + h;
}

AttnBlockImpl::AttnBlockImpl(int64_t channels, const LayerOptions& o) {
    norm = register_module("norm", makeNorm(channels));
    q = register_module("q", makeConv(channels, channels, 1, o));
    k = register_module("k", makeConv(channels, channels, 1, o));
    v = register_module("v", makeConv(channels, channels, 1, o));
    projOut = register_module("proj_out", makeConv(channels, channels, 1, o));
}

torch::Tensor AttnBlockImpl::forward(const torch::Tensor& x, const Compute& c) {
    const int64_t b = x.size(0), ch = x.size(1), hh = x.size(2), ww = x.size(3), n = hh * ww;
    const torch::Tensor h = normalize(x, *norm, c, false);
    const torch::Tensor qs = convolve(*q, h, c).reshape({b, ch, n}).transpose(1, 2);  // [B, N, C]
    const torch::Tensor ks = convolve(*k, h, c).reshape({b, ch, n});                   // [B, C, N]
    const torch::Tensor vs = convolve(*v, h, c).reshape({b, ch, n}).transpose(1, 2);  // [B, N, C]
    const double scale = 1.0 / std::sqrt(static_cast<double>(ch));
    // Exact attention, computed for a block of queries at a time so that the N x N weights never
    // exist in full (at 1024 px, N = 16384: 1 GiB per full matrix in float32). Scores are scaled in
    // the compute dtype and the softmax runs in float32, as under autocast.
    std::vector<torch::Tensor> parts;
    const int64_t chunk = std::max<int64_t>(1, c.attentionChunk);
    for (int64_t s = 0; s < n; s += chunk) {
        const torch::Tensor w = torch::bmm(qs.slice(1, s, std::min(n, s + chunk)), ks) * scale;  // [B, n', N]
        const torch::Tensor p = torch::softmax(w.to(torch::kFloat32), 2).to(c.dtype);
        parts.push_back(torch::bmm(p, vs));  // [B, n', C]
    }
    const torch::Tensor att = (parts.size() == 1 ? parts.front() : torch::cat(parts, 1)).transpose(1, 2).reshape({b, ch, hh, ww});
    return x.to(c.dtype) + convolve(*projOut, att, c);
}

DownsampleImpl::DownsampleImpl(int64_t channels, const LayerOptions& o) {
    conv = register_module("conv", makeConv(channels, channels, 3, o, 2, 0));
}

torch::Tensor DownsampleImpl::forward(const torch::Tensor& x, const Compute& c) {
    return convolve(*conv, torch::constant_pad_nd(x, {0, 1, 0, 1}, 0), c);
}

UpsampleImpl::UpsampleImpl(int64_t channels, const LayerOptions& o) {
    conv = register_module("conv", makeConv(channels, channels, 3, o, 1, 1));
}

torch::Tensor UpsampleImpl::forward(const torch::Tensor& x, const Compute& c) {
    // Nearest x2 copies values, so the dtype it runs in does not matter.
    const torch::Tensor up = torch::upsample_nearest2d(x, at::IntArrayRef{x.size(2) * 2, x.size(3) * 2});
    return convolve(*conv, up, c);
}

MidBlockImpl::MidBlockImpl(int64_t channels, const LayerOptions& o) {
    block1 = register_module("block_1", ResnetBlock(channels, channels, o));
    attn1 = register_module("attn_1", AttnBlock(channels, o));
    block2 = register_module("block_2", ResnetBlock(channels, channels, o));
}

torch::Tensor MidBlockImpl::forward(const torch::Tensor& x, const Compute& c) {
    return block2->forward(attn1->forward(block1->forward(x, c), c), c);
}

LevelImpl::LevelImpl(int64_t inChannels, int64_t outChannels, int64_t numBlocks, bool down, bool resample,
                     const LayerOptions& o) {
    block = register_module("block", torch::nn::ModuleList());
    for (int64_t j = 0; j < numBlocks; ++j) {
        block->push_back(ResnetBlock(j == 0 ? inChannels : outChannels, outChannels, o));
    }
    if (resample) {
        if (down) downsample = register_module("downsample", Downsample(outChannels, o));
        else upsample = register_module("upsample", Upsample(outChannels, o));
    }
}

torch::Tensor LevelImpl::forward(const torch::Tensor& x, const Compute& c) {
    torch::Tensor h = x;
    for (const auto& m : *block) h = m->as<ResnetBlockImpl>()->forward(h, c);
    if (downsample) h = downsample->forward(h, c);
    if (upsample) h = upsample->forward(h, c);
    return h;
}

}  // namespace ace::vae
