#pragma once
// Where the parts of a model live on disk. The release layout (ACE-0.6B-512px/1024px):
//   <root>/models/dit/ace_0.6b_512px.pth
//   <root>/models/vae/vae.bin
//   <root>/models/text_encoder/t5-v1_1-xxl/{config.json, pytorch_model-*.bin, *.index.json}
//   <root>/models/tokenizer/t5-v1_1-xxl/spiece.model
// The user may point at <root> or at <root>/models. An optional <models>/ace_model.json (ours)
// gives what the weights cannot tell (token budget, heads, defaults, a display name); without it
// the values come from the release configurations, chosen by the DiT file name (512px/1024px).
#include <filesystem>
#include <string>

namespace ace {

struct ModelFolder {
    std::filesystem::path root;         // the folder holding dit/, vae/, text_encoder/, tokenizer/
    std::filesystem::path ditFile;
    std::filesystem::path vaeFile;
    std::filesystem::path textEncoderDir;
    std::filesystem::path textEncoderWeights;  // a single checkpoint or an *.index.json
    std::filesystem::path tokenizerModel;      // spiece.model
};

struct ModelSettings {
    std::string name;
    bool builtIn = false;
    int64_t maxSeqLen = 1024;
    int64_t numHeads = 16;
    int defaultSteps = 20;
    int defaultWidth = 512;
    int defaultHeight = 512;
    double guideScale = 4.5;
    double guideRescale = 0.5;
};

// Throws ace::Error saying which part is missing and what the folder should contain.
ModelFolder locateModelFolder(const std::filesystem::path& folder);

// Reads <root>/ace_model.json when present, else infers from the DiT file name.
ModelSettings readModelSettings(const ModelFolder& folder);

// Writes ace_model.json (used by the built-in and test models).
void writeModelSettings(const std::filesystem::path& root, const ModelSettings& settings);

}  // namespace ace
