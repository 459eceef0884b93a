// SessionController: the conversation written into the project and read back (the session
// JSON's "conversation"; the format is described in README.md, "Project file format").
#include <QUndoStack>

#include <algorithm>
#include <stdexcept>

#include "CanvasDocument.h"
#include "ImageConvert.h"
#include "SessionController.h"
#include "ace/document/Document.h"

namespace ace {
namespace {

constexpr int kConversationVersion = 1;

// Stable names for the task kinds in the file (the enum's order may change).
struct TaskKey {
    TaskKind kind;
    const char* key;
};
constexpr TaskKey kTaskKeys[] = {
    {TaskKind::Automatic, "automatic"},         {TaskKind::TextToImage, "text-to-image"},
    {TaskKind::Inpainting, "inpainting"},       {TaskKind::Outpainting, "outpainting"},
    {TaskKind::ReferenceGuided, "reference"},   {TaskKind::TryOn, "try-on"},
    {TaskKind::LayerDecouple, "layer-decouple"}, {TaskKind::LayerFusion, "layer-fusion"},
};

std::string taskKey(TaskKind kind) {
    for (const TaskKey& t : kTaskKeys)
        if (t.kind == kind) return t.key;
    return "automatic";
}

TaskKind taskFromKey(const std::string& key) {
    for (const TaskKey& t : kTaskKeys)
        if (key == t.key) return t.kind;
    throw std::runtime_error("unknown task '" + key + "'");
}

const char* statusKey(TurnStatus status) {
    switch (status) {
    case TurnStatus::Done: return "done";
    case TurnStatus::Failed: return "failed";
    default: return "cancelled";  // a queued or running turn does not run again after reopening
    }
}

TurnStatus statusFromKey(const std::string& key) {
    if (key == "done") return TurnStatus::Done;
    if (key == "failed") return TurnStatus::Failed;
    if (key == "cancelled") return TurnStatus::Cancelled;
    throw std::runtime_error("unknown status '" + key + "'");
}

bool isOver(TurnStatus status) {
    return status == TurnStatus::Done || status == TurnStatus::Failed || status == TurnStatus::Cancelled;
}

// A malformed conversation: the message names the turn and the field.
[[noreturn]] void fail(int index, const std::string& what) {
    throw std::runtime_error("turn " + std::to_string(index) + ": " + what);
}

}  // namespace

nlohmann::json SessionController::turnJson(int turnId) const {
    const ChatTurn* turn = m_chat->turn(turnId);
    const TurnRecord& record = m_records[turnId];
    const bool over = isOver(turn->status) && turnId != m_running && !m_pending.contains(turnId);
    if (over && !record.stored.is_null()) return record.stored;

    // Images go into the project's assets by content name; an image shared by turns is stored once.
    const auto asset = [this](const QImage& image, int channels) -> nlohmann::json {
        if (image.isNull()) return nullptr;
        return storeAsset(toAceImage(image, channels));
    };
    const auto images = [&](const QList<ChatImage>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const ChatImage& i : list)
            out.push_back({{"label", i.label.toStdString()},
                           {"source", i.source.toStdString()},
                           {"image", asset(i.image, 3)},
                           {"mask", asset(i.mask, 1)}});
        return out;
    };
    nlohmann::json j = {
        {"id", turnId},
        {"instruction", turn->instruction.toStdString()},
        {"task", taskKey(turn->task)},
        {"pasteBack", turn->pasteBack},
        {"regenerationOf", turn->regenerationOf},
        {"status", statusKey(turn->status)},
        {"started", turn->started && turn->status != TurnStatus::Queued},
        {"seed", turn->seed},
        {"steps", turn->steps},
        {"seconds", turn->seconds},
        {"error", turn->error.toStdString()},
        {"images", images(turn->images)},
        {"result", asset(turn->result, 3)},
        {"request",
         {{"text", record.request.text.toStdString()},
          {"task", taskKey(record.request.task)},
          {"pasteBack", record.request.pasteBack},
          {"maskAtSend", asset(record.maskAtSend, 1)},
          {"attachments", images(record.request.attachments)}}},
        {"submitted", record.submitted},
        {"regeneration", record.regeneration},
        {"inputLayer", record.inputLayer},
        {"inputName", record.inputName.toStdString()},
        {"targetLayer", record.targetLayer},
        {"provenance", record.provenance ? provenanceToJson(*record.provenance) : nlohmann::json()},
    };
    if (record.submitted) {
        nlohmann::json job = jobJson(record.job);
        job["instruction"] = record.job.request.current.instruction;
        job["seed"] = record.job.request.options.seed;
        job["pasteBack"] = record.job.pasteBack;
        job["featherRadius"] = record.job.featherRadius;
        j["job"] = std::move(job);
    } else {
        j["job"] = nullptr;
    }
    if (over) record.stored = j;
    return j;
}

nlohmann::json SessionController::conversationJson() const {
    nlohmann::json turns = nlohmann::json::array();
    for (int id : m_chat->turnIds()) {
        if (!m_chat->turn(id) || !m_records.contains(id)) continue;
        nlohmann::json j = turnJson(id);
        // What changes after a turn is over.
        j["excluded"] = m_chat->turn(id)->excluded;
        j["layer"] = m_turnLayers.value(id);
        turns.push_back(std::move(j));
    }
    return {{"version", kConversationVersion}, {"turns", std::move(turns)}};
}

