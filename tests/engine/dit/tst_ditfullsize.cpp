// The full-size DiTACE configurations (ACE-0.6B-512px / -1024px) have exactly the parameter
// names and shapes of the released checkpoints (manifests in meta.json), and DiTConfig reads
// them back from those shapes. Built on the meta device: no weight memory is allocated.
#include <QtTest>

#include <torch/torch.h>

#include "GoldenData.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/StateDict.h"
#include "dit/DiTACE.h"

using namespace ace;
using namespace ace::test;

class TestDiTACEFullSize : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parametersMatchReleasedManifest_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("manifest");
        QTest::newRow("512px") << "dit_512" << "dit_ace_0.6b_512";
        QTest::newRow("1024px") << "dit_1024" << "dit_ace_0.6b_1024";
        // Legacy fused names go through the one key map first.
        QTest::newRow("512px legacy names") << "dit_512" << "dit_ace_0.6b_512_legacy_fused_names";
    }
    void parametersMatchReleasedManifest() {
        QFETCH(QString, config);
        QFETCH(QString, manifest);
        GoldenData g;
        const nlohmann::json& ref = g.meta().at("configs").at(config.toStdString());
        const nlohmann::json& manifests = g.meta().at("manifests");
        const nlohmann::json* entry = &manifests.at(manifest.toStdString());
        // meta.json stores the 1024px manifest as "identical to dit_ace_0.6b_512" (checked by the
        // generator: checks."manifest.dit_1024_same_as_512").
        if (entry->is_string()) {
            const std::string text = entry->get<std::string>(), prefix = "identical to ";
            QVERIFY2(text.rfind(prefix, 0) == 0, text.c_str());
            QVERIFY(g.meta().at("checks").at("manifest.dit_1024_same_as_512").at("ok").get<bool>());
            entry = &manifests.at(text.substr(prefix.size()));
        }
        const nlohmann::json& keys = *entry;
        const ckpt::TensorSource source = ckpt::mapDitKeys(manifestSource(keys));

        // The config read from the shapes equals the reference YAML (heads from head_dim 72).
        const DiTConfig c = DiTConfig::fromSource(source, ref.at("MAX_SEQ_LEN").get<int64_t>());
        QCOMPARE(c.hiddenSize, ref.at("HIDDEN_SIZE").get<int64_t>());
        QCOMPARE(c.depth, ref.at("DEPTH").get<int64_t>());
        QCOMPARE(c.numHeads, ref.at("NUM_HEADS").get<int64_t>());
        QCOMPARE(c.yChannels, ref.at("Y_CHANNELS").get<int64_t>());
        QCOMPARE(c.patchSize, ref.at("PATCH_SIZE").get<int64_t>());
        QCOMPARE(c.inChannels, ref.at("IN_CHANNELS").get<int64_t>());
        QCOMPARE(c.mlpHidden, static_cast<int64_t>(c.hiddenSize * ref.at("MLP_RATIO").get<double>()));
        QCOMPARE(c.predSigma, ref.at("PRED_SIGMA").get<bool>());
        QCOMPARE(c.qkNorm, ref.at("QK_NORM").get<bool>());
        QCOMPARE(c.headDim(), 72);

        DiTOptions options;
        options.device = torch::kMeta;
        options.dtype = torch::kBFloat16;
        DiTACE model(c, options);
        const ckpt::LoadReport report = ckpt::checkSource(*model, source);
        QVERIFY2(report.ok(), report.describe().c_str());
        int64_t count = 0;
        const auto params = model->named_parameters(true);
        for (const auto& p : params) count += p.value().numel();
        QCOMPARE(params.size(), source.size());
        QCOMPARE(params.size(), size_t(715));
        QCOMPARE(count, int64_t(610989728));
        QVERIFY(model->named_buffers(true).is_empty());
        QCOMPARE(model->rope().maxSeqLen(), ref.at("MAX_SEQ_LEN").get<int64_t>());
    }
};

QTEST_GUILESS_MAIN(TestDiTACEFullSize)
#include "tst_ditfullsize.moc"
