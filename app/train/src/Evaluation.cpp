#include "Evaluation.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "ace/imaging/ImageIo.h"

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
        std::map<std::string, int> counts;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < options.samplesPerKind; ++i) {
            const synth::LcuSample sample = sampler.sample(kind, static_cast<std::uint64_t>(i));
            TurnRequest request = turnRequestFor(sample);
            request.options.steps = options.steps;
            request.options.guideScale = options.guideScale;
            request.options.guideRescale = options.guideRescale;
            request.options.seed = static_cast<int64_t>(options.seed * 1000 + i);
            EditSession session(model);
            const TurnResult result = session.run(request);
            for (const auto& [name, value] : synth::scoreOutput(sample, result.image).named()) {
                report.meanScores[name] += value;
                ++counts[name];
            }
            if (!options.outputDir.empty()) {
                const std::string stem = synth::taskKindName(kind) + "_" + std::to_string(i);
                writeImage(options.outputDir / (stem + "_output.png"), result.image);
                writeImage(options.outputDir / (stem + "_target.png"), sample.target);
            }
            ++report.samples;
        }
        for (auto& [name, sum] : report.meanScores) sum /= counts[name];
        report.secondsPerSample =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / std::max(1, report.samples);
        if (onKind) onKind(report);
        reports.push_back(std::move(report));
    }
    return reports;
}

std::string formatReports(const std::vector<KindReport>& reports) {
    static const char* columns[] = {"target_l1", "baseline_l1", "edit_l1", "keep_l1", "saturation", "edge_f1",
                                    "colour_recall"};
    std::ostringstream out;
    char line[256];
    std::snprintf(line, sizeof line, "%-22s %3s", "kind", "n");
    out << line;
    for (const char* c : columns) {
        std::snprintf(line, sizeof line, " %13s", c);
        out << line;
    }
    out << "  s/sample\n";
    for (const KindReport& r : reports) {
        std::snprintf(line, sizeof line, "%-22s %3d", synth::taskKindName(r.kind).c_str(), r.samples);
        out << line;
        for (const char* c : columns) {
            const auto it = r.meanScores.find(c);
            if (it == r.meanScores.end()) std::snprintf(line, sizeof line, " %13s", "-");
            else std::snprintf(line, sizeof line, " %13.4f", it->second);
            out << line;
        }
        std::snprintf(line, sizeof line, "  %8.2f\n", r.secondsPerSample);
        out << line;
    }
    return out.str();
}

}  // namespace ace::train
