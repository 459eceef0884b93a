// A whole training run on the tiny preset: init (corpus, tokenizer), the VAE and DiT stages, exact
// resumption (N steps straight = N/2, stop, N/2 more: identical weights, EMA, optimizer state),
// and the export in the release layout.
#include <QtTest>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sentencepiece_processor.h>
#include <torch/torch.h>

#include "DitTrainer.h"
#include "Evaluation.h"
#include "LatentEncoder.h"
#include "TrainCheckpoint.h"
#include "TrainingRun.h"
#include "VaeTrainer.h"
#include "ace/common/Error.h"
#include "ace/engine/Pipeline.h"
#include "checkpoint/SafetensorsReader.h"
#include "lcu/ImagePrep.h"

using namespace ace::train;
namespace fs = std::filesystem;

namespace {

QByteArray readBytes(const fs::path& file) {  // empty where the file cannot be read
    QFile f(QString::fromStdString(file.string()));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every tensor of two checkpoints is bit-identical, and so is the data cursor.
void compareCheckpoints(const fs::path& a, const fs::path& b) {
    const ace::ckpt::SafetensorsReader ra(a), rb(b);
    QCOMPARE(ra.keys(), rb.keys());
    for (const auto& key : ra.keys()) QVERIFY2(torch::equal(ra.load(key), rb.load(key)), key.c_str());
    const CheckpointFile ca(a), cb(b);
    QCOMPARE(ca.meta().step, cb.meta().step);
    QCOMPARE(ca.meta().samplesSeen, cb.meta().samplesSeen);
}

// An exported model folder as the app loads it, on the CPU, without the converted-weight cache.
std::shared_ptr<ace::AceModel> loadOnCpu(const fs::path& folder) {
    ace::ModelLoadOptions options;
    options.device = ace::Device::Cpu;
    options.useConvertedCache = false;
    return ace::AceModel::load(folder, options);
}

TrainConfig tinyConfig() {
    TrainConfig c = TrainConfig::preset("tiny");
    c.vae.saveEvery = c.dit.saveEvery = 1000;
    // The resume test stops at step 2: the switch of task mix at step 2 (0-based, the third
    // step) and to bf16 latents at step 3 lie in its second half.
    c.ditTaskPhases = {{2, {{"grayscale", 0.0}, {"multi_turn", 5.0}}}};
    c.ditLatentEncoding = {true, 3};
    return c;
}

}  // namespace

class TestTrainingRun : public QObject {
    Q_OBJECT
    // Two copies of the base run whose VAE stage has trained one step: <name>-straight and
    // <name>-resumed, for a later stage to run straight through in one and resumed in the other.
    std::pair<fs::path, fs::path> twoRunsWithAVae(const std::string& name) {
        const fs::path straight = fs::path(m_dir.path().toStdString()) / (name + "-straight");
        const fs::path resumed = fs::path(m_dir.path().toStdString()) / (name + "-resumed");
        fs::copy(m_base, straight, fs::copy_options::recursive);
        if (trainVaeStage(straight, 1, torch::kCPU, nullptr) != 1) qFatal("the VAE stage did not train its step");
        fs::copy(straight, resumed, fs::copy_options::recursive);
        return {straight, resumed};
    }

private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        QVERIFY(m_dir.isValid());
        m_base = fs::path(m_dir.path().toStdString()) / "base";
        initRun(m_base, tinyConfig());
        QVERIFY(fs::exists(RunPaths(m_base).tokenizer));
        QVERIFY(fs::file_size(RunPaths(m_base).corpus) > 1000);
    }

    void initRefusesOtherSettings() {
        TrainConfig other = tinyConfig();
        other.dataSeed = 7;
        QVERIFY_THROWS_EXCEPTION(ace::Error, initRun(m_base, other));
        initRun(m_base, tinyConfig());  // the same settings again: nothing to do
    }

