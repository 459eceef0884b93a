// The pipeline's image edges: the VAE decode to an 8-bit image switches to the tiled decode above
// the policy's pixel threshold (automatic on CUDA, off on the CPU), and the policy carries the
// load options that decide it.
#include <QtTest>

#include <torch/torch.h>

#include "pipeline/AceModelImpl.h"
#include "pipeline/TensorImages.h"

class TestTensorImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodeTilesAboveThePixelThreshold() {
        torch::manual_seed(0);
        ace::VaeConfig config;
        config.ch = 32;
        config.chMult = {1, 2};  // 2 px per latent cell
        config.numResBlocks = 1;
        ace::AutoencoderKL vae(config);
        vae->eval();
        const torch::Tensor latent = torch::randn({1, 4, 12, 12}) * ace::kLatentScale;  // 24 x 24 px
        ace::ComputePolicy policy;
        policy.decodeTiling.tile = 6;
        policy.decodeTiling.overlap = 2;
        policy.decodeTiling.blend = 1;
        policy.decodeTiling.statsPasses = 0;
        const torch::Tensor z = latent / ace::kLatentScale;
        const ace::Image full = ace::tensorToImage((vae->decode(z)[0] + 1.0) / 2.0);
        const ace::Image tiles = ace::tensorToImage((vae->decodeTiled(z, policy.decodeTiling)[0] + 1.0) / 2.0);
        QVERIFY(!(full == tiles));  // the tiles' own GroupNorm statistics differ

        policy.tiledDecodeAbovePixels = 0;  // never
        QVERIFY(ace::decodeToImage(vae, latent, policy) == full);
        policy.tiledDecodeAbovePixels = 24 * 24;  // not above
        QVERIFY(ace::decodeToImage(vae, latent, policy) == full);
        policy.tiledDecodeAbovePixels = 24 * 24 - 1;
        QVERIFY(ace::decodeToImage(vae, latent, policy) == tiles);
    }

    void policyFollowsTheLoadOptions() {
        ace::ModelLoadOptions options;
        options.device = ace::Device::Cpu;
        ace::ComputePolicy p = ace::resolvePolicy(options);
        QCOMPARE(p.tiledDecodeAbovePixels, int64_t{0});  // automatic: never on the CPU
        QVERIFY(p.cpuFallbackOnOutOfMemory);
        QVERIFY(p.isCpuFp32());
        options.tiledDecodeAbovePixels = 2048 * 2048;
        options.cpuFallbackOnOutOfMemory = false;
        options.ditPrecision = ace::Precision::BFloat16;
        p = ace::resolvePolicy(options);
        QCOMPARE(p.tiledDecodeAbovePixels, int64_t{2048 * 2048});
        QVERIFY(!p.cpuFallbackOnOutOfMemory);
        QVERIFY(!p.isCpuFp32());
    }
};

QTEST_GUILESS_MAIN(TestTensorImages)
#include "tst_tensorimages.moc"
