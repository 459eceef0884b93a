#include "bench/LoadBenchmark.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "ace/common/Error.h"
#include "ace/engine/ModelFactory.h"
#include "checkpoint/TorchZipWriter.h"
#include "pipeline/AceModelImpl.h"
#include "pipeline/ModelFolder.h"

namespace ace {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr int kXxlLayers = 24;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

uint64_t bytesOf(const std::vector<int64_t>& shape, torch::Dtype dtype) {
    uint64_t n = torch::elementSize(dtype);
    for (int64_t d : shape) n *= static_cast<uint64_t>(d);
    return n;
}

struct Spec {
    std::string name;
    std::vector<int64_t> shape;
};

uint64_t bytesOf(const std::vector<Spec>& specs, torch::Dtype dtype) {
    uint64_t n = 0;
    for (const Spec& s : specs) n += bytesOf(s.shape, dtype);
    return n;
}

std::vector<Spec> specsOf(const torch::nn::Module& module) {
    std::vector<Spec> out;
    for (const auto& p : module.named_parameters(true)) out.push_back({p.key(), p.value().sizes().vec()});
    for (const auto& b : module.named_buffers(true)) out.push_back({b.key(), b.value().sizes().vec()});
    return out;
}

// Random fp32 values of a trained model's scale, drawn per tensor (the load does not look at them).
std::vector<ckpt::StreamedTensor> randomTensors(const std::vector<Spec>& specs, uint64_t seed) {
    std::vector<ckpt::StreamedTensor> out;
    for (size_t i = 0; i < specs.size(); ++i) {
        const Spec s = specs[i];
        out.push_back({s.name, torch::kFloat32, s.shape, [s, seed, i] {
                           auto gen = at::make_generator<at::CPUGeneratorImpl>(seed * 1000003 + i);
                           return torch::empty(s.shape, torch::kFloat32).uniform_(-0.05, 0.05, gen);
                       }});
    }
    return out;
}

// The Hugging Face names of T5's decoder (T5ForConditionalGeneration), `layers` blocks.
std::vector<Spec> t5DecoderSpecs(const T5Config& c, int layers) {
    std::vector<Spec> out;
    const int64_t inner = c.numHeads * c.dKv;
    for (int i = 0; i < layers; ++i) {
        const std::string b = "decoder.block." + std::to_string(i) + ".layer.";
        for (const char* m : {"q", "k", "v"}) out.push_back({b + "0.SelfAttention." + m + ".weight", {inner, c.dModel}});
        out.push_back({b + "0.SelfAttention.o.weight", {c.dModel, inner}});
        if (i == 0) out.push_back({b + "0.SelfAttention.relative_attention_bias.weight", {c.relativeAttentionNumBuckets, c.numHeads}});
        out.push_back({b + "0.layer_norm.weight", {c.dModel}});
        for (const char* m : {"q", "k", "v"}) out.push_back({b + "1.EncDecAttention." + m + ".weight", {inner, c.dModel}});
        out.push_back({b + "1.EncDecAttention.o.weight", {c.dModel, inner}});
        out.push_back({b + "1.layer_norm.weight", {c.dModel}});
        out.push_back({b + "2.DenseReluDense.wi_0.weight", {c.dFf, c.dModel}});
        out.push_back({b + "2.DenseReluDense.wi_1.weight", {c.dFf, c.dModel}});
        out.push_back({b + "2.DenseReluDense.wo.weight", {c.dModel, c.dFf}});
        out.push_back({b + "2.layer_norm.weight", {c.dModel}});
    }
    out.push_back({"decoder.final_layer_norm.weight", {c.dModel}});
    out.push_back({"lm_head.weight", {c.vocabSize, c.dModel}});
    return out;
}

// Writes a file's dirty pages and drops the file from the page cache, so that the next read
// comes from the disk (a "cold" load, as after a reboot) without touching other processes' data.
bool evict(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) return false;
    ::fsync(fd);
    const bool ok = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
    return ok;
}

void evictAll(const fs::path& folder) {
    std::error_code ec;
    if (fs::is_regular_file(folder, ec)) {
        evict(folder);
        return;
    }
    for (const auto& e : fs::recursive_directory_iterator(folder, ec))
        if (e.is_regular_file()) evict(e.path());
}

uint64_t folderBytes(const fs::path& folder) {
    uint64_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(folder, ec))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