    // The same settings give the same corpus byte for byte and the same vocabulary (pieces and
    // scores), so the one documented command rebuilds the shipped tokenizer. (The model files
    // differ in the trainer settings they record: the paths of the corpus and the output.)
    void initIsReproducible() {
        const fs::path again = fs::path(m_dir.path().toStdString()) / "init-again";
        initRun(again, tinyConfig());
        QCOMPARE(readBytes(RunPaths(again).corpus), readBytes(RunPaths(m_base).corpus));
        sentencepiece::SentencePieceProcessor a, b;
        QVERIFY(a.Load(RunPaths(m_base).tokenizer.string()).ok());
        QVERIFY(b.Load(RunPaths(again).tokenizer.string()).ok());
        QCOMPARE(a.GetPieceSize(), b.GetPieceSize());
        for (int id = 0; id < a.GetPieceSize(); ++id) {
            QCOMPARE(a.IdToPiece(id), b.IdToPiece(id));
            QCOMPARE(a.GetScore(id), b.GetScore(id));
        }
    }

    void vaeResumesExactly() {
        const fs::path straight = fs::path(m_dir.path().toStdString()) / "vae-straight";
        const fs::path resumed = fs::path(m_dir.path().toStdString()) / "vae-resumed";
        fs::copy(m_base, straight, fs::copy_options::recursive);
        fs::copy(m_base, resumed, fs::copy_options::recursive);
        std::vector<double> losses;
        auto record = [&](const std::string& stage, const StepStats& s, int64_t) {
            QCOMPARE(stage, std::string("vae"));
            losses.push_back(s.loss);
        };
        QCOMPARE(trainVaeStage(straight, 4, torch::kCPU, record), int64_t(4));
        QCOMPARE(trainVaeStage(resumed, 2, torch::kCPU, nullptr), int64_t(2));
        QCOMPARE(trainVaeStage(resumed, 4, torch::kCPU, nullptr), int64_t(4));
        compareCheckpoints(RunPaths(straight).vaeCheckpoint, RunPaths(resumed).vaeCheckpoint);
        QCOMPARE(losses.size(), std::size_t(4));
        for (double l : losses) QVERIFY(std::isfinite(l) && l > 0);
        // A stop request ends the loop with a checkpoint.
        std::atomic<bool> stop{true};
        QCOMPARE(trainVaeStage(resumed, 10, torch::kCPU, nullptr, &stop), int64_t(4));
    }

    void latentCalibrationKeepsTheAutoencoder() {
        const TrainConfig c = tinyConfig();
        ace::AutoencoderKL vae(vaeConfigFor(c));
        initialiseVae(vae, 5);
        vae->eval();
        auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
        const torch::Tensor images = torch::rand({4, 3, 32, 32}, gen) * 2 - 1;
        torch::NoGradGuard noGrad;
        const auto [mean0, logvar0] = vae->moments(images);
        const torch::Tensor recon0 = vae->decode(mean0);
        const double factor = calibrateLatentScale(vae, images);
        QVERIFY(factor > 0);
        const auto [mean1, logvar1] = vae->moments(images);
        QVERIFY(std::abs((mean1 * ace::kLatentScale).std().item<double>() - 1.0) < 1e-3);
        QVERIFY(torch::allclose(mean1, mean0 * factor, 1e-4, 1e-4));
        QVERIFY(torch::allclose(vae->decode(mean1), recon0, 1e-3, 1e-4));
    }

