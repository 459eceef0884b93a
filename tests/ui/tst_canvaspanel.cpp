// The canvas's tool box and options bar in the main window: at the default window size and at
// 1280 x 800, also with the Layers dock dragged wide, no canvas action hides behind a tool bar's
// overflow button; every tool has an icon, a tooltip naming its key, and selecting it updates
// the options bar.
#include <QtTest>

#include <QDockWidget>
#include <QLabel>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>

#include "CanvasPanel.h"
#include "MainWindow.h"
#include "support/UiTestSupport.h"

using namespace ace;

class TestCanvasPanel : public QObject {
    Q_OBJECT

    // Every action of the canvas's tool bars that is meant to be seen, with what hides it (empty: nothing).
    static QStringList hiddenActions(CanvasPanel* panel) {
        QStringList hidden;
        for (QToolBar* bar : {panel->toolBox(), panel->toolBar()}) {
            // QToolBar shows its extension ("»") button only when some items did not fit.
            for (QToolButton* b : bar->findChildren<QToolButton*>("qt_toolbar_ext_button", Qt::FindDirectChildrenOnly))
                if (b->isVisible()) hidden << bar->objectName() + ": overflow button shown";
            for (QAction* a : bar->actions()) {
                if (a->isSeparator() || !a->isVisible()) continue;
                QWidget* w = bar->widgetForAction(a);
                const QString name = a->objectName().isEmpty() ? a->text() : a->objectName();
                if (!w || !w->isVisible()) hidden << bar->objectName() + ": " + name;
                else if (!bar->rect().contains(w->geometry())) hidden << bar->objectName() + ": " + name + " clipped";
            }
        }
        return hidden;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_canvaspanel");
        QSettings().clear();  // the default window geometry, not a saved one
    }

    void everyActionFits_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("layersWidth");  // 0: as the window lays it out
        QTest::newRow("default size") << QSize() << 0;
        QTest::newRow("1280x800") << QSize(1280, 800) << 0;
        QTest::newRow("1280x800, wide Layers dock") << QSize(1280, 800) << 420;
        QTest::newRow("1280x800, wide docks") << QSize(1280, 800) << -1;
    }

    void everyActionFits() {
        QFETCH(QSize, size);
        QFETCH(int, layersWidth);
        MainWindow window;
        if (size.isValid()) window.resize(size);
        else QCOMPARE(window.size(), QSize(1280, 800));  // what a first start opens with
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (layersWidth > 0) {
            window.resizeDocks({window.layersDock()}, {layersWidth}, Qt::Horizontal);
        } else if (layersWidth < 0) {
            window.resizeDocks({window.layersDock(), window.chatDock()}, {420, 460}, Qt::Horizontal);
        }
        QTest::qWait(50);
        CanvasPanel* panel = window.canvasPanel();
        const QStringList hidden = hiddenActions(panel);
        QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join("; ")));
        // The tools themselves are all there, each with an icon and a tooltip with its key.
        for (const char* name : {"toolBrush", "toolEraser", "toolRectangle", "toolEllipse", "toolFill", "toolExtend"}) {
            QAction* a = panel->toolAction(name);
            QVERIFY2(a, name);
            QVERIFY(!a->icon().isNull());
            QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
            QVERIFY(panel->toolBox()->widgetForAction(a)->isVisible());
        }
        test::saveScreenshot(&window, QString("canvas-tools-%1x%2-%3")
                                          .arg(window.width())
                                          .arg(window.height())
                                          .arg(layersWidth > 0 ? "wide-layers" : layersWidth < 0 ? "wide-docks" : "docks"));
    }

    void toolOptionsFollowTheTool() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CanvasPanel* panel = window.canvasPanel();
        auto* name = panel->toolBar()->findChild<QLabel*>("toolNameLabel");
        auto* size = panel->toolBar()->findChild<QSpinBox*>("brushSize");
        QVERIFY(name && size);
        QCOMPARE(name->text(), QString("Brush"));
        QVERIFY(size->isEnabled());
        // Clicking the tool box's button selects the tool.
        QTest::mouseClick(panel->toolBox()->widgetForAction(panel->toolAction("toolEllipse")), Qt::LeftButton);
        QVERIFY(panel->toolAction("toolEllipse")->isChecked());
        QCOMPARE(name->text(), QString("Ellipse"));
        QVERIFY(!size->isEnabled());
        QTest::mouseClick(panel->toolBox()->widgetForAction(panel->toolAction("toolEraser")), Qt::LeftButton);
        QCOMPARE(name->text(), QString("Eraser"));
        QVERIFY(size->isEnabled());
    }
};

QTEST_MAIN(TestCanvasPanel)
#include "tst_canvaspanel.moc"
