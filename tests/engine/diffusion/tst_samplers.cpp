// Samplers: the trailing DDIM discretisation (timesteps, model timesteps, VP sigmas, the extra
// clamped step of some counts), and the reference's recorded 5-step run with CFG 4.5 and
// guide-rescale 0.5 (golden sampler.* / sampler_fp32attn.*), reproduced step by step from the
// recorded branch outputs; cancellation from the step callback; the registry.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "GoldenData.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "diffusion/Guidance.h"
#include "diffusion/Samplers.h"

namespace {

const std::filesystem::path kDir = std::filesystem::path(ACE_TEST_DATA_DIR) / "diffusion";
constexpr double kScale = 4.5, kRescale = 0.5;
constexpr double kRelTol = 2e-6;  // relative to the largest value (std ~276)

struct Recorded {
    explicit Recorded(const std::string& prefix) : p(prefix) {}
    torch::Tensor at(int step, const std::string& what) const {
        return golden.tensor(p + ".step." + std::to_string(step) + "." + what);
    }
    ace::test::GoldenData golden;
    std::string p;
};

QString relText(const ace::test::Diff& d) { return QString::fromStdString(d.text()); }

// Largest distance in units in the last place between two float32 tensors of the same shape
// (t_to_sigma goes through log and exp, whose last bits depend on the math library).
int64_t maxUlp(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor ia = a.contiguous().view(torch::kInt32).to(torch::kInt64);
    const torch::Tensor ib = b.contiguous().view(torch::kInt32).to(torch::kInt64);
    return (ia - ib).abs().max().item<int64_t>();
}

}  // namespace

