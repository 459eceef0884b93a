#include "EngineBackend.h"

namespace ace {
namespace {

class EngineBackend final : public InferenceBackend {
public:
    ModelInfo load(const std::filesystem::path& folder, const ModelLoadOptions& options,
                   const LoadProgressCallback& progress) override {
        // Drop the old model first: two full models may not fit in memory together.
        m_session.reset();
        m_model.reset();
        m_model = AceModel::load(folder, options, progress);
        m_session = std::make_unique<EditSession>(m_model);
        return m_model->info();
    }

    bool isLoaded() const override { return m_session != nullptr; }

    TurnResult run(const TurnRequest& request, const StepCallback& onStep, const CancelToken* cancel) override {
        if (!m_session) throw Error("no model is loaded");
        return m_session->run(request, onStep, cancel);
    }

private:
    std::shared_ptr<AceModel> m_model;
    std::unique_ptr<EditSession> m_session;
};

}  // namespace

std::unique_ptr<InferenceBackend> makeEngineBackend() { return std::make_unique<EngineBackend>(); }

}  // namespace ace
