#pragma once
// The engine's thread. An InferenceWorker lives on its own QThread (SessionController moves it
// there) and owns the backend: loading and every run happen on that thread. The GUI talks to it
// only through queued signals and slots, plus cancel(), which is thread-safe: a running job stops
// before its next denoising step (the engine checks the CancelToken once per step), a queued one
// is dropped when it comes up.
#include <QImage>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <set>

#include "InferenceBackend.h"
#include "ace/engine/Pipeline.h"

namespace ace {

// One turn as the worker receives it: the engine request, and what the worker needs to map the
// result back onto the canvas (registration to the target image's geometry, paste-back of the
// pixels outside the mask from the canvas input).
struct InferenceJob {
    quint64 id = 0;
    TurnRequest request;
    Image target;       // RGB8 frame-0 input the result is registered to; empty for text-to-image
    Image pasteInput;   // RGB8 canvas input for paste-back (the target's size), or empty
    Image pasteMask;    // 1 channel, or empty: no paste-back
    bool pasteBack = true;
    double featherRadius = 6.0;
};

struct JobOutcome {
    QImage image;          // final: registered to the target, pasted back; RGB888
    Image rgba;            // the same as RGBA8 (opaque), converted on the worker thread for the result layer
    QSize engineSize;      // what the engine produced
    qint64 seed = 0;
    int steps = 0;
    double guideScale = 0.0;  // as the engine used them (the model's defaults where none were set)
    double guideRescale = 0.0;
    bool pastedBack = false;
    StageTimings timings;
    double wallMs = 0.0;   // measured by the worker around the whole run
    QString device;        // where it ran ("cpu", "cuda:0")
    QString notice;        // the engine's word for the user (e.g. out of GPU memory, ran on the CPU); usually empty
};

class InferenceWorker final : public QObject {
    Q_OBJECT
public:
    explicit InferenceWorker(BackendFactory factory, QObject* parent = nullptr);
    ~InferenceWorker() override;

    // Thread-safe.
    void cancel(quint64 jobId);
    quint64 currentJob() const;

public Q_SLOTS:
    void loadModel(const QString& folder, const ace::ModelLoadOptions& options);
    void submit(const ace::InferenceJob& job);

Q_SIGNALS:
    void loadProgress(const QString& stage, double fraction);
    void modelLoaded(const ace::ModelInfo& info);
    void loadFailed(const QString& message);
    // The job as the worker received it, when it starts computing it.
    void jobStarted(quint64 id, const ace::InferenceJob& job);
    void progress(quint64 id, int step, int total, const QImage& preview);
    void finished(quint64 id, const ace::JobOutcome& outcome);
    void failed(quint64 id, const QString& message);
    void cancelled(quint64 id);

private:
    JobOutcome finish(const InferenceJob& job, const TurnResult& result) const;

    BackendFactory m_factory;
    std::unique_ptr<InferenceBackend> m_backend;
    CancelToken m_token;
    mutable std::mutex m_mutex;
    quint64 m_current = 0;
    std::set<quint64> m_cancelled;
};

// Turns an exception from the engine into a message a user can act on.
QString userMessage(const std::exception& error, bool loading);

}  // namespace ace

Q_DECLARE_METATYPE(ace::InferenceJob)
Q_DECLARE_METATYPE(ace::JobOutcome)
Q_DECLARE_METATYPE(ace::ModelInfo)
Q_DECLARE_METATYPE(ace::ModelLoadOptions)