class TestSamplers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void timesteps_data() {
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("calls");
        std::ifstream in(kDir / "ddim.json");
        QVERIFY(in.good());
        const nlohmann::json cases = nlohmann::json::parse(in).at("cases");
        for (const auto& c : cases) {
            const int steps = c.at("steps").get<int>();
            QTest::newRow(std::to_string(steps).c_str()) << steps << c.at("model_calls").get<int>();
        }
    }
    void timesteps() {
        QFETCH(int, steps);
        QFETCH(int, calls);
        const ace::ckpt::SafetensorsReader want(kDir / "ddim.safetensors");
        const std::string p = "ddim." + std::to_string(steps) + ".";
        const torch::Tensor ts = ace::ddimTimesteps(steps);
        QCOMPARE(ts.size(0), calls);
        QCOMPARE(ts.scalar_type(), torch::kFloat32);
        QVERIFY(torch::equal(ts, want.load(p + "ts")));
        QVERIFY(torch::equal(ts.round().to(torch::kInt64), want.load(p + "model_t")));
        const int64_t ulp = maxUlp(ace::ddimVpSigmas(ts, ace::LinearSchedule()), want.load(p + "sigmas_vp"));
        // Fractional timesteps interpolate log(sigma) (|log| up to ~5): one ulp there is up to ~8 ulp
        // after exp, and log/exp round differently in numpy and glibc.
        QVERIFY2(ulp <= 8, qPrintable(QStringLiteral("VP sigmas off by %1 ulp").arg(ulp)));
    }

    void specTimesteps() {
        QVERIFY(torch::equal(ace::ddimTimesteps(20), torch::arange(999, 48, -50, torch::kFloat32)));
        QVERIFY(torch::equal(ace::ddimTimesteps(50), torch::arange(999, 18, -20, torch::kFloat32)));
        const torch::Tensor t30 = ace::ddimTimesteps(30);
        QCOMPARE(t30.size(0), 30);
        QVERIFY(std::abs(t30[1].item<double>() - 965.6667) < 1e-3);
        const torch::Tensor t61 = ace::ddimTimesteps(61);
        QCOMPARE(t61.size(0), 62);
        QCOMPARE(t61[61].item<float>(), 0.0f);  // the extra step, clamped to 0
        QCOMPARE(ace::ddimTimesteps(103).size(0), 104);
    }

    void extraStepCounts() {
        std::ifstream in(kDir / "ddim.json");
        const auto extra = nlohmann::json::parse(in).at("extra_step_counts").get<std::vector<int>>();
        QCOMPARE(extra.size(), size_t(62));
        std::vector<int> found;
        for (int n = 1; n <= 1000; ++n)
            if (ace::ddimTimesteps(n).size(0) != n)
                found.push_back(n);
        QCOMPARE(found, extra);
    }

    void stepCountLimits() {
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::ddimTimesteps(0));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::ddimTimesteps(1001));
        QCOMPARE(ace::ddimTimesteps(1).size(0), 1);
    }

    void recordedRun_data() {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("fp16 q/k/v attention") << QStringLiteral("sampler");
        QTest::newRow("fp32 attention") << QStringLiteral("sampler_fp32attn");
    }

    // Each step alone: guidance + x0 + update from the recorded x_t and branch outputs.
    void recordedRun() {
        QFETCH(QString, prefix);
        const Recorded rec(prefix.toStdString());
        const ace::LinearSchedule schedule;
        const torch::Tensor ts = ace::ddimTimesteps(5);
        QVERIFY(torch::equal(ts, rec.golden.tensor(rec.p + ".sched.ts")));
        const torch::Tensor vp = ace::ddimVpSigmas(ts, schedule);
        QVERIFY(maxUlp(vp, rec.golden.tensor(rec.p + ".sched.sigmas_vp")) <= 1);
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(rec.at(k, "t").item<float>(), ts[k].item<float>());
            QVERIFY(torch::equal(ts[k].round().to(torch::kInt64).view({1}), rec.at(k, "t_model")));
            QVERIFY(torch::equal(schedule.sigmaAt(ts[k]).view({1, 1, 1}), rec.at(k, "cb_sigma")));
            QVERIFY(torch::equal(schedule.alphaBarAt(ts[k]).view({1, 1, 1}), rec.at(k, "cb_alpha_bar")));
            const torch::Tensor x = rec.at(k, "x_t");
            const torch::Tensor eps = ace::guide(rec.at(k, "eps_cond"), rec.at(k, "eps_uncond"), kScale, kRescale, false);
            const torch::Tensor x0 = (x - rec.at(k, "cb_sigma") * eps) / rec.at(k, "cb_alpha_bar");
            const auto d0 = ace::test::compare(x0, rec.at(k, "x0_pred"));
            QVERIFY2(d0.rel() < kRelTol, qPrintable(QStringLiteral("step %1 x0: %2").arg(k).arg(relText(d0))));
            qInfo("%s step %d: x0 %s", qPrintable(prefix), k, d0.text().c_str());
        }
    }

    // The whole chain through sampleDdim, the denoiser answering with the recorded branches.
    void recordedTrajectory_data() { recordedRun_data(); }
    void recordedTrajectory() {
        QFETCH(QString, prefix);
        const Recorded rec(prefix.toStdString());
        int calls = 0;
        double worstInput = 0;
        const ace::DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
            const int k = calls++;
            worstInput = std::max(worstInput, ace::test::compare(x, rec.at(k, "x_t")).rel());
            [&] { QVERIFY(torch::equal(t, rec.at(k, "t_model"))); }();
            return ace::guide(rec.at(k, "eps_cond"), rec.at(k, "eps_uncond"), kScale, kRescale, false);
        };
        std::vector<ace::SamplerStep> steps;
        const torch::Tensor out = ace::sampleDdim(denoise, rec.golden.tensor("sampler.in.noise"), ace::LinearSchedule(), 5,
                                                  [&](const ace::SamplerStep& s) { steps.push_back(s); });
        QCOMPARE(calls, 5);
        QCOMPARE(steps.size(), size_t(5));
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(steps[k].index, k);
            QCOMPARE(steps[k].total, 5);
            const auto dx0 = ace::test::compare(steps[k].x0, rec.at(k, "x0_pred"));
            const auto dx = ace::test::compare(steps[k].x, rec.at(k, "x_next"));
            QVERIFY2(dx0.rel() < kRelTol && dx.rel() < kRelTol,
                     qPrintable(QStringLiteral("step %1: x0 %2, x %3").arg(k).arg(relText(dx0), relText(dx))));
        }
        QVERIFY2(worstInput < kRelTol, qPrintable(QString::number(worstInput)));
        const auto d = ace::test::compare(out, rec.golden.tensor(rec.p + ".out"));
        qInfo("%s: final %s, worst x_t input rel %g", qPrintable(prefix), d.text().c_str(), worstInput);
        QVERIFY2(d.rel() < kRelTol, qPrintable(relText(d)));
        QVERIFY(torch::equal(out, steps.back().x0));  // v_K = 0: the result is the last x0
    }

    void cancelFromStepCallback() {
        struct Stop {};
        int calls = 0;
        const ace::DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor&) {
            ++calls;
            return torch::zeros_like(x);
        };
        bool threw = false;
        try {
            ace::sampleDdim(denoise, torch::randn({1, 4, 4, 4}), ace::LinearSchedule(), 20, [](const ace::SamplerStep& s) {
                if (s.index == 2)
                    throw Stop{};
            });
        } catch (const Stop&) {
            threw = true;
        }
        QVERIFY(threw);
        QCOMPARE(calls, 3);
    }

    void extraStepIsRun() {
        int calls = 0;
        std::vector<int64_t> modelTs;
        const ace::DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
            ++calls;
            modelTs.push_back(t.item<int64_t>());
            return torch::zeros_like(x);
        };
        int total = 0;
        ace::sampleDdim(denoise, torch::randn({1, 4, 2, 2}), ace::LinearSchedule(), 61,
                        [&](const ace::SamplerStep& s) { total = s.total; });
        QCOMPARE(calls, 62);
        QCOMPARE(total, 62);
        QCOMPARE(modelTs.front(), int64_t(999));
        QCOMPARE(modelTs.back(), int64_t(0));
    }

    void rejectsBadDenoiserOutput() {
        const ace::DenoiseFn wrong = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros({1}); };
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::sampleDdim(wrong, torch::randn({1, 4, 2, 2}), ace::LinearSchedule(), 5, {}));
        const ace::DenoiseFn ok = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros_like(x); };
        QVERIFY_THROWS_EXCEPTION(ace::Error,
                                 ace::sampleDdim(ok, torch::randn({1, 4, 2, 2}, torch::kFloat64), ace::LinearSchedule(), 5, {}));
    }

    void registry() {
        QCOMPARE(ace::samplerNames(), std::vector<std::string>{"ddim"});
        const ace::SamplerFn& ddim = ace::findSampler("ddim");
        int calls = 0;
        const ace::DenoiseFn denoise = [&](const torch::Tensor& x, const torch::Tensor&) {
            ++calls;
            return torch::zeros_like(x);
        };
        ddim(denoise, torch::ones({1, 4, 2, 2}), ace::LinearSchedule(), 4, {});
        QCOMPARE(calls, 4);
        try {
            ace::findSampler("euler_a");
            QFAIL("no error");
        } catch (const ace::Error& e) {
            const QString msg = QString::fromStdString(e.what());
            QVERIFY2(msg.contains(QLatin1String("euler_a")) && msg.contains(QLatin1String("ddim")), qPrintable(msg));
        }
    }
};

QTEST_GUILESS_MAIN(TestSamplers)
#include "tst_samplers.moc"
