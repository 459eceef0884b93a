// DiTACE against the Python reference on the tiny random-weight model: the three golden cases in
// pure fp32 (outputs and every traced module), the reference's fp16-rounded attention path,
// batch independence, reduced precision on CPU, the checkpoint plumbing and input validation.
#include <QtTest>

#include <iostream>

#include <torch/torch.h>

#include "DitGolden.h"
#include "ace/common/Error.h"

using namespace ace;
using namespace ace::test;

namespace {

// Pure fp32 parity bound, relative to the expected tensor's max-abs.
constexpr double kFp32Rel = 1e-4;

QString caseName(const char* c) { return QString::fromLatin1(c); }

void addCases() {
    QTest::addColumn<QString>("name");
    for (const char* c : {"dit.case1_t2i", "dit.case2_edit", "dit.case3_lcu"}) QTest::newRow(c) << caseName(c);
}

Diff worst(const std::vector<torch::Tensor>& actual, const std::vector<torch::Tensor>& expected) {
    Diff w;
    for (size_t i = 0; i < actual.size(); ++i) {
        const Diff d = compare(actual[i], expected[i]);
        w.maxAbs = std::max(w.maxAbs, d.maxAbs);
        w.scale = std::max(w.scale, d.scale);
    }
    return w;
}

}  // namespace

