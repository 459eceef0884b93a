#pragma once
// The GUI-thread side of a conversation. It turns a sent message plus the canvas into an engine
// request (with the earlier turns the history length allows), keeps turns queued while one runs,
// hands each to the InferenceWorker on its thread, and routes the worker's signals: previews to
// the canvas, progress and results to the chat, each result to the canvas as one undo step.
// Queued turns take the canvas as it is when they start, so "do X", "then Y" chain.
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QThread>

#include "ChatModel.h"
#include "InferenceBackend.h"
#include "InferenceWorker.h"

namespace ace {

class CanvasDocument;

struct GenerationSettings {
    int steps = 0;  // 0: the model's default
    double guideScale = 4.5;
    double guideRescale = 0.5;
    bool randomSeed = true;
    qint64 seed = 42;
    int outputWidth = 512;  // text to image, multiples of 16
    int outputHeight = 512;
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
    // The turns the next request carries as history, oldest first.
    QList<int> nextContextTurns() const;
    // Builds the request a turn would send now (used when it starts; public for the chat's preview of the context).
    InferenceJob buildJob(int turnId) const;

public Q_SLOTS:
    void loadModel(const QString& folder, const ace::ModelLoadOptions& options);
    int send(const ace::SendRequest& request);
    void cancel();  // the running turn and every queued one
    int regenerate(int turnId);
    void useResultAsCanvas(int turnId);
    void setTurnExcluded(int turnId, bool excluded);

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
    };
    QHash<int, TurnRecord> m_records;
    QList<int> m_pending;
    int m_running = 0;
    QImage m_previewClip;  // the running turn's mask when its unmasked pixels are kept
    bool m_previewOverCanvas = true;  // the running turn edits the canvas image
};

}  // namespace ace