    void ditResumesExactlyAndExports() {
        const auto [straight, resumed] = twoRunsWithAVae("dit");

        std::vector<StepStats> steps;
        auto record = [&](const std::string&, const StepStats& s, int64_t) { steps.push_back(s); };
        // The DiT stage freezes the VAE and reports its latent-scale calibration through the
        // caller's log (the library itself prints nothing).
        std::vector<std::string> messages;
        QCOMPARE(trainDitStage(straight, 4, torch::kCPU, record, nullptr,
                               [&](const std::string& m) { messages.push_back(m); }),
                 int64_t(4));
        QCOMPARE(messages.size(), size_t(3));
        QVERIFY2(messages[0].starts_with("vae: latent scale calibrated by a factor "), messages[0].c_str());
        QCOMPARE(messages[1], std::string("dit: from step 2 the task mix weighs grayscale 0, multi_turn 5, every other kind 1"));
        QCOMPARE(messages[2], std::string("dit: from step 3 the VAE encodes the images in bf16"));
        QCOMPARE(trainDitStage(resumed, 2, torch::kCPU, nullptr), int64_t(2));
        QCOMPARE(trainDitStage(resumed, 4, torch::kCPU, nullptr), int64_t(4));
        compareCheckpoints(RunPaths(straight).ditCheckpoint, RunPaths(resumed).ditCheckpoint);
        // Three threads rendering the samples: the same stream, the same weights.
        const fs::path threaded = fs::path(m_dir.path().toStdString()) / "dit-threaded";
        fs::copy(resumed, threaded, fs::copy_options::recursive);
        fs::remove(RunPaths(threaded).ditCheckpoint);
        QCOMPARE(trainDitStage(threaded, 4, torch::kCPU, nullptr, nullptr, {}, 3), int64_t(4));
        compareCheckpoints(RunPaths(straight).ditCheckpoint, RunPaths(threaded).ditCheckpoint);
        // The output layer starts at zero: the first loss is E[eps^2] = 1 up to sampling noise.
        QVERIFY2(steps.front().loss > 0.6 && steps.front().loss < 1.4, qPrintable(QString::number(steps.front().loss)));
        QCOMPARE(steps.front().samples, tinyConfig().dit.batchSize);
        QVERIFY(fs::exists(RunPaths(straight).ditLog));

        const fs::path out = fs::path(m_dir.path().toStdString()) / "export";
        const auto bytes = exportModel(straight, out);
        QVERIFY(bytes > 0);
        const fs::path models = out / "models";
        for (const char* f : {"dit/ace_builtin.safetensors", "vae/vae.safetensors", "text_encoder/t5/model.safetensors",
                              "text_encoder/t5/config.json", "tokenizer/t5/spiece.model", "ace_model.json"})
            QVERIFY2(fs::exists(models / f), f);
        std::ifstream in(models / "ace_model.json");
        const auto settings = nlohmann::json::parse(in);
        QCOMPARE(settings.value("built_in", false), true);
        // The exported DiT holds the EMA weights.
        const CheckpointFile ckpt(RunPaths(straight).ditCheckpoint);
        const ace::ckpt::SafetensorsReader dit(models / "dit" / "ace_builtin.safetensors");
        for (const auto& key : dit.keys())
            QVERIFY2(torch::equal(dit.load(key), ckpt.load("ema.dit." + key)), key.c_str());

        // A half-precision export (what ships) stores the same EMA weights rounded to fp16 and loads.
        const fs::path half = fs::path(m_dir.path().toStdString()) / "export-fp16";
        QVERIFY(exportModel(straight, half, true, {}, torch::kHalf) < bytes);
        const ace::ckpt::SafetensorsReader halfDit(half / "models" / "dit" / "ace_builtin.safetensors");
        for (const auto& key : halfDit.keys()) {
            const torch::Tensor t = halfDit.load(key);
            QCOMPARE(t.scalar_type(), torch::kHalf);
            QVERIFY2(torch::equal(t, ckpt.load("ema.dit." + key).to(torch::kHalf)), key.c_str());
        }
        {
            ace::EditSession halfSession(loadOnCpu(half));
            ace::TurnRequest r;
            r.current.instruction = "a small green star";
            r.options.steps = 2;
            QCOMPARE(halfSession.run(r).image.width, tinyConfig().defaultSize);
        }

        // The app's loader reads the folder as a built-in model and runs a turn with it.
        const auto model = loadOnCpu(out);
        QVERIFY(model->info().builtIn);
        QCOMPARE(model->info().defaultWidth, tinyConfig().defaultSize);
        ace::EditSession session(model);
        ace::TurnRequest t2i;
        t2i.current.instruction = "a large red circle in the centre on a plain blue background";
        t2i.options.steps = 2;
        t2i.options.seed = 1;
        const ace::TurnResult image = session.run(t2i);
        QCOMPARE(image.image.width, tinyConfig().defaultSize);
        QCOMPARE(image.image.channels, 3);
        ace::TurnRequest edit;
        edit.current.instruction = "Convert {image} to grayscale.";
        edit.current.images.push_back({image.image, ace::Image(), ""});
        edit.options.steps = 2;
        edit.options.seed = 2;
        const ace::TurnResult grey = session.run(edit);
        QCOMPARE(grey.image.width, image.image.width);
        QCOMPARE(grey.image.height, image.image.height);

        // ace-train eval on the exported model: fresh samples through the pipeline, scored.
        EvalOptions eo;
        eo.samplesPerKind = 1;
        eo.steps = 2;
        eo.sizes = {{32, 32}};
        eo.kinds = {ace::synth::TaskKind::TextToImage, ace::synth::TaskKind::Grayscale, ace::synth::TaskKind::Canny,
                    ace::synth::TaskKind::InpaintBox, ace::synth::TaskKind::MultiTurn};
        eo.outputDir = out / "eval";
        std::vector<ace::synth::TaskKind> seen;
        const auto reports = evaluateModel(model, eo, [&](const KindReport& r) { seen.push_back(r.kind); });
        QCOMPARE(seen, eo.kinds);
        QCOMPARE(reports.size(), eo.kinds.size());
        for (const KindReport& r : reports) {
            QCOMPARE(r.samples, 1);
            for (const auto& [name, value] : r.meanScores) QVERIFY2(std::isfinite(value), name.c_str());
            QVERIFY(r.meanScores.count("target_l1") && r.meanScores.count("baseline_l1"));
        }
        QVERIFY(reports[1].meanScores.count("saturation"));
        QVERIFY(reports[2].meanScores.count("edge_f1"));
        QVERIFY(reports[3].meanScores.count("keep_l1"));
        QVERIFY(fs::exists(eo.outputDir / "canny_0_output.png"));
        QVERIFY(fs::exists(eo.outputDir / "canny_0_vae.png"));  // the ceiling's round trip
        const std::string table = formatReports(reports);
        QVERIFY2(table.find("inpaint_box") != std::string::npos, table.c_str());
        // The timing column is the model's turns; the ceiling table (VAE round trips) has none.
        for (const KindReport& r : reports) QVERIFY(r.secondsPerSample > 0);
        for (ReportTable t : {ReportTable::Ceiling, ReportTable::Chance}) {
            std::istringstream tableRows(formatReports(reports, t));
            std::string row;
            std::getline(tableRows, row);  // the header
            int rows = 0;
            for (; std::getline(tableRows, row); ++rows) QVERIFY2(row.ends_with(" -"), row.c_str());
            QCOMPARE(rows, int(reports.size()));
        }
        QVERIFY(reports[0].chanceScores.empty());  // one sample: no other target to answer with

        // Chance: each sample answered with another's target; a text-to-image scene judged by
        // its own description scores 1 on colour recall, by another's less on average.
        EvalOptions chance = eo;
        chance.samplesPerKind = 3;
        chance.kinds = {ace::synth::TaskKind::TextToImage};
        chance.ceiling = false;
        chance.outputDir.clear();
        const KindReport chanceT2i = evaluateModel(model, chance).front();
        QCOMPARE(chanceT2i.samples, 3);
        for (const char* score : {"colour_recall", "shape_accuracy", "target_l1"}) {
            QVERIFY2(chanceT2i.chanceScores.count(score), score);
            QVERIFY2(chanceT2i.chanceScores.at(score) >= 0 && chanceT2i.chanceScores.at(score) <= 1, score);
        }
        QVERIFY(chanceT2i.chanceScores.at("target_l1") > 0);
        QVERIFY(chanceT2i.chanceScores.at("colour_recall") < 1);
    }