void SessionController::dropRunningTurns() {
    m_pending.clear();
    if (m_running) {
        // Its signals still come (cancelled, or finished if it was about to); they are ignored.
        // m_running stays set until then, so nothing new starts on the worker meanwhile.
        m_dropped.insert(static_cast<quint64>(m_running));
        m_worker->cancel(static_cast<quint64>(m_running));
    }
    m_document->clearPreview();
}

bool SessionController::restoreConversation(const nlohmann::json& conversation, QString* error) {
    dropRunningTurns();
    m_records.clear();
    m_turnLayers.clear();

    // New turns are numbered after every turn the document's layers name, so that a layer's
    // provenance never points at a later, unrelated turn.
    int nextId = 1;
    const Document& doc = m_document->document();
    for (int i = 0; i < doc.layerCount(); ++i)
        for (const LayerVersion& v : doc.layer(i).versions)
            if (v.provenance) nextId = std::max(nextId, v.provenance->turn + 1);

    QList<ChatTurn> turns;
    QHash<int, TurnRecord> records;
    QHash<int, LayerId> layers;
    bool ok = true;
    try {
        if (!conversation.is_null()) {
            if (!conversation.is_object()) throw std::runtime_error("not an object");
            const int version = conversation.value("version", 0);
            if (version > kConversationVersion)
                throw std::runtime_error("written by a newer ACE Desktop (conversation version " +
                                         std::to_string(version) + ")");
            const nlohmann::json& list = conversation.at("turns");
            if (!list.is_array()) throw std::runtime_error("'turns' is not a list");
            int index = 0;
            for (const nlohmann::json& t : list) {
                const auto qimage = [&](const nlohmann::json& name) -> QImage {
                    if (name.is_null()) return {};
                    const Image* image = m_getAsset ? m_getAsset(name.get<std::string>()) : nullptr;
                    if (!image) fail(index, "the image '" + name.get<std::string>() + "' is not in the project");
                    return toQImage(*image);
                };
                const auto images = [&](const nlohmann::json& list) {
                    QList<ChatImage> out;
                    for (const nlohmann::json& i : list)
                        out << ChatImage{qimage(i.at("image")), qimage(i.at("mask")),
                                         QString::fromStdString(i.at("label").get<std::string>()),
                                         QString::fromStdString(i.at("source").get<std::string>())};
                    return out;
                };
                ChatTurn turn;
                turn.id = t.at("id").get<int>();
                if (turn.id < 1 || records.contains(turn.id)) fail(index, "bad or repeated id");
                turn.instruction = QString::fromStdString(t.at("instruction").get<std::string>());
                turn.task = taskFromKey(t.at("task").get<std::string>());
                turn.pasteBack = t.at("pasteBack").get<bool>();
                turn.regenerationOf = t.value("regenerationOf", 0);
                turn.status = statusFromKey(t.at("status").get<std::string>());
                turn.started = t.value("started", false);
                turn.seed = t.value("seed", qint64(-1));
                turn.steps = t.value("steps", 0);
                turn.seconds = t.value("seconds", 0.0);
                turn.error = QString::fromStdString(t.value("error", std::string()));
                turn.excluded = t.value("excluded", false);
                turn.images = images(t.at("images"));
                turn.result = qimage(t.at("result"));
                if (turn.status == TurnStatus::Done && turn.result.isNull()) fail(index, "a finished turn without its result");

                TurnRecord record;
                const nlohmann::json& r = t.at("request");
                record.request.text = QString::fromStdString(r.at("text").get<std::string>());
                record.request.task = taskFromKey(r.at("task").get<std::string>());
                record.request.pasteBack = r.at("pasteBack").get<bool>();
                record.request.attachments = images(r.at("attachments"));
                record.maskAtSend = qimage(r.at("maskAtSend"));
                record.submitted = t.at("submitted").get<bool>();
                record.regeneration = t.at("regeneration").get<bool>();
                record.inputLayer = t.value("inputLayer", LayerId(0));
                record.inputName = QString::fromStdString(t.value("inputName", std::string()));
                record.targetLayer = t.value("targetLayer", LayerId(0));
                if (record.submitted) {
                    const nlohmann::json& job = t.at("job");
                    auto parsed = jobFromJson(job, job.at("instruction").get<std::string>(), job.at("seed").get<qint64>());
                    if (!parsed) fail(index, "its request refers to images that are not in the project");
                    record.job = std::move(*parsed);
                    record.job.id = static_cast<quint64>(turn.id);
                }
                if (t.contains("provenance") && !t["provenance"].is_null())
                    record.provenance = provenanceFromJson(t["provenance"]);
                const LayerId layer = t.value("layer", LayerId(0));
                if (layer) layers.insert(turn.id, layer);
                records.insert(turn.id, std::move(record));
                turns << std::move(turn);
                ++index;
            }
        }
    } catch (const std::exception& e) {
        // nlohmann's exceptions name the missing key or the wrong type.
        if (error) *error = tr("The conversation in this project could not be read (%1); the chat starts empty.")
                                .arg(QString::fromUtf8(e.what()));
        turns.clear();
        records.clear();
        layers.clear();
        ok = false;
    }
    m_records = std::move(records);
    m_turnLayers = std::move(layers);
    m_chat->restoreTurns(turns, nextId);
    updateContext();
    Q_EMIT busyChanged(isBusy());
    return ok;
}

}  // namespace ace
