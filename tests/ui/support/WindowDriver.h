#pragma once
// Drives the main window in the GUI tests: settings for a test model, waiting for the model,
// brush strokes on the canvas and typing into the chat, all through real QTest events.
#include <QtTest>

#include <QAbstractItemView>
#include <QCompleter>
#include <QSettings>

#include "CanvasPanel.h"
#include "CanvasView.h"
#include "ChatInput.h"
#include "ChatPanel.h"
#include "MainWindow.h"
#include "MaskTools.h"
#include "SessionController.h"
#include "support/TestBackends.h"

namespace ace::test {

inline void configure(const QString& modelFolder, int steps, bool randomSeed = true) {
    QSettings s;
    s.clear();
    s.setValue("model/folder", modelFolder);
    s.setValue("generation/steps", steps);
    s.setValue("generation/randomSeed", randomSeed);
    s.setValue("generation/outputWidth", 256);
    s.setValue("generation/outputHeight", 192);
}

struct Window {
    MainWindow window{test::testBackend()};
    Window() {
        window.resize(1400, 900);
        window.show();
    }
    bool waitReady() {
        if (window.session()->isModelLoaded()) return true;
        QSignalSpy ready(window.session(), &SessionController::modelReady);
        return ready.wait(120000);
    }
    // On screen, with its model loaded.
    bool shownAndReady() { return QTest::qWaitForWindowExposed(&window) && waitReady(); }
    CanvasView* view() { return window.canvasPanel()->view(); }
    QPoint at(double x, double y) { return view()->imageToWidget(QPointF(x, y)).toPoint(); }
    void paintStroke(QList<QPointF> points, double size) {
        window.canvasPanel()->toolAction("toolBrush")->trigger();
        window.canvasPanel()->brushTool()->setSize(size);
        window.canvasPanel()->brushTool()->setHardness(1.0);
        QTest::mousePress(view(), Qt::LeftButton, {}, at(points.first().x(), points.first().y()));
        for (const QPointF& p : points) QTest::mouseMove(view(), at(p.x(), p.y()));
        QTest::mouseRelease(view(), Qt::LeftButton, {}, at(points.last().x(), points.last().y()));
    }
    void type(const QString& text) {
        ChatInput* input = window.chatPanel()->input();
        input->setFocus();
        QTest::keyClicks(input, text);
        if (input->completer()->popup()->isVisible()) input->completer()->popup()->hide();
    }
    void pressEnter() { QTest::keyClick(window.chatPanel()->input(), Qt::Key_Return); }
    // The conversation the chat view shows.
    ChatModel* chat() {
        return qobject_cast<ChatModel*>(window.chatPanel()->findChild<QAbstractItemView*>("chatView")->model());
    }
};


}  // namespace ace::test
