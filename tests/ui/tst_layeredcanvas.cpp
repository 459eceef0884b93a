// One document behind the canvas, the layer panel and the turns, driven in the main window with
// real widgets and the real engine on a tiny random-weight model: a finished turn adds a result
// layer with its provenance; re-running it from the panel adds versions (same seed: the same
// pixels; new seed: another) and the panel switches between them; the layer chosen as the next
// turn's input is the {image} the worker receives (and the chat says which it is); painting on
// the canvas edits the document's mask layer and undo reverts it; a layer's visibility changes
// the canvas; save/open keeps layers, versions, provenance and mask; the autosave holds the mask;
// a failed open keeps the document and its undo history.
#include <QtTest>

#include <QComboBox>
#include <QElapsedTimer>
#include <QListView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>

#include "CanvasDocument.h"
#include "ContextBar.h"
#include "DocumentActions.h"
#include "DocumentSession.h"
#include "ImageConvert.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "ace/common/Error.h"
#include "ace/document/Compositor.h"
#include "support/UiTestSupport.h"
#include "support/WindowDriver.h"

using namespace ace;
using test::configure;
using test::Window;

namespace {

ChatModel* chatOf(MainWindow& w) {
    return qobject_cast<ChatModel*>(w.chatPanel()->findChild<QAbstractItemView*>("chatView")->model());
}

// The topmost raster layer of the document.
const Layer& topRaster(const Document& d) {
    for (int i = d.layerCount() - 1; i >= 0; --i)
        if (d.layer(i).kind == LayerKind::Raster) return d.layer(i);
    throw std::logic_error("no raster layer");
}

QImage rgb32(const Image& rgba) { return toQImage(rgba).convertToFormat(QImage::Format_RGB32); }

}  // namespace

