#include <unistd.h>

#include <cstdlib>
#include <functional>

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

// The source of a component's weights, converted once to a compact cache when the compute dtype
// is a half type and the file is not already a safetensors file in that dtype.
ckpt::TensorSource componentSource(ckpt::TensorSource original, const fs::path& weights,
                                   const std::vector<fs::path>& originFiles, torch::Dtype dtype,
                                   const ModelLoadOptions& options, const ModelFolder& folder,
                                   const std::string& cacheName, const std::function<void(double)>& progress) {
    if (!options.useConvertedCache || dtype == torch::kFloat32) return original;
    bool alreadyCompact = weights.extension() == ".safetensors";
    for (const auto& [k, t] : original)
        alreadyCompact = alreadyCompact && (t.dtype == dtype || !c10::isFloatingType(t.dtype));
    if (alreadyCompact) return original;
    const fs::path cache = cacheFolder(options, folder) / (cacheName + "-" + dtypeName(dtype) + ".safetensors");
    return ckpt::cachedSource(original, originFiles, cache, dtype, progress);
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
    return p;
}

AceModel::AceModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
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
    const ComputePolicy& policy = impl->policy;

    report("tokenizer", 0.0);
    T5Tokenizer tokenizer = loadT5Tokenizer(folder.tokenizerModel.parent_path());

    report("text encoder", 0.02);
    {
        auto source = ckpt::selectT5EncoderKeys(ckpt::openSource(folder.textEncoderWeights, ckpt::isT5EncoderKey));
        source = componentSource(std::move(source), folder.textEncoderWeights, originFiles(folder.textEncoderWeights),
                                 policy.textDtype, options, folder, "text_encoder",
                                 [&](double f) { report("converting text encoder", 0.02 + 0.5 * f); });
        const T5Config config = T5Config::fromJson(folder.textEncoderDir / "config.json");
        T5Encoder encoder = loadT5Encoder(config, source, folder.textEncoderWeights.string(),
                                          torch::TensorOptions().dtype(policy.textDtype).device(policy.textDevice));
        encoder->eval();
        impl->text = std::make_unique<TextEmbedder>(std::move(tokenizer), encoder);
        // Encoding only the real tokens gives the rows of the padded encoding (padded keys are
        // masked out) up to summation order, at a fraction of the cost: T5-XXL dominates a CPU turn.
        impl->text->setPadToMaxLength(policy.device.is_cuda());
    }

    report("vae", 0.6);
    impl->vae = loadAutoencoderKL(ckpt::mapVaeKeys(ckpt::openSource(folder.vaeFile)), policy.vaeDtype, policy.device);
    impl->vae->eval();

    report("dit", 0.7);
    {
        auto source = ckpt::mapDitKeys(ckpt::openSource(folder.ditFile));
        source = componentSource(std::move(source), folder.ditFile, originFiles(folder.ditFile), policy.ditDtype, options, folder,
                                 "dit", [&](double f) { report("converting dit", 0.7 + 0.25 * f); });
        const DiTConfig config = DiTConfig::fromSource(source, impl->settings.maxSeqLen, impl->settings.numHeads);
        DiTOptions ditOptions;
        ditOptions.dtype = policy.ditDtype;
        ditOptions.device = policy.device;
        impl->dit = DiTACE(config, ditOptions);
        ckpt::loadStrict(*impl->dit, source, folder.ditFile.string());
        impl->dit->to(policy.device);
        impl->dit->eval();
    }

    report("image indicators", 0.97);
    impl->indicatorEmbeddings = impl->text->imageIndicatorEmbeddings().to(torch::kFloat32);
    impl->preview = LatentPreview::fit(impl->vae);

    ModelInfo& info = impl->info;
    info.name = impl->settings.name;
    info.folder = folder.root;
    info.builtIn = impl->settings.builtIn;
    info.maxSeqLen = static_cast<int>(impl->settings.maxSeqLen);
    info.defaultSteps = impl->settings.defaultSteps;
    info.defaultWidth = impl->settings.defaultWidth;
    info.defaultHeight = impl->settings.defaultHeight;
    info.device = policy.device.str();
    info.precision = "dit " + dtypeName(policy.ditDtype) + ", vae " + dtypeName(policy.vaeDtype) + ", t5 " +
                     dtypeName(policy.textDtype);
    report("ready", 1.0);
    return std::shared_ptr<AceModel>(new AceModel(std::move(impl)));
}

}  // namespace ace
