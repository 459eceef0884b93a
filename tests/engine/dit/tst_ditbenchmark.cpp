// Seconds per full-size DiTACE forward on this CPU (heavy: ~2.4 GB of weights and minutes of CPU):
// ACE-0.6B-512px, a single edit (target + one condition frame, 64x64 latents each = 2 x 1024
// tokens), CFG as a batch of 2 (conditional + unconditional text). Random weights: the cost of a
// dense forward does not depend on the values. Also compares the variable-length attention
// strategies at that size. Prints figures; asserts only that the output is finite.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <functional>
#include <ctime>
#include <cstdlib>

#include <torch/torch.h>

#include "dit/DiTACE.h"

using namespace ace;

namespace {

struct Seconds {
    double wall = 0;
    double cpu = 0;  // process CPU time (all threads): robust to other jobs on a shared machine
};

Seconds secondsOf(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    f();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            double(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

// Best of `runs` (wall and CPU separately).
Seconds bestOf(int runs, const std::function<void()>& f) {
    Seconds best{1e30, 1e30};
    for (int i = 0; i < runs; ++i) {
        const Seconds s = secondsOf(f);
        best.wall = std::min(best.wall, s.wall);
        best.cpu = std::min(best.cpu, s.cpu);
    }
    return best;
}

DiTConfig fullConfig() {
    DiTConfig c;  // the defaults are the released 0.6B architecture
    c.maxSeqLen = 1024;
    return c;
}

void randomise(torch::nn::Module& model) {
    torch::NoGradGuard noGrad;
    for (auto& p : model.named_parameters(true)) {
        torch::Tensor t = p.value();
        if (t.dim() >= 2)
            t.normal_(0.0, 0.02);
        else
            t.uniform_(-0.1, 0.1);
    }
}

int threads() {
    const char* env = std::getenv("ACE_BENCH_THREADS");
    return env ? std::atoi(env) : 2;
}

}  // namespace

class TestDiTACEBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(threads());
        torch::manual_seed(0);
        qInfo("threads: %d (ACE_BENCH_THREADS)", torch::get_num_threads());
    }

    void forward512Edit_data() {
        QTest::addColumn<int>("dtype");
        QTest::newRow("fp32") << int(torch::kFloat32);
        QTest::newRow("bf16") << int(torch::kBFloat16);
    }
    void forward512Edit() {
        QFETCH(int, dtype);
        const DiTConfig c = fullConfig();
        DiTOptions options;
        options.dtype = static_cast<torch::Dtype>(dtype);
        DiTACE model(c, options);
        randomise(*model);

        auto frame = [&](int64_t textLen, int indicator) {
            return DitFrame{torch::randn({4, 64, 64}), torch::ones({1, 64, 64}), torch::randn({textLen, 4096}),
                            indicator};
        };
        const DitSample cond{{frame(40, 1), frame(40, 0)}};
        const DitSample uncond{{frame(1, 1), frame(1, 0)}};
        const torch::Tensor t = torch::full({2}, 999, torch::kInt64);
        const torch::Tensor table = model->indicatorTable(torch::randn({10, 4096}));

        std::vector<torch::Tensor> eps;
        const Seconds s = secondsOf([&] { eps = model->forwardWithIndicators({cond, uncond}, t, table); });
        qInfo("512px edit, CFG batch of 2, %s: %.1f s wall, %.1f s CPU per DiT forward",
              options.dtype == torch::kFloat32 ? "fp32" : "bf16", s.wall, s.cpu);
        QCOMPARE(eps.size(), size_t(2));
        QVERIFY(torch::isfinite(eps[0]).all().item<bool>() && torch::isfinite(eps[1]).all().item<bool>());
    }

