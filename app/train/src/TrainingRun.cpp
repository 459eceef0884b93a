#include "TrainingRun.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "DitTrainer.h"
#include "VaeTrainer.h"
#include "ace/common/Error.h"
#include "ace/imaging/synth/TaskSampler.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"
#include "pipeline/ModelFolder.h"
#include "pipeline/TensorImages.h"

namespace ace::train {
namespace fs = std::filesystem;

namespace {

NamedTensors moduleTensors(const torch::nn::Module& module) {
    NamedTensors out;
    for (const auto& p : module.named_parameters(true)) out.emplace_back(p.key(), p.value().detach());
    for (const auto& b : module.named_buffers(true)) out.emplace_back(b.key(), b.value().detach());
    return out;
}

void writeModule(const fs::path& file, const torch::nn::Module& module, torch::Dtype floats = torch::kFloat32) {
    NamedTensors cpu;
    for (const auto& [name, t] : moduleTensors(module)) {
        const torch::Tensor c = t.to(torch::kCPU);
        cpu.emplace_back(name, (c.is_floating_point() ? c.to(floats) : c).contiguous());
    }
    if (!file.parent_path().empty()) fs::create_directories(file.parent_path());
    ckpt::writeSafetensors(file, {cpu.begin(), cpu.end()});
}

void readModule(const fs::path& file, torch::nn::Module& module) {
    const ckpt::SafetensorsReader reader(file);
    ckpt::loadStrict(module, ckpt::sourceFromReader(reader), file.string());
}

void appendLog(const fs::path& file, const StepStats& s) {
    const bool fresh = !fs::exists(file);
    std::ofstream out(file, std::ios::app);
    if (!out) throw Error(file, "cannot append to the loss log");
    if (fresh) out << "step\tloss\tgrad_norm\tlr\tsamples_per_s\tstep_s\n";
    out << s.step << '\t' << s.loss << '\t' << s.gradNorm << '\t' << s.learningRate << '\t'
        << (s.seconds > 0 ? s.samples / s.seconds : 0.0) << '\t' << s.seconds << '\n';
}

template <typename Trainer>
int64_t runLoop(Trainer& trainer, const std::string& stage, int64_t targetSteps, int saveEvery,
                const fs::path& checkpoint, const fs::path& log, const ProgressFn& progress,
                const std::atomic<bool>* stop) {
    fs::create_directories(log.parent_path());
    int64_t lastSaved = trainer.step();
    while (trainer.step() < targetSteps) {
        if (stop && stop->load()) break;
        const StepStats s = trainer.trainStep();
        appendLog(log, s);
        if (progress) progress(stage, s, targetSteps);
        if (saveEvery > 0 && s.step % saveEvery == 0) {
            trainer.saveCheckpoint(checkpoint);
            lastSaved = s.step;
        }
    }
    if (trainer.step() != lastSaved || !fs::exists(checkpoint)) trainer.saveCheckpoint(checkpoint);
    return trainer.step();
}

torch::Tensor calibrationImages(const TrainConfig& config, int count) {
    synth::TaskSamplerOptions o;
    o.sizes = {config.sizes.front()};
    const synth::TaskSampler sampler(config.dataSeed ^ 0xCA11BULL, o);
    std::vector<torch::Tensor> images;
    for (uint64_t i = 0; static_cast<int>(images.size()) < count; ++i) images.push_back(imageToTensor(sampler.sample(i).target));
    return torch::stack(images);
}

}  // namespace

RunPaths::RunPaths(fs::path work)
    : root(work),
      config(work / "train_config.json"),
      corpus(work / "corpus.txt"),
      tokenizer(work / "tokenizer" / "spiece.model"),
      vaeCheckpoint(work / "vae" / "last.safetensors"),
      vaeLog(work / "vae" / "loss.tsv"),
      frozenVae(work / "dit" / "vae.safetensors"),
      ditCheckpoint(work / "dit" / "last.safetensors"),
      ditLog(work / "dit" / "loss.tsv"),
      decoderCheckpoint(work / "decoder" / "last.safetensors"),
      decoderLog(work / "decoder" / "loss.tsv") {}

DiTConfig ditConfigFor(const TrainConfig& c) {
    DiTConfig d;
    d.patchSize = c.arch.ditPatchSize;
    d.hiddenSize = c.arch.ditHidden;
    d.depth = c.arch.ditDepth;
    d.numHeads = c.arch.ditHeads;
    d.mlpHidden = c.arch.ditHidden * c.arch.ditMlpRatio;
    d.yChannels = c.arch.t5DModel;
    d.maxSeqLen = c.arch.maxSeqLen;
    return d;
}

T5Config t5ConfigFor(const TrainConfig& c) {
    T5Config t;
    // The tokenizer adds 100 sentinel ids after the SentencePiece pieces (T5Tokenizer::vocabSize()).
    t.vocabSize = c.arch.t5VocabSize + T5Tokenizer::kExtraIds;
    t.dModel = c.arch.t5DModel;
    t.dKv = c.arch.t5DKv;
    t.numHeads = c.arch.t5Heads;
    t.numLayers = c.arch.t5Layers;
    t.dFf = c.arch.t5DFf;
    t.relativeAttentionNumBuckets = 32;
    t.relativeAttentionMaxDistance = 128;
    t.layerNormEpsilon = 1e-6;
    return t;
}

VaeConfig vaeConfigFor(const TrainConfig& c) {
    VaeConfig v;
    v.ch = c.arch.vaeCh;
    v.chMult = c.arch.vaeChMult;
    v.numResBlocks = c.arch.vaeResBlocks;
    return v;
}

void trainTokenizer(const fs::path& corpus, const fs::path& outDir, int vocabSize, std::uint32_t seed) {
    fs::create_directories(outDir);
    std::string identifiers = "{image}";
    for (int i = 1; i <= 9; ++i) identifiers += ",{image" + std::to_string(i) + "}";
    // The same settings as `spm_train --input=corpus.txt --model_prefix=spiece --vocab_size=N
    // --random_seed=S ...`.
    sentencepiece::SetRandomGeneratorSeed(seed);
    const std::string args = "--input=" + corpus.string() + " --model_prefix=" + (outDir / "spiece").string() +
                             " --vocab_size=" + std::to_string(vocabSize) +
                             " --model_type=unigram --pad_id=0 --eos_id=1 --unk_id=2 --bos_id=-1"
                             " --character_coverage=1.0 --num_threads=1 --minloglevel=2"
                             " --user_defined_symbols=" + identifiers;
    const auto status = sentencepiece::SentencePieceTrainer::Train(args);
    if (!status.ok()) throw Error(outDir, "cannot train the tokenizer: " + status.ToString());
    fs::remove(outDir / "spiece.vocab");
}

void initRun(const fs::path& work, const TrainConfig& config) {
    const RunPaths paths(work);
    if (fs::exists(paths.config)) {
        // A cool-down set on the run (`ace-train cooldown`) finishes the same run.
        TrainConfig existing = TrainConfig::load(paths.config);
        existing.vae = withCooldownOf(existing.vae, config.vae);
        existing.dit = withCooldownOf(existing.dit, config.dit);
        existing.decoder = withCooldownOf(existing.decoder, config.decoder);
        if (existing.toJson() != config.toJson())
            throw Error(paths.config, "the work folder already holds a run with other settings");
    } else {
        config.save(paths.config);
    }
    if (!fs::exists(paths.corpus)) {
        synth::TaskSamplerOptions o;
        o.sizes = config.sizes;
        const synth::TaskSampler sampler(config.dataSeed, o);
        sampler.writeCorpus(paths.corpus, config.corpusSamples);
    }
    if (!fs::exists(paths.tokenizer))
        trainTokenizer(paths.corpus, paths.tokenizer.parent_path(), config.arch.t5VocabSize,
                       static_cast<std::uint32_t>(config.dataSeed));
}

int64_t trainVaeStage(const fs::path& work, int64_t targetSteps, torch::Device device, const ProgressFn& progress,
                      const std::atomic<bool>* stop) {
    const RunPaths paths(work);
    const TrainConfig config = TrainConfig::load(paths.config);
    AutoencoderKL vae(vaeConfigFor(config));
    initialiseVae(vae, config.dataSeed + 3);
    vae->to(device);
    VaeTrainer trainer(config, vae, device);
    if (fs::exists(paths.vaeCheckpoint)) trainer.loadCheckpoint(paths.vaeCheckpoint);
    return runLoop(trainer, "vae", targetSteps, config.vae.saveEvery, paths.vaeCheckpoint, paths.vaeLog, progress, stop);
}

namespace {

std::string describePhase(const TaskPhase& phase) {
    std::string text = "from step " + std::to_string(phase.fromStep) + " the task mix weighs";
    for (const auto& [name, weight] : phase.weights) {
        std::ostringstream w;
        w << weight;
        text += " " + name + " " + w.str() + ",";
    }
    return text + " every other kind 1";
}

struct DitParts {
    DiTACE dit{nullptr};
    T5Encoder t5{nullptr};
    AutoencoderKL vae{nullptr};
    std::shared_ptr<const T5Tokenizer> tokenizer;
};

// The VAE stage's EMA weights (CPU).
AutoencoderKL vaeStageWeights(const RunPaths& paths, const TrainConfig& config) {
    if (!fs::exists(paths.vaeCheckpoint)) throw Error(paths.vaeCheckpoint, "missing: train the VAE first (`ace-train vae`)");
    AutoencoderKL vae(vaeConfigFor(config), torch::kFloat32, vae::WeightInit::Empty);  // copyEmaTo fills it
    VaeTrainer stage(config, AutoencoderKL(vaeConfigFor(config)), torch::kCPU);
    stage.loadCheckpoint(paths.vaeCheckpoint);
    stage.copyEmaTo(vae);
    return vae;
}

// The decoder stage's EMA weights into `vae`; returns its steps (0: the stage never ran).
int64_t applyDecoderStage(const RunPaths& paths, const TrainConfig& config, AutoencoderKL& vae) {
    if (!fs::exists(paths.decoderCheckpoint)) return 0;
    VaeTrainer decoder(config, AutoencoderKL(vaeConfigFor(config)), torch::kCPU, VaePart::Decoder);
    decoder.loadCheckpoint(paths.decoderCheckpoint);
    decoder.copyEmaTo(vae);
    return decoder.step();
}

// The VAE the DiT trains on: the VAE stage's EMA weights, calibrated to ACE's latent scale, frozen
// in <work>/dit/vae.safetensors the first time a later stage needs them.
AutoencoderKL frozenVae(const RunPaths& paths, const TrainConfig& config, const LogFn& log) {
    AutoencoderKL vae(vaeConfigFor(config));
    if (!fs::exists(paths.frozenVae)) {
        vae = vaeStageWeights(paths, config);
        const double factor = calibrateLatentScale(vae, calibrationImages(config, 64));
        if (log) log("vae: latent scale calibrated by a factor " + std::to_string(factor));
        writeModule(paths.frozenVae, *vae);
    }
    readModule(paths.frozenVae, *vae);
    return vae;
}

DitParts buildDitParts(const RunPaths& paths, const TrainConfig& config, torch::Device device, const LogFn& log) {
    DitParts parts;
    if (!fs::exists(paths.tokenizer)) throw Error(paths.tokenizer, "missing: run `ace-train init` first");
    parts.tokenizer = std::make_shared<const T5Tokenizer>(paths.tokenizer);
    parts.vae = frozenVae(paths, config, log);
    DiTOptions ditOptions;
    ditOptions.device = device;
    ditOptions.trainable = true;
    parts.dit = DiTACE(ditConfigFor(config), ditOptions);
    initialiseDit(parts.dit, config.dataSeed + 1);
    parts.t5 = T5Encoder(t5ConfigFor(config));
    initialiseT5(parts.t5, t5ConfigFor(config), config.dataSeed + 2);
    parts.vae->to(device);
    parts.dit->to(device);
    parts.t5->to(device);
    return parts;
}

}  // namespace

int64_t trainDitStage(const fs::path& work, int64_t targetSteps, torch::Device device, const ProgressFn& progress,
                      const std::atomic<bool>* stop, const LogFn& log, int dataThreads) {
    const RunPaths paths(work);
    const TrainConfig config = TrainConfig::load(paths.config);
    DitParts parts = buildDitParts(paths, config, device, log);
    DitTrainer trainer(config, parts.dit, parts.t5, parts.tokenizer, parts.vae, device);
    trainer.setDataThreads(dataThreads);
    if (fs::exists(paths.ditCheckpoint)) trainer.loadCheckpoint(paths.ditCheckpoint);
    if (log) {
        for (const TaskPhase& phase : config.ditTaskPhases) log("dit: " + describePhase(phase));
        if (config.ditLatentEncoding.bf16)
            log("dit: from step " + std::to_string(config.ditLatentEncoding.fromStep) +
                " the VAE encodes the images in bf16");
    }
    return runLoop(trainer, "dit", targetSteps, config.dit.saveEvery, paths.ditCheckpoint, paths.ditLog, progress, stop);
}

int64_t trainDecoderStage(const fs::path& work, int64_t targetSteps, torch::Device device, const ProgressFn& progress,
                          const std::atomic<bool>* stop, const LogFn& log) {
    const RunPaths paths(work);
    const TrainConfig config = TrainConfig::load(paths.config);
    AutoencoderKL vae = frozenVae(paths, config, log);
    vae->to(device);
    VaeTrainer trainer(config, vae, device, VaePart::Decoder);
    if (fs::exists(paths.decoderCheckpoint)) trainer.loadCheckpoint(paths.decoderCheckpoint);
    return runLoop(trainer, "decoder", targetSteps, config.decoder.saveEvery, paths.decoderCheckpoint, paths.decoderLog,
                   progress, stop);
}

std::vector<Image> autoencoderRoundTrips(const fs::path& work, const std::vector<Image>& images) {
    const RunPaths paths(work);
    const TrainConfig config = TrainConfig::load(paths.config);
    AutoencoderKL vae = fs::exists(paths.frozenVae) ? frozenVae(paths, config, {}) : vaeStageWeights(paths, config);
    applyDecoderStage(paths, config, vae);
    torch::NoGradGuard noGrad;
    vae->eval();
    const int64_t f = vae->config().downFactor();
    std::vector<Image> out;
    for (const Image& image : images) {
        if (image.width % f || image.height % f)
            throw Error("an image of " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                        ": the autoencoder takes sides that are multiples of " + std::to_string(f));
        const torch::Tensor z = vae->encode(imageToTensor(image).unsqueeze(0), static_cast<torch::Generator*>(nullptr));
        out.push_back(tensorToImage((vae->decode(z)[0] + 1.0) / 2.0));
    }
    return out;
}

std::uintmax_t exportModel(const fs::path& work, const fs::path& out, bool builtIn, const LogFn& log,
                           torch::Dtype weights) {
    const RunPaths paths(work);
    const TrainConfig config = TrainConfig::load(paths.config);
    if (!fs::exists(paths.ditCheckpoint)) throw Error(paths.ditCheckpoint, "missing: train the DiT first (`ace-train dit`)");
    DitParts parts = buildDitParts(paths, config, torch::kCPU, log);
    DitTrainer trainer(config, parts.dit, parts.t5, parts.tokenizer, parts.vae, torch::kCPU);
    trainer.loadCheckpoint(paths.ditCheckpoint);
    DiTACE dit(ditConfigFor(config));
    T5Encoder t5(t5ConfigFor(config));
    trainer.emaModules(dit, t5);
    if (const int64_t steps = applyDecoderStage(paths, config, parts.vae); steps > 0 && log)
        log("vae: the decoder fine-tuned for " + std::to_string(steps) + " steps");

    const fs::path models = out / "models";
    for (const char* d : {"dit", "vae", "text_encoder/t5", "tokenizer/t5"}) fs::create_directories(models / d);
    writeModule(models / "dit" / "ace_builtin.safetensors", *dit, weights);
    writeModule(models / "vae" / "vae.safetensors", *parts.vae, weights);
    writeModule(models / "text_encoder" / "t5" / "model.safetensors", *t5, weights);
    fs::copy_file(paths.tokenizer, models / "tokenizer" / "t5" / "spiece.model", fs::copy_options::overwrite_existing);
    t5ConfigFor(config).writeJson(models / "text_encoder" / "t5" / "config.json");
    ModelSettings settings;
    settings.name = config.name;
    settings.builtIn = builtIn;
    settings.maxSeqLen = config.arch.maxSeqLen;
    settings.numHeads = config.arch.ditHeads;
    settings.defaultSteps = config.defaultSteps;
    settings.defaultWidth = settings.defaultHeight = config.defaultSize;
    writeModelSettings(models, settings);

    std::uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(models))
        if (e.is_regular_file()) bytes += e.file_size();
    return bytes;
}

}  // namespace ace::train
