// The main window opens offscreen with its docks, shows the About dialog, and closes cleanly.
#include <QtTest>

#include <QDockWidget>
#include <QPlainTextEdit>

#include "AboutDialog.h"
#include "MainWindow.h"

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_mainwindow");
    }

    void opensWithTitleAndDocks() {
        ace::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QString("ACE Desktop"));
        QVERIFY(window.chatDock()->isVisible());
        QVERIFY(window.layersDock()->isVisible());
        QVERIFY(window.canvasArea()->isVisible());
        QCOMPARE(window.chatDock()->windowTitle(), QString("Chat"));
        QCOMPARE(window.layersDock()->windowTitle(), QString("Layers"));
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
    }

    void aboutShowsVersions() {
        ace::AboutDialog dialog;
        auto* text = dialog.findChild<QPlainTextEdit*>("versionsText");
        QVERIFY(text);
        const QString versions = text->toPlainText();
        QVERIFY2(versions.contains("LibTorch "), qPrintable(versions));
        QVERIFY(versions.contains("CUDA available: "));
        QVERIFY(versions.contains("Qt " + QString(qVersion())));
        QVERIFY(versions.contains("OpenCV "));
    }

    void aboutOpensFromTheHelpMenu() {
        ace::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTimer::singleShot(0, [] {
            QWidget* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QString("AboutDialog"));
            dialog->close();
        });
        window.findChild<QAction*>("actionAbout")->trigger();
        QVERIFY(window.close());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
