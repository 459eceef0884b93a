#pragma once
// The parts of a training step that do not depend on the stage: the end of an optimizer step
// (clip, warm-up rate, AdamW, EMA) and the checkpoint meta both trainers write.
#include <chrono>
#include <string>

#include "AdamW.h"
#include "Ema.h"
#include "TrainCheckpoint.h"
#include "TrainConfig.h"
#include "TrainStats.h"

namespace ace::train {

// After the backward passes of step `step` (0-based, incremented here): clips the gradients,
// applies AdamW at the warm-up rate, clears the gradients and updates the EMA; fills the step,
// gradient norm, rate and wall time of `stats`.
void finishOptimizerStep(const NamedTensors& params, AdamW& adam, Ema& ema, const StageSettings& settings,
                         int64_t& step, StepStats& stats, std::chrono::steady_clock::time_point start);

// The meta of a stage checkpoint: stage, step, data cursor, data seed and the run's settings.
CheckpointMeta stageCheckpointMeta(const std::string& stage, int64_t step, uint64_t samplesSeen,
                                   const TrainConfig& config);

}  // namespace ace::train
