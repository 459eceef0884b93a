// TextEmbedder (cleaning + tokenizer + encoder) and its loading from a release-style model folder,
// against the Python chain (ftfy/html cleaning, T5TokenizerFast, T5EncoderModel) on the tiny
// model: tests/data/t5/embedder_golden.safetensors, golden_meta.json.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "GoldenData.h"
#include "TestSpm.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "text/TextCleaner.h"
#include "text/TextEmbedder.h"

namespace {

const std::filesystem::path kT5 = ACE_TEST_DATA_DIR "/t5";

}  // namespace

class TestTextEmbedder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        QVERIFY(m_dir.isValid());
        QString error;
        const QString spm = ace::test::trainTestSpm(m_dir.path(), &error);
        QVERIFY2(!spm.isEmpty(), qPrintable(error));
        m_models = m_dir.filePath("models").toStdString();
        std::filesystem::create_directories(m_models / "tokenizer" / "tiny");
        std::filesystem::copy_file(spm.toStdString(), m_models / "tokenizer" / "tiny" / "spiece.model");

        // A full encoder-decoder checkpoint as Hugging Face saves it: both tied embedding names,
        // decoder and lm_head tensors that must not be read.
        const auto encoderDir = m_models / "text_encoder" / "tiny";
        std::filesystem::create_directories(encoderDir);
        std::filesystem::copy_file(kT5 / "config.json", encoderDir / "config.json");
        const ace::ckpt::SafetensorsReader tiny(kT5 / "t5_tiny_encoder.safetensors");
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (const auto& key : tiny.keys())
            tensors.emplace_back(key, tiny.load(key));
        tensors.emplace_back("encoder.embed_tokens.weight", tiny.load("shared.weight"));
        tensors.emplace_back("decoder.embed_tokens.weight", tiny.load("shared.weight"));
        tensors.emplace_back("decoder.block.0.layer.0.SelfAttention.q.weight", torch::zeros({64, 64}));
        tensors.emplace_back("lm_head.weight", torch::zeros({416, 64}));
        ace::ckpt::writeSafetensors(encoderDir / "model.safetensors", tensors);

        std::ifstream in(kT5 / "golden_meta.json");
        m_meta = nlohmann::json::parse(in);
        m_golden = std::make_unique<ace::ckpt::SafetensorsReader>(kT5 / "embedder_golden.safetensors");
    }

    void cleansAndTokenizesLikeThePythonChain() {
        const ace::T5Tokenizer tokenizer = ace::loadT5Tokenizer(m_models / "tokenizer" / "tiny");
        const auto texts = m_meta.at("embedder_texts");
        for (size_t i = 0; i < texts.size(); ++i) {
            const torch::Tensor expected = m_golden->load("text" + std::to_string(i) + ".ids");
            const auto ids = tokenizer.encode(ace::cleanText(texts[i].get<std::string>())).ids;
            QCOMPARE(ids, std::vector<int64_t>(expected.data_ptr<int64_t>(), expected.data_ptr<int64_t>() + expected.numel()));
        }
    }

    void embedMatchesReference_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("pad");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("fp32 padded") << int(torch::kFloat32) << true << 1e-5;
        QTest::newRow("fp32 real tokens only") << int(torch::kFloat32) << false << 1e-5;
        QTest::newRow("bf16 padded") << int(torch::kBFloat16) << true << 4e-3;
    }
    void embedMatchesReference() {
        QFETCH(int, dtype);
        QFETCH(bool, pad);
        QFETCH(double, tolerance);
        const auto type = static_cast<torch::Dtype>(dtype);
        const std::string suffix = type == torch::kFloat32 ? ".fp32" : ".bf16";
        ace::TextEmbedder embedder = ace::loadTextEmbedder(m_models, "tiny", torch::TensorOptions().dtype(type));
        embedder.setPadToMaxLength(pad);
        QCOMPARE(embedder.encoder()->dtype(), type);
        const auto texts = m_meta.at("embedder_texts");
        double worst = 0;
        for (size_t i = 0; i < texts.size(); ++i) {
            const torch::Tensor out = embedder.embed(texts[i].get<std::string>());
            const torch::Tensor expected = m_golden->load("text" + std::to_string(i) + suffix);
            QCOMPARE(out.scalar_type(), torch::kFloat32);
            const auto diff = ace::test::compare(out, expected);
            worst = std::max(worst, diff.rel());
            QVERIFY2(diff.rel() <= tolerance, (std::to_string(i) + ": " + diff.text()).c_str());
        }
        const torch::Tensor table = embedder.imageIndicatorEmbeddings();
        const auto diff = ace::test::compare(table, m_golden->load("indicators" + suffix));
        qInfo("worst text rel %g, indicators %s", worst, diff.text().c_str());
        QVERIFY2(diff.rel() <= tolerance, diff.text().c_str());
        QCOMPARE(table.sizes().vec(), (std::vector<int64_t>{10, 64}));
        // Computed once and kept.
        QCOMPARE(embedder.imageIndicatorEmbeddings().data_ptr(), table.data_ptr());
    }

    void emptyPromptIsJustEos() {
        ace::TextEmbedder embedder = ace::loadTextEmbedder(m_models, "tiny");
        QCOMPARE(embedder.embed("").size(0), int64_t(1));
        QCOMPARE(embedder.embed("   \t ").size(0), int64_t(1));
    }

    // Only the encoder's tensors: an `encoder.embed_tokens.weight` alone stands in for `shared.weight`.
    void aliasEmbeddingAndErrors() {
        QTemporaryDir dir;
        const std::filesystem::path enc = dir.filePath("text_encoder/t").toStdString();
        std::filesystem::create_directories(enc);
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::loadT5Encoder(enc));  // no config
        std::filesystem::copy_file(kT5 / "config.json", enc / "config.json");
        try {
            ace::loadT5Encoder(enc);
            QFAIL("no weights accepted");
        } catch (const ace::Error& e) {
            QVERIFY2(std::string(e.what()).find(enc.string()) == 0, e.what());
        }
        const ace::ckpt::SafetensorsReader tiny(kT5 / "t5_tiny_encoder.safetensors");
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (const auto& key : tiny.keys())
            tensors.emplace_back(key == "shared.weight" ? "encoder.embed_tokens.weight" : key, tiny.load(key));
        ace::ckpt::writeSafetensors(enc / "model.safetensors", tensors);
        ace::T5Encoder model = ace::loadT5Encoder(enc);
        QVERIFY(torch::equal(model->shared->weight, tiny.load("shared.weight")));

        // A config that does not fit the weights is refused naming the weights file.
        nlohmann::json config = nlohmann::json::parse(std::ifstream(kT5 / "config.json"));
        config["d_ff"] = 128;
        std::ofstream(enc / "config.json") << config.dump();
        try {
            ace::loadT5Encoder(enc);
            QFAIL("wrong config accepted");
        } catch (const ace::Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find((enc / "model.safetensors").string()) == 0, e.what());
            QVERIFY2(what.find("DenseReluDense.wi_0.weight") != std::string::npos, e.what());
        }
        try {
            ace::loadT5Tokenizer(dir.filePath("tokenizer/t").toStdString());
            QFAIL("missing tokenizer accepted");
        } catch (const ace::Error& e) {
            QVERIFY2(std::string(e.what()).find("spiece.model") != std::string::npos, e.what());
        }
    }

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_models;
    nlohmann::json m_meta;
    std::unique_ptr<ace::ckpt::SafetensorsReader> m_golden;
};

QTEST_GUILESS_MAIN(TestTextEmbedder)
#include "tst_textembedder.moc"
