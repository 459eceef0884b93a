#include "DitTrainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include "OptimizerStep.h"
#include "TrainCheckpoint.h"
#include "ace/common/Error.h"
#include "lcu/ImagePrep.h"

namespace ace::train {
namespace {

NamedTensors namedParameters(torch::nn::Module& module, const std::string& prefix) {
    NamedTensors out;
    for (auto& p : module.named_parameters(true)) out.emplace_back(prefix + p.key(), p.value());
    return out;
}

// bf16 autocast for the forward pass where it is enabled; restores the previous state.
class AutocastGuard {
public:
    AutocastGuard(torch::Device device, bool enabled) : m_type(device.type()), m_enabled(enabled) {
        if (!m_enabled) return;
        m_previous = at::autocast::is_autocast_enabled(m_type);
        at::autocast::set_autocast_dtype(m_type, at::kBFloat16);
        at::autocast::set_autocast_enabled(m_type, true);
    }
    ~AutocastGuard() {
        if (!m_enabled) return;
        at::autocast::set_autocast_enabled(m_type, m_previous);
        at::autocast::clear_cache();
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    at::DeviceType m_type;
    bool m_enabled;
    bool m_previous = false;
};

}  // namespace

void initialiseDit(DiTACE& dit, uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& p : dit->named_parameters(true)) {
        torch::Tensor t = p.value();
        const std::string& name = p.key();
        torch::Tensor r;
        if (name.starts_with("final_layer.linear.")) {
            r = torch::zeros(t.sizes());
        } else if (name.ends_with("scale_shift_table")) {
            r = torch::randn(t.sizes(), gen) / std::sqrt(double(t.size(-1)));
        } else if (name.ends_with(".bias")) {
            r = torch::zeros(t.sizes());
        } else if (t.dim() >= 2) {
            // Xavier uniform on the flattened matrix (the patch embedder's conv included).
            const double fanOut = double(t.size(0)), fanIn = double(t.numel() / t.size(0));
            const double a = std::sqrt(6.0 / (fanIn + fanOut));
            r = torch::rand(t.sizes(), gen) * (2 * a) - a;
        } else {
            r = torch::ones(t.sizes());  // RMSNorm / norm weights
        }
        t.copy_(r.to(t.dtype()));
    }
}

void initialiseT5(T5Encoder& t5, const T5Config& c, uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& p : t5->named_parameters(true)) {
        torch::Tensor t = p.value();
        const std::string& name = p.key();
        double std = 1.0;
        if (name.ends_with("layer_norm.weight")) {
            t.fill_(1.0);
            continue;
        }
        if (name == "shared.weight") std = 1.0;
        else if (name.ends_with(".q.weight")) std = 1.0 / std::sqrt(double(c.dModel * c.dKv));
        else if (name.ends_with(".o.weight")) std = 1.0 / std::sqrt(double(c.numHeads * c.dKv));
        else if (name.ends_with(".wo.weight")) std = 1.0 / std::sqrt(double(c.dFf));
        else std = 1.0 / std::sqrt(double(c.dModel));  // k, v, wi_0, wi_1, relative_attention_bias
        t.copy_((torch::randn(t.sizes(), gen) * std).to(t.dtype()));
    }
}

torch::Tensor drawTimesteps(int64_t n, int64_t steps, double power, torch::Generator& gen) {
    if (power == 1.0) return torch::randint(0, steps, {n}, gen, torch::kInt64);
    const torch::Tensor u = torch::rand({n}, gen, torch::kFloat64);
    return (u.pow(power) * static_cast<double>(steps)).floor().clamp_max(steps - 1).to(torch::kInt64);
}

