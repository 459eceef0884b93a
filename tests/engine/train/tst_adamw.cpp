// AdamW: the same updates as torch::optim::AdamW, a state that resumes exactly, and gradient
// clipping to the global norm.
#include <QtTest>

#include <torch/torch.h>

#include "AdamW.h"

using ace::train::AdamW;
using ace::train::NamedTensors;

namespace {

NamedTensors makeParams(uint64_t seed) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    NamedTensors p;
    p.emplace_back("a.weight", torch::randn({4, 3}, gen).requires_grad_(true));
    p.emplace_back("b.weight", torch::randn({2, 5}, gen).requires_grad_(true));
    return p;
}

void fakeGradients(const NamedTensors& params, int step) {
    for (const auto& [name, p] : params) {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1000 + step);
        p.mutable_grad() = torch::randn(p.sizes(), gen) * (1.0 + step);
    }
}

}  // namespace

class TestAdamW : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesLibTorch() {
        const NamedTensors mine = makeParams(1), theirs = makeParams(1);
        AdamW opt(mine, {0.9, 0.999, 1e-8, 0.05});
        std::vector<torch::Tensor> list;
        for (const auto& [n, p] : theirs) list.push_back(p);
        torch::optim::AdamW ref(list, torch::optim::AdamWOptions(3e-3).betas({0.9, 0.999}).eps(1e-8).weight_decay(0.05));
        for (int step = 0; step < 6; ++step) {
            fakeGradients(mine, step);
            fakeGradients(theirs, step);
            opt.step(3e-3);
            ref.step();
        }
        for (std::size_t i = 0; i < mine.size(); ++i)
            QVERIFY2(torch::allclose(mine[i].second, theirs[i].second, 1e-6, 1e-7), mine[i].first.c_str());
        QCOMPARE(opt.stepCount(), int64_t(6));
    }

    void vectorsAreNotDecayed() {
        NamedTensors p;
        p.emplace_back("norm.weight", torch::ones({3}).requires_grad_(true));
        AdamW opt(p, {0.9, 0.999, 1e-8, 0.5});
        p[0].second.mutable_grad() = torch::zeros({3});
        opt.step(0.1);
        QVERIFY(torch::equal(p[0].second, torch::ones({3})));
    }

    void stateResumesExactly() {
        const NamedTensors straight = makeParams(2), resumed = makeParams(2);
        AdamW a(straight, {});
        for (int s = 0; s < 3; ++s) {
            fakeGradients(straight, s);
            a.step(1e-2);
        }
        // A second optimizer takes over after step 3 from the saved state.
        AdamW first(resumed, {});
        for (int s = 0; s < 3; ++s) {
            fakeGradients(resumed, s);
            first.step(1e-2);
        }
        std::map<std::string, torch::Tensor> saved;
        for (const auto& [k, v] : first.state("adam.")) saved[k] = v.clone();
        AdamW second(resumed, {});
        second.loadState("adam.", [&](const std::string& k) { return saved.at(k); });
        QCOMPARE(second.stepCount(), int64_t(3));
        for (int s = 3; s < 6; ++s) {
            fakeGradients(straight, s);
            a.step(1e-2);
            fakeGradients(resumed, s);
            second.step(1e-2);
        }
        for (std::size_t i = 0; i < straight.size(); ++i) QVERIFY(torch::equal(straight[i].second, resumed[i].second));
    }

    void clipsToTheGlobalNorm() {
        const NamedTensors p = makeParams(3);
        p[0].second.mutable_grad() = torch::full({4, 3}, 1.0);
        p[1].second.mutable_grad() = torch::full({2, 5}, 2.0);
        const double expected = std::sqrt(12.0 * 1.0 + 10.0 * 4.0);
        QVERIFY(std::abs(ace::train::clipGradNorm(p, 1.0) - expected) < 1e-5);
        const double after =
            std::sqrt(p[0].second.grad().pow(2).sum().item<double>() + p[1].second.grad().pow(2).sum().item<double>());
        QVERIFY(std::abs(after - 1.0) < 1e-4);
        // Below the limit nothing changes.
        QVERIFY(std::abs(ace::train::clipGradNorm(p, 10.0) - after) < 1e-5);
        QVERIFY(std::abs(p[0].second.grad()[0][0].item<double>() - 1.0 / expected) < 1e-5);
    }

    void duplicateNamesAreRefused() {
        NamedTensors p;
        p.emplace_back("x", torch::zeros({2, 2}));
        p.emplace_back("x", torch::zeros({2, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AdamW(p, {}));
    }
};

QTEST_GUILESS_MAIN(TestAdamW)
#include "tst_adamw.moc"
