// AutoencoderKL against the Python reference's golden data (tiny random-weight VAE), the
// full-size key set, seeded sampling, reduced precision, tiled decoding and error handling.
#include <QtTest>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "GoldenData.h"
#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/StateDict.h"
#include "vae/AutoencoderKL.h"
#include "vae/LatentPreview.h"

using ace::test::compare;
using ace::test::manifestSource;

namespace {

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ace::Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestAutoencoderKL : public QObject {
    Q_OBJECT

    ace::test::GoldenData m_golden;
    std::unique_ptr<ace::ckpt::SafetensorsReader> m_reader;
    ace::ckpt::TensorSource m_source;
    ace::AutoencoderKL m_vae{nullptr};

    void check(const char* what, const torch::Tensor& actual, const std::string& key, double tol) {
        const auto d = compare(actual, m_golden.tensor(key));
        qInfo("%s vs %s: %s", what, key.c_str(), d.text().c_str());
        QVERIFY2(d.rel() <= tol, (std::string(what) + ": " + d.text()).c_str());
    }

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        m_reader = std::make_unique<ace::ckpt::SafetensorsReader>(m_golden.file("vae_tiny.safetensors"));
        m_source = ace::ckpt::sourceFromReader(*m_reader);
        m_vae = ace::loadAutoencoderKL(m_source, torch::kFloat32, torch::kCPU);
    }

    void configIsInferredFromShapes() {
        const ace::VaeConfig tiny = ace::VaeConfig::fromSource(m_source);
        QCOMPARE(tiny.ch, int64_t{32});
        QCOMPARE(tiny.chMult, (std::vector<int64_t>{1, 2}));
        QCOMPARE(tiny.numResBlocks, int64_t{1});
        QCOMPARE(tiny.zChannels, int64_t{4});
        QCOMPARE(tiny.embedDim, int64_t{4});
        QCOMPARE(tiny.downFactor(), int64_t{2});
        const auto& cfg = m_golden.meta()["configs"]["vae_tiny"]["ENCODER"];
        QCOMPARE(tiny.ch, cfg["CH"].get<int64_t>());
        QCOMPARE(tiny.numResBlocks, cfg["NUM_RES_BLOCKS"].get<int64_t>());

        const ace::VaeConfig full = ace::VaeConfig::fromSource(manifestSource(m_golden.meta()["manifests"]["vae_scepter_names"]));
        QCOMPARE(full.ch, int64_t{128});
        QCOMPARE(full.chMult, (std::vector<int64_t>{1, 2, 4, 4}));
        QCOMPARE(full.numResBlocks, int64_t{2});
        QCOMPARE(full.zChannels, int64_t{4});
        QCOMPARE(full.embedDim, int64_t{4});
        QCOMPARE(full.downFactor(), int64_t{8});
    }

    // The module built from the full-size configuration has exactly the released key/shape set.
    void fullSizeModuleMatchesManifest() {
        const auto manifest = manifestSource(m_golden.meta()["manifests"]["vae_scepter_names"]);
        ace::AutoencoderKL full(ace::VaeConfig::fromSource(manifest));
        const auto report = ace::ckpt::checkSource(*full, manifest);
        QVERIFY2(report.ok(), report.describe().c_str());
        int64_t params = 0;
        for (const auto& p : full->parameters()) params += p.numel();
        QCOMPARE(params, int64_t{83653863});  // ace-reference.md §5
        QCOMPARE(full->parameters().size(), size_t{248});
        QVERIFY(full->buffers().empty());
    }

    void encoderMatchesGolden() {
        const torch::Tensor x = m_golden.tensor("vae.in.x");
        torch::NoGradGuard noGrad;
        check("encoder", m_vae->encoder->forward(x, m_vae->compute()), "vae.enc.h", 1e-4);
        check("moments", m_vae->encodeMoments(x), "vae.enc.moments", 1e-4);
        const auto [mean, logvar] = m_vae->moments(x);
        check("mean", mean, "vae.enc.mean", 1e-4);
        check("logvar", logvar, "vae.enc.logvar_clamped", 1e-4);
        check("std", torch::exp(0.5 * logvar), "vae.enc.std", 1e-4);
        check("sample", m_vae->encode(x, m_golden.tensor("vae.enc.eps")), "vae.enc.z", 1e-4);
        check("posterior mean", m_vae->encode(x, nullptr), "vae.enc.mean", 1e-4);
    }

