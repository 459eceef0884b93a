#include "parity/ParityRunner.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"
#include "diffusion/Guidance.h"
#include "diffusion/LinearSchedule.h"
#include "diffusion/Samplers.h"
#include "dit/DiTACE.h"
#include "vae/AutoencoderKL.h"

namespace ace {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

class Golden {
public:
    explicit Golden(const fs::path& dir) : m_dir(dir) {
        std::ifstream in(dir / "meta.json");
        if (!in) throw Error(dir / "meta.json", "cannot open the golden data's meta.json");
        try {
            m_meta = json::parse(in);
        } catch (const json::exception& e) {
            throw Error(dir / "meta.json", std::string("invalid JSON: ") + e.what());
        }
        m_tensors = std::make_unique<ckpt::SafetensorsReader>(dir / "golden.safetensors");
    }
    const json& meta() const { return m_meta; }
    const fs::path& dir() const { return m_dir; }
    // A tensor reference of meta.json ({"key": ...}); an undefined tensor for null.
    torch::Tensor get(const json& ref) const {
        if (ref.is_null()) return {};
        return m_tensors->load(ref.at("key").get<std::string>());
    }
    torch::Tensor get(const std::string& key) const { return m_tensors->load(key); }
    bool has(const std::string& key) const { return m_tensors->contains(key); }
    // The configuration named `config` of meta.json (throws naming meta.json when absent).
    const json& config(const std::string& config) const {
        const json& configs = m_meta.at("configs");
        if (!configs.contains(config))
            throw Error(m_dir / "meta.json", "a case names configuration '" + config + "', which configs lacks");
        return configs.at(config);
    }
    // The weight file of a configuration: the file its PRETRAINED_MODEL names in this directory
    // (several configurations may share one), else <config>.safetensors, .pth or .bin.
    fs::path weightsOf(const std::string& config) const {
        const json& cfg = m_meta.at("configs").value(config, json::object());
        if (cfg.contains("PRETRAINED_MODEL") && cfg["PRETRAINED_MODEL"].is_string()) {
            const fs::path named(cfg["PRETRAINED_MODEL"].get<std::string>());
            // Only a plain file name of this directory: never a path leading elsewhere.
            if (named.has_filename() && named == named.filename() && fs::exists(m_dir / named)) return m_dir / named;
        }
        for (const char* ext : {".safetensors", ".pth", ".bin"})
            if (fs::exists(m_dir / (config + ext))) return m_dir / (config + ext);
        return {};
    }
    // The configuration a case runs with: its "config" entry, else the first configuration named
    // `modelName` that has a weight file.
    std::string configOf(const json& c, const std::string& modelName) const {
        if (c.contains("config")) {
            const std::string name = c["config"].get<std::string>();
            if (config(name).value("NAME", "") != modelName)
                throw Error(m_dir / "meta.json", "configuration '" + name + "' is not a " + modelName);
            if (weightsOf(name).empty())
                throw Error(m_dir, "no weight file for configuration '" + name + "'");
            return name;
        }
        const std::string found = configWithWeights(modelName);
        if (found.empty()) throw Error(m_dir, "no " + modelName + " configuration with a weight file");
        return found;
    }
    // The first configuration named `modelName` that has a weight file.
    std::string configWithWeights(const std::string& modelName) const {
        for (auto it = m_meta.at("configs").begin(); it != m_meta.at("configs").end(); ++it)
            if (it->value("NAME", "") == modelName && !weightsOf(it.key()).empty()) return it.key();
        return {};
    }

private:
    fs::path m_dir;
    json m_meta;
    std::unique_ptr<ckpt::SafetensorsReader> m_tensors;
};

ParityCheck check(const std::string& caseName, const std::string& item, const torch::Tensor& actual,
                  const torch::Tensor& expected, double tolerance) {
    ParityCheck c{caseName, item, 0, 0, tolerance};
    if (actual.sizes() != expected.sizes()) {
        std::ostringstream why;
        why << item << ": shape " << actual.sizes() << " vs expected " << expected.sizes();
        c.item = why.str();
        c.maxAbs = std::numeric_limits<double>::infinity();
        return c;
    }
    const auto a = actual.detach().to(torch::kCPU, torch::kFloat64);
    const auto e = expected.detach().to(torch::kCPU, torch::kFloat64);
    c.maxAbs = (a - e).abs().max().item<double>();
    c.scale = e.abs().max().item<double>();
    if (!std::isfinite(c.maxAbs)) c.maxAbs = std::numeric_limits<double>::infinity();
    return c;
}

ParityCheck failure(const std::string& caseName, const std::string& why) {
    ParityCheck c{caseName, "could not run: " + why, std::numeric_limits<double>::infinity(), 1.0, 0.0};
    return c;
}

// ---- DiT -------------------------------------------------------------------------------------

DiTACE loadDit(const Golden& g, const std::string& config) {
    const json& cfg = g.meta().at("configs").at(config);
    const fs::path file = g.weightsOf(config);
    const auto source = ckpt::mapDitKeys(ckpt::openSource(file));
    const DiTConfig c =
        DiTConfig::fromSource(source, cfg.at("MAX_SEQ_LEN").get<int64_t>(), cfg.at("NUM_HEADS").get<int64_t>());
    DiTACE dit(c);
    ckpt::loadStrict(*dit, source, file.string());
    dit->eval();
    return dit;
}

struct DitCall {
    std::vector<DitSample> batch;
    std::vector<std::pair<int64_t, int64_t>> shapes;  // frame 0 latent (h, w) per sample
    torch::Tensor t, pos;
};

// The reference's forward arguments (meta.json "kwargs") as our per-sample frames. A null mask
// means ones, as in DiTACE.forward; each text keeps its first sum(mask) rows.
DitCall marshalDit(const Golden& g, const json& kwargs, const torch::Tensor& xOverride = {}) {
    DitCall call;
    const torch::Tensor x = xOverride.defined() ? xOverride : g.get(kwargs.at("x"));
    if (kwargs.contains("t")) call.t = g.get(kwargs["t"]);  // absent in the sampler's model_kwargs
    call.pos = g.get(kwargs.at("text_position_embeddings"));
    const json& cond = kwargs.at("cond");
    const json& shapes = cond.at("x_shapes").at("value");
    for (size_t b = 0; b < shapes.size(); ++b) {
        const int64_t h = shapes[b][0], w = shapes[b][1];
        call.shapes.emplace_back(h, w);
        std::vector<torch::Tensor> texts;
        const json& ctx = cond.at("crossattn").at(b);
        for (size_t k = 0; k < ctx.size(); ++k) {
            const int64_t len = g.get(kwargs.at("mask").at(b).at(k)).sum().item<int64_t>();
            texts.push_back(g.get(ctx[k]).slice(0, 0, len));
        }
        auto maskOr = [](const torch::Tensor& m, int64_t mh, int64_t mw) {
            return m.defined() ? m.reshape({1, mh, mw}) : torch::ones({1, mh, mw});
        };
        DitSample s;
        std::vector<torch::Tensor> latents{x[b].slice(1, 0, h * w).reshape({x.size(1), h, w})};
        std::vector<torch::Tensor> masks{maskOr(g.get(cond.at("x_mask").at(b)), h, w)};
        if (cond.contains("edit") && !cond["edit"].at(b).is_null()) {
            const json& edits = cond["edit"][b];
            for (size_t j = 0; j < edits.size(); ++j) {
                const torch::Tensor e = g.get(edits[j]).squeeze(0);
                const json& em = cond.at("edit_mask").at(b);
                latents.push_back(e);
                masks.push_back(maskOr(em.is_null() ? torch::Tensor() : g.get(em.at(j)), e.size(1), e.size(2)));
            }
        }
        const int frames = static_cast<int>(latents.size());
        if (static_cast<int>(texts.size()) != frames)
            throw Error("sample " + std::to_string(b) + " has " + std::to_string(frames) + " frames but " +
                        std::to_string(texts.size()) + " texts");
        for (int f = 0; f < frames; ++f)
            s.frames.push_back({latents[f], masks[f], texts[f], f == 0 ? frames - 1 : f - 1});
        call.batch.push_back(std::move(s));
    }
    return call;
}

// Our per-sample frame-0 outputs ([C, h, w] each) packed like the reference's (B, C, L),
// zero-padded as its pad_sequence does.
torch::Tensor packOutputs(const std::vector<torch::Tensor>& eps, int64_t length) {
    const int64_t channels = eps.empty() ? 0 : eps.front().size(0);
    auto out = torch::zeros({static_cast<int64_t>(eps.size()), channels, length});
    for (size_t b = 0; b < eps.size(); ++b) {
        const auto flat = eps[b].reshape({channels, -1}).to(torch::kFloat32);
        out[b].slice(1, 0, flat.size(1)).copy_(flat);
    }
    return out;
}

void runDitCase(const Golden& g, const std::string& name, const json& c, DiTACE& dit, const ParityOptions& o,
                const std::function<void(ParityCheck)>& emit) {
    torch::NoGradGuard noGrad;
    const DitCall call = marshalDit(g, c.at("kwargs"));
    for (const bool half : {false, true}) {
        const char* outKey = half ? "out" : "out_fp32attn";
        if (!c.contains(outKey)) continue;
        const torch::Tensor expected = g.get(c.at(outKey));
        std::map<std::string, std::vector<torch::Tensor>> traces;
        dit->setRoundQkvToHalf(half);
        if (!half && o.traces && c.contains("trace_fp32attn"))
            dit->setTrace([&](const std::string& module, const torch::Tensor& t) { traces[module].push_back(t.clone()); });
        const auto eps = dit->forward(call.batch, call.t, call.pos);
        dit->setTrace({});
        dit->setRoundQkvToHalf(false);
        emit(check(name, outKey, packOutputs(eps, expected.size(2)), expected, half ? o.fp16Tolerance : o.fp32Tolerance));
        if (half || !o.traces || !c.contains("trace_fp32attn")) continue;
        // Trace names: "module" for the first call of a module, "module#k" for the k-th after it.
        for (auto it = c["trace_fp32attn"].begin(); it != c["trace_fp32attn"].end(); ++it) {
            const std::string key = it.key();
            const auto hash = key.find('#');
            const std::string module = key.substr(0, hash);
            const size_t index = hash == std::string::npos ? 0 : std::stoul(key.substr(hash + 1));
            auto found = traces.find(module);
            if (found == traces.end() || index >= found->second.size()) {
                emit(failure(name, "trace " + key + " was not recorded by the engine"));
                continue;
            }
            emit(check(name, "trace " + key, found->second[index], g.get(it.value()), o.fp32Tolerance));
        }
    }
}

// ---- VAE -------------------------------------------------------------------------------------

void runVaeCase(const Golden& g, const json& c, const ParityOptions& o, const std::function<void(ParityCheck)>& emit) {
    torch::NoGradGuard noGrad;
    const std::string config = g.configOf(c, "AutoencoderKL");
    const fs::path file = g.weightsOf(config);
    AutoencoderKL vae = loadAutoencoderKL(ckpt::openSource(file), torch::kFloat32, torch::kCPU);

    const torch::Tensor x = g.get(c.at("in"));
    auto [mean, logvar] = vae->moments(x);
    emit(check("vae", "mean", mean, g.get(c.at("mean")), o.fp32Tolerance));
    emit(check("vae", "logvar_clamped", logvar, g.get(c.at("logvar_clamped")), o.fp32Tolerance));
    const torch::Tensor stdev = torch::exp(0.5 * logvar);
    emit(check("vae", "std", stdev, g.get(c.at("std")), o.fp32Tolerance));
    const torch::Tensor z = mean + stdev * g.get(c.at("eps"));
    emit(check("vae", "encode_out_sample", z, g.get(c.at("encode_out_sample")), o.fp32Tolerance));
    emit(check("vae", "decode_out", vae->decode(g.get(c.at("decode_in"))), g.get(c.at("decode_out")), o.fp32Tolerance));
}

// ---- Sampler ---------------------------------------------------------------------------------

double callArgument(const std::string& call, const std::string& name, double fallback) {
    std::smatch m;
    if (std::regex_search(call, m, std::regex(name + "=([0-9.eE+-]+)"))) return std::stod(m[1].str());
    return fallback;
}

void runSamplerCase(const Golden& g, const json& c, DiTACE& dit, const ParityOptions& o,
                    const std::function<void(ParityCheck)>& emit) {
    torch::NoGradGuard noGrad;
    const json& inputs = c.at("inputs");
    // Guidance: explicit fields where the set has them, else the arguments written in "call".
    const std::string callText = c.value("call", "");
    const double scale = c.value("guide_scale", callArgument(callText, "guide_scale", 4.5));
    const double rescale = c.value("guide_rescale", callArgument(callText, "guide_rescale", 0.5));
    const torch::Tensor packedNoise = g.get(inputs.at("noise"));  // [1, C, L]
    // The engine samples one LCU at a time; a batched trajectory would also need the reference's
    // guide-rescale std over a zero-padded batch, which no engine path reproduces.
    if (packedNoise.size(0) != 1)
        return emit(failure("sampler", "a sampler trajectory of " + std::to_string(packedNoise.size(0)) +
                                           " samples (only single-sample trajectories are supported)"));
    const DitCall condCall = marshalDit(g, inputs.at("model_kwargs").at(0), packedNoise);
    const DitCall uncondCall = marshalDit(g, inputs.at("model_kwargs").at(1), packedNoise);
    const auto [h, w] = condCall.shapes.at(0);
    const int64_t ch = packedNoise.size(1);
    const LinearSchedule schedule;

    for (const bool half : {false, true}) {
        const std::string variant = half ? "sampler" : "sampler_fp32attn";
        if (!c.contains(variant)) continue;
        const json& v = c.at(variant);
        const int steps = v.at("schedule").at("n_steps").get<int>();
        dit->setRoundQkvToHalf(half);
        std::vector<torch::Tensor> inputs, conds, unconds, models, nexts, x0s;
        DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
            inputs.push_back(x.reshape({1, ch, h * w}).clone());
            DitSample cs = condCall.batch.at(0), us = uncondCall.batch.at(0);
            cs.frames[0].latent = us.frames[0].latent = x.reshape({ch, h, w});
            const auto tt = t.reshape({1}).repeat({2});
            auto eps = dit->forward({cs, us}, tt, condCall.pos);
            conds.push_back(eps[0].reshape({1, ch, h * w}));
            unconds.push_back(eps[1].reshape({1, ch, h * w}));
            models.push_back(t.reshape({1}).clone());
            return guide(eps[0].unsqueeze(0), eps[1].unsqueeze(0), scale, rescale, false);
        };
        StepFn onStep = [&](const SamplerStep& s) {
            nexts.push_back(s.x.clone());
            x0s.push_back(s.x0.clone());
        };
        const torch::Tensor out = sampleDdim(denoise, packedNoise.slice(2, 0, h * w).reshape({1, ch, h, w}), schedule, steps, onStep);
        dit->setRoundQkvToHalf(false);
        const double tol = half ? o.fp16Tolerance : o.fp32Tolerance;
        const json& stepList = v.at("steps");
        if (stepList.size() != nexts.size())
            emit(failure(variant, std::to_string(nexts.size()) + " steps run, the reference made " +
                                      std::to_string(stepList.size())));
        for (size_t k = 0; k < stepList.size() && k < nexts.size(); ++k) {
            const json& st = stepList[k];
            const std::string step = "step " + std::to_string(k) + " ";
            if (st.contains("x_t")) emit(check(variant, step + "x_t", inputs[k], g.get(st["x_t"]), tol));
            if (st.contains("t_model")) emit(check(variant, step + "t_model", models[k], g.get(st["t_model"]), 0.0));
            if (st.contains("eps_cond")) emit(check(variant, step + "eps_cond", conds[k], g.get(st["eps_cond"]), tol));
            if (st.contains("eps_uncond"))
                emit(check(variant, step + "eps_uncond", unconds[k], g.get(st["eps_uncond"]), tol));
            if (st.contains("x0_pred"))
                emit(check(variant, step + "x0_pred", x0s[k].reshape({1, ch, h * w}), g.get(st["x0_pred"]), tol));
            emit(check(variant, step + "x_next", nexts[k].reshape({1, ch, h * w}), g.get(st.at("x_next")), tol));
        }
        emit(check(variant, "out", out.reshape({1, ch, h * w}), g.get(v.at("out")), tol));
    }
}

