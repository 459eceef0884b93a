// T5Encoder against Hugging Face T5EncoderModel (transformers 4.46.3) on a tiny random-weight
// v1.1 configuration (tests/data/t5: config.json, t5_tiny_encoder.safetensors, t5_tiny_golden.safetensors),
// in fp32, bf16 and fp16, plus the full-size XXL key set built on the meta device.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "GoldenData.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"
#include "text/T5Encoder.h"

namespace {

const std::filesystem::path kDir = ACE_TEST_DATA_DIR "/t5";

ace::T5Encoder loadTiny(torch::Dtype dtype) {
    const ace::T5Config config = ace::T5Config::fromJson(kDir / "config.json");
    ace::T5Encoder model(config, torch::TensorOptions().dtype(dtype));
    const ace::ckpt::SafetensorsReader reader(kDir / "t5_tiny_encoder.safetensors");
    ace::ckpt::loadStrict(*model, ace::ckpt::sourceFromReader(reader), reader.path().string());
    model->eval();
    return model;
}

}  // namespace

class TestT5Encoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        m_golden = std::make_unique<ace::ckpt::SafetensorsReader>(kDir / "t5_tiny_golden.safetensors");
    }

    void configFromJson() {
        const ace::T5Config c = ace::T5Config::fromJson(kDir / "config.json");
        QCOMPARE(c.vocabSize, int64_t(416));
        QCOMPARE(c.dModel, int64_t(64));
        QCOMPARE(c.dKv, int64_t(16));
        QCOMPARE(c.numHeads, int64_t(4));
        QCOMPARE(c.numLayers, int64_t(2));
        QCOMPARE(c.dFf, int64_t(96));
        QCOMPARE(c.relativeAttentionNumBuckets, int64_t(32));
        QCOMPARE(c.relativeAttentionMaxDistance, int64_t(128));
        QCOMPARE(c.layerNormEpsilon, 1e-6);
        // The real config.json has no relative_attention_max_distance: Hugging Face's default applies.
        const ace::T5Config xxl = ace::T5Config::fromJson(kDir / "t5_v1_1_xxl_config.json");
        QCOMPARE(xxl.dModel, int64_t(4096));
        QCOMPARE(xxl.numHeads, int64_t(64));
        QCOMPARE(xxl.numLayers, int64_t(24));
        QCOMPARE(xxl.dFf, int64_t(10240));
        QCOMPARE(xxl.vocabSize, int64_t(32128));
        QCOMPARE(xxl.relativeAttentionMaxDistance, int64_t(128));
        // The built-in description of the release's encoder (benchmarks) is the real config.json.
        const ace::T5Config builtIn = ace::T5Config::v11Xxl();
        QCOMPARE(builtIn.vocabSize, xxl.vocabSize);
        QCOMPARE(builtIn.dModel, xxl.dModel);
        QCOMPARE(builtIn.dKv, xxl.dKv);
        QCOMPARE(builtIn.numHeads, xxl.numHeads);
        QCOMPARE(builtIn.numLayers, xxl.numLayers);
        QCOMPARE(builtIn.dFf, xxl.dFf);
        QCOMPARE(builtIn.relativeAttentionNumBuckets, xxl.relativeAttentionNumBuckets);
        QCOMPARE(builtIn.relativeAttentionMaxDistance, xxl.relativeAttentionMaxDistance);
        QCOMPARE(builtIn.layerNormEpsilon, xxl.layerNormEpsilon);
        QCOMPARE(ace::T5Config::v11Xxl(3).numLayers, int64_t(3));
    }

    void configErrorsNameTheFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{ d_model: 4");
        QTest::newRow("not an object") << QByteArray("[1, 2]");
        QTest::newRow("t5 v1.0 relu") << QByteArray(R"({"d_model": 64, "feed_forward_proj": "relu"})");
        QTest::newRow("no projection given") << QByteArray(R"({"d_model": 64})");
        QTest::newRow("negative size") << QByteArray(R"({"d_model": -4, "feed_forward_proj": "gated-gelu"})");
        QTest::newRow("string size") << QByteArray(R"({"num_heads": "8", "feed_forward_proj": "gated-gelu"})");
    }
    void configErrorsNameTheFile() {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const std::string file = dir.filePath("config.json").toStdString();
        std::ofstream(file) << content.toStdString();
        try {
            ace::T5Config::fromJson(file);
            QFAIL("accepted");
        } catch (const ace::Error& e) {
            QVERIFY2(std::string(e.what()).find(file) == 0, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::T5Config::fromJson(dir.filePath("missing.json").toStdString()));
    }

    // writeJson is what the model writers (createRandomModel, ace-train export) use: fromJson reads
    // back every field of a non-default configuration.
    void configJsonRoundTrips() {
        ace::T5Config c;
        c.vocabSize = 321;
        c.dModel = 48;
        c.dKv = 12;
        c.numHeads = 3;
        c.numLayers = 5;
        c.dFf = 80;
        c.relativeAttentionNumBuckets = 16;
        c.relativeAttentionMaxDistance = 64;
        c.layerNormEpsilon = 1e-5;
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("config.json").toStdString();
        c.writeJson(file);
        const ace::T5Config back = ace::T5Config::fromJson(file);
        QCOMPARE(back.vocabSize, c.vocabSize);
        QCOMPARE(back.dModel, c.dModel);
        QCOMPARE(back.dKv, c.dKv);
        QCOMPARE(back.numHeads, c.numHeads);
        QCOMPARE(back.numLayers, c.numLayers);
        QCOMPARE(back.dFf, c.dFf);
        QCOMPARE(back.relativeAttentionNumBuckets, c.relativeAttentionNumBuckets);
        QCOMPARE(back.relativeAttentionMaxDistance, c.relativeAttentionMaxDistance);
        QCOMPARE(back.layerNormEpsilon, c.layerNormEpsilon);
        QVERIFY_THROWS_EXCEPTION(ace::Error, c.writeJson(dir.filePath("no/such/folder/config.json").toStdString()));
    }

    void parameterNamesAreHuggingFaces() {
        const ace::T5Config config = ace::T5Config::fromJson(kDir / "config.json");
        ace::T5Encoder model(config);
        const ace::ckpt::SafetensorsReader reader(kDir / "t5_tiny_encoder.safetensors");
        const auto report = ace::ckpt::checkSource(*model, ace::ckpt::sourceFromReader(reader));
        QVERIFY2(report.ok(), report.describe().c_str());
        QCOMPARE(model->named_parameters().size(), reader.keys().size());
        QCOMPARE(model->named_buffers().size(), size_t(0));
    }

    // The full-size key set and shapes, from the real config, without allocating 4.7 B parameters.
    void xxlMatchesManifest() {
        const ace::T5Config config = ace::T5Config::fromJson(kDir / "t5_v1_1_xxl_config.json");
        ace::T5Encoder model(config, torch::TensorOptions().device(torch::kMeta).dtype(torch::kBFloat16));
        std::ifstream in(kDir / "t5_v1_1_xxl_encoder_manifest.json");
        const auto manifest = nlohmann::json::parse(in).at("parameters");
        const auto params = model->named_parameters();
        QCOMPARE(params.size(), manifest.size());
        int64_t total = 0;
        for (const auto& p : params) {
            QVERIFY2(manifest.contains(p.key()), p.key().c_str());
            QCOMPARE(p.value().sizes().vec(), manifest.at(p.key()).get<std::vector<int64_t>>());
            total += p.value().numel();
        }
        QCOMPARE(total, int64_t(4762310656));
    }

    void halfKeepsWoInFloat32() {
        const ace::T5Config config = ace::T5Config::fromJson(kDir / "config.json");
        ace::T5Encoder model(config, torch::TensorOptions().device(torch::kMeta).dtype(torch::kHalf));
        for (const auto& p : model->named_parameters()) {
            const bool wo = p.key().find(".wo.") != std::string::npos;
            QCOMPARE(p.value().scalar_type(), wo ? torch::kFloat32 : torch::kHalf);
        }
    }

    // Spot values of the bucket formula (ace-reference.md section 3): n = |key - query|,
    // 16 * [key > query] + (n < 8 ? n : min(15, 8 + floor(ln(n / 8) / ln 16 * 8))).
    void relativePositionBuckets() {
        const torch::Tensor rel = torch::tensor({0, 1, -1, 7, -7, 8, -8, 11, 12, -16, 63, 64, 127, -128, 129, -500}, torch::kLong);
        const torch::Tensor b = ace::t5::relativePositionBucket(rel, 32, 128);
        const std::vector<int64_t> got(b.data_ptr<int64_t>(), b.data_ptr<int64_t>() + b.numel());
        std::vector<int64_t> want;
        for (int64_t r : std::vector<int64_t>(rel.data_ptr<int64_t>(), rel.data_ptr<int64_t>() + rel.numel())) {
            const int64_t n = std::abs(r);
            const int64_t far = std::min<int64_t>(15, 8 + int64_t(std::floor(float(std::log(float(n) / 8.0f)) / std::log(16.0) * 8)));
            want.push_back((r > 0 ? 16 : 0) + (n < 8 ? n : far));
        }
        QCOMPARE(got, want);
        QCOMPARE(got[12], int64_t(16 + 15));  // 127 after the query: last bucket
        QCOMPARE(got[15], int64_t(15));
    }

    void matchesHuggingFace_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("tolerance");  // max |diff| / max |expected|
        for (const char* name : {"batch3", "long", "padded120"}) {
            QTest::newRow(qPrintable(QString("%1 fp32").arg(name))) << QString(name) << int(torch::kFloat32) << 1e-5;
            QTest::newRow(qPrintable(QString("%1 bf16").arg(name))) << QString(name) << int(torch::kBFloat16) << 4e-3;
        }
        QTest::newRow("batch3 fp16") << QString("batch3") << int(torch::kHalf) << 1e-3;
    }
    void matchesHuggingFace() {
        QFETCH(QString, name);
        QFETCH(int, dtype);
        QFETCH(double, tolerance);
        const auto type = static_cast<torch::Dtype>(dtype);
        ace::T5Encoder model = loadTiny(type);
        const std::string n = name.toStdString();
        const std::string suffix = type == torch::kFloat32 ? "fp32" : type == torch::kBFloat16 ? "bf16" : "fp16";
        torch::NoGradGuard noGrad;
        const torch::Tensor out = model->forward(m_golden->load(n + ".ids"), m_golden->load(n + ".mask"));
        const torch::Tensor expected = m_golden->load(n + ".out_" + suffix);
        QCOMPARE(out.scalar_type(), expected.scalar_type());
        const auto diff = ace::test::compare(out, expected);
        qInfo("%s %s: %s", n.c_str(), suffix.c_str(), diff.text().c_str());
        QVERIFY2(diff.rel() <= tolerance, diff.text().c_str());
        if (type != torch::kFloat32) {
            // The half-precision result is closer to its own golden than to fp32's.
            const auto toFp32 = ace::test::compare(out, m_golden->load(n + ".out_fp32"));
            QVERIFY2(diff.maxAbs < toFp32.maxAbs, toFp32.text().c_str());
        }
    }

    // Hugging Face clamps an fp16 hidden state that overflowed: block 0's attention output
    // projection scaled up so that it does.
    void half16OverflowIsClamped() {
        ace::T5Encoder model = loadTiny(torch::kHalf);
        {
            torch::NoGradGuard noGrad;
            model->encoder->blocks[0]->selfAttention->SelfAttention->o->weight.copy_(m_golden->load("overflow.o_weight_block0"));
        }
        torch::NoGradGuard noGrad;
        const torch::Tensor out = model->forward(m_golden->load("batch3.ids"), m_golden->load("batch3.mask"));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        const auto diff = ace::test::compare(out, m_golden->load("overflow.out_fp16"));
        qInfo("overflow fp16: %s", diff.text().c_str());
        QVERIFY2(diff.rel() <= 1e-3, diff.text().c_str());
    }

    void refusesBadIds() {
        ace::T5Encoder model = loadTiny(torch::kFloat32);
        torch::NoGradGuard noGrad;
        const auto mask = torch::ones({1, 2}, torch::kLong);
        QVERIFY_THROWS_EXCEPTION(c10::Error, model->forward(torch::tensor({{1, 416}}, torch::kLong), mask));
        QVERIFY_THROWS_EXCEPTION(c10::Error, model->forward(torch::tensor({{1, 2}}, torch::kLong), torch::ones({1, 3})));
    }

private:
    std::unique_ptr<ace::ckpt::SafetensorsReader> m_golden;
};

QTEST_GUILESS_MAIN(TestT5Encoder)
#include "tst_t5encoder.moc"
