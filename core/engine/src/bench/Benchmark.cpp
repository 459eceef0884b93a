#include "bench/Benchmark.h"

#include <sys/resource.h>

#include <chrono>
#include <iomanip>
#include <ostream>
#include <sstream>

#include <c10/core/CachingDeviceAllocator.h>

#include "ace/common/Error.h"
#include "ace/engine/ModelFactory.h"
#include "ace/engine/Pipeline.h"
#include "ace/engine/Runtime.h"
#include "dit/DiTACE.h"
#include "pipeline/AceModelImpl.h"
#include "text/T5Encoder.h"
#include "text/T5Tokenizer.h"
#include "text/TextEmbedder.h"
#include "vae/AutoencoderKL.h"

namespace ace {
namespace {

using Clock = std::chrono::steady_clock;

double peakRssGiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / (1024.0 * 1024.0);  // ru_maxrss is in KiB
}

void sync(const torch::Device& device) {
    if (device.is_cuda()) torch::cuda::synchronize();
}

// Milliseconds of the mean of `repeats` runs after one warm-up run.
template <typename F>
double timeMs(const torch::Device& device, int repeats, F&& f) {
    f();
    sync(device);
    const auto t0 = Clock::now();
    for (int i = 0; i < repeats; ++i) f();
    sync(device);
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / repeats;
}

// Builds a module with floating-point parameters created directly in `dtype`, so that the T5-XXL
// encoder never exists in fp32 (19 GB).
template <typename M, typename C>
M buildIn(torch::Dtype dtype, const C& config) {
    const auto previous = torch::get_default_dtype();
    torch::set_default_dtype(caffe2::TypeMeta::fromScalarType(dtype));
    try {
        M m(config);
        torch::set_default_dtype(previous);
        return m;
    } catch (...) {
        torch::set_default_dtype(previous);
        throw;
    }
}

// Peak bytes the device allocator handed out since the last reset (CUDA's caching allocator, read
// through c10's device-allocator interface: no CUDA library is linked).
double peakDeviceGiB(const torch::Device& device) {
    if (device.is_cpu()) return 0;
    const auto stats = c10::getDeviceAllocator(device.type())->getDeviceStats(device.index());
    return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0 * 1024.0);
}

void resetPeakDevice(const torch::Device& device) {
    if (!device.is_cpu()) c10::getDeviceAllocator(device.type())->resetPeakStats(device.index());
}

std::string memoryText(const torch::Device& device) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << "peak RSS " << peakRssGiB() << " GiB";
    if (!device.is_cpu()) s << ", peak GPU " << peakDeviceGiB(device) << " GiB";
    return s.str();
}

void row(std::ostream& out, const std::string& what, double ms, const std::string& note = "",
         const torch::Device& device = torch::kCPU) {
    out << "  " << std::left << std::setw(34) << what << std::right << std::setw(11) << std::fixed
        << std::setprecision(2) << ms << " ms   " << memoryText(device);
    if (!note.empty()) out << "   " << note;
    out << "\n" << std::flush;
}

Image randomImage(int size, uint64_t seed, int channels = 3) {
    Image img(size, size, channels);
    uint64_t s = seed * 6364136223846793005ull + 1442695040888963407ull;
    for (auto& v : img.data) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = static_cast<uint8_t>(s >> 56);
    }
    return img;
}

Image boxMask(int size) {
    Image m(size, size, 1);
    for (int y = size / 4; y < size * 3 / 4; ++y)
        for (int x = size / 4; x < size * 3 / 4; ++x) *m.pixel(x, y) = 255;
    return m;
}

// A turn of the benchmark's cases at `size` px: t2i (1 frame), edit (image + mask, 2 frames),
// lcu4 (two history turns and an edit: 4 frames).
TurnRequest caseRequest(const std::string& name, int size, int steps) {
    TurnRequest r;
    r.options.steps = steps;
    r.options.seed = 42;
    if (name == "t2i") {
        r.current.instruction = "a red circle and a blue square on a plain grey background";
        r.options.outputWidth = r.options.outputHeight = size;
    } else {
        r.current.instruction = "make the circle in {image} blue and keep everything else";
        r.current.images.push_back({randomImage(size, 1), boxMask(size), "inpainting"});
        if (name == "lcu4") {
            r.history.push_back({"add a yellow star to {image}", {{randomImage(size, 2), {}, ""}}});
            r.history.push_back({"turn the background of {image} green", {{randomImage(size, 3), {}, ""}}});
        }
    }
    return r;
}

