#include "vae/AutoencoderKL.h"

#include <algorithm>
#include <sstream>

#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"

namespace ace {
namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::ostringstream s;
    s << "[";
    for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
    s << "]";
    return s.str();
}

// The checkpoint file a source reads from ("file:key" origins), for error messages.
std::string sourceFile(const ckpt::TensorSource& source) {
    if (source.empty()) return "VAE checkpoint";
    const std::string& origin = source.begin()->second.origin;
    const size_t colon = origin.find(':');
    return colon == std::string::npos ? origin : origin.substr(0, colon);
}

const std::vector<int64_t>& shapeOf(const ckpt::TensorSource& source, const std::string& key, size_t rank) {
    auto it = source.find(key);
    if (it == source.end())
        throw Error(sourceFile(source), "not a KL autoencoder checkpoint in scepter naming: tensor '" + key +
                                            "' is missing");
    if (it->second.shape.size() != rank)
        throw Error(sourceFile(source), "tensor '" + key + "' has rank " + std::to_string(it->second.shape.size()) +
                                            ", expected " + std::to_string(rank));
    return it->second.shape;
}

void validate(const VaeConfig& c) {
    auto bad = [](const std::string& what) { throw Error("invalid VAE configuration: " + what); };
    if (c.chMult.empty() || c.chMult.size() > 8) bad("ch_mult must have 1 to 8 levels");
    if (c.ch <= 0 || c.imageChannels <= 0 || c.zChannels <= 0 || c.embedDim <= 0 || c.numResBlocks <= 0)
        bad("channel and block counts must be positive");
    for (int64_t m : c.chMult)
        if (m <= 0 || (c.ch * m) % 32 != 0)
            bad("every level's channel count (ch * ch_mult) must be a positive multiple of 32 (GroupNorm)");
}

struct Span {
    int64_t start, end;          // tile, in latent cells
    int64_t coreStart, coreEnd;  // the cells this tile owns (the cores partition the axis)
};

// Tiles of `tile` cells with at least `overlap` shared cells covering [0, n); the last tile is
// aligned to the end. Cores split each overlap in the middle.
std::vector<Span> tileSpans(int64_t n, int64_t tile, int64_t overlap) {
    if (n <= tile) return {{0, n, 0, n}};
    std::vector<int64_t> starts;
    for (int64_t s = 0;; s += tile - overlap) {
        if (s + tile >= n) {
            starts.push_back(n - tile);
            break;
        }
        starts.push_back(s);
    }
    std::vector<Span> spans;
    for (size_t k = 0; k < starts.size(); ++k) {
        const int64_t coreStart = k == 0 ? 0 : spans.back().coreEnd;
        const int64_t coreEnd = k + 1 == starts.size() ? n : (starts[k + 1] + starts[k] + tile) / 2;
        spans.push_back({starts[k], starts[k] + tile, coreStart, coreEnd});
    }
    return spans;
}

// Blend weights of tile k along one axis, in pixels: a linear cross-fade `blend` pixels wide
// centred on each boundary with a neighbour's core (complementary, so the weights of two tiles
// sum to one), 1 inside the core, 0 beyond the fade. Pixels near a tile's edge, which lack
// context there, get no weight.
torch::Tensor rampWeights(const std::vector<Span>& spans, size_t k, int64_t f, int64_t blend) {
    const int64_t len = (spans[k].end - spans[k].start) * f;
    // Pixel centres relative to the tile's first pixel.
    const torch::Tensor pos = torch::arange(len, torch::kFloat64) + 0.5;
    torch::Tensor w = torch::ones({len}, torch::kFloat64);
    const double half = 0.5 * static_cast<double>(blend);
    if (k > 0) {
        const double b = static_cast<double>((spans[k].coreStart - spans[k].start) * f);
        w = torch::minimum(w, blend > 0 ? ((pos - (b - half)) / blend).clamp(0.0, 1.0) : (pos >= b).to(torch::kFloat64));
    }
    if (k + 1 < spans.size()) {
        const double e = static_cast<double>((spans[k].coreEnd - spans[k].start) * f);
        w = torch::minimum(w, blend > 0 ? (((e + half) - pos) / blend).clamp(0.0, 1.0) : (pos < e).to(torch::kFloat64));
    }
    return w.to(torch::kFloat32);
}

}  // namespace

