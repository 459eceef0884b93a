#pragma once
// The loaded model behind ace::AceModel: every component, the device/dtype policy, and what is
// computed once per model (the image-indicator embeddings, the latent preview map).
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include <torch/torch.h>

#include "ace/engine/Pipeline.h"
#include "diffusion/LinearSchedule.h"
#include "dit/DiTACE.h"
#include "pipeline/ModelFolder.h"
#include "text/T5Encoder.h"
#include "text/TextEmbedder.h"
#include "vae/AutoencoderKL.h"
#include "vae/LatentPreview.h"

namespace ace {

// Device and dtypes per component, decided in one place (resolvePolicy).
struct ComputePolicy {
    torch::Device device = torch::kCPU;
    torch::Dtype ditDtype = torch::kFloat32;
    torch::Dtype vaeDtype = torch::kFloat32;
    torch::Dtype textDtype = torch::kFloat32;
    torch::Device textDevice = torch::kCPU;  // where T5 stays between runs
    bool roundQkvToHalf = false;             // the reference's fp16 attention (parity runs)
    bool cpuFallbackOnOutOfMemory = false;   // rerun on the CPU in fp32 after an out-of-memory
    int64_t tiledDecodeAbovePixels = 0;      // 0: never tile the VAE decode
    VaeTiling decodeTiling;                  // the tiles when it does

    bool isCpuFp32() const { return device.is_cpu() && ditDtype == torch::kFloat32 && vaeDtype == torch::kFloat32; }
};

ComputePolicy resolvePolicy(const ModelLoadOptions& options);
std::string dtypeName(torch::Dtype dtype);

// Where a model's converted weights and other caches go: options.cacheDir, else <root>/.ace-cache
// when writable, else the user's cache folder.
std::filesystem::path cacheFolder(const ModelLoadOptions& options, const ModelFolder& folder);

// The components as AceModel::load builds them, one function each (ace-cli bench --load times
// them). `conversion` gets the fraction done of a first-time conversion to the weight cache.
T5Encoder loadTextEncoderComponent(const ModelFolder& folder, const ComputePolicy& policy,
                                   const ModelLoadOptions& options, const std::function<void(double)>& conversion = {});
AutoencoderKL loadVaeComponent(const ModelFolder& folder, const ComputePolicy& policy, const ModelLoadOptions& options);
DiTACE loadDitComponent(const ModelFolder& folder, const ModelSettings& settings, const ComputePolicy& policy,
                        const ModelLoadOptions& options, const std::function<void(double)>& conversion = {});
// The latent preview's fit, cached beside the converted weights when options.useConvertedCache
// (keyed to the VAE file's identity, its dtype and device); *reused says whether it came from there.
LatentPreview latentPreviewComponent(AutoencoderKL& vae, const ModelFolder& folder, const ComputePolicy& policy,
                                     const ModelLoadOptions& options, bool* reused = nullptr);

struct AceModel::Impl {
    ModelInfo info;
    ModelSettings settings;
    ComputePolicy policy;
    ModelFolder folder;            // empty for a model built in memory (benchmarks)
    ModelLoadOptions loadOptions;
    std::shared_ptr<TextEmbedder> text;  // shared with the CPU fallback
    AutoencoderKL vae{nullptr};
    DiTACE dit{nullptr};
    LinearSchedule schedule;
    LatentPreview preview;
    torch::Tensor indicatorEmbeddings;  // [10, yChannels] float32, T5 of "{image}".."{image9}"
    mutable std::mutex textMutex;       // T5 may be moved between devices while encoding

    // This model on the CPU in fp32 for runs that ran out of memory: the DiT and VAE loaded again
    // from the folder on first use, the text embedder shared. Throws ace::Error when the model
    // has no folder to load from.
    Impl& cpuFallback();

private:
    std::mutex m_fallbackMutex;
    std::unique_ptr<Impl> m_fallback;
};

}  // namespace ace
