#include "SessionController.h"

#include <QRandomGenerator>
#include <QUndoStack>

#include <algorithm>

#include "CanvasDocument.h"
#include "ContextExclusionCommand.h"
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
// A name for an image derived from its content (FNV-1a 64 over its size and bytes).
std::string contentName(const Image& image) {
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::uint8_t b) {
        h ^= b;
        h *= 1099511628211ULL;
    };
    for (int v : {image.width, image.height, image.channels})
        for (int k = 0; k < 4; ++k) mix(static_cast<std::uint8_t>(v >> (8 * k)));
    for (std::uint8_t b : image.data) mix(b);
    char name[32];
    std::snprintf(name, sizeof name, "img-%016llx", static_cast<unsigned long long>(h));
    return name;
}

// A result at the canvas's size (RGBA) given the shape of `layer`: the layer's bounds and alpha,
// so that editing a cut-out layer gives a cut-out result.
Image shapedLike(const Image& canvasResult, const Layer& layer) {
    const Image& shape = layer.image();
    Image out(shape.width, shape.height, 4);  // transparent where the canvas does not reach
    for (int y = 0; y < shape.height; ++y) {
        const int cy = y + layer.y;
        if (cy < 0 || cy >= canvasResult.height) continue;
        for (int x = 0; x < shape.width; ++x) {
            const int cx = x + layer.x;
            if (cx < 0 || cx >= canvasResult.width) continue;
            const std::uint8_t* s = canvasResult.pixel(cx, cy);
            std::uint8_t* d = out.pixel(x, y);
            d[0] = s[0], d[1] = s[1], d[2] = s[2];
            d[3] = shape.pixel(x, y)[3];
        }
    }
    return out;
}

