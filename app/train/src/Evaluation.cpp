#include "Evaluation.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

#include <torch/torch.h>

#include "VaeTrainer.h"
#include "ace/imaging/ImageIo.h"
#include "pipeline/AceModelImpl.h"
#include "pipeline/TensorImages.h"

namespace ace::train {

TurnRequest turnRequestFor(const synth::LcuSample& sample) {
    TurnRequest request;
    const std::size_t n = sample.images.size();
    for (std::size_t i = 0; i + 1 < n; ++i)
        request.history.push_back(Turn{sample.instructions[i], {InputImage{sample.images[i], sample.masks[i], sample.tasks[i]}}});
    request.current.instruction = sample.instruction();
    if (n > 0) request.current.images.push_back(InputImage{sample.images[n - 1], sample.masks[n - 1], sample.tasks[n - 1]});
    request.options.outputWidth = sample.width();
    request.options.outputHeight = sample.height();
    return request;
}

namespace {

// The sample's turns with the evaluation's generation settings.
TurnRequest evalRequest(const synth::LcuSample& sample, const EvalOptions& options, std::uint64_t seed) {
    TurnRequest request = turnRequestFor(sample);
    request.options.steps = options.steps;
    request.options.guideScale = options.guideScale;
    request.options.guideRescale = options.guideRescale;
    request.options.seed = static_cast<int64_t>(seed);
    return request;
}

// Per-name means of TaskScores::named() over the samples that have the score.
class ScoreMeans {
public:
    void add(const synth::TaskScores& scores) {
        for (const auto& [name, value] : scores.named()) {
            m_sums[name] += value;
            ++m_counts[name];
        }
    }
    std::map<std::string, double> means() const {
        std::map<std::string, double> out;
        for (const auto& [name, sum] : m_sums) out[name] = sum / m_counts.at(name);
        return out;
    }

private:
    std::map<std::string, double> m_sums;
    std::map<std::string, int> m_counts;
};

// KindReport::chanceScores: sample i judged against the target of the next sample of its size.
std::map<std::string, double> chanceScores(const std::vector<synth::LcuSample>& samples) {
    ScoreMeans chance;
    const std::size_t n = samples.size();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 1; k < n; ++k) {
            const synth::LcuSample& other = samples[(i + k) % n];
            if (other.width() != samples[i].width() || other.height() != samples[i].height()) continue;
            chance.add(synth::scoreOutput(samples[i], other.target));
            break;
        }
    }
    return chance.means();
}

}  // namespace

std::vector<KindReport> evaluateModel(const std::shared_ptr<const AceModel>& model, const EvalOptions& options,
                                      const EvalProgress& onKind) {
    synth::TaskSamplerOptions so;
    so.sizes = options.sizes;
    const synth::TaskSampler sampler(options.seed, so);
    const std::vector<synth::TaskKind> kinds = options.kinds.empty() ? synth::allTaskKinds() : options.kinds;
    if (!options.outputDir.empty()) std::filesystem::create_directories(options.outputDir);
    std::vector<KindReport> reports;
    for (const synth::TaskKind kind : kinds) {
        KindReport report;
        report.kind = kind;
        ScoreMeans outputs, ceiling;
        double modelSeconds = 0;  // the turns alone, not the scoring or the ceiling's round trips
        std::vector<synth::LcuSample> samples;
        for (int i = 0; i < options.samplesPerKind; ++i)
            samples.push_back(sampler.sample(kind, static_cast<std::uint64_t>(i)));
        report.chanceScores = chanceScores(samples);
        for (int i = 0; i < options.samplesPerKind; ++i) {
            const synth::LcuSample& sample = samples[i];
            EditSession session(model);
            const auto start = std::chrono::steady_clock::now();
            const TurnResult result = session.run(evalRequest(sample, options, options.seed * 1000 + i));
            modelSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            outputs.add(synth::scoreOutput(sample, result.image));
            Image roundTrip;
            if (options.ceiling) {
                roundTrip = autoencoderRoundTrip(*model, sample.target);
                ceiling.add(synth::scoreOutput(sample, roundTrip));
            }
            if (!options.outputDir.empty()) {
                const std::string stem = synth::taskKindName(kind) + "_" + std::to_string(i);
                writeImage(options.outputDir / (stem + "_output.png"), result.image);
                writeImage(options.outputDir / (stem + "_target.png"), sample.target);
                if (options.ceiling) writeImage(options.outputDir / (stem + "_vae.png"), roundTrip);
            }
            ++report.samples;
        }
        report.meanScores = outputs.means();
        report.ceilingScores = ceiling.means();
        report.secondsPerSample = modelSeconds / std::max(1, report.samples);
        if (onKind) onKind(report);
        reports.push_back(std::move(report));
    }
    return reports;
}

Image autoencoderRoundTrip(const AceModel& model, const Image& image) {
    torch::NoGradGuard noGrad;
    AceModel::Impl& m = model.impl();
    const torch::Tensor x =
        imageToTensor(image).unsqueeze(0).to(m.policy.device, m.policy.vaeDtype);
    const torch::Tensor z = m.vae->encode(x, static_cast<torch::Generator*>(nullptr));
    return decodeToImage(m.vae, z * kLatentScale, m.policy);
}