DitTrainer::DitTrainer(const TrainConfig& config, DiTACE dit, T5Encoder t5,
                       std::shared_ptr<const T5Tokenizer> tokenizer, AutoencoderKL vae, torch::Device device)
    : m_config(config),
      m_dit(std::move(dit)),
      m_text(std::move(tokenizer), std::move(t5), config.trainTextEncoder, device),
      m_encoder(std::move(vae), device, config.ditLatentEncoding.bf16),
      m_device(device),
      m_stream(config),
      m_gen(at::make_generator<at::CPUGeneratorImpl>(config.dataSeed ^ 0x5EEDD17ULL)) {
    m_params = namedParameters(*m_dit, "dit.");
    // The engine registers its weights without gradients (inference loads them from checkpoints).
    for (auto& [name, p] : m_params) p.set_requires_grad(true);
    if (m_text.trainable()) {
        const NamedTensors t5 = namedParameters(*m_text.encoder(), "t5.");
        m_params.insert(m_params.end(), t5.begin(), t5.end());
    }
    m_adam = std::make_unique<AdamW>(
        m_params, AdamWOptions{0.9, 0.999, 1e-8, config.dit.weightDecay});
    m_ema = std::make_unique<Ema>(m_params, config.dit.emaDecay);
    m_threads = at::get_num_threads();
}

DitTrainer::~DitTrainer() { dropPrefetch(); }

DitTrainer::PreparedBatch DitTrainer::prepare(const std::vector<synth::LcuSample>& samples, int64_t step) {
    const int64_t maxSeqLen = m_config.arch.maxSeqLen;
    const int n = static_cast<int>(samples.size());
    PreparedBatch out;
    out.texts.resize(n);
    out.samples.resize(n);
    out.noises.resize(n);
    // All draws in a fixed order from m_gen: dropout, timesteps, VAE posterior noise, eps.
    for (int i = 0; i < n; ++i) {
        out.texts[i] = samples[i].instructions;
        const bool drop = torch::rand({1}, m_gen).item<double>() < m_config.cfgDropout;
        // The unconditional branch of inference replaces only the current (last) instruction.
        if (drop) out.texts[i].back() = "";
    }
    out.t = drawTimesteps(n, m_schedule.numTimesteps(), m_config.ditTimestepPower, m_gen);
    const torch::Tensor sig = m_schedule.sigmas().index_select(0, out.t);
    const torch::Tensor ab = m_schedule.alphasBar().index_select(0, out.t);

    torch::NoGradGuard noGrad;
    // Every image to encode, with its posterior noise drawn in the stream's fixed order: per
    // sample the target's noise, its eps, then each input's noise.
    std::vector<PendingEncoding> encodings;
    auto addEncoding = [&](const PreparedImage& p) {
        const torch::Tensor noise =
            torch::randn({1, m_encoder.embedDim(), p.image.size(1) / 8, p.image.size(2) / 8}, m_gen);
        encodings.push_back({p.image, noise, {}});
        return encodings.size() - 1;
    };
    std::vector<std::size_t> targetEncoding(n);
    std::vector<std::vector<PreparedImage>> inputs(n);
    std::vector<std::vector<std::size_t>> inputEncodings(n);
    for (int i = 0; i < n; ++i) {
        const auto& s = samples[i];
        targetEncoding[i] = addEncoding(prepareImage(s.target, Image(), "", maxSeqLen, "target"));
        const torch::Tensor& noise = encodings[targetEncoding[i]].noise;
        out.noises[i] = torch::randn({noise.size(1), noise.size(2), noise.size(3)}, m_gen).to(m_device);
        for (std::size_t k = 0; k < s.images.size(); ++k) {
            inputs[i].push_back(prepareImage(s.images[k], s.masks[k], s.tasks[k], maxSeqLen,
                                             "input image " + std::to_string(k)));
            inputEncodings[i].push_back(addEncoding(inputs[i].back()));
        }
    }
    encodeAll(encodings, m_config.ditLatentEncoding.bf16AtStep(step));

    for (int i = 0; i < n; ++i) {
        const auto& s = samples[i];
        const torch::Tensor& x0 = encodings[targetEncoding[i]].latent;  // [4, h, w]
        const torch::Tensor xt = ab[i].item<double>() * x0 + sig[i].item<double>() * out.noises[i];
        const int64_t frames = static_cast<int64_t>(s.images.size()) + 1;
        DitFrame f0;
        f0.latent = xt;
        f0.indicator = static_cast<int>(frames - 1);
        if (s.images.empty()) f0.mask = torch::ones({1, x0.size(1), x0.size(2)}, x0.options());
        std::vector<DitFrame> conditions;
        for (std::size_t k = 0; k < s.images.size(); ++k) {
            DitFrame f;
            f.latent = encodings[inputEncodings[i][k]].latent;
            f.mask = downsampleMask(inputs[i][k].mask).to(m_device);
            f.indicator = static_cast<int>(k);
            // The target frame takes the first image's mask (tar_index 0).
            if (k == 0) f0.mask = f.mask;
            conditions.push_back(std::move(f));
        }
        out.samples[i].frames.push_back(std::move(f0));
        for (auto& f : conditions) out.samples[i].frames.push_back(std::move(f));
    }
    return out;
}

