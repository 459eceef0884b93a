#pragma once
// ACE's training objective for the DiT (and, jointly, the text encoder): for each LCU of the
// synthetic task stream, the target is VAE-encoded (the frozen VAE's posterior sample, times
// 0.18215), noised at a random t with the LinearSchedule (x_t = alpha_bar_t x_0 + sigma_t eps), and
// the DiT predicts eps from x_t, the target mask, the condition frames (latents + masks) and the
// per-frame texts; the loss is the MSE of eps on the target frame. With probability cfgDropout the
// current instruction is replaced by "" (the negative branch of classifier-free guidance). A batch
// holds LCUs of different frame counts and sizes in one varlen forward. AdamW, gradient clipping,
// EMA, optional bf16 autocast. Every random draw comes from one generator whose state is saved,
// and the data stream is indexed by a cursor, so a resumed run is bit-identical to an unbroken one.
//
// The next micro-batch is prepared on a second thread (scene rendering, VAE encoding and all its
// random draws) while the current one trains: on CPU the frozen VAE's encoder in float32 costs
// more than the DiT's forward and backward (LatentEncoder's bf16 encodes 2.9x as fast). The draws
// happen in the same order as without the prefetch, and a checkpoint records the generator as it
// was before the batch in flight, so the stream and the resume are unchanged.
#include <algorithm>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "AdamW.h"
#include "Ema.h"
#include "LatentEncoder.h"
#include "TaskSchedule.h"
#include "TextConditioner.h"
#include "TrainConfig.h"
#include "TrainStats.h"
#include "diffusion/LinearSchedule.h"
#include "dit/DiTACE.h"
#include "vae/AutoencoderKL.h"

namespace ace::train {

// n training timesteps in [0, steps): floor(steps x u^power), u uniform. Power 1 is the uniform
// draw of the reference's training, made exactly as runs made it before the power existed (one
// randint), so their streams hold; above 1 more of the low-noise steps.
torch::Tensor drawTimesteps(int64_t n, int64_t steps, double power, torch::Generator& gen);

class DitTrainer {
public:
    // `vae` is frozen (its latent scale already calibrated); `dit` and `t5` train (t5 only when
    // config.trainTextEncoder). All modules must live on `device`.
    DitTrainer(const TrainConfig& config, DiTACE dit, T5Encoder t5, std::shared_ptr<const T5Tokenizer> tokenizer,
               AutoencoderKL vae, torch::Device device);
    ~DitTrainer();
    DitTrainer(const DitTrainer&) = delete;
    DitTrainer& operator=(const DitTrainer&) = delete;

    StepStats trainStep();
    // The loss of a given list of samples at the current weights (no update; draws from the generator).
    torch::Tensor loss(const std::vector<synth::LcuSample>& samples);

    int64_t step() const { return m_step; }
    uint64_t samplesSeen() const { return m_cursor; }

    void saveCheckpoint(const std::filesystem::path& file) const;
    void loadCheckpoint(const std::filesystem::path& file);

    // Weights under their module names, as trained ("dit." / "t5." prefixes) and EMA.
    NamedTensors trainedParameters() const { return m_params; }
    // Copies the EMA weights into fresh modules for export.
    void emaModules(DiTACE& dit, T5Encoder& t5) const;

    // Threads that render a batch's samples (the stream does not depend on their number).
    void setDataThreads(int threads) { m_dataThreads = std::max(1, threads); }
    // Encode a batch's images with one VAE call per image size instead of one per image (the
    // default: on CUDA it keeps the GPU busy, on the CPU it trains the built-in preset 19% faster,
    // 34 against 29 samples/s). Batched convolutions may round differently from single ones, so a
    // run keeps one setting throughout.
    void setBatchedEncoding(bool batched) { m_batchedEncoding = batched; }

    DiTACE& dit() { return m_dit; }
    T5Encoder& t5() { return m_text.encoder(); }

private:
    // One micro-batch with every random draw made: the frames (noisy target + encoded conditions,
    // texts not yet embedded), the instructions after CFG dropout, t and the eps targets.
    struct PreparedBatch {
        std::vector<std::vector<std::string>> texts;
        torch::Tensor t;
        std::vector<DitSample> samples;
        std::vector<torch::Tensor> noises;
    };
    // Draws from m_gen; `step` (0-based) is the optimizer step the batch trains in.
    PreparedBatch prepare(const std::vector<synth::LcuSample>& samples, int64_t step);
    PreparedBatch prepareAt(uint64_t cursor);  // the stream's samples [cursor, cursor + batch)
    // An image of a batch to VAE-encode, with its posterior noise already drawn.
    struct PendingEncoding {
        torch::Tensor image;  // [3, h, w]
        torch::Tensor noise;  // [1, 4, h/8, w/8]
        torch::Tensor latent;  // [4, h/8, w/8], once encoded
    };
    void encodeAll(std::vector<PendingEncoding>& encodings, bool bf16);
    torch::Tensor lossOf(PreparedBatch batch);
    // The batch at m_cursor: the prefetched one when there is one; then starts the next prefetch.
    PreparedBatch takeBatch();
    void dropPrefetch();

    const TrainConfig m_config;
    DiTACE m_dit;
    TextConditioner m_text;
    LatentEncoder m_encoder;
    torch::Device m_device;
    LinearSchedule m_schedule;
    TaskSchedule m_stream;  // the task mix of every step
    NamedTensors m_params;  // "dit.<name>", "t5.<name>"
    std::unique_ptr<AdamW> m_adam;
    std::unique_ptr<Ema> m_ema;
    torch::Generator m_gen;
    int64_t m_step = 0;
    uint64_t m_cursor = 0;  // the first sample not yet trained on
    int m_threads = 1;      // intra-op threads of the training thread, also used by the data thread
    int m_dataThreads = 1;  // threads rendering the samples of a batch
    bool m_batchedEncoding = true;
    std::future<PreparedBatch> m_prefetch;  // the batch at m_cursor, being prepared
    torch::Generator m_genAtCursor;         // m_gen before the prefetch started (what a checkpoint saves)
};

// Initialisation for training from scratch (the release zero-initialises the output layer, as
// PixArt: the first predictions are eps = 0, loss 1). Deterministic in `seed`.
void initialiseDit(DiTACE& dit, uint64_t seed);
// The Hugging Face T5 initialisation (factor 1).
void initialiseT5(T5Encoder& t5, const T5Config& config, uint64_t seed);

}  // namespace ace::train
