#include "SessionController.h"

#include <QRandomGenerator>
#include <QUndoStack>

#include <algorithm>

#include "CanvasDocument.h"
#include "ImageConvert.h"
#include "LayerModel.h"

namespace ace {
namespace {
// A seed in the engine's range [0, 2^32) that differs from each of `used`.
qint64 freshSeed(std::initializer_list<qint64> used) {
    qint64 seed;
    do seed = static_cast<qint64>(QRandomGenerator::global()->generate());
    while (std::find(used.begin(), used.end(), seed) != used.end());
    return seed;
}
}  // namespace

SessionController::SessionController(CanvasDocument* document, ChatModel* chat, BackendFactory backend, QObject* parent)
    : QObject(parent), m_document(document), m_chat(chat), m_worker(new InferenceWorker(std::move(backend))) {
    qRegisterMetaType<ace::SendRequest>();
    m_thread.setObjectName("InferenceThread");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SessionController::jobSubmitted, m_worker, &InferenceWorker::submit);
    connect(this, &SessionController::loadRequested, m_worker, &InferenceWorker::loadModel);
    connect(m_worker, &InferenceWorker::loadProgress, this, &SessionController::modelLoading);
    connect(m_worker, &InferenceWorker::modelLoaded, this, [this](const ModelInfo& info) {
        m_loading = false;
        m_modelLoaded = true;
        m_modelInfo = info;
        Q_EMIT modelReady(info);
    });
    connect(m_worker, &InferenceWorker::loadFailed, this, [this](const QString& message) {
        m_loading = false;
        m_modelLoaded = false;
        Q_EMIT modelFailed(message);
    });
    connect(m_worker, &InferenceWorker::jobStarted, this, &SessionController::onStarted);
    connect(m_worker, &InferenceWorker::progress, this, &SessionController::onProgress);
    connect(m_worker, &InferenceWorker::finished, this, &SessionController::onFinished);
    connect(m_worker, &InferenceWorker::failed, this, &SessionController::onFailed);
    connect(m_worker, &InferenceWorker::cancelled, this, &SessionController::onCancelled);
    m_thread.start();
}

SessionController::~SessionController() {
    // Stop the run within one step, then let the thread finish; the worker deletes itself there.
    m_pending.clear();
    if (m_running) m_worker->cancel(static_cast<quint64>(m_running));
    m_thread.quit();
    m_thread.wait();
}

void SessionController::setSettings(const GenerationSettings& settings) {
    m_settings = settings;
    updateContext();
}

void SessionController::loadModel(const QString& folder, const ModelLoadOptions& options) {
    m_loading = true;
    m_modelLoaded = false;
    Q_EMIT loadRequested(folder, options);
}

int SessionController::addTurn(ChatTurn turn, const SendRequest& request) {
    const int id = m_chat->addTurn(std::move(turn));
    TurnRecord& record = m_records[id];
    record.request = request;
    return id;
}

int SessionController::send(const SendRequest& request) {
    ChatTurn turn;
    turn.instruction = request.text;
    turn.task = request.task;
    turn.pasteBack = request.pasteBack;
    // What the chat shows until the turn starts (then the canvas as it is at that moment).
    const bool canvas = usesCanvas(request.task, m_document->hasImage());
    if (canvas)
        turn.images << ChatImage{m_document->inputImage(), m_document->hasMask() ? m_document->mask() : QImage(),
                                 imageLabel(0), QStringLiteral("canvas")};
    for (const ChatImage& a : request.attachments)
        turn.images << ChatImage{a.image, a.mask, imageLabel(static_cast<int>(turn.images.size())), a.source};
    const int id = addTurn(std::move(turn), request);
    m_records[id].maskAtSend = canvas && m_document->hasMask() ? m_document->mask() : QImage();
    m_pending.append(id);
    dispatchNext();
    Q_EMIT busyChanged(isBusy());
    return id;
}

