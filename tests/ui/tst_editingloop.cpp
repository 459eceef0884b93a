// The editing loop in the main window, driven with real widgets: paint a mask, attach an image,
// type and send; check the request the worker receives (texts, image order, masks, task,
// history); the canvas shows the live preview and then the result (pixels outside the mask
// untouched); queued turns show as queued and carry the earlier turns as context; cancel leaves
// the image as it was; a broken model folder shows what to do. Screenshots of the key states go
// to build/screenshots/.
#include <QtTest>

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QFrame>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include "CanvasDocument.h"
#include "ace/document/Document.h"
#include "CanvasPanel.h"
#include "CanvasView.h"
#include "ChatInput.h"
#include "ChatPanel.h"
#include "ContextBar.h"
#include "ImageConvert.h"
#include "MainWindow.h"
#include "pipeline/OutOfMemory.h"
#include "MaskTools.h"
#include "SessionController.h"
#include "StallMeter.h"
#include "support/TestBackends.h"
#include "support/UiTestSupport.h"
#include "support/WindowDriver.h"

using namespace ace;

using test::configure;
using test::Window;


class TestEditingLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_editingloop");
    }

    void sendsTheLcuTheUserBuilt() {
        configure(test::workingModelFolder(), 6);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.waitReady());
        const QImage scene = test::makeScene(480, 360, 4);
        w.window.document()->openImage(scene, "open");
        QTest::qWait(50);
        w.paintStroke({{120, 200}, {200, 210}, {300, 200}}, 50);
        const QImage mask = w.window.document()->mask();
        QVERIFY(test::maskedPixels(mask) > 8000);

        // Attach by pasting into the message box.
        const QImage cat = test::makeScene(200, 160, 11);
        auto* mime = new QMimeData;
        mime->setImageData(cat);
        QApplication::clipboard()->setMimeData(mime);
        w.window.chatPanel()->input()->setFocus();
        QTest::keyClick(w.window.chatPanel()->input(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(w.window.chatPanel()->attachments().size(), 1);
        QComboBox* task = w.window.chatPanel()->taskBox();
        task->setCurrentIndex(task->findData(int(TaskKind::Inpainting)));
        const QString text = "put the cat from {image1} into the masked area of {image}";
        w.type(text);
        QTest::qWait(200);  // the chat's canvas thumbnail follows the mask
        test::saveScreenshot(&w.window, "main-window-ready-to-send");

        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        w.pressEnter();
        QVERIFY(test::waitFor(started, 60000));
        const InferenceJob job = started.first().at(1).value<InferenceJob>();
        const TurnRequest& r = job.request;
        QCOMPARE(QString::fromStdString(r.current.instruction), text);
        QVERIFY(r.history.empty());
        QCOMPARE(r.current.images.size(), size_t(2));
        QVERIFY(r.current.images[0].image == toAceImage(scene, 3));   // {image}: the canvas
        QVERIFY(r.current.images[0].mask == toAceImage(mask, 1));     // with the painted mask
        QCOMPARE(r.current.images[0].task, std::string("inpainting"));
        QVERIFY(r.current.images[1].image == toAceImage(cat, 3));     // {image1}: the attachment
        QVERIFY(r.current.images[1].mask.isNull());
        QCOMPARE(r.current.images[1].task, std::string());
        QCOMPARE(r.options.steps, 6);
        QCOMPARE(r.options.seed, int64_t(-1));
        QVERIFY(job.target == r.current.images[0].image);
        QVERIFY(job.pasteMask == r.current.images[0].mask);
        QVERIFY(job.pasteBack);

        QVERIFY(test::waitFor(finished, 120000));
        const QImage result = w.window.document()->image();
        QCOMPARE(result.size(), scene.size());
        // Outside the mask the canvas keeps its pixels exactly; inside it changed.
        long changedInside = 0, inside = 0;
        for (int y = 0; y < 360; ++y)
            for (int x = 0; x < 480; ++x) {
                const bool masked = mask.constScanLine(y)[x] > 128;
                const bool same = result.pixel(x, y) == scene.pixel(x, y);
                if (!masked && !same) QFAIL(qPrintable(QString("pixel %1,%2 outside the mask changed").arg(x).arg(y)));
                inside += masked;
                changedInside += masked && !same;
            }
        QVERIFY(changedInside > inside / 2);
        QTest::qWait(200);
        test::saveScreenshot(&w.window, "main-window-after-result");
        // The result is one undo step.
        w.window.undoStack()->undo();
        QCOMPARE(w.window.document()->image(), scene.convertToFormat(QImage::Format_RGB32));
    }

    // A new picture starts a new context: turns that edited the previous one stay in the chat but
    // no longer go with the next turn as history; the eye button puts one back.
    void openingAPictureStartsANewContext() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        SessionController* s = w.window.session();
        const ChatModel* chat = w.chat();
        w.window.document()->openImage(test::makeScene(320, 240, 3), "open");
        QSignalSpy started(s->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(s, &SessionController::turnFinished);
        w.type("make {image} an evening scene");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        const int first = chat->turnIds().first();
        QCOMPARE(s->nextContextTurns(), QList<int>({first}));

        const QImage other = test::makeScene(256, 192, 9);
        w.window.document()->openImage(other, "open");
        QVERIFY(s->nextContextTurns().isEmpty());
        QVERIFY(chat->turn(first)->excluded);
        QCOMPARE(chat->turn(first)->status, TurnStatus::Done);  // still in the chat
        w.type("add lanterns to {image}");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        const InferenceJob second = started.at(1).at(1).value<InferenceJob>();
        QVERIFY(second.request.history.empty());
        QVERIFY(second.target == toAceImage(other, 3));  // the new picture sets the geometry
        QCOMPARE(w.window.document()->image().size(), other.size());

        // Put back by hand, the first turn goes with the next one again.
        s->setTurnExcluded(first, false);
        QCOMPARE(s->nextContextTurns().first(), first);
    }

    void undoingAnOpenPutsTheContextBack() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        SessionController* s = w.window.session();
        const ChatModel* chat = w.chat();
        const QImage scene = test::makeScene(320, 240, 3);
        w.window.document()->openImage(scene, "open");
        QSignalSpy finished(s, &SessionController::turnFinished);
        w.type("make {image} an evening scene");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        const int first = chat->turnIds().first();
        const QImage edited = w.window.document()->image();

        QUndoStack* stack = w.window.undoStack();
        const int before = stack->count();
        w.window.document()->openImage(test::makeScene(256, 192, 9), "open other");
        QCOMPARE(stack->count(), before + 1);  // the picture and the new context: one step
        QVERIFY(chat->turn(first)->excluded);
        QVERIFY(s->nextContextTurns().isEmpty());

        stack->undo();
        QVERIFY(!chat->turn(first)->excluded);
        QCOMPARE(s->nextContextTurns(), QList<int>({first}));
        QCOMPARE(w.window.document()->image(), edited);
        stack->redo();
        QVERIFY(chat->turn(first)->excluded);
        QVERIFY(s->nextContextTurns().isEmpty());
        QCOMPARE(w.window.document()->image().size(), QSize(256, 192));

        // Only what the open took out comes back: a turn the user had already left out stays out.
        stack->undo();
        s->setTurnExcluded(first, true);
        w.window.document()->openImage(test::makeScene(200, 160, 4), "open third");  // nothing in context
        QCOMPARE(stack->count(), before + 1);
        stack->undo();
        QVERIFY(chat->turn(first)->excluded);
    }

    void queuedTurnsChainAndCarryHistory() {
        configure(test::workingModelFolder(), 4);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.waitReady());
        const QImage scene = test::makeScene(400, 300, 6);
        w.window.document()->openImage(scene, "open");
        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        w.type("make {image} an evening scene");
        w.pressEnter();
        w.type("add lanterns to {image}");
        w.pressEnter();
        SessionController* s = w.window.session();
        QCOMPARE(s->queuedTurns().size(), 1);
        const ChatModel* chat = qobject_cast<ChatModel*>(w.window.chatPanel()->findChild<QAbstractItemView*>("chatView")->model());
        QVERIFY(chat);
        const int second = s->queuedTurns().first();
        QCOMPARE(chat->turn(second)->status, TurnStatus::Queued);
        // The context bar already shows both for a turn sent now: the first in the context or
        // still running (pending), the queued second pending.
        const int firstTurn = chat->turnIds().first();
        QCOMPARE(w.window.chatPanel()->contextBar()->historyTurns(), QList<int>({firstTurn, second}));
        QVERIFY(w.window.chatPanel()->contextBar()->pendingTurns().contains(second));
        QTest::qWait(100);
        test::saveScreenshot(&w.window, "main-window-running-and-queued");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);

        const InferenceJob first = started.at(0).at(1).value<InferenceJob>();
        const InferenceJob next = started.at(1).at(1).value<InferenceJob>();
        // The second turn edits the first one's result and carries the first turn's input and
        // instruction as history (the reference's LCU: earlier inputs, oldest first).
        QCOMPARE(next.request.history.size(), size_t(1));
        QCOMPARE(next.request.history[0].instruction, std::string("make {image} an evening scene"));
        QVERIFY(next.request.history[0].images[0].image == first.request.current.images[0].image);
        QVERIFY(next.request.current.images[0].image != first.request.current.images[0].image);
        QVERIFY(next.target == next.request.history[0].images[0].image);  // frame 0 = the oldest image

        // Taking the first turn out of the context leaves only the second for the next request.
        const int firstId = chat->turnIds().first();
        QCOMPARE(s->nextContextTurns(), QList<int>({firstId, second}));
        s->setTurnExcluded(firstId, true);
        QCOMPARE(s->nextContextTurns(), QList<int>({second}));
        QVERIFY(!chat->turn(firstId)->inNextContext);
        QVERIFY(chat->turn(second)->inNextContext);
        w.type("now {image} at night");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
        const InferenceJob third = started.at(2).at(1).value<InferenceJob>();
        QCOMPARE(third.request.history.size(), size_t(1));
        QCOMPARE(third.request.history[0].instruction, std::string("add lanterns to {image}"));

        // History length 1 keeps only the latest turn; regenerating reruns a turn's request with a new seed.
        AppSettings settings = w.window.appSettings();
        settings.generation.historyLength = 1;
        w.window.applySettings(settings, false);
        QCOMPARE(s->nextContextTurns().size(), 1);
        const int again = s->regenerate(second);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 120000);
        const InferenceJob regen = started.at(3).at(1).value<InferenceJob>();
        QCOMPARE(regen.id, quint64(again));
        QCOMPARE(regen.request.current.instruction, next.request.current.instruction);
        QVERIFY(regen.request.current.images[0].image == next.request.current.images[0].image);
        // A new seed, named in the request, other than the one the original turn used.
        QVERIFY(regen.request.options.seed >= 0);
        QVERIFY(regen.request.options.seed != chat->turn(second)->seed);
        QCOMPARE(chat->turn(again)->seed, qint64(regen.request.options.seed));

        // A turn with two images starts fresh: the reference cannot pair history with several
        // current images (its text and frame counts disagree).
        w.window.chatPanel()->addAttachments({test::makeScene(96, 96, 3)}, {"style.png"});
        w.type("paint {image} in the style of {image1}");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 5, 120000);
        const InferenceJob styled = started.at(4).at(1).value<InferenceJob>();
        QCOMPARE(styled.request.current.images.size(), size_t(2));
        QVERIFY(styled.request.history.empty());
        QTest::qWait(100);
        test::saveScreenshot(&w.window, "main-window-conversation");
    }

    // The buttons under the chat's bubbles, clicked where the delegate draws them, drive the
    // session: regenerate sends the turn again with a new seed, taking a turn out of the context
    // changes the next request's history (and the context bar), putting it back restores it; copy,
    // use as canvas and edit and resend act on the turn.
    void chatButtonsDriveTheSession() {
        configure(test::workingModelFolder(), 3, /*randomSeed=*/false);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.waitReady());
        ChatPanel* panel = w.window.chatPanel();
        const auto* chat = qobject_cast<const ChatModel*>(panel->view()->model());
        SessionController* s = w.window.session();
        QSignalSpy started(s->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(s, &SessionController::turnFinished);
        auto click = [&](const QModelIndex& index, ChatAction action) {
            panel->view()->scrollTo(index);
            const QRect r = panel->actionButtonRect(index, action);
            QVERIFY2(!r.isEmpty() && panel->view()->viewport()->rect().contains(r), "the button is on screen");
            QTest::mouseMove(panel->view()->viewport(), r.center());
            QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, r.center());
        };

        w.window.document()->openImage(test::makeScene(320, 240, 5), "open");
        w.type("make {image} warmer");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        w.type("add a hat to {image}");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        const int first = chat->turnIds().at(0), second = chat->turnIds().at(1);
        // The context bar shows both turns, oldest first, and the canvas as {image}.
        QTest::qWait(200);  // the canvas thumbnail follows the result
        QCOMPARE(panel->contextBar()->historyTurns(), QList<int>({first, second}));
        QCOMPARE(panel->contextBar()->historySummary(), QString("2 of 5"));
        QCOMPARE(panel->contextBar()->imageLabels(), QStringList({"{image}"}));
        QVERIFY(panel->contextBar()->historyApplies());

        // Regenerate: the same request with a seed other than the fixed 42 the original used.
        const InferenceJob original = started.at(1).at(1).value<InferenceJob>();
        QCOMPARE(original.request.options.seed, int64_t(42));
        click(chat->resultIndex(second), ChatAction::Regenerate);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
        const InferenceJob regen = started.at(2).at(1).value<InferenceJob>();
        QVERIFY(regen.request.options.seed >= 0 && regen.request.options.seed != 42);
        QCOMPARE(regen.request.current.instruction, original.request.current.instruction);
        QVERIFY(regen.request.current.images[0].image == original.request.current.images[0].image);
        QCOMPARE(regen.request.history.size(), original.request.history.size());
        const int regenId = static_cast<int>(regen.id);
        QCOMPARE(chat->turn(regenId)->seed, qint64(regen.request.options.seed));
        QCOMPARE(chat->turn(regenId)->regenerationOf, second);
        // A regeneration repeats its original's input: it adds nothing to the context.
        QCOMPARE(s->nextContextTurns(), QList<int>({first, second}));

        // Remove the first turn from the context with its button: the next request leaves it out.
        click(chat->userIndex(first), ChatAction::ToggleContext);
        QVERIFY(chat->turn(first)->excluded);
        QCOMPARE(panel->contextBar()->historyTurns(), QList<int>({second}));
        QCOMPARE(panel->contextBar()->historySummary(), QString("1 of 5"));
        QTest::qWait(50);
        test::saveScreenshot(&w.window, "main-window-turn-out-of-context");
        w.type("now {image} at dusk");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 120000);
        const InferenceJob fourth = started.at(3).at(1).value<InferenceJob>();
        QCOMPARE(fourth.request.history.size(), size_t(1));
        QCOMPARE(fourth.request.history[0].instruction, std::string("add a hat to {image}"));

        // Put it back: it returns to the history, oldest first.
        click(chat->userIndex(first), ChatAction::ToggleContext);
        QVERIFY(!chat->turn(first)->excluded);
        const int dusk = static_cast<int>(fourth.id);
        QCOMPARE(s->nextContextTurns(), QList<int>({first, second, dusk}));
        QCOMPARE(panel->contextBar()->historyTurns(), QList<int>({first, second, dusk}));
        w.type("add stars to {image}");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 5, 120000);
        const InferenceJob fifth = started.at(4).at(1).value<InferenceJob>();
        QCOMPARE(fifth.request.history.size(), size_t(3));
        QCOMPARE(fifth.request.history[0].instruction, std::string("make {image} warmer"));
        QCOMPARE(fifth.request.history[2].instruction, std::string("now {image} at dusk"));

        // Copy puts the result on the clipboard; use as canvas makes its result layer the next
        // turn's {image} (no copy of it).
        QApplication::clipboard()->clear();
        click(chat->resultIndex(first), ChatAction::Copy);
        QCOMPARE(QApplication::clipboard()->image().convertToFormat(QImage::Format_RGB32),
                 chat->turn(first)->result.convertToFormat(QImage::Format_RGB32));
        const int layerCount = w.window.document()->document().layerCount();
        click(chat->resultIndex(first), ChatAction::UseAsCanvas);
        QCOMPARE(w.window.document()->document().layerCount(), layerCount);
        QCOMPARE(w.window.document()->inputImage().convertToFormat(QImage::Format_RGB32),
                 chat->turn(first)->result.convertToFormat(QImage::Format_RGB32));
        // Edit and resend puts the instruction back into the message box.
        click(chat->userIndex(second), ChatAction::EditResend);
        QCOMPARE(panel->input()->toPlainText(), QString("add a hat to {image}"));
        QTest::qWait(50);
        test::saveScreenshot(&w.window, "main-window-chat-actions");
    }

    void previewDuringTheRunThenCancelLeavesTheImage() {
        configure(test::workingModelFolder(), 1000);  // long enough to cancel in the middle
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.waitReady());
        const QImage scene = test::makeScene(512, 384, 8);
        w.window.document()->openImage(scene, "open");
        w.paintStroke({{100, 100}, {200, 150}}, 60);
        const QImage image = w.window.document()->image();
        const QImage mask = w.window.document()->mask();
        const int undoCount = w.window.undoStack()->count();
        QTest::qWait(50);
        const QImage before = w.view()->grab().toImage();

        QSignalSpy previews(w.window.document(), &CanvasDocument::previewChanged);
        QSignalSpy progress(w.window.session()->worker(), &InferenceWorker::progress);
        QSignalSpy cancelled(w.window.session(), &SessionController::turnCancelled);
        // The stall meter runs while the run goes and the test only waits (typing, grabbing and
        // saving screenshots block the GUI thread themselves and are left out).
        StallMeter meter(5);
        w.type("turn {image} into a pencil drawing");
        w.pressEnter();
        meter.start();
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 40, 120000);  // a sample of ~1 s on the tiny model
        meter.stop();
        const double runningGap = meter.maxGapMs();
        const double runningBusy = meter.maxBusyMs();
        const QString runningReport = meter.report("GUI thread in the window while a turn runs");
        QVERIFY(previews.count() >= 1);
        QVERIFY(!w.window.document()->preview().isNull());
        QTest::qWait(30);
        const QImage during = w.view()->grab().toImage();
        QVERIFY(during != before);  // the preview is drawn over the canvas
        test::saveScreenshot(&w.window, "main-window-live-preview");

        QPushButton* cancel = w.window.chatPanel()->cancelButton();
        QVERIFY(cancel->isEnabled());
        meter.start();
        // Counted right after the controller has set the cancel token (this slot runs after its).
        int stepsAtCancel = -1;
        connect(w.window.chatPanel(), &ChatPanel::cancelRequested, this,
                [&] { stepsAtCancel = static_cast<int>(progress.count()); });
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(stepsAtCancel >= 3);
        QVERIFY(test::waitFor(cancelled, 60000));
        // The step under way when Cancel came may still report; none after it.
        QVERIFY2(progress.count() <= stepsAtCancel + 1, qPrintable(QString("%1 %2").arg(progress.count()).arg(stepsAtCancel)));
        meter.stop();
        const double cancelGap = meter.maxGapMs();
        const double cancelBusy = meter.maxBusyMs();
        const QString cancelReport = meter.report("GUI thread from Cancel to cancelled");
        QVERIFY(progress.count() < 1000);
        QCOMPARE(w.window.document()->image(), image);
        QCOMPARE(w.window.document()->mask(), mask);
        QVERIFY(w.window.document()->preview().isNull());
        QCOMPARE(w.window.undoStack()->count(), undoCount);
        QTRY_VERIFY(!cancel->isEnabled());
        qInfo("%s", qPrintable(runningReport));
        qInfo("%s", qPrintable(cancelReport));
        // The GUI thread's own work between two ticks must stay under the 50 ms target. The wall
        // gap also counts waiting for a core on a crowded machine; it must not show a real block
        // (waiting on the worker, a model call on the GUI thread), which would take seconds.
        QVERIFY2(runningBusy < 50.0 && cancelBusy < 50.0, qPrintable(QString("%1 %2").arg(runningBusy).arg(cancelBusy)));
        QVERIFY2(runningGap < 250.0 && cancelGap < 250.0, qPrintable(QString("%1 %2").arg(runningGap).arg(cancelGap)));
        QTest::qWait(50);
        test::saveScreenshot(&w.window, "main-window-cancelled");
    }

    void textToImageWithoutCanvas() {
        configure(test::workingModelFolder(), 3);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.waitReady());
        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        // The preview of a new image shows on the empty canvas, fitted to the view.
        const QImage empty = w.view()->grab().toImage();
        QImage during;
        connect(w.window.document(), &CanvasDocument::previewChanged, this, [&] {
            if (during.isNull() && !w.window.document()->preview().isNull()) {
                during = w.view()->grab().toImage();
                test::saveScreenshot(&w.window, "main-window-text-to-image-preview");
            }
        });
        w.type("a red fox in the snow");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        const InferenceJob job = started.first().at(1).value<InferenceJob>();
        QVERIFY(job.request.current.images.empty());
        QVERIFY(job.request.history.empty());
        QCOMPARE(job.request.options.outputWidth, 256);
        QCOMPARE(job.request.options.outputHeight, 192);
        QVERIFY(job.target.isNull());
        QVERIFY(w.window.document()->hasImage());
        QVERIFY(!during.isNull());
        QVERIFY(during != empty);
        QCOMPARE(w.window.document()->size(), QSize(256, 192));
    }

    // The GPU ran out of memory and the engine reran the turn on the CPU: the result arrives as
    // usual, the status bar says why it was slow, and the result layer records where it ran.
    // (Half precision on the CPU takes the same fallback path as a GPU; the error is injected.)
    void outOfMemoryFallbackIsReported() {
        configure(test::workingModelFolder(), 3);
        QSettings().setValue("model/precision", int(ace::Precision::Float16));
        Window w;
        QVERIFY(w.shownAndReady());
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        QSignalSpy failed(w.window.session(), &SessionController::turnFailed);
        ace::fault::injectOutOfMemory("dit step");
        w.type("a blue star");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        ace::fault::clearInjections();
        QCOMPARE(failed.count(), 0);
        const QString status = w.window.statusBar()->currentMessage();
        QVERIFY2(status.startsWith("Turn 1: ") && status.contains("ran out of memory") && status.contains("CPU"),
                 qPrintable(status));
        const Document& doc = w.window.document()->document();
        const auto result = std::find_if(doc.layers().begin(), doc.layers().end(),
                                         [](const Layer& l) { return l.provenance().has_value(); });
        QVERIFY(result != doc.layers().end());
        const nlohmann::json& settings = result->provenance()->settings;
        QCOMPARE(settings["device"].get<std::string>(), std::string("cpu"));
        QVERIFY(settings["notice"].get<std::string>().find("injected") != std::string::npos);
        QSettings().remove("model/precision");
    }

    void brokenModelShowsWhatToDo() {
        configure(test::brokenModelFolder(), 3);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QSignalSpy failed(w.window.session(), &SessionController::modelFailed);
        QVERIFY(test::waitFor(failed, 120000));
        QTRY_VERIFY(w.window.modelBanner()->isVisible());
        const QString text = w.window.modelBannerText();
        QVERIFY2(text.contains(test::brokenModelFolder()) && text.contains("Settings"), qPrintable(text));
        test::saveScreenshot(&w.window, "main-window-model-error");

        // A turn sent anyway fails in the chat with advice, and the canvas stays empty.
        QSignalSpy turnFailed(w.window.session(), &SessionController::turnFailed);
        w.type("a lighthouse at dawn");
        w.pressEnter();
        QVERIFY(test::waitFor(turnFailed, 60000));
        QVERIFY(turnFailed.first().at(1).toString().contains("Settings"));
        QVERIFY(!w.window.document()->hasImage());
    }

    void missingModelFolderIsExplained() {
        configure(QDir::temp().filePath("no-such-ace-model-folder"), 3);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QTRY_VERIFY(w.window.modelBanner()->isVisible());
        QVERIFY2(w.window.modelBannerText().contains("does not exist"), qPrintable(w.window.modelBannerText()));
    }
};

QTEST_MAIN(TestEditingLoop)
#include "tst_editingloop.moc"
