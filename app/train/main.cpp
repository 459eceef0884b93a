// ace-train: builds the built-in model from the synthetic task data (see TrainingRun.h).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "Evaluation.h"
#include "TrainingRun.h"
#include "ace/common/Error.h"
#include "ace/engine/Runtime.h"
#include "ace/imaging/ImageIo.h"
#include "ace/imaging/synth/SampleSheet.h"
#include "ace/imaging/synth/TaskSampler.h"
#include "ace/imaging/synth/TaskScores.h"

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) { g_stop = true; }

const char* kUsage = R"(usage: ace-train <command> [options]

commands:
  init     --work DIR [--preset builtin|builtin-gpu|tiny|full] [--seed N]
           write the settings, the instruction corpus and the tokenizer of a run
  vae      --work DIR --steps N    train the autoencoder up to N steps (resumes)
  dit      --work DIR --steps N [--data-threads N]
           train the DiT and text encoder up to N steps (resumes); --data-threads render each
           batch's samples in parallel (the data stream does not depend on their number)
  decoder  --work DIR --steps N    fine-tune the frozen VAE's decoder up to N steps (resumes; the
           encoder and so the DiT's latent space stay as they are; the export takes it)
  cooldown --work DIR --from STEP --over N [--floor F] [--stage dit|vae|decoder]
           from STEP on, lower the stage's learning rate linearly to F (default 0) x its rate over
           N steps (written to WORK/train_config.json; the stage's next command follows it)
  roundtrip (--work DIR | --model DIR) --out-dir DIR IMAGE...
           each image through the autoencoder (encode to the posterior mean, decode): writes
           <stem>_vae.png and prints the mean absolute error per image (0..1)
  export   --work DIR --out DIR [--not-built-in] [--dtype fp32|fp16|bf16]
           write the EMA weights as a model folder (release layout + ace_model.json)
  preview  --out FILE.png [--seed N] [--count N] [--kind NAME] [--size WxH]
           a sheet of task samples (inputs, masks tinted, target)
  corpus   --out FILE [--seed N] [--count N]
           the instruction corpus alone (input for spm_train)
  eval     --model DIR [--count N] [--seed N] [--steps N] [--kinds a,b,...] [--size WxH] [--out-dir DIR]
           [--turns 3] [--guide-scale 4.5] [--guide-rescale 0.5]
           run N fresh samples of each task kind through the model (the app's pipeline) and print
           the mean scores per kind (synth/TaskScores.h), then N conversations of --turns edits,
           each turn on the previous output (0: none); --out-dir keeps the outputs, targets and VAE round trips

common: --threads N (intra-op threads), --device cpu|cuda
Ctrl-C during training saves a checkpoint and stops; the same command continues.
)";

// Options --name value; other arguments go to `positional` where the command takes them.
std::map<std::string, std::string> parseOptions(int argc, char** argv, std::vector<std::string>* positional) {
    std::map<std::string, std::string> opts;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (!a.starts_with("--")) {
            if (!positional) throw ace::Error("unexpected argument \"" + a + "\"");
            positional->push_back(a);
            continue;
        }
        a = a.substr(2);
        if (a == "not-built-in") {
            opts[a] = "1";
            continue;
        }
        if (i + 1 >= argc) throw ace::Error("option --" + a + " needs a value");
        opts[a] = argv[++i];
    }
    return opts;
}

std::string need(const std::map<std::string, std::string>& o, const std::string& key) {
    const auto it = o.find(key);
    if (it == o.end()) throw ace::Error("missing option --" + key);
    return it->second;
}

std::string get(const std::map<std::string, std::string>& o, const std::string& key, const std::string& fallback) {
    const auto it = o.find(key);
    return it == o.end() ? fallback : it->second;
}

std::pair<int, int> parseSize(const std::string& s) {
    const auto x = s.find('x');
    if (x == std::string::npos) throw ace::Error("--size expects WxH");
    return {std::stoi(s.substr(0, x)), std::stoi(s.substr(x + 1))};
}

