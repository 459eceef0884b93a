#include "dit/DiTACE.h"

#include <algorithm>
#include <string>

#include <torch/torch.h>

#include "ace/common/Error.h"

namespace ace {
namespace {

const ckpt::LazyTensor& need(const ckpt::TensorSource& source, const std::string& key, size_t rank) {
    auto it = source.find(key);
    if (it == source.end()) throw Error("DiTACE checkpoint: missing tensor " + key);
    if (it->second.shape.size() != rank)
        throw Error(it->second.origin, "expected a " + std::to_string(rank) + "-d tensor for " + key);
    return it->second;
}

std::string shapeText(const torch::Tensor& t) {
    std::string s = "(";
    for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + ")";
}

[[noreturn]] void badInput(const std::string& problem) { throw Error("DiTACE input: " + problem); }

}  // namespace

DiTConfig DiTConfig::fromSource(const ckpt::TensorSource& source, int64_t maxSeqLen, int64_t numHeads) {
    DiTConfig c;
    const auto& patch = need(source, "x_embedder.proj.weight", 4).shape;  // [C, in+1, p, p]
    c.hiddenSize = patch[0];
    c.inChannels = patch[1] - 1;
    c.patchSize = patch[2];
    c.yChannels = need(source, "y_embedder.fc1.weight", 2).shape[1];
    c.mlpHidden = need(source, "blocks.0.mlp.fc1.weight", 2).shape[0];
    c.depth = 0;
    while (source.count("blocks." + std::to_string(c.depth) + ".scale_shift_table")) ++c.depth;
    const int64_t out = need(source, "final_layer.linear.weight", 2).shape[0];
    const int64_t perChannel = c.patchSize * c.patchSize * c.inChannels;
    if (out != perChannel && out != 2 * perChannel)
        throw Error(source.at("final_layer.linear.weight").origin,
                    "final layer has " + std::to_string(out) + " outputs, expected " + std::to_string(perChannel) +
                        " or " + std::to_string(2 * perChannel));
    c.predSigma = out == 2 * perChannel;
    c.qkNorm = source.count("blocks.0.attn.norm_q.weight") != 0;
    c.maxSeqLen = maxSeqLen;
    constexpr int64_t kReleasedHeadDim = 72;
    if (numHeads <= 0) {
        if (c.hiddenSize % kReleasedHeadDim != 0)
            throw Error(source.at("x_embedder.proj.weight").origin,
                        "hidden size " + std::to_string(c.hiddenSize) +
                            " is not a multiple of 72; the number of heads must be given");
        numHeads = c.hiddenSize / kReleasedHeadDim;
    }
    if (c.hiddenSize % numHeads != 0 || (c.hiddenSize / numHeads) % 2 != 0)
        throw Error("DiTACE: hidden size " + std::to_string(c.hiddenSize) + " does not split into " +
                    std::to_string(numHeads) + " heads of even size");
    c.numHeads = numHeads;
    if (c.depth == 0) throw Error("DiTACE checkpoint: no blocks.N.scale_shift_table");
    return c;
}

DiTACEImpl::DiTACEImpl(const DiTConfig& config, const DiTOptions& options)
    : torch::nn::Module("DiTACE"),
      m_config(config),
      m_options(options),
      m_rope(config.headDim(), config.maxSeqLen) {
    const auto opts = torch::TensorOptions().dtype(options.dtype).device(options.device);
    const int64_t c = config.hiddenSize;
    m_xEmbedder = register_module("x_embedder", dit::PatchEmbed(config.patchSize, config.inChannels + 1, c, opts));
    m_tEmbedder = register_module("t_embedder", dit::TimestepEmbedder(c, opts));
    m_yEmbedder = register_module("y_embedder", dit::Mlp(config.yChannels, c, c, opts));
    m_tBlock = register_module("t_block", torch::nn::Sequential(torch::nn::SiLU(), dit::Linear(c, 6 * c, opts)));
    m_blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.depth; ++i) {
        m_blockList.emplace_back(c, config.numHeads, config.mlpHidden, config.qkNorm, opts);
        m_blocks->push_back(m_blockList.back());
    }
    m_finalLayer = register_module(
        "final_layer", dit::T2IFinalLayer(c, config.patchSize * config.patchSize * config.outChannels(), opts));
}

torch::Tensor DiTACEImpl::indicatorTable(const torch::Tensor& pos) {
    const c10::AutoGradMode gradMode(m_options.trainable);  // off for inference
    if (pos.dim() != 2 || pos.size(1) != m_config.yChannels)
        badInput("indicator embeddings " + shapeText(pos) + ", expected [n, " + std::to_string(m_config.yChannels) +
                 "]");
    torch::Tensor table = m_yEmbedder(pos.to(device()));
    trace("y_embedder", table);
    return table;
}

std::vector<torch::Tensor> DiTACEImpl::forward(const std::vector<DitSample>& batch, const torch::Tensor& t,
                                               const torch::Tensor& pos) {
    return forwardWithIndicators(batch, t, indicatorTable(pos));
}

