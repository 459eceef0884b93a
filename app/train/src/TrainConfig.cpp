#include "TrainConfig.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ace/common/Error.h"
#include "ace/imaging/synth/TaskKind.h"

namespace ace::train {
using nlohmann::json;

namespace {

json stageJson(const StageSettings& s) {
    return {{"batch_size", s.batchSize},   {"accumulate", s.accumulate},     {"learning_rate", s.learningRate},
            {"warmup_steps", s.warmupSteps}, {"weight_decay", s.weightDecay}, {"ema_decay", s.emaDecay},
            {"grad_clip", s.gradClip},     {"save_every", s.saveEvery},      {"decay_from_step", s.decayFromStep},
            {"decay_steps", s.decaySteps}, {"decay_floor", s.decayFloor}};
}

StageSettings stageFrom(const json& j, StageSettings s) {
    s.batchSize = j.value("batch_size", s.batchSize);
    s.accumulate = j.value("accumulate", s.accumulate);
    s.learningRate = j.value("learning_rate", s.learningRate);
    s.warmupSteps = j.value("warmup_steps", s.warmupSteps);
    s.weightDecay = j.value("weight_decay", s.weightDecay);
    s.emaDecay = j.value("ema_decay", s.emaDecay);
    s.gradClip = j.value("grad_clip", s.gradClip);
    s.saveEvery = j.value("save_every", s.saveEvery);
    s.decayFromStep = j.value("decay_from_step", s.decayFromStep);
    s.decaySteps = j.value("decay_steps", s.decaySteps);
    s.decayFloor = j.value("decay_floor", s.decayFloor);
    // A batch of zero samples or zero micro-batches would divide by zero in the task schedule and
    // the loss; refuse them here, where the file's name is added.
    if (s.batchSize < 1) throw std::invalid_argument("batch_size must be >= 1");
    if (s.accumulate < 1) throw std::invalid_argument("accumulate must be >= 1");
    if (s.saveEvery < 0) throw std::invalid_argument("save_every must be >= 0 (0: only at the end)");
    if (!(s.learningRate > 0)) throw std::invalid_argument("learning_rate must be > 0");
    if (s.warmupSteps < 0) throw std::invalid_argument("warmup_steps must be >= 0");
    if (!(s.emaDecay >= 0 && s.emaDecay < 1)) throw std::invalid_argument("ema_decay must be within 0..1 (1 excluded)");
    if (!(s.weightDecay >= 0)) throw std::invalid_argument("weight_decay must be >= 0");
    if (s.decayFromStep < 0 || s.decaySteps < 0)
        throw std::invalid_argument("decay_from_step and decay_steps must be >= 0");
    if (s.decayFloor < 0 || s.decayFloor > 1) throw std::invalid_argument("decay_floor must be within 0..1");
    return s;
}

json phasesJson(const std::vector<TaskPhase>& phases) {
    json out = json::array();
    for (const TaskPhase& p : phases) out.push_back({{"from_step", p.fromStep}, {"task_weights", p.weights}});
    return out;
}

// Throws a message without the file name; load() adds it.
std::vector<TaskPhase> phasesFrom(const json& j) {
    std::vector<TaskPhase> phases;
    for (const json& item : j) {
        TaskPhase p;
        p.fromStep = item.at("from_step").get<int64_t>();
        p.weights = item.at("task_weights").get<TaskWeights>();
        const int64_t previous = phases.empty() ? 0 : phases.back().fromStep;
        if (p.fromStep <= previous)
            throw std::invalid_argument("dit_task_phases: from_step must be ascending and at least 1 (" +
                                        std::to_string(p.fromStep) + " after " + std::to_string(previous) + ")");
        for (const auto& [name, weight] : p.weights) {
            synth::taskKindFromName(name);  // throws std::invalid_argument naming the kind
            if (!(weight >= 0))
                throw std::invalid_argument("dit_task_phases: the weight of " + name + " must be >= 0");
        }
        phases.push_back(std::move(p));
    }
    return phases;
}

// Absent: float32 throughout (runs made before the setting existed).
LatentEncoding latentEncodingFrom(const json& j) {
    LatentEncoding e;
    const std::string dtype = j.value("dtype", std::string("fp32"));
    if (dtype != "fp32" && dtype != "bf16")
        throw std::invalid_argument("dit_latent_encoding: dtype must be \"fp32\" or \"bf16\", not \"" + dtype + "\"");
    e.bf16 = dtype == "bf16";
    e.fromStep = j.value("from_step", e.fromStep);
    if (e.fromStep < 0) throw std::invalid_argument("dit_latent_encoding: from_step must be >= 0");
    return e;
}

// The step of the built-in model's run where its task mix changed (see preset "builtin").
constexpr int64_t kBuiltinFocusStep = 30000;
// The step of that run from which its DiT stage encodes in bfloat16 (1.45x the samples/s on two
// cores; the earlier steps ran before the setting existed).
constexpr int64_t kBuiltinBf16LatentsStep = 16000;

}  // namespace

TrainConfig TrainConfig::preset(const std::string& name) {
    TrainConfig c;
    if (name == "builtin-gpu") {
        // The same model trained on a GPU (packaging/gpu-trainer): batches of 64 in bf16, and
        // the CPU run's switches (task focus, bf16 latents) after as many samples as there.
        TrainConfig g = preset("builtin");
        const int64_t cpuBatch = g.dit.batchSize;
        g.dit.batchSize = 64;
        g.dit.saveEvery = 500;
        g.bf16 = true;
        auto afterSameSamples = [&](int64_t cpuStep) { return cpuStep * cpuBatch / g.dit.batchSize; };
        g.ditTaskPhases.front().fromStep = afterSameSamples(kBuiltinFocusStep);
        g.ditLatentEncoding.fromStep = afterSameSamples(kBuiltinBf16LatentsStep);
        return g;
    }
    if (name == "builtin") {
        // 64 channels at full resolution: with 32, every GroupNorm (32 groups) normalises single
        // channels over the image, so flat regions lose their colour (the first run's VAE decoded
        // white as (217, 219, 222) and black as (41, 39, 32)); two channels per group keep it.
        c.arch.vaeCh = 64;
        c.arch.vaeChMult = {1, 1, 1, 2};
        c.vaeCropSize = 32;
        c.vae.learningRate = 4e-4;
        c.vae.decayFromStep = 10000;  // cooled down over the last 2000 of the 12000 steps
        c.vae.decaySteps = 2000;
        // After kBuiltinFocusStep steps on the uniform mix the model copied, filled, greyed,
        // segmented and decoupled, but had not learned the families that follow an instruction
        // naming one element, draw a requested shape or trace edges; the rest of the run gives
        // those about two thirds of the samples.
        c.ditTaskPhases = {{kBuiltinFocusStep,
                            {{"recolour", 4.0}, {"add_shape", 4.0}, {"replace_shape", 4.0}, {"multi_turn", 4.0},
                             {"change_background", 3.0}, {"text_to_image", 3.0}, {"canny", 3.0},
                             {"remove_shape", 2.0}, {"control_canny", 2.0}}}};
        c.ditLatentEncoding = {true, kBuiltinBf16LatentsStep};
        return c;
    }
    if (name == "tiny") {
        // For tests: seconds per step on one core.
        c.name = "tiny trained model";
        c.sizes = {{32, 32}, {48, 32}};
        c.defaultSize = 32;
        c.arch.ditHidden = 32;
        c.arch.ditDepth = 1;
        c.arch.ditHeads = 2;
        c.arch.maxSeqLen = 8;
        c.arch.t5DModel = 16;
        c.arch.t5DKv = 8;
        c.arch.t5Heads = 2;
        c.arch.t5Layers = 1;
        c.arch.t5DFf = 32;
        c.arch.t5VocabSize = 160;
        c.arch.vaeCh = 32;
        c.arch.vaeChMult = {1, 1, 1, 1};
        c.arch.vaeResBlocks = 1;
        c.vae.batchSize = 2;
        c.vaeCropSize = 16;  // the resume test covers the crop draws
        c.dit.batchSize = 2;
        c.vae.warmupSteps = c.dit.warmupSteps = 2;
        c.corpusSamples = 300;
        return c;
    }
    if (name == "full") {
        // The released DiT (ACE-0.6B): hidden 1152, depth 28, 16 heads, y_channels 4096.
        c.name = "ACE full-size model";
        c.arch.ditHidden = 1152;
        c.arch.ditDepth = 28;
        c.arch.ditHeads = 16;
        c.arch.maxSeqLen = 1024;
        c.arch.t5DModel = 4096;
        c.arch.t5DKv = 64;
        c.arch.t5Heads = 64;
        c.arch.t5Layers = 1;
        c.arch.t5DFf = 256;
        c.dit.batchSize = 1;
        c.dit.learningRate = 1e-5;  // the reference's fine-tuning rate
        c.trainTextEncoder = false;
        return c;
    }
    throw Error("unknown preset \"" + name + "\" (builtin, builtin-gpu, tiny, full)");
}

namespace {

void requirePatchFitsSizes(const TrainConfig& c) {
    const int64_t p = c.arch.ditPatchSize;
    if (p < 1) throw std::invalid_argument("architecture.dit_patch_size must be at least 1, got " + std::to_string(p));
    for (const auto& [w, h] : c.sizes)
        if (w % (8 * p) != 0 || h % (8 * p) != 0)
            throw std::invalid_argument("size " + std::to_string(w) + "x" + std::to_string(h) +
                                        " is not a whole number of patches (8 x dit_patch_size = " +
                                        std::to_string(8 * p) + " px)");
}

}  // namespace

std::string TrainConfig::toJson() const {
    json sizesJ = json::array();
    for (const auto& [w, h] : sizes) sizesJ.push_back({w, h});
    json j = {{"name", name},
              {"data_seed", dataSeed},
              {"sizes", sizesJ},
              {"default_size", defaultSize},
              {"default_steps", defaultSteps},
              {"architecture",
               {{"dit_patch_size", arch.ditPatchSize},
                {"dit_hidden", arch.ditHidden},
                {"dit_depth", arch.ditDepth},
                {"dit_heads", arch.ditHeads},
                {"dit_mlp_ratio", arch.ditMlpRatio},
                {"max_seq_len", arch.maxSeqLen},
                {"t5_d_model", arch.t5DModel},
                {"t5_d_kv", arch.t5DKv},
                {"t5_heads", arch.t5Heads},
                {"t5_layers", arch.t5Layers},
                {"t5_d_ff", arch.t5DFf},
                {"t5_vocab_size", arch.t5VocabSize},
                {"vae_ch", arch.vaeCh},
                {"vae_ch_mult", arch.vaeChMult},
                {"vae_res_blocks", arch.vaeResBlocks}}},
              {"vae", stageJson(vae)},
              {"dit", stageJson(dit)},
              {"decoder", stageJson(decoder)},
              {"vae_kl_weight", vaeKlWeight},
              {"vae_crop_size", vaeCropSize},
              {"cfg_dropout", cfgDropout},
              {"dit_timestep_power", ditTimestepPower},
              {"train_text_encoder", trainTextEncoder},
              {"bf16", bf16},
              {"corpus_samples", corpusSamples},
              {"dit_task_phases", phasesJson(ditTaskPhases)},
              {"dit_latent_encoding",
               {{"dtype", ditLatentEncoding.bf16 ? "bf16" : "fp32"}, {"from_step", ditLatentEncoding.fromStep}}}};
    return j.dump(2);
}

void TrainConfig::save(const std::filesystem::path& file) const {
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::trunc);
    if (!out) throw Error(file, "cannot write the training configuration");
    out << toJson() << "\n";
    if (!out.flush()) throw Error(file, "cannot write the training configuration");
}

