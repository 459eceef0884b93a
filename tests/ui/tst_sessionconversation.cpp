// The conversation as part of the project, driven in the main window with real widgets and the
// real engine on a tiny random-weight model: two turns are saved and opened in a new window, which
// shows the same chat rows, sends the next turn with the same LCU history (the same {image} frames
// and instructions reach the worker) and regenerates an old turn as another version of its layer;
// opening another project replaces the conversation, a failed open keeps it; recovery after a
// crash brings the conversation back; a project of format 1 (no conversation) opens with an
// empty chat. "Use as canvas image" picks the turn's result layer (its version) instead of
// adding a copy, and brings the result back as a layer only when that layer was deleted.
#include <QtTest>

#include <filesystem>

#include "ace/document/Export.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QListView>
#include <QTemporaryDir>
#include <QUndoStack>

#include "CanvasDocument.h"
#include "ChatDelegate.h"
#include "ChatPanel.h"
#include "ContextBar.h"
#include "DocumentActions.h"
#include "DocumentSession.h"
#include "ImageConvert.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "ace/document/Zip.h"
#include "support/UiTestSupport.h"
#include "support/WindowDriver.h"

using namespace ace;
using test::configure;
using test::Window;

namespace {

// What a chat row shows, for comparing two windows.
struct ShownTurn {
    int id;
    QString instruction, task;
    int status;
    qint64 seed;
    int steps;
    double seconds;
    bool inNextContext, excluded;
    QStringList labels;
    QList<QImage> thumbnails;
    QImage result;
    QImage resultThumbnail;
};

QList<ShownTurn> shownTurns(ChatModel* chat) {
    QList<ShownTurn> out;
    for (int id : chat->turnIds()) {
        const QModelIndex user = chat->userIndex(id), result = chat->resultIndex(id);
        out << ShownTurn{id,
                         user.data(ChatModel::InstructionRole).toString(),
                         user.data(ChatModel::TaskRole).toString(),
                         result.data(ChatModel::StatusRole).toInt(),
                         result.data(ChatModel::SeedRole).toLongLong(),
                         result.data(ChatModel::StepsRole).toInt(),
                         result.data(ChatModel::SecondsRole).toDouble(),
                         user.data(ChatModel::InNextContextRole).toBool(),
                         user.data(ChatModel::ExcludedRole).toBool(),
                         user.data(ChatModel::ImageLabelsRole).toStringList(),
                         user.data(ChatModel::ThumbnailsRole).value<QList<QImage>>(),
                         chat->turn(id)->result.convertToFormat(QImage::Format_RGB888),
                         result.data(ChatModel::ResultImageRole).value<QImage>()};
    }
    return out;
}

void compareTurns(const QList<ShownTurn>& a, const QList<ShownTurn>& b) {
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].id, b[i].id);
        QCOMPARE(a[i].instruction, b[i].instruction);
        QCOMPARE(a[i].task, b[i].task);
        QCOMPARE(a[i].status, b[i].status);
        QCOMPARE(a[i].seed, b[i].seed);
        QCOMPARE(a[i].steps, b[i].steps);
        QCOMPARE(a[i].seconds, b[i].seconds);
        QCOMPARE(a[i].inNextContext, b[i].inNextContext);
        QCOMPARE(a[i].excluded, b[i].excluded);
        QCOMPARE(a[i].labels, b[i].labels);
        QCOMPARE(a[i].thumbnails.size(), b[i].thumbnails.size());
        for (int k = 0; k < a[i].thumbnails.size(); ++k) QCOMPARE(a[i].thumbnails[k], b[i].thumbnails[k]);
        QCOMPARE(a[i].result, b[i].result);
        QCOMPARE(a[i].resultThumbnail.size(), b[i].resultThumbnail.size());
    }
}

void compareInputs(const InputImage& a, const InputImage& b) {
    QVERIFY(a.image == b.image);
    QVERIFY(a.mask == b.mask);
    QCOMPARE(a.task, b.task);
}

