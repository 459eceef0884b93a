#pragma once
// Evaluation of a model folder on fresh synthetic samples: each task kind's samples go through the
// app's own pipeline (AceModel + EditSession, the LCU as a user's turns would build it) and their
// outputs are scored against the generator's targets (synth/TaskScores.h). `ace-train eval`
// prints the table; the built-in model's behaviour tests take their thresholds from it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ace/engine/Pipeline.h"
#include "ace/imaging/synth/TaskSampler.h"
#include "ace/imaging/synth/TaskScores.h"

namespace ace::train {

struct EvalOptions {
    std::uint64_t seed = 777;       // the data seed of the samples (training uses its own)
    int samplesPerKind = 4;
    int steps = 0;                  // 0: the model's default
    double guideScale = 4.5;
    double guideRescale = 0.5;
    std::vector<synth::TaskKind> kinds;  // empty: every kind
    std::vector<std::pair<int, int>> sizes{{64, 64}};
    std::filesystem::path outputDir;     // when set: <kind>_<i>_{output,target}.png
    bool ceiling = true;                 // also score the targets' VAE round trip (KindReport::ceilingScores)
};

struct KindReport {
    synth::TaskKind kind = synth::TaskKind::TextToImage;
    int samples = 0;
    std::map<std::string, double> meanScores;  // TaskScores::named(), averaged over the samples
    // The same scores for the targets sent through the model's VAE (encode to the posterior
    // mean, decode): what the model could reach at best.
    std::map<std::string, double> ceilingScores;
    // The same scores for an unrelated answer of the right kind: each sample judged against
    // another sample's target (of the same size). What a model that ignores its inputs and
    // instruction but draws plausible scenes gets by chance, for scores that have no do-nothing
    // answer (colour recall, shape accuracy, edge F1).
    std::map<std::string, double> chanceScores;
    double secondsPerSample = 0;
};

enum class ReportTable { Model, Ceiling, Chance };

// The turns a user would send for the sample: each earlier image with its instruction as a history
// turn, the last image (if any) with the current instruction.
TurnRequest turnRequestFor(const synth::LcuSample& sample);

using EvalProgress = std::function<void(const KindReport&)>;
std::vector<KindReport> evaluateModel(const std::shared_ptr<const AceModel>& model, const EvalOptions& options,
                                      const EvalProgress& onKind = {});

// A fixed-width table of the reports, one row per kind, of the model's, the ceiling's or the
// chance scores.
std::string formatReports(const std::vector<KindReport>& reports, ReportTable table = ReportTable::Model);

// `image` encoded to the posterior mean by the model's VAE and decoded as the pipeline decodes.
Image autoencoderRoundTrip(const AceModel& model, const Image& image);

// Conversations as a user has them: turn k edits the previous turn's output (the generator's
// conversation, TaskSampler::conversation, with the model's outputs in place of the intermediate
// renders), the earlier turns as history. The last output is judged against the generator's last
// scene, per edit inside that edit's region.
struct ConversationReport {
    int conversations = 0;
    int turns = 0;
    double targetL1 = 0;    // |final - last target|
    double baselineL1 = 0;  // |first input - last target| (no edit applied)
    // Per turn k: inside edit k's region, |final - last target| and |first input - last target|
    // (averaged over the conversations where the region changed at all).
    std::vector<double> editL1, editBaselineL1;
    std::vector<int> editJudged;
    double keepL1 = 0;  // outside every edit region: |final - first input|
    double secondsPerConversation = 0;
};
ConversationReport evaluateConversations(const std::shared_ptr<const AceModel>& model, const EvalOptions& options,
                                         int turns);
std::string formatConversationReport(const ConversationReport& report);

}  // namespace ace::train
