// The learning-rate schedule of a stage: linear warm-up, constant, and the optional cool-down
// (`ace-train cooldown`) that falls linearly to a floor; the configuration stores the cool-down,
// refuses bad values naming the file, and `init` of the same preset accepts a cooled-down run.
#include <QtTest>

#include <fstream>

#include "RefusedConfig.h"
#include "TrainConfig.h"
#include "TrainStats.h"
#include "TrainingRun.h"
#include "ace/common/Error.h"

using namespace ace::train;
namespace fs = std::filesystem;

class TestLearningRate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void warmupThenConstantWithoutCooldown() {
        QCOMPARE(scheduledRate(1.0, 4, 0, 0, 0.0, 0), 0.25);
        QCOMPARE(scheduledRate(1.0, 4, 0, 0, 0.0, 3), 1.0);
        QCOMPARE(scheduledRate(1.0, 4, 0, 100, 0.0, 1000000), 1.0);  // decay_from_step 0: never
        for (int64_t step : {0, 1, 5, 99, 12345})
            QCOMPARE(scheduledRate(3e-4, 200, 0, 0, 0.0, step), warmupRate(3e-4, 200, step));
    }

    void cooldownFallsLinearlyToTheFloorAndStays() {
        // 10 steps from step 100: the step taken at index 100 is the first lowered one.
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.0, 99), 2.0);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.0, 100), 1.8);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.0, 104), 1.0);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.0, 109), 0.0);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.0, 500), 0.0);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.25, 109), 0.5);
        QCOMPARE(scheduledRate(2.0, 4, 100, 10, 0.25, 104), 2.0 * (1.0 - 0.5 * 0.75));
        QCOMPARE(scheduledRate(2.0, 4, 100, 0, 0.5, 100), 1.0);  // no length: the floor at once
        double previous = 2.0;
        for (int64_t step = 100; step < 110; ++step) {
            const double rate = scheduledRate(2.0, 4, 100, 10, 0.0, step);
            QVERIFY(rate < previous);
            previous = rate;
        }
    }

    void configurationStoresTheCooldown() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "train_config.json";
        TrainConfig c = TrainConfig::preset("tiny");
        c.dit.decayFromStep = 500;
        c.dit.decaySteps = 50;
        c.dit.decayFloor = 0.1;
        c.save(file);
        const TrainConfig back = TrainConfig::load(file);
        QCOMPARE(back.toJson(), c.toJson());
        QCOMPARE(back.dit.decayFromStep, int64_t(500));
        QCOMPARE(back.dit.decaySteps, int64_t(50));
        QCOMPARE(back.dit.decayFloor, 0.1);
        QCOMPARE(back.vae.decayFromStep, int64_t(0));
    }

    // A run written before cool-downs existed has none.
    void anOlderConfigurationHasNoCooldown() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "train_config.json";
        std::ofstream(file) << R"({"name": "x", "dit": {"learning_rate": 0.0003, "warmup_steps": 200}})" << "\n";
        const TrainConfig c = TrainConfig::load(file);
        QCOMPARE(c.dit.decayFromStep, int64_t(0));
        QCOMPARE(c.dit.decaySteps, int64_t(0));
        QCOMPARE(scheduledRate(c.dit.learningRate, c.dit.warmupSteps, c.dit.decayFromStep, c.dit.decaySteps,
                               c.dit.decayFloor, 100000),
                 0.0003);
    }

    void badCooldownsNameTheFileAndTheProblem_data() {
        QTest::addColumn<QString>("dit");
        QTest::addColumn<QString>("problem");
        QTest::newRow("negative start") << R"({"decay_from_step": -1})" << "decay_from_step";
        QTest::newRow("negative length") << R"({"decay_from_step": 5, "decay_steps": -3})" << "decay_steps";
        QTest::newRow("floor above 1") << R"({"decay_floor": 1.5})" << "decay_floor";
        QTest::newRow("floor not a number") << R"({"decay_floor": "low"})" << "malformed";
    }

    void badCooldownsNameTheFileAndTheProblem() {
        QFETCH(QString, dit);
        QFETCH(QString, problem);
        test::verifyConfigRefused(R"({"name": "x", "dit": )" + dit.toStdString() + "}", problem);
    }

    // packaging/train-builtin.sh runs `init` before every stage: a run given a cool-down is still
    // the preset's run, another change of settings is not.
    void initAcceptsACooledDownRunOnly() {
        QTemporaryDir dir;
        const fs::path work = dir.path().toStdString();
        const TrainConfig tiny = TrainConfig::preset("tiny");
        initRun(work, tiny);
        const RunPaths paths(work);
        TrainConfig cooled = TrainConfig::load(paths.config);
        cooled.dit.decayFromStep = 10;
        cooled.dit.decaySteps = 5;
        cooled.save(paths.config);
        initRun(work, tiny);
        QCOMPARE(TrainConfig::load(paths.config).dit.decayFromStep, int64_t(10));  // kept

        TrainConfig other = cooled;
        other.dit.learningRate *= 2;
        other.save(paths.config);
        try {
            initRun(work, tiny);
            QFAIL("init accepted a run with another learning rate");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains("other settings"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestLearningRate)
#include "tst_learningrate.moc"
