#pragma once
// The backend the GUI tests run. Until the engine's AceModel/EditSession land on main this is the
// seam double SlowBackend with a marker-file model folder; afterwards: the real engine
// (makeEngineBackend) on a tiny random-weight model folder created by the engine's test helper.
#include <QString>

#include "InferenceBackend.h"

namespace ace::test {

BackendFactory testBackend();
// A model folder the backend loads (created once per process under a temporary directory).
QString workingModelFolder();
// A folder with the release layout whose DiT checkpoint is unreadable.
QString brokenModelFolder();

}  // namespace ace::test
