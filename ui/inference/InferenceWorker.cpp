#include "InferenceWorker.h"

#include <QElapsedTimer>

#include <new>

#include "ImageConvert.h"
#include "ace/imaging/EditCompositing.h"

namespace ace {

InferenceWorker::InferenceWorker(BackendFactory factory, QObject* parent)
    : QObject(parent), m_factory(std::move(factory)) {
    qRegisterMetaType<ace::InferenceJob>();
    qRegisterMetaType<ace::JobOutcome>();
    qRegisterMetaType<ace::ModelInfo>();
    qRegisterMetaType<ace::ModelLoadOptions>();
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::cancel(quint64 jobId) {
    std::lock_guard lock(m_mutex);
    if (jobId == m_current) m_token.cancel();
    else m_cancelled.insert(jobId);
}

quint64 InferenceWorker::currentJob() const {
    std::lock_guard lock(m_mutex);
    return m_current;
}

QString userMessage(const std::exception& error, bool loading) {
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return loading ? InferenceWorker::tr("Not enough memory to load the model. Close other programs, or choose "
                                             "half precision or the GPU in Settings.")
                       : InferenceWorker::tr("Not enough memory for this turn. Use a smaller image, fewer earlier "
                                             "turns in the context (Settings, history length), or close other programs.");
    const QString what = QString::fromStdString(error.what());
    if (dynamic_cast<const Error*>(&error)) {
        if (!loading) return what;
        return InferenceWorker::tr("The model could not be loaded: %1\n\nChoose a complete ACE model folder in "
                                   "Settings (it holds models/dit, models/vae, models/text_encoder and "
                                   "models/tokenizer, as in the ACE-0.6B-512px release), then load it again.")
            .arg(what);
    }
    return InferenceWorker::tr("Unexpected error in the engine: %1").arg(what);
}

void InferenceWorker::loadModel(const QString& folder, const ace::ModelLoadOptions& options) {
    try {
        if (!m_backend) m_backend = m_factory();
        const ModelInfo info = m_backend->load(folder.toStdString(), options, [this](const LoadProgress& p) {
            Q_EMIT loadProgress(QString::fromStdString(p.stage), p.fraction);
        });
        Q_EMIT modelLoaded(info);
    } catch (const std::exception& e) {
        Q_EMIT loadFailed(userMessage(e, true));
    }
}

void InferenceWorker::submit(const ace::InferenceJob& job) {
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled.erase(job.id)) {
            Q_EMIT cancelled(job.id);
            return;
        }
        m_current = job.id;
        m_token.reset();
    }
    Q_EMIT jobStarted(job.id, job);
    QElapsedTimer clock;
    clock.start();
    try {
        if (!m_backend || !m_backend->isLoaded())
            throw Error("No model is loaded. Choose the model folder in Settings; the turn can then be sent again.");
        const TurnResult result = m_backend->run(
            job.request,
            [this, &job](const StepProgress& step) {
                Q_EMIT progress(job.id, step.step, step.totalSteps, toQImage(step.preview));
            },
            &m_token);
        JobOutcome outcome = finish(job, result);
        outcome.wallMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        Q_EMIT finished(job.id, outcome);
    } catch (const Cancelled&) {
        Q_EMIT cancelled(job.id);
    } catch (const std::exception& e) {
        Q_EMIT failed(job.id, userMessage(e, false));
    }
    std::lock_guard lock(m_mutex);
    m_current = 0;
}

JobOutcome InferenceWorker::finish(const InferenceJob& job, const TurnResult& result) const {
    JobOutcome out;
    out.engineSize = QSize(result.image.width, result.image.height);
    out.seed = result.seed;
    out.steps = result.steps;
    out.guideScale = result.guideScale;
    out.guideRescale = result.guideRescale;
    out.timings = result.timings;
    out.device = QString::fromStdString(result.device);
    out.notice = QString::fromStdString(result.notice);
    Image image = result.image;
    // Registration and paste-back run here, off the GUI thread: at 2048 x 2048 they take tens of ms.
    if (!job.target.isNull()) {
        image = registerToInput(image, job.target);
        if (job.pasteBack && !job.pasteMask.isNull() && !job.pasteInput.isNull() &&
            job.pasteInput.width == image.width && job.pasteInput.height == image.height) {
            image = pasteBack(job.pasteInput, image, job.pasteMask, {true, job.featherRadius});
            out.pastedBack = true;
        }
    }
    out.image = toQImage(image);
    // The layer's pixels too: at 2048 x 2048 the conversion would stall the GUI thread.
    if (image.channels != 3) {
        out.rgba = toAceImage(out.image, 4);
        return out;
    }
    out.rgba = Image(image.width, image.height, 4);
    const std::uint8_t* s = image.data.data();
    std::uint8_t* d = out.rgba.data.data();
    for (std::size_t i = 0, n = static_cast<std::size_t>(image.width) * image.height; i < n; ++i, s += 3, d += 4)
        d[0] = s[0], d[1] = s[1], d[2] = s[2], d[3] = 255;
    return out;
}

}  // namespace ace
