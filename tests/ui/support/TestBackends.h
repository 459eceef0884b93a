#pragma once
// The backend the GUI tests run: the real engine (makeEngineBackend: AceModel + EditSession) on
// tiny random-weight model folders written by the engine's createRandomModel. No doubles.
#include <QString>

#include "InferenceBackend.h"

namespace ace::test {

BackendFactory testBackend();
// A tiny random-weight model folder (created once per process under a temporary directory).
QString workingModelFolder();
// The same, with its DiT checkpoint cut in half.
QString brokenModelFolder();

}  // namespace ace::test
