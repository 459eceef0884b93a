// LatentPreview: the least-squares latent->RGB map fitted from the VAE predicts the real decode
// (averaged down to latent resolution) on images it was not fitted on.
#include <QtTest>

#include <torch/torch.h>

#include "GoldenData.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"
#include "vae/AutoencoderKL.h"
#include "vae/LatentPreview.h"

class TestLatentPreview : public QObject {
    Q_OBJECT

    ace::test::GoldenData m_golden;
    std::unique_ptr<ace::ckpt::SafetensorsReader> m_reader;
    ace::AutoencoderKL m_vae{nullptr};

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        m_reader = std::make_unique<ace::ckpt::SafetensorsReader>(m_golden.file("vae_tiny.safetensors"));
        m_vae = ace::loadAutoencoderKL(ace::ckpt::sourceFromReader(*m_reader), torch::kFloat32, torch::kCPU);
    }

    void syntheticImagesAreDeterministicAndSmooth() {
        const torch::Tensor a = ace::syntheticImages(3, 32, 11), b = ace::syntheticImages(3, 32, 11);
        QCOMPARE(a.sizes().vec(), (std::vector<int64_t>{3, 3, 32, 32}));
        QVERIFY(torch::equal(a, b));
        QVERIFY(!torch::equal(a, ace::syntheticImages(3, 32, 12)));
        QVERIFY(a.min().item<float>() >= -1.0f && a.max().item<float>() <= 1.0f);
        // Smooth: neighbouring pixels differ little compared with the image's range.
        const double step = (a.slice(3, 1) - a.slice(3, 0, -1)).abs().max().item<double>();
        QVERIFY2(step < 0.25, std::to_string(step).c_str());
    }

    void previewPredictsDecode() {
        const ace::LatentPreview preview = ace::LatentPreview::fit(m_vae);
        QCOMPARE(preview.weight.sizes().vec(), (std::vector<int64_t>{3, 4}));
        QCOMPARE(preview.bias.sizes().vec(), (std::vector<int64_t>{3}));

        // Held-out images (another seed), each compared with its own decode.
        const int64_t f = m_vae->config().downFactor();
        const torch::Tensor images = ace::syntheticImages(6, 24 * f, 4242);
        const torch::Tensor z = m_vae->encode(images, nullptr);
        const torch::Tensor decoded = torch::avg_pool2d(m_vae->decode(z), f);  // [6, 3, 24, 24]
        const torch::Tensor rgb = preview.toRgb(z * ace::kLatentScale);
        QVERIFY(rgb.sizes() == decoded.sizes());
        const torch::Tensor target = decoded.clamp(-1.0, 1.0);
        const double mse = (rgb - target).square().mean().item<double>();
        const double psnr = 10.0 * std::log10(4.0 / mse);  // peak-to-peak 2 for [-1, 1]
        const torch::Tensor a = rgb.flatten() - rgb.mean(), b = target.flatten() - target.mean();
        const double corr = (a * b).sum().item<double>() / std::sqrt((a.square().sum() * b.square().sum()).item<double>());
        const double baselineMse = (target - target.mean({0, 2, 3}, true)).square().mean().item<double>();
        qInfo("preview vs decode on held-out images: correlation %.4f, PSNR %.2f dB (constant-colour baseline %.2f dB)",
              corr, psnr, 10.0 * std::log10(4.0 / baselineMse));
        QVERIFY2(corr > 0.9, std::to_string(corr).c_str());
        QVERIFY2(mse < 0.25 * baselineMse, std::to_string(mse / baselineMse).c_str());

        // Single latent [4, h, w] in, [3, h, w] out, matching the batched result.
        QVERIFY(torch::allclose(preview.toRgb(z[0] * ace::kLatentScale), rgb[0]));
    }

    void unfittedOrBadLatentIsRefused() {
        const ace::LatentPreview empty;
        QVERIFY_THROWS_EXCEPTION(ace::Error, empty.toRgb(torch::zeros({4, 8, 8})));
        const ace::LatentPreview preview{torch::zeros({3, 4}), torch::zeros({3})};
        QVERIFY_THROWS_EXCEPTION(ace::Error, preview.toRgb(torch::zeros({3, 8, 8})));
        QVERIFY_THROWS_EXCEPTION(ace::Error, preview.toRgb(torch::zeros({8, 8})));
        QCOMPARE(preview.toRgb(torch::zeros({4, 8, 8})).sizes().vec(), (std::vector<int64_t>{3, 8, 8}));
    }
};

QTEST_GUILESS_MAIN(TestLatentPreview)
#include "tst_latentpreview.moc"