QList<int> SessionController::nextContextTurns() const {
    QList<int> ids;
    for (int id : m_chat->turnIds()) {
        const ChatTurn* turn = m_chat->turn(id);
        const auto record = m_records.constFind(id);
        if (!turn || record == m_records.cend()) continue;
        // The reference's history holds each turn's first input image with its instruction; a
        // regeneration repeats its original's inputs, so only the original counts.
        if (turn->status != TurnStatus::Done || turn->excluded || record->regeneration) continue;
        if (!record->submitted || record->job.request.current.images.empty()) continue;
        ids << id;
    }
    const int keep = std::max(0, m_settings.historyLength);
    if (ids.size() > keep) ids = ids.mid(ids.size() - keep);
    return ids;
}

InferenceJob SessionController::buildJob(int turnId) const {
    const TurnRecord& record = m_records[turnId];
    const SendRequest& send = record.request;
    InferenceJob job;
    job.id = static_cast<quint64>(turnId);
    job.pasteBack = send.pasteBack;
    job.featherRadius = m_settings.featherRadius;

    TurnRequest& r = job.request;
    r.current.instruction = send.text.toStdString();
    const bool canvas = usesCanvas(send.task, m_document->hasImage());
    if (canvas) {
        InputImage input;
        // {image}: the layer the layer panel chose as the next turn's input, or the composite.
        input.image = toAceImage(m_document->inputImage(), 3);
        if (!record.maskAtSend.isNull() && record.maskAtSend.size() == m_document->size())
            input.mask = toAceImage(record.maskAtSend, 1);
        input.task = taskReferenceName(send.task);
        r.current.images.push_back(std::move(input));
    }
    for (const ChatImage& a : send.attachments) {
        InputImage input;
        input.image = toAceImage(a.image, 3);
        if (!a.mask.isNull()) input.mask = toAceImage(a.mask, 1);
        r.current.images.push_back(std::move(input));
    }
    // History goes with single-image turns only (historyApplies); other turns start fresh.
    if (historyApplies(static_cast<int>(r.current.images.size()))) {
        for (int id : nextContextTurns()) {
            const Turn& earlier = m_records[id].job.request.current;
            r.history.push_back(Turn{earlier.instruction, {earlier.images.front()}});
        }
    }
    GenerationOptions& o = r.options;
    o.steps = m_settings.steps;
    o.guideScale = m_settings.guideScale;
    o.guideRescale = m_settings.guideRescale;
    o.seed = m_settings.randomSeed ? -1 : m_settings.seed;
    if (r.current.images.empty()) {
        o.outputWidth = m_settings.outputWidth / 16 * 16;
        o.outputHeight = m_settings.outputHeight / 16 * 16;
    }

    // The engine's frame 0 (the oldest history image, else the first current one) sets the result's geometry.
    if (!r.history.empty()) job.target = r.history.front().images.front().image;
    else if (!r.current.images.empty()) job.target = r.current.images.front().image;
    if (canvas) {
        job.pasteInput = r.current.images.front().image;
        job.pasteMask = r.current.images.front().mask;
    }
    return job;
}

void SessionController::dispatchNext() {
    if (m_running != 0 || m_pending.isEmpty()) return;
    const int id = m_pending.takeFirst();
    TurnRecord& record = m_records[id];
    if (!record.regeneration) {
        record.job = buildJob(id);
        if (!record.job.pasteInput.isNull()) {
            record.inputLayer = m_document->inputLayerId();
            record.inputName = m_document->inputName();
        }
        // The chat shows the images this turn really uses.
        QList<ChatImage> images;
        const Turn& current = record.job.request.current;
        for (size_t i = 0; i < current.images.size(); ++i) {
            const bool canvas = i == 0 && !record.job.pasteInput.isNull();
            images << ChatImage{toQImage(current.images[i].image), toQImage(current.images[i].mask),
                                imageLabel(static_cast<int>(i)),
                                canvas ? QStringLiteral("canvas") : record.request.attachments.value(static_cast<int>(i) - (record.job.pasteInput.isNull() ? 0 : 1)).source};
        }
        m_chat->setImages(id, images);
    }
    record.submitted = true;
    m_running = id;
    Q_EMIT jobSubmitted(record.job);
}

int SessionController::regenerate(int turnId) { return rerun(turnId, -1, m_turnLayers.value(turnId)); }

