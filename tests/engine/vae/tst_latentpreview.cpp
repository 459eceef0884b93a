// LatentPreview: the least-squares latent->RGB map fitted from the VAE predicts the real decode
// (averaged down to latent resolution) on images it was not fitted on.
#include <QtTest>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "ace/common/Error.h"
#include "vae/AutoencoderKL.h"
#include "vae/LatentPreview.h"

namespace {

// A random-weight decoder is far from linear in its latent, so no linear preview can predict it
// (measured: correlation 0.2 with the golden tiny weights). A trained VAE's is close to linear in
// colour, which is what the preview relies on; the tiny VAE learns some of that from a short
// autoencoding run on smooth synthetic images (MSE + a small KL term, like the real VAE's loss).
// 200 steps (~1 min on one core) leave it a poor autoencoder (reconstruction ~11 dB) whose decode
// is still partly non-linear: measured preview correlation 0.85, PSNR 20.5 dB against 15.1 dB for
// the best constant colour; 300 steps on 32 px images reach 0.92 / 24.0 dB in 2.5 min.
ace::AutoencoderKL trainTinyAutoencoder(int steps) {
    torch::manual_seed(1);
    ace::VaeConfig config;
    config.ch = 32;
    config.chMult = {1, 2};
    config.numResBlocks = 1;
    ace::AutoencoderKL vae(config);
    vae->setTrainable(true);
    torch::optim::Adam optimizer(vae->parameters(), torch::optim::AdamOptions(3e-3));
    for (int step = 0; step < steps; ++step) {
        const torch::Tensor x = ace::syntheticImages(8, 16, 1000 + step);
        const auto [mean, logvar] = vae->moments(x);
        const torch::Tensor z = mean + torch::exp(0.5 * logvar) * torch::randn_like(logvar);
        const torch::Tensor y = vae->decode(z);
        const torch::Tensor kl = 0.5 * (mean.square() + logvar.exp() - 1.0 - logvar).mean();
        const torch::Tensor loss = torch::mse_loss(y, x) + 1e-4 * kl;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    vae->setTrainable(false);
    vae->eval();
    return vae;
}

}  // namespace

class TestLatentPreview : public QObject {
    Q_OBJECT

    ace::AutoencoderKL m_vae{nullptr};

private Q_SLOTS:
    void initTestCase() {
        const auto t0 = std::chrono::steady_clock::now();
        m_vae = trainTinyAutoencoder(200);
        const torch::Tensor x = ace::syntheticImages(4, 32, 77);
        const double mse = (m_vae->decode(m_vae->encode(x, nullptr)) - x).square().mean().item<double>();
        qInfo("tiny autoencoder trained in %.1f s, reconstruction PSNR %.2f dB",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0 * std::log10(4.0 / mse));
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
        QVERIFY2(corr > 0.75, std::to_string(corr).c_str());
        QVERIFY2(mse < 0.5 * baselineMse, std::to_string(mse / baselineMse).c_str());  // > 3 dB better

        // Single latent [4, h, w] in, [3, h, w] out, matching the batched result.
        QVERIFY(torch::allclose(preview.toRgb(z[0] * ace::kLatentScale), rgb[0]));
    }

    // The fit is remembered in a file keyed to the VAE's identity and the fit options: a second
    // load reads the same numbers without fitting, another identity or other options refit, a
    // damaged file is refitted and rewritten, an unwritable place is no error.
    void fitCachedReusesAndRefits() {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "cache" / "preview.json";
        const ace::LatentPreview::FitOptions options;
        bool reused = true;
        const ace::LatentPreview first = ace::LatentPreview::fitCached(m_vae, file, "vae A", options, &reused);
        QVERIFY(!reused);
        QVERIFY(std::filesystem::is_regular_file(file));
        const ace::LatentPreview direct = ace::LatentPreview::fit(m_vae, options);
        QVERIFY(torch::equal(first.weight, direct.weight) && torch::equal(first.bias, direct.bias));

        // The numbers come back bit for bit from the file; the fit (and the VAE) is not used.
        ace::VaeConfig other;
        other.ch = 32;
        other.chMult = {1, 2};
        other.numResBlocks = 1;
        ace::AutoencoderKL untrained(other);
        const ace::LatentPreview again = ace::LatentPreview::fitCached(untrained, file, "vae A", options, &reused);
        QVERIFY(reused);
        QVERIFY(torch::equal(again.weight, first.weight) && torch::equal(again.bias, first.bias));

        // Another VAE identity: refitted (on the VAE given) and the file rewritten for it.
        torch::manual_seed(3);
        for (auto& p : untrained->parameters()) p.detach().normal_(0.0, 0.05);
        const ace::LatentPreview changed = ace::LatentPreview::fitCached(untrained, file, "vae B", options, &reused);
        QVERIFY(!reused);
        QVERIFY(!torch::equal(changed.weight, first.weight));
        ace::LatentPreview::fitCached(untrained, file, "vae B", options, &reused);
        QVERIFY(reused);
        ace::LatentPreview::fitCached(m_vae, file, "vae A", options, &reused);
        QVERIFY(!reused);

        // Other fit options are another key.
        ace::LatentPreview::FitOptions fewer;
        fewer.images = 3;
        ace::LatentPreview::fitCached(m_vae, file, "vae A", fewer, &reused);
        QVERIFY(!reused);

        // Damaged files: refitted and rewritten.
        for (const char* content : {"", "{\"key\": 1", "[1, 2, 3]", "{\"key\": {}, \"weight\": [], \"bias\": []}"}) {
            std::ofstream(file) << content;
            const ace::LatentPreview fixed = ace::LatentPreview::fitCached(m_vae, file, "vae A", options, &reused);
            QVERIFY2(!reused, content);
            QVERIFY(torch::equal(fixed.weight, first.weight));
            ace::LatentPreview::fitCached(m_vae, file, "vae A", options, &reused);
            QVERIFY2(reused, content);
        }
        // A cache in a place that cannot be written: fitted, no error.
        const std::filesystem::path blocked = std::filesystem::path(dir.path().toStdString()) / "file" / "preview.json";
        std::ofstream(blocked.parent_path().string()) << "a file where a folder should be";
        const ace::LatentPreview unwritten = ace::LatentPreview::fitCached(m_vae, blocked, "vae A", options, &reused);
        QVERIFY(!reused);
        QVERIFY(torch::equal(unwritten.weight, first.weight));
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