// The LCU a request carries: the same instructions and the same frames, masks and tasks.
void compareRequests(const InferenceJob& a, const InferenceJob& b) {
    QCOMPARE(a.request.current.instruction, b.request.current.instruction);
    QCOMPARE(a.request.current.images.size(), b.request.current.images.size());
    for (std::size_t i = 0; i < a.request.current.images.size(); ++i)
        compareInputs(a.request.current.images[i], b.request.current.images[i]);
    QCOMPARE(a.request.history.size(), b.request.history.size());
    for (std::size_t i = 0; i < a.request.history.size(); ++i) {
        QCOMPARE(a.request.history[i].instruction, b.request.history[i].instruction);
        QCOMPARE(a.request.history[i].images.size(), std::size_t(1));
        QCOMPARE(b.request.history[i].images.size(), std::size_t(1));
        compareInputs(a.request.history[i].images[0], b.request.history[i].images[0]);
    }
    QVERIFY(a.target == b.target);
    QVERIFY(a.pasteInput == b.pasteInput);
    QVERIFY(a.pasteMask == b.pasteMask);
}

// The archive entry that holds the picture of turn `turn`'s result in the chat, and the one that
// holds version 0 of layer `layer`.
std::pair<std::string, std::string> resultEntries(const QString& project, int turn, LayerId layer) {
    const ZipReader zip = ZipReader::open(project.toStdString());
    const auto root = nlohmann::json::parse(zip.readText("project.json"));
    std::string chatEntry, layerEntry;
    for (const auto& t : root["session"]["conversation"]["turns"])
        if (t["id"] == turn)
            for (const auto& a : root["assets"])
                if (a["name"] == t["result"]) chatEntry = a["image"];
    for (const auto& l : root["layers"])
        if (l["id"] == layer) layerEntry = l["versions"][0]["image"];
    return {chatEntry, layerEntry};
}

void selectTask(MainWindow& w, TaskKind kind) {
    QComboBox* task = w.chatPanel()->taskBox();
    task->setCurrentIndex(task->findData(int(kind)));
}

// Sends `text` with `task` through the chat input and waits for the turn's result layer.
// Clicks a result row's action button in the chat view, where it is drawn.
void clickAction(MainWindow& w, const QModelIndex& index, ChatAction action) {
    ChatPanel* panel = w.chatPanel();
    panel->view()->scrollTo(index);
    const QRect r = panel->actionButtonRect(index, action);
    QVERIFY2(!r.isEmpty() && panel->view()->viewport()->rect().contains(r), "the button is on screen");
    QTest::mouseMove(panel->view()->viewport(), r.center());
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, r.center());
}

InferenceJob sendTurn(Window& w, const QString& text, TaskKind task) {
    QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
    QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
    selectTask(w.window, task);
    w.type(text);
    w.pressEnter();
    if (!test::waitFor(added, 120000) || started.isEmpty()) return {};
    return started.first().at(1).value<InferenceJob>();
}

}  // namespace

