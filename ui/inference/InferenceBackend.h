#pragma once
// The worker's seam to the engine: load a model, run a turn. The application uses
// EngineBackend (AceModel + EditSession); the seam keeps InferenceWorker's threading, queueing and
// cancelling independent of how a turn is computed.
#include <filesystem>
#include <functional>
#include <memory>

#include "ace/engine/Pipeline.h"

namespace ace {

class InferenceBackend {
public:
    virtual ~InferenceBackend() = default;
    // Throws ace::Error with a message a user can act on.
    virtual ModelInfo load(const std::filesystem::path& folder, const ModelLoadOptions& options,
                           const LoadProgressCallback& progress) = 0;
    virtual bool isLoaded() const = 0;
    // Blocking; throws ace::Cancelled when `cancel` is set, ace::Error for bad input.
    virtual TurnResult run(const TurnRequest& request, const StepCallback& onStep, const CancelToken* cancel) = 0;
};

// Creates the backend on the worker's thread (the engine's objects then live there).
using BackendFactory = std::function<std::unique_ptr<InferenceBackend>()>;

}  // namespace ace
