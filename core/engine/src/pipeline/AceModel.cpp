#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <map>

#include "ace/common/Error.h"
#include "ace/engine/Runtime.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/StateDict.h"
#include "checkpoint/WeightCache.h"
#include "pipeline/AceModelImpl.h"

namespace ace {
namespace fs = std::filesystem;
namespace {

torch::Dtype dtypeOf(Precision p, torch::Dtype fallback) {
    switch (p) {
        case Precision::Float32: return torch::kFloat32;
        case Precision::Float16: return torch::kFloat16;
        case Precision::BFloat16: return torch::kBFloat16;
        case Precision::Auto: break;
    }
    return fallback;
}

bool cudaUsable() {
    const RuntimeInfo& rt = initRuntime();
    return rt.cudaAvailable;
}

// The source of a component's weights, converted once to a compact cache when the compute dtype
// is a half type and the file is not already a safetensors file in that dtype.
ckpt::TensorSource componentSource(ckpt::TensorSource original, const fs::path& weights,
                                   const std::vector<fs::path>& originFiles, torch::Dtype dtype,
                                   const std::map<std::string, torch::Dtype>& keep, const ModelLoadOptions& options,
                                   const ModelFolder& folder, const std::string& cacheName,
                                   const std::function<void(double)>& progress) {
    if (!options.useConvertedCache || dtype == torch::kFloat32) return original;
    // A safetensors file already in the compute dtype (a kept tensor may be in either: a cache
    // would not make it more precise) is read as it is.
    bool alreadyCompact = weights.extension() == ".safetensors";
    for (const auto& [k, t] : original) {
        const auto it = keep.find(k);
        alreadyCompact = alreadyCompact && (t.dtype == dtype || (it != keep.end() && t.dtype == it->second) ||
                                            !c10::isFloatingType(t.dtype));
    }
    if (alreadyCompact) return original;
    const fs::path cache = cacheFolder(options, folder) / (cacheName + "-" + dtypeName(dtype) + ".safetensors");
    return ckpt::cachedSource(original, originFiles, cache, dtype, progress, keep);
}

// The parameters a module built for compute dtype `dtype` holds in another floating dtype
// (fp32 norms and modulation tables, T5's fp16 `wo`): the weight cache stores them so.
std::map<std::string, torch::Dtype> keptDtypes(const torch::nn::Module& module, torch::Dtype dtype) {
    std::map<std::string, torch::Dtype> keep;
    for (const auto& p : module.named_parameters(true))
        if (p.value().is_floating_point() && p.value().scalar_type() != dtype) keep[p.key()] = p.value().scalar_type();
    for (const auto& b : module.named_buffers(true))
        if (b.value().is_floating_point() && b.value().scalar_type() != dtype) keep[b.key()] = b.value().scalar_type();
    return keep;
}

// The files a source reads from: the checkpoint, or an index and its shards.
std::vector<fs::path> originFiles(const fs::path& weights) {
    std::vector<fs::path> files{weights};
    if (!weights.filename().string().ends_with(".index.json")) return files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(weights.parent_path(), ec)) {
        const auto ext = e.path().extension();
        if (ext == ".bin" || ext == ".safetensors") files.push_back(e.path());
    }
    std::sort(files.begin() + 1, files.end());
    return files;
}

}  // namespace

// Where converted weights go: next to the model when writable, else the user's cache folder.
fs::path cacheFolder(const ModelLoadOptions& options, const ModelFolder& folder) {
    if (!options.cacheDir.empty()) return options.cacheDir;
    const fs::path beside = folder.root / ".ace-cache";
    std::error_code ec;
    fs::create_directories(beside, ec);
    if (!ec && ::access(beside.c_str(), W_OK) == 0) return beside;
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : "/tmp") / ".cache";
    const auto tag = std::to_string(std::hash<std::string>{}(fs::absolute(folder.root).string()));
    return base / "ace-desktop" / "weights" / tag;
}

std::string dtypeName(torch::Dtype dtype) {
    switch (dtype) {
        case torch::kFloat32: return "fp32";
        case torch::kFloat16: return "fp16";
        case torch::kBFloat16: return "bf16";
        default: return std::string(c10::toString(dtype));
    }
}

