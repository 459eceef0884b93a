// LinearSchedule: the tables bit-identical to the reference's torch ops, the spec's check values,
// the reference's recorded lookups (golden sampler.sched.*, torch 1.13) and t_to_sigma.
#include <QtTest>

#include <torch/torch.h>

#include "GoldenData.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "diffusion/LinearSchedule.h"

namespace {

const std::filesystem::path kData = std::filesystem::path(ACE_TEST_DATA_DIR) / "diffusion" / "ddim.safetensors";

// Largest distance in units in the last place between two float32 tensors of the same shape.
int64_t maxUlp(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor ia = a.contiguous().view(torch::kInt32).to(torch::kInt64);
    const torch::Tensor ib = b.contiguous().view(torch::kInt32).to(torch::kInt64);
    return (ia - ib).abs().max().item<int64_t>();
}

}  // namespace

class TestLinearSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tablesAreBitIdentical() {
        const ace::ckpt::SafetensorsReader want(kData);
        const ace::LinearSchedule s;
        QCOMPARE(s.numTimesteps(), 1000);
        QVERIFY(torch::equal(s.betas(), want.load("betas")));
        QVERIFY2(torch::equal(s.sigmas(), want.load("sigmas")),
                 qPrintable(QStringLiteral("%1 ulp").arg(maxUlp(s.sigmas(), want.load("sigmas")))));
        QVERIFY2(torch::equal(s.alphasBar(), want.load("alphas_bar")),
                 qPrintable(QStringLiteral("%1 ulp").arg(maxUlp(s.alphasBar(), want.load("alphas_bar")))));
    }

    void specValues() {
        const ace::LinearSchedule s;
        QVERIFY(std::abs(s.sigmas()[0].item<double>() - 0.0100008) < 1e-7);
        QVERIFY(std::abs(s.sigmas()[999].item<double>() - 0.9999798) < 1e-7);
        QVERIFY(std::abs(s.alphasBar()[999].item<double>() - 0.0063570) < 1e-7);
    }

    // The reference's own run (torch 1.13): lookups at its timesteps and t_to_sigma.
    void matchesRecordedRun_data() {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("sampler") << QStringLiteral("sampler");
        QTest::newRow("sampler_fp32attn") << QStringLiteral("sampler_fp32attn");
    }
    void matchesRecordedRun() {
        QFETCH(QString, prefix);
        const ace::test::GoldenData golden;
        const std::string p = prefix.toStdString() + ".sched.";
        const ace::LinearSchedule s;
        const torch::Tensor ts = golden.tensor(p + "ts");
        QVERIFY(torch::equal(s.sigmaAt(ts), golden.tensor(p + "sigmas_init")));
        QVERIFY(torch::equal(s.alphaBarAt(ts), golden.tensor(p + "alphas_bar_init")));
        const torch::Tensor ve = s.tToSigma(ts);
        QVERIFY2(maxUlp(ve, golden.tensor(p + "sigmas")) <= 1,
                 qPrintable(QStringLiteral("t_to_sigma off by %1 ulp").arg(maxUlp(ve, golden.tensor(p + "sigmas")))));
        // The reference's sched.alphas_bar is t_to_alpha_bar = sqrt(1 - s^2) of the *VE* sigma: NaN
        // wherever s > 1. The sampler never uses it; reproduce it to show that it is understood.
        const torch::Tensor ab = torch::sqrt(1 - ve.pow(2));
        QVERIFY(torch::allclose(ab, golden.tensor(p + "alphas_bar"), 1e-6, 0, /*equal_nan=*/true));
    }

    void tToSigmaInterpolatesInLogSpace() {
        const ace::LinearSchedule s;
        const torch::Tensor snr = s.sigmas() / s.alphasBar();  // VE sigma at integer steps
        const torch::Tensor whole = torch::tensor({0.0f, 1.0f, 500.0f, 999.0f});
        QVERIFY(ace::test::compare(s.tToSigma(whole), snr.index({whole.to(torch::kInt64)})).rel() < 1e-6);
        // Halfway in t = geometric mean of the neighbours.
        const double mid = s.tToSigma(torch::tensor({965.5f}))[0].item<double>();
        const double geo = std::sqrt(snr[965].item<double>() * snr[966].item<double>());
        QVERIFY(std::abs(mid / geo - 1) < 1e-6);
    }

    void lookupsTruncateAndClamp() {
        const ace::LinearSchedule s;
        const torch::Tensor t = torch::tensor({965.667f, 0.4f, 999.0f, 1200.0f});
        const torch::Tensor idx = torch::tensor({965, 0, 999, 999}, torch::kInt64);
        QVERIFY(torch::equal(s.sigmaAt(t), s.sigmas().index({idx})));
        QVERIFY(torch::equal(s.alphaBarAt(t), s.alphasBar().index({idx})));
        QVERIFY_THROWS_EXCEPTION(ace::Error, s.sigmaAt(torch::tensor({-1.0f})));
        QVERIFY_THROWS_EXCEPTION(ace::Error, s.tToSigma(torch::tensor({999.5f})));
    }

    void rejectsBadParameters() {
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::LinearSchedule(1));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::LinearSchedule(1000, 0.02, 1e-4));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::LinearSchedule(1000, 0.0, 0.02));
    }
};

QTEST_GUILESS_MAIN(TestLinearSchedule)
#include "tst_linearschedule.moc"
