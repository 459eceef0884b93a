#pragma once
// The engine's public API, used by the GUI's worker thread and by ace-cli. No torch, Qt or OpenCV
// types: images cross as ace::Image (RGB8 images, 1-channel masks).
//
//   auto model = ace::AceModel::load("/models/ACE-0.6B-512px");      // once, read-only, shareable
//   ace::EditSession session(model);                                  // one per conversation
//   ace::TurnResult r = session.run(request, onStep, &cancelToken);   // blocking; run off the GUI thread
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ace/common/Error.h"
#include "ace/common/Image.h"

namespace ace {

enum class Device { Auto, Cpu, Cuda };
enum class Precision { Auto, Float32, Float16, BFloat16 };

struct ModelLoadOptions {
    Device device = Device::Auto;  // Auto: CUDA when available, else CPU
    // Auto = the reference's choice on CUDA (DiT and VAE fp16, T5 bf16), fp32 on the CPU.
    Precision ditPrecision = Precision::Auto;
    Precision vaePrecision = Precision::Auto;
    Precision textEncoderPrecision = Precision::Auto;
    // false: T5 stays in CPU memory and encodes there (its outputs are cached per instruction), so
    // it never takes GPU memory; true: T5 lives on the device too (faster first encode, +~10 GB).
    bool keepTextEncoderOnDevice = false;
    bool useConvertedCache = true;         // write/read the compact caches (weights, the preview's fit)
    std::filesystem::path cacheDir;        // empty: next to the model, or the user cache when read-only
    // When a run runs out of memory on the GPU (or in reduced precision), run it again on the CPU
    // in fp32 (the DiT and VAE are then loaded a second time, for the CPU); false: fail with a
    // message saying what to change.
    bool cpuFallbackOnOutOfMemory = true;
    // Decode outputs above this many pixels in tiles (bounded memory, a close approximation of
    // the full decode): -1 = automatic (CUDA: above 1024 x 1024; CPU: never), 0 = never.
    int64_t tiledDecodeAbovePixels = -1;
};

struct LoadProgress {
    std::string stage;       // "text encoder", "converting text encoder", "vae", "dit", ...
    double fraction = 0.0;   // of the whole load, 0..1
};
using LoadProgressCallback = std::function<void(const LoadProgress&)>;

struct ModelInfo {
    std::string name;               // "ACE-0.6B-512px", "built-in"
    std::filesystem::path folder;
    bool builtIn = false;
    int maxSeqLen = 1024;           // DiT token budget per frame
    int defaultSteps = 20;
    int defaultWidth = 512;         // text-to-image output
    int defaultHeight = 512;
    double guideScale = 4.5;        // the model's guidance defaults (ace_model.json)
    double guideRescale = 0.5;
    std::string device;             // "cpu", "cuda:0"
    std::string precision;          // e.g. "dit fp16, vae fp16, t5 bf16"
};

class AceModel {
public:
    struct Impl;
    // An engine-internal model (benchmarks build one from random modules); Impl is opaque outside
    // the engine.
    static std::shared_ptr<AceModel> fromImpl(std::unique_ptr<Impl> impl);

    // Loads a model folder in the release layout (models/dit, models/vae, models/text_encoder/<n>,
    // models/tokenizer/<n>; the folder itself or its parent may be given). Throws ace::Error
    // naming the file and the problem.
    static std::shared_ptr<AceModel> load(const std::filesystem::path& folder, const ModelLoadOptions& options = {},
                                          const LoadProgressCallback& progress = {});
    ~AceModel();

    const ModelInfo& info() const;

    Impl& impl() const { return *m_impl; }

private:
    explicit AceModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// One image of a turn with its optional mask (1 channel, same size as the image; empty = none)
// and the reference's task string ("" automatic, "inpainting", "outpainting", ...).
struct InputImage {
    Image image;
    Image mask;
    std::string task;
};

// A turn as the user sent it: the instruction with its {image}/{image1}... references and the
// images they refer to, in order.
struct Turn {
    std::string instruction;
    std::vector<InputImage> images;
};

struct GenerationOptions {
    int steps = 0;                   // 0: the model's default
    double guideScale = 0.0;         // <= 0: the model's default; otherwise above 1
    double guideRescale = -1.0;      // < 0: the model's default; otherwise 0..1 (0: off)
    int64_t seed = -1;               // < 0: random; the seed used is in TurnResult
    std::string sampler = "ddim";
    std::string negativePrompt;
    int outputWidth = 0;             // text-to-image only; 0: the model's default (multiples of 16)
    int outputHeight = 0;
    bool usePosteriorMean = false;   // VAE-encode condition images to the mean instead of a seeded sample
    int fullDecodePreviewEvery = 0;  // also VAE-decode a preview every N steps (0: never)
};

struct TurnRequest {
    std::vector<Turn> history;  // earlier turns (their inputs), oldest first
    Turn current;
    GenerationOptions options;
};

struct StepProgress {
    int step = 0;          // 1-based step just finished
    int totalSteps = 0;
    Image preview;         // RGB8 preview of the predicted clean image (cheap linear latent->RGB)
    bool fullDecode = false;  // preview is a real VAE decode
    // The sampler's prediction of the clean latent after this step, in the scaled latent space
    // the DiT works in: 4 x latentHeight x latentWidth floats, channel-major.
    std::vector<float> predictedLatent;
    int latentHeight = 0;
    int latentWidth = 0;
};
// After a fallback to the CPU (out of memory on the GPU) the steps start again at 1.
using StepCallback = std::function<void(const StepProgress&)>;

// Set from any thread; the run stops before its next denoising step and throws Cancelled.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true); }
    void reset() { m_cancelled.store(false); }
    bool isCancelled() const { return m_cancelled.load(); }

private:
    std::atomic<bool> m_cancelled{false};
};

class Cancelled : public Error {
public:
    Cancelled() : Error("the run was cancelled") {}
};

struct StageTimings {
    double tokenizeMs = 0, textEncodeMs = 0, vaeEncodeMs = 0, denoiseMs = 0, vaeDecodeMs = 0, totalMs = 0;
    double firstPreviewMs = 0;  // from the start of run() to the first step callback
    std::vector<double> stepMs;
};

struct TurnResult {
    Image image;         // RGB8, the generated target frame
    int64_t seed = 0;
    int steps = 0;
    double guideScale = 0.0;  // the guidance the turn used (the model's default where none was asked)
    double guideRescale = 0.0;
    StageTimings timings;
    std::string device;  // where the turn ran ("cuda:0", "cpu")
    std::string notice;  // for the user, e.g. that the GPU ran out of memory and the CPU was used; empty normally
};

// Per-conversation state over a shared model: the RNG and the caches of text embeddings and of
// VAE latents of history images, so a new turn does not recompute them. Not thread-safe: one
// run at a time per session.
class EditSession {
public:
    explicit EditSession(std::shared_ptr<const AceModel> model);
    ~EditSession();

    TurnResult run(const TurnRequest& request, const StepCallback& onStep = {}, const CancelToken* cancel = nullptr);
    void clearCaches();
    const AceModel& model() const;

    struct CacheStats {
        size_t textEmbeddings = 0;  // instructions whose T5 rows are cached
        size_t imageLatents = 0;    // condition images whose VAE posterior is cached
    };
    CacheStats cacheStats() const;

    struct State;

private:
    std::shared_ptr<const AceModel> m_model;
    std::unique_ptr<State> m_state;
};

}  // namespace ace