int SessionController::rerunLayer(quint64 layerId, bool newSeed) {
    const Layer* layer = m_document->document().findLayer(layerId);
    if (!layer || !layer->provenance()) return 0;
    const Provenance& p = *layer->provenance();
    const auto record = m_records.constFind(p.turn);
    if (p.turn <= 0 || record == m_records.cend() || !record->submitted) {
        Q_EMIT message(tr("The inputs of layer “%1” are not in this session any more; send its instruction again "
                          "to make a new result.")
                           .arg(QString::fromStdString(layer->name)));
        return 0;
    }
    return rerun(p.turn, newSeed ? -1 : p.seed, layerId);
}

int SessionController::rerun(int turnId, qint64 seed, LayerId targetLayer) {
    const auto original = m_records.constFind(turnId);
    const ChatTurn* shown = m_chat->turn(turnId);
    if (original == m_records.cend() || !original->submitted || !shown) return 0;
    ChatTurn turn;
    turn.instruction = shown->instruction;
    turn.task = shown->task;
    turn.images = shown->images;
    turn.pasteBack = shown->pasteBack;
    turn.regenerationOf = turnId;
    const TurnRecord copy = *original;
    // A new seed is drawn here so the request names it, and never the one the original used.
    if (seed < 0) seed = freshSeed({shown->seed, copy.job.request.options.seed});
    const int id = addTurn(std::move(turn), copy.request);
    TurnRecord& record = m_records[id];
    record.regeneration = true;
    record.job = copy.job;
    record.job.id = static_cast<quint64>(id);
    record.job.request.options.seed = seed;  // everything else as it was
    record.inputLayer = copy.inputLayer;
    record.inputName = copy.inputName;
    record.targetLayer = targetLayer;
    m_pending.append(id);
    dispatchNext();
    Q_EMIT busyChanged(isBusy());
    return id;
}

void SessionController::useResultAsCanvas(int turnId) {
    const ChatTurn* turn = m_chat->turn(turnId);
    if (!turn || turn->result.isNull()) return;
    m_document->applyResult(turn->result, tr("Use the result of turn %1").arg(turnId));
}

void SessionController::setTurnExcluded(int turnId, bool excluded) {
    m_chat->setExcluded(turnId, excluded);
    updateContext();
}

void SessionController::cancel() {
    for (int id : std::as_const(m_pending)) m_chat->setStatus(id, TurnStatus::Cancelled);
    const bool hadQueued = !m_pending.isEmpty();
    m_pending.clear();
    if (m_running) m_worker->cancel(static_cast<quint64>(m_running));
    if (hadQueued) Q_EMIT busyChanged(isBusy());
}

void SessionController::onStarted(quint64 id, const InferenceJob& job) {
    const bool clipped = job.pasteBack && !job.pasteMask.isNull() && job.pasteInput.width == job.target.width &&
                         job.pasteInput.height == job.target.height;
    m_previewClip = clipped ? toQImage(job.pasteMask) : QImage();
    m_previewOverCanvas = !job.pasteInput.isNull();
    m_chat->setStatus(static_cast<int>(id), TurnStatus::Running);
    Q_EMIT turnStarted(static_cast<int>(id));
}

void SessionController::onProgress(quint64 id, int step, int total, const QImage& preview) {
    if (static_cast<int>(id) != m_running) return;
    m_chat->setProgress(m_running, step, total);
    if (!preview.isNull()) m_document->setPreview(preview, m_previewClip, m_previewOverCanvas);
}