class TestDiTACE : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(0); }

    void configFromCheckpoint() {
        GoldenData g;
        const TinyDit tiny = loadTinyDit(g);
        const DiTConfig& c = tiny.config;
        QCOMPARE(c.hiddenSize, 64);
        QCOMPARE(c.depth, 2);
        QCOMPARE(c.numHeads, 4);
        QCOMPARE(c.yChannels, 32);
        QCOMPARE(c.mlpHidden, 256);
        QCOMPARE(c.patchSize, 2);
        QCOMPARE(c.inChannels, 4);
        QVERIFY(c.predSigma);
        QVERIFY(c.qkNorm);
        QCOMPARE(c.maxSeqLen, 64);
        // 64 is not a multiple of 72: without the head count the config refuses to guess.
        QVERIFY_THROWS_EXCEPTION(Error, DiTConfig::fromSource(tiny.source, 64));
    }

    void ropeTableMatchesReference() {
        GoldenData g;
        const TinyDit tiny = loadTinyDit(g);
        const torch::Tensor expected = g.tensor("dit.tiny.freqs_as_real");  // [64, 8, 2] float64
        const torch::Tensor actual = tiny.model->rope().tableAsReal();
        QCOMPARE(actual.scalar_type(), torch::kFloat64);
        const Diff d = compare(actual, expected);
        qInfo("RoPE table: %s", d.text().c_str());
        QVERIFY2(d.maxAbs <= 1e-15, d.text().c_str());
        // head_dim 16 -> 8 pairs: frame 4, row 2, col 2; the release's 72 -> 12/12/12.
        QCOMPARE(tiny.model->rope().groupPairs(), (std::array<int64_t, 3>{4, 2, 2}));
        QCOMPARE(dit::RoPE3D(72, 1024).groupPairs(), (std::array<int64_t, 3>{12, 12, 12}));
    }

    void ropeRestartsPerFrame() {
        // Two frames of 2x3 patches: the second frame's tokens differ from the first only in the
        // frame group; rows/cols restart.
        const dit::RoPE3D rope(72, 16);
        const torch::Tensor r = rope.sampleRotation({{2, 3}, {2, 3}});  // [12, 36]
        QCOMPARE(r.size(0), 12);
        QVERIFY(torch::equal(r.narrow(0, 6, 6).narrow(1, 12, 24), r.narrow(0, 0, 6).narrow(1, 12, 24)));
        QVERIFY(!torch::equal(r.narrow(0, 6, 6).narrow(1, 0, 12), r.narrow(0, 0, 6).narrow(1, 0, 12)));
        // Token (frame 0, row 0, col 0) is not rotated at all.
        QVERIFY(torch::allclose(r[0], torch::ones({36}, torch::kComplexDouble)));
        QVERIFY_THROWS_EXCEPTION(Error, rope.sampleRotation({{17, 2}}));
    }

    void fp32MatchesReference_data() { addCases(); }
    void fp32MatchesReference() {
        QFETCH(QString, name);
        GoldenData g;
        TinyDit tiny = loadTinyDit(g);
        const DitGoldenCase gc = loadDitCase(g, name.toStdString());

        std::map<std::string, std::vector<torch::Tensor>> traces;
        tiny.model->setTrace([&](const std::string& module, const torch::Tensor& out) {
            traces[module].push_back(out.clone());
        });
        const auto eps = tiny.model->forward(gc.batch, gc.t, gc.pos);
        tiny.model->setTrace({});

        const Diff d = worst(eps, gc.outFp32Attn);
        qInfo("%s out_fp32attn: %s", qPrintable(name), d.text().c_str());
        QVERIFY2(d.rel() <= kFp32Rel, d.text().c_str());

        // Every traced module call against the reference's forward hooks (k-th call = "name#k").
        const std::string prefix = name.toStdString() + ".trace_fp32attn.";
        const nlohmann::json& expectedTraces = g.meta()["cases"][name.toStdString()]["trace_fp32attn"];
        size_t compared = 0;
        for (const auto& [module, outs] : traces)
            for (size_t k = 0; k < outs.size(); ++k) {
                const std::string key = module + (k ? "#" + std::to_string(k) : "");
                QVERIFY2(expectedTraces.contains(key), ("unexpected trace " + key).c_str());
                const Diff td = compare(outs[k], g.tensor(prefix + key));
                qInfo("  %-16s %s", key.c_str(), td.text().c_str());
                QVERIFY2(td.rel() <= kFp32Rel, (key + ": " + td.text()).c_str());
                ++compared;
            }
        QCOMPARE(compared, expectedTraces.size());
    }

    // The reference path rounds q, k, v to fp16 before attention (flash-attn's inputs) and gets
    // an fp16 attention output. Bound: 1.5e-4 of the output scale (observed <= 9.8e-5), below
    // half an fp16 ulp (2^-12 = 2.4e-4). It cannot be tighter: our fp32 q/k/v differ from the
    // reference's by ~1e-7, enough to flip a few fp16 roundings, and a 1e-7 input change was
    // measured to move this random-weight model's output by up to 2e-4 of the scale in half
    // mode. The rounding is reproduced, not just tolerated: we are >= 1.5x closer to `out` than
    // `out_fp32attn` is (observed 2.1x-4.4x); variants without the output rounding, with
    // fp16-rounded softmax probabilities or fp16 scores were measured at 1x (no better than fp32).
    void halfRoundedAttentionMatchesReference_data() { addCases(); }
    void halfRoundedAttentionMatchesReference() {
        QFETCH(QString, name);
        GoldenData g;
        TinyDit tiny = loadTinyDit(g, DiTOptions{.roundQkvToHalf = true});
        const DitGoldenCase gc = loadDitCase(g, name.toStdString());
        const auto eps = tiny.model->forward(gc.batch, gc.t, gc.pos);
        const Diff d = worst(eps, gc.out);
        const Diff effect = worst(gc.out, gc.outFp32Attn);
        qInfo("%s out (fp16 q/k/v): %s; reference rounding effect %s", qPrintable(name), d.text().c_str(),
              effect.text().c_str());
        QVERIFY2(d.rel() <= 1.5e-4, d.text().c_str());
        QVERIFY2(d.maxAbs * 1.5 < effect.maxAbs, "the fp16 rounding is not reproduced");
    }

    // Case 3's two samples (different sizes, frame counts and t) run together and alone.
    void batchIndependence() {
        GoldenData g;
        TinyDit tiny = loadTinyDit(g);
        const DitGoldenCase gc = loadDitCase(g, "dit.case3_lcu");
        const auto together = tiny.model->forward(gc.batch, gc.t, gc.pos);
        for (size_t s = 0; s < gc.batch.size(); ++s) {
            const auto alone = tiny.model->forward({gc.batch[s]}, gc.t.narrow(0, s, 1), gc.pos);
            const Diff d = compare(alone[0], together[s]);
            qInfo("sample %zu alone vs in the batch: %s", s, d.text().c_str());
            QVERIFY2(d.rel() <= 1e-6, d.text().c_str());
        }
        // A CFG-like batch: the same sample twice with different texts gives each branch's
        // single-sample result (equal-size samples share one batched attention call).
        DitSample other = gc.batch[0];
        for (DitFrame& f : other.frames) f.text = f.text.narrow(0, 0, 1);
        const auto pair = tiny.model->forward({gc.batch[0], other}, gc.t.narrow(0, 0, 1).repeat({2}), gc.pos);
        const auto single = tiny.model->forward({other}, gc.t.narrow(0, 0, 1), gc.pos);
        const Diff d0 = compare(pair[0], together[0]);
        const Diff d1 = compare(pair[1], single[0]);
        qInfo("CFG pair: cond %s, uncond %s", d0.text().c_str(), d1.text().c_str());
        QVERIFY2(d0.rel() <= 1e-6 && d1.rel() <= 1e-6, (d0.text() + " / " + d1.text()).c_str());
    }

    // Reduced precision on CPU: weights and matmuls in bf16/fp16, float32 where the reference keeps
    // it. Error against the fp32 reference is reported; the bound is a sanity bound (bf16 has an
    // 8-bit mantissa, ~4e-3 per rounding, accumulated over the blocks).
    void reducedPrecision_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("bound");
        for (const char* c : {"dit.case1_t2i", "dit.case2_edit", "dit.case3_lcu"}) {
            QTest::newRow((std::string(c) + " bf16").c_str()) << caseName(c) << int(torch::kBFloat16) << 5e-2;
            QTest::newRow((std::string(c) + " fp16").c_str()) << caseName(c) << int(torch::kHalf) << 1e-2;
        }
    }
    void reducedPrecision() {
        QFETCH(QString, name);
        QFETCH(int, dtype);
        QFETCH(double, bound);
        GoldenData g;
        const auto dt = static_cast<torch::Dtype>(dtype);
        TinyDit tiny = loadTinyDit(g, DiTOptions{.dtype = dt});
        // Matmul weights in the compute dtype, tables and norm weights float32.
        const auto params = tiny.model->named_parameters(true);
        QCOMPARE(params["blocks.0.attn.q.weight"].scalar_type(), dt);
        QCOMPARE(params["x_embedder.proj.weight"].scalar_type(), dt);
        QCOMPARE(params["blocks.0.scale_shift_table"].scalar_type(), torch::kFloat32);
        QCOMPARE(params["blocks.0.attn.norm_q.weight"].scalar_type(), torch::kFloat32);
        QCOMPARE(params["final_layer.scale_shift_table"].scalar_type(), torch::kFloat32);

        const DitGoldenCase gc = loadDitCase(g, name.toStdString());
        const auto eps = tiny.model->forward(gc.batch, gc.t, gc.pos);
        for (const auto& e : eps) {
            QCOMPARE(e.scalar_type(), torch::kFloat32);
            QVERIFY(torch::isfinite(e).all().item<bool>());
        }
        const Diff d = worst(eps, gc.outFp32Attn);
        qInfo("%s %s vs fp32 reference: %s", qPrintable(name), dt == torch::kHalf ? "fp16" : "bf16",
              d.text().c_str());
        QVERIFY2(d.rel() <= bound, d.text().c_str());
    }

    // The legacy fused naming (attn.qkv, cross_attn.kv_linear, *.proj, y_embedder.y_proj) loads
    // into the same model and gives the same outputs. (The golden legacy files keep the 5-channel
    // x_embedder; the 4-channel padding is ckpt::mapDitKeys's own test.)
    void legacyCheckpointGivesSameModel_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("legacy safetensors") << "dit_tiny_legacy.safetensors";
        QTest::newRow("legacy torch zip (.pth)") << "dit_tiny_legacy.pth";
    }
    void legacyCheckpointGivesSameModel() {
        QFETCH(QString, file);
        GoldenData g;
        TinyDit reference = loadTinyDit(g);
        TinyDit legacy = loadTinyDit(g, {}, file.toStdString());
        const auto a = reference.model->named_parameters(true);
        const auto b = legacy.model->named_parameters(true);
        QCOMPARE(a.size(), b.size());
        for (const auto& p : a) QVERIFY2(torch::equal(b[p.key()], p.value()), p.key().c_str());
        const DitGoldenCase gc = loadDitCase(g, "dit.case3_lcu");
        const auto expected = reference.model->forward(gc.batch, gc.t, gc.pos);
        const auto actual = legacy.model->forward(gc.batch, gc.t, gc.pos);
        for (size_t s = 0; s < expected.size(); ++s) QVERIFY(torch::equal(actual[s], expected[s]));
    }

    // Frames given without masks get all-ones masks, as the reference does for None.
    void missingMaskMeansOnes() {
        GoldenData g;
        TinyDit tiny = loadTinyDit(g);
        DitGoldenCase gc = loadDitCase(g, "dit.case2_edit");
        std::vector<DitSample> explicitOnes = gc.batch, implicit = gc.batch;
        for (DitFrame& f : explicitOnes[0].frames) f.mask = torch::ones_like(f.latent.narrow(0, 0, 1));
        for (DitFrame& f : implicit[0].frames) f.mask = torch::Tensor();
        const auto a = tiny.model->forward(explicitOnes, gc.t, gc.pos);
        const auto b = tiny.model->forward(implicit, gc.t, gc.pos);
        QVERIFY(torch::equal(a[0], b[0]));
    }

    void precomputedIndicatorTable() {
        GoldenData g;
        TinyDit tiny = loadTinyDit(g);
        const DitGoldenCase gc = loadDitCase(g, "dit.case2_edit");
        const torch::Tensor table = tiny.model->indicatorTable(gc.pos);
        QCOMPARE(table.sizes().vec(), (std::vector<int64_t>{10, 64}));
        const auto a = tiny.model->forwardWithIndicators(gc.batch, gc.t, table);
        const auto b = tiny.model->forward(gc.batch, gc.t, gc.pos);
        QVERIFY(torch::equal(a[0], b[0]));
    }

    void rejectsMalformedInput_data() {
        QTest::addColumn<int>("defect");
        QTest::newRow("odd latent") << 0;
        QTest::newRow("latent channels") << 1;
        QTest::newRow("mask size") << 2;
        QTest::newRow("text width") << 3;
        QTest::newRow("empty text") << 4;
        QTest::newRow("indicator") << 5;
        QTest::newRow("t count") << 6;
        QTest::newRow("no frames") << 7;
    }
    void rejectsMalformedInput() {
        QFETCH(int, defect);
        GoldenData g;
        TinyDit tiny = loadTinyDit(g);
        DitGoldenCase gc = loadDitCase(g, "dit.case2_edit");
        DitFrame& f = gc.batch[0].frames[1];
        torch::Tensor t = gc.t;
        switch (defect) {
        case 0: f.latent = torch::zeros({4, 7, 12}); f.mask = torch::Tensor(); break;
        case 1: f.latent = torch::zeros({3, 8, 12}); break;
        case 2: f.mask = torch::ones({1, 8, 10}); break;
        case 3: f.text = torch::zeros({5, 31}); break;
        case 4: f.text = torch::zeros({0, 32}); break;
        case 5: f.indicator = 10; break;
        case 6: t = torch::zeros({2}, torch::kInt64); break;
        case 7: gc.batch[0].frames.clear(); break;
        }
        QVERIFY_THROWS_EXCEPTION(Error, tiny.model->forward(gc.batch, t, gc.pos));
    }
};

QTEST_GUILESS_MAIN(TestDiTACE)
#include "tst_ditace.moc"
