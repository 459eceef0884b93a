// Guidance: CFG with the reference's guide-rescale, per sample, in float32 or the reference's
// float16 arithmetic. (The reference's recorded run is checked through the sampler in
// tst_samplers.)
#include <QtTest>

#include <torch/torch.h>

#include "ace/common/Error.h"
#include "diffusion/Guidance.h"

class TestGuidance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainCfg() {
        torch::manual_seed(1);
        const torch::Tensor c = torch::randn({1, 4, 6, 5}), u = torch::randn({1, 4, 6, 5});
        const torch::Tensor out = ace::guide(c, u, 4.5, 0.0, false);
        QVERIFY(torch::equal(out, u + 4.5 * (c - u)));
        QVERIFY(torch::equal(ace::guide(c, u, 1.0, 0.0, false), u + 1.0 * (c - u)));
    }

    void rescaleBlendsTowardsTheCondStd() {
        torch::manual_seed(2);
        const torch::Tensor c = torch::randn({1, 4, 8, 8}), u = 0.3 * torch::randn({1, 4, 8, 8});
        const torch::Tensor cfg = u + 6.0 * (c - u);
        // rescale 1: the result has exactly the std of the conditional branch.
        const torch::Tensor full = ace::guide(c, u, 6.0, 1.0, false);
        QVERIFY(std::abs(full.std().item<double>() / c.std().item<double>() - 1) < 1e-5);
        // rescale phi: factor phi * std(c) / std(cfg) + (1 - phi), one per sample.
        const double ratio = c.std().item<double>() / cfg.std().item<double>();
        const torch::Tensor half = ace::guide(c, u, 6.0, 0.5, false);
        QVERIFY(torch::allclose(half, cfg * (0.5 * ratio + 0.5), 1e-5, 1e-6));
    }

    void stdIsPerSampleAndUnbiased() {
        // Sample 0 and 1 differ by a factor: their ratios must be computed apart.
        const torch::Tensor c0 = torch::tensor({1.0f, 2.0f, 4.0f, 8.0f}).view({1, 4});
        const torch::Tensor c = torch::cat({c0, 10 * c0});
        const torch::Tensor u = torch::cat({torch::zeros({1, 4}), torch::ones({1, 4})});
        const torch::Tensor out = ace::guide(c, u, 3.0, 0.7, false);
        for (int b = 0; b < 2; ++b) {
            const torch::Tensor cfg = u[b] + 3.0 * (c[b] - u[b]);
            const double ratio = c[b].std(/*unbiased=*/true).item<double>() / cfg.std(true).item<double>();
            QVERIFY(torch::allclose(out[b], cfg * (0.7 * ratio + 0.3), 1e-6, 1e-6));
        }
    }

    void halfPrecisionArithmetic() {
        torch::manual_seed(3);
        const torch::Tensor c = 50 * torch::randn({1, 4, 12}), u = 50 * torch::randn({1, 4, 12});
        const torch::Tensor h = ace::guide(c, u, 4.5, 0.5, true);
        QCOMPARE(h.scalar_type(), torch::kFloat32);
        // Every value is a float16 value, produced by float16 ops in the reference's order.
        QVERIFY(torch::equal(h, h.to(torch::kFloat16).to(torch::kFloat32)));
        const torch::Tensor ch = c.to(torch::kFloat16), uh = u.to(torch::kFloat16);
        torch::Tensor want = uh + 4.5 * (ch - uh);
        want = want * (0.5 * (ch.flatten(1).std(1) / (want.flatten(1).std(1) + 1e-12)).view({1, 1, 1}) + 0.5);
        QVERIFY(torch::equal(h, want.to(torch::kFloat32)));
        // And close to the float32 result.
        const torch::Tensor f = ace::guide(c, u, 4.5, 0.5, false);
        QVERIFY((h - f).abs().max().item<double>() < 2e-3 * f.abs().max().item<double>());
    }

    void rejectsMismatchedShapes() {
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::guide(torch::zeros({1, 4, 3}), torch::zeros({1, 4, 2}), 4.5, 0.5, false));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::guide(torch::zeros({4}), torch::zeros({4}), 4.5, 0.5, false));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::guide(torch::Tensor(), torch::zeros({1, 4}), 4.5, 0.5, false));
    }
};

QTEST_GUILESS_MAIN(TestGuidance)
#include "tst_guidance.moc"