VaeConfig VaeConfig::fromSource(const ckpt::TensorSource& source) {
    VaeConfig c;
    const auto& convIn = shapeOf(source, "encoder.conv_in.weight", 4);
    c.ch = convIn[0];
    c.imageChannels = convIn[1];
    c.chMult.clear();
    for (int64_t i = 0; source.count("encoder.down." + std::to_string(i) + ".block.0.conv1.weight"); ++i) {
        const int64_t out = shapeOf(source, "encoder.down." + std::to_string(i) + ".block.0.conv1.weight", 4)[0];
        if (c.ch <= 0 || out % c.ch != 0)
            throw Error(sourceFile(source), "encoder.down." + std::to_string(i) + " has " + std::to_string(out) +
                                                " channels, not a multiple of ch = " + std::to_string(c.ch));
        c.chMult.push_back(out / c.ch);
    }
    if (c.chMult.empty()) shapeOf(source, "encoder.down.0.block.0.conv1.weight", 4);  // throws: missing
    c.numResBlocks = 0;
    while (source.count("encoder.down.0.block." + std::to_string(c.numResBlocks) + ".conv1.weight")) ++c.numResBlocks;
    c.zChannels = shapeOf(source, "decoder.conv_in.weight", 4)[1];
    c.embedDim = shapeOf(source, "conv2.weight", 4)[1];
    try {
        validate(c);
    } catch (const Error& e) {
        throw Error(sourceFile(source), e.what());
    }
    return c;
}

AutoencoderKLImpl::AutoencoderKLImpl(const VaeConfig& config, torch::Dtype dtype, vae::WeightInit init)
    : torch::nn::Module("AutoencoderKL"), m_config(config) {
    validate(config);
    if (dtype != torch::kFloat32 && dtype != torch::kFloat16 && dtype != torch::kBFloat16)
        throw Error("AutoencoderKL: unsupported compute dtype " + std::string(c10::toString(dtype)) +
                    " (float32, float16 or bfloat16)");
    m_compute.dtype = dtype;
    const vae::CoderShape shape{config.imageChannels, config.ch, config.chMult, config.numResBlocks, config.zChannels};
    // Convolution weights live in the compute dtype (a load rounds into it); GroupNorm parameters
    // stay float32.
    const vae::LayerOptions layers{dtype, init};
    encoder = register_module("encoder", vae::Encoder(shape, layers));
    decoder = register_module("decoder", vae::Decoder(shape, layers));
    conv1 = register_module("conv1", vae::makeConv(2 * config.zChannels, 2 * config.embedDim, 1, layers));
    conv2 = register_module("conv2", vae::makeConv(config.embedDim, config.zChannels, 1, layers));
}

void AutoencoderKLImpl::setTiling(const VaeTiling& tiling) {
    if (tiling.tile < 1 || tiling.overlap < 0 || tiling.overlap >= tiling.tile || tiling.statsPasses < VaeTiling::kExactStats ||
        tiling.blend < 0 || tiling.blend > tiling.overlap)
        throw Error("AutoencoderKL: tiling needs tile >= 1, 0 <= overlap < tile, 0 <= blend <= overlap and statsPasses >= 0 or kExactStats (got tile " +
                    std::to_string(tiling.tile) + ", overlap " + std::to_string(tiling.overlap) + ", blend " +
                    std::to_string(tiling.blend) + ", statsPasses " + std::to_string(tiling.statsPasses) + ")");
    m_tiling = tiling;
}