void SessionController::onFinished(quint64 id, const JobOutcome& outcome) {
    const int turnId = static_cast<int>(id);
    m_chat->setResult(turnId, outcome.image, outcome.seed, outcome.steps, outcome.wallMs / 1000.0);
    m_document->clearPreview();
    const TurnRecord& record = m_records[turnId];
    const Provenance provenance = provenanceOf(turnId, outcome);
    LayerModel* layers = m_document->layers();
    if (record.targetLayer && m_document->document().findLayer(record.targetLayer) &&
        layers->addVersion(record.targetLayer, toAceImage(outcome.image, 4), provenance)) {
        // A re-run: the new output is another version of the layer it repeats.
        m_turnLayers[turnId] = record.targetLayer;
        const Layer* layer = m_document->document().findLayer(record.targetLayer);
        Q_EMIT resultLayerAdded(turnId, record.targetLayer, layer->currentVersion);
    } else {
        QString name = QString::fromStdString(provenance.instruction).simplified();
        if (name.size() > 40) name = name.left(39) + QChar(0x2026);
        name = tr("Turn %1: %2").arg(turnId).arg(name);
        // One undo step: the result layer, right above the layer the turn edited, and that layer's
        // role as the next turn's input passes to the result so that turns chain.
        QUndoStack* stack = m_document->undoStack();
        stack->beginMacro(tr("Result of turn %1").arg(turnId));
        const bool followInput = record.inputLayer && m_document->inputLayerId() == record.inputLayer;
        const LayerId id = m_document->addResultLayer(outcome.image, name, provenance, tr("Result of turn %1").arg(turnId),
                                                      followInput ? record.inputLayer : 0);
        if (followInput && id) layers->setInputLayer(id);
        stack->endMacro();
        m_turnLayers[turnId] = id;
        Q_EMIT resultLayerAdded(turnId, id, 0);
    }
    endRun(turnId);
    Q_EMIT turnFinished(turnId);
}

Provenance SessionController::provenanceOf(int turnId, const JobOutcome& outcome) const {
    const TurnRecord& record = m_records[turnId];
    const TurnRequest& r = record.job.request;
    Provenance p;
    p.instruction = r.current.instruction;
    const bool canvas = !record.job.pasteInput.isNull();
    for (int i = 0; i < static_cast<int>(r.current.images.size()); ++i) {
        QString what;
        if (canvas && i == 0) what = record.inputLayer ? record.inputName : QStringLiteral("flattened");
        else what = record.request.attachments.value(canvas ? i - 1 : i).source;
        p.referencedImages.push_back(QString("%1 = %2").arg(imageLabel(i), what).toStdString());
    }
    if (canvas && !r.current.images.front().mask.isNull()) {
        const QString mask = m_document->maskLayerName();
        p.mask = (mask.isEmpty() ? QStringLiteral("mask") : mask).toStdString();
    }
    p.task = taskReferenceName(record.request.task);
    p.seed = outcome.seed;
    p.turn = turnId;
    p.settings = {{"steps", outcome.steps},
                  {"guideScale", r.options.guideScale},
                  {"guideRescale", r.options.guideRescale},
                  {"pasteBack", outcome.pastedBack},
                  {"featherRadius", record.job.featherRadius},
                  {"historyTurns", r.history.size()},
                  {"model", m_modelInfo.name},
                  {"engineSize", {outcome.engineSize.width(), outcome.engineSize.height()}},
                  {"seconds", outcome.wallMs / 1000.0}};
    if (r.current.images.empty()) p.settings["outputSize"] = {r.options.outputWidth, r.options.outputHeight};
    if (record.regeneration) {
        const ChatTurn* turn = m_chat->turn(turnId);
        if (turn && turn->regenerationOf) p.settings["rerunOf"] = turn->regenerationOf;
    }
    return p;
}

void SessionController::onFailed(quint64 id, const QString& message) {
    const int turnId = static_cast<int>(id);
    m_chat->setFailed(turnId, message);
    m_document->clearPreview();
    endRun(turnId);
    Q_EMIT turnFailed(turnId, message);
}

void SessionController::onCancelled(quint64 id) {
    const int turnId = static_cast<int>(id);
    m_chat->setStatus(turnId, TurnStatus::Cancelled);
    m_document->clearPreview();  // the image itself was never touched
    endRun(turnId);
    Q_EMIT turnCancelled(turnId);
}

void SessionController::endRun(int turnId) {
    if (turnId == m_running) m_running = 0;
    updateContext();
    dispatchNext();
    Q_EMIT busyChanged(isBusy());
}

void SessionController::updateContext() {
    const QList<int> ids = nextContextTurns();
    m_chat->setNextContext(QSet<int>(ids.cbegin(), ids.cend()));
    Q_EMIT contextChanged(ids);
}

}  // namespace ace
