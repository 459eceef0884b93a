// The DiT stage's task mix over time: without phases the stream is the uniform sampler's, a phase
// changes the kinds drawn from its first step on (and only then), and the configuration stores
// phases and refuses bad ones with the file's name; the built-in presets keep what their runs learned.
#include <QtTest>

#include <fstream>
#include <set>

#include "RefusedConfig.h"
#include "TaskSchedule.h"
#include "TrainConfig.h"
#include "ace/common/Error.h"

using namespace ace::train;
namespace synth = ace::synth;
namespace fs = std::filesystem;

namespace {

bool sameSample(const synth::LcuSample& a, const synth::LcuSample& b) {
    return a.kind == b.kind && a.instructions == b.instructions && a.target.data == b.target.data;
}

// A configuration whose phase from step `from` draws only `only`.
TrainConfig onlyFrom(int64_t from, synth::TaskKind only) {
    TrainConfig c = TrainConfig::preset("tiny");
    TaskWeights weights;
    for (synth::TaskKind k : synth::allTaskKinds()) weights[synth::taskKindName(k)] = k == only ? 1.0 : 0.0;
    c.ditTaskPhases = {{from, weights}};
    return c;
}

}  // namespace

class TestTaskSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutPhasesTheStreamIsUniform() {
        const TrainConfig c = TrainConfig::preset("tiny");
        const TaskSchedule schedule(c);
        synth::TaskSamplerOptions o;
        o.sizes = c.sizes;
        const synth::TaskSampler uniform(c.dataSeed, o);
        for (uint64_t i = 0; i < 12; ++i) QVERIFY(sameSample(schedule.sample(i), uniform.sample(i)));
    }

    void aPhaseStartsAtItsStep() {
        const TrainConfig c = onlyFrom(3, synth::TaskKind::Grayscale);
        const TaskSchedule schedule(c);
        const TaskSchedule uniform(TrainConfig::preset("tiny"));
        const uint64_t perStep = uint64_t(c.dit.batchSize * c.dit.accumulate);
        // Steps 0..2 draw the uniform stream, with its mix of kinds.
        std::set<synth::TaskKind> before;
        for (uint64_t i = 0; i < 3 * perStep; ++i) {
            QVERIFY(sameSample(schedule.sample(i), uniform.sample(i)));
            before.insert(schedule.sample(i).kind);
        }
        QVERIFY(before.size() > 1);
        // From step 3 on, only the phase's kind.
        for (uint64_t i = 3 * perStep; i < 3 * perStep + 20; ++i)
            QCOMPARE(schedule.sample(i).kind, synth::TaskKind::Grayscale);
        QCOMPARE(&schedule.samplerForStep(2), &schedule.samplerForStep(0));
        QCOMPARE(&schedule.samplerForStep(3), &schedule.samplerForStep(1000000));
        QVERIFY(&schedule.samplerForStep(3) != &schedule.samplerForStep(2));
    }

    void laterPhasesReplaceEarlierOnes() {
        TrainConfig c = onlyFrom(2, synth::TaskKind::Canny);
        c.ditTaskPhases.push_back({5, {{"canny", 0.0}}});  // back to every kind but Canny
        const TaskSchedule schedule(c);
        const uint64_t perStep = uint64_t(c.dit.batchSize * c.dit.accumulate);
        for (uint64_t i = 2 * perStep; i < 5 * perStep; ++i) QCOMPARE(schedule.sample(i).kind, synth::TaskKind::Canny);
        std::set<synth::TaskKind> after;
        for (uint64_t i = 5 * perStep; i < 5 * perStep + 60; ++i) after.insert(schedule.sample(i).kind);
        QVERIFY(!after.contains(synth::TaskKind::Canny));
        QVERIFY(after.size() > 5);
    }

    void configurationStoresPhases() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "train_config.json";
        TrainConfig c = TrainConfig::preset("tiny");
        c.ditTaskPhases = {{10, {{"recolour", 4.0}, {"canny", 2.5}}}, {20, {{"text_to_image", 0.0}}}};
        c.save(file);
        const TrainConfig back = TrainConfig::load(file);
        QCOMPARE(back.toJson(), c.toJson());
        QCOMPARE(back.ditTaskPhases.size(), size_t(2));
        QCOMPARE(back.ditTaskPhases[0].fromStep, int64_t(10));
        QCOMPARE(back.ditTaskPhases[0].weights.at("canny"), 2.5);
        QCOMPARE(back.ditTaskPhases[1].weights.at("text_to_image"), 0.0);
    }

    // The latent encoding's switch is stored; a configuration without it encodes in float32.
    void configurationStoresTheLatentEncoding() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "train_config.json";
        TrainConfig c = TrainConfig::preset("tiny");
        c.ditLatentEncoding = {true, 12};
        c.save(file);
        const TrainConfig back = TrainConfig::load(file);
        QCOMPARE(back.toJson(), c.toJson());
        QVERIFY(!back.ditLatentEncoding.bf16AtStep(11));
        QVERIFY(back.ditLatentEncoding.bf16AtStep(12));
        std::ofstream(file) << R"({"name": "an older run"})" << "\n";
        QVERIFY(!TrainConfig::load(file).ditLatentEncoding.bf16AtStep(1000000));
        // The CPU and GPU recipes switch after as many samples.
        const TrainConfig cpu = TrainConfig::preset("builtin"), gpu = TrainConfig::preset("builtin-gpu");
        QVERIFY(cpu.ditLatentEncoding.bf16 && gpu.ditLatentEncoding.bf16);
        QCOMPARE(gpu.ditLatentEncoding.fromStep * gpu.dit.batchSize, cpu.ditLatentEncoding.fromStep * cpu.dit.batchSize);
    }

    // A run's patch size and timestep power are stored; runs written before they existed had the
    // release's patch 2 and uniform timesteps.
    void configurationStoresThePatchSizeAndTimestepPower() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "train_config.json";
        TrainConfig c = TrainConfig::preset("tiny");
        c.arch.ditPatchSize = 1;
        c.ditTimestepPower = 2.0;
        c.save(file);
        QCOMPARE(TrainConfig::load(file).arch.ditPatchSize, int64_t(1));
        QCOMPARE(TrainConfig::load(file).ditTimestepPower, 2.0);
        std::ofstream(file) << R"({"name": "an older run"})" << "\n";
        QCOMPARE(TrainConfig::load(file).arch.ditPatchSize, int64_t(2));
        QCOMPARE(TrainConfig::load(file).ditTimestepPower, 1.0);
    }

    void badLatentEncodingNamesTheFileAndTheProblem_data() {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown dtype") << R"({"dtype": "fp16", "from_step": 3})" << "fp16";
        QTest::newRow("negative step") << R"({"dtype": "bf16", "from_step": -1})" << "from_step";
        QTest::newRow("step not a number") << R"({"dtype": "bf16", "from_step": "soon"})" << "malformed";
    }

    void badLatentEncodingNamesTheFileAndTheProblem() {
        QFETCH(QString, encoding);
        QFETCH(QString, problem);
        test::verifyConfigRefused(R"({"name": "x", "dit_latent_encoding": )" + encoding.toStdString() + "}", problem);
    }

    // Zero samples per step would divide by zero in the task schedule (and the loss); the
    // optimiser's settings must be usable numbers.
    void badStageSettingsNameTheFileAndTheProblem_data() {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no accumulation") << R"("dit": {"accumulate": 0})" << "accumulate";
        QTest::newRow("negative accumulation") << R"("vae": {"accumulate": -2})" << "accumulate";
        QTest::newRow("empty batch") << R"("dit": {"batch_size": 0})" << "batch_size";
        QTest::newRow("zero rate") << R"("decoder": {"learning_rate": 0})" << "learning_rate";
        QTest::newRow("negative warm-up") << R"("dit": {"warmup_steps": -5})" << "warmup_steps";
        QTest::newRow("EMA of one") << R"("dit": {"ema_decay": 1.0})" << "ema_decay";
        QTest::newRow("negative weight decay") << R"("dit": {"weight_decay": -0.1})" << "weight_decay";
        QTest::newRow("negative save interval") << R"("vae": {"save_every": -1})" << "save_every";
        QTest::newRow("no timestep power") << R"("dit_timestep_power": 0)" << "dit_timestep_power";
        QTest::newRow("no patch") << R"("architecture": {"dit_patch_size": 0})" << "dit_patch_size";
        QTest::newRow("patch wider than a size") << R"("architecture": {"dit_patch_size": 4}, "sizes": [[64, 48]])"
                                                 << "64x48";
    }

    void badStageSettingsNameTheFileAndTheProblem() {
        QFETCH(QString, stage);
        QFETCH(QString, problem);
        test::verifyConfigRefused(R"({"name": "x", )" + stage.toStdString() + "}", problem);
    }

    void everyPresetsPhasesNameRealKinds() {
        for (const char* name : {"builtin", "builtin-gpu", "tiny", "full"}) {
            const TrainConfig c = TrainConfig::preset(name);
            const TaskSchedule schedule(c);  // throws on an unknown kind
            for (const TaskPhase& p : c.ditTaskPhases) QVERIFY(p.fromStep >= 1);
        }
        // The GPU recipe switches its mix after as many samples as the CPU one.
        const TrainConfig cpu = TrainConfig::preset("builtin"), gpu = TrainConfig::preset("builtin-gpu");
        QCOMPARE(gpu.ditTaskPhases.front().fromStep * gpu.dit.batchSize,
                 cpu.ditTaskPhases.front().fromStep * cpu.dit.batchSize);
        QCOMPARE(gpu.ditTaskPhases.front().weights, cpu.ditTaskPhases.front().weights);
        QVERIFY(gpu.bf16);
    }

    // GroupNorm has 32 groups: with 32 channels a level normalises single channels over the
    // image and flat regions lose their colour (the first built-in run's VAE), so the built-in
    // autoencoder keeps at least two channels per group at every level.
    void builtinAutoencoderKeepsTwoChannelsPerGroup() {
        for (const char* name : {"builtin", "builtin-gpu"}) {
            const TrainConfig c = TrainConfig::preset(name);
            for (int64_t mult : c.arch.vaeChMult) QVERIFY2(c.arch.vaeCh * mult >= 64, name);
        }
    }

    void badPhasesNameTheFileAndTheProblem_data() {
        QTest::addColumn<QString>("phases");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown kind") << R"([{"from_step": 5, "task_weights": {"recolor": 2}}])" << "recolor";
        QTest::newRow("negative weight") << R"([{"from_step": 5, "task_weights": {"canny": -1}}])" << "canny";
        QTest::newRow("not ascending") << R"([{"from_step": 5, "task_weights": {}}, {"from_step": 5, "task_weights": {}}])"
                                       << "ascending";
        QTest::newRow("step zero") << R"([{"from_step": 0, "task_weights": {}}])" << "ascending";
        QTest::newRow("weight not a number") << R"([{"from_step": 5, "task_weights": {"canny": "x"}}])" << "malformed";
        QTest::newRow("no step") << R"([{"task_weights": {}}])" << "malformed";
    }

    void badPhasesNameTheFileAndTheProblem() {
        QFETCH(QString, phases);
        QFETCH(QString, problem);
        test::verifyConfigRefused(R"({"name": "x", "dit_task_phases": )" + phases.toStdString() + "}", problem);
    }
};

QTEST_GUILESS_MAIN(TestTaskSchedule)
#include "tst_taskschedule.moc"