torch::Tensor AutoencoderKLImpl::checkedImage(const torch::Tensor& x) const {
    const int64_t f = m_config.downFactor();
    if (!x.defined() || x.dim() != 4 || x.size(1) != m_config.imageChannels || x.size(2) < f || x.size(3) < f ||
        x.size(2) % f != 0 || x.size(3) % f != 0 || !x.is_floating_point())
        throw Error("AutoencoderKL.encode: expected a floating-point image batch [B, " +
                    std::to_string(m_config.imageChannels) + ", H, W] with H and W positive multiples of " +
                    std::to_string(f) + ", got " + (x.defined() ? shapeText(x.sizes()) : std::string("nothing")));
    return x.to(conv1->weight.device(), m_compute.dtype);
}

torch::Tensor AutoencoderKLImpl::checkedLatent(const torch::Tensor& z, const char* what) const {
    if (!z.defined() || z.dim() != 4 || z.size(1) != m_config.embedDim || z.size(2) < 1 || z.size(3) < 1 ||
        !z.is_floating_point())
        throw Error(std::string("AutoencoderKL.") + what + ": expected a floating-point latent [B, " +
                    std::to_string(m_config.embedDim) + ", h, w], got " +
                    (z.defined() ? shapeText(z.sizes()) : std::string("nothing")));
    return z.to(conv1->weight.device(), m_compute.dtype);
}

torch::Tensor AutoencoderKLImpl::encodeMoments(const torch::Tensor& x) {
    const c10::AutoGradMode gradMode(m_trainable);  // off for inference
    const torch::Tensor h = encoder->forward(checkedImage(x), m_compute);  // [B, 2z, h, w]
    return vae::convolve(*conv1, h, m_compute).to(torch::kFloat32);
}

std::pair<torch::Tensor, torch::Tensor> AutoencoderKLImpl::moments(const torch::Tensor& x) {
    const auto parts = encodeMoments(x).chunk(2, 1);
    return {parts[0], parts[1].clamp(-30.0, 20.0)};
}

torch::Tensor AutoencoderKLImpl::encode(const torch::Tensor& x, torch::Generator* gen) {
    auto [mean, logvar] = moments(x);
    if (!gen) return mean;
    const torch::Tensor noise =
        torch::randn(mean.sizes(), *gen, torch::TensorOptions().dtype(torch::kFloat32).device(gen->device()));
    return mean + torch::exp(0.5 * logvar) * noise.to(mean.device());
}

torch::Tensor AutoencoderKLImpl::encode(const torch::Tensor& x, const torch::Tensor& noise) {
    auto [mean, logvar] = moments(x);
    if (!noise.defined() || noise.sizes() != mean.sizes())
        throw Error("AutoencoderKL.encode: the noise must have the latent's shape " + shapeText(mean.sizes()) +
                    ", got " + (noise.defined() ? shapeText(noise.sizes()) : std::string("nothing")));
    return mean + torch::exp(0.5 * logvar) * noise.to(mean.device(), torch::kFloat32);
}

torch::Tensor AutoencoderKLImpl::decode(const torch::Tensor& z) {
    if (m_tiling.enabled && z.defined() && z.dim() == 4 && (z.size(2) > m_tiling.tile || z.size(3) > m_tiling.tile))
        return decodeTiled(z, m_tiling);
    const c10::AutoGradMode gradMode(m_trainable);  // off for inference
    const torch::Tensor h = vae::convolve(*conv2, checkedLatent(z, "decode"), m_compute);
    return decoder->forward(h, m_compute).to(torch::kFloat32);
}