    // The attention strategies at full size (16 heads x 72, two samples of 2048 tokens, frames of
    // 1024 tokens, texts of 40 and 1 tokens).
    void attentionStrategies() {
        dit::AttentionLayout layout;
        layout.sampleTokens = {2048, 2048};
        layout.frameTokens = {1024, 1024, 1024, 1024};
        layout.textTokens = {40, 40, 1, 1};
        const torch::Tensor q = torch::randn({4096, 16, 72}), k = torch::randn({4096, 16, 72}),
                            v = torch::randn({4096, 16, 72});
        const torch::Tensor tk = torch::randn({82, 16, 72}), tv = torch::randn({82, 16, 72});

        torch::Tensor batched, loop;
        const Seconds sBatched = bestOf(3, [&] {
            batched = dit::varlenAttention(q, k, v, layout.sampleTokens, layout.sampleTokens, layout);
        });
        const Seconds sLoop = bestOf(3, [&] {
            std::vector<torch::Tensor> parts;
            for (int64_t s = 0; s < 2; ++s)
                parts.push_back(dit::varlenAttention(q.narrow(0, 2048 * s, 2048), k.narrow(0, 2048 * s, 2048),
                                                     v.narrow(0, 2048 * s, 2048), {2048}, {2048}, layout));
            loop = torch::cat(parts);
        });
        // One call over the whole stream with a block-diagonal boolean mask (padding-free, but the
        // masked products are still computed).
        torch::Tensor masked;
        const Seconds sMasked = bestOf(3, [&] {
            const torch::Tensor sample = torch::arange(4096).div(2048, "floor");
            const torch::Tensor mask = sample.unsqueeze(1) == sample.unsqueeze(0);
            masked = torch::scaled_dot_product_attention(q.transpose(0, 1).unsqueeze(0), k.transpose(0, 1).unsqueeze(0),
                                                         v.transpose(0, 1).unsqueeze(0), mask)[0]
                         .transpose(0, 1)
                         .reshape({4096, 1152});
        });
        qInfo("self-attention, 2 x 2048 tokens (best of 3, wall/CPU s): batched %.3f/%.3f, per-sample loop "
              "%.3f/%.3f, block-diagonal mask %.3f/%.3f",
              sBatched.wall, sBatched.cpu, sLoop.wall, sLoop.cpu, sMasked.wall, sMasked.cpu);
        QVERIFY(torch::allclose(batched, loop, 1e-4, 1e-5));
        QVERIFY(torch::allclose(batched, masked, 1e-4, 1e-4));

        torch::Tensor cross, crossMasked;
        const Seconds sCross = bestOf(
            3, [&] { cross = dit::varlenAttention(q, tk, tv, layout.frameTokens, layout.textTokens, layout); });
        const Seconds sCrossMasked = bestOf(3, [&] {
            std::vector<int64_t> qSeg, kSeg;
            for (int64_t f = 0; f < 4; ++f) {
                qSeg.insert(qSeg.end(), 1024, f);
                kSeg.insert(kSeg.end(), layout.textTokens[f], f);
            }
            const torch::Tensor mask = torch::tensor(qSeg).unsqueeze(1) == torch::tensor(kSeg).unsqueeze(0);
            crossMasked = torch::scaled_dot_product_attention(q.transpose(0, 1).unsqueeze(0),
                                                              tk.transpose(0, 1).unsqueeze(0),
                                                              tv.transpose(0, 1).unsqueeze(0), mask)[0]
                              .transpose(0, 1)
                              .reshape({4096, 1152});
        });
        qInfo("cross-attention, 4 frames x 1024 tokens, texts 40/40/1/1 (best of 3, wall/CPU s): per-segment "
              "%.4f/%.4f, block-diagonal mask %.4f/%.4f",
              sCross.wall, sCross.cpu, sCrossMasked.wall, sCrossMasked.cpu);
        QVERIFY(torch::allclose(cross, crossMasked, 1e-4, 1e-4));
    }
};

// A full-size forward takes minutes on a shared CPU: lift Qt Test's 5-minute function watchdog.
int main(int argc, char** argv) {
    qputenv("QTEST_FUNCTION_TIMEOUT", "3600000");
    QCoreApplication app(argc, argv);
    TestDiTACEBenchmark test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_ditbenchmark.moc"