    // Power 1 draws the timesteps exactly as runs did before the power existed; power 2 puts
    // P(u^2 < 1/2) = 71% of them in the low-noise half.
    void timestepPowerFavoursLowNoise() {
        auto a = at::make_generator<at::CPUGeneratorImpl>(7), b = at::make_generator<at::CPUGeneratorImpl>(7);
        QVERIFY(torch::equal(drawTimesteps(64, 1000, 1.0, a), torch::randint(0, 1000, {64}, b, torch::kInt64)));
        auto g = at::make_generator<at::CPUGeneratorImpl>(7);
        const torch::Tensor t = drawTimesteps(20000, 1000, 2.0, g);
        QCOMPARE(t.scalar_type(), torch::kInt64);
        QVERIFY(t.min().item<int64_t>() >= 0 && t.max().item<int64_t>() <= 999);
        const double lowHalf = (t < 500).to(torch::kFloat64).mean().item<double>();
        QVERIFY2(std::abs(lowHalf - std::sqrt(0.5)) < 0.02, qPrintable(QString::number(lowHalf)));
    }

    // A run with patch 1 (a token per latent pixel) trains, and the app's loader reads the patch
    // from its export's shapes and runs turns with it.
    void patchOneRunTrainsAndRunsInTheApp() {
        const fs::path run = twoRunsWithAVae("patch1").first;
        TrainConfig c = TrainConfig::load(RunPaths(run).config);
        c.arch.ditPatchSize = 1;
        c.save(RunPaths(run).config);
        QCOMPARE(ditConfigFor(c).patchSize, int64_t(1));
        std::vector<StepStats> steps;
        QCOMPARE(trainDitStage(run, 2, torch::kCPU, [&](const std::string&, const StepStats& s, int64_t) {
                     steps.push_back(s);
                 }),
                 int64_t(2));
        for (const StepStats& s : steps) QVERIFY(std::isfinite(s.loss) && s.loss > 0);

        const fs::path out = fs::path(m_dir.path().toStdString()) / "export-patch1";
        QVERIFY(exportModel(run, out) > 0);
        const ace::ckpt::SafetensorsReader dit(out / "models" / "dit" / "ace_builtin.safetensors");
        QCOMPARE(dit.load("x_embedder.proj.weight").sizes().vec(), (std::vector<int64_t>{c.arch.ditHidden, 5, 1, 1}));
        ace::EditSession session(loadOnCpu(out));
        ace::TurnRequest t2i;
        t2i.current.instruction = "a small green star";
        t2i.options.steps = 2;
        t2i.options.outputWidth = 48;
        t2i.options.outputHeight = 32;
        const ace::TurnResult image = session.run(t2i);
        QCOMPARE(image.image.width, 48);
        QCOMPARE(image.image.height, 32);
        ace::TurnRequest edit;
        edit.current.instruction = "Convert {image} to grayscale.";
        edit.current.images.push_back({image.image, ace::Image(), ""});
        edit.options.steps = 2;
        QCOMPARE(session.run(edit).image.width, 48);
        // Its position table (the preset's 8 rows) holds 8 patches of 8 px per side.
        t2i.options.outputWidth = 80;
        try {
            session.run(t2i);
            QFAIL("80 px accepted by a patch-1 model with 8 positions");
        } catch (const ace::Error& e) {
            QVERIFY2(std::string(e.what()).find("at most 64 px per side") != std::string::npos, e.what());
        }
    }

