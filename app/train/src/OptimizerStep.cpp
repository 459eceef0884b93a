#include "OptimizerStep.h"

namespace ace::train {

void finishOptimizerStep(const NamedTensors& params, AdamW& adam, Ema& ema, const StageSettings& settings,
                         int64_t& step, StepStats& stats, std::chrono::steady_clock::time_point start) {
    stats.gradNorm = clipGradNorm(params, settings.gradClip);
    stats.learningRate = scheduledRate(settings.learningRate, settings.warmupSteps, settings.decayFromStep,
                                      settings.decaySteps, settings.decayFloor, step);
    adam.step(stats.learningRate);
    adam.zeroGrad();
    ema.update(params);
    stats.step = ++step;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

CheckpointMeta stageCheckpointMeta(const std::string& stage, int64_t step, uint64_t samplesSeen,
                                   const TrainConfig& config) {
    CheckpointMeta meta;
    meta.stage = stage;
    meta.step = step;
    meta.samplesSeen = samplesSeen;
    meta.dataSeed = config.dataSeed;
    meta.extra["config"] = config.toJson();
    return meta;
}

}  // namespace ace::train
