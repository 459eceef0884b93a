// LibTorch links, runs a tensor operation with a known result, and reports its runtime.
#include <QtTest>

#include <torch/torch.h>

#include "ace/engine/Runtime.h"

class TestTorchSmoke : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matmulHasKnownResult() {
        const auto a = torch::arange(6, torch::kFloat32).reshape({2, 3});
        const auto b = torch::ones({3, 2}, torch::kFloat32);
        const auto c = torch::matmul(a, b);
        QCOMPARE(c.sizes().vec(), (std::vector<int64_t>{2, 2}));
        QCOMPARE(c[0][0].item<float>(), 3.0f);   // 0+1+2
        QCOMPARE(c[1][1].item<float>(), 12.0f);  // 3+4+5
    }

    void runtimeDescribesTorchAndCuda() {
        const ace::RuntimeInfo& info = ace::initRuntime();
        QCOMPARE(QString::fromStdString(info.torchVersion), QString(TORCH_VERSION));
        QVERIFY(!info.devices.empty());
        QVERIFY(QString::fromStdString(info.devices.front()).startsWith("cpu"));
        const QString text = QString::fromStdString(ace::describeRuntime(info));
        QVERIFY(text.contains("LibTorch " TORCH_VERSION));
        QVERIFY(text.contains("CUDA available: "));
        // Without a GPU the CPU path must still be usable after the CUDA probe.
        if (!info.cudaAvailable) QVERIFY(!torch::cuda::is_available());
    }
};

QTEST_GUILESS_MAIN(TestTorchSmoke)
#include "tst_torchsmoke.moc"
