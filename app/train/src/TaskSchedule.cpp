#include "TaskSchedule.h"

#include <algorithm>

namespace ace::train {

synth::TaskSamplerOptions samplerOptions(const TrainConfig& config, const TaskWeights& weights) {
    synth::TaskSamplerOptions o;
    o.sizes = config.sizes;
    for (const auto& [name, weight] : weights) o.weights[synth::taskKindFromName(name)] = weight;
    return o;
}

TaskSchedule::TaskSchedule(const TrainConfig& config)
    : m_samplesPerStep(uint64_t(config.dit.batchSize) * uint64_t(config.dit.accumulate)) {
    m_phases.emplace_back(0, synth::TaskSampler(config.dataSeed, samplerOptions(config)));
    for (const TaskPhase& phase : config.ditTaskPhases)
        m_phases.emplace_back(phase.fromStep, synth::TaskSampler(config.dataSeed, samplerOptions(config, phase.weights)));
}

const synth::TaskSampler& TaskSchedule::samplerForStep(int64_t step) const {
    // The last phase that starts at or before `step` (the first starts at 0).
    auto after = std::upper_bound(m_phases.begin(), m_phases.end(), step,
                                  [](int64_t s, const auto& phase) { return s < phase.first; });
    return std::prev(after)->second;
}

synth::LcuSample TaskSchedule::sample(uint64_t cursor) const {
    return samplerForStep(stepOf(cursor)).sample(cursor);
}

}  // namespace ace::train
