#include "VaeTrainer.h"

#include <chrono>
#include <cmath>
#include <map>

#include <torch/torch.h>

#include "OptimizerStep.h"
#include "TrainCheckpoint.h"
#include "ace/common/Error.h"

namespace ace::train {

void initialiseVae(AutoencoderKL& vae, uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    std::map<std::string, int64_t> fanIn;
    for (auto& p : vae->named_parameters(true))
        if (p.value().dim() >= 2) fanIn[p.key().substr(0, p.key().rfind('.'))] = p.value().numel() / p.value().size(0);
    for (auto& p : vae->named_parameters(true)) {
        torch::Tensor t = p.value();
        const std::string owner = p.key().substr(0, p.key().rfind('.'));
        const auto it = fanIn.find(owner);
        if (it == fanIn.end()) {
            // GroupNorm affine parameters.
            t.fill_(p.key().ends_with(".weight") ? 1.0 : 0.0);
            continue;
        }
        const double bound = 1.0 / std::sqrt(double(it->second));
        t.copy_((torch::rand(t.sizes(), gen) * (2 * bound) - bound).to(t.dtype()));
    }
}

torch::Tensor imageToTensor(const Image& rgb) {
    if (rgb.channels != 3) throw Error("imageToTensor: expected an RGB image");
    auto t = torch::from_blob(const_cast<std::uint8_t*>(rgb.data.data()), {rgb.height, rgb.width, 3}, torch::kUInt8);
    return t.permute({2, 0, 1}).to(torch::kFloat32).div(127.5).sub(1.0).contiguous();
}

bool VaeTrainer::isDecoderParameter(const std::string& name) {
    return name.starts_with("decoder.") || name.starts_with("conv2.");
}

VaeTrainer::VaeTrainer(const TrainConfig& config, AutoencoderKL vae, torch::Device device, VaePart part)
    : m_config(config),
      m_part(part),
      m_settings(part == VaePart::Decoder ? m_config.decoder : m_config.vae),
      m_vae(std::move(vae)),
      m_device(device),
      // The decoder stage draws images the VAE stage never saw.
      m_sampler(config.dataSeed ^ (part == VaePart::Decoder ? 0xDEC000ULL : 0xAE0000ULL), [&] {
          // One size per stage so a batch stacks; the autoencoder is convolutional.
          synth::TaskSamplerOptions o;
          o.sizes = {config.sizes.front()};
          return o;
      }()),
      m_gen(at::make_generator<at::CPUGeneratorImpl>(config.dataSeed ^
                                                     (part == VaePart::Decoder ? 0xDEC5EEDULL : 0xAE5EEDULL))) {
    m_vae->setTrainable(true);
    for (auto& p : m_vae->named_parameters(true)) {
        const bool trained = part == VaePart::Whole || isDecoderParameter(p.key());
        p.value().set_requires_grad(trained);
        if (trained) m_params.emplace_back(p.key(), p.value());
    }
    m_adam = std::make_unique<AdamW>(m_params, AdamWOptions{0.9, 0.999, 1e-8, m_settings.weightDecay});
    m_ema = std::make_unique<Ema>(m_params, m_settings.emaDecay);
}

torch::Tensor VaeTrainer::nextBatch() {
    std::vector<torch::Tensor> images;
    while (static_cast<int>(images.size()) < m_settings.batchSize) {
        const synth::LcuSample s = m_sampler.sample(m_cursor++);
        images.push_back(imageToTensor(s.target));
        for (const auto& img : s.images)
            if (static_cast<int>(images.size()) < m_settings.batchSize) images.push_back(imageToTensor(img));
    }
    const int crop = m_config.vaeCropSize;
    if (crop > 0) {
        // Offsets come from the checkpointed generator, so a resumed run crops identically.
        for (auto& img : images) {
            const int64_t h = img.size(1), w = img.size(2);
            if (crop > h || crop > w) continue;
            const int64_t y = torch::randint(0, h - crop + 1, {1}, m_gen).item<int64_t>();
            const int64_t x = torch::randint(0, w - crop + 1, {1}, m_gen).item<int64_t>();
            img = img.slice(1, y, y + crop).slice(2, x, x + crop).contiguous();
        }
    }
    return torch::stack(images);
}

std::pair<torch::Tensor, torch::Tensor> VaeTrainer::loss(const torch::Tensor& images) {
    const torch::Tensor x = images.to(m_device);
    // The autoencoder is trainable (set in the constructor): moments and decode build the graph
    // (for the decoder part, the frozen encoder's parameters do not require gradients).
    const auto [mean, logvar] = m_vae->moments(x);
    const torch::Tensor noise = torch::randn(mean.sizes(), m_gen).to(m_device);
    const torch::Tensor z = mean + torch::exp(0.5 * logvar) * noise;
    const torch::Tensor recon = m_vae->decode(z);
    const torch::Tensor rec = torch::l1_loss(recon, x) + torch::mse_loss(recon, x);
    if (m_part == VaePart::Decoder) return {rec, rec};  // the KL term has no gradient here
    // KL(q(z|x) || N(0, 1)), summed over latent elements and averaged over the batch.
    const torch::Tensor kl = 0.5 * (mean.pow(2) + logvar.exp() - 1.0 - logvar).sum() / double(x.size(0));
    return {rec + m_config.vaeKlWeight * kl, rec};
}

StepStats VaeTrainer::trainStep() {
    const auto start = std::chrono::steady_clock::now();
    m_vae->train();
    StepStats stats;
    const int micro = std::max(1, m_settings.accumulate);
    for (int m = 0; m < micro; ++m) {
        const torch::Tensor batch = nextBatch();
        auto [total, rec] = loss(batch);
        (total / double(micro)).backward();
        stats.loss += rec.item<double>() / micro;
        stats.samples += static_cast<int>(batch.size(0));
    }
    finishOptimizerStep(m_params, *m_adam, *m_ema, m_settings, m_step, stats, start);
    return stats;
}

void VaeTrainer::saveCheckpoint(const std::filesystem::path& file) const {
    saveTrainerState(file, {m_params, *m_ema, *m_adam, const_cast<torch::Generator&>(m_gen)},
                     stageCheckpointMeta(stageName(), m_step, m_cursor, m_config));
}

void VaeTrainer::loadCheckpoint(const std::filesystem::path& file) {
    const CheckpointMeta meta = loadTrainerState(file, {m_params, *m_ema, *m_adam, m_gen}, stageName(), m_config.dataSeed);
    m_step = meta.step;
    m_cursor = meta.samplesSeen;
}

void VaeTrainer::copyEmaTo(AutoencoderKL& vae) const {
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> shadow(m_ema->shadow().begin(), m_ema->shadow().end());
    for (auto& p : vae->named_parameters(true))
        if (const auto it = shadow.find(p.key()); it != shadow.end()) p.value().copy_(it->second);
        else if (m_part == VaePart::Whole) throw Error("VaeTrainer: no EMA weights for " + p.key());
}

double calibrateLatentScale(AutoencoderKL& vae, const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    vae->eval();
    const torch::Tensor mean = vae->moments(images).first;
    const double std = mean.std().item<double>();
    if (!(std > 0)) throw Error("calibrateLatentScale: the encoder outputs constant latents");
    const double c = 1.0 / (kLatentScale * std);
    const int64_t e = vae->config().embedDim;
    // conv1: [2e, 2z, 1, 1]; rows [0, e) are the mean, [e, 2e) the log-variance.
    auto w1 = vae->conv1->weight;
    auto b1 = vae->conv1->bias;
    w1.slice(0, 0, e).mul_(c);
    b1.slice(0, 0, e).mul_(c);
    b1.slice(0, e, 2 * e).add_(2.0 * std::log(c));
    // conv2: [z, e, 1, 1] takes the latent: undo the factor.
    vae->conv2->weight.div_(c);
    return c;
}

}  // namespace ace::train
