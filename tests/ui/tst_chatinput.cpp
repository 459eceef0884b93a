// The chat pane with real key events: Enter sends and Shift+Enter adds a line; {image}
// references complete and highlight against the turn's images (the canvas first, then the
// attachments); pasted images become attachments; the task changes the mapping; the model's rows
// and the per-turn actions.
#include <QtTest>

#include <QAbstractItemView>
#include <QAccessible>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QLineEdit>
#include <QToolTip>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QTextBlock>
#include <QTemporaryDir>
#include <QTextLayout>

#include "ChatDelegate.h"
#include "ChatInput.h"
#include "ChatModel.h"
#include "ChatPanel.h"
#include "ContextBar.h"
#include "SessionController.h"
#include "support/UiTestSupport.h"

using namespace ace;

class TestChatInput : public QObject {
    Q_OBJECT

    // The panel on screen and active, as the row-button tests need it.
    static bool shownAndActive(ChatPanel& panel) {
        panel.resize(460, 900);
        panel.show();
        panel.activateWindow();
        return QTest::qWaitForWindowActive(&panel);
    }

    // A turn that edits the canvas scene.
    static ChatTurn winterTurn() {
        ChatTurn turn;
        turn.instruction = "make {image} a winter scene";
        turn.images << ChatImage{test::makeScene(320, 240, 2), QImage(), "{image}", "canvas"};
        return turn;
    }

    // The winter-scene turn, finished with `result`; returns its id.
    static int addFinishedTurn(ChatModel& model, const QImage& result) {
        const int id = model.addTurn(winterTurn());
        model.setResult(id, result, 77, 20, 1.5);
        return id;
    }

