// Settings: every field round-trips through QSettings, the dialog edits them, and the model folder
// check says what is wrong and what to do for a missing folder, a file, and an incomplete layout.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>

#include "AppSettings.h"
#include "SettingsDialog.h"

using namespace ace;

class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_settingsdialog");
        QSettings().clear();
    }

    void defaultsFollowTheReference() {
        const AppSettings s = AppSettings::load();
        QCOMPARE(s.generation.guideScale, 0.0);  // the model's (4.5 for the release)
        QCOMPARE(s.generation.guideRescale, 0.5);
        QCOMPARE(s.generation.historyLength, 5);
        QCOMPARE(s.generation.steps, 0);  // the model's own default (20 for 512px, 50 for 1024px)
        QVERIFY(s.generation.randomSeed);
        QCOMPARE(s.generation.outputWidth, 0);  // the model's default size
        QCOMPARE(s.generation.outputHeight, 0);
        QVERIFY(s.modelFolder.isEmpty());
    }

    // "Model default" is the minimum of the guidance and size boxes: the dialog shows it for a
    // fresh installation, stepping down onto it gives the model's value back, and a stored
    // guidance of 1 (no guidance, which the engine refuses) reads as the model's default.
    void modelDefaultsInTheDialog() {
        QSettings().clear();
        SettingsDialog dialog(AppSettings::load());
        auto* guide = dialog.findChild<QDoubleSpinBox*>("guideScale");
        auto* width = dialog.findChild<QSpinBox*>("outputWidth");
        QVERIFY(guide && width);
        QCOMPARE(guide->text(), QString("Model default"));
        QCOMPARE(width->text(), QString("Model default"));
        QCOMPARE(dialog.settings().generation.guideScale, 0.0);
        QCOMPARE(dialog.settings().generation.outputWidth, 0);
        guide->setFocus();
        QTest::keyClick(guide, Qt::Key_Up);
        QCOMPARE(dialog.settings().generation.guideScale, 1.5);
        QTest::keyClick(guide, Qt::Key_Down);
        QCOMPARE(guide->text(), QString("Model default"));
        QCOMPARE(dialog.settings().generation.guideScale, 0.0);
        width->setFocus();
        for (int i = 0; i < 4; ++i) QTest::keyClick(width, Qt::Key_Up);
        QCOMPARE(dialog.settings().generation.outputWidth, 64);

        QSettings().setValue("generation/guideScale", 1.0);
        QCOMPARE(AppSettings::load().generation.guideScale, 0.0);
        QSettings().clear();
    }

    void dialogEditsAndSettingsRoundTrip() {
        QTemporaryDir dir;
        for (const char* part : {"models/dit", "models/vae", "models/text_encoder/t5", "models/tokenizer/t5"})
            QDir().mkpath(dir.filePath(part));
        AppSettings start = AppSettings::load();
        SettingsDialog dialog(start);
        auto* folder = dialog.findChild<QLineEdit*>("modelFolder");
        auto* status = dialog.findChild<QLabel*>("modelFolderStatus");
        folder->clear();
        QTest::keyClicks(folder, dir.path());
        QVERIFY2(status->text().contains("Looks like an ACE model folder"), qPrintable(status->text()));
        dialog.findChild<QComboBox*>("device")->setCurrentIndex(1);
        dialog.findChild<QComboBox*>("precision")->setCurrentIndex(2);
        dialog.findChild<QSpinBox*>("steps")->setValue(12);
        dialog.findChild<QDoubleSpinBox*>("guideScale")->setValue(6.0);
        dialog.findChild<QDoubleSpinBox*>("guideRescale")->setValue(0.25);
        dialog.findChild<QCheckBox*>("randomSeed")->setChecked(false);
        QVERIFY(dialog.findChild<QSpinBox*>("seed")->isEnabled());
        dialog.findChild<QSpinBox*>("seed")->setValue(2024);
        dialog.findChild<QSpinBox*>("outputWidth")->setValue(770);  // rounded down to 16
        dialog.findChild<QSpinBox*>("outputHeight")->setValue(512);
        dialog.findChild<QSpinBox*>("historyLength")->setValue(3);
        const AppSettings edited = dialog.settings();
        QCOMPARE(edited.modelFolder, dir.path());
        QCOMPARE(edited.device, Device::Cpu);
        QCOMPARE(edited.precision, Precision::Float16);
        QCOMPARE(edited.generation.outputWidth, 768);
        edited.save();

        const AppSettings back = AppSettings::load();
        QCOMPARE(back.modelFolder, dir.path());
        QCOMPARE(back.device, Device::Cpu);
        QCOMPARE(back.precision, Precision::Float16);
        QCOMPARE(back.generation.steps, 12);
        QCOMPARE(back.generation.guideScale, 6.0);
        QCOMPARE(back.generation.guideRescale, 0.25);
        QVERIFY(!back.generation.randomSeed);
        QCOMPARE(back.generation.seed, qint64(2024));
        QCOMPARE(back.generation.outputWidth, 768);
        QCOMPARE(back.generation.outputHeight, 512);
        QCOMPARE(back.generation.historyLength, 3);
        const ModelLoadOptions options = back.loadOptions();
        QCOMPARE(options.device, Device::Cpu);
        QCOMPARE(options.ditPrecision, Precision::Float16);
        QCOMPARE(options.vaePrecision, Precision::Float16);
    }

    void modelFolderProblemsAreExplained() {
        QTemporaryDir dir;
        QVERIFY(checkModelFolder("").contains("No model folder"));
        QVERIFY(checkModelFolder(dir.filePath("missing")).contains("does not exist"));
        QFile file(dir.filePath("model.bin"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(checkModelFolder(file.fileName()).contains("is a file"));
        QDir().mkpath(dir.filePath("models/dit"));
        const QString partial = checkModelFolder(dir.path());
        QVERIFY2(partial.contains("vae, text_encoder, tokenizer missing") && partial.contains("download it again"),
                 qPrintable(partial));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
