#pragma once
// A training run in a work folder: the steps `ace-train` exposes, each resumable.
//   <work>/train_config.json     settings (TrainConfig), written by initRun
//   <work>/corpus.txt            instruction corpus of the task stream
//   <work>/tokenizer/spiece.model SentencePiece vocabulary trained on it
//   <work>/vae/last.safetensors  VAE training checkpoint;  <work>/vae/loss.tsv
//   <work>/dit/vae.safetensors   the frozen, latent-calibrated VAE the DiT trains on
//   <work>/dit/last.safetensors  DiT (+ text encoder) training checkpoint;  <work>/dit/loss.tsv
//   <work>/decoder/last.safetensors  fine-tuning of the frozen VAE's decoder;  <work>/decoder/loss.tsv
// exportModel writes a model folder in the release layout that AceModel loads.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "TrainConfig.h"
#include "TrainStats.h"
#include "ace/common/Image.h"

namespace ace {
struct DiTConfig;
struct T5Config;
struct VaeConfig;
}  // namespace ace

namespace ace::train {

struct RunPaths {
    explicit RunPaths(std::filesystem::path work);
    std::filesystem::path root, config, corpus, tokenizer, vaeCheckpoint, vaeLog, frozenVae, ditCheckpoint, ditLog,
        decoderCheckpoint, decoderLog;
};

DiTConfig ditConfigFor(const TrainConfig& config);
T5Config t5ConfigFor(const TrainConfig& config);
VaeConfig vaeConfigFor(const TrainConfig& config);

// Trains a SentencePiece unigram model with T5's special ids (pad 0, eos 1, unk 2, no bos) and the
// image identifiers as single pieces. Writes <outDir>/spiece.model; the same corpus and seed give
// the same file (SentencePiece's trainer draws from a generator that is otherwise seeded randomly).
void trainTokenizer(const std::filesystem::path& corpus, const std::filesystem::path& outDir, int vocabSize,
                    std::uint32_t seed);

// Writes the configuration, the corpus and the tokenizer. Refuses a folder that already holds a
// different configuration (a run's settings never change under it).
void initRun(const std::filesystem::path& work, const TrainConfig& config);

using ProgressFn = std::function<void(const std::string& stage, const StepStats& stats, int64_t targetSteps)>;
// One-line status messages of a run (e.g. the latent-scale calibration); the library never
// prints: the command-line front end decides where they go.
using LogFn = std::function<void(const std::string& message)>;

// Trains the stage up to `targetSteps` optimizer steps in total, continuing from its checkpoint.
// Saves every saveEvery steps, at the end, and when *stop becomes true (then returns early).
// Returns the step reached.
int64_t trainVaeStage(const std::filesystem::path& work, int64_t targetSteps, torch::Device device,
                      const ProgressFn& progress, const std::atomic<bool>* stop = nullptr);
// `dataThreads` render each batch's samples (the data stream is the same for any number).
int64_t trainDitStage(const std::filesystem::path& work, int64_t targetSteps, torch::Device device,
                      const ProgressFn& progress, const std::atomic<bool>* stop = nullptr, const LogFn& log = {},
                      int dataThreads = 1);

// Fine-tunes the decoder of the frozen VAE (<work>/dit/vae.safetensors, made from the VAE stage
// as the DiT stage makes it) up to `targetSteps`: the encoder, and so every latent the DiT learns
// from, stays bit-identical; exportModel then writes the fine-tuned decoder's EMA weights.
int64_t trainDecoderStage(const std::filesystem::path& work, int64_t targetSteps, torch::Device device,
                          const ProgressFn& progress, const std::atomic<bool>* stop = nullptr, const LogFn& log = {});

// Each image encoded to its posterior mean and decoded by the run's autoencoder as far as it is
// trained (CPU, float32): the frozen VAE with the decoder stage's weights when those stages ran,
// else the VAE stage's EMA weights (the latent calibration leaves round trips as they are).
std::vector<Image> autoencoderRoundTrips(const std::filesystem::path& work, const std::vector<Image>& images);

// The EMA weights as a model folder: <out>/models/{dit,vae,text_encoder/t5,tokenizer/t5} and
// <out>/models/ace_model.json (built_in: true); the VAE's decoder is the decoder stage's when it ran. `weights` is the stored floating-point type (the
// release ships fp16; the engine computes in its own precision either way). Returns the bytes written.
std::uintmax_t exportModel(const std::filesystem::path& work, const std::filesystem::path& out, bool builtIn = true,
                           const LogFn& log = {}, torch::Dtype weights = torch::kFloat32);

}  // namespace ace::train
