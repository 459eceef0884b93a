// The chat pane with real key events: Enter sends and Shift+Enter adds a line; {image}
// references complete and highlight against the turn's images (the canvas first, then the
// attachments); pasted images become attachments; the task changes the mapping; the model's rows
// and the per-turn actions.
#include <QtTest>

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QTextBlock>
#include <QTemporaryDir>
#include <QTextLayout>

#include "ChatInput.h"
#include "ChatModel.h"
#include "ChatPanel.h"
#include "SessionController.h"
#include "support/UiTestSupport.h"

using namespace ace;

class TestChatInput : public QObject {
    Q_OBJECT

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
        QCOMPARE(panel.imageStrip()->count(), 2);
        QCOMPARE(panel.imageStrip()->item(0)->data(Qt::UserRole).toString(), QString("{image}"));
        QVERIFY(panel.imageStrip()->item(0)->text().contains("canvas + mask"));
        QCOMPARE(panel.imageStrip()->item(1)->data(Qt::UserRole).toString(), QString("{image1}"));
        QVERIFY(panel.imageStrip()->item(1)->text().contains("cat.png"));

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
        panel.removeAttachment(0);
        QVERIFY(panel.attachments().isEmpty());
        QVERIFY(!panel.imageStrip()->isVisible());
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
        Q_UNUSED(fourth);
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
        panel.setContext({first}, 5);
        QVERIFY(panel.contextLabel()->text().contains(QString("turns %1 ").arg(first)));
        // Rows are laid out by the delegate with their thumbnails.
        QVERIFY(panel.view()->visualRect(model.resultIndex(first)).height() > 100);
        test::saveScreenshot(&panel, "chat-conversation");
    }
};

QTEST_MAIN(TestChatInput)
#include "tst_chatinput.moc"
