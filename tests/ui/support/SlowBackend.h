#pragma once
// TEMPORARY seam double for InferenceWorker's threading/queue/cancel tests until the engine's
// AceModel/EditSession land on main; then these tests switch to the real engine on a tiny
// random-weight model (see TestBackends.h). It behaves like the engine at the seam: throws
// ace::Error for a folder without the marker, checks the CancelToken before every step, calls
// back once per step with a preview at latent size, and returns an image at the reference's
// token-budget resolution (multiples of 16) that differs from the input everywhere.
#include "InferenceBackend.h"

namespace ace::test {

class SlowBackend final : public InferenceBackend {
public:
    explicit SlowBackend(int stepMs = 30) : m_stepMs(stepMs) {}
    ModelInfo load(const std::filesystem::path& folder, const ModelLoadOptions& options,
                   const LoadProgressCallback& progress) override;
    bool isLoaded() const override { return m_loaded; }
    TurnResult run(const TurnRequest& request, const StepCallback& onStep, const CancelToken* cancel) override;

private:
    int m_stepMs;
    bool m_loaded = false;
    int m_defaultSteps = 6;
};

}  // namespace ace::test