    // The decoder stage fine-tunes the frozen VAE's decoder side only: the encoder the DiT learns
    // from stays bit-identical, the stage resumes exactly, and the export writes the fine-tuned
    // decoder's EMA weights beside the untouched encoder.
    void decoderFineTuningKeepsTheEncoder() {
        const auto [straight, resumed] = twoRunsWithAVae("decoder");

        std::vector<StepStats> steps;
        auto record = [&](const std::string& stage, const StepStats& s, int64_t) {
            QCOMPARE(stage, std::string("decoder"));
            steps.push_back(s);
        };
        QCOMPARE(trainDecoderStage(straight, 4, torch::kCPU, record), int64_t(4));
        QCOMPARE(steps.size(), std::size_t(4));
        for (const StepStats& s : steps) {
            QVERIFY(std::isfinite(s.loss) && s.loss > 0);
            QCOMPARE(s.samples, tinyConfig().decoder.batchSize);
        }
        QCOMPARE(trainDecoderStage(resumed, 2, torch::kCPU, nullptr), int64_t(2));
        QCOMPARE(trainDecoderStage(resumed, 4, torch::kCPU, nullptr), int64_t(4));
        const RunPaths paths(straight);
        compareCheckpoints(paths.decoderCheckpoint, RunPaths(resumed).decoderCheckpoint);

        // The checkpoint holds the decoder side alone, and it moved away from the frozen weights.
        const CheckpointFile ckpt(paths.decoderCheckpoint);
        QCOMPARE(ckpt.meta().stage, std::string("decoder"));
        const ace::ckpt::SafetensorsReader frozen(paths.frozenVae);
        int decoderKeys = 0, moved = 0;
        for (const auto& key : frozen.keys()) {
            const bool decoderSide = VaeTrainer::isDecoderParameter(key);
            QCOMPARE(ckpt.contains("ema." + key), decoderSide);
            if (!decoderSide) continue;
            ++decoderKeys;
            if (!torch::equal(ckpt.load("ema." + key), frozen.load(key))) ++moved;
        }
        QVERIFY(decoderKeys > 10);
        QVERIFY2(moved > decoderKeys / 2, qPrintable(QString("%1 of %2").arg(moved).arg(decoderKeys)));

        // The DiT stage still trains on the frozen file, which the decoder stage left as it was.
        const QByteArray frozenBytes = readBytes(paths.frozenVae);
        QCOMPARE(trainDitStage(straight, 1, torch::kCPU, nullptr), int64_t(1));
        QCOMPARE(readBytes(paths.frozenVae), frozenBytes);

        std::vector<std::string> messages;
        const fs::path out = fs::path(m_dir.path().toStdString()) / "decoder-export";
        exportModel(straight, out, true, [&](const std::string& m) { messages.push_back(m); });
        QVERIFY(std::find(messages.begin(), messages.end(), "vae: the decoder fine-tuned for 4 steps") != messages.end());
        const ace::ckpt::SafetensorsReader exported(out / "models" / "vae" / "vae.safetensors");
        QCOMPARE(exported.keys(), frozen.keys());
        for (const auto& key : exported.keys()) {
            const torch::Tensor expected =
                VaeTrainer::isDecoderParameter(key) ? ckpt.load("ema." + key) : frozen.load(key);
            QVERIFY2(torch::equal(exported.load(key), expected), key.c_str());
        }
    }

