#include "bench/Benchmark.h"

#include <sys/resource.h>

#include <chrono>
#include <iomanip>
#include <ostream>

#include "ace/common/Error.h"
#include "ace/engine/ModelFactory.h"
#include "ace/engine/Runtime.h"
#include "dit/DiTACE.h"
#include "text/T5Encoder.h"
#include "text/T5Tokenizer.h"
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

void row(std::ostream& out, const std::string& what, double ms, const std::string& note = "") {
    out << "  " << std::left << std::setw(34) << what << std::right << std::setw(11) << std::fixed
        << std::setprecision(2) << ms << " ms   peak RSS " << std::setprecision(2) << peakRssGiB() << " GiB";
    if (!note.empty()) out << "   " << note;
    out << "\n" << std::flush;
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
    {
        const auto dir = std::filesystem::temp_directory_path() / ("ace-bench-" + std::to_string(::getpid()));
        RandomModelSpec tiny;
        createRandomModel(dir, tiny);
        T5Tokenizer tokenizer(dir / "models" / "tokenizer" / "t5" / "spiece.model");
        const std::string prompt = "make the red circle in {image} into a blue square on a plain background";
        row(out, "tokenize (120 tokens)", timeMs(device, 200, [&] { (void)tokenizer.encode(prompt); }));
        std::filesystem::remove_all(dir);
    }
    if (!options.skipT5) {
        T5Config c;
        c.vocabSize = 32128;
        c.dModel = 4096;
        c.dKv = 64;
        c.numHeads = 64;
        c.numLayers = 24;
        c.dFf = 10240;
        c.relativeAttentionNumBuckets = 32;
        c.relativeAttentionMaxDistance = 128;
        c.layerNormEpsilon = 1e-6;
        const auto t0 = Clock::now();
        // The encoder's parameters are created uninitialised (it is always loaded from a
        // checkpoint): give them values of a trained model's scale.
        T5Encoder t5(c, torch::TensorOptions().dtype(torch::kBFloat16));
        for (auto& p : t5->parameters()) p.normal_(0.0, 0.05);
        t5->to(device);
        t5->eval();
        row(out, "T5-XXL build (random, bf16)", std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        auto ids = torch::randint(3, 32000, {1, 120}, torch::TensorOptions().dtype(torch::kInt64).device(device));
        auto mask = torch::ones({1, 120}, torch::TensorOptions().dtype(torch::kInt64).device(device));
        row(out, "T5-XXL encode (1 x 120 tokens)", timeMs(device, 1, [&] { (void)t5->forward(ids, mask); }));
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
        const double ms = timeMs(device, options.steps, [&] { (void)dit->forward(batch, t, pos); });
        row(out, "DiT step, CFG (" + name + ", " + std::to_string(frames) + " frame" + (frames > 1 ? "s" : "") + ")", ms,
            std::to_string(frames * (l / 2) * (l / 2)) + " tokens per sample");
    }
    return 0;
}

}  // namespace ace
