// ACE's layer tasks from the chat's task selector, in the main window with real widgets and the
// real engine on a tiny random-weight model: choosing one puts its instruction template in the
// message box; "decouple" sends the input layer as {image}, "fuse" the input layer as {image} and
// the layer selected in the layer panel as {image1}; each result arrives as a new layer. A fusion
// without a second layer is refused with a message and keeps the typed text.
#include <QtTest>

#include <QComboBox>
#include <QStatusBar>
#include <QTemporaryDir>

#include "CanvasDocument.h"
#include "DocumentActions.h"
#include "DocumentSession.h"
#include "ImageConvert.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "ace/document/Document.h"
#include "support/UiTestSupport.h"
#include "support/WindowDriver.h"

using namespace ace;
using test::configure;
using test::Window;

class TestLayerTasks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        test::initGuiTestCase("tst_layertasks");
    }

    void decoupleAndFuseLayers() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        CanvasDocument* canvas = w.window.document();
        const Document& doc = canvas->document();
        canvas->openImage(test::makeScene(192, 128, 11), "open", "photo");
        const LayerId photo = doc.layer(0).id;
        const LayerId subject = canvas->addResultLayer(test::makeScene(96, 64, 12), "subject", std::nullopt, "add");
        QVERIFY(subject);
        LayerModel* layers = w.window.documentActions()->layerPanel()->model();
        LayerPanel* panel = w.window.documentActions()->layerPanel();
        QVERIFY(layers->setInputLayer(photo));
        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
        QComboBox* task = w.window.chatPanel()->taskBox();

        // Decouple: the template, {image} = the input layer alone, the result a new layer.
        int count = doc.layerCount();
        task->setCurrentIndex(task->findData(int(TaskKind::LayerDecouple)));
        QCOMPARE(w.window.chatPanel()->input()->toPlainText(), taskTemplate(TaskKind::LayerDecouple));
        QVERIFY(taskTemplate(TaskKind::LayerDecouple).contains("{image}"));
        w.pressEnter();
        QVERIFY(test::waitFor(added, 120000));
        InferenceJob job = started.first().at(1).value<InferenceJob>();
        QCOMPARE(QString::fromStdString(job.request.current.instruction), taskTemplate(TaskKind::LayerDecouple));
        QCOMPARE(job.request.current.images.size(), std::size_t(1));
        QVERIFY(job.request.current.images[0].image == toAceImage(canvas->layerImage(photo), 3));
        QCOMPARE(job.request.current.images[0].task, std::string());
        QCOMPARE(doc.layerCount(), count + 1);
        LayerId result = added.first().at(1).value<quint64>();
        QVERIFY(result != photo && result != subject);
        QCOMPARE(doc.findLayer(result)->provenance()->instruction, job.request.current.instruction);

        // Fuse: the input layer is {image}, the selected layer {image1}; no history with two images.
        QVERIFY(layers->setInputLayer(photo));
        panel->setCurrentRow(layers->rowForId(subject));
        count = doc.layerCount();
        task->setCurrentIndex(task->findData(int(TaskKind::LayerFusion)));
        QCOMPARE(w.window.chatPanel()->input()->toPlainText(), taskTemplate(TaskKind::LayerFusion));
        w.pressEnter();
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 120000);
        job = started.at(1).at(1).value<InferenceJob>();
        QCOMPARE(QString::fromStdString(job.request.current.instruction), taskTemplate(TaskKind::LayerFusion));
        QCOMPARE(job.request.current.images.size(), std::size_t(2));
        QVERIFY(job.request.current.images[0].image == toAceImage(canvas->layerImage(photo), 3));
        QVERIFY(job.request.current.images[1].image == toAceImage(canvas->layerImage(subject), 3));
        QVERIFY(job.request.history.empty());
        QCOMPARE(doc.layerCount(), count + 1);
        result = added.at(1).at(1).value<quint64>();
        QVERIFY(result != photo && result != subject);
        const Provenance p = *doc.findLayer(result)->provenance();
        QCOMPARE(p.referencedImages.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(p.referencedImages[1]), QString("{image1} = subject"));
        // The chat shows the turn with both images.
        const int turn = added.at(1).at(0).toInt();
        QCOMPARE(w.chat()->turn(turn)->images.size(), 2);
        QCOMPARE(w.chat()->turn(turn)->task, TaskKind::LayerFusion);

        // The selected layer is the input itself: refused, the text stays.
        QCOMPARE(canvas->inputLayerId(), result);  // the input role passed on to the result
        panel->setCurrentRow(layers->rowForId(canvas->inputLayerId()));
        w.type("fuse {image1} into {image}");
        const QString typed = w.window.chatPanel()->input()->toPlainText();
        w.pressEnter();
        QCOMPARE(w.chat()->turnCount(), 2);
        QCOMPARE(w.window.chatPanel()->input()->toPlainText(), typed);
        QVERIFY(w.window.statusBar()->currentMessage().contains("fuse"));
        QCOMPARE(started.size(), 2);
        w.window.documentSession()->discardAutosave();
    }
};

QTEST_MAIN(TestLayerTasks)
#include "tst_layertasks.moc"