torch::Tensor AutoencoderKLImpl::decodeTiled(const torch::Tensor& z, const VaeTiling& tiling) {
    if (tiling.tile < 1 || tiling.overlap < 0 || tiling.overlap >= tiling.tile || tiling.statsPasses < VaeTiling::kExactStats ||
        tiling.blend < 0 || tiling.blend > tiling.overlap)
        throw Error("AutoencoderKL.decodeTiled: needs tile >= 1, 0 <= overlap < tile, 0 <= blend <= overlap and statsPasses >= 0 or kExactStats");
    using torch::indexing::Slice;
    torch::NoGradGuard noGrad;
    const torch::Tensor zc = checkedLatent(z, "decodeTiled");
    // h: [B, C, h, w] at latent resolution, exact (global attention and statistics).
    const torch::Tensor h = decoder->forwardMid(vae::convolve(*conv2, zc, m_compute), m_compute);
    const int64_t f = m_config.downFactor();
    const int64_t blend = tiling.blend * f;
    const auto ys = tileSpans(h.size(2), tiling.tile, tiling.overlap);
    const auto xs = tileSpans(h.size(3), tiling.tile, tiling.overlap);

    vae::NormStats stats;
    vae::Compute c = m_compute;
    auto runTile = [&](const Span& sy, const Span& sx) {
        stats.next = 0;
        stats.tileLatentH = sy.end - sy.start;
        stats.tileLatentW = sx.end - sx.start;
        stats.coreY0 = sy.coreStart - sy.start;
        stats.coreY1 = sy.coreEnd - sy.start;
        stats.coreX0 = sx.coreStart - sx.start;
        stats.coreX1 = sx.coreEnd - sx.start;
        return decoder->forwardUp(h.slice(2, sy.start, sy.end).slice(3, sx.start, sx.end), c);
    };
    const int passes = tiling.statsPasses == VaeTiling::kExactStats ? upPathNorms() : tiling.statsPasses;
    if (passes > 0) c.stats = &stats;
    for (int pass = 0; pass < passes; ++pass) {
        for (const auto& sy : ys)
            for (const auto& sx : xs) runTile(sy, sx);
        stats.finishRecording();
    }
    stats.record = false;

    const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(h.device());
    torch::Tensor out = torch::zeros({h.size(0), m_config.imageChannels, h.size(2) * f, h.size(3) * f}, opts);
    torch::Tensor weightSum = torch::zeros({1, 1, h.size(2) * f, h.size(3) * f}, opts);
    for (size_t ty = 0; ty < ys.size(); ++ty) {
        for (size_t tx = 0; tx < xs.size(); ++tx) {
            const torch::Tensor pixels = runTile(ys[ty], xs[tx]).to(torch::kFloat32);  // [B, 3, th*f, tw*f]
            const torch::Tensor w =
                (rampWeights(ys, ty, f, blend).unsqueeze(1) * rampWeights(xs, tx, f, blend).unsqueeze(0)).to(h.device());
            const Slice rows(ys[ty].start * f, ys[ty].end * f), cols(xs[tx].start * f, xs[tx].end * f);
            out.index({Slice(), Slice(), rows, cols}).add_(pixels * w);
            weightSum.index({Slice(), Slice(), rows, cols}).add_(w);
        }
    }
    return out / weightSum;
}

int AutoencoderKLImpl::upPathNorms() const {
    // Two per ResnetBlock (numResBlocks + 1 per level), plus norm_out.
    return static_cast<int>(m_config.chMult.size() * (m_config.numResBlocks + 1) * 2 + 1);
}

AutoencoderKL loadAutoencoderKL(const ckpt::TensorSource& original, torch::Dtype dtype, torch::Device device,
                                const VaeSourceConversion& convert) {
    ckpt::TensorSource source = ckpt::mapVaeKeys(original);
    const std::string file = sourceFile(source);
    AutoencoderKL vae(VaeConfig::fromSource(source), dtype, vae::WeightInit::Empty);  // loadStrict fills every weight
    if (convert) source = convert(std::move(source), *vae);
    ckpt::loadStrict(*vae, source, file);
    vae->to(device);
    vae->eval();
    return vae;
}

}  // namespace ace
