// Benchmark-style figures for the full-size VAE architecture (random weights, CPU): encode and
// decode of a 512x512 image in float32 and bfloat16, the tiled decode's error and cost, and the
// preview fit. Prints figures only (label heavy: not run by CI).
#include <QtTest>

#include <chrono>

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include "GoldenData.h"
#include "vae/AutoencoderKL.h"
#include "vae/LatentPreview.h"

namespace {

template <typename F>
double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

class TestVaeBenchmark : public QObject {
    Q_OBJECT

    ace::AutoencoderKL m_vae{nullptr};

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        m_vae = ace::AutoencoderKL(ace::VaeConfig{});  // the released architecture
        qInfo("LibTorch %s, %d intra-op threads", TORCH_VERSION, at::get_num_threads());
    }

    void encodeDecode512_data() {
        QTest::addColumn<int>("dtype");
        QTest::newRow("float32") << static_cast<int>(torch::kFloat32);
        QTest::newRow("bfloat16") << static_cast<int>(torch::kBFloat16);
        QTest::newRow("float16") << static_cast<int>(torch::kFloat16);
    }

    void encodeDecode512() {
        QFETCH(int, dtype);
        const auto type = static_cast<torch::Dtype>(dtype);
        ace::AutoencoderKL vae(ace::VaeConfig{}, type);
        {
            torch::NoGradGuard noGrad;
            auto src = m_vae->named_parameters(), dst = vae->named_parameters();
            for (const auto& p : src) dst[p.key()].copy_(p.value());
        }
        const torch::Tensor image = ace::syntheticImages(1, 512, 1);
        torch::Tensor z, out;
        const double enc = seconds([&] { z = vae->encode(image, nullptr); });
        const double dec = seconds([&] { out = vae->decode(z); });
        QCOMPARE(z.sizes().vec(), (std::vector<int64_t>{1, 4, 64, 64}));
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{1, 3, 512, 512}));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        std::string vsFp32;
        if (type != torch::kFloat32) {
            const torch::Tensor ref = m_vae->decode(z);
            const double rel = (out - ref).abs().max().item<double>() / ref.abs().max().item<double>();
            vsFp32 = ", decode rel. max error vs float32 " + std::to_string(rel);
        }
        qInfo("512x512 %s: encode %.2f s, decode %.2f s%s", c10::toString(type), enc, dec, vsFp32.c_str());
    }

    void tiledDecodeAtFullSize() {
        const torch::Tensor image = ace::syntheticImages(1, 256, 3);
        const torch::Tensor z = m_vae->encode(image, nullptr);  // [1, 4, 32, 32]
        torch::Tensor full, tiled, local;
        const double tFull = seconds([&] { full = m_vae->decode(z); });
        ace::VaeTiling tiling{true, 24, 16, 8, 2};
        const double tTiled = seconds([&] { tiled = m_vae->decodeTiled(z, tiling); });
        tiling.statsPasses = 0;
        const double tLocal = seconds([&] { local = m_vae->decodeTiled(z, tiling); });
        const double scale = full.abs().max().item<double>();
        qInfo("256x256, tile 24 latent cells, overlap 16, blend 8: full %.2f s; tiled with global GroupNorm stats %.2f s, "
              "rel. max error %.3g, rms %.3g; tiled with tile stats %.2f s, rel. max error %.3g, rms %.3g (full std %.3g)",
              tFull, tTiled, (tiled - full).abs().max().item<double>() / scale,
              (tiled - full).square().mean().sqrt().item<double>(), tLocal,
              (local - full).abs().max().item<double>() / scale, (local - full).square().mean().sqrt().item<double>(),
              full.std().item<double>());
    }

    void previewFitAtFullSize() {
        ace::LatentPreview preview;
        const double t = seconds([&] { preview = ace::LatentPreview::fit(m_vae); });
        const torch::Tensor images = ace::syntheticImages(2, 128, 99);
        const torch::Tensor z = m_vae->encode(images, nullptr);
        const torch::Tensor target = torch::avg_pool2d(m_vae->decode(z), 8).clamp(-1.0, 1.0);
        const torch::Tensor rgb = preview.toRgb(z * ace::kLatentScale);
        const double mse = (rgb - target).square().mean().item<double>();
        qInfo("preview fit (full size, random weights): %.2f s; held-out PSNR %.2f dB", t, 10.0 * std::log10(4.0 / mse));
    }
};

// Each function runs for minutes on one core: lift QtTest's 5-minute watchdog (ctest's TIMEOUT
// still bounds the whole run).
int main(int argc, char** argv) {
    qputenv("QTEST_FUNCTION_TIMEOUT", "3600000");
    QCoreApplication app(argc, argv);
    TestVaeBenchmark test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_vaebenchmark.moc"
