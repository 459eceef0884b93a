#pragma once
// The DiT stage's data stream under the configuration's task mix: one TaskSampler per phase.
// Sample `cursor` of the stream comes from the phase of the step it is trained in, so a run whose
// mix changes part-way (more samples of the families it is slow to learn) stays a pure function of
// the configuration, and resumes exactly across the switch. Before the first phase every kind has
// weight 1, which is the stream of a configuration without phases.
#include <cstdint>
#include <utility>
#include <vector>

#include "TrainConfig.h"
#include "ace/imaging/synth/TaskSampler.h"

namespace ace::train {

class TaskSchedule {
public:
    explicit TaskSchedule(const TrainConfig& config);

    // The sampler of the phase that holds optimizer step `step` (0-based).
    const synth::TaskSampler& samplerForStep(int64_t step) const;
    // Sample `cursor` of the stream (a step trains batchSize * accumulate consecutive samples).
    synth::LcuSample sample(uint64_t cursor) const;
    // The optimizer step (0-based) that trains sample `cursor`.
    int64_t stepOf(uint64_t cursor) const { return int64_t(cursor / m_samplesPerStep); }

private:
    std::vector<std::pair<int64_t, synth::TaskSampler>> m_phases;  // (first step, sampler), ascending
    uint64_t m_samplesPerStep;
};

// The sampler options of a configuration's stream with the given task weights (by kind name).
synth::TaskSamplerOptions samplerOptions(const TrainConfig& config, const TaskWeights& weights = {});

}  // namespace ace::train