// Reads a file with plain read() calls: the disk's sequential speed, for context.
double readGiBPerSecond(const fs::path& file) {
    evict(file);
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) return 0;
    std::vector<char> buffer(16 << 20);
    uint64_t total = 0;
    const auto t0 = Clock::now();
    for (ssize_t n; (n = ::read(fd, buffer.data(), buffer.size())) > 0;) total += static_cast<uint64_t>(n);
    ::close(fd);
    return total / kGiB / secondsSince(t0);
}

std::string cell(double seconds) {
    if (seconds < 0) return "-";
    std::ostringstream s;
    s << std::fixed << std::setprecision(seconds < 10 ? 2 : 1) << seconds << " s";
    return s.str();
}

std::string gib(uint64_t bytes) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << bytes / kGiB << " GiB";
    return s.str();
}

struct Row {
    std::string what, size;
    double original = -1, firstConversion = -1, cachedCold = -1, cachedWarm = -1;
    std::string note;
};

void printRow(std::ostream& out, const Row& r) {
    out << "  " << std::left << std::setw(40) << r.what << std::right << std::setw(11) << r.size << std::setw(12)
        << cell(r.original) << std::setw(14) << cell(r.firstConversion) << std::setw(12) << cell(r.cachedCold)
        << std::setw(12) << cell(r.cachedWarm);
    if (!r.note.empty()) out << "   " << r.note;
    out << "\n" << std::flush;
}

double peakRssGiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / (1024.0 * 1024.0);
}

}  // namespace

