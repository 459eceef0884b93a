// EMA weights: the warm-up decay, the average itself, and an exact state round trip.
#include <QtTest>

#include <torch/torch.h>

#include "Ema.h"

using ace::train::Ema;
using ace::train::NamedTensors;

class TestEma : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void averagesWithWarmup() {
        NamedTensors p;
        p.emplace_back("w", torch::zeros({2}));
        Ema ema(p, 0.999);
        QCOMPARE(ema.currentDecay(), 0.1);  // (1 + 0) / (10 + 0)
        p[0].second.fill_(10.0);
        ema.update(p);
        // 0.1 * 0 + 0.9 * 10
        QVERIFY(std::abs(ema.shadow()[0].second[0].item<double>() - 9.0) < 1e-6);
        QCOMPARE(ema.updates(), int64_t(1));
        for (int i = 0; i < 100000; ++i) {
            if (ema.currentDecay() >= 0.999) break;
            ema.update(p);
        }
        QCOMPARE(ema.currentDecay(), 0.999);
    }

    void copiesAndRestores() {
        NamedTensors p;
        p.emplace_back("a", torch::arange(4, torch::kFloat32));
        Ema ema(p, 0.9);
        p[0].second.add_(1.0);
        ema.update(p);
        std::map<std::string, torch::Tensor> saved;
        for (const auto& [k, v] : ema.state("ema.")) saved[k] = v.clone();
        Ema other(p, 0.9);
        other.loadState("ema.", [&](const std::string& k) { return saved.at(k); });
        QCOMPARE(other.updates(), int64_t(1));
        QVERIFY(torch::equal(other.shadow()[0].second, ema.shadow()[0].second));
        NamedTensors target;
        target.emplace_back("a", torch::zeros({4}));
        other.copyTo(target);
        QVERIFY(torch::equal(target[0].second, ema.shadow()[0].second));
    }
};

QTEST_GUILESS_MAIN(TestEma)
#include "tst_ema.moc"
