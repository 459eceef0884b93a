#pragma once
// Training samples for ACE's task families, each a Long-context Condition Unit in miniature:
// instructions that name images as {image}/{imageN}, input images with masks and task strings,
// and the target image. Sample i is a pure function of (seed, i): the trainer resumes its data
// stream exactly from a sample counter, and the same seed gives byte-identical samples.
#include <cstdint>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>

#include "ace/common/Image.h"
#include "ace/imaging/synth/Scene.h"
#include "ace/imaging/synth/SceneGenerator.h"
#include "ace/imaging/synth/TaskKind.h"

namespace ace::synth {

struct LcuSample {
    TaskKind kind = TaskKind::TextToImage;
    // One instruction per input image, in the reference's frame order: instructions[i] belongs to
    // images[i]; the last one is the current instruction, which also conditions the target frame.
    // History prompts are already renumbered ({image} -> {image<i>} for i >= 1). Text-to-image:
    // exactly one instruction and no images.
    std::vector<std::string> instructions;
    std::vector<Image> images;       // RGB inputs E_1..E_N (history first), all of the target's size
    std::vector<Image> masks;        // per image: 1 channel 0/255, or a null Image (= no mask)
    std::vector<std::string> tasks;  // per image: "" or "inpainting"
    Image target;                    // RGB
    // 1 channel 0/255: the pixels where target may differ from images.back(); null for kinds that
    // change every pixel (analysis, controllable generation, text-to-image) or whose last input is
    // not the image they change (reference). Decouple: all but the shape's wholly visible pixels.
    Image editRegion;
    Scene targetScene;               // what the target shows (analysis kinds: the analysed scene)
    std::vector<Scene> inputScenes;  // per image where it shows a scene (maps: the scene they encode)

    const std::string& instruction() const { return instructions.back(); }
    int width() const { return target.width; }
    int height() const { return target.height; }
};

struct TaskSamplerOptions {
    std::vector<std::pair<int, int>> sizes = {{64, 64}};  // (width, height) choices, multiples of 16
    std::map<TaskKind, double> weights;  // relative frequency; a kind absent here has weight 1
    int maxTurns = 3;                    // MultiTurn draws 2..maxTurns turns
    SceneOptions scene;
    double textProbability = 0.25;       // chance of a short text in scenes of the editing kinds
};

class TaskSampler {
public:
    explicit TaskSampler(std::uint64_t seed, TaskSamplerOptions options = {});

    std::uint64_t seed() const { return m_seed; }
    const TaskSamplerOptions& options() const { return m_options; }

    // Sample `index` of the stream: the kind drawn by weight, then the sample.
    LcuSample sample(std::uint64_t index) const;
    // Sample `index` of one kind (its own stream).
    LcuSample sample(TaskKind kind, std::uint64_t index) const;
    // A conversation of `turns` edits on one scene: element k is turn k's unit with the history of
    // the earlier turns (inputs of turns 0..k, their instructions renumbered as the reference does).
    std::vector<LcuSample> conversation(std::uint64_t index, int turns) const;

    // The instruction corpus for spm_train: the instructions of samples 0..count-1, one per line,
    // followed by the image identifiers "{image}", "{image1}".."{image9}".
    void writeCorpus(const std::filesystem::path& file, std::uint64_t count) const;

private:
    LcuSample build(TaskKind kind, SynthRandom& rng) const;

    std::uint64_t m_seed;
    TaskSamplerOptions m_options;
    SceneGenerator m_generator;
    std::vector<TaskKind> m_kinds;
    std::vector<double> m_weights;
};

}  // namespace ace::synth