class TestSessionConversation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        test::initGuiTestCase("tst_sessionconversation");
        QVERIFY(m_dir.isValid());
    }

    void conversationSurvivesSaveAndOpen() {
        configure(test::workingModelFolder(), 2);
        const QString path = m_dir.filePath("conversation.aceproj");
        QList<ShownTurn> before;
        InferenceJob nextBefore, firstJob;
        int firstTurn = 0;
        LayerId firstLayer = 0;
        {
            Window w;
            QVERIFY(w.shownAndReady());
            w.window.document()->openImage(test::makeScene(192, 128, 7), "open", "photo");
            w.paintStroke({{40, 60}, {150, 70}}, 24);
            QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
            firstJob = sendTurn(w, "put a boat on {image}", TaskKind::Inpainting);
            QCOMPARE(added.size(), 1);
            firstTurn = added.first().at(0).toInt();
            firstLayer = added.first().at(1).value<quint64>();
            QVERIFY(!sendTurn(w, "make {image} brighter", TaskKind::Automatic).request.current.images.empty());
            ChatModel* chat = w.chat();
            QCOMPARE(chat->turnCount(), 2);
            before = shownTurns(chat);
            QVERIFY(before[0].inNextContext && before[1].inNextContext);

            QString error;
            QVERIFY2(w.window.documentSession()->saveAs(path, &error), qPrintable(error));
            // The result is one picture in the file, shared by the chat and the layer.
            const auto [chatEntry, layerEntry] = resultEntries(path, firstTurn, firstLayer);
            QVERIFY(!chatEntry.empty());
            QCOMPARE(layerEntry, chatEntry);
            // The turn after the save: what the reopened project must send the same way.
            nextBefore = sendTurn(w, "add a moon to {image}", TaskKind::Automatic);
            QCOMPARE(nextBefore.request.history.size(), std::size_t(2));
            w.window.documentSession()->discardAutosave();
        }

        Window w;
        QVERIFY(w.shownAndReady());
        ChatModel* chat = w.chat();
        QCOMPARE(chat->turnCount(), 0);
        QString error;
        QVERIFY2(w.window.documentSession()->open(path, &error), qPrintable(error));
        compareTurns(shownTurns(chat), before);
        QCOMPARE(w.window.session()->nextContextTurns(), QList<int>({before[0].id, before[1].id}));
        // The context bar shows the same two turns.
        test::saveScreenshot(&w.window, "main-window-reopened-conversation");

        // The next turn's LCU is the one the first window sent.
        const InferenceJob nextAfter = sendTurn(w, "add a moon to {image}", TaskKind::Automatic);
        compareRequests(nextAfter, nextBefore);
        // New turns are numbered after the restored ones.
        QCOMPARE(chat->turnIds().size(), 3);
        QVERIFY(chat->turnIds().last() > before.last().id);

        // Regenerate the first turn from the chat: the same request with a new seed, as another
        // version of its result layer.
        QSignalSpy started(w.window.session()->worker(), &InferenceWorker::jobStarted);
        QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
        clickAction(w.window, chat->resultIndex(firstTurn), ChatAction::Regenerate);
        QVERIFY(test::waitFor(added, 120000));
        const InferenceJob again = started.first().at(1).value<InferenceJob>();
        InferenceJob expected = firstJob;
        compareRequests(again, expected);
        QVERIFY(again.request.options.seed != before[0].seed);
        QCOMPARE(quint64(added.first().at(1).value<quint64>()), quint64(firstLayer));
        QCOMPARE(added.first().at(2).toInt(), 1);  // the second version of the turn's layer
        const Layer* layer = w.window.document()->document().findLayer(firstLayer);
        QVERIFY(layer);
        QCOMPARE(layer->versions.size(), std::size_t(2));

        // A project that cannot be read keeps the conversation.
        const QList<ShownTurn> current = shownTurns(chat);
        const QString bad = m_dir.filePath("truncated.aceproj");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not a whole zip");
        f.close();
        QVERIFY(!w.window.documentSession()->open(bad, &error));
        compareTurns(shownTurns(chat), current);
        // Opening another project replaces it.
        QVERIFY2(w.window.documentSession()->open(path, &error), qPrintable(error));
        compareTurns(shownTurns(chat), before);
        w.window.documentSession()->discardAutosave();
    }

    // A project written before the conversation was stored (format 1) opens with an empty chat.
    void layeredExportsCarryTheTranscript() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        w.window.document()->openImage(test::makeScene(128, 96, 5), "open", "photo");
        w.paintStroke({{30, 40}, {90, 50}}, 20);
        const InferenceJob job = sendTurn(w, "paint a lighthouse into {image}", TaskKind::Inpainting);
        QVERIFY(!job.request.current.images.empty());
        const ChatTurn* turn = w.chat()->turn(w.chat()->turnIds().first());
        QVERIFY(turn && turn->status == TurnStatus::Done);
        const QString seed = QStringLiteral("seed %1").arg(turn->seed);
        for (const char* suffix : {"ora", "psd"}) {
            const QString file = m_dir.filePath(QStringLiteral("transcript.%1").arg(suffix));
            QString error;
            QVERIFY2(w.window.documentSession()->exportLayered(file, &error), qPrintable(error));
            const std::filesystem::path fsFile = file.toStdString();
            const LayeredFile read = QString(suffix) == "ora" ? readOpenRaster(fsFile) : readPsd(fsFile);
            const QString transcript = QString::fromStdString(read.transcript);
            QVERIFY2(transcript.contains("#1 You [") && transcript.contains("paint a lighthouse into {image}"),
                     qPrintable(transcript));
            QVERIFY2(transcript.contains("{image} = ") && transcript.contains("with mask"), qPrintable(transcript));
            QVERIFY2(transcript.contains("#1 ACE: ") && transcript.contains(seed), qPrintable(transcript));
        }
        w.window.documentSession()->discardAutosave();
    }

    void formatOneOpensWithEmptyChat() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        w.window.document()->openImage(test::makeScene(128, 96, 3), "open", "photo");
        QVERIFY(!sendTurn(w, "make {image} blue", TaskKind::Automatic).request.current.images.empty());
        QCOMPARE(w.chat()->turnCount(), 1);
        const QString path = m_dir.filePath("v2.aceproj");
        QString error;
        QVERIFY2(w.window.documentSession()->saveAs(path, &error), qPrintable(error));

        // The same project as version 1 wrote it: no conversation in the session.
        Project p = loadProject(path.toStdString());
        QVERIFY(p.session.contains("conversation"));
        p.session.erase("conversation");
        std::vector<std::uint8_t> bytes = serializeProject(p);
        const ZipReader in(bytes, "v2");
        ZipWriter out;
        for (const auto& e : in.entries()) {
            if (e.name == "project.json") {
                auto j = nlohmann::json::parse(in.readText(e.name));
                j["version"] = 1;
                out.add(e.name, j.dump());
            } else {
                out.add(e.name, in.read(e.name),
                        e.name == "mimetype" ? ZipWriter::Method::Stored : ZipWriter::Method::Deflate);
            }
        }
        const QString old = m_dir.filePath("v1.aceproj");
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const std::vector<std::uint8_t> v1 = out.finish();
        f.write(reinterpret_cast<const char*>(v1.data()), static_cast<qint64>(v1.size()));
        f.close();

        const Document layers = w.window.document()->document();
        QVERIFY2(w.window.documentSession()->open(old, &error), qPrintable(error));
        QCOMPARE(w.chat()->turnCount(), 0);
        QVERIFY(w.window.document()->document() == layers);
        QVERIFY(w.window.session()->nextContextTurns().isEmpty());
        // A new turn is numbered after the turn the result layer names and carries no history.
        const InferenceJob next = sendTurn(w, "make {image} red", TaskKind::Automatic);
        QVERIFY(next.request.history.empty());
        QCOMPARE(w.chat()->turnIds(), QList<int>({2}));
        w.window.documentSession()->discardAutosave();
    }

    // After a crash, recovering the autosave brings the conversation back with the layers.
    void recoveryRestoresConversation() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        DocumentSession* session = w.window.documentSession();
        session->setAutosaveFolder(m_dir.filePath("autosave"));
        w.window.document()->openImage(test::makeScene(160, 120, 9), "open", "photo");
        QSignalSpy autosaved(session, &DocumentSession::autosaved);
        QVERIFY(!sendTurn(w, "turn {image} into a painting", TaskKind::Automatic).request.current.images.empty());
        QVERIFY(!sendTurn(w, "add a frame around {image}", TaskKind::Automatic).request.current.images.empty());
        const QList<ShownTurn> before = shownTurns(w.chat());
        // The autosave written after the last turn holds both turns.
        const auto autosavedTurns = [&]() -> std::size_t {
            if (autosaved.isEmpty()) return 0;
            try {
                const Project p = loadProject(session->autosaveFile().toStdString());
                return p.session.at("conversation").at("turns").size();
            } catch (const std::exception&) {
                return 0;
            }
        };
        QTRY_COMPARE_WITH_TIMEOUT(autosavedTurns(), std::size_t(2), 20000);

        // The file a killed instance leaves behind, recovered in a new window.
        QTemporaryDir crashed;
        const QString leftover = crashed.filePath("autosave-999999999-1.aceproj");
        QVERIFY(QFile::copy(session->autosaveFile(), leftover));
        Window other;
        QVERIFY(other.waitReady());
        const RecoveryCandidate candidate{leftover.toStdString(), {}, {}};
        QString error;
        QVERIFY2(other.window.documentSession()->recover(candidate, &error), qPrintable(error));
        compareTurns(shownTurns(other.chat()), before);
        QCOMPARE(other.window.session()->nextContextTurns(), w.window.session()->nextContextTurns());
        other.window.documentSession()->discardAutosave();
        session->discardAutosave();
    }

    void useAsCanvasPicksTheResultLayer() {
        configure(test::workingModelFolder(), 2);
        Window w;
        QVERIFY(w.shownAndReady());
        CanvasDocument* canvas = w.window.document();
        const Document& doc = canvas->document();
        canvas->openImage(test::makeScene(160, 112, 4), "open", "photo");
        QSignalSpy added(w.window.session(), &SessionController::resultLayerAdded);
        sendTurn(w, "make {image} warmer", TaskKind::Automatic);
        sendTurn(w, "add a hat to {image}", TaskKind::Automatic);
        QCOMPARE(added.size(), 2);
        const int first = added.at(0).at(0).toInt(), second = added.at(1).at(0).toInt();
        const LayerId firstLayer = added.at(0).at(1).value<quint64>(), secondLayer = added.at(1).at(1).value<quint64>();
        QCOMPARE(canvas->inputLayerId(), LayerId(0));  // the turns edited the flattened image
        // A regeneration of the first turn: another version of its layer, shown.
        ChatModel* chat = w.chat();
        clickAction(w.window, chat->resultIndex(first), ChatAction::Regenerate);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 3, 120000);
        const int regenerated = added.at(2).at(0).toInt();
        QCOMPARE(added.at(2).at(1).value<quint64>(), quint64(firstLayer));
        QCOMPARE(doc.findLayer(firstLayer)->currentVersion, 1);
        LayerModel* layers = w.window.documentActions()->layerPanel()->model();
        layers->setLayerVisible(layers->rowForId(firstLayer), false);
        const int layerCount = doc.layerCount();
        const int undoCount = w.window.undoStack()->count();
        const auto asRgb32 = [](const QImage& i) { return i.convertToFormat(QImage::Format_RGB32); };

        // Use the first turn's result: its layer, at its version, visible, is the next input.
        clickAction(w.window, chat->resultIndex(first), ChatAction::UseAsCanvas);
        QCOMPARE(doc.layerCount(), layerCount);  // no copy
        const Layer* layer = doc.findLayer(firstLayer);
        QCOMPARE(layer->currentVersion, 0);
        QVERIFY(layer->visible);
        QCOMPARE(canvas->inputLayerId(), firstLayer);
        QCOMPARE(asRgb32(canvas->inputImage()), asRgb32(chat->turn(first)->result));
        // The layer panel shows it selected; the chat's {image} is it.
        LayerPanel* panel = w.window.documentActions()->layerPanel();
        QCOMPARE(panel->currentLayerId(), firstLayer);
        QTRY_COMPARE(w.window.chatPanel()->contextBar()->imageSources().value(0), canvas->inputName());
        QVERIFY(canvas->inputName().contains(QString::fromStdString(layer->name)));
        // One undo step, which puts everything back.
        QCOMPARE(w.window.undoStack()->count(), undoCount + 1);
        w.window.undoStack()->undo();
        QCOMPARE(canvas->inputLayerId(), LayerId(0));
        QCOMPARE(doc.findLayer(firstLayer)->currentVersion, 1);
        QVERIFY(!doc.findLayer(firstLayer)->visible);
        w.window.undoStack()->redo();
        // The regeneration's result is the other version of the same layer.
        clickAction(w.window, chat->resultIndex(regenerated), ChatAction::UseAsCanvas);
        QCOMPARE(doc.layerCount(), layerCount);
        QCOMPARE(doc.findLayer(firstLayer)->currentVersion, 1);
        QCOMPARE(asRgb32(canvas->inputImage()), asRgb32(chat->turn(regenerated)->result));
        // Nothing to change: no undo step.
        const int settled = w.window.undoStack()->count();
        clickAction(w.window, chat->resultIndex(regenerated), ChatAction::UseAsCanvas);
        QCOMPARE(w.window.undoStack()->count(), settled);

        // The second turn's layer deleted: its result comes back as a new layer, once.
        QVERIFY(layers->deleteLayer(layers->rowForId(secondLayer)));
        QCOMPARE(doc.layerCount(), layerCount - 1);
        clickAction(w.window, chat->resultIndex(second), ChatAction::UseAsCanvas);
        QCOMPARE(doc.layerCount(), layerCount);
        const LayerId back = canvas->inputLayerId();
        QVERIFY(back != 0 && back != firstLayer);  // (the id of the deleted layer may be reused)
        QCOMPARE(asRgb32(canvas->inputImage()), asRgb32(chat->turn(second)->result));
        QVERIFY(doc.findLayer(back)->provenance());
        QCOMPARE(doc.findLayer(back)->provenance()->turn, second);
        QCOMPARE(panel->currentLayerId(), back);
        clickAction(w.window, chat->resultIndex(second), ChatAction::UseAsCanvas);
        QCOMPARE(doc.layerCount(), layerCount);
        test::saveScreenshot(&w.window, "main-window-use-result-layer");
        w.window.documentSession()->discardAutosave();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSessionConversation)
#include "tst_sessionconversation.moc"
