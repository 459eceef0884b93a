// ace-cli run: one turn (with optional history) from the command line.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "CliArgs.h"
#include "Commands.h"
#include "ace/common/Error.h"
#include "ace/engine/Pipeline.h"
#include "ace/imaging/ImageIo.h"

namespace ace::cli {
namespace fs = std::filesystem;
namespace {

InputImage readInput(const fs::path& image, const fs::path& mask, const std::string& task) {
    InputImage in;
    in.image = readImage(image, 3);
    if (!mask.empty()) {
        in.mask = readImage(mask, 1);
        if (in.mask.width != in.image.width || in.mask.height != in.image.height)
            throw Error(mask, "the mask is " + std::to_string(in.mask.width) + "x" + std::to_string(in.mask.height) +
                                  " but its image " + image.string() + " is " + std::to_string(in.image.width) + "x" +
                                  std::to_string(in.image.height));
    }
    in.task = task;
    return in;
}

// History file: [{"instruction": "...", "images": [{"image": "a.png", "mask": "m.png", "task": ""}]}, ...]
// with paths relative to the file; oldest turn first.
std::vector<Turn> readHistory(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw Error(file, "cannot open the history file");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_array()) throw Error(file, "the history must be a JSON array of turns");
    std::vector<Turn> turns;
    const fs::path base = file.parent_path();
    try {
        for (const auto& t : j) {
            Turn turn;
            turn.instruction = t.at("instruction").get<std::string>();
            for (const auto& im : t.value("images", nlohmann::json::array())) {
                const std::string mask = im.value("mask", std::string());
                turn.images.push_back(readInput(base / im.at("image").get<std::string>(),
                                                mask.empty() ? fs::path() : base / mask, im.value("task", std::string())));
            }
            turns.push_back(std::move(turn));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("invalid history entry: ") + e.what());
    }
    return turns;
}

Device parseDevice(const std::string& s) {
    if (s == "auto") return Device::Auto;
    if (s == "cpu") return Device::Cpu;
    if (s == "cuda") return Device::Cuda;
    throw UsageError("--device must be auto, cpu or cuda");
}

void drawBar(const char* what, int done, int total, double seconds) {
    const int width = 30;
    const int filled = total > 0 ? done * width / total : 0;
    std::fprintf(stderr, "\r%-12s [%.*s%*s] %d/%d %.1fs", what, filled, "##############################",
                 width - filled, "", done, total, seconds);
    if (done >= total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace

int runCommand(const CliArgs& args) {
    if (!args.has("model")) throw UsageError("run needs --model DIR");
    if (!args.has("out")) throw UsageError("run needs --out FILE.png");

    TurnRequest request;
    request.current.instruction = args.value("prompt");
    const auto images = args.values("image");
    const auto masks = args.values("mask");
    const auto tasks = args.values("task");
    if (masks.size() > images.size()) throw UsageError("more --mask than --image options");
    if (tasks.size() > images.size() && !(images.empty() && tasks.size() <= 1))
        throw UsageError("more --task than --image options");
    for (size_t i = 0; i < images.size(); ++i)
        request.current.images.push_back(readInput(images[i], i < masks.size() ? fs::path(masks[i]) : fs::path(),
                                                   i < tasks.size() ? tasks[i] : std::string()));
    if (args.has("history")) request.history = readHistory(args.value("history"));

    GenerationOptions& o = request.options;
    o.seed = args.integer("seed", -1);
    o.steps = static_cast<int>(args.integer("steps", 0));
    o.guideScale = args.number("guide-scale", 0.0);     // 0: the model's (ace_model.json)
    o.guideRescale = args.number("guide-rescale", -1.0);
    o.negativePrompt = args.value("negative-prompt");
    o.outputWidth = static_cast<int>(args.integer("width", 0));
    o.outputHeight = static_cast<int>(args.integer("height", 0));
    o.usePosteriorMean = args.has("posterior-mean");
    o.fullDecodePreviewEvery = static_cast<int>(args.integer("decode-preview-every", 0));
    const fs::path previewDir = args.value("preview-dir");
    if (!previewDir.empty()) fs::create_directories(previewDir);

    ModelLoadOptions loadOptions;
    loadOptions.device = parseDevice(args.value("device", "auto"));
    const auto t0 = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    auto model = AceModel::load(args.value("model"), loadOptions, [&](const LoadProgress& p) {
        drawBar("loading", static_cast<int>(p.fraction * 100), 100, seconds());
    });
    std::fprintf(stderr, "model: %s on %s (%s)\n", model->info().name.c_str(), model->info().device.c_str(),
                 model->info().precision.c_str());

    EditSession session(model);
    const auto t1 = std::chrono::steady_clock::now();
    const TurnResult result = session.run(request, [&](const StepProgress& p) {
        drawBar("denoising", p.step, p.totalSteps,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
        if (!previewDir.empty()) {
            char name[64];
            std::snprintf(name, sizeof name, "step_%03d%s.png", p.step, p.fullDecode ? "_decoded" : "");
            writeImage(previewDir / name, p.preview);
        }
    });
    writeImage(args.value("out"), result.image);
    const StageTimings& t = result.timings;
    std::fprintf(stderr,
                 "wrote %s (%dx%d), seed %lld, %d steps, guidance %.2g rescale %.2g; text %.0f ms, vae encode %.0f ms, denoise %.0f ms, "
                 "vae decode %.0f ms, total %.0f ms\n",
                 args.value("out").c_str(), result.image.width, result.image.height,
                 static_cast<long long>(result.seed), result.steps, result.guideScale, result.guideRescale, t.textEncodeMs, t.vaeEncodeMs, t.denoiseMs,
                 t.vaeDecodeMs, t.totalMs);
    return 0;
}

}  // namespace ace::cli