class TestLayeredCanvas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        test::initGuiTestCase("tst_layeredcanvas");
        QVERIFY(m_dir.isValid());
    }

    // Turn -> result layer with provenance; re-run from the panel -> versions; save/open keeps it all.
    void turnResultsAreLayersWithVersions() {
        configure(test::workingModelFolder(), 3);
        Window w;
        QVERIFY(w.shownAndReady());
        CanvasDocument* canvas = w.window.document();
        const Document& doc = canvas->document();
        const QImage scene = test::makeScene(320, 240, 5);
        canvas->openImage(scene, "open", "photo");
        QCOMPARE(doc.layerCount(), 2);  // the photo and the (empty) mask layer
        w.paintStroke({{100, 120}, {220, 120}}, 40);
        const QImage mask = canvas->mask();
        QVERIFY(test::maskedPixels(mask) > 3000);

        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
        QComboBox* task = w.window.chatPanel()->taskBox();
        task->setCurrentIndex(task->findData(int(TaskKind::Inpainting)));
        w.type("replace the masked part of {image} with grass");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        const int turnId = finished.first().at(0).toInt();
        const ChatTurn* turn = chatOf(w.window)->turn(turnId);
        QCOMPARE(added.size(), 1);

        // A new raster layer above the photo holds the result; its provenance says how it was made.
        QCOMPARE(doc.layerCount(), 3);
        const Layer& result = topRaster(doc);
        const LayerId resultId = result.id;
        QCOMPARE(quint64(resultId), added.first().at(1).value<quint64>());
        QVERIFY2(QString::fromStdString(result.name).startsWith(QString("Turn %1: replace the masked part").arg(turnId)),
                 result.name.c_str());
        QVERIFY(result.provenance().has_value());
        const Provenance p = *result.provenance();
        QCOMPARE(p.instruction, std::string("replace the masked part of {image} with grass"));
        QCOMPARE(p.seed, std::int64_t(turn->seed));
        QCOMPARE(p.turn, turnId);
        QCOMPARE(p.task, std::string("inpainting"));
        QCOMPARE(p.mask, std::string("Mask"));
        QCOMPARE(p.referencedImages, std::vector<std::string>{"{image} = flattened"});
        QCOMPARE(p.settings["steps"].get<int>(), 3);
        // The guidance the turn used: the model's default, as the settings ask for none.
        QCOMPARE(w.window.appSettings().generation.guideScale, 0.0);
        QCOMPARE(p.settings["guideScale"].get<double>(), 4.5);
        // The canvas shows it: the composite is the result (an opaque layer over the photo).
        QCOMPARE(canvas->image(), turn->result.convertToFormat(QImage::Format_RGB32));
        QCOMPARE(rgb32(result.image()), turn->result.convertToFormat(QImage::Format_RGB32));
        // The layer is one undo step.
        w.window.undoStack()->undo();
        QCOMPARE(doc.layerCount(), 2);
        QCOMPARE(canvas->image(), scene.convertToFormat(QImage::Format_RGB32));
        w.window.undoStack()->redo();
        QCOMPARE(doc.layerCount(), 3);

        // Re-run from the panel: select the layer, "Re-run" (same seed), then "New seed".
        LayerPanel* panel = w.window.documentActions()->layerPanel();
        LayerModel* model = panel->model();
        panel->list()->setFocus();
        panel->setCurrentRow(model->rowForId(resultId));
        QVERIFY(panel->rerunButton()->isEnabled());
        QTest::mouseClick(panel->rerunButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        QCOMPARE(doc.layerCount(), 3);  // not a new layer
        const Layer* layer = doc.findLayer(resultId);
        QCOMPARE(layer->versions.size(), size_t(2));
        QCOMPARE(layer->currentVersion, 1);
        // Same seed, same inputs: the engine repeats the result exactly.
        QCOMPARE(layer->versions[1].provenance->seed, p.seed);
        QVERIFY(layer->versions[1].image == layer->versions[0].image);
        const InferenceJob rerunJob = started.at(1).at(1).value<InferenceJob>();
        QCOMPARE(rerunJob.request.options.seed, p.seed);
        QVERIFY(rerunJob.request.current.images[0].image == started.at(0).at(1).value<InferenceJob>().request.current.images[0].image);

        QTest::mouseClick(panel->rerunNewSeedButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 120000);
        layer = doc.findLayer(resultId);
        QCOMPARE(layer->versions.size(), size_t(3));
        QCOMPARE(layer->currentVersion, 2);
        const std::int64_t newSeed = layer->versions[2].provenance->seed;
        QVERIFY(newSeed != p.seed);
        QCOMPARE(started.at(2).at(1).value<InferenceJob>().request.options.seed, newSeed);
        QVERIFY(layer->versions[2].image != layer->versions[0].image);
        QCOMPARE(canvas->image(), rgb32(layer->versions[2].image));

        // The panel lists the versions with their seeds and switches between them (undoably).
        QComboBox* versions = panel->versionCombo();
        QTRY_COMPARE(versions->count(), 3);
        QVERIFY(versions->isEnabled());
        QVERIFY(versions->itemText(2).contains(QString::number(newSeed)));
        versions->setCurrentIndex(0);
        QCOMPARE(doc.findLayer(resultId)->currentVersion, 0);
        QCOMPARE(canvas->image(), rgb32(doc.findLayer(resultId)->versions[0].image));
        w.window.undoStack()->undo();
        QCOMPARE(doc.findLayer(resultId)->currentVersion, 2);
        QTRY_COMPARE(versions->currentIndex(), 2);
        QTest::qWait(200);
        test::saveScreenshot(&w.window, "main-window-result-layers");

        // Save and open: layers, versions, provenance and the mask come back as they were.
        const Document saved = doc;
        const QString path = m_dir.filePath("layers.aceproj");
        QString error;
        QVERIFY2(w.window.documentSession()->saveAs(path, &error), qPrintable(error));
        canvas->openImage(test::makeScene(64, 64, 1), "another");
        QVERIFY(!(doc == saved));
        QVERIFY2(w.window.documentSession()->open(path, &error), qPrintable(error));
        QVERIFY(doc == saved);
        QCOMPARE(doc.findLayer(resultId)->versions[1].provenance->seed, p.seed);
        QCOMPARE(canvas->mask(), mask);
        QCOMPARE(canvas->image(), rgb32(doc.findLayer(resultId)->versions[2].image));
        QCOMPARE(model->rowCount(), 3);
    }

    // A result layer of a project opened in a new window re-runs from its provenance and the
    // inputs stored in the project: same seed, same request, the same pixels.
    void rerunAfterReopening() {
        configure(test::workingModelFolder(), 2);
        const QString path = m_dir.filePath("rerun.aceproj");
        InferenceJob original;
        Image firstPixels;
        LayerId resultId = 0;
        {
            Window w;
            QVERIFY(w.shownAndReady());
            w.window.document()->openImage(test::makeScene(192, 128, 21), "open", "photo");
            w.paintStroke({{40, 60}, {150, 70}}, 24);
            QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
            QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
            QComboBox* task = w.window.chatPanel()->taskBox();
            task->setCurrentIndex(task->findData(int(TaskKind::Inpainting)));
            w.type("a river through {image}");
            w.pressEnter();
            QVERIFY(test::waitFor(added, 120000));
            original = started.first().at(1).value<InferenceJob>();
            resultId = added.first().at(1).value<quint64>();
            firstPixels = w.window.document()->document().findLayer(resultId)->image();
            QString error;
            QVERIFY2(w.window.documentSession()->saveAs(path, &error), qPrintable(error));
            QVERIFY(!w.window.documentSession()->project().assets.empty());
        }
        Window w;
        QVERIFY(w.shownAndReady());
        QString error;
        QVERIFY2(w.window.documentSession()->open(path, &error), qPrintable(error));
        const Document& doc = w.window.document()->document();
        QVERIFY(doc.findLayer(resultId));
        LayerPanel* panel = w.window.documentActions()->layerPanel();
        panel->setCurrentRow(panel->model()->rowForId(resultId));
        QVERIFY(panel->rerunButton()->isEnabled());
        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
        QTest::mouseClick(panel->rerunButton(), Qt::LeftButton);
        QVERIFY(test::waitFor(added, 120000));
        const InferenceJob again = started.first().at(1).value<InferenceJob>();
        QCOMPARE(again.request.current.instruction, original.request.current.instruction);
        QCOMPARE(again.request.current.images.size(), original.request.current.images.size());
        QVERIFY(again.request.current.images[0].image == original.request.current.images[0].image);
        QVERIFY(again.request.current.images[0].mask == original.request.current.images[0].mask);
        QCOMPARE(again.request.current.images[0].task, std::string("inpainting"));
        QCOMPARE(again.request.options.steps, original.request.options.steps);
        QCOMPARE(again.request.options.guideScale, original.request.options.guideScale);
        QVERIFY(again.pasteMask == original.pasteMask);
        QVERIFY(again.target == original.target);
        const Layer* layer = doc.findLayer(resultId);
        QCOMPARE(layer->versions.size(), size_t(2));
        QCOMPARE(layer->versions[1].provenance->seed, layer->versions[0].provenance->seed);
        QVERIFY(layer->versions[1].image == firstPixels);
    }

    // The layer panel's "next turn uses" choice is the {image} the worker gets, and the chat says so.
    void chosenInputLayerFeedsTheTurn() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        CanvasDocument* canvas = w.window.document();
        const Document& doc = canvas->document();
        canvas->openImage(test::makeScene(256, 192, 3), "open", "photo");
        // A half-transparent sticker layer over part of the photo.
        Image sticker(96, 64, 4);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 96; ++x) {
                auto* px = sticker.pixel(x, y);
                px[0] = 250, px[1] = static_cast<std::uint8_t>(x * 2), px[2] = 20, px[3] = static_cast<std::uint8_t>(y < 32 ? 255 : 128);
            }
        LayerModel* model = w.window.documentSession()->layerModel();
        const LayerId stickerId = model->addLayer(Layer::raster("sticker", sticker, 40, 30), "Add sticker");
        const QImage composite = canvas->image();
        LayerPanel* panel = w.window.documentActions()->layerPanel();

        // Choose the sticker in the panel's combo box with the keyboard.
        QComboBox* input = panel->inputCombo();
        input->setFocus();
        const int stickerItem = input->findData(QVariant::fromValue<quint64>(stickerId));
        QVERIFY(stickerItem > 0);
        while (input->currentIndex() < stickerItem) QTest::keyClick(input, Qt::Key_Down);
        QCOMPARE(doc.inputLayer(), stickerId);
        const QImage stickerAlone = canvas->inputImage();
        QVERIFY(stickerAlone != composite);
        // Outside the sticker the layer alone is black (transparent over black); inside it is the sticker.
        QCOMPARE(stickerAlone.pixel(5, 5), qRgb(0, 0, 0));
        QCOMPARE(stickerAlone.pixel(40 + 10, 30 + 5), qRgb(250, 20, 20));
        QCOMPARE(stickerAlone.pixel(40 + 10, 30 + 40), qRgb(125, 10, 10));
        // The chat's context display names it.
        ContextBar* context = w.window.chatPanel()->contextBar();
        QTRY_VERIFY(!context->imageSources().isEmpty());
        QTRY_VERIFY2(context->imageSources().first().contains("sticker"), qPrintable(context->imageSources().join(", ")));
        QCOMPARE(context->imageLabels().first(), QString("{image}"));

        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy finished(w.window.session(), &SessionController::turnFinished);
        w.type("make {image} blue");
        w.pressEnter();
        QVERIFY(test::waitFor(finished, 120000));
        const InferenceJob job = started.first().at(1).value<InferenceJob>();
        QVERIFY(job.request.current.images[0].image == toAceImage(stickerAlone, 3));
        QVERIFY(job.pasteInput == toAceImage(stickerAlone, 3));
        // The result goes right above the sticker, shaped like it (its bounds and alpha), and
        // becomes the next input, so turns chain.
        const LayerId resultId = doc.layer(doc.indexOf(stickerId) + 1).id;
        const Layer& shaped = *doc.findLayer(resultId);
        QVERIFY(shaped.bounds() == doc.findLayer(stickerId)->bounds());
        const QImage turnResult = chatOf(w.window)->turn(finished.first().at(0).toInt())->result;
        for (int y = 0; y < 64; y += 7)
            for (int x = 0; x < 96; x += 5) {
                const std::uint8_t* px = shaped.image().pixel(x, y);
                QCOMPARE(int(px[3]), int(sticker.pixel(x, y)[3]));
                QCOMPARE(qRgb(px[0], px[1], px[2]), turnResult.pixel(40 + x, 30 + y) | 0xff000000);
            }
        // Outside the sticker the canvas still shows the photo.
        QCOMPARE(canvas->image().pixel(5, 5), composite.pixel(5, 5));
        QCOMPARE(canvas->image().pixel(200, 150), composite.pixel(200, 150));
        QVERIFY(doc.findLayer(resultId)->provenance().has_value());
        QCOMPARE(doc.findLayer(resultId)->provenance()->referencedImages,
                 std::vector<std::string>{"{image} = layer “sticker”"});
        QCOMPARE(doc.inputLayer(), resultId);

        // Back to the flattened image: the next {image} is the composite (over black).
        input->setFocus();
        while (input->currentIndex() > 0) QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(doc.inputLayer(), LayerId(0));
        QTRY_VERIFY(context->imageSources().first().contains("flattened"));
        const QImage flat = canvas->image();
        QCOMPARE(flat, flattenComposite(doc));
        QCOMPARE(canvas->inputImage(), flat);
        w.type("make {image} warmer");
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        const InferenceJob second = started.at(1).at(1).value<InferenceJob>();
        QVERIFY(second.request.current.images[0].image == toAceImage(flat, 3));
    }

    // Painting edits the document's mask layer; undo reverts it; hiding a layer changes the canvas.
    void maskStrokesAndVisibility() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        CanvasDocument* canvas = w.window.document();
        const Document& doc = canvas->document();
        DocumentSession* session = w.window.documentSession();
        session->setAutosaveFolder(m_dir.filePath("autosave-strokes"));
        // Only the end of a stroke may start an autosave in this test (not the delay after a change).
        session->setAutosaveDelay(600000);
        canvas->openImage(test::makeScene(300, 200, 9), "open", "photo");
        Image top(300, 100, 4);
        for (std::size_t i = 0; i < top.data.size(); ++i) top.data[i] = i % 4 == 3 ? 255 : 200;
        QVERIFY(canvas->isOpaque());
        session->layerModel()->addLayer(Layer::raster("top", top, 0, 50), "Add layer");
        QTest::qWait(50);

        QSignalSpy autosaved(session, &DocumentSession::autosaved);
        w.paintStroke({{50, 100}, {250, 100}}, 30);
        const int maskIndex = doc.editMaskIndex();
        QVERIFY(maskIndex >= 0);
        const Layer& maskLayer = doc.layer(maskIndex);
        const long painted = test::maskedPixels(toQImage(maskLayer.image()));
        QVERIFY2(painted > 200 * 25, qPrintable(QString::number(painted)));
        QCOMPARE(canvas->mask(), toQImage(maskLayer.image()));
        // The autosave started when the stroke ended holds it (writes are atomic, so each read
        // sees a whole file).
        const auto autosavedMask = [&]() -> Image {
            if (autosaved.isEmpty()) return {};
            try {
                const Project p = loadProject(session->autosaveFile().toStdString());
                const int i = p.document.editMaskIndex();
                return i < 0 ? Image() : p.document.layer(i).image();
            } catch (const Error&) {
                return {};
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT(autosavedMask() == maskLayer.image(), 10000);
        // After a crash, a new window recovers it from there: the layers and the painted mask.
        {
            QTemporaryDir crashed;
            const QString leftover = crashed.filePath("autosave-999999999-1.aceproj");
            QVERIFY(QFile::copy(session->autosaveFile(), leftover));
            Window other;
            const RecoveryCandidate candidate{leftover.toStdString(), {}, {}};
            QString error;
            QVERIFY2(other.window.documentSession()->recover(candidate, &error), qPrintable(error));
            QCOMPARE(other.window.document()->document().layerCount(), doc.layerCount());
            QCOMPARE(other.window.document()->mask(), canvas->mask());
            QCOMPARE(other.window.document()->image(), canvas->image());
            QVERIFY(other.window.documentSession()->isModified());
            other.window.documentSession()->discardAutosave();
        }
        // Undo reverts the stroke.
        w.window.undoStack()->undo();
        QCOMPARE(test::maskedPixels(canvas->mask()), 0L);
        QCOMPARE(test::maskedPixels(toQImage(doc.layer(doc.editMaskIndex()).image())), 0L);

        // Hide the top layer with the keyboard in the panel's list: the canvas pixels under it change.
        LayerPanel* panel = w.window.documentActions()->layerPanel();
        const QImage before = canvas->image();
        QCOMPARE(QColor(before.pixel(150, 100)), QColor(200, 200, 200));
        QTest::qWait(50);
        const QImage viewBefore = w.view()->grab().toImage();
        panel->setCurrentRow(panel->model()->rowForId(topRaster(doc).id));
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_Space);
        QVERIFY(!topRaster(doc).visible);
        const QImage after = canvas->image();
        QVERIFY(after.pixel(150, 100) != before.pixel(150, 100));
        QCOMPARE(after.pixel(150, 10), before.pixel(150, 10));  // outside the layer: unchanged
        QTest::qWait(50);
        QVERIFY(w.view()->grab().toImage() != viewBefore);
        w.window.undoStack()->undo();
        QCOMPARE(canvas->image(), before);
        session->discardAutosave();
    }

    // A project that cannot be read changes nothing: the document and its undo history stay.
    void failedOpenKeepsTheDocument() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        CanvasDocument* canvas = w.window.document();
        canvas->openImage(test::makeScene(120, 90, 2), "open", "photo");
        w.paintStroke({{20, 20}, {60, 40}}, 10);
        const Document before = canvas->document();
        const int undoCount = w.window.undoStack()->count();
        const QString bad = m_dir.filePath("truncated.aceproj");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not a whole zip");
        f.close();
        QString error;
        QVERIFY(!w.window.documentSession()->open(bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(canvas->document() == before);
        QCOMPARE(w.window.undoStack()->count(), undoCount);
        QVERIFY(w.window.undoStack()->canUndo());
        w.window.undoStack()->undo();  // the stroke
        QCOMPARE(test::maskedPixels(canvas->mask()), 0L);
    }

    // 2048 x 2048, ten layers: a small layer's change recomposites only its rectangle, and a mask
    // stroke recomposites nothing; the canvas gets exactly those rectangles.
    void largeStackUpdatesOnlyDirtyRectangles() {
        QUndoStack stack;
        Document layered(2048, 2048);
        LayerModel layers(&layered, &stack);
        CanvasDocument canvas(&layers);
        for (int i = 0; i < 9; ++i) {
            Image pixels(2048, 2048, 4);
            for (std::size_t k = 0; k < pixels.data.size(); ++k)
                pixels.data[k] = static_cast<std::uint8_t>(k % 4 == 3 ? 96 + i * 16 : (k * (i + 3)) >> 5);
            Layer l = Layer::raster("layer " + std::to_string(i), pixels);
            l.blendMode = i % 2 ? BlendMode::Multiply : BlendMode::Normal;
            layers.addLayer(std::move(l), "add");
            // One translucent layer alone: the view draws its checkerboard under it.
            if (i == 0) QVERIFY(!canvas.isOpaque());
        }
        layers.addLayer(Layer::raster("patch", toAceImage(test::makeScene(256, 256, 4), 4), 900, 700), "add");
        QVERIFY(canvas.hasImage());
        // Nine translucent layers add up to an opaque composite (alpha 1 - (1 - a1)(1 - a2)...).
        QVERIFY(canvas.isOpaque());
        QSignalSpy areas(&canvas, &CanvasDocument::imageAreaChanged);
        QSignalSpy full(&canvas, &CanvasDocument::imageChanged);
        QElapsedTimer t;
        t.start();
        QVERIFY(layers.setLayerOpacity(0, 0.5));  // the patch is row 0 (the top)
        const double patchMs = t.nsecsElapsed() / 1e6;
        QCOMPARE(areas.size(), 1);
        QCOMPARE(areas.first().first().toRect(), QRect(900, 700, 256, 256));
        QCOMPARE(full.size(), 0);
        QCOMPARE(canvas.image(), flattenComposite(layered));
        t.start();
        QVERIFY(layers.setLayerVisible(1, false));  // a whole-canvas layer
        const double fullMs = t.nsecsElapsed() / 1e6;
        QCOMPARE(areas.last().first().toRect(), QRect(0, 0, 2048, 2048));
        // A mask change is not part of the composite.
        const LayerId mask = canvas.beginMaskEdit();
        QVERIFY(mask);
        areas.clear();
        canvas.paintMaskShape(QRect(100, 100, 300, 200), true, false);
        QCOMPARE(areas.size(), 0);
        // A turn's result (an opaque layer over the whole canvas) recomposites as that one layer.
        QImage result(2048, 2048, QImage::Format_RGB32);
        result.fill(QColor(30, 120, 200));
        t.start();
        canvas.addResultLayer(result, "result", std::nullopt, "result");
        const double resultMs = t.nsecsElapsed() / 1e6;
        QCOMPARE(canvas.image().pixel(1000, 1000), qRgb(30, 120, 200));
        QCOMPARE(canvas.image(), flattenComposite(layered));
        qInfo("2048x2048, 10 layers: %.1f ms for a 256x256 layer's change (dirty rectangle), %.1f ms for a full "
              "recomposite, %.1f ms to add an opaque result layer on top", patchMs, fullMs, resultMs);
        QVERIFY2(patchMs * 8 < fullMs, qPrintable(QString("%1 %2").arg(patchMs).arg(fullMs)));
    }

private:
    // The composite of `doc` over black as RGB32 (what {image} is without an input layer).
    static QImage flattenComposite(const Document& doc) {
        const Image rgba = composite(doc);
        QImage out(rgba.width, rgba.height, QImage::Format_RGB32);
        for (int y = 0; y < rgba.height; ++y)
            for (int x = 0; x < rgba.width; ++x) {
                const auto* s = rgba.pixel(x, y);
                out.setPixel(x, y, qRgb((s[0] * s[3] + 127) / 255, (s[1] * s[3] + 127) / 255, (s[2] * s[3] + 127) / 255));
            }
        return out;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLayeredCanvas)
#include "tst_layeredcanvas.moc"
