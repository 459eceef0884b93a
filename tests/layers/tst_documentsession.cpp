// The session behind the File menu: save/open of project files with the app's session JSON,
// recent files, imports of layered files, exports, autosave and recovery, the export dialog, and
// drag-and-drop of a project file onto the window.
#include <QtTest>

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSpinBox>
#include <QUndoStack>

#include "DocumentActions.h"
#include "DocumentSession.h"
#include "ExportDialog.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "ace/document/Compositor.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

namespace {
Image gradient(int w, int h) {
    Image img(w, h, 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto* p = img.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(x * 9), p[1] = static_cast<std::uint8_t>(y * 7), p[2] = 90, p[3] = static_cast<std::uint8_t>(100 + x);
        }
    return img;
}
}  // namespace

class TestDocumentSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_documentsession");
        QVERIFY(m_dir.isValid());
    }

    void init() {
        m_stack = std::make_unique<QUndoStack>();
        m_session = std::make_unique<DocumentSession>(m_stack.get());
        m_session->setAutosaveFolder(m_dir.filePath("autosave-" + QString::number(++m_round)));
        m_session->clearRecentFiles();
        m_session->newDocument(32, 24);
        m_session->layerModel()->addLayer(Layer::raster("photo", gradient(32, 24)), "Import");
        m_session->layerModel()->addLayer(Layer::raster("result", gradient(10, 8), 3, 4), "Turn 1");
        m_session->setSessionProvider([] { return nlohmann::json{{"conversation", {"hello", "你好"}}}; });
        m_session->setTranscriptProvider([] { return std::string("user: hello"); });
    }
    void cleanup() {
        m_session->discardAutosave();
        m_session.reset();
        m_stack.reset();
    }

    void saveAndOpen() {
        QVERIFY(m_session->isModified());
        const QString path = m_dir.filePath("one.aceproj");
        QString error;
        QVERIFY2(m_session->saveAs(path, &error), qPrintable(error));
        QVERIFY(!m_session->isModified());
        QCOMPARE(m_session->filePath(), path);
        const Document saved = m_session->document();
        m_session->newDocument(8, 8);
        QSignalSpy replaced(m_session.get(), &DocumentSession::projectReplaced);
        QVERIFY2(m_session->open(path, &error), qPrintable(error));
        QCOMPARE(replaced.size(), 1);
        QVERIFY(m_session->document() == saved);
        QCOMPARE(m_session->project().session["conversation"][1].get<std::string>(), std::string("你好"));
        QCOMPARE(m_session->layerModel()->rowCount(), 2);
        QCOMPARE(m_session->recentFiles().first(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!m_stack->canUndo());
    }

    void openErrorsLeaveTheDocument() {
        const QString bad = m_dir.filePath("bad.aceproj");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 truncated");
        f.close();
        const Document before = m_session->document();
        QString error;
        QVERIFY(!m_session->open(bad, &error));
        QVERIFY2(error.contains("bad.aceproj"), qPrintable(error));
        QVERIFY(m_session->document() == before);
    }

    void importLayeredAndExport() {
        QString error;
        const QString ora = m_dir.filePath("layers.ora"), psd = m_dir.filePath("layers.psd");
        QVERIFY2(m_session->exportLayered(ora, &error), qPrintable(error));
        QVERIFY2(m_session->exportLayered(psd, &error), qPrintable(error));
        const Document doc = m_session->document();
        for (const QString& file : {ora, psd}) {
            QVERIFY2(m_session->open(file, &error), qPrintable(error));
            QVERIFY(m_session->filePath().isEmpty());  // an import is a new, untitled session
            QVERIFY(composite(m_session->document()) == composite(doc));
            QCOMPARE(m_session->project().session["importedTranscript"].get<std::string>(), std::string("user: hello"));
        }
        const QString png = m_dir.filePath("flat.png");
        QVERIFY(m_session->exportFlat(png, {}, &error));
        QVERIFY(readImage(png.toStdString(), 4) == composite(doc));
        QVERIFY(!m_session->exportLayered(m_dir.filePath("x.tga"), &error));
        QVERIFY(error.contains("unknown layered format"));
    }

    void autosaveAndRecovery() {
        m_session->setAutosaveDelay(10);
        QSignalSpy autosaved(m_session.get(), &DocumentSession::autosaved);
        m_session->layerModel()->setLayerOpacity(0, 0.5);  // any change
        QVERIFY(autosaved.wait(10000));
        const QString file = m_session->autosaveFile();
        QVERIFY(QFileInfo::exists(file));
        // Our own autosave is not a crash leftover; a dead process's is.
        QVERIFY(m_session->recoverable().empty());
        const QString dead = QFileInfo(file).dir().filePath("autosave-999999999-1.aceproj");
        QVERIFY(QFile::copy(file, dead));
        const auto candidates = m_session->recoverable();
        QCOMPARE(candidates.size(), std::size_t(1));
        const Document expected = m_session->document();
        m_session->newDocument(4, 4);
        QString error;
        QVERIFY2(m_session->recover(candidates[0], &error), qPrintable(error));
        QVERIFY(m_session->document() == expected);
        QVERIFY(m_session->isModified());
        QVERIFY(!QFileInfo::exists(dead));
        // A save after the autosave encodes no picture again: they are the autosave's.
        QVERIFY(m_session->pngCache());
        const std::size_t encoded = m_session->pngCache()->encodedCount();
        const std::size_t found = m_session->pngCache()->foundCount();
        QVERIFY(encoded > 0);
        QVERIFY2(m_session->saveAs(m_dir.filePath("after-autosave.aceproj"), &error), qPrintable(error));
        QCOMPARE(m_session->pngCache()->encodedCount(), encoded);
        QCOMPARE(m_session->pngCache()->foundCount(), found + m_session->document().layerCount());
        QVERIFY(loadProject(m_dir.filePath("after-autosave.aceproj").toStdString()).document == expected);
        // A clean save removes the autosave.
        QVERIFY(m_session->saveAs(m_dir.filePath("recovered.aceproj"), &error));
        QVERIFY(!QFileInfo::exists(m_session->autosaveFile()));
    }

    void exportDialogOptions() {
        ExportDialog dialog(m_dir.filePath("out.png"), 1);
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData("jpg"));
        QVERIFY(dialog.pathEdit()->text().endsWith("out.jpg"));
        QVERIFY(dialog.qualitySpin()->isEnabled());
        dialog.qualitySpin()->setValue(40);
        dialog.sourceCombo()->setCurrentIndex(1);
        QCOMPARE(dialog.flatOptions().quality, 40);
        QCOMPARE(dialog.flatOptions().layerIndex, 1);
        QVERIFY(!dialog.isLayered());
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData("psd"));
        QVERIFY(dialog.isLayered());
        QVERIFY(!dialog.sourceCombo()->isEnabled());
        QVERIFY(dialog.path().endsWith("out.psd"));
    }

    void windowActionsAndDrop() {
        QString error;
        const QString path = m_dir.filePath("dropped.aceproj");
        QVERIFY(m_session->saveAs(path, &error));
        const Document saved = m_session->document();
        m_session->newDocument(5, 5);
        m_stack->setClean();

        QMainWindow window;
        QMenu* file = window.menuBar()->addMenu("&File");
        QAction* quit = file->addAction("&Quit");
        QMenu* view = window.menuBar()->addMenu("&View");
        auto* dock = new QDockWidget("Layers", &window);
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        DocumentActions actions(m_session.get(), &window);
        actions.install(file, dock, view);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(qobject_cast<LayerPanel*>(dock->widget()));
        QCOMPARE(file->actions().last(), quit);
        QVERIFY(window.findChild<QAction*>("actionSave"));
        QCOMPARE(actions.saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
        QVERIFY(actions.recentMenu()->isEnabled());
        QVERIFY(actions.historyDock()->isVisible());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(m_session->document() == saved);
        QCOMPARE(m_session->filePath(), path);

        // The recent-files menu opens a file too.
        m_session->newDocument(5, 5);
        m_stack->setClean();
        QAction* recent = actions.recentMenu()->actions().first();
        QCOMPARE(recent->data().toString(), QFileInfo(path).absoluteFilePath());
        recent->trigger();
        QVERIFY(m_session->document() == saved);
    }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentSession> m_session;
};

QTEST_MAIN(TestDocumentSession)
#include "tst_documentsession.moc"
