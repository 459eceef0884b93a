// StateDict: loadStrict copies a source into a module (converting dtypes) and otherwise refuses,
// naming the file and every missing, unexpected and mis-shaped key.
#include <QtTest>

#include <torch/torch.h>

#include "SourceCompare.h"
#include "ace/common/Error.h"
#include "checkpoint/StateDict.h"

using namespace ace;

namespace {

struct TinyImpl : torch::nn::Module {
    TinyImpl() {
        fc = register_module("fc", torch::nn::Linear(3, 4));
        norm = register_module("norm", torch::nn::BatchNorm1d(4));
    }
    torch::nn::Linear fc{nullptr};
    torch::nn::BatchNorm1d norm{nullptr};
};
TORCH_MODULE(Tiny);

std::vector<std::pair<std::string, torch::Tensor>> matchingTensors() {
    return {{"fc.weight", torch::randn({4, 3}).to(torch::kBFloat16)},
            {"fc.bias", torch::randn({4})},
            {"norm.weight", torch::randn({4})},
            {"norm.bias", torch::randn({4})},
            {"norm.running_mean", torch::randn({4})},
            {"norm.running_var", torch::rand({4})},
            {"norm.num_batches_tracked", torch::tensor(int64_t(7))}};
}

QString failureOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestStateDict : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsAndConverts() {
        Tiny tiny;
        const auto tensors = matchingTensors();
        ckpt::loadStrict(*tiny, test::sourceFromTensors(tensors), "tiny.pth");
        QVERIFY(torch::equal(tiny->fc->weight, tensors[0].second.to(torch::kFloat32)));
        QVERIFY(torch::equal(tiny->norm->running_var, tensors[5].second));
        QCOMPARE(tiny->norm->num_batches_tracked.item<int64_t>(), int64_t(7));
        QVERIFY(ckpt::checkSource(*tiny, test::sourceFromTensors(tensors)).ok());
    }

    void reportsEveryMismatchByName() {
        Tiny tiny;
        auto tensors = matchingTensors();
        tensors.erase(tensors.begin() + 1);                       // fc.bias missing
        tensors[0].second = torch::randn({4, 2});                 // fc.weight mis-shaped
        tensors.emplace_back("norm.extra", torch::zeros({1}));    // unexpected
        tensors.emplace_back("ignored.key", torch::zeros({1}));  // unexpected but ignored
        const auto source = test::sourceFromTensors(tensors);
        const auto report = ckpt::checkSource(*tiny, source);
        QCOMPARE(report.missing, std::vector<std::string>{"fc.bias"});
        QCOMPARE(report.unexpected, (std::vector<std::string>{"ignored.key", "norm.extra"}));
        QCOMPARE(report.mismatched, std::vector<std::string>{"fc.weight: file (4, 2) vs model (4, 3)"});

        const QString what = failureOf([&] { ckpt::loadStrict(*tiny, source, "models/tiny.pth", {"ignored.key"}); });
        QVERIFY2(what.startsWith("models/tiny.pth: "), qPrintable(what));
        QVERIFY2(what.contains("missing keys (1):\n  fc.bias"), qPrintable(what));
        QVERIFY2(what.contains("unexpected keys (1):\n  norm.extra"), qPrintable(what));
        QVERIFY2(!what.contains("ignored.key"), qPrintable(what));
        QVERIFY2(what.contains("keys with the wrong shape (1):\n  fc.weight: file (4, 2) vs model (4, 3)"), qPrintable(what));
        // Nothing was copied: the module keeps its initial values.
        QVERIFY(!torch::equal(tiny->norm->running_mean, tensors[3].second));
    }

    void longListsAreShortened() {
        Tiny tiny;
        auto tensors = matchingTensors();
        for (int i = 0; i < 25; ++i) tensors.emplace_back("stray." + std::to_string(i), torch::zeros({1}));
        const QString what = failureOf([&] { ckpt::loadStrict(*tiny, test::sourceFromTensors(tensors), "x.pth"); });
        QVERIFY2(what.contains("unexpected keys (25):") && what.contains("... and 5 more"), qPrintable(what));
    }

    void anotherModelsFileIsNamedAsSuch() {
        Tiny tiny;
        const auto source = test::sourceFromTensors({{"encoder.conv_in.weight", torch::zeros({2})}});
        const QString what = failureOf([&] { ckpt::loadStrict(*tiny, source, "vae.bin"); });
        QVERIFY2(what.contains("checkpoint of another model"), qPrintable(what));
        // A partial mismatch gets no such hint.
        auto partial = test::sourceFromTensors(matchingTensors());
        partial.erase("fc.bias");
        QVERIFY(!failureOf([&] { ckpt::loadStrict(*tiny, partial, "x.pth"); }).contains("another model"));
    }

    void fileDisagreeingWithItsIndexIsReported() {
        Tiny tiny;
        auto source = test::sourceFromTensors(matchingTensors());
        source["fc.bias"].load = [] { return torch::zeros({5}); };  // index says (4)
        const QString what = failureOf([&] { ckpt::loadStrict(*tiny, source, "x.pth"); });
        QVERIFY2(what.contains("memory:fc.bias loaded with shape (5) instead of (4)"), qPrintable(what));
    }
};

QTEST_GUILESS_MAIN(TestStateDict)
#include "tst_statedict.moc"
