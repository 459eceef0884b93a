#pragma once
// Writes model folders in the release layout with random weights: tiny ones for tests (the GUI's
// worker tests, the pipeline tests) and full-size ones for benchmarks. No torch types here.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ace {

struct RandomModelSpec {
    std::string name = "tiny random model";
    uint64_t seed = 0;
    // DiT
    int64_t hiddenSize = 64, depth = 2, numHeads = 4, maxSeqLen = 64;
    // T5 encoder (its d_model is the DiT's text width)
    int64_t t5DModel = 32, t5DKv = 8, t5NumHeads = 4, t5NumLayers = 2, t5DFf = 48;
    int t5VocabSize = 160;  // SentencePiece vocabulary trained on a small generated corpus
    // VAE
    int64_t vaeCh = 32, vaeNumResBlocks = 1;
    std::vector<int64_t> vaeChMult{1, 2, 4, 4};  // 4 levels = the release's 8x downsampling
    // Defaults stored in ace_model.json
    int defaultSteps = 4, defaultSize = 64;
};

// Creates <root>/models/{dit,vae,text_encoder/t5,tokenizer/t5} and <root>/models/ace_model.json.
// Throws ace::Error on I/O problems.
void createRandomModel(const std::filesystem::path& root, const RandomModelSpec& spec = {});

}  // namespace ace
