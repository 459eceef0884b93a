#pragma once
// The loaded model behind ace::AceModel: every component, the device/dtype policy, and what is
// computed once per model (the image-indicator embeddings, the latent preview map).
#include <memory>
#include <optional>

#include <torch/torch.h>

#include "ace/engine/Pipeline.h"
#include "diffusion/LinearSchedule.h"
#include "dit/DiTACE.h"
#include "pipeline/ModelFolder.h"
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
};

ComputePolicy resolvePolicy(const ModelLoadOptions& options);
std::string dtypeName(torch::Dtype dtype);

struct AceModel::Impl {
    ModelInfo info;
    ModelSettings settings;
    ComputePolicy policy;
    std::unique_ptr<TextEmbedder> text;
    AutoencoderKL vae{nullptr};
    DiTACE dit{nullptr};
    LinearSchedule schedule;
    LatentPreview preview;
    torch::Tensor indicatorEmbeddings;  // [10, yChannels] float32, T5 of "{image}".."{image9}"
    mutable std::mutex textMutex;       // T5 may be moved between devices while encoding
};

}  // namespace ace
