// The canvas driven with real mouse and key events: a brush stroke paints the mask at image
// resolution and is one undo step; eraser, shapes, fill, invert, clear; extending the canvas by
// dragging and by presets masks exactly the new area; zoom and pan; painting a 2048 x 2048 image
// stays fast.
#include <QtTest>

#include <QAction>
#include <QElapsedTimer>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUndoStack>

#include "CanvasDocument.h"
#include "CanvasPanel.h"
#include "CanvasView.h"
#include "LayerModel.h"
#include "MaskTools.h"
#include "support/UiTestSupport.h"

using namespace ace;

class TestCanvasView : public QObject {
    Q_OBJECT

    struct Fixture {
        QUndoStack stack;
        Document layered{1, 1};
        LayerModel layers{&layered, &stack};
        CanvasDocument document{&layers};
        CanvasPanel panel{&document};
        Fixture(int w, int h) {
            panel.resize(900, 700);
            document.openImage(test::makeScene(w, h), "open");
            panel.show();
        }
        CanvasView* view() { return panel.view(); }
        QPoint at(double x, double y) { return view()->imageToWidget(QPointF(x, y)).toPoint(); }
    };

    void drag(QWidget* w, const QList<QPoint>& points, Qt::MouseButton button = Qt::LeftButton,
              Qt::KeyboardModifiers mods = {}) {
        QTest::mousePress(w, button, mods, points.first());
        for (int i = 1; i < points.size(); ++i) QTest::mouseMove(w, points[i]);
        QTest::mouseRelease(w, button, mods, points.last());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void brushStrokePaintsMaskAndIsOneUndoStep() {
        Fixture f(400, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.panel.toolAction("toolBrush")->trigger();
        f.panel.brushTool()->setSize(30);
        f.panel.brushTool()->setHardness(1.0);
        QCOMPARE(f.document.mask().size(), QSize(400, 300));
        QCOMPARE(f.document.mask().format(), QImage::Format_Grayscale8);
        const int before = f.stack.count();
        QList<QPoint> stroke;
        for (int x = 100; x <= 300; x += 10) stroke << f.at(x, 150);
        drag(f.view(), stroke);

        const QImage mask = f.document.mask();
        // On the stroke's line: fully masked; 15 px brush radius around it; nothing far away.
        for (int x = 110; x <= 290; x += 10) QCOMPARE(mask.pixelColor(x, 150).value(), 255);
        QCOMPARE(mask.pixelColor(200, 140).value(), 255);
        QCOMPARE(mask.pixelColor(200, 100).value(), 0);
        QCOMPARE(mask.pixelColor(50, 150).value(), 0);
        QCOMPARE(mask.pixelColor(200, 200).value(), 0);
        const long painted = test::maskedPixels(mask);
        QVERIFY2(painted > 200 * 25 && painted < 240 * 32, qPrintable(QString::number(painted)));
        QCOMPARE(f.stack.count(), before + 1);  // the segments merged into one command

        f.stack.undo();
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
        f.stack.redo();
        QCOMPARE(test::maskedPixels(f.document.mask()), painted);
        test::saveScreenshot(&f.panel, "canvas-brush-stroke");
    }

    void softBrushAndEraser() {
        Fixture f(400, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.panel.brushTool()->setSize(60);
        f.panel.brushTool()->setHardness(0.0);
        drag(f.view(), {f.at(200, 150), f.at(201, 150)});
        const QImage mask = f.document.mask();
        const int centre = mask.pixelColor(200, 150).value();
        const int rim = mask.pixelColor(200, 175).value();
        QVERIFY2(centre > 240 && rim > 0 && rim < centre, qPrintable(QString("%1 %2").arg(centre).arg(rim)));
        QCOMPARE(mask.pixelColor(200, 185).value(), 0);

        f.panel.toolAction("toolEraser")->trigger();
        f.panel.eraserTool()->setSize(100);
        f.panel.eraserTool()->setHardness(1.0);
        drag(f.view(), {f.at(200, 150), f.at(202, 150)});
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
        QCOMPARE(f.stack.count(), 3);  // open, stroke, erase
    }

    void shapesFillInvertClear() {
        Fixture f(400, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.panel.toolAction("toolRectangle")->trigger();
        drag(f.view(), {f.at(50, 40), f.at(120, 80), f.at(150, 100)});
        // The mask as it is now (mask() returns a copy).
        const auto mask = [&f] { return f.document.mask(); };
        QCOMPARE(mask().pixelColor(60, 50).value(), 255);
        QCOMPARE(mask().pixelColor(145, 95).value(), 255);
        QCOMPARE(mask().pixelColor(160, 50).value(), 0);
        const long rect = test::maskedPixels(mask());
        QVERIFY(std::abs(rect - 100 * 60) < 100 * 4 + 60 * 4);

        f.panel.toolAction("toolEllipse")->trigger();
        drag(f.view(), {f.at(200, 100), f.at(300, 200)});
        QCOMPARE(mask().pixelColor(250, 150).value(), 255);
        QCOMPARE(mask().pixelColor(202, 102).value(), 0);  // the bounding box's corner is outside

        f.panel.findChild<QAction*>("actionInvertMask")->trigger();
        QCOMPARE(mask().pixelColor(60, 50).value(), 0);
        QCOMPARE(mask().pixelColor(10, 10).value(), 255);
        f.panel.findChild<QAction*>("actionInvertMask")->trigger();

        // Fill: inside an outline made by the eraser from a full mask.
        f.panel.findChild<QAction*>("actionClearMask")->trigger();
        QCOMPARE(test::maskedPixels(mask()), 0L);
        f.panel.toolAction("toolFill")->trigger();
        QTest::mouseClick(f.view(), Qt::LeftButton, {}, f.at(10, 10));
        QCOMPARE(test::maskedPixels(f.document.mask()), 400L * 300L);
        f.stack.undo();
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
        f.stack.undo();  // clear
        QCOMPARE(f.document.mask().pixelColor(60, 50).value(), 255);
    }

    void extendCanvasByDragging() {
        Fixture f(400, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        const QImage original = f.document.image();
        f.panel.toolAction("toolExtend")->trigger();
        const double zoom = f.view()->zoom();
        // From near the right edge, 100 image pixels outwards.
        drag(f.view(), {f.at(390, 150), f.at(440, 150), f.at(490, 150)});
        const int added = f.document.size().width() - 400;
        QVERIFY2(std::abs(added - 100) <= 1 + 1.0 / zoom, qPrintable(QString::number(added)));
        QCOMPARE(f.document.size().height(), 300);
        const QImage mask = f.document.mask();
        for (int y = 0; y < 300; y += 7) {
            QCOMPARE(mask.pixelColor(399, y).value(), 0);
            QCOMPARE(mask.pixelColor(400, y).value(), 255);
            QCOMPARE(mask.pixelColor(400 + added - 1, y).value(), 255);
            QCOMPARE(f.document.image().pixel(400, y), qRgb(0, 0, 0));  // black, as the reference pads
        }
        QCOMPARE(f.document.image().copy(0, 0, 400, 300), original);
        QCOMPARE(test::maskedPixels(mask), static_cast<long>(added) * 300);
        test::saveScreenshot(&f.panel, "canvas-extended-right");
        f.stack.undo();
        QCOMPARE(f.document.size(), QSize(400, 300));
        QCOMPARE(f.document.image(), original);
    }

    void extendCanvasPresets() {
        Fixture f(400, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.panel.extendByRatios(0.25, 0.25, 0.25, 0.25);
        // The reference: new = int(size * 1.5), start = int(size * 0.25).
        QCOMPARE(f.document.size(), QSize(600, 450));
        const QImage mask = f.document.mask();
        QCOMPARE(mask.pixelColor(99, 200).value(), 255);
        QCOMPARE(mask.pixelColor(100, 200).value(), 0);
        QCOMPARE(mask.pixelColor(300, 74).value(), 255);
        QCOMPARE(mask.pixelColor(300, 75).value(), 0);
        QCOMPARE(mask.pixelColor(499, 374).value(), 0);
        QCOMPARE(mask.pixelColor(500, 374).value(), 255);
        QCOMPARE(test::maskedPixels(mask), 600L * 450L - 400L * 300L);
        // The layered document grew: its layers moved with the old canvas, the mask layer covers the new one.
        QCOMPARE(f.layered.width(), 600);
        QCOMPARE(f.layered.layer(0).x, 100);
        QCOMPARE(f.layered.layer(0).y, 75);
        QVERIFY(f.layered.layer(f.layered.editMaskIndex()).bounds() == f.layered.bounds());
        f.stack.undo();
        QCOMPARE(f.layered.layer(0).x, 0);
        QCOMPARE(f.document.size(), QSize(400, 300));
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
    }

    void zoomAndPan() {
        Fixture f(1600, 1200);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        CanvasView* v = f.view();
        const double fit = v->zoom();
        QVERIFY(fit < 1.0);
        // Wheel zoom keeps the image pixel under the cursor in place.
        const QPoint cursor = f.at(200, 300);
        const QPointF under = v->widgetToImage(cursor);
        QWheelEvent wheel(cursor, v->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(v, &wheel);
        QVERIFY(qFuzzyCompare(v->zoom(), fit * 1.25 * 1.25));
        QVERIFY((v->widgetToImage(cursor) - under).manhattanLength() < 0.01);

        v->setFocus();
        QTest::keyClick(v, Qt::Key_1);
        QVERIFY(qFuzzyCompare(v->zoom() * v->devicePixelRatioF(), 1.0));
        QTest::keyClick(v, Qt::Key_Minus);
        QVERIFY(qFuzzyCompare(v->zoom() * v->devicePixelRatioF(), 0.8));
        QTest::keyClick(v, Qt::Key_0);
        QVERIFY(qFuzzyCompare(v->zoom(), fit));

        // Middle-button pan moves the image with the mouse and paints nothing.
        const QPointF before = v->imageToWidget(QPointF(0, 0));
        drag(v, {QPoint(300, 300), QPoint(340, 320), QPoint(360, 330)}, Qt::MiddleButton);
        QCOMPARE(v->imageToWidget(QPointF(0, 0)) - before, QPointF(60, 30));
        // Space + left drag pans too.
        QTest::keyPress(v, Qt::Key_Space);
        drag(v, {QPoint(300, 300), QPoint(280, 290)});
        QTest::keyRelease(v, Qt::Key_Space);
        QCOMPARE(v->imageToWidget(QPointF(0, 0)) - before, QPointF(40, 20));
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
    }

    // An image file dropped on the canvas opens as the canvas image, one undo step.
    void droppedImageOpens() {
        Fixture f(200, 100);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QTemporaryDir dir;
        const QImage picture = test::makeScene(300, 220, 12);
        QVERIFY(picture.save(dir.filePath("photo.png")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dir.filePath("photo.png"))});
        const QPoint pos = f.view()->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(f.view(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(f.view(), &drop);
        QCOMPARE(f.document.image(), picture.convertToFormat(QImage::Format_RGB32));
        QCOMPARE(test::maskedPixels(f.document.mask()), 0L);
        f.stack.undo();
        QCOMPARE(f.document.size(), QSize(200, 100));
    }

    // Smooth on a 2048 x 2048 image: a repaint at fit, 100% and 400% draws only what is visible.
    void largeImagePaintsQuickly() {
        Fixture f(2048, 2048);
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        CanvasView* v = f.view();
        QElapsedTimer t;
        for (double zoom : {0.0, 1.0, 4.0}) {
            if (zoom == 0.0) v->fitToWindow();
            else v->setZoom(zoom, v->rect().center());
            QTest::qWait(200);  // the downscaled cache is rebuilt after zooming stops
            v->grab();
            t.start();
            const int frames = 10;
            for (int i = 0; i < frames; ++i) v->grab();
            const double ms = t.nsecsElapsed() / 1e6 / frames;
            qInfo("2048x2048 canvas at zoom %.2f: %.1f ms per full repaint", v->zoom(), ms);
            QVERIFY2(ms < 40.0, qPrintable(QString::number(ms)));
        }
        // A brush dab repaints only around itself.
        f.panel.brushTool()->setSize(64);
        t.start();
        drag(v, {v->rect().center(), v->rect().center() + QPoint(30, 0)});
        qInfo("brush stroke on 2048x2048: %.1f ms", t.nsecsElapsed() / 1e6);
    }
};

QTEST_MAIN(TestCanvasView)
#include "tst_canvasview.moc"
