#pragma once
// Turns a dit.* golden case (the reference forward's kwargs, see meta.json) into DitSamples, and
// loads the tiny DiT checkpoint. Shared by the DiT tests.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "GoldenData.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/StateDict.h"
#include "dit/DiTACE.h"

namespace ace::test {

struct DitGoldenCase {
    std::vector<DitSample> batch;
    torch::Tensor t;    // [B]
    torch::Tensor pos;  // [10, yChannels]
    // Per sample the reference outputs reshaped to [4, h0, w0] (padding removed).
    std::vector<torch::Tensor> out, outFp32Attn;
};

inline torch::Tensor goldenTensor(const GoldenData& g, const nlohmann::json& ref) {
    return g.tensor(ref.at("key").get<std::string>());
}

inline DitGoldenCase loadDitCase(const GoldenData& g, const std::string& name) {
    const nlohmann::json& c = g.meta().at("cases").at(name);
    const nlohmann::json& kw = c.at("kwargs");
    const nlohmann::json& cond = kw.at("cond");
    DitGoldenCase gc;
    const torch::Tensor x = goldenTensor(g, kw.at("x"));  // [B, 4, Lmax] packed row-major
    gc.t = goldenTensor(g, kw.at("t"));
    gc.pos = goldenTensor(g, kw.at("text_position_embeddings"));
    const torch::Tensor out = goldenTensor(g, c.at("out"));
    const torch::Tensor outFp32 = goldenTensor(g, c.at("out_fp32attn"));
    const auto& shapes = cond.at("x_shapes").at("value");
    for (size_t b = 0; b < shapes.size(); ++b) {
        const int64_t h = shapes[b][0], w = shapes[b][1];
        const auto& ctx = cond.at("crossattn")[b];
        const auto& ctxMask = kw.at("mask")[b];
        const auto frames = static_cast<int>(ctx.size());
        auto text = [&](int f) {
            const int64_t len = goldenTensor(g, ctxMask[f]).sum().item<int64_t>();
            return goldenTensor(g, ctx[f]).narrow(0, 0, len);
        };
        auto optionalMask = [&](const nlohmann::json& ref) {
            return ref.is_null() ? torch::Tensor() : goldenTensor(g, ref).squeeze(0);
        };
        DitSample sample;
        // Frame 0: the noisy target, with the last indicator (quirk §8.5).
        sample.frames.push_back(
            {x[b].narrow(1, 0, h * w).reshape({4, h, w}), optionalMask(cond.at("x_mask")[b]), text(0), frames - 1});
        const auto& edits = cond.at("edit")[b];
        const auto& editMasks = cond.at("edit_mask")[b];
        for (size_t j = 0; j < edits.size(); ++j) {
            const int f = static_cast<int>(j) + 1;
            sample.frames.push_back(
                {goldenTensor(g, edits[j]).squeeze(0), optionalMask(editMasks[j]), text(f), f - 1});
        }
        gc.batch.push_back(std::move(sample));
        gc.out.push_back(out[b].narrow(1, 0, h * w).reshape({4, h, w}));
        gc.outFp32Attn.push_back(outFp32[b].narrow(1, 0, h * w).reshape({4, h, w}));
    }
    return gc;
}

// The tiny model and its checkpoint source (mapped to the model's names).
struct TinyDit {
    ckpt::TensorSource source;
    DiTConfig config;
    DiTACE model{nullptr};
};

inline DiTConfig tinyConfig(const GoldenData& g, const ckpt::TensorSource& source) {
    const nlohmann::json& cfg = g.meta().at("configs").at("dit_tiny");
    return DiTConfig::fromSource(source, cfg.at("MAX_SEQ_LEN").get<int64_t>(), cfg.at("NUM_HEADS").get<int64_t>());
}

inline TinyDit loadTinyDit(const GoldenData& g, const DiTOptions& options = {},
                           const std::string& file = "dit_tiny.safetensors") {
    TinyDit t;
    // The engine's path: any checkpoint format, then the one key map (legacy fused names, the
    // 4-channel patch embedder, a state_dict wrapper).
    t.source = ckpt::mapDitKeys(ckpt::openSource(g.file(file)));
    t.config = tinyConfig(g, t.source);
    t.model = DiTACE(t.config, options);
    ckpt::loadStrict(*t.model, t.source, g.file(file).string());
    return t;
}

}  // namespace ace::test