    // One VAE call per image size (the default on CUDA) prepares the same batch as one call per
    // image, up to the rounding of batched convolutions: same draws, same loss.
    void batchedEncodingMatchesPerImage() {
        const TrainConfig c = tinyConfig();
        const RunPaths paths(m_base);
        auto tokenizer = std::make_shared<const ace::T5Tokenizer>(paths.tokenizer);
        ace::AutoencoderKL vae(vaeConfigFor(c));
        initialiseVae(vae, 9);
        auto makeTrainer = [&](bool batched) {
            ace::DiTOptions options;
            options.trainable = true;
            ace::DiTACE dit(ditConfigFor(c), options);
            initialiseDit(dit, 4);
            // A zero output layer predicts eps = 0 whatever the latents: perturb every weight so
            // the loss depends on the encodings.
            torch::NoGradGuard noGrad;
            auto gen = at::make_generator<at::CPUGeneratorImpl>(11);
            for (auto& p : dit->parameters()) p.add_(torch::randn(p.sizes(), gen) * 0.02);
            ace::T5Encoder t5(t5ConfigFor(c));
            initialiseT5(t5, t5ConfigFor(c), 5);
            auto trainer = std::make_unique<DitTrainer>(c, dit, t5, tokenizer, vae, torch::kCPU);
            trainer->setBatchedEncoding(batched);
            return trainer;
        };
        const ace::synth::TaskSampler sampler(c.dataSeed);
        std::vector<ace::synth::LcuSample> samples;
        // Several frames and two sizes in one batch.
        for (auto kind : {ace::synth::TaskKind::MultiTurn, ace::synth::TaskKind::Reference,
                          ace::synth::TaskKind::TextToImage, ace::synth::TaskKind::InpaintBox})
            samples.push_back(sampler.sample(kind, 0));
        ace::synth::TaskSamplerOptions wide;
        wide.sizes = {{48, 32}};
        samples.push_back(ace::synth::TaskSampler(c.dataSeed, wide).sample(ace::synth::TaskKind::Grayscale, 0));
        const double single = makeTrainer(false)->loss(samples).item<double>();
        const double batched = makeTrainer(true)->loss(samples).item<double>();
        QVERIFY2(std::abs(single - batched) <= 1e-5 * std::abs(single),
                 qPrintable(QString("%1 vs %2").arg(single, 0, 'g', 10).arg(batched, 0, 'g', 10)));
        QVERIFY(std::abs(single - 1.0) > 1e-3);  // the perturbed DiT does not predict zero
    }