ComputePolicy resolvePolicy(const ModelLoadOptions& options) {
    ComputePolicy p;
    const bool cuda = options.device == Device::Cuda || (options.device == Device::Auto && cudaUsable());
    if (options.device == Device::Cuda && !cudaUsable())
        throw Error("CUDA was requested but is not available: " + initRuntime().cudaBackendMessage +
                    ". Choose the CPU in the settings.");
    p.device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    // The reference: DiT and VAE in fp16, T5 in bf16 on the GPU. On the CPU fp32, except T5,
    // whose 4.7 B parameters would need 19 GB in fp32 (bf16 is what the reference runs anyway).
    p.ditDtype = dtypeOf(options.ditPrecision, cuda ? torch::kFloat16 : torch::kFloat32);
    p.vaeDtype = dtypeOf(options.vaePrecision, cuda ? torch::kFloat16 : torch::kFloat32);
    p.textDtype = dtypeOf(options.textEncoderPrecision, torch::kBFloat16);
    p.textDevice = options.keepTextEncoderOnDevice ? p.device : torch::Device(torch::kCPU);
    p.cpuFallbackOnOutOfMemory = options.cpuFallbackOnOutOfMemory;
    // A full decode of 1024 x 1024 in fp16 peaks at a few GiB; larger outputs go in tiles of
    // 512 px (VaeTiling's defaults) on the GPU. The CPU has the memory and time is what counts.
    constexpr int64_t kAutoTiledDecodeAbove = 1024 * 1024;
    p.tiledDecodeAbovePixels =
        options.tiledDecodeAbovePixels >= 0 ? options.tiledDecodeAbovePixels : (cuda ? kAutoTiledDecodeAbove : 0);
    return p;
}

T5Encoder loadTextEncoderComponent(const ModelFolder& folder, const ComputePolicy& policy,
                                   const ModelLoadOptions& options, const std::function<void(double)>& conversion) {
    auto source = ckpt::selectT5EncoderKeys(ckpt::openSource(folder.textEncoderWeights, ckpt::isT5EncoderKey));
    const T5Config config = T5Config::fromJson(folder.textEncoderDir / "config.json");
    // On the meta device: only the names and dtypes of what the encoder holds.
    const auto keep = keptDtypes(*T5Encoder(config, torch::TensorOptions().dtype(policy.textDtype).device(torch::kMeta)),
                                 policy.textDtype);
    source = componentSource(std::move(source), folder.textEncoderWeights, originFiles(folder.textEncoderWeights),
                             policy.textDtype, keep, options, folder, "text_encoder", conversion);
    T5Encoder encoder = loadT5Encoder(config, source, folder.textEncoderWeights.string(),
                                      torch::TensorOptions().dtype(policy.textDtype).device(policy.textDevice));
    encoder->eval();
    return encoder;
}

AutoencoderKL loadVaeComponent(const ModelFolder& folder, const ComputePolicy& policy, const ModelLoadOptions& options) {
    // The release's VAE is a 335 MB fp32 pickle; in half precision its cache is half that and mapped.
    auto convert = [&](ckpt::TensorSource mapped, const torch::nn::Module& vae) {
        return componentSource(std::move(mapped), folder.vaeFile, {folder.vaeFile}, policy.vaeDtype,
                               keptDtypes(vae, policy.vaeDtype), options, folder, "vae", {});
    };
    return loadAutoencoderKL(ckpt::openSource(folder.vaeFile), policy.vaeDtype, policy.device, convert);
}

DiTACE loadDitComponent(const ModelFolder& folder, const ModelSettings& settings, const ComputePolicy& policy,
                        const ModelLoadOptions& options, const std::function<void(double)>& conversion) {
    auto source = ckpt::mapDitKeys(ckpt::openSource(folder.ditFile));
    const DiTConfig config = DiTConfig::fromSource(source, settings.maxSeqLen, settings.numHeads);
    DiTOptions ditOptions;
    ditOptions.dtype = policy.ditDtype;
    ditOptions.device = torch::kMeta;
    const auto keep = keptDtypes(*DiTACE(config, ditOptions), policy.ditDtype);
    source = componentSource(std::move(source), folder.ditFile, originFiles(folder.ditFile), policy.ditDtype, keep, options,
                             folder, "dit", conversion);
    ditOptions.device = policy.device;
    DiTACE dit(config, ditOptions);
    ckpt::loadStrict(*dit, source, folder.ditFile.string());
    dit->to(policy.device);
    dit->eval();
    return dit;
}

LatentPreview latentPreviewComponent(AutoencoderKL& vae, const ModelFolder& folder, const ComputePolicy& policy,
                                     const ModelLoadOptions& options, bool* reused) {
    if (!options.useConvertedCache) {
        if (reused) *reused = false;
        return LatentPreview::fit(vae);
    }
    // The fit depends on the VAE's weights (its file's identity, as the weight cache keys them)
    // and on the arithmetic that ran it.
    const std::string identity =
        ckpt::originStamp({folder.vaeFile}) + " " + dtypeName(policy.vaeDtype) + " " + policy.device.str();
    const fs::path file = cacheFolder(options, folder) / ("latent-preview-" + dtypeName(policy.vaeDtype) + ".json");
    return LatentPreview::fitCached(vae, file, identity, LatentPreview::FitOptions{}, reused);
}

