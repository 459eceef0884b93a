// T5Tokenizer against Hugging Face T5TokenizerFast (transformers 4.46.3) on the same test-time
// SentencePiece model: tests/data/text/tokenizer_golden.json.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "TestSpm.h"
#include "ace/common/Error.h"
#include "text/T5Tokenizer.h"
#include "text/TextCleaner.h"

class TestT5Tokenizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        m_model = ace::test::trainTestSpm(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
        std::ifstream in(ACE_TEST_DATA_DIR "/text/tokenizer_golden.json");
        m_golden = nlohmann::json::parse(in);
        QVERIFY2(ace::test::md5Of(m_model) == QString::fromStdString(m_golden.at("model_md5").get<std::string>()),
                 "spm_train produced a different model than the one the goldens were made with");
    }

    void matchesHuggingFace_data() {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < m_golden.at("cases").size(); ++i) {
            const std::string text = m_golden["cases"][i].at("text").get<std::string>();
            QTest::newRow(qPrintable(QString("%1: %2").arg(i).arg(QString::fromStdString(text).left(30)))) << int(i);
        }
    }
    void matchesHuggingFace() {
        QFETCH(int, index);
        const auto& c = m_golden["cases"][index];
        const ace::T5Tokenizer tokenizer(m_model.toStdString());
        const ace::TokenizedText t = tokenizer.encode(c.at("text").get<std::string>());
        const auto ids = c.at("ids").get<std::vector<int64_t>>();
        const auto mask = c.at("attention_mask").get<std::vector<int64_t>>();
        QCOMPARE(t.ids.size(), size_t(120));
        QCOMPARE(t.ids, ids);
        QCOMPARE(t.attentionMask, mask);
        QCOMPARE(t.length, int(std::count(mask.begin(), mask.end(), 1)));
    }

    // The reference path: raw prompt -> cleaning (with NFC there, without here: SentencePiece's
    // NFKC composes) -> tokenizer.
    void wholeChainMatchesReference() {
        const ace::T5Tokenizer tokenizer(m_model.toStdString());
        const auto& chain = m_golden.at("chain");
        QVERIFY(chain.size() >= 100);
        for (const auto& c : chain) {
            const std::string text = c.at("text").get<std::string>();
            QVERIFY2(tokenizer.encode(ace::cleanText(text)).ids == c.at("ids").get<std::vector<int64_t>>(), text.c_str());
        }
    }

    // Hugging Face's per-grapheme normaliser drops combining marks after characters NFKC rewrites;
    // SentencePiece and the port keep them (see T5Tokenizer.h).
    void documentedDeviations() {
        const ace::T5Tokenizer tokenizer(m_model.toStdString());
        const auto& deviations = m_golden.at("deviations");
        QVERIFY(!deviations.empty());
        for (const auto& c : deviations) {
            const std::string text = c.at("text").get<std::string>();
            const auto ids = tokenizer.encode(text).ids;
            QVERIFY2(ids == c.at("expected").get<std::vector<int64_t>>(), text.c_str());
            QVERIFY2(ids != c.at("hf_ids").get<std::vector<int64_t>>(), text.c_str());
        }
    }

    void specialIds() {
        const ace::T5Tokenizer tokenizer(m_model.toStdString());
        QCOMPARE(tokenizer.padId(), int64_t(0));
        QCOMPARE(tokenizer.eosId(), int64_t(1));
        QCOMPARE(tokenizer.unkId(), int64_t(2));
        QCOMPARE(tokenizer.vocabSize(), int64_t(400));
        QCOMPARE(tokenizer.encode("<extra_id_0>").ids[0], int64_t(399));
        QCOMPARE(tokenizer.encode("<extra_id_99>").ids[0], int64_t(300));
        // The braces of the image references are not in the vocabulary.
        const ace::TokenizedText image = tokenizer.encode("{image}");
        QCOMPARE(image.ids[1], tokenizer.unkId());
        QCOMPARE(image.ids[image.length - 2], tokenizer.unkId());
    }

    // A shorter budget truncates the same content: the golden's untruncated content cut to
    // maxLength - 1, then </s>.
    void shorterBudget() {
        const ace::T5Tokenizer tokenizer(m_model.toStdString(), 8);
        QCOMPARE(tokenizer.maxLength(), 8);
        for (const auto& c : m_golden.at("cases")) {
            const auto ids = c.at("ids").get<std::vector<int64_t>>();
            const auto mask = c.at("attention_mask").get<std::vector<int64_t>>();
            const auto length = std::count(mask.begin(), mask.end(), 1);
            if (length == 120)
                continue;  // content already truncated
            std::vector<int64_t> expected(ids.begin(), ids.begin() + std::min<int64_t>(length - 1, 7));
            expected.push_back(1);
            const int real = int(expected.size());
            expected.resize(8, 0);
            const ace::TokenizedText t = tokenizer.encode(c.at("text").get<std::string>());
            QCOMPARE(t.ids, expected);
            QCOMPARE(t.length, real);
        }
    }

    void errorsNameTheFile() {
        const std::string missing = m_dir.filePath("missing/spiece.model").toStdString();
        try {
            ace::T5Tokenizer t(missing);
            QFAIL("no error for a missing file");
        } catch (const ace::Error& e) {
            QVERIFY(std::string(e.what()).find(missing) != std::string::npos);
        }
        QFile bad(m_dir.filePath("bad.model"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a model");
        bad.close();
        try {
            ace::T5Tokenizer t(bad.fileName().toStdString());
            QFAIL("no error for a corrupt file");
        } catch (const ace::Error& e) {
            QVERIFY(std::string(e.what()).find(bad.fileName().toStdString()) != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::T5Tokenizer(m_model.toStdString(), 0));
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
    nlohmann::json m_golden;
};

QTEST_GUILESS_MAIN(TestT5Tokenizer)
#include "tst_t5tokenizer.moc"