TaskKind taskKindOf(const std::string& referenceName, bool hasImages) {
    for (TaskKind k : {TaskKind::Inpainting, TaskKind::Outpainting, TaskKind::TryOn})
        if (taskReferenceName(k) == referenceName) return k;
    return hasImages ? TaskKind::Automatic : TaskKind::TextToImage;
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

void SessionController::setAssetStore(AssetPut put, AssetGet get) {
    m_putAsset = std::move(put);
    m_getAsset = std::move(get);
}

std::string SessionController::storeAsset(const Image& image) const {
    if (image.isNull() || !m_putAsset) return {};
    const std::string name = contentName(image);
    if (!m_getAsset || !m_getAsset(name)) m_putAsset(name, image);
    return name;
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
            if (const Layer* input = m_document->document().findLayer(record.inputLayer)) {
                Layer shape = *input;
                shape.versions = {input->versions[static_cast<std::size_t>(input->currentVersion)]};
                shape.currentVersion = 0;
                record.inputShape = std::move(shape);
            }
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

int SessionController::regenerate(int turnId) { return rerun(turnId, -1, layerOfTurn(turnId)); }

LayerId SessionController::layerOfTurn(int turnId, int* version) const {
    const LayerId id = m_turnLayers.value(turnId);
    const Layer* layer = id ? m_document->document().findLayer(id) : nullptr;
    if (!layer) return 0;
    // Layer ids are reused after a deletion: a layer with the id but without a version of this
    // turn is not the turn's layer any more.
    for (int v = static_cast<int>(layer->versions.size()) - 1; v >= 0; --v) {
        const auto& p = layer->versions[static_cast<std::size_t>(v)].provenance;
        if (p && p->turn == turnId) {
            if (version) *version = v;
            return id;
        }
    }
    return 0;
}

int SessionController::rerunLayer(quint64 layerId, bool newSeed) {
    const Layer* layer = m_document->document().findLayer(layerId);
    if (!layer || !layer->provenance()) return 0;
    const Provenance& p = *layer->provenance();
    const qint64 seed = newSeed ? -1 : p.seed;
    const auto record = m_records.constFind(p.turn);
    const ChatTurn* turn = m_chat->turn(p.turn);
    // The turn that made it ran in this session: repeat its request exactly.
    if (p.turn > 0 && record != m_records.cend() && record->submitted && turn && m_turnLayers.value(p.turn) == layerId &&
        turn->instruction.toStdString() == p.instruction)
        return rerun(p.turn, seed, layerId);
    // Else (a project opened again) rebuild the request from the provenance and the stored inputs.
    const std::optional<InferenceJob> job = jobFromProvenance(p);
    if (!job) {
        Q_EMIT message(tr("The inputs of layer “%1” are not in this project; send its instruction again "
                          "to make a new result.")
                           .arg(QString::fromStdString(layer->name)));
        return 0;
    }
    SendRequest request;
    request.text = QString::fromStdString(p.instruction);
    request.task = taskKindOf(p.task, !job->request.current.images.empty());
    request.pasteBack = job->pasteBack;
    ChatTurn shown;
    shown.instruction = request.text;
    shown.task = request.task;
    shown.pasteBack = job->pasteBack;
    const bool canvas = !job->pasteInput.isNull();
    for (int i = 0; i < static_cast<int>(job->request.current.images.size()); ++i) {
        const InputImage& in = job->request.current.images[static_cast<std::size_t>(i)];
        // "{image1} = cat.png" -> the attachment's source name.
        QString source = QString::fromStdString(p.referencedImages.size() > static_cast<std::size_t>(i)
                                                    ? p.referencedImages[static_cast<std::size_t>(i)]
                                                    : std::string());
        source = source.section(QStringLiteral(" = "), 1);
        const ChatImage image{toQImage(in.image), toQImage(in.mask), imageLabel(i),
                              canvas && i == 0 ? QStringLiteral("canvas") : source};
        shown.images << image;
        if (!(canvas && i == 0)) request.attachments << image;
    }
    const QString inputName = canvas ? QString::fromStdString(p.referencedImages.empty() ? std::string()
                                                                                           : p.referencedImages.front())
                                           .section(QStringLiteral(" = "), 1)
                                     : QString();
    return queueRerun(std::move(shown), request, *job, seed, layerId, 0, inputName);
}

std::optional<InferenceJob> SessionController::jobFromProvenance(const Provenance& p) const {
    return jobFromJson(p.settings, p.instruction, p.seed);
}

nlohmann::json SessionController::jobJson(const InferenceJob& job) const {
    const TurnRequest& r = job.request;
    const auto entry = [this](const InputImage& in) {
        nlohmann::json e = {{"asset", storeAsset(in.image)}, {"task", in.task}};
        e["mask"] = in.mask.isNull() ? nlohmann::json() : nlohmann::json(storeAsset(in.mask));
        return e;
    };
    nlohmann::json inputs = nlohmann::json::array(), history = nlohmann::json::array();
    for (const InputImage& in : r.current.images) inputs.push_back(entry(in));
    for (const Turn& t : r.history) {
        nlohmann::json e = entry(t.images.front());
        e["instruction"] = t.instruction;
        history.push_back(std::move(e));
    }
    return {{"inputs", std::move(inputs)},
            {"history", std::move(history)},
            {"canvas", !job.pasteInput.isNull()},
            {"options",
             {{"steps", r.options.steps},
              {"guideScale", r.options.guideScale},
              {"guideRescale", r.options.guideRescale},
              {"sampler", r.options.sampler},
              {"outputWidth", r.options.outputWidth},
              {"outputHeight", r.options.outputHeight}}}};
}

std::optional<InferenceJob> SessionController::jobFromJson(const nlohmann::json& s, const std::string& instruction,
                                                           qint64 seed) const {
    if (!m_getAsset || !s.is_object() || !s.contains("inputs") || !s["inputs"].is_array()) return std::nullopt;
    const auto image = [this](const nlohmann::json& entry, const char* key, bool required) -> std::optional<Image> {
        if (!entry.contains(key) || entry[key].is_null()) {
            if (required) return std::nullopt;
            return Image();
        }
        if (!entry[key].is_string()) return std::nullopt;
        const Image* found = m_getAsset(entry[key].get<std::string>());
        if (!found) return std::nullopt;
        return *found;
    };
    const auto inputOf = [&](const nlohmann::json& entry) -> std::optional<InputImage> {
        if (!entry.is_object()) return std::nullopt;
        const auto pixels = image(entry, "asset", true);
        const auto mask = image(entry, "mask", false);
        if (!pixels || !mask) return std::nullopt;
        InputImage in{*pixels, *mask, entry.value("task", std::string())};
        return in;
    };
    try {
        InferenceJob job;
        TurnRequest& r = job.request;
        r.current.instruction = instruction;
        for (const auto& entry : s["inputs"]) {
            auto in = inputOf(entry);
            if (!in) return std::nullopt;
            r.current.images.push_back(std::move(*in));
        }
        if (s.contains("history"))
            for (const auto& entry : s["history"]) {
                auto in = inputOf(entry);
                if (!in) return std::nullopt;
                r.history.push_back(Turn{entry.value("instruction", std::string()), {std::move(*in)}});
            }
        const nlohmann::json o = s.value("options", nlohmann::json::object());
        r.options.steps = o.value("steps", 0);
        r.options.guideScale = o.value("guideScale", r.options.guideScale);
        r.options.guideRescale = o.value("guideRescale", r.options.guideRescale);
        r.options.sampler = o.value("sampler", r.options.sampler);
        r.options.outputWidth = o.value("outputWidth", 0);
        r.options.outputHeight = o.value("outputHeight", 0);
        r.options.seed = seed;
        job.pasteBack = s.value("pasteBack", true);
        job.featherRadius = s.value("featherRadius", m_settings.featherRadius);
        if (!r.history.empty()) job.target = r.history.front().images.front().image;
        else if (!r.current.images.empty()) job.target = r.current.images.front().image;
        if (s.value("canvas", false) && !r.current.images.empty()) {
            job.pasteInput = r.current.images.front().image;
            job.pasteMask = r.current.images.front().mask;
        }
        return job;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a value of the wrong type: not a request this version wrote
    }
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
    return queueRerun(std::move(turn), copy.request, copy.job, seed, targetLayer, copy.inputLayer, copy.inputName);
}

int SessionController::queueRerun(ChatTurn turn, const SendRequest& request, InferenceJob job, qint64 seed,
                                  LayerId targetLayer, LayerId inputLayer, const QString& inputName) {
    if (seed < 0) seed = freshSeed({job.request.options.seed});
    const int id = addTurn(std::move(turn), request);
    TurnRecord& record = m_records[id];
    record.regeneration = true;
    record.job = std::move(job);
    record.job.id = static_cast<quint64>(id);
    record.job.request.options.seed = seed;  // everything else as it was
    record.inputLayer = inputLayer;
    record.inputName = inputName;
    record.targetLayer = targetLayer;
    m_pending.append(id);
    dispatchNext();
    Q_EMIT busyChanged(isBusy());
    return id;
}

void SessionController::useResultAsCanvas(int turnId) {
    const ChatTurn* turn = m_chat->turn(turnId);
    if (!turn || turn->result.isNull()) return;
    LayerModel* layers = m_document->layers();
    const Document& doc = m_document->document();
    int version = -1;
    const LayerId made = layerOfTurn(turnId, &version);
    const Layer* layer = made ? doc.findLayer(made) : nullptr;
    const QString text = tr("Use the result of turn %1").arg(turnId);
    QUndoStack* stack = m_document->undoStack();
    LayerId target = made;
    if (layer) {
        // The result is already a layer: it becomes the next turn's input, showing this turn's
        // version (a regeneration added another one to the same layer), and visible.
        const bool changes = version != layer->currentVersion || !layer->visible || m_document->inputLayerId() != made;
        if (changes) {
            // One undo step, and none when it already is the input as it should be.
            const int row = layers->rowForId(made);
            stack->beginMacro(text);
            layers->showVersion(row, version);
            if (!layer->visible) layers->setLayerVisible(row, true);
            layers->setInputLayer(made);
            stack->endMacro();
        }
    } else {
        // Its layer was deleted: the result comes back as a new layer, with the turn's provenance.
        const auto record = m_records.constFind(turnId);
        const std::optional<Provenance> provenance =
            record != m_records.cend() ? record->provenance : std::optional<Provenance>();
        stack->beginMacro(text);
        target = m_document->addResultLayer(turn->result, resultLayerName(turnId, turn->instruction), provenance, text);
        if (target) layers->setInputLayer(target);
        stack->endMacro();
        if (target) m_turnLayers[turnId] = target;
    }
    if (target) Q_EMIT layerRevealRequested(target);
}

QString SessionController::resultLayerName(int turnId, const QString& instruction) {
    QString name = instruction.simplified();
    if (name.size() > 40) name = name.left(39) + QChar(0x2026);
    return tr("Turn %1: %2").arg(turnId).arg(name);
}

void SessionController::setTurnExcluded(int turnId, bool excluded) { setTurnsExcluded({turnId}, excluded); }

void SessionController::setTurnsExcluded(const QList<int>& turnIds, bool excluded) {
    for (int id : turnIds) m_chat->setExcluded(id, excluded);  // ids no longer in the chat are skipped there
    updateContext();
}

void SessionController::startNewContext() {
    QList<int> inContext;
    for (int id : m_chat->turnIds()) {
        const ChatTurn* turn = m_chat->turn(id);
        if (turn && turn->status == TurnStatus::Done && !turn->excluded) inContext.append(id);
    }
    if (inContext.isEmpty()) return;
    m_document->undoStack()->push(new ContextExclusionCommand(this, inContext, tr("New context")));
}

void SessionController::cancel() {
    for (int id : std::as_const(m_pending)) m_chat->setStatus(id, TurnStatus::Cancelled);
    const bool hadQueued = !m_pending.isEmpty();
    m_pending.clear();
    if (m_running) m_worker->cancel(static_cast<quint64>(m_running));
    if (hadQueued) Q_EMIT busyChanged(isBusy());
}

void SessionController::onStarted(quint64 id, const InferenceJob& job) {
    if (m_dropped.contains(id)) return;
    const bool clipped = job.pasteBack && !job.pasteMask.isNull() && job.pasteInput.width == job.target.width &&
                         job.pasteInput.height == job.target.height;
    m_previewClip = clipped ? toQImage(job.pasteMask) : QImage();
    m_previewOverCanvas = !job.pasteInput.isNull();
    m_chat->setStatus(static_cast<int>(id), TurnStatus::Running);
    Q_EMIT turnStarted(static_cast<int>(id));
}

void SessionController::onProgress(quint64 id, int step, int total, const QImage& preview) {
    if (m_dropped.contains(id)) return;
    if (static_cast<int>(id) != m_running) return;
    m_chat->setProgress(m_running, step, total);
    if (!preview.isNull()) m_document->setPreview(preview, m_previewClip, m_previewOverCanvas);
}

bool SessionController::endDropped(quint64 id) {
    if (!m_dropped.remove(id)) return false;
    // A turn of a conversation that was replaced: its result does not belong to this document.
    if (static_cast<int>(id) == m_running) m_running = 0;
    dispatchNext();
    Q_EMIT busyChanged(isBusy());
    return true;
}

void SessionController::onFinished(quint64 id, const JobOutcome& outcome) {
    if (endDropped(id)) return;
    const int turnId = static_cast<int>(id);
    m_chat->setResult(turnId, outcome.image, outcome.seed, outcome.steps, outcome.wallMs / 1000.0);
    m_document->clearPreview();
    // The result is fine but the user should know why it was slow (the GPU ran out of memory).
    if (!outcome.notice.isEmpty()) Q_EMIT message(tr("Turn %1: %2").arg(turnId).arg(outcome.notice));
    const TurnRecord& record = m_records[turnId];
    const Provenance provenance = provenanceOf(turnId, outcome);
    m_records[turnId].provenance = provenance;  // for bringing the result back if its layer is deleted
    LayerModel* layers = m_document->layers();
    const Document& doc = m_document->document();
    const Image result = outcome.rgba.isNull() ? toAceImage(outcome.image, 4) : outcome.rgba;
    // Results registered to the canvas take the shape of the layer they belong to.
    const bool canvasSized = result.width == doc.width() && result.height == doc.height();
    const Layer* target = record.targetLayer ? doc.findLayer(record.targetLayer) : nullptr;
    if (target && layers->addVersion(record.targetLayer, canvasSized ? shapedLike(result, *target) : result, provenance)) {
        // A re-run: the new output is another version of the layer it repeats.
        m_turnLayers[turnId] = record.targetLayer;
        Q_EMIT resultLayerAdded(turnId, record.targetLayer, doc.findLayer(record.targetLayer)->currentVersion);
    } else {
        const QString name = resultLayerName(turnId, QString::fromStdString(provenance.instruction));
        const QString text = tr("Result of turn %1").arg(turnId);
        // One undo step: the result layer, right above the layer the turn edited, and that layer's
        // role as the next turn's input passes to the result so that turns chain.
        QUndoStack* stack = m_document->undoStack();
        stack->beginMacro(text);
        const int inputIndex = record.inputLayer ? doc.indexOf(record.inputLayer) : -1;
        const bool followInput = inputIndex >= 0 && m_document->inputLayerId() == record.inputLayer;
        LayerId id = 0;
        if (record.inputShape && canvasSized) {
            // An edited layer: the result has its bounds, alpha, opacity and blend mode.
            const Layer& shape = *record.inputShape;
            Layer layer = Layer::raster(name.toStdString(), shapedLike(result, shape), shape.x, shape.y);
            layer.opacity = shape.opacity;
            layer.blendMode = shape.blendMode;
            layer.versions.front().provenance = provenance;
            id = layers->addLayer(std::move(layer), text, inputIndex < 0 ? -1 : inputIndex + 1);
        } else {
            id = m_document->addResultLayer(result, name, provenance, text,
                                            inputIndex >= 0 ? record.inputLayer : 0);
        }
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
                  {"guideScale", outcome.guideScale},
                  {"guideRescale", outcome.guideRescale},
                  {"pasteBack", outcome.pastedBack},
                  {"featherRadius", record.job.featherRadius},
                  {"historyTurns", r.history.size()},
                  {"model", m_modelInfo.name},
                  {"engineSize", {outcome.engineSize.width(), outcome.engineSize.height()}},
                  {"seconds", outcome.wallMs / 1000.0},
                  {"device", outcome.device.toStdString()}};
    if (!outcome.notice.isEmpty()) p.settings["notice"] = outcome.notice.toStdString();
    if (r.current.images.empty()) p.settings["outputSize"] = {outcome.engineSize.width(), outcome.engineSize.height()};
    // What a re-run needs after the project is opened again: the request, its images as assets.
    if (m_putAsset) p.settings.update(jobJson(record.job));
    if (record.regeneration) {
        const ChatTurn* turn = m_chat->turn(turnId);
        if (turn && turn->regenerationOf) p.settings["rerunOf"] = turn->regenerationOf;
    }
    return p;
}

void SessionController::onFailed(quint64 id, const QString& message) {
    if (endDropped(id)) return;
    const int turnId = static_cast<int>(id);
    m_chat->setFailed(turnId, message);
    m_document->clearPreview();
    endRun(turnId);
    Q_EMIT turnFailed(turnId, message);
}

void SessionController::onCancelled(quint64 id) {
    if (endDropped(id)) return;
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
