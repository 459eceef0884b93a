// Where the app finds its built-in model: $ACE_BUILTIN_MODEL, the installed layout next to the
// executable, and nothing else that merely looks like a model folder.
#include <QtTest>

#include <filesystem>

#include "ace/engine/BuiltInModel.h"
#include "ace/engine/ModelFactory.h"
#include "pipeline/ModelFolder.h"

namespace fs = std::filesystem;

class TestBuiltInLocation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_root = fs::path(m_dir.path().toStdString());
        // An installed tree: <prefix>/bin and <prefix>/share/ace-desktop/models/builtin.
        m_installed = m_root / "prefix" / "share" / "ace-desktop" / "models" / "builtin";
        makeModel(m_installed, true);
        fs::create_directories(m_root / "prefix" / "bin");
        // A random model that is not marked built-in.
        m_plain = m_root / "plain";
        makeModel(m_plain, false);
    }

    void init() { qunsetenv("ACE_BUILTIN_MODEL"); }

    void installedLayoutNextToTheExecutable() {
        const fs::path found = ace::findBuiltInModel(m_root / "prefix" / "bin");
        QCOMPARE(QString::fromStdString(found.string()), QString::fromStdString(fs::canonical(m_installed).string()));
        QVERIFY(ace::isBuiltInModelFolder(found));
        QVERIFY(ace::isBuiltInModelFolder(found / "models"));
    }

    void environmentVariableComesFirst() {
        const fs::path other = m_root / "other";
        makeModel(other, true);
        qputenv("ACE_BUILTIN_MODEL", QByteArray::fromStdString(other.string()));
        QCOMPARE(QString::fromStdString(ace::findBuiltInModel(m_root / "prefix" / "bin").string()),
                 QString::fromStdString(fs::canonical(other).string()));
    }

    void folderNotMarkedBuiltInIsNotTaken() {
        QVERIFY(!ace::isBuiltInModelFolder(m_plain));
        qputenv("ACE_BUILTIN_MODEL", QByteArray::fromStdString(m_plain.string()));
        const fs::path found = ace::findBuiltInModel(m_root / "nowhere" / "bin");
        QVERIFY(found != fs::canonical(m_plain));
        // Whatever else is found (the source tree's model, once shipped) really is built-in.
        if (!found.empty()) QVERIFY(ace::isBuiltInModelFolder(found));
    }

    void brokenFoldersAreNotModels() {
        QVERIFY(!ace::isBuiltInModelFolder({}));
        QVERIFY(!ace::isBuiltInModelFolder(m_root / "missing"));
        const fs::path broken = m_root / "broken";
        makeModel(broken, true);
        fs::remove_all(broken / "models" / "dit");
        QVERIFY(!ace::isBuiltInModelFolder(broken));
    }

private:
    static void makeModel(const fs::path& root, bool builtIn) {
        ace::RandomModelSpec spec;
        spec.hiddenSize = 32;
        spec.depth = 1;
        ace::createRandomModel(root, spec);
        const ace::ModelFolder folder = ace::locateModelFolder(root);
        ace::ModelSettings settings = ace::readModelSettings(folder);
        settings.builtIn = builtIn;
        ace::writeModelSettings(folder.root, settings);
    }

    QTemporaryDir m_dir;
    fs::path m_root, m_installed, m_plain;
};

QTEST_GUILESS_MAIN(TestBuiltInLocation)
#include "tst_builtinlocation.moc"