void DitTrainer::encodeAll(std::vector<PendingEncoding>& encodings, bool bf16) {
    auto encode = [&](const torch::Tensor& images, const torch::Tensor& noise) {
        return m_encoder.encode(images, noise, bf16);
    };
    if (!m_batchedEncoding) {
        for (PendingEncoding& e : encodings) e.latent = encode(e.image.unsqueeze(0), e.noise)[0];
        return;
    }
    // One encoder call per image size: a GPU is then busy with a few large convolutions instead
    // of launching the encoder's kernels once per image, and a CPU's convolutions run on larger
    // blocks.
    std::map<std::pair<int64_t, int64_t>, std::vector<std::size_t>> bySize;
    for (std::size_t i = 0; i < encodings.size(); ++i)
        bySize[{encodings[i].image.size(1), encodings[i].image.size(2)}].push_back(i);
    for (const auto& [size, members] : bySize) {
        std::vector<torch::Tensor> images, noises;
        for (std::size_t i : members) {
            images.push_back(encodings[i].image);
            noises.push_back(encodings[i].noise);
        }
        const torch::Tensor latents = encode(torch::stack(images), torch::cat(noises));
        for (std::size_t j = 0; j < members.size(); ++j) encodings[members[j]].latent = latents[int64_t(j)];
    }
}

DitTrainer::PreparedBatch DitTrainer::prepareAt(uint64_t cursor) {
    const int batch = m_config.dit.batchSize;
    std::vector<synth::LcuSample> samples(batch);
    // Rendering is a pure function of the sample index: workers split the batch and the stream
    // is the same for any number of them.
    const int workers = std::clamp(m_dataThreads, 1, batch);
    auto render = [&](int first) {
        for (int b = first; b < batch; b += workers) samples[b] = m_stream.sample(cursor + b);
    };
    std::vector<std::future<void>> jobs;
    for (int w = 1; w < workers; ++w) jobs.push_back(std::async(std::launch::async, render, w));
    render(0);
    for (auto& job : jobs) job.get();
    return prepare(samples, m_stream.stepOf(cursor));
}

torch::Tensor DitTrainer::lossOf(PreparedBatch batch) {
    const int n = static_cast<int>(batch.samples.size());
    std::vector<std::string> flat;
    for (const auto& t : batch.texts) flat.insert(flat.end(), t.begin(), t.end());
    // Texts: frame 0 gets the current instruction, frame j the instruction of image j.
    const std::vector<torch::Tensor> rows = m_text.embed(flat);
    const torch::Tensor pos = m_text.indicators();
    std::size_t r = 0;
    for (int i = 0; i < n; ++i) {
        auto& frames = batch.samples[i].frames;
        const std::size_t count = batch.texts[i].size();
        frames[0].text = rows[r + count - 1];
        for (std::size_t k = 0; k + 1 < frames.size(); ++k) frames[k + 1].text = rows[r + k];
        r += count;
    }
    std::vector<torch::Tensor> eps;
    {
        AutocastGuard autocast(m_device, m_config.bf16);
        eps = m_dit->forward(batch.samples, batch.t.to(m_device), pos);
    }
    torch::Tensor total = torch::zeros({}, torch::TensorOptions().device(m_device));
    for (int i = 0; i < n; ++i) total = total + torch::mse_loss(eps[i].to(torch::kFloat32), batch.noises[i]);
    return total / double(n);
}

