#include "SlowBackend.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <thread>

#include "ace/imaging/EditCompositing.h"

namespace ace::test {

ModelInfo SlowBackend::load(const std::filesystem::path& folder, const ModelLoadOptions&,
                            const LoadProgressCallback& progress) {
    m_loaded = false;
    if (progress) progress({"dit", 0.5});
    std::ifstream marker(folder / "models" / "dit" / "test-model.txt");
    int steps = 0;
    if (!(marker >> steps) || steps <= 0) throw Error(folder / "models" / "dit", "no readable DiT checkpoint");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (progress) progress({"vae", 1.0});
    m_loaded = true;
    m_defaultSteps = steps;
    ModelInfo info;
    info.name = "test";
    info.folder = folder;
    info.device = "cpu";
    info.precision = "fp32";
    info.defaultSteps = steps;
    return info;
}

TurnResult SlowBackend::run(const TurnRequest& request, const StepCallback& onStep, const CancelToken* cancel) {
    const int steps = request.options.steps > 0 ? request.options.steps : m_defaultSteps;
    const Image* target = nullptr;
    if (!request.history.empty()) target = &request.history.front().images.front().image;
    else if (!request.current.images.empty()) target = &request.current.images.front().image;
    int w = request.options.outputWidth > 0 ? request.options.outputWidth : 512;
    int h = request.options.outputHeight > 0 ? request.options.outputHeight : 512;
    CropRect crop;
    if (target) {
        crop = referenceAspectCrop(target->width, target->height);
        const double scale = std::min(1.0, std::sqrt(1024.0 / ((crop.height / 16.0) * (crop.width / 16.0))));
        h = static_cast<int>(std::floor(crop.height * scale)) / 16 * 16;
        w = static_cast<int>(std::floor(crop.width * scale)) / 16 * 16;
    }
    for (int i = 1; i <= steps; ++i) {
        if (cancel && cancel->isCancelled()) throw Cancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(m_stepMs));
        StepProgress p;
        p.step = i;
        p.totalSteps = steps;
        p.preview = Image(w / 8, h / 8, 3, static_cast<std::uint8_t>(255 * i / steps));
        if (onStep) onStep(p);
    }
    TurnResult r;
    r.steps = steps;
    r.seed = request.options.seed >= 0 ? request.options.seed : 1234;
    r.image = Image(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* o = r.image.pixel(x, y);
            if (target) {
                // Nearest sample of the crop, shifted in colour: a model that redraws everything.
                const std::uint8_t* s = target->pixel(crop.x + (x * crop.width) / w, crop.y + (y * crop.height) / h);
                o[0] = static_cast<std::uint8_t>(255 - s[0]);
                o[1] = s[1];
                o[2] = static_cast<std::uint8_t>(s[2] / 2);
            } else {
                o[0] = static_cast<std::uint8_t>(x * 255 / w);
                o[1] = static_cast<std::uint8_t>(y * 255 / h);
                o[2] = 128;
            }
        }
    return r;
}

}  // namespace ace::test