void printProgress(const std::string& stage, const ace::train::StepStats& s, int64_t target) {
    static std::map<std::string, double> avg;
    double& a = avg[stage];
    a = a == 0 ? s.loss : 0.98 * a + 0.02 * s.loss;
    std::printf("%s step %lld/%lld  loss %.4f  avg %.4f  |g| %.3f  lr %.2e  %.1f samples/s\n", stage.c_str(),
                static_cast<long long>(s.step), static_cast<long long>(target), s.loss, a, s.gradNorm,
                s.learningRate, s.seconds > 0 ? s.samples / s.seconds : 0.0);
    std::fflush(stdout);
}

void printMessage(const std::string& message) {
    std::printf("%s\n", message.c_str());
    std::fflush(stdout);
}

// `ace-train cooldown`: a linear fall of one stage's learning rate, written to the run's settings.
void setCooldown(const std::map<std::string, std::string>& o) {
    const ace::train::RunPaths paths(need(o, "work"));
    auto config = ace::train::TrainConfig::load(paths.config);
    const std::string stage = get(o, "stage", "dit");
    if (stage != "dit" && stage != "vae" && stage != "decoder")
        throw ace::Error("--stage must be dit, vae or decoder");
    ace::train::StageSettings& s = stage == "dit" ? config.dit : stage == "vae" ? config.vae : config.decoder;
    s.decayFromStep = std::stoll(need(o, "from"));
    s.decaySteps = std::stoll(need(o, "over"));
    s.decayFloor = std::stod(get(o, "floor", "0"));
    if (s.decayFromStep < 1 || s.decaySteps < 1 || s.decayFloor < 0 || s.decayFloor > 1)
        throw ace::Error("--from and --over must be at least 1 and --floor within 0..1");
    config.save(paths.config);
    std::cout << stage << ": learning rate " << s.learningRate << " falls to " << s.decayFloor * s.learningRate
              << " from step " << s.decayFromStep << " to step " << s.decayFromStep + s.decaySteps << "\n";
}

// `ace-train roundtrip`: each image through a run's or a model's autoencoder.
void roundTrips(const std::map<std::string, std::string>& o, const std::vector<std::string>& positional) {
    std::vector<ace::Image> images;
    for (const std::string& file : positional) images.push_back(ace::readImage(file));
    if (images.empty()) throw ace::Error("roundtrip: name at least one image");
    for (std::size_t i = 0; i < images.size(); ++i)
        if (images[i].width % 8 || images[i].height % 8)  // the release's and the presets' 8x autoencoders
            throw ace::Error(positional[i], std::to_string(images[i].width) + "x" + std::to_string(images[i].height) +
                                                ": the autoencoder takes sides that are multiples of 8");
    std::vector<ace::Image> out;
    if (o.count("model")) {
        const auto model = ace::AceModel::load(o.at("model"));
        for (const ace::Image& image : images) out.push_back(ace::train::autoencoderRoundTrip(*model, image));
    } else {
        out = ace::train::autoencoderRoundTrips(need(o, "work"), images);
    }
    const std::filesystem::path dir = need(o, "out-dir");
    std::filesystem::create_directories(dir);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const std::filesystem::path file = dir / (std::filesystem::path(positional[i]).stem().string() + "_vae.png");
        ace::writeImage(file, out[i]);
        std::printf("%-40s L1 %.4f\n", positional[i].c_str(), ace::synth::meanAbsDifference(out[i], images[i]));
    }
}

}  // namespace

