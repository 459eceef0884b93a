#include "TrainCheckpoint.h"

#include <mutex>

#include <torch/torch.h>

#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"

namespace ace::train {

void writeCheckpoint(const std::filesystem::path& file, const NamedTensors& tensors, const CheckpointMeta& meta) {
    std::map<std::string, std::string> md = meta.extra;
    md["ace.stage"] = meta.stage;
    md["ace.step"] = std::to_string(meta.step);
    md["ace.samples_seen"] = std::to_string(meta.samplesSeen);
    md["ace.data_seed"] = std::to_string(meta.dataSeed);
    std::vector<std::pair<std::string, torch::Tensor>> cpu;
    cpu.reserve(tensors.size());
    for (const auto& [name, t] : tensors) cpu.emplace_back(name, t.detach().to(torch::kCPU).contiguous());
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path());
    ckpt::writeSafetensors(file, cpu, md);
}

CheckpointFile::CheckpointFile(const std::filesystem::path& file)
    : m_file(file), m_reader(std::make_unique<ckpt::SafetensorsReader>(file)) {
    const auto& md = m_reader->metadata();
    auto get = [&](const std::string& key) {
        const auto it = md.find(key);
        if (it == md.end()) throw Error(file, "not a training checkpoint: metadata \"" + key + "\" is missing");
        return it->second;
    };
    try {
        m_meta.stage = get("ace.stage");
        m_meta.step = std::stoll(get("ace.step"));
        m_meta.samplesSeen = std::stoull(get("ace.samples_seen"));
        m_meta.dataSeed = std::stoull(get("ace.data_seed"));
    } catch (const std::logic_error&) {
        throw Error(file, "not a training checkpoint: malformed step or seed metadata");
    }
    for (const auto& [k, v] : md)
        if (!k.starts_with("ace.")) m_meta.extra[k] = v;
}

CheckpointFile::~CheckpointFile() = default;

bool CheckpointFile::contains(const std::string& key) const { return m_reader->contains(key); }

torch::Tensor CheckpointFile::load(const std::string& key) const {
    if (!m_reader->contains(key)) throw Error(m_file, "the checkpoint has no tensor \"" + key + "\"");
    return m_reader->load(key);
}

void saveTrainerState(const std::filesystem::path& file, const TrainerState& state, const CheckpointMeta& meta) {
    NamedTensors all;
    for (const auto& [name, p] : state.params) all.emplace_back("model." + name, p);
    const NamedTensors ema = state.ema.state("ema.");
    const NamedTensors adam = state.adam.state("adam.");
    all.insert(all.end(), ema.begin(), ema.end());
    all.insert(all.end(), adam.begin(), adam.end());
    all.emplace_back("rng.state", generatorState(state.gen));
    writeCheckpoint(file, all, meta);
}

CheckpointMeta loadTrainerState(const std::filesystem::path& file, const TrainerState& state,
                                const std::string& stage, uint64_t dataSeed) {
    const CheckpointFile ckpt(file);
    if (ckpt.meta().stage != stage)
        throw Error(file, "not a " + stage + " training checkpoint (stage " + ckpt.meta().stage + ")");
    if (ckpt.meta().dataSeed != dataSeed)
        throw Error(file, "the checkpoint was trained with data seed " + std::to_string(ckpt.meta().dataSeed) +
                              ", the configuration says " + std::to_string(dataSeed));
    torch::NoGradGuard noGrad;
    for (const auto& [name, p] : state.params) {
        const torch::Tensor v = ckpt.load("model." + name);
        if (v.sizes() != p.sizes()) throw Error(file, "\"model." + name + "\" has another shape than the model");
        p.copy_(v);
    }
    state.ema.loadState("ema.", ckpt.lookup());
    state.adam.loadState("adam.", ckpt.lookup());
    setGeneratorState(state.gen, ckpt.load("rng.state"));
    return ckpt.meta();
}

torch::Tensor generatorState(const torch::Generator& gen) {
    std::lock_guard<std::mutex> lock(const_cast<torch::Generator&>(gen).mutex());
    return gen.get_state().clone();
}

void setGeneratorState(torch::Generator& gen, const torch::Tensor& state) {
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state.to(torch::kUInt8).contiguous());
}

}  // namespace ace::train