AceModel::Impl& AceModel::Impl::cpuFallback() {
    std::lock_guard lock(m_fallbackMutex);
    if (m_fallback) return *m_fallback;
    if (folder.root.empty()) throw Error("this model was not loaded from a folder: no CPU copy can be loaded");
    auto f = std::make_unique<Impl>();
    f->settings = settings;
    f->folder = folder;
    f->loadOptions = loadOptions;
    f->policy = policy;
    f->policy.device = torch::kCPU;
    f->policy.ditDtype = f->policy.vaeDtype = torch::kFloat32;
    f->policy.cpuFallbackOnOutOfMemory = false;
    f->policy.tiledDecodeAbovePixels = 0;
    f->text = text;
    f->vae = loadVaeComponent(folder, f->policy, loadOptions);
    f->dit = loadDitComponent(folder, settings, f->policy, loadOptions);
    f->schedule = schedule;
    f->preview = preview;
    f->indicatorEmbeddings = indicatorEmbeddings.to(torch::kCPU);
    f->info = info;
    f->info.device = "cpu";
    f->info.precision = "dit fp32, vae fp32, t5 " + dtypeName(f->policy.textDtype);
    m_fallback = std::move(f);
    return *m_fallback;
}

AceModel::AceModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

std::shared_ptr<AceModel> AceModel::fromImpl(std::unique_ptr<Impl> impl) {
    if (!impl || !impl->text || !impl->vae || !impl->dit) throw Error("AceModel::fromImpl: incomplete model");
    return std::shared_ptr<AceModel>(new AceModel(std::move(impl)));
}
AceModel::~AceModel() = default;
const ModelInfo& AceModel::info() const { return m_impl->info; }

std::shared_ptr<AceModel> AceModel::load(const fs::path& folderPath, const ModelLoadOptions& options,
                                         const LoadProgressCallback& progress) {
    torch::NoGradGuard noGrad;
    auto report = [&](const std::string& stage, double fraction) {
        if (progress) progress({stage, fraction});
    };
    auto impl = std::make_unique<Impl>();
    const ModelFolder folder = locateModelFolder(folderPath);
    impl->settings = readModelSettings(folder);
    impl->policy = resolvePolicy(options);
    impl->folder = folder;
    impl->loadOptions = options;
    const ComputePolicy& policy = impl->policy;

    report("tokenizer", 0.0);
    T5Tokenizer tokenizer = loadT5Tokenizer(folder.tokenizerModel.parent_path());

    report("text encoder", 0.02);
    {
        T5Encoder encoder = loadTextEncoderComponent(
            folder, policy, options, [&](double f) { report("converting text encoder", 0.02 + 0.5 * f); });
        impl->text = std::make_shared<TextEmbedder>(std::move(tokenizer), encoder);
        // Encoding only the real tokens gives the rows of the padded encoding (padded keys are
        // masked out) up to summation order, at a fraction of the cost: T5-XXL dominates a CPU turn.
        impl->text->setPadToMaxLength(policy.device.is_cuda());
    }

    report("vae", 0.6);
    impl->vae = loadVaeComponent(folder, policy, options);

    report("dit", 0.7);
    impl->dit = loadDitComponent(folder, impl->settings, policy, options,
                                 [&](double f) { report("converting dit", 0.7 + 0.25 * f); });

    report("image indicators", 0.97);
    impl->indicatorEmbeddings = impl->text->imageIndicatorEmbeddings().to(torch::kFloat32);
    impl->preview = latentPreviewComponent(impl->vae, folder, policy, options);

    ModelInfo& info = impl->info;
    info.name = impl->settings.name;
    info.folder = folder.root;
    info.builtIn = impl->settings.builtIn;
    info.maxSeqLen = static_cast<int>(impl->settings.maxSeqLen);
    info.defaultSteps = impl->settings.defaultSteps;
    info.defaultWidth = impl->settings.defaultWidth;
    info.defaultHeight = impl->settings.defaultHeight;
    info.guideScale = impl->settings.guideScale;
    info.guideRescale = impl->settings.guideRescale;
    info.device = policy.device.str();
    info.precision = "dit " + dtypeName(policy.ditDtype) + ", vae " + dtypeName(policy.vaeDtype) + ", t5 " +
                     dtypeName(policy.textDtype);
    report("ready", 1.0);
    return std::shared_ptr<AceModel>(new AceModel(std::move(impl)));
}

}  // namespace ace
