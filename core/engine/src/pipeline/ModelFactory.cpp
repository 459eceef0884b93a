#include "ace/engine/ModelFactory.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <fstream>

#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "dit/DiTACE.h"
#include "pipeline/ModelFolder.h"
#include "text/T5Encoder.h"
#include "vae/AutoencoderKL.h"

namespace ace {
namespace fs = std::filesystem;
namespace {

std::vector<std::pair<std::string, torch::Tensor>> namedTensors(const torch::nn::Module& module) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& p : module.named_parameters(true)) out.emplace_back(p.key(), p.value().detach());
    for (const auto& b : module.named_buffers(true)) out.emplace_back(b.key(), b.value().detach());
    return out;
}

// Random weights with every parameter non-zero (the reference zero-initialises some, which would
// hide paths from tests): matrices scaled by 1/sqrt(fan-in) so activations stay sane through the
// blocks, 1-D weights (norm scales) around 1, biases and modulation tables small.
void randomise(torch::nn::Module& module, uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& p : module.named_parameters(true)) {
        torch::Tensor t = p.value();
        auto r = torch::empty(t.sizes(), torch::kFloat32);
        const bool matrix = t.dim() > 1 && !p.key().ends_with("scale_shift_table");
        const double fanIn = matrix ? static_cast<double>(t.numel() / t.size(0)) : 1.0;
        r.normal_(0.0, matrix ? 1.0 / std::sqrt(fanIn) : 0.1, gen);
        if (t.dim() == 1 && p.key().ends_with(".weight")) r.add_(1.0);
        t.copy_(r.to(t.dtype()));
    }
}

// Trains a SentencePiece model with T5's special ids; returns its piece count.
int writeTokenizer(const fs::path& dir, int vocabSize, uint64_t seed) {
    fs::create_directories(dir);
    const fs::path corpus = dir / "corpus.txt";
    {
        std::ofstream out(corpus);
        const char* colours[] = {"red", "green", "blue", "yellow", "purple", "orange", "black", "white", "pink", "grey"};
        const char* shapes[] = {"circle", "square", "triangle", "star", "heart", "ring", "cat", "house", "tree", "car"};
        const char* verbs[] = {"make", "turn", "paint", "change", "draw", "remove", "add", "replace", "put", "move"};
        uint64_t s = seed * 2654435761u + 1;
        for (int i = 0; i < 3000; ++i) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            auto pick = [&](int n, int shift) { return static_cast<int>((s >> shift) % n); };
            out << verbs[pick(10, 3)] << " the " << colours[pick(10, 9)] << " " << shapes[pick(10, 17)]
                << " in {image} into a " << colours[pick(10, 25)] << " " << shapes[pick(10, 33)]
                << " on a plain background, like {image1}\n";
        }
    }
    const std::string args = "--input=" + corpus.string() + " --model_prefix=" + (dir / "spiece").string() +
                             " --vocab_size=" + std::to_string(vocabSize) +
                             " --hard_vocab_limit=false --model_type=unigram --pad_id=0 --eos_id=1 --unk_id=2"
                             " --bos_id=-1 --character_coverage=1.0 --num_threads=1 --minloglevel=2";
    const auto status = sentencepiece::SentencePieceTrainer::Train(args);
    if (!status.ok()) throw Error(dir, "cannot train the tokenizer: " + status.ToString());
    fs::remove(corpus);
    fs::remove(dir / "spiece.vocab");
    sentencepiece::SentencePieceProcessor sp;
    const auto loaded = sp.Load((dir / "spiece.model").string());
    if (!loaded.ok()) throw Error(dir / "spiece.model", "the trained tokenizer does not load: " + loaded.ToString());
    return sp.GetPieceSize();
}

}  // namespace

void createRandomModel(const fs::path& root, const RandomModelSpec& spec) {
    torch::NoGradGuard noGrad;
    const fs::path models = root / "models";
    for (const char* d : {"dit", "vae", "text_encoder/t5", "tokenizer/t5"}) fs::create_directories(models / d);

    const int pieces = writeTokenizer(models / "tokenizer" / "t5", spec.t5VocabSize, spec.seed);

    T5Config t5;
    t5.vocabSize = pieces + 100;  // SentencePiece pieces + T5's 100 sentinel ids
    t5.dModel = spec.t5DModel;
    t5.dKv = spec.t5DKv;
    t5.numHeads = spec.t5NumHeads;
    t5.numLayers = spec.t5NumLayers;
    t5.dFf = spec.t5DFf;
    t5.relativeAttentionNumBuckets = 32;
    t5.relativeAttentionMaxDistance = 128;
    t5.layerNormEpsilon = 1e-6;
    t5.writeJson(models / "text_encoder" / "t5" / "config.json");
    T5Encoder encoder(t5);
    randomise(*encoder, spec.seed + 1);
    ckpt::writeSafetensors(models / "text_encoder" / "t5" / "model.safetensors", namedTensors(*encoder));

    VaeConfig vae;
    vae.ch = spec.vaeCh;
    vae.chMult = spec.vaeChMult;
    vae.numResBlocks = spec.vaeNumResBlocks;
    AutoencoderKL autoencoder(vae, torch::kFloat32);
    randomise(*autoencoder, spec.seed + 2);
    ckpt::writeSafetensors(models / "vae" / "vae.safetensors", namedTensors(*autoencoder));

    DiTConfig dit;
    dit.inChannels = 4;
    dit.hiddenSize = spec.hiddenSize;
    dit.depth = spec.depth;
    dit.numHeads = spec.numHeads;
    dit.mlpHidden = spec.hiddenSize * 4;
    dit.yChannels = spec.t5DModel;
    dit.maxSeqLen = spec.maxSeqLen;
    DiTACE model(dit);
    randomise(*model, spec.seed + 3);
    ckpt::writeSafetensors(models / "dit" / "ace_tiny.safetensors", namedTensors(*model));

    ModelSettings settings;
    settings.name = spec.name;
    settings.maxSeqLen = spec.maxSeqLen;
    settings.numHeads = spec.numHeads;
    settings.defaultSteps = spec.defaultSteps;
    settings.defaultWidth = settings.defaultHeight = spec.defaultSize;
    writeModelSettings(models, settings);
}

}  // namespace ace
