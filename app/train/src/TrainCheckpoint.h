#pragma once
// A training checkpoint: one safetensors file holding everything a run needs to continue exactly
// as if it had never stopped: the trained weights, the EMA weights, the AdamW moments and step,
// the random generator's state, and (as string metadata) the step, the data cursor and the data
// seed. Written atomically, so an interrupted save leaves the previous checkpoint intact.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <torch/types.h>

#include "AdamW.h"
#include "Ema.h"

namespace ace::ckpt {
class SafetensorsReader;
}

namespace ace::train {

struct CheckpointMeta {
    std::string stage;          // "vae" or "dit"
    int64_t step = 0;           // optimizer steps done
    uint64_t samplesSeen = 0;   // data cursor: the next sample index of the task stream
    uint64_t dataSeed = 0;
    std::map<std::string, std::string> extra;  // free-form (options JSON, timings)
};

void writeCheckpoint(const std::filesystem::path& file, const NamedTensors& tensors, const CheckpointMeta& meta);

class CheckpointFile {
public:
    explicit CheckpointFile(const std::filesystem::path& file);
    ~CheckpointFile();

    const CheckpointMeta& meta() const { return m_meta; }
    bool contains(const std::string& key) const;
    // Throws ace::Error naming the file and the key when it is absent.
    torch::Tensor load(const std::string& key) const;
    auto lookup() const {
        return [this](const std::string& key) { return load(key); };
    }

private:
    std::filesystem::path m_file;
    std::unique_ptr<ckpt::SafetensorsReader> m_reader;
    CheckpointMeta m_meta;
};

// The whole state of a trainer: parameters ("model.<name>"), EMA ("ema."), AdamW ("adam."), the
// generator ("rng.state"), and meta.
struct TrainerState {
    const NamedTensors& params;
    Ema& ema;
    AdamW& adam;
    torch::Generator& gen;
};
void saveTrainerState(const std::filesystem::path& file, const TrainerState& state, const CheckpointMeta& meta);
// Restores a state saved by saveTrainerState; refuses another stage or data seed and tensors of
// another shape, naming the file. Returns the checkpoint's meta (step, data cursor).
CheckpointMeta loadTrainerState(const std::filesystem::path& file, const TrainerState& state,
                                const std::string& stage, uint64_t dataSeed);

// The generator's state as a uint8 tensor and back (CPU generators).
torch::Tensor generatorState(const torch::Generator& gen);
void setGeneratorState(torch::Generator& gen, const torch::Tensor& state);

}  // namespace ace::train
