// ace-cli as a user runs it: a random model folder, a text-to-image turn with per-step previews,
// an edit with a mask and a history file, and the exit codes and messages of bad input.
#include <QtTest>

#include <QImage>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(ACE_CLI, args);
    Run r;
    if (!p.waitForFinished(300000)) return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const Run r = cli({"make-random-model", "--out", m_dir.filePath("model"), "--seed", "5"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void version() {
        const Run r = cli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("LibTorch "));
        QVERIFY(r.out.contains("CUDA available: "));
        // ace-cli asks for huge pages first thing (whether the kernel gives them is the machine's).
        QVERIFY2(r.out.contains("Huge pages for CPU tensors: "), qPrintable(r.out));
        QVERIFY2(!r.out.contains("THP_MEM_ALLOC_ENABLE is not 1"), qPrintable(r.out));
    }

    void textToImageWithPreviews() {
        const Run r = cli({"run", "--model", m_dir.filePath("model"), "--prompt", "draw a blue star", "--seed", "11",
                           "--steps", "3", "--width", "80", "--height", "48", "--device", "cpu", "--out",
                           m_dir.filePath("t2i.png"), "--preview-dir", m_dir.filePath("previews")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("seed 11"));
        const QImage img(m_dir.filePath("t2i.png"));
        QCOMPARE(img.size(), QSize(80, 48));
        QCOMPARE(QDir(m_dir.filePath("previews")).entryList({"step_*.png"}).size(), 3);
    }

    void benchOnAModelFolder() {
        const Run r = cli({"bench", "--model", m_dir.filePath("model"), "--steps", "2", "--repeats", "1", "--device",
                           "cpu"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression("load: \\d+ ms")), qPrintable(r.out));
        // One row per case: name, steps, then seven figures.
        for (const char* name : {"text-to-image", "masked edit"}) {
            const QRegularExpression row(QString("%1 +2 +(\\d+(\\.\\d+)? +){6}\\d+\\.\\d+").arg(name));
            QVERIFY2(r.out.contains(row), qPrintable(r.out));
        }
    }

    void editWithMaskAndHistory() {
        QImage src(96, 64, QImage::Format_RGB888);
        src.fill(QColor(200, 40, 40));
        QVERIFY(src.save(m_dir.filePath("src.png")));
        QImage mask(96, 64, QImage::Format_Grayscale8);
        mask.fill(0);
        for (int y = 16; y < 48; ++y)
            for (int x = 24; x < 72; ++x) mask.setPixel(x, y, qRgb(255, 255, 255));
        QVERIFY(mask.save(m_dir.filePath("mask.png")));
        QFile history(m_dir.filePath("history.json"));
        QVERIFY(history.open(QIODevice::WriteOnly));
        history.write(R"([{"instruction": "make {image} red", "images": [{"image": "src.png"}]}])");
        history.close();
        const Run r = cli({"run", "--model", m_dir.filePath("model"), "--prompt", "fill the box in {image} with green",
                           "--image", m_dir.filePath("src.png"), "--mask", m_dir.filePath("mask.png"), "--task",
                           "inpainting", "--history", history.fileName(), "--seed", "1", "--steps", "2", "--out",
                           m_dir.filePath("edit.png")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // With history the target is the oldest input: src.png's geometry.
        QCOMPARE(QImage(m_dir.filePath("edit.png")).size(), QSize(96, 64));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << 2 << "usage";
        QTest::newRow("unknown command") << QStringList{"paint"} << 2 << "unknown command";
        QTest::newRow("missing value") << QStringList{"run", "--model"} << 2 << "needs a value";
        QTest::newRow("bad number") << QStringList{"run", "--model", "m", "--out", "o.png", "--steps", "many"} << 2
                                    << "whole number";
        QTest::newRow("missing model") << QStringList{"run", "--model", "/nonexistent/ace", "--out", "o.png"} << 1
                                       << "/nonexistent/ace";
        QTest::newRow("missing image") << QStringList{"run", "--model", "/nonexistent", "--image", "/nonexistent/a.png",
                                                      "--out", "o.png"}
                                       << 1 << "/nonexistent/a.png";
        QTest::newRow("missing golden") << QStringList{"parity", "--golden", "/nonexistent/golden"} << 1
                                        << "/nonexistent/golden";
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void maskOfTheWrongSize() {
        QImage src(64, 64, QImage::Format_RGB888);
        src.fill(Qt::white);
        QVERIFY(src.save(m_dir.filePath("white.png")));
        QImage mask(32, 32, QImage::Format_Grayscale8);
        mask.fill(255);
        QVERIFY(mask.save(m_dir.filePath("small-mask.png")));
        const Run r = cli({"run", "--model", m_dir.filePath("model"), "--prompt", "x", "--image",
                           m_dir.filePath("white.png"), "--mask", m_dir.filePath("small-mask.png"), "--out",
                           m_dir.filePath("x.png")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("small-mask.png") && r.err.contains("32x32"), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
