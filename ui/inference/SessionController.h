#pragma once
// The GUI-thread side of a conversation. It turns a sent message plus the canvas into an engine
// request (with the earlier turns the history length allows), keeps turns queued while one runs,
// hands each to the InferenceWorker on its thread, and routes the worker's signals: previews to
// the canvas, progress and results to the chat. Each result becomes a new raster layer of the
// document (one undo step) carrying its Provenance; re-running a result layer (from the layer
// panel, or regenerating its turn in the chat) adds the new output as another version of that
// layer. A turn's {image} is the document's input layer (or the composite) with the edit mask.
// Queued turns take the canvas as it is when they start, so "do X", "then Y" chain.
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>
#include <optional>

#include "ChatModel.h"
#include "InferenceBackend.h"
#include "InferenceWorker.h"
#include "ace/document/Layer.h"

namespace ace {

class CanvasDocument;

struct GenerationSettings {
    int steps = 0;  // 0: the model's default
    double guideScale = 0.0;  // <= 1: the model's default (ace_model.json; the release's is 4.5)
    double guideRescale = 0.5;
    bool randomSeed = true;
    qint64 seed = 42;
    int outputWidth = 0;  // text to image, multiples of 16; 0: the model's default size
    int outputHeight = 0;
    int historyLength = 5;  // earlier turns in each request; the reference's chatbot keeps 5
    double featherRadius = 6.0;
};

class SessionController final : public QObject {
    Q_OBJECT
public:
    SessionController(CanvasDocument* document, ChatModel* chat, BackendFactory backend, QObject* parent = nullptr);
    ~SessionController() override;

    InferenceWorker* worker() const { return m_worker; }
    const GenerationSettings& settings() const { return m_settings; }
    void setSettings(const GenerationSettings& settings);

    bool isModelLoaded() const { return m_modelLoaded; }
    bool isLoading() const { return m_loading; }
    const ModelInfo& modelInfo() const { return m_modelInfo; }
    bool isBusy() const { return m_running != 0 || !m_pending.isEmpty(); }
    int runningTurn() const { return m_running; }
    QList<int> queuedTurns() const { return m_pending; }
    // Where each result's input images go so that its layer can be re-run after the project is
    // saved and opened again: the project's assets (named by content, so shared history images
    // are stored once). `put` stores an image under a name, `get` finds one (nullptr: absent).
    using AssetPut = std::function<void(const std::string& name, const Image& image)>;
    using AssetGet = std::function<const Image*(const std::string& name)>;
    void setAssetStore(AssetPut put, AssetGet get);
    // The request a result layer's provenance describes, rebuilt from the stored assets; nullopt
    // when an asset is missing or the provenance predates them.
    std::optional<InferenceJob> jobFromProvenance(const Provenance& provenance) const;

    // The conversation as the project stores it (the session JSON's "conversation", README
    // "Project file format"): every turn with its request, its images, masks and result as
    // project assets (through the asset store), task, seed, steps, time, whether it is in the
    // context, and the request it sent (so the next turn's history is the same after reopening).
    nlohmann::json conversationJson() const;
    // Replaces the conversation with one read back from a project (null: none, an empty chat).
    // The running turn and queued ones are cancelled; their results never reach the new document.
    // On a malformed value the chat is left empty and `error` says why.
    bool restoreConversation(const nlohmann::json& conversation, QString* error = nullptr);

