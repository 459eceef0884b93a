// One training step of the full-size DiTACE (hidden 1152, depth 28, y_channels 4096, the ACE-0.6B
// architecture) with the trainer's objective, so fine-tuning the release architecture is known to
// work. Heavy: about 12 GB of memory (weights, gradients, AdamW moments, EMA).
#include <QtTest>

#include <torch/torch.h>

#include "DitTrainer.h"
#include "TrainingRun.h"
#include "VaeTrainer.h"

using namespace ace::train;
namespace fs = std::filesystem;

class TestFullSizeStep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneStep() {
        QTemporaryDir dir;
        const fs::path work = fs::path(dir.path().toStdString());
        TrainConfig c = TrainConfig::preset("full");
        c.sizes = {{64, 64}};
        c.corpusSamples = 300;
        c.arch.t5VocabSize = 200;
        c.dit.warmupSteps = 0;
        initRun(work, c);
        QCOMPARE(trainVaeStage(work, 1, torch::kCPU, nullptr), int64_t(1));
        std::vector<StepStats> steps;
        auto record = [&](const std::string&, const StepStats& s, int64_t) { steps.push_back(s); };
        QCOMPARE(trainDitStage(work, 1, torch::kCPU, record), int64_t(1));
        QCOMPARE(steps.size(), std::size_t(1));
        QVERIFY(std::isfinite(steps[0].loss));
        QVERIFY(steps[0].gradNorm > 0);
        std::printf("full-size DiT step: loss %.4f, %.1f s\n", steps[0].loss, steps[0].seconds);
    }
};

QTEST_GUILESS_MAIN(TestFullSizeStep)
#include "tst_fullsizestep.moc"
