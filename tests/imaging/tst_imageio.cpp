// Image files: lossless round trips, and clear errors naming the file for bad input.
#include <QtTest>

#include <fstream>

#include "ace/common/Error.h"
#include "ace/imaging/ImageIo.h"

namespace {
ace::Image gradient(int w, int h, int c) {
    ace::Image img(w, h, c);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int k = 0; k < c; ++k) img.pixel(x, y)[k] = static_cast<std::uint8_t>((x * 7 + y * 13 + k * 50) & 255);
    return img;
}
}  // namespace

class TestImageIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pngRoundTrip_data() {
        QTest::addColumn<int>("channels");
        QTest::newRow("grey") << 1;
        QTest::newRow("rgb") << 3;
        QTest::newRow("rgba") << 4;
    }
    void pngRoundTrip() {
        QFETCH(int, channels);
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "rt.png";
        const ace::Image img = gradient(37, 23, channels);
        ace::writeImage(path, img);
        QVERIFY(!std::filesystem::exists(path.string() + ".part"));
        const ace::Image back = ace::readImage(path, channels);
        QVERIFY(back == img);
    }

    void convertsChannels() {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "rgba.png";
        ace::Image img = gradient(8, 8, 4);
        ace::writeImage(path, img);
        const ace::Image rgb = ace::readImage(path, 3);
        QCOMPARE(rgb.channels, 3);
        QCOMPARE(rgb.pixel(3, 4)[0], img.pixel(3, 4)[0]);
        QCOMPARE(rgb.pixel(3, 4)[2], img.pixel(3, 4)[2]);
    }

    void jpegAndWebpAreClose_data() {
        QTest::addColumn<QString>("ext");
        QTest::newRow("jpeg") << ".jpg";
        QTest::newRow("webp") << ".webp";
    }
    void jpegAndWebpAreClose() {
        QFETCH(QString, ext);
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / ("lossy" + ext.toStdString());
        ace::Image img(64, 64, 3, 128);
        ace::writeImage(path, img, {.quality = 90});
        const ace::Image back = ace::readImage(path, 3);
        QCOMPARE(back.width, 64);
        for (std::uint8_t v : back.data) QVERIFY(std::abs(int(v) - 128) <= 3);
    }

    void errorsNameTheFile_data() {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing") << QString() << "not found";
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("garbage") << "definitely not an image" << "not a readable image";
        QTest::newRow("truncated-png") << "\x89PNG\r\n\x1a\n\0\0\0\rIHDR" << "not a readable image";
    }
    void errorsNameTheFile() {
        QFETCH(QString, content);
        QFETCH(QString, problem);
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / (std::string(QTest::currentDataTag()) + ".png");
        if (!content.isNull()) {
            std::ofstream out(path, std::ios::binary);
            const QByteArray bytes = content.toLatin1();
            out.write(bytes.constData(), bytes.size());
        }
        try {
            ace::readImage(path);
            QFAIL("no error");
        } catch (const ace::Error& e) {
            const QString msg = e.what();
            QVERIFY2(msg.contains(QString::fromStdString(path.string())), qPrintable(msg));
            QVERIFY2(msg.contains(problem), qPrintable(msg));
        }
    }

    void refusesHugeImages() {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "big.png";
        ace::writeImage(path, ace::Image(300, 200, 3));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::readImage(path, 3, {.maxPixels = 300 * 199}));
    }

    void refusesUnknownExtension() {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "x.xyz";
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::writeImage(path, ace::Image(4, 4, 3)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestImageIo)
#include "tst_imageio.moc"