void endToEndRow(std::ostream& out, const std::string& what, const TurnResult& r, const torch::Device& device) {
    double stepMean = 0;
    for (double ms : r.timings.stepMs) stepMean += ms;
    if (!r.timings.stepMs.empty()) stepMean /= static_cast<double>(r.timings.stepMs.size());
    out << "  " << std::left << std::setw(22) << what << std::right << std::fixed << std::setprecision(1)
        << " T5 " << r.timings.textEncodeMs << " ms, VAE encode " << r.timings.vaeEncodeMs << " ms, DiT step "
        << stepMean << " ms (mean of " << r.timings.stepMs.size() << ", with CFG), VAE decode " << r.timings.vaeDecodeMs
        << " ms, end to end " << r.timings.totalMs << " ms, first preview " << r.timings.firstPreviewMs << " ms, "
        << memoryText(device) << "\n" << std::flush;
}

DitSample makeSample(int frames, int64_t h, int64_t w, int64_t textLen, const DiTConfig& c, const torch::TensorOptions& o) {
    DitSample s;
    for (int f = 0; f < frames; ++f) {
        s.frames.push_back({torch::randn({4, h, w}, o), torch::ones({1, h, w}, o), torch::randn({textLen, c.yChannels}, o),
                            f == 0 ? frames - 1 : f - 1});
    }
    return s;
}

}  // namespace

