#include <chrono>
#include <optional>
#include <random>
#include <unordered_map>

#include "ace/common/Error.h"
#include "diffusion/Guidance.h"
#include "diffusion/Samplers.h"
#include "lcu/ImagePrep.h"
#include "lcu/LcuBuilder.h"
#include "pipeline/AceModelImpl.h"
#include "pipeline/OutOfMemory.h"
#include "pipeline/TensorImages.h"
#include "vae/AutoencoderKL.h"

namespace ace {
namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// FNV-1a over a prepared image's pixels and shape: the key of the VAE moments cache.
uint64_t tensorHash(const torch::Tensor& t) {
    const auto c = t.contiguous().to(torch::kCPU);
    const auto* p = static_cast<const uint8_t*>(c.data_ptr());
    uint64_t h = 1469598103934665603ull;
    for (int64_t i = 0, n = c.numel() * c.element_size(); i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    for (auto d : c.sizes()) h = (h ^ static_cast<uint64_t>(d)) * 1099511628211ull;
    return h;
}

// Mixes where and in which precision the VAE ran into a moments-cache key (the CPU fallback
// must not reuse the GPU's half-precision moments).
uint64_t policyKey(uint64_t h, const ComputePolicy& policy) {
    for (unsigned char c : policy.device.str() + "/" + dtypeName(policy.vaeDtype)) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

struct EditSession::State {
    // Text rows per cleaned instruction (T5 is by far the most expensive encoder).
    std::unordered_map<std::string, torch::Tensor> textCache;
    // VAE posterior (mean, std) per prepared image, on the compute device: a history image is
    // encoded once; each turn then samples it with its own seeded generator.
    std::unordered_map<uint64_t, std::pair<torch::Tensor, torch::Tensor>> momentCache;
};

EditSession::EditSession(std::shared_ptr<const AceModel> model)
    : m_model(std::move(model)), m_state(std::make_unique<State>()) {
    if (!m_model) throw Error("EditSession needs a loaded model");
}
EditSession::~EditSession() = default;
const AceModel& EditSession::model() const { return *m_model; }
EditSession::CacheStats EditSession::cacheStats() const {
    return {m_state->textCache.size(), m_state->momentCache.size()};
}
void EditSession::clearCaches() {
    m_state->textCache.clear();
    m_state->momentCache.clear();
}

namespace {

// One turn on the components of `m`; texts are encoded by `textOwner` (the loaded model, whose
// text embedder a CPU fallback shares) under its lock.
TurnResult runTurn(EditSession::State& state, AceModel::Impl& m, AceModel::Impl& textOwner, const TurnRequest& request,
                   const StepCallback& onStep, const CancelToken* cancel) {
    torch::NoGradGuard noGrad;
    const auto t0 = Clock::now();
    const ComputePolicy& policy = m.policy;
    auto checkCancel = [&] {
        if (cancel && cancel->isCancelled()) throw Cancelled();
    };

    TurnResult result;
    result.device = policy.device.str();
    StageTimings& timings = result.timings;
    const GenerationOptions& opt = request.options;
    result.steps = opt.steps > 0 ? opt.steps : m.settings.defaultSteps;
    result.guideScale = opt.guideScale > 0 ? opt.guideScale : m.settings.guideScale;
    result.guideRescale = opt.guideRescale >= 0 ? opt.guideRescale : m.settings.guideRescale;
    if (result.guideScale <= 1.0)
        throw Error("guidance scale must be above 1 (the model's unconditional branch is needed); got " +
                    std::to_string(result.guideScale));
    if (result.guideRescale > 1.0)
        throw Error("guide rescale must be between 0 and 1; got " + std::to_string(result.guideRescale));
    const SamplerFn& sampler = findSampler(opt.sampler);
    result.seed = opt.seed >= 0 ? opt.seed : static_cast<int64_t>(std::random_device{}() & 0xffffffffu);

    // 1. The LCU: frames, masks, per-frame texts.
    const LcuPlan plan = buildLcu(request, m.settings.maxSeqLen, opt.outputWidth > 0 ? opt.outputWidth : m.settings.defaultWidth,
                                  opt.outputHeight > 0 ? opt.outputHeight : m.settings.defaultHeight,
                                  8 * m.dit->config().patchSize);  // the VAE downsamples by 8
    checkCancel();

    // 2. Texts (cached per string).
    auto t1 = Clock::now();
    auto embed = [&](const std::string& text) {
        auto it = state.textCache.find(text);
        if (it != state.textCache.end()) return it->second;
        std::lock_guard lock(textOwner.textMutex);
        fault::point("text encode");
        auto rows = textOwner.text->embed(text).to(torch::kFloat32);
        state.textCache.emplace(text, rows);
        return rows;
    };
    std::vector<torch::Tensor> condTexts, uncondTexts;
    for (const auto& t : plan.frameTexts) condTexts.push_back(embed(t));
    for (const auto& t : plan.negativeFrameTexts) uncondTexts.push_back(embed(t));
    timings.textEncodeMs = msSince(t1);
    checkCancel();

    // 3. Noise first (as the reference draws it before encoding the condition images), then the
    //    condition images' posterior samples, all from the turn's seeded generator.
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(result.seed));
    const int64_t h = plan.height / 8, w = plan.width / 8;
    torch::Tensor noise = torch::empty({1, 4, h, w}, torch::kFloat32);
    noise.normal_(0.0, 1.0, gen);

    auto t2 = Clock::now();
    std::vector<torch::Tensor> editLatents, editMasks;
    for (const PreparedImage& img : plan.images) {
        const uint64_t key = policyKey(tensorHash(img.image), policy);
        auto it = state.momentCache.find(key);
        if (it == state.momentCache.end()) {
            fault::point("vae encode");
            auto [mean, logvar] = m.vae->moments(img.image.unsqueeze(0).to(policy.device, policy.vaeDtype));
            it = state.momentCache.emplace(key, std::make_pair(mean.to(torch::kFloat32), torch::exp(0.5 * logvar.to(torch::kFloat32)))).first;
        }
        const auto& [mean, stdev] = it->second;
        torch::Tensor z = mean;
        if (!opt.usePosteriorMean) {
            torch::Tensor n = torch::empty(mean.sizes(), torch::kFloat32);
            n.normal_(0.0, 1.0, gen);
            z = mean + stdev * n.to(mean.device());
        }
        editLatents.push_back((kLatentScale * z).squeeze(0).to(torch::kFloat32));
        editMasks.push_back(downsampleMask(img.mask));
        checkCancel();
    }
    timings.vaeEncodeMs = msSince(t2);

    // 4. Both CFG branches as one batch of two samples: same frames, different texts. Everything
    //    but frame 0's latent is the same at every step: the batch goes to the device and the
    //    DiT derives its layout, rotations and text rows once (prepare); a step then only swaps
    //    the latent in and reads nothing back to the host.
    noise = noise.to(policy.device);
    std::vector<DitFrame> conditionFrames;
    for (size_t j = 0; j < editLatents.size(); ++j)
        conditionFrames.push_back({editLatents[j].to(policy.device), editMasks[j].to(policy.device), {},
                                   plan.indicators[j + 1]});
    const torch::Tensor targetMask = downsampleMask(plan.targetMask).to(policy.device);
    auto makeSample = [&](const std::vector<torch::Tensor>& texts) {
        DitSample s;
        s.frames.push_back({noise.squeeze(0), targetMask, texts[0].to(policy.device), plan.indicators[0]});
        for (size_t j = 0; j < conditionFrames.size(); ++j) {
            s.frames.push_back(conditionFrames[j]);
            s.frames.back().text = texts[j + 1].to(policy.device);
        }
        return s;
    };
    // P = y_embedder(indicator embeddings) is the same for every step of the run.
    const torch::Tensor indicatorTable = m.dit->indicatorTable(m.indicatorEmbeddings.to(policy.device));
    const DitPrepared prepared =
        m.dit->prepare({makeSample(condTexts), makeSample(uncondTexts)}, indicatorTable);
    const bool halfGuidance = policy.ditDtype == torch::kFloat16;
    DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
        fault::point("dit step");
        const torch::Tensor xs = x.squeeze(0);  // [4, h, w] on the device
        // t: [1] -> [2] as two views of one element: the DiT then shares one modulation row.
        const std::vector<torch::Tensor> eps =
            m.dit->forwardPrepared(prepared, {xs, xs}, t.reshape({1}).expand({2}), indicatorTable);
        return guide(eps[0].unsqueeze(0), eps[1].unsqueeze(0), result.guideScale, result.guideRescale, halfGuidance);
    };

    auto t3 = Clock::now();
    auto lastStep = t3;
    StepFn stepFn = [&](const SamplerStep& s) {
        timings.stepMs.push_back(msSince(lastStep));
        lastStep = Clock::now();
        if (onStep) {
            StepProgress p;
            p.step = s.index + 1;
            p.totalSteps = s.total;
            // The one device-to-host copy of a step, made only for a caller that wants previews.
            const torch::Tensor x0 = s.x0.to(torch::kCPU, torch::kFloat32).contiguous();
            p.latentHeight = static_cast<int>(x0.size(-2));
            p.latentWidth = static_cast<int>(x0.size(-1));
            p.predictedLatent.assign(x0.data_ptr<float>(), x0.data_ptr<float>() + x0.numel());
            const bool full = opt.fullDecodePreviewEvery > 0 && (p.step % opt.fullDecodePreviewEvery == 0) && p.step < s.total;
            if (full) {
                p.preview = decodeToImage(m.vae, s.x0, policy);
                p.fullDecode = true;
            } else {
                p.preview = previewToImage(m.preview, x0, plan.width, plan.height);
            }
            if (timings.firstPreviewMs == 0) timings.firstPreviewMs = msSince(t0);
            onStep(p);
        }
        checkCancel();
    };
    checkCancel();
    const torch::Tensor latent = sampler(denoise, noise, m.schedule, result.steps, stepFn);
    timings.denoiseMs = msSince(t3);

    auto t4 = Clock::now();
    fault::point("vae decode");
    result.image = decodeToImage(m.vae, latent, policy);
    timings.vaeDecodeMs = msSince(t4);
    timings.totalMs = msSince(t0);
    return result;
}

std::string outOfMemoryAdvice(const ComputePolicy& policy) {
    std::string advice = "Try a smaller output size or fewer history turns";
    if (!policy.textDevice.is_cpu()) advice += ", keep the text encoder off the GPU";
    if (!policy.device.is_cpu()) advice += ", close other programs using the GPU, or choose the CPU in the settings";
    return advice + ".";
}

}  // namespace

TurnResult EditSession::run(const TurnRequest& request, const StepCallback& onStep, const CancelToken* cancel) {
    AceModel::Impl& m = m_model->impl();
    // A run on `model`; an out-of-memory comes back as its one-line detail instead.
    auto attempt = [&](AceModel::Impl& model, std::string& detail) -> std::optional<TurnResult> {
        try {
            return runTurn(*m_state, model, m, request, onStep, cancel);
        } catch (const Error&) {  // Cancelled included
            throw;
        } catch (const std::exception& e) {
            if (!isOutOfMemory(e)) throw;
            detail = outOfMemoryDetail(e);
            return std::nullopt;
        }
    };
    std::string detail;
    if (auto result = attempt(m, detail)) return std::move(*result);
    // Out of memory: what the failed run held is released by now; give the cached blocks back.
    releaseCachedDeviceMemory(m.policy.device);
    const std::string where = m.policy.device.is_cpu() ? "memory" : "GPU memory (" + m.policy.device.str() + ")";
    if (!m.policy.cpuFallbackOnOutOfMemory || m.policy.isCpuFp32())
        throw Error("The run ran out of " + where + ": " + detail + ". " + outOfMemoryAdvice(m.policy));
    AceModel::Impl* cpu = nullptr;
    try {
        cpu = &m.cpuFallback();
    } catch (const std::exception& e) {
        throw Error("The run ran out of " + where + " (" + detail + ") and the CPU copy of the model could not be loaded: " +
                    e.what());
    }
    std::string cpuDetail;
    auto result = attempt(*cpu, cpuDetail);
    if (!result)
        throw Error("The run ran out of " + where + " and then out of memory on the CPU as well: " + cpuDetail + ". " +
                    outOfMemoryAdvice(cpu->policy));
    result->notice = "The run ran out of " + where + "; it ran on the CPU instead (" + detail + ").";
    return std::move(*result);
}

}  // namespace ace