std::vector<torch::Tensor> DiTACEImpl::forwardWithIndicators(const std::vector<DitSample>& batch,
                                                             const torch::Tensor& t, const torch::Tensor& table) {
    const DitPrepared prepared = prepare(batch, table);
    std::vector<torch::Tensor> frame0;
    for (const DitSample& sample : batch) frame0.push_back(sample.frames.front().latent);
    return forwardPrepared(prepared, frame0, t, table);
}

DitPrepared DiTACEImpl::prepare(const std::vector<DitSample>& batch, const torch::Tensor& table) {
    const c10::AutoGradMode gradMode(m_options.trainable);  // off for inference
    const DiTConfig& cfg = m_config;
    const torch::Device device = this->device();
    const int64_t p = cfg.patchSize;
    const auto b = static_cast<int64_t>(batch.size());
    if (b == 0) badInput("empty batch");
    if (table.dim() != 2 || table.size(1) != cfg.hiddenSize)
        badInput("indicator table " + shapeText(table) + ", expected [n, " + std::to_string(cfg.hiddenSize) + "]");

    // Validate every frame before any work.
    for (int64_t s = 0; s < b; ++s) {
        const auto& frames = batch[s].frames;
        if (frames.empty()) badInput("sample " + std::to_string(s) + " has no frames");
        for (size_t f = 0; f < frames.size(); ++f) {
            const DitFrame& fr = frames[f];
            const std::string where = "sample " + std::to_string(s) + " frame " + std::to_string(f) + ": ";
            if (!fr.latent.defined() || fr.latent.dim() != 3 || fr.latent.size(0) != cfg.inChannels)
                badInput(where + "latent " + (fr.latent.defined() ? shapeText(fr.latent) : "missing") +
                         ", expected [" + std::to_string(cfg.inChannels) + ", h, w]");
            const int64_t h = fr.latent.size(1), w = fr.latent.size(2);
            if (h < p || w < p || h % p || w % p)
                badInput(where + "latent " + shapeText(fr.latent) + " is not a positive multiple of the patch size " +
                         std::to_string(p));
            if (fr.mask.defined() && (fr.mask.dim() != 3 || fr.mask.size(0) != 1 || fr.mask.size(1) != h ||
                                      fr.mask.size(2) != w))
                badInput(where + "mask " + shapeText(fr.mask) + " does not match the latent " + shapeText(fr.latent));
            if (!fr.text.defined() || fr.text.dim() != 2 || fr.text.size(0) < 1 || fr.text.size(1) != cfg.yChannels)
                badInput(where + "text " + (fr.text.defined() ? shapeText(fr.text) : "missing") + ", expected [t_len, " +
                         std::to_string(cfg.yChannels) + "]");
            if (fr.indicator < 0 || fr.indicator >= table.size(0))
                badInput(where + "indicator " + std::to_string(fr.indicator) + " outside the table of " +
                         std::to_string(table.size(0)));
        }
    }

    DitPrepared prep;
    dit::AttentionLayout& layout = prep.layout;
    layout.attentionDtype = m_options.roundQkvToHalf ? torch::kHalf : m_options.dtype;
    // A CPU fp16 attention runs in fp32 on rounded inputs (same rounding points, fp32 accumulation).
    layout.emulateHalf = layout.attentionDtype == torch::kHalf && device.is_cpu();

    // Frames on the device, once; texts: one y_embedder GEMM over all frames' texts, then each
    // text + P[indicator].
    std::vector<torch::Tensor> texts;
    std::vector<int64_t> textIndicators;
    std::vector<torch::Tensor> rotations;
    for (const DitSample& sample : batch) {
        DitSample& placed = prep.batch.emplace_back();
        std::vector<std::array<int64_t, 2>> grids;
        int64_t sampleTokens = 0;
        for (const DitFrame& fr : sample.frames) {
            DitFrame& d = placed.frames.emplace_back();
            d.latent = fr.latent.to(device, torch::kFloat32);
            d.mask = fr.mask.defined() ? fr.mask.to(device, torch::kFloat32) : torch::ones_like(d.latent.narrow(0, 0, 1));
            d.text = fr.text.to(device);
            d.indicator = fr.indicator;
            texts.push_back(d.text);
            layout.textTokens.push_back(fr.text.size(0));
            textIndicators.insert(textIndicators.end(), fr.text.size(0), fr.indicator);
            const int64_t rows = fr.latent.size(1) / p, cols = fr.latent.size(2) / p;
            grids.push_back({rows, cols});
            layout.frameTokens.push_back(rows * cols);
            sampleTokens += rows * cols;
        }
        prep.frame0Grid.push_back(grids.front());
        const torch::Tensor& l0 = sample.frames.front().latent;
        prep.frame0Shape.push_back({l0.size(0), l0.size(1), l0.size(2)});
        layout.sampleTokens.push_back(sampleTokens);
        rotations.push_back(m_rope.sampleRotation(grids));
    }
    torch::Tensor y = m_yEmbedder(torch::cat(texts));  // [T, C]
    if (m_trace) {
        int64_t start = 0;
        for (int64_t len : layout.textTokens) {
            trace("y_embedder", y.narrow(0, start, len));
            start += len;
        }
    }
    prep.y = y + table.index_select(0, torch::tensor(textIndicators, torch::kInt64).to(device)).to(y.scalar_type());
    layout.rotation = torch::cat(rotations).to(device);  // [S, D/2] complex128
    prep.modulation.repeats = torch::tensor(layout.sampleTokens, torch::kInt64).to(device);
    for (int64_t n : layout.sampleTokens) prep.modulation.totalTokens += n;
    return prep;
}

