#pragma once
// What a training run builds and how it trains, stored as train_config.json in the work folder so
// every later command (and a later session resuming the run) uses the same settings.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ace::train {

struct Architecture {
    // DiTACE (4 latent channels, qk-norm, pred_sigma as the release)
    int64_t ditPatchSize = 2;  // the release's; 1 gives a token per latent pixel (8 px), four times the tokens
    int64_t ditHidden = 192;
    int64_t ditDepth = 6;
    int64_t ditHeads = 4;
    int64_t ditMlpRatio = 4;
    int64_t maxSeqLen = 24;  // token budget of an input image (16 px tokens) and RoPE rows
    // T5 encoder (its d_model is the DiT's y_channels)
    int64_t t5DModel = 128;
    int64_t t5DKv = 32;
    int64_t t5Heads = 4;
    int64_t t5Layers = 2;
    int64_t t5DFf = 256;
    int t5VocabSize = 256;  // SentencePiece pieces (the corpus holds about 260 distinct ones)
    // AutoencoderKL (GroupNorm with 32 groups: channel counts are multiples of 32)
    int64_t vaeCh = 32;
    std::vector<int64_t> vaeChMult{1, 2, 2, 4};  // 4 levels = the release's 8x downsampling
    int64_t vaeResBlocks = 1;
};

struct StageSettings {
    int batchSize = 8;
    int accumulate = 1;        // micro-batches per optimizer step
    double learningRate = 3e-4;
    int warmupSteps = 100;
    double weightDecay = 0.01;
    double emaDecay = 0.999;
    double gradClip = 1.0;     // max global gradient norm (<= 0: off)
    int saveEvery = 100;       // steps between checkpoints
    // Optional cool-down: from step decayFromStep on (0: never) the rate falls linearly to
    // decayFloor x learningRate over decaySteps steps and stays there. Runs are open-ended, so a
    // cool-down is added to a run's train_config.json when its weights are to be finished.
    int64_t decayFromStep = 0;
    int64_t decaySteps = 0;
    double decayFloor = 0.0;
};

// `settings` with the cool-down of `from`.
inline StageSettings withCooldownOf(StageSettings settings, const StageSettings& from) {
    settings.decayFromStep = from.decayFromStep;
    settings.decaySteps = from.decaySteps;
    settings.decayFloor = from.decayFloor;
    return settings;
}

// Relative frequencies of task kinds by name ("recolour", "canny", ...); a kind absent has weight 1.
using TaskWeights = std::map<std::string, double>;

// From optimizer step `fromStep` on, the DiT stage draws task kinds with `weights`.
struct TaskPhase {
    int64_t fromStep = 0;
    TaskWeights weights;
};

// How the DiT stage VAE-encodes its images: in float32, and from optimizer step `fromStep`
// (0-based) on in bfloat16 when `bf16` (LatentEncoder). A run records the step it switched at, so
// the stream stays a pure function of the configuration and resumes exactly across the switch.
struct LatentEncoding {
    bool bf16 = false;
    int64_t fromStep = 0;
    bool bf16AtStep(int64_t step) const { return bf16 && step >= fromStep; }
};

struct TrainConfig {
    std::string name = "ACE built-in model";
    uint64_t dataSeed = 2024;
    std::vector<std::pair<int, int>> sizes{{64, 64}, {96, 64}, {64, 96}};  // training sizes (w, h)
    int defaultSize = 64;   // default text-to-image size of the exported model
    int defaultSteps = 20;
    Architecture arch;
    StageSettings vae{16, 1, 2e-4, 100, 0.0, 0.999, 1.0, 100};
    StageSettings dit{8, 1, 3e-4, 200, 0.01, 0.999, 1.0, 100};
    // Fine-tuning of the frozen VAE's decoder (`ace-train decoder`): the encoder, and so the
    // latent space the DiT learns, stays as it is.
    StageSettings decoder{16, 1, 2e-4, 100, 0.0, 0.999, 1.0, 100};
    double vaeKlWeight = 1e-6;
    // Side of the random square crops the autoencoder trains on (0: whole images). It is
    // convolutional, so crops teach it the same local statistics at a fraction of the cost.
    int vaeCropSize = 0;
    double cfgDropout = 0.1;          // share of samples trained with an empty instruction
    // Timesteps drawn as floor(T x u^power), u uniform: 1 = uniform (the reference's training);
    // above 1 more of the low-noise steps, where small shapes are still visible.
    double ditTimestepPower = 1.0;
    bool trainTextEncoder = true;     // jointly with the DiT (false: frozen, embeddings cached)
    bool bf16 = false;                // autocast to bfloat16 (on by default on CUDA devices)
    uint64_t corpusSamples = 20000;   // samples whose instructions train the tokenizer
    // The DiT stage's task mix over time, ascending fromStep >= 1; before the first phase (and
    // without phases) every kind has weight 1.
    std::vector<TaskPhase> ditTaskPhases;
    LatentEncoding ditLatentEncoding;

    static TrainConfig preset(const std::string& name);  // "builtin", "tiny", "full"
    static TrainConfig load(const std::filesystem::path& file);
    void save(const std::filesystem::path& file) const;
    std::string toJson() const;
};

}  // namespace ace::train