    // The turns the next request carries as history, oldest first.
    QList<int> nextContextTurns() const;
    // Builds the request a turn would send now (used when it starts; public for the chat's preview of the context).
    InferenceJob buildJob(int turnId) const;

public Q_SLOTS:
    void loadModel(const QString& folder, const ace::ModelLoadOptions& options);
    int send(const ace::SendRequest& request);
    void cancel();  // the running turn and every queued one
    int regenerate(int turnId);
    // Runs the turn recorded in a result layer's provenance again, with its seed or a new one,
    // and adds the output as a new version of that layer. Returns the new turn's id, 0 when the
    // layer has no turn of this session to repeat (message() says why).
    int rerunLayer(quint64 layerId, bool newSeed);
    // The turn's result becomes the next turn's input: its result layer (showing the turn's
    // version, made visible), or a new layer with it when that layer was deleted. One undo step.
    void useResultAsCanvas(int turnId);
    void setTurnExcluded(int turnId, bool excluded);
    void setTurnsExcluded(const QList<int>& turnIds, bool excluded);
    // Takes every finished turn out of the context (a new picture was opened: turns that edited
    // another one would steer its edits as history). The chat keeps them; each can be put back
    // with the eye button, all of them by undoing: this is an undo step of the document's stack
    // (inside the open's macro when the open emits it).
    void startNewContext();

Q_SIGNALS:
    void jobSubmitted(const ace::InferenceJob& job);  // queued to the worker
    void loadRequested(const QString& folder, const ace::ModelLoadOptions& options);
    void modelLoading(const QString& stage, double fraction);
    void modelReady(const ace::ModelInfo& info);
    void modelFailed(const QString& message);
    void busyChanged(bool busy);
    void contextChanged(const QList<int>& turnIds);
    void turnStarted(int turnId);
    void turnFinished(int turnId);
    void turnFailed(int turnId, const QString& message);
    void turnCancelled(int turnId);
    // A result layer was added (or a version of one, when `version` > 0) for a finished turn.
    void resultLayerAdded(int turnId, quint64 layerId, int version);
    // The layer panel should select and show this layer (use as canvas picked it).
    void layerRevealRequested(quint64 layerId);
    // Something the user should read (the status bar shows it).
    void message(const QString& text);

private:
    void dispatchNext();
    void onStarted(quint64 id, const ace::InferenceJob& job);
    void onProgress(quint64 id, int step, int total, const QImage& preview);
    void onFinished(quint64 id, const ace::JobOutcome& outcome);
    void onFailed(quint64 id, const QString& message);
    void onCancelled(quint64 id);
    void endRun(int turnId);
    void updateContext();
    int addTurn(ChatTurn turn, const SendRequest& request);
    int rerun(int turnId, qint64 seed, LayerId targetLayer);
    int queueRerun(ChatTurn turn, const SendRequest& request, InferenceJob job, qint64 seed, LayerId targetLayer,
                   LayerId inputLayer, const QString& inputName);
    std::string storeAsset(const Image& image) const;
    // A request as JSON ("inputs", "history", "canvas", "options"; images as asset names), and back.
    nlohmann::json jobJson(const InferenceJob& job) const;
    std::optional<InferenceJob> jobFromJson(const nlohmann::json& s, const std::string& instruction, qint64 seed) const;
    nlohmann::json turnJson(int turnId) const;
    void dropRunningTurns();
    static QString resultLayerName(int turnId, const QString& instruction);
    // The result layer a turn made or versioned, and which of its versions is the turn's; 0 when
    // it was deleted.
    LayerId layerOfTurn(int turnId, int* version = nullptr) const;
    bool endDropped(quint64 jobId);
    Provenance provenanceOf(int turnId, const JobOutcome& outcome) const;

    CanvasDocument* m_document;
    ChatModel* m_chat;
    QThread m_thread;
    InferenceWorker* m_worker;
    GenerationSettings m_settings;
    bool m_modelLoaded = false;
    bool m_loading = false;
    ModelInfo m_modelInfo;

    struct TurnRecord {
        SendRequest request;
        QImage maskAtSend;      // the canvas mask when the user sent (Grayscale8), or null
        InferenceJob job;       // as submitted (after it started)
        bool submitted = false;
        bool regeneration = false;
        LayerId inputLayer = 0;    // the layer that was {image} (0: the composite or no canvas)
        QString inputName;         // what {image} was, for the provenance
        LayerId targetLayer = 0;   // a re-run: the result layer that gets the new version
        std::optional<Layer> inputShape;  // the input layer as it was (its shown pixels only)
        // The turn as the project stores it once it is over (its images already stored as
        // assets), so that each save does not convert and hash them again.
        mutable nlohmann::json stored;
        std::optional<Provenance> provenance;  // of its result, once it finished
    };
    QHash<int, TurnRecord> m_records;
    QHash<int, LayerId> m_turnLayers;  // turn -> the result layer it made or versioned
    AssetPut m_putAsset;
    AssetGet m_getAsset;
    QList<int> m_pending;
    int m_running = 0;
    // Jobs of a conversation that was replaced (a project opened while one ran): their signals are ignored.
    QSet<quint64> m_dropped;
    QImage m_previewClip;  // the running turn's mask when its unmasked pixels are kept
    bool m_previewOverCanvas = true;  // the running turn edits the canvas image
};

}  // namespace ace

