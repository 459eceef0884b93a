// Training checkpoints: tensors, metadata and the generator state come back exactly; foreign or
// incomplete files are refused with the file named.
#include <QtTest>

#include <torch/torch.h>

#include "TrainCheckpoint.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"

using namespace ace::train;

class TestTrainCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "sub" / "last.safetensors";
        auto gen = at::make_generator<at::CPUGeneratorImpl>(77);
        (void)torch::randn({5}, gen);  // advance the state
        NamedTensors tensors;
        tensors.emplace_back("model.w", torch::randn({3, 2}, gen));
        tensors.emplace_back("adam.step", torch::tensor(int64_t(12)));
        tensors.emplace_back("rng.state", generatorState(gen));
        CheckpointMeta meta;
        meta.stage = "dit";
        meta.step = 12;
        meta.samplesSeen = 96;
        meta.dataSeed = 2024;
        meta.extra["config"] = "{\"x\": 1}";
        writeCheckpoint(file, tensors, meta);

        const CheckpointFile back(file);
        QCOMPARE(back.meta().stage, std::string("dit"));
        QCOMPARE(back.meta().step, int64_t(12));
        QCOMPARE(back.meta().samplesSeen, uint64_t(96));
        QCOMPARE(back.meta().dataSeed, uint64_t(2024));
        QCOMPARE(back.meta().extra.at("config"), std::string("{\"x\": 1}"));
        QVERIFY(torch::equal(back.load("model.w"), tensors[0].second));
        QCOMPARE(back.load("adam.step").item<int64_t>(), int64_t(12));

        // The restored generator continues the same stream.
        const torch::Tensor expected = torch::randn({8}, gen);
        auto other = at::make_generator<at::CPUGeneratorImpl>(1);
        setGeneratorState(other, back.load("rng.state"));
        QVERIFY(torch::equal(torch::randn({8}, other), expected));

        try {
            back.load("model.missing");
            QFAIL("no error for a missing key");
        } catch (const ace::Error& e) {
            QVERIFY(QString(e.what()).contains("model.missing"));
            QVERIFY(QString(e.what()).contains("last.safetensors"));
        }
    }

    void refusesPlainSafetensors() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "weights.safetensors";
        ace::ckpt::writeSafetensors(file, {{"w", torch::zeros({2})}});
        QVERIFY_THROWS_EXCEPTION(ace::Error, CheckpointFile{file});
    }
};

QTEST_GUILESS_MAIN(TestTrainCheckpoint)
#include "tst_traincheckpoint.moc"