// The golden key of a DiT configuration's RoPE table: "dit.<config>.freqs_as_real", or with the
// configuration's "dit_" prefix dropped ("dit.tiny.freqs_as_real" for dit_tiny); empty if absent.
std::string ropeTableKey(const Golden& g, const std::string& config) {
    std::vector<std::string> names{config};
    if (config.starts_with("dit_")) names.push_back(config.substr(4));
    for (const auto& name : names)
        if (g.has("dit." + name + ".freqs_as_real")) return "dit." + name + ".freqs_as_real";
    return {};
}

}  // namespace

std::vector<ParityCheck> runParity(const fs::path& dir, const ParityOptions& options,
                                   const std::function<void(const ParityCheck&)>& onCheck) {
    const Golden g(dir);
    std::vector<ParityCheck> all;
    auto emit = [&](ParityCheck c) {
        if (onCheck) onCheck(c);
        all.push_back(std::move(c));
    };
    const json& cases = g.meta().at("cases");
    // One DiT per configuration the cases use, loaded on first use; its RoPE table is checked
    // then when the set records it.
    std::map<std::string, DiTACE> dits;
    auto needDit = [&](const json& c) -> DiTACE& {
        const std::string config = g.configOf(c, "DiTACE");
        auto found = dits.find(config);
        if (found != dits.end()) return found->second;
        DiTACE& dit = dits.emplace(config, loadDit(g, config)).first->second;
        if (const std::string key = ropeTableKey(g, config); !key.empty())
            emit(check("rope." + config, "freqs_as_real", dit->rope().tableAsReal(), g.get(key), options.fp32Tolerance));
        return dit;
    };
    for (auto it = cases.begin(); it != cases.end(); ++it) {
        const std::string name = it.key();
        try {
            if (name.starts_with("dit.") && it->contains("kwargs")) runDitCase(g, name, *it, needDit(*it), options, emit);
            else if (name == "vae") runVaeCase(g, *it, options, emit);
            else if (name == "sampler") runSamplerCase(g, *it, needDit(*it), options, emit);
        } catch (const std::exception& e) {
            emit(failure(name, e.what()));
        }
    }
    if (all.empty()) throw Error(dir, "no case of this golden directory could be run");
    return all;
}

}  // namespace ace