std::vector<torch::Tensor> DiTACEImpl::forwardPrepared(const DitPrepared& prep, const std::vector<torch::Tensor>& frame0,
                                                       const torch::Tensor& t, const torch::Tensor& table) {
    const c10::AutoGradMode gradMode(m_options.trainable);  // off for inference
    const DiTConfig& cfg = m_config;
    const torch::Device device = this->device();
    const int64_t p = cfg.patchSize;
    const auto b = static_cast<int64_t>(prep.batch.size());
    if (t.dim() != 1 || t.size(0) != b) badInput("t " + shapeText(t) + " for a batch of " + std::to_string(b));
    if (static_cast<int64_t>(frame0.size()) != b)
        badInput(std::to_string(frame0.size()) + " frame-0 latents for a batch of " + std::to_string(b));
    for (int64_t s = 0; s < b; ++s) {
        const auto& shape = prep.frame0Shape[s];
        if (!frame0[s].defined() || frame0[s].dim() != 3 || frame0[s].size(0) != shape[0] ||
            frame0[s].size(1) != shape[1] || frame0[s].size(2) != shape[2])
            badInput("sample " + std::to_string(s) + " frame 0: latent " +
                     (frame0[s].defined() ? shapeText(frame0[s]) : "missing") + " differs from the prepared shape");
    }
    const dit::AttentionLayout& layout = prep.layout;

    // Patches: per frame cat(latent, mask) -> conv -> tokens row-major + P[indicator].
    std::vector<torch::Tensor> tokens;
    for (int64_t s = 0; s < b; ++s) {
        const auto& frames = prep.batch[s].frames;
        for (size_t f = 0; f < frames.size(); ++f) {
            const DitFrame& fr = frames[f];
            const torch::Tensor latent = f == 0 ? frame0[s].to(device, torch::kFloat32) : fr.latent;
            const torch::Tensor patches = m_xEmbedder(torch::cat({latent, fr.mask}).unsqueeze(0));  // [1, C, a, b]
            trace("x_embedder", patches);
            tokens.push_back(patches[0].flatten(1).t() + table[fr.indicator].to(patches.scalar_type()));
        }
    }
    // The residual stream is float32 (exact for fp16/bf16 embeddings).
    torch::Tensor x = torch::cat(tokens).to(torch::kFloat32);  // [S, C]

    // Timestep: one embedding per sample, applied to all of its tokens. Whether all samples share
    // it is read from t's strides or, on the CPU, its values: never a device-to-host copy.
    dit::TokenModulation modulation = prep.modulation;
    const torch::Tensor tc = t.to(device);
    modulation.uniform = b == 1 || t.stride(0) == 0 || (t.is_cpu() && torch::equal(t, t[0].expand({b})));
    const torch::Tensor temb = m_tEmbedder(tc);        // [B, C]
    const torch::Tensor t0 = m_tBlock->forward(temb);  // [B, 6C]
    if (m_trace) {
        trace("t_embedder", temb.repeat_interleave(modulation.repeats, 0, modulation.totalTokens));
        trace("t_block", t0.repeat_interleave(modulation.repeats, 0, modulation.totalTokens));
    }

    for (size_t i = 0; i < m_blockList.size(); ++i) {
        x = m_blockList[i]->forward(x, prep.y, t0, layout, modulation);
        trace("blocks." + std::to_string(i), x);
    }
    const torch::Tensor out = m_finalLayer(x, temb, modulation);  // [S, p*p*outChannels]
    trace("final_layer", out);

    // Unpatchify frame 0 of each sample: token (r, c), channel (pi*p + qi)*out + ch -> pixel
    // (p*r + pi, p*c + qi); keep the eps channels.
    std::vector<torch::Tensor> eps;
    int64_t start = 0;
    for (int64_t s = 0; s < b; ++s) {
        const auto [rows, cols] = prep.frame0Grid[s];
        const torch::Tensor u = out.narrow(0, start, rows * cols).view({rows, cols, p, p, cfg.outChannels()});
        eps.push_back(u.permute({4, 0, 2, 1, 3})
                          .reshape({cfg.outChannels(), rows * p, cols * p})
                          .narrow(0, 0, cfg.inChannels)
                          .to(torch::kFloat32)
                          .contiguous());
        start += layout.sampleTokens[s];
    }
    return eps;
}

}  // namespace ace