int runLoadBenchmark(const LoadBenchOptions& options, std::ostream& out) {
    torch::NoGradGuard noGrad;
    const fs::path root = options.dir.empty() ? fs::temp_directory_path() / ("ace-loadbench-" + std::to_string(::getpid()))
                                              : options.dir;
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) throw Error(root, "cannot create the benchmark folder: " + ec.message());
    const fs::path models = root / "models";
    const fs::path cacheDir = root / "cache";

    // The release's architectures (512px) and their key sets, from modules on the meta device.
    DiTConfig dc;
    DiTOptions metaDit;
    metaDit.device = torch::kMeta;
    const std::vector<Spec> ditSpecs = specsOf(*DiTACE(dc, metaDit));
    VaeConfig vc;
    const std::vector<Spec> vaeSpecs = specsOf(*AutoencoderKL(vc));
    const std::vector<Spec> t5Full = specsOf(*T5Encoder(T5Config::v11Xxl(kXxlLayers), torch::TensorOptions().device(torch::kMeta)));
    const T5Config one = T5Config::v11Xxl(1);
    auto encoderBytes = [](int layers) {
        return bytesOf(specsOf(*T5Encoder(T5Config::v11Xxl(layers), torch::TensorOptions().device(torch::kMeta))), torch::kFloat32);
    };
    const uint64_t t5Layer = encoderBytes(2) - encoderBytes(1);
    const uint64_t t5Base = encoderBytes(1) - t5Layer;  // shared embedding, final norm, position bias
    const uint64_t decoderBase = bytesOf(t5DecoderSpecs(one, 0), torch::kFloat32);
    const uint64_t decoderLayer = bytesOf(t5DecoderSpecs(one, 1), torch::kFloat32) - decoderBase;

    // Budget: originals (fp32) + caches (DiT fp16, T5 bf16 encoder).
    uint64_t budget = static_cast<uint64_t>(options.maxGiB * kGiB);
    const fs::space_info space = fs::space(root, ec);
    if (!ec && space.available < budget + static_cast<uint64_t>(2 * kGiB)) {
        out << "  note: only " << gib(space.available) << " free at " << root << ", budget lowered\n";
        budget = space.available > static_cast<uint64_t>(3 * kGiB) ? space.available - static_cast<uint64_t>(2 * kGiB) : 0;
    }
    const uint64_t fixed = bytesOf(ditSpecs, torch::kFloat32) * 3 / 2 + bytesOf(vaeSpecs, torch::kFloat32) + t5Base * 3 / 2;
    int encoderLayers = options.t5EncoderLayers;
    int decoderLayers = options.t5DecoderLayers;
    if (encoderLayers <= 0) {
        const uint64_t minDecoder = decoderBase + decoderLayer;
        const int64_t room = static_cast<int64_t>(budget) - static_cast<int64_t>(fixed + minDecoder);
        encoderLayers = static_cast<int>(std::clamp<int64_t>(room / static_cast<int64_t>(t5Layer * 3 / 2), 0, kXxlLayers));
        if (encoderLayers == 0) throw Error(root, "the disk budget of " + gib(budget) + " cannot hold one T5 layer besides the DiT and VAE");
    }
    encoderLayers = std::min(encoderLayers, kXxlLayers);
    if (decoderLayers < 0) {
        const int64_t room = static_cast<int64_t>(budget) -
                             static_cast<int64_t>(fixed + encoderLayers * t5Layer * 3 / 2 + decoderBase);
        decoderLayers = static_cast<int>(std::clamp<int64_t>(room / static_cast<int64_t>(decoderLayer), 1, kXxlLayers));
    }
    decoderLayers = std::min(decoderLayers, kXxlLayers);

    out << "ace-cli bench --load: full-size random-weight checkpoints in the release formats, " << root << "\n"
        << "  DiT ACE-0.6B-512px (.pth, fp32), VAE (.bin, fp32), T5-v1.1-XXL (sharded pytorch_model-*.bin, fp32): "
        << encoderLayers << " of " << kXxlLayers << " encoder layers and " << decoderLayers << " of " << kXxlLayers
        << " decoder layers (the release holds all 24 + 24, 45 GB; budget " << gib(budget) << ")\n";

    // ---- write ----
    const auto tw = Clock::now();
    ckpt::writeTorchCheckpoint(models / "dit" / "ace_0.6b_512px.pth", randomTensors(ditSpecs, 1));
    ckpt::writeTorchCheckpoint(models / "vae" / "vae.bin", randomTensors(vaeSpecs, 2));
    const T5Config t5c = T5Config::v11Xxl(encoderLayers);
    const fs::path t5Dir = models / "text_encoder" / "t5-v1_1-xxl";
    fs::create_directories(t5Dir);
    t5c.writeJson(t5Dir / "config.json");
    {
        std::vector<Spec> t5Specs = specsOf(*T5Encoder(t5c, torch::TensorOptions().device(torch::kMeta)));
        const auto decoder = t5DecoderSpecs(t5c, decoderLayers);
        t5Specs.insert(t5Specs.end(), decoder.begin(), decoder.end());
        ckpt::writeShardedTorchCheckpoint(t5Dir, "pytorch_model", randomTensors(t5Specs, 3), uint64_t{2} << 30);
    }
    {
        // SentencePiece is not timed here; any tokenizer completes the layout.
        const fs::path tiny = root / "tiny";
        createRandomModel(tiny, {});
        fs::create_directories(models / "tokenizer" / "t5-v1_1-xxl");
        fs::copy_file(tiny / "models" / "tokenizer" / "t5" / "spiece.model", models / "tokenizer" / "t5-v1_1-xxl" / "spiece.model",
                      fs::copy_options::overwrite_existing);
        fs::remove_all(tiny);
    }
    evictAll(models);
    const uint64_t written = folderBytes(models);
    out << "  wrote " << gib(written) << " in " << cell(secondsSince(tw)) << "; disk read "
        << std::setprecision(2) << std::fixed << readGiBPerSecond(models / "dit" / "ace_0.6b_512px.pth")
        << " GiB/s (the DiT file, cold)\n";

    const ModelFolder folder = locateModelFolder(root);
    const ModelSettings settings = readModelSettings(folder);
    ModelLoadOptions loadOptions;
    loadOptions.device = Device::Cpu;
    loadOptions.cacheDir = cacheDir;
    // What CUDA runs (DiT and VAE fp16, T5 bf16), on the CPU: the cache is made for half types.
    ComputePolicy half;
    half.device = torch::kCPU;
    half.ditDtype = torch::kFloat16;
    half.vaeDtype = torch::kFloat16;
    half.textDtype = torch::kBFloat16;
    half.textDevice = torch::kCPU;
    ComputePolicy cpu = half;  // the CPU policy: DiT and VAE fp32 (no cache), T5 bf16
    cpu.ditDtype = cpu.vaeDtype = torch::kFloat32;

    out << "\n  " << std::left << std::setw(40) << "component (target dtype)" << std::right << std::setw(11) << "on disk"
        << std::setw(12) << "original" << std::setw(14) << "1st (convert)" << std::setw(12) << "cached" << std::setw(12)
        << "cached warm" << "\n";

    // Times `load` from the originals (no cache), converting (first load) and from the cache.
    auto measure = [&](Row row, const std::vector<fs::path>& originals, const fs::path& cacheFile,
                       const std::function<void(const ModelLoadOptions&)>& load) {
        ModelLoadOptions noCache = loadOptions;
        noCache.useConvertedCache = false;
        for (const auto& f : originals) evictAll(f);
        auto t0 = Clock::now();
        load(noCache);
        row.original = secondsSince(t0);
        if (!cacheFile.empty()) {
            fs::remove(cacheFile, ec);
            for (const auto& f : originals) evictAll(f);
            t0 = Clock::now();
            load(loadOptions);
            row.firstConversion = secondsSince(t0);
            evict(cacheFile);
            t0 = Clock::now();
            load(loadOptions);
            row.cachedCold = secondsSince(t0);
            t0 = Clock::now();
            load(loadOptions);
            row.cachedWarm = secondsSince(t0);
            row.note += "cache " + gib(fs::file_size(cacheFile, ec));
        } else {
            t0 = Clock::now();
            load(noCache);
            row.cachedWarm = secondsSince(t0);
            row.note += "no cache (warm = original again)";
        }
        printRow(out, row);
        return row;
    };

    std::vector<fs::path> t5Files;
    for (const auto& e : fs::directory_iterator(t5Dir)) t5Files.push_back(e.path());
    uint64_t t5EncoderBytes = 0;
    for (const Spec& s : specsOf(*T5Encoder(t5c, torch::TensorOptions().device(torch::kMeta))))
        t5EncoderBytes += bytesOf(s.shape, torch::kFloat32);
    Row t5 = measure({"T5 encoder, " + std::to_string(encoderLayers) + " layers (bf16)", gib(folderBytes(t5Dir)), -1, -1, -1, -1,
                      "encoder " + gib(t5EncoderBytes) + "; "},
                     t5Files, cacheDir / "text_encoder-bf16.safetensors",
                     [&](const ModelLoadOptions& o) { (void)loadTextEncoderComponent(folder, half, o); });
    // Loading is proportional to the bytes read and converted: scale to the whole encoder.
    const double scale = static_cast<double>(bytesOf(t5Full, torch::kFloat32)) / static_cast<double>(t5EncoderBytes);
    Row full{"  scaled to the 24-layer encoder (x" + [&] {
                 std::ostringstream s;
                 s << std::setprecision(2) << std::fixed << scale;
                 return s.str();
             }() + ")",
             gib(bytesOf(t5Full, torch::kFloat32)), t5.original * scale, t5.firstConversion * scale,
             t5.cachedCold * scale, t5.cachedWarm * scale, "estimate, by bytes (the decoder is never read)"};
    printRow(out, full);

    measure({"DiT (fp16, the CUDA policy)", gib(fs::file_size(folder.ditFile)), -1, -1, -1, -1, ""}, {folder.ditFile},
            cacheDir / "dit-fp16.safetensors",
            [&](const ModelLoadOptions& o) { (void)loadDitComponent(folder, settings, half, o); });
    measure({"DiT (fp32, the CPU policy)", gib(fs::file_size(folder.ditFile)), -1, -1, -1, -1, ""}, {folder.ditFile}, {},
            [&](const ModelLoadOptions& o) { (void)loadDitComponent(folder, settings, cpu, o); });
    measure({"VAE (fp16)", gib(fs::file_size(folder.vaeFile)), -1, -1, -1, -1, ""}, {folder.vaeFile},
            cacheDir / "vae-fp16.safetensors", [&](const ModelLoadOptions& o) { (void)loadVaeComponent(folder, half, o); });

    // The latent preview's fit (full-size VAE, fp32 on the CPU) and its cached numbers.
    {
        AutoencoderKL vae = loadVaeComponent(folder, cpu, loadOptions);
        const fs::path previewFile = cacheDir / "latent-preview-fp32.json";
        fs::remove(previewFile, ec);
        bool reused = true;
        auto t0 = Clock::now();
        (void)latentPreviewComponent(vae, folder, cpu, loadOptions, &reused);
        Row row{"latent preview fit (VAE fp32)", "-", -1, secondsSince(t0), -1, -1, ""};
        if (reused) throw Error(previewFile, "the latent preview was read from a cache that should not exist");
        evict(previewFile);
        t0 = Clock::now();
        (void)latentPreviewComponent(vae, folder, cpu, loadOptions, &reused);
        row.cachedCold = secondsSince(t0);
        if (!reused) throw Error(previewFile, "the latent preview's cache was not used");
        row.note = "1st = fit + write; cached = read";
        printRow(out, row);
    }
    out << "  original: from the release files without the cache (cold page cache); 1st: conversion to the cache and\n"
        << "  load from it; cached: a later load (cold page cache); warm: the same again. Peak RSS "
        << std::setprecision(2) << peakRssGiB() << " GiB.\n";
    if (!options.keep) fs::remove_all(root, ec);
    return 0;
}

}  // namespace ace