int runBenchmark(const BenchOptions& options, std::ostream& out) {
    torch::NoGradGuard noGrad;
    const RuntimeInfo& rt = initRuntime();
    if (options.device == "cuda" && !rt.cudaAvailable)
        throw Error("bench --device cuda: CUDA is not available (" + rt.cudaBackendMessage + ")");
    if (options.size % 16 != 0 || options.size < 64) throw Error("bench --size must be a multiple of 16, at least 64");
    const torch::Device device = options.device == "cuda" ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    torch::Dtype dtype = device.is_cuda() ? torch::kFloat16 : torch::kFloat32;
    if (options.precision == "fp32") dtype = torch::kFloat32;
    else if (options.precision == "fp16") dtype = torch::kFloat16;
    else if (options.precision == "bf16") dtype = torch::kBFloat16;
    const auto opts = torch::TensorOptions().device(device).dtype(dtype);

    out << "ace-cli bench: full-size ACE architectures, random weights\n"
        << "  device " << device.str() << ", " << at::get_num_threads() << " CPU threads, LibTorch " << rt.torchVersion
        << ", DiT/VAE " << c10::toString(dtype) << ", " << options.size << "x" << options.size << ", "
        << options.steps << " timed steps per case (each step = both CFG branches as one batch of 2)\n";

    // Text: tokenizer of a generated vocabulary (the release's spiece.model is not needed to time
    // SentencePiece), T5-v1.1-XXL encoder in bf16.
    const auto dir = std::filesystem::temp_directory_path() / ("ace-bench-" + std::to_string(::getpid()));
    createRandomModel(dir, RandomModelSpec{});
    const std::filesystem::path spiece = dir / "models" / "tokenizer" / "t5" / "spiece.model";
    {
        T5Tokenizer tokenizer(spiece);
        const std::string prompt = "make the red circle in {image} into a blue square on a plain background";
        row(out, "tokenize (120 tokens)", timeMs(device, 200, [&] { (void)tokenizer.encode(prompt); }));
    }
    const torch::Device textDevice = options.keepTextEncoderOnDevice ? device : torch::Device(torch::kCPU);
    T5Encoder t5{nullptr};
    {
        T5Config c = T5Config::v11Xxl();
        // --skip-t5: one layer of the XXL's width, enough to feed the DiT in the end-to-end runs.
        if (options.skipT5) c.numLayers = 1;
        const auto t0 = Clock::now();
        // The encoder's parameters are created uninitialised (it is always loaded from a
        // checkpoint): give them values of a trained model's scale.
        t5 = T5Encoder(c, torch::TensorOptions().dtype(torch::kBFloat16));
        for (auto& p : t5->parameters()) p.normal_(0.0, 0.05);
        t5->to(textDevice);
        t5->eval();
        const std::string name = options.skipT5 ? "T5 (1 layer of XXL width)" : "T5-XXL";
        row(out, name + " build (random, bf16)", std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), "",
            device);
        auto ids = torch::randint(3, 32000, {1, 120}, torch::TensorOptions().dtype(torch::kInt64).device(textDevice));
        auto mask = torch::ones({1, 120}, torch::TensorOptions().dtype(torch::kInt64).device(textDevice));
        row(out, name + " encode (1 x 120 tokens)", timeMs(textDevice, 1, [&] { (void)t5->forward(ids, mask); }),
            "on " + textDevice.str(), device);
    }

    VaeConfig vc;
    vc.ch = 128;
    vc.chMult = {1, 2, 4, 4};
    vc.numResBlocks = 2;
    auto vae = buildIn<AutoencoderKL>(dtype, vc);
    vae->to(device);
    vae->eval();
    const int64_t s = options.size, l = s / 8;
    auto image = torch::rand({1, 3, s, s}, opts) * 2 - 1;
    row(out, "VAE encode (1 image)", timeMs(device, 1, [&] { (void)vae->moments(image); }));
    auto latent = torch::randn({1, 4, l, l}, opts);
    row(out, "VAE decode (1 image)", timeMs(device, 1, [&] { (void)vae->decode(latent); }));

    DiTConfig dc;
    dc.hiddenSize = 1152;
    dc.depth = 28;
    dc.numHeads = 16;
    dc.mlpHidden = 4608;
    dc.yChannels = 4096;
    dc.maxSeqLen = s > 512 ? 4096 : 1024;
    auto dit = buildIn<DiTACE>(dtype, dc);
    dit->to(device);
    dit->eval();
    const auto pos = torch::randn({10, dc.yChannels}, opts);
    for (const auto& name : options.cases) {
        const int frames = name == "t2i" ? 1 : name == "edit" ? 2 : name == "lcu4" ? 4 : 0;
        if (frames == 0) throw Error("bench: unknown case '" + name + "' (t2i, edit, lcu4)");
        std::vector<DitSample> batch{makeSample(frames, l, l, 24, dc, opts), makeSample(frames, l, l, 1, dc, opts)};
        auto t = torch::full({2}, 500, torch::TensorOptions().dtype(torch::kInt64).device(device));
        resetPeakDevice(device);
        const double ms = timeMs(device, options.steps, [&] { (void)dit->forward(batch, t, pos); });
        row(out, "DiT step, CFG (" + name + ", " + std::to_string(frames) + " frame" + (frames > 1 ? "s" : "") + ")", ms,
            std::to_string(frames * (l / 2) * (l / 2)) + " tokens per sample", device);
    }

    if (options.endToEndSteps > 0) {
        // The same random components as one model: whole turns through EditSession, as the GUI
        // runs them (previews every step, the cheap linear map).
        auto impl = std::make_unique<AceModel::Impl>();
        impl->settings.name = "bench";
        impl->settings.maxSeqLen = dc.maxSeqLen;
        impl->settings.numHeads = dc.numHeads;
        impl->settings.defaultSteps = options.endToEndSteps;
        impl->settings.defaultWidth = impl->settings.defaultHeight = options.size;
        ModelLoadOptions lo;
        lo.device = device.is_cuda() ? Device::Cuda : Device::Cpu;
        lo.keepTextEncoderOnDevice = options.keepTextEncoderOnDevice;
        impl->policy = resolvePolicy(lo);
        impl->policy.ditDtype = impl->policy.vaeDtype = dtype;
        impl->policy.cpuFallbackOnOutOfMemory = false;  // a benchmark reports the failure
        impl->text = std::make_shared<TextEmbedder>(T5Tokenizer(spiece), t5);
        impl->text->setPadToMaxLength(device.is_cuda());
        impl->vae = vae;
        impl->dit = dit;
        torch::Tensor w = torch::randn({3, 4}) * 0.3;
        impl->preview = LatentPreview{w, torch::zeros({3})};
        impl->indicatorEmbeddings = impl->text->imageIndicatorEmbeddings().to(torch::kFloat32);
        const auto model = AceModel::fromImpl(std::move(impl));
        out << "  end to end (" << options.endToEndSteps << " steps, CFG, a preview per step; T5 on " << textDevice.str()
            << "; 2nd = the same turn again, its instruction embedding and image latents cached):\n";
        for (const auto& name : options.cases) {
            EditSession session(model);
            const TurnRequest request = caseRequest(name, options.size, options.endToEndSteps);
            for (const char* pass : {"1st", "2nd"}) {
                resetPeakDevice(device);
                const TurnResult r = session.run(request, [](const StepProgress&) {});
                endToEndRow(out, std::string(name) + " " + pass, r, device);
            }
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}

}  // namespace ace
