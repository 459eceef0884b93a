// The pipeline end to end on a tiny random-weight model written by the test: text-to-image, an
// edit with a mask, a turn with history; seeds reproduce, previews arrive per step, cancel stops
// within a step, caches are used, bad input gets clear errors, an out-of-memory (injected through
// the engine's test hook) falls back to the CPU or says what to change.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "ace/engine/ModelFactory.h"
#include "ace/engine/Pipeline.h"
#include "pipeline/OutOfMemory.h"

namespace {

ace::Image gradientImage(int w, int h) {
    ace::Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto* p = img.pixel(x, y);
            p[0] = static_cast<uint8_t>(x * 255 / w);
            p[1] = static_cast<uint8_t>(y * 255 / h);
            p[2] = static_cast<uint8_t>((x + y) & 255);
        }
    return img;
}

ace::Image boxMask(int w, int h) {
    ace::Image m(w, h, 1);
    for (int y = h / 4; y < h * 3 / 4; ++y)
        for (int x = w / 4; x < w * 3 / 4; ++x) *m.pixel(x, y) = 255;
    return m;
}

// A 64 x 64 text-to-image turn with a fixed seed.
ace::TurnRequest textRequest(const std::string& instruction, int steps, int64_t seed) {
    ace::TurnRequest r;
    r.current.instruction = instruction;
    r.options.steps = steps;
    r.options.seed = seed;
    r.options.outputWidth = r.options.outputHeight = 64;
    return r;
}

}  // namespace

class TestEditSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        ace::createRandomModel(m_dir.path().toStdString(), {});
        ace::ModelLoadOptions options;
        options.device = ace::Device::Cpu;
        std::vector<double> fractions;
        m_model = ace::AceModel::load(m_dir.path().toStdString(), options,
                                      [&](const ace::LoadProgress& p) { fractions.push_back(p.fraction); });
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(m_model->info().device, std::string("cpu"));
    }

    void textToImage() {
        ace::EditSession session(m_model);
        ace::TurnRequest r;
        r.current.instruction = "draw a red circle on a plain background";
        r.options.seed = 7;
        r.options.steps = 3;
        r.options.outputWidth = 64;
        r.options.outputHeight = 48;
        int calls = 0;
        const auto result = session.run(r, [&](const ace::StepProgress& p) {
            ++calls;
            QCOMPARE(p.step, calls);
            QCOMPARE(p.totalSteps, 3);
            QCOMPARE(p.preview.width, 64);
            QCOMPARE(p.preview.height, 48);
            QCOMPARE(p.latentWidth, 8);
            QCOMPARE(p.latentHeight, 6);
            QCOMPARE(p.predictedLatent.size(), size_t{4 * 6 * 8});
            for (float v : p.predictedLatent) QVERIFY(std::isfinite(v));
        });
        QCOMPARE(calls, 3);
        QCOMPARE(result.image.width, 64);
        QCOMPARE(result.image.height, 48);
        QCOMPARE(result.image.channels, 3);
        QCOMPARE(result.seed, int64_t{7});
        QCOMPARE(result.timings.stepMs.size(), size_t{3});
        QVERIFY(result.timings.firstPreviewMs > 0);
    }

    void seedsReproduce() {
        ace::TurnRequest r;
        r.current.instruction = "turn {image} blue";
        r.current.images.push_back({gradientImage(80, 64), boxMask(80, 64), "inpainting"});
        r.options.steps = 2;
        r.options.seed = 1234;
        ace::EditSession a(m_model), b(m_model);
        const auto first = a.run(r);
        const auto again = b.run(r);
        QVERIFY(first.image == again.image);
        // The sizes follow the reference's resize rule: multiples of 16 within the token budget.
        QCOMPARE(first.image.width % 16, 0);
        QCOMPARE(first.image.height % 16, 0);
        r.options.seed = 1235;
        const auto other = a.run(r);
        QVERIFY(!(other.image == first.image));
    }

    void historyUsesCaches() {
        ace::EditSession session(m_model);
        ace::TurnRequest first;
        first.current.instruction = "make {image} brighter";
        first.current.images.push_back({gradientImage(64, 64), {}, ""});
        first.options.steps = 1;
        first.options.seed = 3;
        const auto r1 = session.run(first);
        const auto afterFirst = session.cacheStats();
        QCOMPARE(afterFirst.imageLatents, size_t{1});

        ace::TurnRequest second;
        second.history.push_back(first.current);
        second.current.instruction = "now add a star to {image}";
        second.current.images.push_back({r1.image, {}, ""});
        second.options.steps = 1;
        second.options.seed = 4;
        session.run(second);
        const auto afterSecond = session.cacheStats();
        // The history image's latent and its instruction's embedding were reused.
        QCOMPARE(afterSecond.imageLatents, size_t{2});
        QVERIFY(afterSecond.textEmbeddings > afterFirst.textEmbeddings);
        session.clearCaches();
        QCOMPARE(session.cacheStats().imageLatents, size_t{0});
    }

    void cancelStopsWithinAStep() {
        ace::EditSession session(m_model);
        const ace::TurnRequest r = textRequest("draw a house", 6, 1);
        ace::CancelToken token;
        int steps = 0;
        QVERIFY_THROWS_EXCEPTION(ace::Cancelled, session.run(r, [&](const ace::StepProgress& p) {
            steps = p.step;
            if (p.step == 2) token.cancel();
        }, &token));
        QCOMPARE(steps, 2);
    }

    void fullDecodePreviews() {
        ace::EditSession session(m_model);
        ace::TurnRequest r = textRequest("draw a tree", 4, 2);
        r.options.fullDecodePreviewEvery = 2;
        std::vector<bool> decoded;
        session.run(r, [&](const ace::StepProgress& p) { decoded.push_back(p.fullDecode); });
        QCOMPARE(decoded, (std::vector<bool>{false, true, false, false}));
    }

    void badInputGetsClearErrors() {
        ace::EditSession session(m_model);
        ace::TurnRequest r;
        r.current.instruction = "edit {image}";
        r.current.images.push_back({gradientImage(64, 64), boxMask(32, 32), ""});
        r.options.steps = 1;
        try {
            session.run(r);
            QFAIL("a mask of the wrong size was accepted");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains("mask"), e.what());
        }
        ace::TurnRequest g;
        g.current.instruction = "a cat";
        g.options.guideScale = 1.0;
        QVERIFY_THROWS_EXCEPTION(ace::Error, session.run(g));
        g.options.guideScale = 4.5;
        g.options.guideRescale = 1.5;
        QVERIFY_THROWS_EXCEPTION(ace::Error, session.run(g));
    }

    // Options left at their defaults take the model's guidance (ace_model.json), and the result
    // says what was used.
    void guidanceDefaultsToTheModels() {
        QCOMPARE(m_model->info().guideScale, 4.5);
        QCOMPARE(m_model->info().guideRescale, 0.5);
        ace::EditSession session(m_model);
        ace::TurnRequest r = textRequest("a boat", 2, 3);
        const ace::TurnResult byDefault = session.run(r);
        QCOMPARE(byDefault.guideScale, 4.5);
        QCOMPARE(byDefault.guideRescale, 0.5);
        r.options.guideScale = 4.5;
        r.options.guideRescale = 0.5;
        QVERIFY(session.run(r).image.data == byDefault.image.data);
        r.options.guideScale = 2.0;
        r.options.guideRescale = 0.0;
        const ace::TurnResult asked = session.run(r);
        QCOMPARE(asked.guideScale, 2.0);
        QCOMPARE(asked.guideRescale, 0.0);
        QVERIFY(asked.image.data != byDefault.image.data);
    }

    // The latent preview's fit is cached beside the converted weights, keyed to the VAE file:
    // a second load reads it, a changed VAE file is fitted again.
    void latentPreviewFitIsCached() {
        const std::filesystem::path cache = std::filesystem::path(m_dir.path().toStdString()) / "models" / ".ace-cache";
        const std::filesystem::path file = cache / "latent-preview-fp32.json";
        QVERIFY(std::filesystem::is_regular_file(file));
        const std::string before = readText(file);
        QVERIFY(before.find("vae.safetensors") != std::string::npos);
        ace::ModelLoadOptions options;
        options.device = ace::Device::Cpu;
        const auto again = ace::AceModel::load(m_dir.path().toStdString(), options);
        QCOMPARE(readText(file), before);
        // Touching the VAE file changes its identity: refitted, the same numbers under a new key.
        const std::filesystem::path vae = std::filesystem::path(m_dir.path().toStdString()) / "models" / "vae" / "vae.safetensors";
        std::filesystem::last_write_time(vae, std::filesystem::last_write_time(vae) + std::chrono::seconds(5));
        ace::AceModel::load(m_dir.path().toStdString(), options);
        const std::string after = readText(file);
        QVERIFY(after != before);
        QCOMPARE(after.substr(after.find("\"weight\"")), before.substr(before.find("\"weight\"")));
    }

    // In half precision the DiT and the VAE are read from converted copies beside the model (the
    // release's are fp32 pickles); a model read from them gives exactly the originals' image.
    void halfPrecisionWeightsAreCached() {
        const std::filesystem::path cache = std::filesystem::path(m_dir.path().toStdString()) / "models" / ".ace-cache";
        halfModel();
        for (const char* name : {"dit-bf16.safetensors", "vae-bf16.safetensors"})
            QVERIFY2(std::filesystem::is_regular_file(cache / name), name);
        ace::ModelLoadOptions uncached = halfOptions();
        uncached.useConvertedCache = false;
        const auto original = ace::AceModel::load(m_dir.path().toStdString(), uncached);
        ace::TurnRequest r = textRequest("make {image} blue", 3, 5);
        r.current.images.push_back({gradientImage(64, 48), boxMask(64, 48), "inpainting"});
        ace::EditSession fromCache(halfModel());
        ace::EditSession fromOriginal(original);
        QVERIFY(fromCache.run(r).image.data == fromOriginal.run(r).image.data);
    }

    // Out of memory in a run (injected where CUDA would throw it): with the fallback allowed and a
    // model not already in CPU fp32, the turn runs again on the CPU in fp32 and gives exactly the
    // CPU fp32 model's image, saying so; the steps start again at 1.
    void outOfMemoryFallsBackToTheCpu_data() {
        QTest::addColumn<QString>("point");
        QTest::addColumn<bool>("edit");
        QTest::newRow("dit step, text-to-image") << "dit step" << false;
        QTest::newRow("vae encode, edit") << "vae encode" << true;
        QTest::newRow("vae decode, edit") << "vae decode" << true;
    }
    void outOfMemoryFallsBackToTheCpu() {
        QFETCH(QString, point);
        QFETCH(bool, edit);
        ace::TurnRequest r = textRequest(edit ? "make {image} blue" : "draw a blue star", 3, 11);
        if (edit) r.current.images.push_back({gradientImage(64, 48), boxMask(64, 48), "inpainting"});
        ace::EditSession reference(m_model);
        const ace::TurnResult expected = reference.run(r);

        ace::EditSession session(halfModel());
        std::vector<int> steps;
        ace::fault::injectOutOfMemory(point.toStdString());
        const ace::TurnResult result = session.run(r, [&](const ace::StepProgress& p) { steps.push_back(p.step); });
        ace::fault::clearInjections();
        QCOMPARE(result.device, std::string("cpu"));
        QVERIFY2(result.notice.find("ran out of memory") != std::string::npos, result.notice.c_str());
        QVERIFY2(result.notice.find("injected") != std::string::npos, result.notice.c_str());
        QVERIFY(result.image == expected.image);
        // A failure in the middle of the denoising restarts the progress.
        if (point == "dit step") QCOMPARE(steps, (std::vector<int>{1, 2, 3}));
        if (point == "vae decode") QCOMPARE(steps, (std::vector<int>{1, 2, 3, 1, 2, 3}));
        // The next turn runs on the model's own configuration again.
        QVERIFY(session.run(r).notice.empty());
    }

    // Without the fallback (or on a model already in CPU fp32) the error says what happened and
    // what to change; the session keeps working.
    void outOfMemoryWithoutFallbackIsAClearError_data() {
        QTest::addColumn<bool>("cpuFp32");
        QTest::newRow("cpu fp32 model") << true;
        QTest::newRow("fallback disabled") << false;
    }
    void outOfMemoryWithoutFallbackIsAClearError() {
        QFETCH(bool, cpuFp32);
        std::shared_ptr<ace::AceModel> model = m_model;
        if (!cpuFp32) {
            ace::ModelLoadOptions options = halfOptions();
            options.cpuFallbackOnOutOfMemory = false;
            model = ace::AceModel::load(m_dir.path().toStdString(), options);
        }
        ace::EditSession session(model);
        const ace::TurnRequest r = textRequest("draw a red ring", 2, 5);
        ace::fault::injectOutOfMemory("dit step");
        try {
            session.run(r);
            QFAIL("no error");
        } catch (const ace::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("ran out of memory") != std::string::npos, e.what());
            QVERIFY2(m.find("Try a smaller output size") != std::string::npos, e.what());
            QVERIFY2(m.find("injected") != std::string::npos, e.what());
        }
        ace::fault::clearInjections();
        const ace::TurnResult ok = session.run(r);
        QVERIFY(ok.notice.empty());
        QCOMPARE(ok.image.width, 64);
    }

    void missingModelFolder() {
        try {
            ace::AceModel::load(m_dir.filePath("does-not-exist").toStdString());
            QFAIL("no error");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains("does-not-exist"), e.what());
        }
    }

private:
    static std::string readText(const std::filesystem::path& file) {
        std::ifstream in(file);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    // CPU in bfloat16: not the CPU fp32 configuration, so an out-of-memory falls back.
    static ace::ModelLoadOptions halfOptions() {
        ace::ModelLoadOptions options;
        options.device = ace::Device::Cpu;
        options.ditPrecision = ace::Precision::BFloat16;
        options.vaePrecision = ace::Precision::BFloat16;
        return options;
    }
    std::shared_ptr<ace::AceModel> halfModel() {
        if (!m_halfModel) m_halfModel = ace::AceModel::load(m_dir.path().toStdString(), halfOptions());
        return m_halfModel;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<ace::AceModel> m_model;
    std::shared_ptr<ace::AceModel> m_halfModel;
};

QTEST_GUILESS_MAIN(TestEditSession)
#include "tst_editsession.moc"
