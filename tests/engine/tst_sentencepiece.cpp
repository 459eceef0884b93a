// SentencePiece: a model trained at test time with the spm_train tool loads and round-trips text,
// with T5's special-token layout (pad 0, eos 1, unk 2, no bos).
#include <QtTest>

#include <sentencepiece_processor.h>

class TestSentencePiece : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString spmTrain = QStandardPaths::findExecutable("spm_train");
        QVERIFY2(!spmTrain.isEmpty(), "spm_train not found (Debian package 'sentencepiece')");

        QFile corpus(m_dir.filePath("corpus.txt"));
        QVERIFY(corpus.open(QIODevice::WriteOnly | QIODevice::Text));
        const char* colours[] = {"red", "green", "blue", "yellow", "purple", "orange", "black", "white"};
        const char* shapes[] = {"circle", "square", "triangle", "star", "heart", "ring"};
        const char* verbs[] = {"make", "turn", "paint", "change", "draw", "remove", "add", "replace"};
        for (int i = 0; i < 2000; ++i) {
            corpus.write(QString("%1 the %2 %3 in {image} into a %4 %5 on a plain background\n")
                             .arg(verbs[i % 8], colours[i % 7], shapes[i % 6], colours[(i / 3) % 8], shapes[(i / 5) % 6])
                             .toUtf8());
        }
        corpus.close();

        QProcess train;
        train.setProcessChannelMode(QProcess::MergedChannels);
        train.start(spmTrain, {"--input=" + corpus.fileName(), "--model_prefix=" + m_dir.filePath("tiny"),
                               "--vocab_size=120", "--hard_vocab_limit=false", "--model_type=unigram", "--pad_id=0", "--eos_id=1",
                               "--unk_id=2", "--bos_id=-1", "--character_coverage=1.0"});
        QVERIFY(train.waitForFinished(120000));
        QVERIFY2(train.exitCode() == 0, train.readAll().constData());
        m_modelPath = m_dir.filePath("tiny.model");
        QVERIFY(QFile::exists(m_modelPath));
    }

    void loadsAndRoundTrips() {
        sentencepiece::SentencePieceProcessor sp;
        const auto status = sp.Load(m_modelPath.toStdString());
        QVERIFY2(status.ok(), status.ToString().c_str());
        QVERIFY(sp.GetPieceSize() > 20 && sp.GetPieceSize() <= 120);
        QCOMPARE(sp.pad_id(), 0);
        QCOMPARE(sp.eos_id(), 1);
        QCOMPARE(sp.unk_id(), 2);
        QCOMPARE(sp.bos_id(), -1);

        std::vector<int> ids;
        QVERIFY(sp.Encode("paint the red circle blue", &ids).ok());
        QVERIFY(!ids.empty());
        for (int id : ids) QVERIFY(id > 2 && id < sp.GetPieceSize());
        std::string text;
        QVERIFY(sp.Decode(ids, &text).ok());
        QCOMPARE(QString::fromStdString(text), QString("paint the red circle blue"));
    }

    void refusesACorruptModel() {
        QFile bad(m_dir.filePath("bad.model"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a sentencepiece model");
        bad.close();
        sentencepiece::SentencePieceProcessor sp;
        QVERIFY(!sp.Load(bad.fileName().toStdString()).ok());
    }

private:
    QTemporaryDir m_dir;
    QString m_modelPath;
};

QTEST_GUILESS_MAIN(TestSentencePiece)
#include "tst_sentencepiece.moc"
