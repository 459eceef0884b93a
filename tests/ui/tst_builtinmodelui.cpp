// A fresh installation without a model folder set: the window loads the built-in model, says so
// in the status bar, and a turn runs on it; the settings dialog explains the empty folder.
#include <QtTest>

#include <QLabel>
#include <QLineEdit>
#include <QSettings>

#include <filesystem>

#include "AppSettings.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "SettingsDialog.h"
#include "ace/engine/ModelFactory.h"
#include "pipeline/ModelFolder.h"
#include "CanvasDocument.h"
#include "ace/document/Document.h"
#include "support/TestBackends.h"
#include "support/UiTestSupport.h"
#include "support/WindowDriver.h"

using namespace ace;

namespace {
constexpr double kModelGuidance = 3.0;  // the test model's guide_scale in ace_model.json
}

class TestBuiltInModelUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        test::initGuiTestCase("tst_builtinmodelui");
        QVERIFY(m_dir.isValid());
        // A tiny random model marked as built-in stands in for resources/models/builtin.
        const std::filesystem::path root = m_dir.filePath("builtin").toStdString();
        RandomModelSpec spec;
        spec.name = "built-in test model";
        createRandomModel(root, spec);
        const ModelFolder folder = locateModelFolder(root);
        ModelSettings settings = readModelSettings(folder);
        settings.builtIn = true;
        settings.guideScale = kModelGuidance;
        settings.defaultWidth = 64;
        settings.defaultHeight = 48;
        writeModelSettings(folder.root, settings);
        qputenv("ACE_BUILTIN_MODEL", m_dir.filePath("builtin").toUtf8());
    }

    void emptyFolderMeansTheBuiltInModel() {
        test::configure(QString(), 2);
        const AppSettings s = AppSettings::load();
        QVERIFY(s.usesBuiltInModel());
        QCOMPARE(QDir(s.resolvedModelFolder()).canonicalPath(), QDir(m_dir.filePath("builtin")).canonicalPath());
        AppSettings user = s;
        user.modelFolder = test::workingModelFolder();
        QVERIFY(!user.usesBuiltInModel());
        QCOMPARE(user.resolvedModelFolder(), test::workingModelFolder());
    }

    void windowLoadsAndLabelsIt() {
        test::configure(QString(), 2);
        // A fresh installation's generation settings: the model's size and guidance.
        QSettings().remove("generation/outputWidth");
        QSettings().remove("generation/outputHeight");
        QCOMPARE(AppSettings::load().generation.outputWidth, 0);
        QCOMPARE(AppSettings::load().generation.guideScale, 0.0);
        test::Window w;
        QVERIFY(w.shownAndReady());
        auto* status = w.window.findChild<QLabel*>("modelStatus");
        QVERIFY(status);
        QVERIFY2(status->text().startsWith("Built-in model (64×48)"), qPrintable(status->text()));
        QVERIFY(status->toolTip().contains("ACE-0.6B"));
        QVERIFY(!w.window.modelBanner()->isVisible());

        // A text-to-image turn runs on it, at the model's own size and guidance (the fresh
        // settings say "model default" for both: 512 px would be far outside what it learned).
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        w.type("a red circle on a blue background");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        QVERIFY(w.window.document()->hasImage());
        const Document& doc = w.window.document()->document();
        QCOMPARE(doc.width(), 64);
        QCOMPARE(doc.height(), 48);
        std::optional<Provenance> made;
        for (int i = doc.layerCount() - 1; i >= 0 && !made; --i) made = doc.layer(i).provenance();
        QVERIFY(made.has_value());
        const nlohmann::json& used = made->settings;
        QCOMPARE(used["guideScale"].get<double>(), kModelGuidance);
        QCOMPARE(used["guideRescale"].get<double>(), 0.5);
        QCOMPARE(used["outputSize"], nlohmann::json::array({64, 48}));
    }

    void settingsDialogExplainsTheEmptyFolder() {
        test::configure(QString(), 2);
        SettingsDialog dialog(AppSettings::load());
        auto* folder = dialog.findChild<QLineEdit*>("modelFolder");
        auto* status = dialog.findChild<QLabel*>("modelFolderStatus");
        QVERIFY(folder && status);
        QVERIFY(folder->placeholderText().contains("built-in"));
        folder->setText("x");
        folder->clear();
        QVERIFY2(status->text().contains("built-in model is used"), qPrintable(status->text()));
        folder->setText(test::workingModelFolder());
        QCOMPARE(status->text(), QString("Looks like an ACE model folder."));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestBuiltInModelUi)
#include "tst_builtinmodelui.moc"