int main(int argc, char** argv) {
    ace::enableHugePageTensors();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    try {
        std::vector<std::string> positional;
        const auto o = parseOptions(argc, argv, command == "roundtrip" ? &positional : nullptr);
        if (o.count("threads")) torch::set_num_threads(std::stoi(o.at("threads")));
        const torch::Device device(get(o, "device", "cpu"));
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);

        if (command == "init") {
            auto config = ace::train::TrainConfig::preset(get(o, "preset", "builtin"));
            if (o.count("seed")) config.dataSeed = std::stoull(o.at("seed"));
            if (device.is_cuda()) config.bf16 = true;
            ace::train::initRun(need(o, "work"), config);
            std::cout << "initialised " << need(o, "work") << "\n";
        } else if (command == "vae" || command == "dit" || command == "decoder") {
            const int64_t steps = std::stoll(need(o, "steps"));
            const auto reached =
                command == "vae"
                    ? ace::train::trainVaeStage(need(o, "work"), steps, device, printProgress, &g_stop)
                : command == "decoder"
                    ? ace::train::trainDecoderStage(need(o, "work"), steps, device, printProgress, &g_stop, printMessage)
                    : ace::train::trainDitStage(need(o, "work"), steps, device, printProgress, &g_stop, printMessage,
                                                std::stoi(get(o, "data-threads", "1")));
            std::cout << command << ": checkpoint at step " << reached << "\n";
        } else if (command == "cooldown") {
            setCooldown(o);
        } else if (command == "roundtrip") {
            roundTrips(o, positional);
        } else if (command == "export") {
            const std::string dtype = get(o, "dtype", "fp32");
            if (dtype != "fp32" && dtype != "fp16" && dtype != "bf16") throw ace::Error("--dtype must be fp32, fp16 or bf16");
            const torch::Dtype weights = dtype == "fp16" ? torch::kHalf : dtype == "bf16" ? torch::kBFloat16 : torch::kFloat32;
            const auto bytes =
                ace::train::exportModel(need(o, "work"), need(o, "out"), !o.count("not-built-in"), printMessage, weights);
            std::cout << "exported " << bytes / 1024 << " KiB to " << need(o, "out") << "/models\n";
        } else if (command == "preview") {
            ace::synth::TaskSamplerOptions so;
            if (o.count("size")) so.sizes = {parseSize(o.at("size"))};
            const ace::synth::TaskSampler sampler(std::stoull(get(o, "seed", "1")), so);
            const int count = std::stoi(get(o, "count", "24"));
            std::vector<ace::synth::LcuSample> samples;
            if (o.count("kind")) {
                const auto kind = ace::synth::taskKindFromName(o.at("kind"));
                for (int i = 0; i < count; ++i) samples.push_back(sampler.sample(kind, i));
            } else {
                // One of each kind first, then the stream.
                for (auto kind : ace::synth::allTaskKinds())
                    if (static_cast<int>(samples.size()) < count) samples.push_back(sampler.sample(kind, 0));
                for (uint64_t i = 0; static_cast<int>(samples.size()) < count; ++i) samples.push_back(sampler.sample(i));
            }
            ace::writeImage(need(o, "out"), ace::synth::renderSampleSheet(samples));
            std::cout << "wrote " << samples.size() << " samples to " << need(o, "out") << "\n";
        } else if (command == "eval") {
            ace::train::EvalOptions eo;
            eo.seed = std::stoull(get(o, "seed", "777"));
            eo.samplesPerKind = std::stoi(get(o, "count", "4"));
            eo.steps = std::stoi(get(o, "steps", "0"));
            eo.guideScale = std::stod(get(o, "guide-scale", "4.5"));
            eo.guideRescale = std::stod(get(o, "guide-rescale", "0.5"));
            if (o.count("size")) eo.sizes = {parseSize(o.at("size"))};
            if (o.count("out-dir")) eo.outputDir = o.at("out-dir");
            if (o.count("kinds")) {
                std::stringstream list(o.at("kinds"));
                for (std::string k; std::getline(list, k, ',');) eo.kinds.push_back(ace::synth::taskKindFromName(k));
            }
            ace::ModelLoadOptions lo;
            lo.device = device.is_cuda() ? ace::Device::Cuda : ace::Device::Cpu;
            const auto model = ace::AceModel::load(need(o, "model"), lo);
            const auto reports = ace::train::evaluateModel(model, eo, [](const ace::train::KindReport& r) {
                std::fprintf(stderr, "eval: %s done (%d samples)\n", ace::synth::taskKindName(r.kind).c_str(), r.samples);
            });
            std::cout << ace::train::formatReports(reports);
            std::cout << "the targets through the model's VAE (the ceiling):\n"
                      << ace::train::formatReports(reports, ace::train::ReportTable::Ceiling);
            std::cout << "another sample's target as the answer (chance):\n"
                      << ace::train::formatReports(reports, ace::train::ReportTable::Chance);
            const int turns = std::stoi(get(o, "turns", "3"));
            if (turns > 0) std::cout << ace::train::formatConversationReport(ace::train::evaluateConversations(model, eo, turns));
        } else if (command == "corpus") {
            const ace::synth::TaskSampler sampler(std::stoull(get(o, "seed", "2024")));
            sampler.writeCorpus(need(o, "out"), std::stoull(get(o, "count", "20000")));
        } else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    } catch (const std::exception& e) {
        std::cerr << "ace-train: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