torch::Tensor DitTrainer::loss(const std::vector<synth::LcuSample>& samples) {
    dropPrefetch();  // the draws below must not interleave with a prefetch's
    return lossOf(prepare(samples, m_step));
}

DitTrainer::PreparedBatch DitTrainer::takeBatch() {
    PreparedBatch batch = m_prefetch.valid() ? m_prefetch.get() : prepareAt(m_cursor);
    m_cursor += m_config.dit.batchSize;
    m_genAtCursor = m_gen.clone();
    const int threads = m_threads;
    const uint64_t next = m_cursor;
    m_prefetch = std::async(std::launch::async, [this, threads, next] {
        at::set_num_threads(threads);  // a new thread starts with the library's default
        return prepareAt(next);
    });
    return batch;
}

// Waits for the batch in flight and rewinds the generator to where it started, as if it had not
// been prepared.
void DitTrainer::dropPrefetch() {
    if (!m_prefetch.valid()) return;
    try {
        m_prefetch.get();
    } catch (...) {
        // The batch is discarded; the error shows again when the same samples are prepared in turn.
    }
    m_gen = m_genAtCursor.clone();
}

StepStats DitTrainer::trainStep() {
    const auto start = std::chrono::steady_clock::now();
    m_dit->train();
    StepStats stats;
    const int micro = std::max(1, m_config.dit.accumulate);
    for (int m = 0; m < micro; ++m) {
        PreparedBatch batch = takeBatch();
        stats.samples += static_cast<int>(batch.samples.size());
        torch::Tensor l = lossOf(std::move(batch)) / double(micro);
        l.backward();
        stats.loss += l.item<double>();
    }
    finishOptimizerStep(m_params, *m_adam, *m_ema, m_config.dit, m_step, stats, start);
    return stats;
}

void DitTrainer::saveCheckpoint(const std::filesystem::path& file) const {
    // With a batch in flight, m_gen is the data thread's; the state before that batch is saved.
    torch::Generator gen = m_prefetch.valid() ? m_genAtCursor.clone() : m_gen.clone();
    saveTrainerState(file, {m_params, *m_ema, *m_adam, gen}, stageCheckpointMeta("dit", m_step, m_cursor, m_config));
}

void DitTrainer::loadCheckpoint(const std::filesystem::path& file) {
    dropPrefetch();
    const CheckpointMeta meta = loadTrainerState(file, {m_params, *m_ema, *m_adam, m_gen}, "dit", m_config.dataSeed);
    m_step = meta.step;
    m_cursor = meta.samplesSeen;
}

void DitTrainer::emaModules(DiTACE& dit, T5Encoder& t5) const {
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> shadow(m_ema->shadow().begin(), m_ema->shadow().end());
    for (auto& p : dit->named_parameters(true)) p.value().copy_(shadow.at("dit." + p.key()));
    if (m_text.trainable()) {
        for (auto& p : t5->named_parameters(true)) p.value().copy_(shadow.at("t5." + p.key()));
    } else {
        // A frozen encoder is not averaged: it is exported as loaded.
        const auto frozen = const_cast<TextConditioner&>(m_text).encoder()->named_parameters(true);
        for (auto& p : t5->named_parameters(true)) p.value().copy_(frozen[p.key()]);
    }
}

}  // namespace ace::train