    // Before its step a run with bf16 latents trains exactly as one without; from it on, the
    // training state differs (after one step in the optimizer's moments: the weights' change
    // is below their rounding this early).
    void bf16LatentsStartAtTheirStep() {
        const auto [bf16, fp32] = twoRunsWithAVae("latents");
        TrainConfig c = TrainConfig::load(RunPaths(fp32).config);
        c.ditLatentEncoding = {};
        c.save(RunPaths(fp32).config);
        QCOMPARE(trainDitStage(bf16, 3, torch::kCPU, nullptr), int64_t(3));
        QCOMPARE(trainDitStage(fp32, 3, torch::kCPU, nullptr), int64_t(3));
        compareCheckpoints(RunPaths(bf16).ditCheckpoint, RunPaths(fp32).ditCheckpoint);
        QCOMPARE(trainDitStage(bf16, 4, torch::kCPU, nullptr), int64_t(4));
        QCOMPARE(trainDitStage(fp32, 4, torch::kCPU, nullptr), int64_t(4));
        const ace::ckpt::SafetensorsReader a(RunPaths(bf16).ditCheckpoint), b(RunPaths(fp32).ditCheckpoint);
        int differing = 0;
        for (const auto& key : a.keys())
            if (!torch::equal(a.load(key), b.load(key))) ++differing;
        qInfo("%d of %d tensors differ", differing, int(a.keys().size()));
        QVERIFY(differing > 0);
    }

    // The bf16 encoder gives the float32 one's latents (same posterior noise) up to its rounding,
    // in the usual layout.
    void bf16LatentsFollowTheFloat32Ones() {
        const TrainConfig c = tinyConfig();
        ace::AutoencoderKL vae(vaeConfigFor(c));
        initialiseVae(vae, 9);
        LatentEncoder encoder(vae, torch::kCPU, true);
        const ace::synth::TaskSampler sampler(c.dataSeed);
        std::vector<torch::Tensor> images;
        for (int i = 0; i < 6; ++i) {
            const ace::Image scene = sampler.sample(ace::synth::TaskKind::TextToImage, i).target;
            images.push_back(ace::prepareImage(scene, ace::Image(), "", c.arch.maxSeqLen, "scene").image);
        }
        const torch::Tensor x = torch::stack(images);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(5);
        const torch::Tensor noise = torch::randn({x.size(0), encoder.embedDim(), x.size(2) / 8, x.size(3) / 8}, gen);
        const torch::Tensor full = encoder.encode(x, noise, false);
        const torch::Tensor half = encoder.encode(x, noise, true);
        QCOMPARE(half.sizes(), full.sizes());
        QCOMPARE(half.scalar_type(), torch::kFloat32);
        QVERIFY(half.is_contiguous());
        const double relative = ((half - full).norm() / full.norm()).item<double>();
        qInfo("bf16 latents: relative RMS difference %.4f", relative);
        QVERIFY2(relative > 0 && relative < 0.02, qPrintable(QString::number(relative)));
        QVERIFY_THROWS_EXCEPTION(ace::Error, LatentEncoder(vae, torch::kCPU, false).encode(x, noise, true));
    }

    void turnRequestsFollowTheSamplesFrames() {
        const ace::synth::TaskSampler sampler(5);
        const ace::synth::LcuSample multi = sampler.conversation(3, 3).back();
        const ace::TurnRequest r = turnRequestFor(multi);
        QCOMPARE(r.history.size() + 1, multi.images.size());
        for (std::size_t i = 0; i < r.history.size(); ++i) {
            QCOMPARE(r.history[i].instruction, multi.instructions[i]);
            QCOMPARE(r.history[i].images.size(), std::size_t(1));
            QVERIFY(r.history[i].images[0].image.data == multi.images[i].data);
        }
        QCOMPARE(r.current.instruction, multi.instruction());
        QVERIFY(r.current.images.at(0).image.data == multi.images.back().data);
        QCOMPARE(r.current.images.at(0).task, multi.tasks.back());
        const ace::TurnRequest t2i = turnRequestFor(sampler.sample(ace::synth::TaskKind::TextToImage, 0));
        QVERIFY(t2i.history.empty() && t2i.current.images.empty());
        QCOMPARE(t2i.options.outputWidth, 64);
    }

private:
    QTemporaryDir m_dir;
    fs::path m_base;
};

QTEST_GUILESS_MAIN(TestTrainingRun)
#include "tst_trainingrun.moc"
