#pragma once
// A contact sheet of task samples for looking at the data: one row per sample with its kind,
// the input images (masked pixels tinted magenta) and, after a gap, the target.
#include <vector>

#include "ace/common/Image.h"
#include "ace/imaging/synth/TaskSampler.h"

namespace ace::synth {

// `columns` samples side by side.
Image renderSampleSheet(const std::vector<LcuSample>& samples, int cellSize = 96, int columns = 1);

}  // namespace ace::synth
