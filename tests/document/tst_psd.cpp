// PSD export and import: round trips (raw and RLE), and validation of what we write by an
// independent reader, ImageMagick (layer count, names, sizes, offsets, pixels, blend modes,
// visibility and the merged image). Corrupt files give ace::Error.
#include <QtTest>

#include <fstream>

#include "DocumentTestUtil.h"
#include "LayeredCompare.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/document/Export.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

namespace {

// ImageMagick 6 from Debian (imagemagick-6.q16); the versioned names avoid any wrapper script
// that might stand in for `convert` on the PATH.
QString imageMagick(const char* tool) {
    for (const QString& name : {QString("/usr/bin/%1-im6.q16").arg(tool), QString("/usr/bin/%1").arg(tool)})
        if (QFileInfo(name).isExecutable()) return name;
    return {};
}

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Opacity folded into alpha, as ImageMagick reports a layer's pixels.
Image withOpacity(const Image& rgba, float opacity) {
    Image out = rgba;
    const int o = static_cast<int>(std::lround(opacity * 255.0f));
    for (std::size_t i = 3; i < out.data.size(); i += 4) out.data[i] = static_cast<std::uint8_t>((out.data[i] * o + 127) / 255);
    return out;
}

}  // namespace

class TestPsd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data() {
        QTest::addColumn<int>("compression");
        QTest::newRow("raw") << int(PsdCompression::Raw);
        QTest::newRow("rle") << int(PsdCompression::Rle);
    }
    void roundTrip() {
        QFETCH(int, compression);
        const Document doc = test::sampleDocument();
        const auto path = file("rt.psd");
        const std::string transcript = "user: make the sky <purple> & add birds\nace: done — 完成";
        writePsd(path, doc, transcript, static_cast<PsdCompression>(compression));
        const LayeredFile back = readPsd(path);
        test::compareDocuments(back.document, doc, 0.5f / 255.0f + 1e-6f, true);
        QCOMPARE(back.transcript, transcript);
        QVERIFY(importLayered(path).document == back.document);
    }

    void imageMagickReadsLayers() {
        const QString identify = imageMagick("identify"), convert = imageMagick("convert");
        QVERIFY2(!identify.isEmpty() && !convert.isEmpty(), "ImageMagick (Debian package imagemagick) is required");
        Document doc = test::sampleDocument();
        const auto path = file("im.psd");
        writePsd(path, doc, "transcript for ImageMagick");
        const QString psd = QString::fromStdString(path.string());

        // Scene 0 is the merged image, then one scene per layer, bottom first.
        const QStringList lines =
            run(identify, {"-format", "%w %h %X %Y|%l|%[compose]\n", psd}).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), doc.layerCount() + 1);
        for (int i = 0; i < doc.layerCount(); ++i) {
            const Layer& l = doc.layer(i);
            const QStringList parts = lines[i + 1].split('|');
            QCOMPARE(parts.size(), 3);
            const QString geometry = QString("%1 %2 %3%4 %5%6")
                                         .arg(l.image().width)
                                         .arg(l.image().height)
                                         .arg(l.x >= 0 ? "+" : "")
                                         .arg(l.x)
                                         .arg(l.y >= 0 ? "+" : "")
                                         .arg(l.y);
            QCOMPARE(parts[0], geometry);
            QCOMPARE(parts[1], QString::fromStdString(l.name));
            const char* expectedCompose = nullptr;
            switch (l.blendMode) {
            case BlendMode::Normal: expectedCompose = "Over"; break;
            case BlendMode::Multiply: expectedCompose = "Multiply"; break;
            case BlendMode::Screen: expectedCompose = "Screen"; break;
            case BlendMode::Overlay: expectedCompose = "Overlay"; break;
            case BlendMode::Darken: expectedCompose = "Darken"; break;
            case BlendMode::Lighten: expectedCompose = "Lighten"; break;
            case BlendMode::Difference: expectedCompose = "Difference"; break;
            }
            // ImageMagick marks hidden layers by composing them with "None".
            if (!l.visible) expectedCompose = "None";
            QCOMPARE(parts[2], QString(expectedCompose));
        }

        // Pixels of each layer (opacity folded into alpha by ImageMagick) and of the merged image.
        for (int i = 0; i <= doc.layerCount(); ++i) {
            const auto png = file("scene" + std::to_string(i) + ".png");
            run(convert, {QString("%1[%2]").arg(psd).arg(i), "+repage", "-depth", "8", "PNG32:" + QString::fromStdString(png.string())});
            const Image got = readImage(png, 4);
            Image expected;
            if (i == 0) {
                expected = composite(doc);
            } else {
                const Layer& l = doc.layer(i - 1);
                const Image rgba = l.kind == LayerKind::Mask ? toRgba(Image(1, 1, 1)) : l.image();
                expected = l.kind == LayerKind::Mask ? Image() : withOpacity(rgba, l.opacity);
                if (l.kind == LayerKind::Mask) {
                    expected = Image(l.image().width, l.image().height, 4, 255);
                    for (std::size_t p = 0; p < l.image().data.size(); ++p) expected.data[p * 4 + 3] = l.image().data[p];
                    expected = withOpacity(expected, l.opacity);
                }
            }
            QCOMPARE(got.width, expected.width);
            QCOMPARE(got.height, expected.height);
            int worst = 0;
            for (std::size_t p = 0; p < got.data.size(); p += 4) {
                worst = std::max(worst, std::abs(got.data[p + 3] - expected.data[p + 3]));
                if (expected.data[p + 3] == 0) continue;  // colour of transparent pixels is free
                for (int k = 0; k < 3; ++k) worst = std::max(worst, std::abs(got.data[p + k] - expected.data[p + k]));
            }
            QVERIFY2(worst <= 1, qPrintable(QString("scene %1 differs by %2").arg(i).arg(worst)));
        }

        // The transcript is in the XMP packet ImageMagick exposes as the "xmp" profile.
        const auto xmp = file("im.xmp");
        run(convert, {psd + "[0]", "xmp:" + QString::fromStdString(xmp.string())});
        const auto bytes = readFileBytes(xmp, 1 << 20);
        QVERIFY(std::string(bytes.begin(), bytes.end()).find("transcript for ImageMagick") != std::string::npos);
    }

    void corruptFilesAreErrors() {
        const Document doc = test::sampleDocument(20, 16);
        const auto path = file("c.psd");
        writePsd(path, doc, "t");
        const auto bytes = readFileBytes(path, 1 << 24);
        const auto cut = file("cut.psd");
        int errors = 0;
        for (std::size_t n = 0; n < bytes.size(); n += 13) {
            writeFileAtomically(cut, std::span<const std::uint8_t>(bytes.data(), n));
            try {
                readPsd(cut);
            } catch (const ace::Error&) {
                ++errors;
            }
        }
        // Only cuts inside the merged image data (not needed when there are layers) may load.
        QVERIFY(errors > 0);
        std::mt19937 rng(3);
        for (int round = 0; round < 300; ++round) {
            auto mutated = bytes;
            for (int k = 0; k < 4; ++k) mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
            writeFileAtomically(cut, mutated);
            try {
                readPsd(cut);
            } catch (const ace::Error&) {
            }
        }
        writeFileAtomically(cut, std::span<const std::uint8_t>(bytes.data(), 10));
        QVERIFY_THROWS_EXCEPTION(ace::Error, readPsd(cut));
    }

private:
    std::filesystem::path file(const std::string& name) const { return std::filesystem::path(m_dir.path().toStdString()) / name; }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPsd)
#include "tst_psd.moc"