TrainConfig TrainConfig::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw Error(file, "cannot read the training configuration (run `ace-train init` first)");
    json j;
    try {
        j = json::parse(in);
        TrainConfig c;
        c.name = j.value("name", c.name);
        c.dataSeed = j.value("data_seed", c.dataSeed);
        if (j.contains("sizes")) {
            c.sizes.clear();
            for (const auto& s : j["sizes"]) c.sizes.emplace_back(s.at(0).get<int>(), s.at(1).get<int>());
        }
        c.defaultSize = j.value("default_size", c.defaultSize);
        c.defaultSteps = j.value("default_steps", c.defaultSteps);
        const json a = j.value("architecture", json::object());
        c.arch.ditPatchSize = a.value("dit_patch_size", c.arch.ditPatchSize);
        c.arch.ditHidden = a.value("dit_hidden", c.arch.ditHidden);
        c.arch.ditDepth = a.value("dit_depth", c.arch.ditDepth);
        c.arch.ditHeads = a.value("dit_heads", c.arch.ditHeads);
        c.arch.ditMlpRatio = a.value("dit_mlp_ratio", c.arch.ditMlpRatio);
        c.arch.maxSeqLen = a.value("max_seq_len", c.arch.maxSeqLen);
        c.arch.t5DModel = a.value("t5_d_model", c.arch.t5DModel);
        c.arch.t5DKv = a.value("t5_d_kv", c.arch.t5DKv);
        c.arch.t5Heads = a.value("t5_heads", c.arch.t5Heads);
        c.arch.t5Layers = a.value("t5_layers", c.arch.t5Layers);
        c.arch.t5DFf = a.value("t5_d_ff", c.arch.t5DFf);
        c.arch.t5VocabSize = a.value("t5_vocab_size", c.arch.t5VocabSize);
        c.arch.vaeCh = a.value("vae_ch", c.arch.vaeCh);
        c.arch.vaeChMult = a.value("vae_ch_mult", c.arch.vaeChMult);
        c.arch.vaeResBlocks = a.value("vae_res_blocks", c.arch.vaeResBlocks);
        c.vae = stageFrom(j.value("vae", json::object()), c.vae);
        c.dit = stageFrom(j.value("dit", json::object()), c.dit);
        c.decoder = stageFrom(j.value("decoder", json::object()), c.decoder);
        c.vaeKlWeight = j.value("vae_kl_weight", c.vaeKlWeight);
        c.vaeCropSize = j.value("vae_crop_size", c.vaeCropSize);
        c.cfgDropout = j.value("cfg_dropout", c.cfgDropout);
        c.ditTimestepPower = j.value("dit_timestep_power", c.ditTimestepPower);
        if (!(c.ditTimestepPower > 0))
            throw std::invalid_argument("dit_timestep_power must be positive, got " + std::to_string(c.ditTimestepPower));
        c.trainTextEncoder = j.value("train_text_encoder", c.trainTextEncoder);
        c.bf16 = j.value("bf16", c.bf16);
        c.corpusSamples = j.value("corpus_samples", c.corpusSamples);
        c.ditTaskPhases = phasesFrom(j.value("dit_task_phases", json::array()));
        c.ditLatentEncoding = latentEncodingFrom(j.value("dit_latent_encoding", json::object()));
        requirePatchFitsSizes(c);
        return c;
    } catch (const json::exception& e) {
        throw Error(file, std::string("malformed training configuration: ") + e.what());
    } catch (const std::invalid_argument& e) {
        throw Error(file, std::string("invalid training configuration: ") + e.what());
    }
}

}  // namespace ace::train
