// ImagePrep: the reference's input preparation, exactly (tensors from PIL + torchvision + torch in
// tests/data/lcu/prep), its geometry rules, and clear errors where the reference would crash.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "ace/common/Error.h"
#include "ace/imaging/ImageIo.h"
#include "checkpoint/SafetensorsReader.h"
#include "lcu/ImagePrep.h"

namespace {

const std::filesystem::path kDir = std::filesystem::path(ACE_TEST_DATA_DIR) / "lcu" / "prep";

ace::Image noiseImage(int w, int h, int c, unsigned seed) {
    ace::Image img(w, h, c);
    for (auto& v : img.data) {
        seed = seed * 1103515245u + 12345u;
        v = static_cast<std::uint8_t>(seed >> 16);
    }
    return img;
}

QString errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const ace::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestImagePrep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_expected = std::make_unique<ace::ckpt::SafetensorsReader>(kDir / "prep.safetensors"); }

    void matchesReference_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("imageFile");
        QTest::addColumn<QString>("maskFile");
        QTest::addColumn<QString>("task");
        QTest::addColumn<int>("maxSeqLen");
        std::ifstream in(kDir / "cases.json");
        QVERIFY2(in.good(), "tests/data/lcu/prep/cases.json is missing");
        const nlohmann::json cases = nlohmann::json::parse(in).at("cases");
        for (const auto& c : cases) {
            const auto name = c.at("name").get<std::string>();
            QTest::newRow(name.c_str()) << QString::fromStdString(name)
                                        << QString::fromStdString(c.at("image").get<std::string>())
                                        << (c.at("mask").is_null() ? QString()
                                                                    : QString::fromStdString(c.at("mask").get<std::string>()))
                                        << QString::fromStdString(c.at("task").get<std::string>())
                                        << c.at("max_seq_len").get<int>();
        }
    }
    void matchesReference() {
        QFETCH(QString, name);
        QFETCH(QString, imageFile);
        QFETCH(QString, maskFile);
        QFETCH(QString, task);
        QFETCH(int, maxSeqLen);
        const ace::Image rgb = ace::readImage(kDir / imageFile.toStdString(), 3);
        const ace::Image mask = maskFile.isEmpty() ? ace::Image() : ace::readImage(kDir / maskFile.toStdString(), 1);
        const ace::PreparedImage p = ace::prepareImage(rgb, mask, task.toStdString(), maxSeqLen);
        const std::string key = name.toStdString();
        const torch::Tensor image = m_expected->load(key + ".image");
        const torch::Tensor maskWant = m_expected->load(key + ".mask");
        const torch::Tensor latentWant = m_expected->load(key + ".mask_latent");
        QCOMPARE(p.image.sizes().vec(), image.sizes().vec());
        QCOMPARE(p.mask.sizes().vec(), maskWant.sizes().vec());
        QCOMPARE(p.image.scalar_type(), torch::kFloat32);
        QVERIFY2(torch::equal(p.mask, maskWant), "mask differs");
        QVERIFY2(torch::equal(p.image, image),
                 qPrintable(QStringLiteral("image differs, max-abs %1")
                                .arg((p.image - image).abs().max().item<double>())));
        QVERIFY2(torch::equal(ace::downsampleMask(p.mask), latentWant), "latent mask differs");
    }

    void geometry_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("maxSeqLen");
        QTest::addColumn<QList<int>>("crop");  // left, top, width, height
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        // The spec's example: 750x1000 (HxW) in the 1024-token budget -> 432x576 = 972 tokens.
        QTest::newRow("spec example") << 1000 << 750 << 1024 << QList<int>{0, 0, 1000, 750} << 576 << 432;
        QTest::newRow("fits exactly") << 512 << 512 << 1024 << QList<int>{0, 0, 512, 512} << 512 << 512;
        QTest::newRow("never upscales") << 100 << 70 << 1024 << QList<int>{0, 0, 100, 70} << 96 << 64;
        QTest::newRow("1024 budget 4096") << 1536 << 1024 << 4096 << QList<int>{0, 0, 1536, 1024} << 1248 << 832;
        QTest::newRow("downscale 2048") << 2048 << 2048 << 1024 << QList<int>{0, 0, 2048, 2048} << 512 << 512;
        // Aspect crop to 4:1, offsets rounded half to even like Python's round().
        QTest::newRow("tall, offset 10.5 -> 10") << 20 << 101 << 1024 << QList<int>{0, 10, 20, 80} << 16 << 80;
        QTest::newRow("tall, offset 11.5 -> 12") << 20 << 103 << 1024 << QList<int>{0, 12, 20, 80} << 16 << 80;
        QTest::newRow("wide, offset 11.5 -> 12") << 103 << 20 << 1024 << QList<int>{12, 0, 80, 20} << 80 << 16;
        QTest::newRow("wide, even offset") << 1000 << 100 << 1024 << QList<int>{300, 0, 400, 100} << 400 << 96;
        QTest::newRow("exactly 4:1 kept") << 400 << 100 << 1024 << QList<int>{0, 0, 400, 100} << 400 << 96;
    }
    void geometry() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, maxSeqLen);
        QFETCH(QList<int>, crop);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        const ace::ImageGeometry g = ace::planImageGeometry(width, height, maxSeqLen);
        QCOMPARE((QList<int>{g.cropLeft, g.cropTop, g.cropWidth, g.cropHeight}), crop);
        QCOMPARE(g.width, outWidth);
        QCOMPARE(g.height, outHeight);
        QVERIFY((g.width / 16) * (g.height / 16) <= maxSeqLen);
    }

    void tooSmallIsAClearError_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("maxSeqLen");
        QTest::newRow("15 px wide") << 15 << 64 << 1024;
        QTest::newRow("tiny") << 3 << 2 << 1024;
        QTest::newRow("tall crop of 10 px") << 10 << 500 << 1024;
        QTest::newRow("budget too small") << 64 << 256 << 2;
    }
    void tooSmallIsAClearError() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, maxSeqLen);
        const QString msg = errorOf([&] {
            ace::prepareImage(noiseImage(width, height, 3, 1), {}, "", maxSeqLen, "input image 2");
        });
        QVERIFY2(msg.contains(QLatin1String("input image 2")) && msg.contains(QLatin1String("too small")) &&
                     msg.contains(QStringLiteral("%1x%2").arg(width).arg(height)),
                 qPrintable(msg));
    }

    void maskMustMatchTheImage() {
        const QString msg = errorOf([] {
            ace::prepareImage(noiseImage(64, 48, 3, 1), noiseImage(32, 48, 1, 2), "", 1024, "input image 1");
        });
        QVERIFY2(msg.contains(QLatin1String("input image 1")) && msg.contains(QLatin1String("32x48")) &&
                     msg.contains(QLatin1String("64x48")),
                 qPrintable(msg));
        QVERIFY(!errorOf([] { ace::prepareImage(noiseImage(64, 48, 3, 1), noiseImage(64, 48, 3, 2), "", 1024); })
                     .isEmpty());
    }

    void rejectsBrokenImagesAndTasks() {
        ace::Image broken(16, 16, 3);
        broken.data.resize(10);
        QVERIFY(errorOf([&] { ace::prepareImage(broken, {}, "", 1024); }).contains(QLatin1String("bytes")));
        QVERIFY(errorOf([] { ace::prepareImage(ace::Image(), {}, "", 1024); }).contains(QLatin1String("empty")));
        QVERIFY(!errorOf([] { ace::prepareImage(noiseImage(16, 16, 2, 1), {}, "", 1024); }).isEmpty());
        const QString msg = errorOf([] { ace::prepareImage(noiseImage(32, 32, 3, 1), {}, "paint it", 1024); });
        QVERIFY2(msg.contains(QLatin1String("\"paint it\"")) && msg.contains(QLatin1String("\"Try On\"")), qPrintable(msg));
        QVERIFY(!errorOf([] { ace::prepareImage(noiseImage(32, 32, 3, 1), {}, "", 0); }).isEmpty());
    }

    void greyAndRgbaBecomeRgb() {
        const ace::Image grey = noiseImage(40, 24, 1, 5);
        ace::Image rgb(40, 24, 3), rgba = noiseImage(40, 24, 4, 6), rgbOfRgba(40, 24, 3);
        for (size_t i = 0; i < grey.data.size(); ++i) {
            rgb.data[i * 3] = rgb.data[i * 3 + 1] = rgb.data[i * 3 + 2] = grey.data[i];
            std::copy_n(&rgba.data[i * 4], 3, &rgbOfRgba.data[i * 3]);
        }
        QVERIFY(torch::equal(ace::prepareImage(grey, {}, "", 4).image, ace::prepareImage(rgb, {}, "", 4).image));
        QVERIFY(torch::equal(ace::prepareImage(rgba, {}, "", 4).image, ace::prepareImage(rgbOfRgba, {}, "", 4).image));
    }

    void inpaintingTasksBlankTheMask() {
        QVERIFY(ace::isInpaintingTask("inpainting"));
        QVERIFY(ace::isInpaintingTask("Inpainting"));
        QVERIFY(ace::isInpaintingTask("Try On"));
        QVERIFY(!ace::isInpaintingTask("outpainting"));
        QVERIFY(!ace::isInpaintingTask("INPAINTING"));
        for (const auto& task : ace::knownTasks())
            QVERIFY(ace::isKnownTask(task));
    }

    void downsampleMaskSamplesPixelCentres() {
        // Every pixel distinct: the result must be pixel (8i+4, 8j+4).
        const torch::Tensor mask = torch::arange(32 * 48, torch::kFloat32).view({1, 32, 48});
        const torch::Tensor small = ace::downsampleMask(mask);
        QCOMPARE(small.sizes().vec(), (std::vector<int64_t>{1, 4, 6}));
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 6; ++j)
                QCOMPARE(small[0][i][j].item<float>(), float((8 * i + 4) * 48 + 8 * j + 4));
        QVERIFY(!errorOf([] { ace::downsampleMask(torch::ones({32, 48})); }).isEmpty());
        QVERIFY(!errorOf([] { ace::downsampleMask(torch::ones({2, 32, 48})); }).isEmpty());
    }

private:
    std::unique_ptr<ace::ckpt::SafetensorsReader> m_expected;
};

QTEST_GUILESS_MAIN(TestImagePrep)
#include "tst_imageprep.moc"