std::string formatReports(const std::vector<KindReport>& reports, ReportTable table) {
    static const char* columns[] = {"target_l1", "baseline_l1", "edit_l1", "edit_baseline_l1", "edit_fill_l1", "keep_l1",
                                    "saturation", "edge_f1", "colour_recall", "shape_accuracy"};
    std::ostringstream out;
    char line[256];
    std::snprintf(line, sizeof line, "%-22s %3s", "kind", "n");
    out << line;
    for (const char* c : columns) {
        std::snprintf(line, sizeof line, " %16s", c);
        out << line;
    }
    out << "  s/sample\n";
    for (const KindReport& r : reports) {
        std::snprintf(line, sizeof line, "%-22s %3d", synth::taskKindName(r.kind).c_str(), r.samples);
        out << line;
        const auto& scores = table == ReportTable::Ceiling ? r.ceilingScores
                             : table == ReportTable::Chance ? r.chanceScores
                                                            : r.meanScores;
        for (const char* c : columns) {
            const auto it = scores.find(c);
            if (it == scores.end()) std::snprintf(line, sizeof line, " %16s", "-");
            else std::snprintf(line, sizeof line, " %16.4f", it->second);
            out << line;
        }
        // Only the model's table times turns (the others run no model).
        if (table != ReportTable::Model) std::snprintf(line, sizeof line, "  %8s\n", "-");
        else std::snprintf(line, sizeof line, "  %8.2f\n", r.secondsPerSample);
        out << line;
    }
    return out.str();
}

namespace {

// Union of 0/255 masks (null ones ignored).
Image unionOf(const std::vector<Image>& regions, int width, int height) {
    Image u(width, height, 1, 0);
    for (const Image& r : regions)
        if (!r.isNull())
            for (std::size_t i = 0; i < u.data.size(); ++i) u.data[i] = std::max(u.data[i], r.data[i]);
    return u;
}

}  // namespace

ConversationReport evaluateConversations(const std::shared_ptr<const AceModel>& model, const EvalOptions& options,
                                         int turns) {
    synth::TaskSamplerOptions so;
    so.sizes = options.sizes;
    const synth::TaskSampler sampler(options.seed, so);
    ConversationReport report;
    report.turns = turns;
    report.editL1.assign(turns, 0.0);
    report.editBaselineL1.assign(turns, 0.0);
    report.editJudged.assign(turns, 0);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.samplesPerKind; ++i) {
        const std::vector<synth::LcuSample> units = sampler.conversation(static_cast<std::uint64_t>(i), turns);
        std::vector<Image> outputs;
        EditSession session(model);
        for (int k = 0; k < turns; ++k) {
            synth::LcuSample unit = units[k];
            for (int j = 1; j <= k; ++j) unit.images[j] = outputs[j - 1];  // what the user saw
            outputs.push_back(session.run(evalRequest(unit, options, options.seed * 1000 + i * 10 + k)).image);
        }
        const Image& first = units.front().images.front();
        const Image& target = units.back().target;
        const Image& final = outputs.back();
        report.targetL1 += synth::meanAbsDifference(final, target);
        report.baselineL1 += synth::meanAbsDifference(first, target);
        std::vector<Image> regions;
        for (int k = 0; k < turns; ++k) {
            const Image& region = units[k].editRegion;
            regions.push_back(region);
            if (region.isNull()) continue;
            const double baseline = synth::meanAbsDifference(first, target, region, true);
            if (std::isnan(baseline) || baseline < 0.02) continue;  // a later edit undid this one
            report.editL1[k] += synth::meanAbsDifference(final, target, region, true);
            report.editBaselineL1[k] += baseline;
            ++report.editJudged[k];
        }
        const double keep =
            synth::meanAbsDifference(final, first, unionOf(regions, first.width, first.height), false);
        report.keepL1 += std::isnan(keep) ? 0.0 : keep;
        ++report.conversations;
        if (!options.outputDir.empty()) {
            std::filesystem::create_directories(options.outputDir);
            const std::string stem = "conversation_" + std::to_string(i);
            writeImage(options.outputDir / (stem + "_input.png"), first);
            for (int k = 0; k < turns; ++k)
                writeImage(options.outputDir / (stem + "_turn" + std::to_string(k + 1) + ".png"), outputs[k]);
            writeImage(options.outputDir / (stem + "_target.png"), target);
        }
    }
    const double n = std::max(1, report.conversations);
    report.targetL1 /= n;
    report.baselineL1 /= n;
    report.keepL1 /= n;
    for (int k = 0; k < turns; ++k) {
        report.editL1[k] /= std::max(1, report.editJudged[k]);
        report.editBaselineL1[k] /= std::max(1, report.editJudged[k]);
    }
    report.secondsPerConversation =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / n;
    return report;
}

std::string formatConversationReport(const ConversationReport& r) {
    std::ostringstream out;
    char line[256];
    std::snprintf(line, sizeof line, "%d-turn conversations: %d, target_l1 %.4f (baseline %.4f), keep_l1 %.4f, %.2f s each\n",
                  r.turns, r.conversations, r.targetL1, r.baselineL1, r.keepL1, r.secondsPerConversation);
    out << line;
    for (int k = 0; k < r.turns; ++k) {
        std::snprintf(line, sizeof line, "  edit %d: edit_l1 %.4f (baseline %.4f) over %d conversations\n", k + 1,
                      r.editL1[k], r.editBaselineL1[k], r.editJudged[k]);
        out << line;
    }
    return out.str();
}

}  // namespace ace::train