    static QImage ellipseMask(const QSize& size) {
        QImage mask(size, QImage::Format_Grayscale8);
        mask.fill(0);
        for (int y = size.height() / 4; y < size.height() * 3 / 4; ++y)
            for (int x = size.width() / 4; x < size.width() * 3 / 4; ++x) mask.setPixel(x, y, 255);
        return mask;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void enterSendsShiftEnterAddsALine() {
        ChatModel model;
        ChatPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sent(&panel, &ChatPanel::sendRequested);
        panel.input()->setFocus();
        QTest::keyClicks(panel.input(), "make it");
        QTest::keyClick(panel.input(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(panel.input(), "brighter");
        QCOMPARE(sent.count(), 0);
        QCOMPARE(panel.input()->toPlainText(), QString("make it\nbrighter"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().at(0).value<SendRequest>().text, QString("make it\nbrighter"));
        QVERIFY(panel.input()->toPlainText().isEmpty());
        // Nothing to send: nothing is sent.
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
    }

    void referencesCompleteAndHighlight() {
        ChatModel model;
        ChatPanel panel(&model);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage canvas = test::makeScene(320, 240, 3);
        panel.setCanvasImage(canvas, ellipseMask(canvas.size()));
        panel.addAttachments({test::makeScene(200, 200, 9)}, {"cat.png"});
        // The context bar names each image: the canvas with its mask first, then the attachment.
        QCOMPARE(panel.contextBar()->imageLabels(), QStringList({"{image}", "{image1}"}));
        QCOMPARE(panel.contextBar()->imageSources(), QStringList({"canvas + mask", "cat.png"}));
        QVERIFY(!panel.contextBar()->imageChipRect(1).isEmpty());
        QVERIFY(panel.contextBar()->removeButtonRect(0).isEmpty());  // the canvas is no attachment
        QVERIFY(!panel.contextBar()->removeButtonRect(1).isEmpty());

        ChatInput* input = panel.input();
        input->setFocus();
        QTest::keyClicks(input, "put the cat of {image1} into {im");
        QCompleter* completer = input->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 2);
        QCOMPARE(completer->currentCompletion(), QString("{image}"));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_VERIFY(!completer->popup()->isVisible());
        QTest::keyClicks(input, " and {image7}");
        QCOMPARE(input->toPlainText(), QString("put the cat of {image1} into {image} and {image7}"));
        QCOMPARE(ChatInput::referencedLabels(input->toPlainText()), QStringList({"{image1}", "{image}", "{image7}"}));

        // Known names are blue and bold, an unknown one is red with a wavy underline.
        const auto formats = input->document()->firstBlock().layout()->formats();
        auto formatAt = [&](int position) -> QTextCharFormat {
            for (const QTextLayout::FormatRange& r : formats)
                if (position >= r.start && position < r.start + r.length) return r.format;
            return {};
        };
        const QString text = input->toPlainText();
        QCOMPARE(formatAt(text.indexOf("{image1}")).foreground().color(), QColor(30, 110, 200));
        QCOMPARE(formatAt(text.indexOf("{image}")).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(text.indexOf("{image7}")).underlineStyle(), QTextCharFormat::WaveUnderline);
        QVERIFY(!formatAt(text.indexOf("cat")).hasProperty(QTextFormat::ForegroundBrush));
        test::saveScreenshot(&panel, "chat-input-references");
    }

    void pastedImagesBecomeAttachments() {
        ChatModel model;
        ChatPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* mime = new QMimeData;
        mime->setImageData(test::makeScene(64, 48, 5));
        QApplication::clipboard()->setMimeData(mime);
        panel.input()->setFocus();
        QTest::keyClick(panel.input(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(panel.attachments().size(), 1);
        QCOMPARE(panel.attachments().first().image.size(), QSize(64, 48));
        QVERIFY(panel.input()->toPlainText().isEmpty());
        // Without a canvas image the first attachment is {image}.
        QCOMPARE(panel.input()->imageLabels(), QStringList({"{image}"}));
        panel.setCanvasImage(test::makeScene(100, 100), QImage());
        QCOMPARE(panel.input()->imageLabels(), QStringList({"{image}", "{image1}"}));
        // Text to image leaves the canvas out.
        panel.setTask(TaskKind::TextToImage);
        QCOMPARE(panel.input()->imageLabels(), QStringList({"{image}"}));
        // The attachment's × in the context bar removes it.
        ContextBar* bar = panel.contextBar();
        QCOMPARE(bar->imageSources(), QStringList({"pasted image"}));
        const QRect remove = bar->removeButtonRect(0);
        QVERIFY(!remove.isEmpty());
        QTest::mouseMove(bar, remove.center());
        QTest::mouseClick(bar, Qt::LeftButton, {}, remove.center());
        QVERIFY(panel.attachments().isEmpty());
        QVERIFY(bar->imageLabels().isEmpty());
        // So does Delete on the focused chip.
        panel.addAttachments({test::makeScene(40, 40, 6)}, {"a.png"});
        bar->setFocus();
        QTest::keyClick(bar, Qt::Key_Right);
        QTest::keyClick(bar, Qt::Key_Delete);
        QVERIFY(panel.attachments().isEmpty());
    }

    // Image files dropped on the message box become attachments, named by file.
    void droppedFilesBecomeAttachments() {
        ChatModel model;
        ChatPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTemporaryDir dir;
        const QString file = dir.filePath("portrait.png");
        QVERIFY(test::makeScene(80, 120, 4).save(file));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QWidget* target = panel.input()->viewport();
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QCOMPARE(panel.attachments().size(), 1);
        QCOMPARE(panel.attachments().first().source, QString("portrait.png"));
        QCOMPARE(panel.attachments().first().image.size(), QSize(80, 120));
        QVERIFY(panel.input()->toPlainText().isEmpty());  // no file URL pasted as text
    }

    void modelRowsAndTurnActions() {
        ChatModel model;
        ChatPanel panel(&model);
        panel.resize(440, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage scene = test::makeScene(320, 240, 2);
        ChatTurn turn;
        turn.instruction = "replace the sky in {image} with a sunset";
        turn.task = TaskKind::Inpainting;
        turn.images << ChatImage{scene, ellipseMask(scene.size()), "{image}", "canvas"};
        const int first = model.addTurn(turn);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.userIndex(first), ChatModel::KindRole).toInt(), int(ChatModel::UserRow));
        QCOMPARE(model.data(model.resultIndex(first), ChatModel::StatusRole).toInt(), int(TurnStatus::Queued));
        QCOMPARE(model.data(model.userIndex(first), ChatModel::TaskRole).toString(), QString("Inpainting"));
        QCOMPARE(model.data(model.userIndex(first), ChatModel::ImageLabelsRole).toStringList(), QStringList({"{image}"}));
        model.setProgress(first, 3, 20);
        QCOMPARE(model.data(model.resultIndex(first), ChatModel::StatusRole).toInt(), int(TurnStatus::Running));
        model.setResult(first, test::makeScene(320, 240, 8), 4242, 20, 3.25);
        QCOMPARE(model.data(model.resultIndex(first), ChatModel::SeedRole).toLongLong(), 4242LL);

        turn.instruction = "add a small boat on the water of {image}";
        turn.task = TaskKind::Automatic;
        const int second = model.addTurn(turn);
        model.setProgress(second, 7, 20);
        turn.instruction = "make {image} look like a watercolour";
        const int third = model.addTurn(turn);
        model.setFailed(third, "Not enough memory for this turn.");
        const int fourth = model.addTurn(turn);
        model.setNextContext({first});
        QVERIFY(model.data(model.userIndex(first), ChatModel::InNextContextRole).toBool());

        QSignalSpy excluded(&panel, &ChatPanel::excludeRequested);
        QSignalSpy use(&panel, &ChatPanel::useAsCanvasRequested);
        QSignalSpy regenerate(&panel, &ChatPanel::regenerateRequested);
        std::unique_ptr<QMenu> userMenu(panel.createContextMenu(model.userIndex(first)));
        userMenu->findChild<QAction*>("actionToggleContext")->trigger();
        QCOMPARE(excluded.count(), 1);
        QCOMPARE(excluded.first().at(1).toBool(), true);
        std::unique_ptr<QMenu> resultMenu(panel.createContextMenu(model.resultIndex(first)));
        resultMenu->findChild<QAction*>("actionUseAsCanvas")->trigger();
        resultMenu->findChild<QAction*>("actionRegenerate")->trigger();
        QCOMPARE(use.first().at(0).toInt(), first);
        QCOMPARE(regenerate.first().at(0).toInt(), first);
        resultMenu->findChild<QAction*>("actionCopyResult")->trigger();
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(320, 240));
        std::unique_ptr<QMenu> runningMenu(panel.createContextMenu(model.resultIndex(second)));
        QVERIFY(!runningMenu->findChild<QAction*>("actionUseAsCanvas")->isEnabled());

        // Edit and resend puts the turn back into the input.
        userMenu->findChild<QAction*>("actionEditResend")->trigger();
        QCOMPARE(panel.input()->toPlainText(), QString("replace the sky in {image} with a sunset"));
        QCOMPARE(panel.task(), TaskKind::Inpainting);
        // The context bar shows the turns the next request carries, and whether it takes them.
        panel.setContext({first}, 5);
        // The running and the queued turn with an image show as pending: a turn sent now waits
        // for them and carries them if they succeed; the failed one never joins.
        QCOMPARE(panel.contextBar()->historyTurns(), QList<int>({first, second, fourth}));
        QCOMPARE(panel.contextBar()->pendingTurns(), QList<int>({second, fourth}));
        QVERIFY(!panel.contextBar()->historyApplies());  // no canvas, no attachment: nothing to pair it with
        QCOMPARE(panel.contextBar()->historySummary(), QString("not used"));
        panel.setCanvasImage(scene, QImage());
        QVERIFY(panel.contextBar()->historyApplies());
        QCOMPARE(panel.contextBar()->historySummary(), QString("3 of 5"));
        // The history length caps them, oldest out first.
        panel.setContext({first}, 2);
        QCOMPARE(panel.contextBar()->historyTurns(), QList<int>({second, fourth}));
        panel.setContext({first}, 5);
        QVERIFY(!panel.contextBar()->historyChipRect(0).isEmpty());
        // A click on its chip finds the turn in the conversation.
        panel.view()->setCurrentIndex(model.resultIndex(fourth));
        QTest::mouseClick(panel.contextBar(), Qt::LeftButton, {}, panel.contextBar()->historyChipRect(0).center());
        QCOMPARE(panel.view()->currentIndex(), model.userIndex(first));
        panel.addAttachments({test::makeScene(50, 50, 1)}, {"style.png"});
        QVERIFY(!panel.contextBar()->historyApplies());  // two images: ACE takes no history
        // Rows are laid out by the delegate with their thumbnails.
        QVERIFY(panel.view()->visualRect(model.resultIndex(first)).height() > 100);
        test::saveScreenshot(&panel, "chat-conversation");
    }

    // The buttons the delegate draws under each bubble: clicked with the mouse at the rectangles
    // the panel reports, highlighted under the mouse, explained in tooltips, and on keys too.
    void rowButtonsAct() {
        ChatModel model;
        ChatPanel panel(&model);
        QVERIFY(shownAndActive(panel));
        const QImage result = test::makeScene(320, 240, 12);
        const int done = addFinishedTurn(model, result);
        ChatTurn turn = winterTurn();
        turn.instruction = "add snow to {image}";
        const int running = model.addTurn(turn);
        model.setProgress(running, 2, 20);
        QListView* view = panel.view();
        QWidget* viewport = view->viewport();
        view->scrollTo(model.resultIndex(done));

        const QModelIndex doneResult = model.resultIndex(done), doneUser = model.userIndex(done);
        // Which buttons each row shows.
        for (ChatAction a : {ChatAction::UseAsCanvas, ChatAction::Regenerate, ChatAction::Copy, ChatAction::SaveAs})
            QVERIFY(!panel.actionButtonRect(doneResult, a).isEmpty());
        for (ChatAction a : {ChatAction::EditResend, ChatAction::ToggleContext})
            QVERIFY(!panel.actionButtonRect(doneUser, a).isEmpty());
        QVERIFY(panel.actionButtonRect(model.resultIndex(running), ChatAction::Copy).isEmpty());
        QVERIFY(panel.actionButtonRect(doneResult, ChatAction::EditResend).isEmpty());
        // Buttons lie under their bubble, inside the row, apart from each other.
        const QRect copyRect = panel.actionButtonRect(doneResult, ChatAction::Copy);
        QVERIFY(view->visualRect(doneResult).contains(copyRect));
        QVERIFY(!copyRect.intersects(panel.actionButtonRect(doneResult, ChatAction::SaveAs)));
        QVERIFY(viewport->rect().contains(copyRect));

        auto click = [&](const QModelIndex& index, ChatAction action) {
            view->scrollTo(index);
            const QRect r = panel.actionButtonRect(index, action);
            QTest::mouseMove(viewport, r.center());
            QTest::mouseClick(viewport, Qt::LeftButton, {}, r.center());
        };

        // Hovering a button highlights it.
        QTest::mouseMove(viewport, view->visualRect(doneResult).topLeft() + QPoint(2, 2));
        const QImage before = view->grab(copyRect).toImage();
        QTest::mouseMove(viewport, copyRect.center());
        QTRY_VERIFY(view->grab(copyRect).toImage() != before);
        QCOMPARE(viewport->cursor().shape(), Qt::PointingHandCursor);
        QTest::mouseMove(viewport, view->visualRect(doneResult).topLeft() + QPoint(2, 2));
        QCOMPARE(viewport->cursor().shape(), Qt::ArrowCursor);
        QTRY_COMPARE(view->grab(copyRect).toImage(), before);
        QTest::mouseMove(viewport, copyRect.center());

        // Its tooltip names it with its key.
        QHelpEvent help(QEvent::ToolTip, copyRect.center(), viewport->mapToGlobal(copyRect.center()));
        QApplication::sendEvent(viewport, &help);
        QTRY_COMPARE(QToolTip::text(), QString("Copy image (%1)").arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
        QToolTip::hideText();

        QApplication::clipboard()->clear();
        click(doneResult, ChatAction::Copy);
        QCOMPARE(QApplication::clipboard()->image().convertToFormat(QImage::Format_RGB32), result.convertToFormat(QImage::Format_RGB32));

        QSignalSpy use(&panel, &ChatPanel::useAsCanvasRequested);
        QSignalSpy regenerate(&panel, &ChatPanel::regenerateRequested);
        QSignalSpy excluded(&panel, &ChatPanel::excludeRequested);
        click(doneResult, ChatAction::UseAsCanvas);
        QCOMPARE(use.count(), 1);
        QCOMPARE(use.first().at(0).toInt(), done);
        click(doneResult, ChatAction::Regenerate);
        QCOMPARE(regenerate.count(), 1);
        QCOMPARE(regenerate.first().at(0).toInt(), done);

        // Take the turn out of the context: the rows are drawn dimmed, and the button puts it back.
        const QImage inContext = view->grab(view->visualRect(doneUser)).toImage();
        click(doneUser, ChatAction::ToggleContext);
        QCOMPARE(excluded.count(), 1);
        QCOMPARE(excluded.last().at(0).toInt(), done);
        QCOMPARE(excluded.last().at(1).toBool(), true);
        model.setExcluded(done, true);
        QTest::mouseMove(viewport, QPoint(1, 1));
        QTRY_VERIFY(view->grab(view->visualRect(doneUser)).toImage() != inContext);
        click(doneUser, ChatAction::ToggleContext);
        QCOMPARE(excluded.last().at(1).toBool(), false);

        click(doneUser, ChatAction::EditResend);
        QCOMPARE(panel.input()->toPlainText(), QString("make {image} a winter scene"));
        panel.input()->clear();

        // A press on a button that is released elsewhere does nothing.
        const QRect useRect = panel.actionButtonRect(doneResult, ChatAction::UseAsCanvas);
        QTest::mousePress(viewport, Qt::LeftButton, {}, useRect.center());
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, useRect.center() + QPoint(0, 60));
        QCOMPARE(use.count(), 1);

        // Save as… writes the result where the dialog says.
        QTemporaryDir dir;
        const QString file = dir.filePath("turn.png");
        // The dialog runs its own event loop: answer it once it is up, however long that takes.
        QTimer answer;
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) return;
            answer.stop();
            auto* name = dialog->findChild<QLineEdit*>("fileNameEdit");  // typed as a user would
            QVERIFY(name);
            name->setText(file);
            static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept, which takes the name
        });
        answer.start();
        click(doneResult, ChatAction::SaveAs);
        QCOMPARE(QImage(file).convertToFormat(QImage::Format_RGB32), result.convertToFormat(QImage::Format_RGB32));

        // The same actions on keys, for the current turn.
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        view->setFocus();
        view->setCurrentIndex(doneResult);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->image().size(), result.size());
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(use.count(), 2);
        QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(regenerate.count(), 2);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(excluded.count(), 3);
        QTest::keyClick(view, Qt::Key_F2);
        QCOMPARE(panel.input()->toPlainText(), QString("make {image} a winter scene"));
        // The Menu key opens the current row's menu with the same actions.
        QStringList menuActions;
        QTimer closeMenu;
        closeMenu.setInterval(20);
        connect(&closeMenu, &QTimer::timeout, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu || !menu->isVisible()) return;
            closeMenu.stop();
            for (QAction* a : menu->actions()) menuActions << a->objectName();
            menu->close();
        });
        closeMenu.start();
        QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, QPoint(5, 5), view->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(view, &menuKey);
        QCOMPARE(menuActions, QStringList({"actionUseAsCanvas", "actionRegenerate", "actionCopyResult", "actionSaveResult"}));
        // Nothing happens for a turn still running.
        view->setCurrentIndex(model.resultIndex(running));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(use.count(), 2);
        test::saveScreenshot(&panel, "chat-row-buttons");
    }

    // Every row button is in the Tab chain: Tab walks the current row's usable buttons (each drawn
    // focused, its tooltip naming it) before focus leaves the list, Shift+Tab walks back, and
    // Enter or Space presses the focused button instead of the row's own keys.
    void tabReachesEveryRowButton() {
        ChatModel model;
        ChatPanel panel(&model);
        QVERIFY(shownAndActive(panel));
        const QImage result = test::makeScene(320, 240, 12);
        const int done = addFinishedTurn(model, result);
        QListView* view = panel.view();
        const QModelIndex doneResult = model.resultIndex(done), doneUser = model.userIndex(done);
        view->setFocus();
        view->setCurrentIndex(doneResult);
        QVERIFY(view->hasFocus());
        QSignalSpy use(&panel, &ChatPanel::useAsCanvasRequested);
        QSignalSpy regenerate(&panel, &ChatPanel::regenerateRequested);
        QSignalSpy excluded(&panel, &ChatPanel::excludeRequested);

        const QList<ChatAction> resultButtons = {ChatAction::UseAsCanvas, ChatAction::Regenerate, ChatAction::Copy,
                                                 ChatAction::SaveAs};
        const QImage unfocused = view->grab(view->visualRect(doneResult)).toImage();
        QList<QImage> plain;
        for (ChatAction action : resultButtons) plain << view->grab(panel.actionButtonRect(doneResult, action)).toImage();
        for (int i = 0; i < resultButtons.size(); ++i) {
            QTest::keyClick(view, Qt::Key_Tab);
            QVERIFY2(view->hasFocus(), "Tab stays in the list while the row has buttons left");
            QTRY_VERIFY(QToolTip::isVisible());
            QVERIFY2(QToolTip::text().startsWith(ChatDelegate::actionText(resultButtons[i], doneResult)),
                     qPrintable(QToolTip::text()));
            QTRY_VERIFY(view->grab(panel.actionButtonRect(doneResult, resultButtons[i])).toImage() != plain[i]);
        }
        test::saveScreenshot(&panel, "chat-button-keyboard-focus");  // on "Save as"
        // Shift+Tab goes back to Copy; Space presses it, Enter on Regenerate regenerates (not "use
        // as canvas", the row's Enter).
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(QApplication::clipboard()->image().size(), result.size());
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(regenerate.count(), 1);
        QCOMPARE(use.count(), 0);
        // Back on the row, Enter is the row's key again.
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QTRY_VERIFY(!QToolTip::isVisible());
        QTRY_COMPARE(view->grab(view->visualRect(doneResult)).toImage(), unfocused);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(use.count(), 1);
        QCOMPARE(regenerate.count(), 1);

        // Past the last button Tab leaves the list; coming back starts again from the row.
        for (int i = 0; i < resultButtons.size(); ++i) QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QTRY_VERIFY(!view->hasFocus());
        view->setFocus(Qt::TabFocusReason);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(use.count(), 2);

        // Another row has its own buttons: the message's context toggle by Space.
        view->setCurrentIndex(doneUser);
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(excluded.count(), 1);
        QCOMPARE(excluded.first().at(0).toInt(), done);
        // A row whose buttons are unavailable (a running turn) has no Tab stops.
        ChatTurn next = winterTurn();
        next.instruction = "add snow to {image}";
        const int running = model.addTurn(next);
        model.setProgress(running, 2, 20);
        view->setCurrentIndex(model.resultIndex(running));
        QTest::keyClick(view, Qt::Key_Tab);
        QTRY_VERIFY(!view->hasFocus());
    }

    // Screen readers hear of the button the keyboard is on: the list's accessible description
    // (what assistive technology reads from its interface) is the button's text with its key, and
    // nothing again on the row.
    void focusedRowButtonIsAnnounced() {
        ChatModel model;
        ChatPanel panel(&model);
        QVERIFY(shownAndActive(panel));
        const int done = addFinishedTurn(model, test::makeScene(320, 240, 12));
        QListView* view = panel.view();
        view->setFocus();
        const QModelIndex row = model.resultIndex(done);
        view->setCurrentIndex(row);
        QVERIFY(view->hasFocus());
        QAccessibleInterface* list = QAccessible::queryAccessibleInterface(view);
        QVERIFY(list);
        QCOMPARE(list->text(QAccessible::Description), QString());

        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY2(list->text(QAccessible::Description).startsWith(ChatDelegate::actionText(ChatAction::UseAsCanvas, row)),
                 qPrintable(list->text(QAccessible::Description)));
        QTest::keyClick(view, Qt::Key_Tab);
        const QString regenerate = list->text(QAccessible::Description);
        QVERIFY2(regenerate.startsWith(ChatDelegate::actionText(ChatAction::Regenerate, row)), qPrintable(regenerate));
        QVERIFY2(regenerate.endsWith(QStringLiteral("(%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText))),
                 qPrintable(regenerate));  // with its key, as the tooltip
        QCOMPARE(regenerate, QToolTip::text());
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(list->text(QAccessible::Description), QString());
    }

    // With a dark palette the rows, buttons and context bar take the palette's colours (no light
    // bubbles with light text): the instruction text stays readable against its bubble.
    void readableOnADarkPalette() {
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(52, 52, 56));
        dark.setColor(QPalette::Text, QColor(232, 232, 232));
        dark.setColor(QPalette::Button, QColor(60, 60, 64));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Mid, QColor(90, 90, 96));
        dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 155));
        QApplication::setPalette(dark);
        {
            ChatModel model;
            ChatPanel panel(&model);
            panel.resize(440, 700);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            const QImage scene = test::makeScene(320, 240, 2);
            panel.setCanvasImage(scene, ellipseMask(scene.size()));
            panel.addAttachments({test::makeScene(100, 80, 4)}, {"style.png"});
            ChatTurn turn;
            turn.instruction = "make {image} a night scene";
            turn.images << ChatImage{scene, ellipseMask(scene.size()), "{image}", "canvas"};
            const int first = model.addTurn(turn);
            model.setResult(first, test::makeScene(320, 240, 9), 7, 20, 2.0);
            turn.instruction = "add a moon to {image}";
            const int second = model.addTurn(turn);
            model.setFailed(second, "The model ran out of memory; lower the output size in Settings.");
            model.setNextContext({first});
            panel.setContext({first}, 5);
            panel.view()->scrollTo(model.userIndex(first), QAbstractItemView::PositionAtTop);
            QTest::qWait(20);
            const QImage shot = panel.view()->grab().toImage();
            // The user's bubble is dark and its text light.
            const qreal dpr = shot.devicePixelRatio();  // grab() is in device pixels
            const QRectF logical = panel.view()->visualRect(model.userIndex(first));
            const QRect bubble = QRectF(logical.topLeft() * dpr, logical.size() * dpr).toRect() & shot.rect();
            long darkPixels = 0, lightPixels = 0;
            for (int y = bubble.top(); y <= bubble.bottom(); ++y)
                for (int x = bubble.left(); x <= bubble.right(); ++x) {
                    const int l = QColor(shot.pixel(x, y)).lightness();
                    darkPixels += l < 110;
                    lightPixels += l > 200;
                }
            QVERIFY2(darkPixels > lightPixels * 4, qPrintable(QString("%1 dark, %2 light").arg(darkPixels).arg(lightPixels)));
            QVERIFY2(lightPixels > 100, qPrintable(QString::number(lightPixels)));  // the text
            test::saveScreenshot(&panel, "chat-dark-palette");
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestChatInput)
#include "tst_chatinput.moc"
