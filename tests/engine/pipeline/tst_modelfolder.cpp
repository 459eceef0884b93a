// Finding the parts of a model folder, and what the user is told when something is missing.
#include <QtTest>

#include <fstream>

#include "ace/common/Error.h"
#include "pipeline/ModelFolder.h"

namespace fs = std::filesystem;

namespace {
void touch(const fs::path& p) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
}
// The release layout with empty placeholder files (only names matter here).
void makeRelease(const fs::path& root, const std::string& ditName) {
    touch(root / "models/dit" / ditName);
    touch(root / "models/vae/vae.bin");
    touch(root / "models/text_encoder/t5-v1_1-xxl/config.json");
    touch(root / "models/text_encoder/t5-v1_1-xxl/pytorch_model-00001-of-00002.bin");
    touch(root / "models/text_encoder/t5-v1_1-xxl/pytorch_model-00002-of-00002.bin");
    touch(root / "models/text_encoder/t5-v1_1-xxl/pytorch_model.bin.index.json");
    touch(root / "models/tokenizer/t5-v1_1-xxl/spiece.model");
}
}  // namespace

class TestModelFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsTheReleaseLayout() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        makeRelease(root, "ace_0.6b_512px.pth");
        for (const fs::path& given : {root, root / "models"}) {
            const ace::ModelFolder f = ace::locateModelFolder(given);
            QCOMPARE(f.root, root / "models");
            QCOMPARE(f.ditFile.filename().string(), std::string("ace_0.6b_512px.pth"));
            QCOMPARE(f.vaeFile.filename().string(), std::string("vae.bin"));
            QCOMPARE(f.textEncoderWeights.filename().string(), std::string("pytorch_model.bin.index.json"));
            QCOMPARE(f.tokenizerModel.filename().string(), std::string("spiece.model"));
        }
        const auto s = ace::readModelSettings(ace::locateModelFolder(root));
        QCOMPARE(s.maxSeqLen, int64_t{1024});
        QCOMPARE(s.defaultSteps, 20);
        QCOMPARE(s.defaultWidth, 512);
    }

    void the1024ModelHasALargerBudget() {
        QTemporaryDir dir;
        makeRelease(dir.path().toStdString(), "ace_0.6b_1024px.pth");
        const auto s = ace::readModelSettings(ace::locateModelFolder(dir.path().toStdString()));
        QCOMPARE(s.maxSeqLen, int64_t{4096});
        QCOMPARE(s.defaultSteps, 50);
        QCOMPARE(s.defaultWidth, 1024);
    }

    void settingsFileWins() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        makeRelease(root, "ace_0.6b_512px.pth");
        ace::ModelSettings s;
        s.name = "built-in";
        s.builtIn = true;
        s.maxSeqLen = 256;
        s.numHeads = 4;
        s.defaultSteps = 12;
        s.defaultWidth = 128;
        s.defaultHeight = 96;
        ace::writeModelSettings(root / "models", s);
        const auto back = ace::readModelSettings(ace::locateModelFolder(root));
        QCOMPARE(back.name, std::string("built-in"));
        QVERIFY(back.builtIn);
        QCOMPARE(back.maxSeqLen, int64_t{256});
        QCOMPARE(back.numHeads, int64_t{4});
        QCOMPARE(back.defaultHeight, 96);
        std::ofstream(root / "models/ace_model.json") << "{ not json";
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::readModelSettings(ace::locateModelFolder(root)));
    }

    void missingPartsAreNamed_data() {
        QTest::addColumn<QString>("remove");
        QTest::addColumn<QString>("mentioned");
        QTest::newRow("dit") << "models/dit" << "dit";
        QTest::newRow("dit-empty") << "models/dit/ace_0.6b_512px.pth" << "no DiT checkpoint";
        QTest::newRow("vae") << "models/vae" << "vae";
        QTest::newRow("t5-config") << "models/text_encoder/t5-v1_1-xxl/config.json" << "config.json";
        QTest::newRow("tokenizer") << "models/tokenizer/t5-v1_1-xxl/spiece.model" << "spiece.model";
    }
    void missingPartsAreNamed() {
        QFETCH(QString, remove);
        QFETCH(QString, mentioned);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        makeRelease(root, "ace_0.6b_512px.pth");
        fs::remove_all(root / remove.toStdString());
        try {
            ace::locateModelFolder(root);
            QFAIL("no error");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains(mentioned), e.what());
        }
    }

    void notAFolder() {
        QTemporaryDir dir;
        touch(fs::path(dir.path().toStdString()) / "file.bin");
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::locateModelFolder(fs::path(dir.path().toStdString()) / "file.bin"));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::locateModelFolder(""));
    }
};

QTEST_GUILESS_MAIN(TestModelFolder)
#include "tst_modelfolder.moc"