    // The reference draws its posterior noise with torch.randn from the CPU generator right after
    // torch.manual_seed(777): a LibTorch CPU generator with that seed draws the same numbers.
    void seededCpuGeneratorReproducesReferenceNoise() {
        const int64_t seed = m_golden.meta()["cases"]["vae"]["torch_manual_seed_before_encode"].get<int64_t>();
        torch::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
        check("seeded sample", m_vae->encode(m_golden.tensor("vae.in.x"), &gen), "vae.enc.z", 1e-4);
    }

    void decoderMatchesGolden() {
        check("decode", m_vae->decode(m_golden.tensor("vae.dec.z_in")), "vae.dec.out", 1e-4);
    }

    void ldmNamedCheckpointsLoad_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("safetensors") << "vae_tiny_ldm.safetensors";
        QTest::newRow("torch zip .bin") << "vae_tiny_ldm.bin";  // the released vae.bin's format
    }

    // The same weights in LDM/CompVis naming (quant_conv, post_quant_conv) give the same results.
    void ldmNamedCheckpointsLoad() {
        QFETCH(QString, file);
        const ace::ckpt::TensorSource src = ace::ckpt::openSource(m_golden.file(file.toStdString()));
        QVERIFY(src.count("quant_conv.weight") && src.count("post_quant_conv.weight") && !src.count("conv1.weight"));
        ace::AutoencoderKL vae = ace::loadAutoencoderKL(src, torch::kFloat32, torch::kCPU);
        check("LDM moments", vae->encodeMoments(m_golden.tensor("vae.in.x")), "vae.enc.moments", 1e-4);
        check("LDM sample", vae->encode(m_golden.tensor("vae.in.x"), m_golden.tensor("vae.enc.eps")), "vae.enc.z", 1e-4);
        check("LDM decode", vae->decode(m_golden.tensor("vae.dec.z_in")), "vae.dec.out", 1e-4);
    }

    void seededSamplingIsReproducible() {
        const torch::Tensor x = m_golden.tensor("vae.in.x");
        torch::Generator a = at::make_generator<at::CPUGeneratorImpl>(1234);
        torch::Generator b = at::make_generator<at::CPUGeneratorImpl>(1234);
        torch::Generator c = at::make_generator<at::CPUGeneratorImpl>(1235);
        const torch::Tensor za = m_vae->encode(x, &a), zb = m_vae->encode(x, &b), zc = m_vae->encode(x, &c);
        QVERIFY(torch::equal(za, zb));
        QVERIFY(!torch::equal(za, zc));
        // A different sample of the same posterior: the differences are of the posterior's std.
        const auto [mean, logvar] = m_vae->moments(x);
        const torch::Tensor n = (za - zc) / torch::exp(0.5 * logvar);
        QVERIFY(n.std().item<double>() > 1.0 && n.std().item<double>() < 2.0);  // sqrt(2) expected
        // The global RNG is neither used nor disturbed.
        torch::manual_seed(99);
        const torch::Tensor before = torch::randn({4});
        torch::manual_seed(99);
        m_vae->encode(x, &a);
        QVERIFY(torch::equal(torch::randn({4}), before));
    }

    // Inference builds no graph; a trainable autoencoder's moments and decode do, with gradients
    // reaching the encoder and decoder weights (what ace-train's VAE stage relies on).
    void trainableBuildsTheGraph() {
        const torch::Tensor x = m_golden.tensor("vae.in.x");
        QVERIFY(!m_vae->trainable());
        QVERIFY(!m_vae->moments(x).first.requires_grad());
        ace::AutoencoderKL vae = ace::loadAutoencoderKL(m_source, torch::kFloat32, torch::kCPU);
        for (auto& p : vae->parameters()) p.set_requires_grad(true);
        QVERIFY(!vae->decode(vae->moments(x).first).requires_grad());
        vae->setTrainable(true);
        const auto [mean, logvar] = vae->moments(x);
        const torch::Tensor recon = vae->decode(mean + torch::exp(0.5 * logvar));
        QVERIFY(recon.requires_grad());
        recon.square().mean().backward();
        QVERIFY(vae->encoder->named_parameters()["conv_in.weight"].grad().defined());
        QVERIFY(vae->decoder->named_parameters()["conv_out.weight"].grad().defined());
        QVERIFY(vae->conv1->weight.grad().abs().sum().item<double>() > 0);
        // The same numbers as inference.
        QVERIFY(torch::equal(mean.detach(), m_vae->moments(x).first));
    }

    // The attention over query blocks is exact.
    // The trainer trains from the module's random weights: they are torch::nn::Conv2d's draws,
    // in the same order, so a VAE stage started before the layers were our own starts the same.
    void randomInitDrawsAsTorchConv2d() {
        torch::manual_seed(123);
        std::vector<torch::Tensor> expected;
        for (const auto& [in, out, kernel] : {std::tuple{3, 32, 3}, {64, 32, 1}})
            for (auto& p : torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel))->parameters())
                expected.push_back(p.detach().clone());
        torch::manual_seed(123);
        std::vector<torch::Tensor> actual;
        const ace::vae::LayerOptions random{torch::kFloat32, ace::vae::WeightInit::Random};
        for (const auto& [in, out, kernel] : {std::tuple{3, 32, 3}, {64, 32, 1}})
            for (auto& p : ace::vae::makeConv(in, out, kernel, random)->parameters()) actual.push_back(p.detach());
        QCOMPARE(actual.size(), expected.size());
        for (size_t i = 0; i < actual.size(); ++i) QVERIFY(torch::equal(actual[i], expected[i]));
        // In half precision the float32 draws are rounded.
        torch::manual_seed(123);
        const ace::vae::Conv half =
            ace::vae::makeConv(3, 32, 3, {torch::kFloat16, ace::vae::WeightInit::Random}, 1, 1);
        QCOMPARE(half->weight.scalar_type(), torch::kFloat16);
        QVERIFY(torch::equal(half->weight, expected[0].to(torch::kFloat16)));
    }

    // A load allocates the layers without drawing them (the release VAE's draws took half its warm
    // load) and then fills every weight.
    void loadFillsEveryWeightOfAnEmptyModule() {
        torch::manual_seed(7);
        const torch::Tensor before = torch::rand({4});
        torch::manual_seed(7);
        ace::AutoencoderKL vae = ace::loadAutoencoderKL(m_source, torch::kFloat16, torch::kCPU);
        QVERIFY(torch::equal(torch::rand({4}), before));  // nothing was drawn
        for (const auto& p : vae->named_parameters(true)) {
            const torch::Tensor stored = m_source.at(p.key()).load();
            QVERIFY2(torch::equal(p.value(), stored.to(p.value().scalar_type())), p.key().c_str());
        }
        const auto half = ace::vae::LayerOptions{torch::kFloat16, ace::vae::WeightInit::Empty};
        QCOMPARE(ace::vae::makeConv(8, 4, 3, half)->weight.scalar_type(), torch::kFloat16);
    }

    void chunkedAttentionIsExact() {
        const torch::Tensor z = m_golden.tensor("vae.dec.z_in");
        const torch::Tensor full = m_vae->decode(z);
        m_vae->setAttentionChunk(7);  // 16*24 = 384 queries: 55 blocks, the last one partial
        const torch::Tensor chunked = m_vae->decode(z);
        m_vae->setAttentionChunk(4096);
        const auto d = compare(chunked, full);
        QVERIFY2(d.rel() < 1e-5, d.text().c_str());
    }

    void reducedPrecision_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("tolerance");
        // Measured rel. errors vs the float32 golden are printed; the bounds leave ~3x margin.
        QTest::newRow("float16") << static_cast<int>(torch::kFloat16) << 1e-2;
        QTest::newRow("bfloat16") << static_cast<int>(torch::kBFloat16) << 6e-2;
    }

    // Convolutions and attention matmuls in half precision, GroupNorm and softmax in float32 (the
    // reference's autocast run). Runs on the CPU where LibTorch has these kernels.
    void reducedPrecision() {
        QFETCH(int, dtype);
        QFETCH(double, tolerance);
        const auto type = static_cast<torch::Dtype>(dtype);
        ace::AutoencoderKL vae = ace::loadAutoencoderKL(m_source, type, torch::kCPU);
        QVERIFY(vae->conv1->weight.scalar_type() == type);
        QVERIFY(vae->decoder->mid->block1->conv1->weight.scalar_type() == type);
        QVERIFY(vae->decoder->mid->block1->norm1->weight.scalar_type() == torch::kFloat32);
        const torch::Tensor x = m_golden.tensor("vae.in.x");
        const auto [mean, logvar] = vae->moments(x);
        QVERIFY(mean.scalar_type() == torch::kFloat32);
        check("mean (reduced)", mean, "vae.enc.mean", tolerance);
        check("logvar (reduced)", logvar, "vae.enc.logvar_clamped", tolerance);
        const torch::Tensor out = vae->decode(m_golden.tensor("vae.dec.z_in"));
        QVERIFY(out.scalar_type() == torch::kFloat32);
        check("decode (reduced)", out, "vae.dec.out", tolerance);
    }

    void tiledDecode_data() {
        QTest::addColumn<int>("overlap");
        QTest::addColumn<int>("blend");
        QTest::addColumn<int>("passes");
        QTest::addColumn<double>("tolerance");
        // Tile 24 on a 48 x 40 latent (3 x 2 tiles). Tolerances on the rel. max error: the
        // measured values (printed; random weights, which are far more sensitive to GroupNorm
        // statistics than a trained VAE) with ~2x margin.
        const int exact = ace::VaeTiling::kExactStats;
        QTest::newRow("exact statistics, no cross-fade") << 16 << 0 << exact << 1e-5;  // 7.1e-7
        QTest::newRow("exact statistics, cross-fade 4") << 16 << 4 << exact << 2e-4;   // 7.4e-5
        QTest::newRow("exact statistics, cross-fade 8") << 16 << 8 << exact << 5e-3;   // 2.1e-3
        QTest::newRow("exact statistics, overlap 8") << 8 << 0 << exact << 1e-1;       // 3.3e-2
        QTest::newRow("default: 2 passes, cross-fade 8") << 16 << 8 << 2 << 3e-1;     // 0.16
    }

    // On a latent larger than the tile, the tiled decode approximates the full decode.
    void tiledDecode() {
        QFETCH(int, overlap);
        QFETCH(int, blend);
        QFETCH(int, passes);
        QFETCH(double, tolerance);
        const torch::Tensor image = ace::syntheticImages(1, 96, 7).slice(3, 0, 80);  // [1, 3, 96, 80]
        const torch::Tensor z = m_vae->encode(image, nullptr);                     // [1, 4, 48, 40]
        const torch::Tensor full = m_vae->decode(z);
        m_vae->setTiling({true, 24, overlap, blend, passes});
        const torch::Tensor tiled = m_vae->decode(z);
        m_vae->setTiling({});
        QVERIFY(tiled.sizes() == full.sizes());
        const auto d = compare(tiled, full);
        const double rms = (tiled - full).square().mean().sqrt().item<double>();
        qInfo("tiled decode (tile 24, overlap %d, blend %d, stats passes %d): %s, rms %.3g, full std %.3g", overlap,
              blend, passes, d.text().c_str(), rms, full.std().item<double>());
        QVERIFY2(d.rel() <= tolerance, d.text().c_str());
    }

    // Each statistics pass brings the tiled decode closer to the full one; the tiny VAE's up path
    // has 9 GroupNorms, after which the statistics are exact and further passes change nothing.
    void tiledDecodeStatsPassesConverge() {
        QCOMPARE(m_vae->upPathNorms(), 9);
        const torch::Tensor z = m_vae->encode(ace::syntheticImages(1, 96, 7), nullptr);  // [1, 4, 48, 48]
        const torch::Tensor full = m_vae->decode(z);
        std::vector<double> rms;
        QString line;
        for (int passes : {0, 1, 2, 4, 9, 10}) {
            const torch::Tensor tiled = m_vae->decodeTiled(z, {true, 24, 16, 0, passes});
            rms.push_back((tiled - full).square().mean().sqrt().item<double>());
            line += QString(" %1: %2").arg(passes).arg(rms.back(), 0, 'g', 3);
        }
        qInfo("rms error by statistics passes:%s", qPrintable(line));
        for (size_t i = 1; i + 1 < rms.size(); ++i) QVERIFY2(rms[i] < 0.8 * rms[i - 1], qPrintable(line));
        QVERIFY2(rms[4] < 1e-5, qPrintable(line));
        QCOMPARE(rms[5], rms[4]);
    }

    // A latent within one tile is decoded in one piece: equal to the plain decode.
    void tiledDecodeOfSmallLatentIsExact() {
        const torch::Tensor z = m_golden.tensor("vae.dec.z_in");  // 16 x 24
        ace::VaeTiling tiling;
        tiling.tile = 24;
        tiling.overlap = 8;
        tiling.blend = 4;
        const auto d = compare(m_vae->decodeTiled(z, tiling), m_vae->decode(z));
        QVERIFY2(d.rel() < 1e-5, d.text().c_str());
    }

    void badInputIsRefused_data() {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("expected");
        QTest::newRow("encode: odd size") << "encode 1 3 31 32" << "multiples of 2";
        QTest::newRow("encode: 4 channels") << "encode 1 4 32 32" << "[1, 4, 32, 32]";
        QTest::newRow("encode: 3-D") << "encode 3 32 32" << "[3, 32, 32]";
        QTest::newRow("encode: integer") << "encodeInt 1 3 32 32" << "floating-point";
        QTest::newRow("encode: wrong noise") << "noise 1 4 8 8" << "noise must have the latent's shape";
        QTest::newRow("decode: 3 channels") << "decode 1 3 8 8" << "[1, 3, 8, 8]";
        QTest::newRow("decode: 3-D") << "decode 4 8 8" << "[4, 8, 8]";
        QTest::newRow("tiling: overlap >= tile") << "tiling 8 8" << "overlap < tile";
        QTest::newRow("dtype: float64") << "dtype" << "unsupported compute dtype";
        QTest::newRow("config: 48 channels") << "config" << "multiple of 32";
    }

    void badInputIsRefused() {
        QFETCH(QString, call);
        QFETCH(QString, expected);
        const QStringList parts = call.split(' ');
        std::vector<int64_t> shape;
        for (int i = 1; i < parts.size(); ++i) shape.push_back(parts[i].toLongLong());
        const QString op = parts[0];
        const std::string message = errorOf([&] {
            if (op == "encode") m_vae->encode(torch::zeros(shape), nullptr);
            else if (op == "encodeInt") m_vae->encode(torch::zeros(shape, torch::kInt64), nullptr);
            else if (op == "noise") m_vae->encode(torch::zeros({1, 3, 32, 32}), torch::zeros(shape));
            else if (op == "decode") m_vae->decode(torch::zeros(shape));
            else if (op == "tiling") m_vae->setTiling({true, shape[0], shape[1], 0, 2});
            else if (op == "dtype") ace::AutoencoderKL(ace::VaeConfig::fromSource(m_source), torch::kFloat64);
            else if (op == "config") {
                ace::VaeConfig c;
                c.ch = 48;
                ace::AutoencoderKL bad(c);
            }
        });
        QVERIFY2(!message.empty(), "no ace::Error thrown");
        QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    }

    void wrongCheckpointIsReported_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "drop decoder.mid.attn_1.q.weight" << "missing keys (1):\n  decoder.mid.attn_1.q.weight";
        QTest::newRow("unexpected") << "add encoder.down.0.attn.0.norm.weight"
                                    << "unexpected keys (1):\n  encoder.down.0.attn.0.norm.weight";
        QTest::newRow("mismatched") << "reshape decoder.conv_out.weight"
                                    << "keys with the wrong shape (1):\n  decoder.conv_out.weight: file (4, 32, 3, 3) vs model (3, 32, 3, 3)";
        QTest::newRow("half-renamed") << "rename conv1.weight conv_q.weight" << "unexpected keys (1):\n  conv_q.weight";
        QTest::newRow("not a VAE") << "dit" << "tensor 'encoder.conv_in.weight' is missing";
    }

    // A checkpoint that does not fit gets the strict loader's report, naming the file.
    void wrongCheckpointIsReported() {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        const QStringList parts = change.split(' ');
        ace::ckpt::TensorSource src = m_source;
        std::unique_ptr<ace::ckpt::SafetensorsReader> dit;
        if (parts[0] == "drop") src.erase(parts[1].toStdString());
        if (parts[0] == "add") src[parts[1].toStdString()] = src.at("encoder.down.0.block.0.norm1.weight");
        if (parts[0] == "reshape") src[parts[1].toStdString()].shape[0] = 4;
        if (parts[0] == "rename") {
            src[parts[2].toStdString()] = src.at(parts[1].toStdString());
            src.erase(parts[1].toStdString());
        }
        if (parts[0] == "dit") {
            dit = std::make_unique<ace::ckpt::SafetensorsReader>(m_golden.file("dit_tiny.safetensors"));
            src = ace::ckpt::sourceFromReader(*dit);
        }
        const std::string message = errorOf([&] { ace::loadAutoencoderKL(src, torch::kFloat32, torch::kCPU); });
        QVERIFY2(!message.empty(), "no ace::Error thrown");
        QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
        QVERIFY2(QString::fromStdString(message).contains(parts[0] == "dit" ? "dit_tiny.safetensors" : "vae_tiny.safetensors"),
                 message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestAutoencoderKL)
#include "tst_autoencoderkl.moc"
