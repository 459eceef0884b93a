// ace-cli bench --model DIR: whole turns through the public pipeline API on a real model folder
// (the built-in model, or the release), the figure a user feels: load time, then the end-to-end
// time of a text-to-image turn and of a masked edit at the model's default size and steps.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "CliArgs.h"
#include "Commands.h"
#include "ace/engine/Pipeline.h"

namespace ace::cli {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// A gradient with a darker square: something for the edit case to work on.
Image benchImage(int width, int height) {
    Image img(width, height, 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = img.data.data() + (static_cast<size_t>(y) * width + x) * 3;
            const bool square = x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2;
            p[0] = static_cast<std::uint8_t>(square ? 40 : 60 + 150 * x / width);
            p[1] = static_cast<std::uint8_t>(square ? 40 : 90 + 100 * y / height);
            p[2] = static_cast<std::uint8_t>(square ? 160 : 200);
        }
    return img;
}

// The centre half of the image, to be repainted.
Image benchMask(int width, int height) {
    Image mask(width, height, 1);
    for (int y = height / 4; y < 3 * height / 4; ++y)
        for (int x = width / 4; x < 3 * width / 4; ++x) mask.data[static_cast<size_t>(y) * width + x] = 255;
    return mask;
}

struct CaseFigures {
    std::string name;
    std::vector<double> totalMs;
    StageTimings last;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

}  // namespace

int benchModelFolder(const CliArgs& args) {
    ModelLoadOptions options;
    const std::string device = args.value("device", "cpu");
    if (device == "cpu") options.device = Device::Cpu;
    else if (device == "cuda") options.device = Device::Cuda;
    else if (device == "auto") options.device = Device::Auto;
    else throw UsageError("--device must be cpu, cuda or auto");
    const int repeats = static_cast<int>(std::max<int64_t>(1, args.integer("repeats", 5)));

    const auto tLoad = Clock::now();
    const auto model = AceModel::load(args.value("model"), options);
    const double loadMs = msSince(tLoad);
    const ModelInfo& info = model->info();
    const int steps = static_cast<int>(args.integer("steps", info.defaultSteps));

    TurnRequest t2i;
    t2i.current.instruction = "a red circle on a blue background";
    TurnRequest edit;
    edit.current.instruction = "fill {image} with a yellow star";
    edit.current.images.push_back({benchImage(info.defaultWidth, info.defaultHeight),
                                   benchMask(info.defaultWidth, info.defaultHeight), "inpainting"});
    std::vector<std::pair<std::string, TurnRequest>> cases{{"text-to-image", t2i}, {"masked edit", edit}};

    std::cout << "model: " << info.name << (info.builtIn ? " (built-in)" : "") << ", " << info.defaultWidth << "x"
              << info.defaultHeight << ", " << info.device << " (" << info.precision << ")\n";
    std::printf("load: %.0f ms\n", loadMs);
    std::printf("%-14s %6s %10s %10s %9s %10s %10s %10s %12s\n", "case", "steps", "median ms", "min ms", "text ms",
                "encode ms", "denoise ms", "decode ms", "ms per step");
    for (auto& [name, request] : cases) {
        request.options.steps = steps;
        request.options.seed = 1;
        EditSession session(model);
        session.run(request);  // warm-up: allocations, first-use kernels
        CaseFigures f{name, {}, {}};
        for (int i = 0; i < repeats; ++i) {
            // A fresh session each time: nothing of the previous run is cached.
            EditSession fresh(model);
            request.options.seed = 1 + i;
            const TurnResult r = fresh.run(request);
            f.totalMs.push_back(r.timings.totalMs);
            f.last = r.timings;
        }
        const StageTimings& t = f.last;
        std::printf("%-14s %6d %10.0f %10.0f %9.1f %10.1f %10.1f %10.1f %12.2f\n", name.c_str(), steps,
                    median(f.totalMs), *std::min_element(f.totalMs.begin(), f.totalMs.end()), t.textEncodeMs,
                    t.vaeEncodeMs, t.denoiseMs, t.vaeDecodeMs, t.denoiseMs / std::max(1, steps));
    }
    std::fflush(stdout);
    return 0;
}

}  // namespace ace::cli
