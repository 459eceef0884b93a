// Replays the committed fuzzing corpus (tests/data/fuzz/<target>/: seeds, inputs the fuzzers
// found interesting, and every input that once crashed a reader) through the fuzzers' entry
// points in the normal build: each must end in success or ace::Error, never in a crash or
// another exception.
#include <QtTest>

#include <fstream>

#include "FuzzEntry.h"

namespace {
const std::filesystem::path kCorpus = std::filesystem::path(ACE_TEST_DATA_DIR) / "fuzz";

std::vector<uint8_t> readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

class TestFuzzCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void corpusNeverCrashes_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("minimumFiles");
        QTest::newRow("safetensors") << "safetensors" << 5;
        QTest::newRow("torchzip") << "torchzip" << 5;
        QTest::newRow("unpickler") << "unpickler" << 5;
        QTest::newRow("index") << "index" << 5;
    }
    void corpusNeverCrashes() {
        QFETCH(QString, target);
        QFETCH(int, minimumFiles);
        const auto dir = kCorpus / target.toStdString();
        int files = 0, accepted = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            const auto bytes = readAll(entry.path());
            bool ok = false;
            try {
                if (target == "safetensors") ok = ace::fuzz::fuzzSafetensors(bytes.data(), bytes.size());
                if (target == "torchzip") ok = ace::fuzz::fuzzTorchZip(bytes.data(), bytes.size());
                if (target == "unpickler") ok = ace::fuzz::fuzzUnpickler(bytes.data(), bytes.size());
                if (target == "index") ok = ace::fuzz::fuzzIndex(bytes.data(), bytes.size());
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString::fromStdString(entry.path().string()) + ": " + e.what()));
            }
            ++files;
            accepted += ok;
        }
        QVERIFY2(files >= minimumFiles, qPrintable(QString("%1 corpus files").arg(files)));
        // The seeds are valid files: the corpus exercises the accepting paths too.
        QVERIFY(accepted > 0);
        qInfo("%s: %d inputs, %d accepted", qPrintable(target), files, accepted);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
