#pragma once
#include "InferenceBackend.h"

namespace ace {

// The real engine: one AceModel, one EditSession per loaded model (the conversation's caches).
std::unique_ptr<InferenceBackend> makeEngineBackend();

}  // namespace ace
