// Replays the project-reader fuzzer's regression corpus (tests/data/fuzz-project, produced by
// tests/fuzz/run-fuzzer.sh with libFuzzer) through the normal build: every input must load or
// throw ace::Error, never anything else.
#include <QtTest>

#include "FuzzProjectInput.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"

class TestProjectFuzzCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replay() {
        const std::filesystem::path dir = std::filesystem::path(ACE_TEST_DATA_DIR) / "fuzz-project";
        int loaded = 0, refused = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
            const auto input = ace::readFileBytes(entry.path(), 1 << 20);
            try {
                ace::parseProject(ace::fuzz::projectBytesFromFuzzInput(input.data(), input.size()), entry.path());
                ++loaded;
            } catch (const ace::Error&) {
                ++refused;
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("%1: %2").arg(QString::fromStdString(entry.path().string()), e.what())));
            }
        }
        qInfo("%d inputs loaded, %d refused with ace::Error", loaded, refused);
        QVERIFY(loaded > 0);
        QVERIFY(refused > 100);
    }
};

QTEST_GUILESS_MAIN(TestProjectFuzzCorpus)
#include "tst_projectfuzzcorpus.moc"
