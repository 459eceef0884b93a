#pragma once
// DiTACE, the ACE diffusion transformer (ace-reference.md §4, quirks §8), in LibTorch.
//
// A batch holds samples of any sizes; each sample is a list of frames (frame 0 = the noisy
// target, frames 1.. = condition images), each frame with its own text. Tokens of all samples
// run as one concatenated stream through the Linear layers; attention is split per sample
// (self) and per frame/text pair (cross) without padding (see varlenAttention).
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include "checkpoint/StateDict.h"
#include "dit/DiTLayers.h"
#include "dit/RoPE3D.h"

namespace ace {

// The architecture. Everything but numHeads and maxSeqLen is read from a checkpoint's shapes.
struct DiTConfig {
    int64_t patchSize = 2;
    int64_t inChannels = 4;  // latent channels; the patch embedder takes inChannels + 1 (mask)
    int64_t hiddenSize = 1152;
    int64_t depth = 28;
    int64_t numHeads = 16;
    int64_t mlpHidden = 4608;
    int64_t yChannels = 4096;
    int64_t maxSeqLen = 1024;  // RoPE table rows per axis (MODEL.DIFFUSION_MODEL.MAX_SEQ_LEN)
    bool predSigma = true;
    bool qkNorm = true;

    int64_t headDim() const { return hiddenSize / numHeads; }
    int64_t outChannels() const { return predSigma ? 2 * inChannels : inChannels; }

    // Reads the shapes of a source in the model's own key names (after ckpt::mapDitKeys).
    // numHeads cannot be inferred from shapes: 0 means head_dim 72 (the released models: 1152/72
    // = 16 heads), which needs hiddenSize divisible by 72; pass it explicitly otherwise (the tiny
    // test model: 4). Throws ace::Error naming the key when the source is not a DiTACE.
    static DiTConfig fromSource(const ckpt::TensorSource& source, int64_t maxSeqLen, int64_t numHeads = 0);
};

// Runtime precision and placement, chosen in this one place.
struct DiTOptions {
    // Compute dtype of Linear/Conv weights and matmuls (kFloat32, kHalf, kBFloat16); LayerNorm,
    // RMS statistics, modulation and the residual stream stay float32, RoPE float64 (as the
    // reference under autocast). Reduced precision halves the weights' memory.
    torch::Dtype dtype = torch::kFloat32;
    torch::Device device = torch::kCPU;
    // The reference path: q, k, v rounded to fp16 before attention and the attention output
    // rounded to fp16 (flash-attn's contract), even with fp32 weights.
    bool roundQkvToHalf = false;
    // Inference runs forward without autograd; the trainer (ace-train) sets this to build the
    // graph for backpropagation.
    bool trainable = false;
};

namespace dit {
// Called with a module path ("x_embedder", "blocks.3", ...) and its output, once per call of
// that module (several times for per-frame/per-text modules), in the reference's call order.
using TraceFn = std::function<void(const std::string& module, const torch::Tensor& output)>;
}  // namespace dit

struct DitFrame {
    torch::Tensor latent;  // [4, h, w]; frame 0 = the noisy target x, others = 0.18215·VAE(E_j)
    torch::Tensor mask;    // [1, h, w] latent-size mask; undefined = all ones
    torch::Tensor text;    // [t_len, yChannels] this frame's text (T5 rows [0, t_len))
    int indicator = 0;     // row of the indicator table (target: frames-1, frame j: j-1)
};

struct DitSample {
    std::vector<DitFrame> frames;
};

// What a forward derives from a batch apart from frame 0's latents and the timesteps: the frames
// on the model's device, the token layout with its RoPE rotations, and the text rows (y_embedder
// + indicators). Constant over the steps of a sampler run: DiTACEImpl::prepare builds it once,
// forwardPrepared then runs a step without host-to-device copies or host synchronisation.
struct DitPrepared {
    std::vector<DitSample> batch;  // frames on the device; frame 0's latent is the step's input
    dit::AttentionLayout layout;
    dit::TokenModulation modulation;
    torch::Tensor y;  // [T, C] all frames' text rows
    std::vector<std::array<int64_t, 2>> frame0Grid;  // patch grid of each sample's frame 0
    std::vector<std::array<int64_t, 3>> frame0Shape;  // [4, h0, w0] of each sample's frame 0
};

class DiTACEImpl : public torch::nn::Module {
public:
    explicit DiTACEImpl(const DiTConfig& config, const DiTOptions& options = {});

    const DiTConfig& config() const { return m_config; }
    const DiTOptions& options() const { return m_options; }
    // Where the weights are now (DiTOptions::device at construction, or after module->to(device)).
    // The compute dtype is fixed at construction.
    torch::Device device() const { return m_xEmbedder->weight().device(); }
    void setRoundQkvToHalf(bool on) { m_options.roundQkvToHalf = on; }
    void setTrace(dit::TraceFn trace) { m_trace = std::move(trace); }
    const dit::RoPE3D& rope() const { return m_rope; }

    // P = y_embedder(pos): [10, yChannels] -> [10, hiddenSize] (compute dtype). Constant for a
    // run: compute it once and pass it to forwardWithIndicators.
    torch::Tensor indicatorTable(const torch::Tensor& pos);

    // Returns per sample the predicted eps of frame 0: [4, h0, w0] float32 (sigma channels
    // dropped). t: [B] timesteps (int64 or float). Throws ace::Error on malformed input.
    std::vector<torch::Tensor> forward(const std::vector<DitSample>& batch, const torch::Tensor& t,
                                       const torch::Tensor& pos);
    std::vector<torch::Tensor> forwardWithIndicators(const std::vector<DitSample>& batch, const torch::Tensor& t,
                                                     const torch::Tensor& table);

    // forwardWithIndicators in two parts: prepare validates the batch and computes what stays
    // the same across steps (frame 0 gives only its shape there); forwardPrepared takes
    // frame 0's latent of each sample ([4, h0, w0], the prepared shapes) and t [B]. A t whose
    // entries all alias one element (t.expand({B})) or a CPU t with equal entries shares one
    // modulation row for all tokens; a device t of distinct views is never read on the host.
    DitPrepared prepare(const std::vector<DitSample>& batch, const torch::Tensor& table);
    std::vector<torch::Tensor> forwardPrepared(const DitPrepared& prepared, const std::vector<torch::Tensor>& frame0,
                                               const torch::Tensor& t, const torch::Tensor& table);

private:
    void trace(const std::string& module, const torch::Tensor& output) const {
        if (m_trace) m_trace(module, output);
    }

    DiTConfig m_config;
    DiTOptions m_options;
    dit::RoPE3D m_rope;
    dit::TraceFn m_trace;

    dit::PatchEmbed m_xEmbedder{nullptr};
    dit::TimestepEmbedder m_tEmbedder{nullptr};
    dit::Mlp m_yEmbedder{nullptr};
    torch::nn::Sequential m_tBlock{nullptr};
    torch::nn::ModuleList m_blocks{nullptr};  // "blocks.N", the same modules as m_blockList
    std::vector<dit::DiTACEBlock> m_blockList;
    dit::T2IFinalLayer m_finalLayer{nullptr};
};
TORCH_MODULE(DiTACE);

}  // namespace ace
