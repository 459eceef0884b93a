#pragma once
// Trains the small KL autoencoder on the images of the synthetic task stream (targets and inputs:
// scenes, edge/grey/segmentation maps, masked inputs): L1 + L2 reconstruction of the posterior
// sample's decoding plus a small KL term (the Stable Diffusion VAE recipe without the perceptual
// and adversarial losses). AdamW, clipping, EMA; resumable exactly like the DiT stage.
// VaePart::Decoder fine-tunes the decoder side alone (conv2 = post_quant_conv and the decoder) on
// the frozen encoder's posterior samples, with the stage settings `decoder` and a stream of its own.
#include <filesystem>
#include <memory>

#include <torch/types.h>

#include "AdamW.h"
#include "Ema.h"
#include "TrainConfig.h"
#include "TrainStats.h"
#include "ace/imaging/synth/TaskSampler.h"
#include "vae/AutoencoderKL.h"

namespace ace::train {

enum class VaePart { Whole, Decoder };

class VaeTrainer {
public:
    VaeTrainer(const TrainConfig& config, AutoencoderKL vae, torch::Device device, VaePart part = VaePart::Whole);

    StepStats trainStep();
    // Loss terms of a batch [B, 3, H, W] in [-1, 1] at the current weights: (total, reconstruction).
    std::pair<torch::Tensor, torch::Tensor> loss(const torch::Tensor& images);
    // The next batch of the image stream (advances the data cursor).
    torch::Tensor nextBatch();

    int64_t step() const { return m_step; }
    uint64_t samplesSeen() const { return m_cursor; }
    AutoencoderKL& model() { return m_vae; }

    void saveCheckpoint(const std::filesystem::path& file) const;
    void loadCheckpoint(const std::filesystem::path& file);
    // The EMA weights of the trained part into `vae` (the rest of `vae` is left as it is).
    void copyEmaTo(AutoencoderKL& vae) const;

    // Whether a parameter of AutoencoderKL belongs to the decoder side.
    static bool isDecoderParameter(const std::string& name);
    // "vae" or "decoder": the stage its checkpoints name.
    const char* stageName() const { return m_part == VaePart::Decoder ? "decoder" : "vae"; }

private:
    const TrainConfig m_config;
    const VaePart m_part;
    const StageSettings m_settings;  // m_config.vae or m_config.decoder
    AutoencoderKL m_vae;
    torch::Device m_device;
    synth::TaskSampler m_sampler;
    NamedTensors m_params;
    std::unique_ptr<AdamW> m_adam;
    std::unique_ptr<Ema> m_ema;
    torch::Generator m_gen;
    int64_t m_step = 0;
    uint64_t m_cursor = 0;
};

// LibTorch's default initialisation (uniform in +-1/sqrt(fan-in) for convolution weights and
// biases; GroupNorm 1 and 0) drawn from a generator seeded with `seed`, so a run is reproducible.
void initialiseVae(AutoencoderKL& vae, uint64_t seed);

// [3, H, W] float32 in [-1, 1] from an RGB image.
torch::Tensor imageToTensor(const Image& rgb);

// ACE multiplies latents by 0.18215, a constant tuned to the SD VAE (latent std ~5.5). A VAE
// trained from scratch has latents of another scale, which would shift the whole noise schedule.
// This rescales the latent space in place (conv1's mean rows and logvar bias, conv2's input
// weights) so that 0.18215 * mean latent has unit standard deviation on `images`; encode/decode
// round trips are unchanged. Returns the factor applied.
double calibrateLatentScale(AutoencoderKL& vae, const torch::Tensor& images);

}  // namespace ace::train
