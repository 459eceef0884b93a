// OpenRaster export and import: round trip of pixels and attributes, the container layout other
// tools rely on (mimetype stored first, stack.xml, data/, thumbnail, merged image) checked with
// an independent zip reader, and clear errors for files that are not OpenRaster.
#include <QtTest>

#include "DocumentTestUtil.h"
#include "LayeredCompare.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/document/Export.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

class TestOpenRaster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip() {
        const Document doc = test::sampleDocument();
        const auto path = file("rt.ora");
        const std::string transcript = "{\"turns\":[{\"user\":\"a <cat> & \\\"dog\\\"\",\"seed\":7}]} 中文";
        writeOpenRaster(path, doc, transcript);
        const LayeredFile back = readOpenRaster(path);
        test::compareDocuments(back.document, doc, 1e-4f, true);
        QCOMPARE(back.transcript, transcript);
    }

    void containerLayout() {
        Document doc = test::sampleDocument(300, 200);
        const auto path = file("layout.ora");
        writeOpenRaster(path, doc, "t");
        const ZipReader zip = ZipReader::open(path);
        QCOMPARE(zip.entries()[0].name, std::string("mimetype"));
        QCOMPARE(zip.entries()[0].method, std::uint16_t(0));
        QCOMPARE(zip.entries()[0].dataOffset, std::uint64_t(38));
        QCOMPARE(zip.readText("mimetype"), std::string("image/openraster"));
        for (const char* name : {"stack.xml", "mergedimage.png", "Thumbnails/thumbnail.png", "ace/transcript.txt"})
            QVERIFY2(zip.contains(name), name);
        const auto merged = zip.read("mergedimage.png");
        QVERIFY(decodeImage(merged.data(), merged.size(), 4, "merged") == composite(doc));
        const auto thumb = zip.read("Thumbnails/thumbnail.png");
        const Image t = decodeImage(thumb.data(), thumb.size(), 4, "thumb");
        QCOMPARE(t.width, 256);
        QCOMPARE(t.height, 170);
        const std::string stack = zip.readText("stack.xml");
        QVERIFY(stack.find("composite-op=\"svg:multiply\"") != std::string::npos);
        QVERIFY(stack.find("visibility=\"hidden\"") != std::string::npos);
        QVERIFY(stack.find("«multiply» 图层") != std::string::npos);

        // Python's zipfile and ElementTree (independent of our code) read the archive.
        QProcess p;
        p.start("python3", {"-c",
                            "import sys, zipfile, xml.etree.ElementTree as ET\n"
                            "z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None\n"
                            "assert z.infolist()[0].filename == 'mimetype' and z.infolist()[0].compress_type == 0\n"
                            "root = ET.fromstring(z.read('stack.xml'))\n"
                            "layers = root.find('stack').findall('layer')\n"
                            "for l in layers: z.read(l.get('src'))\n"
                            "print(root.get('w'), root.get('h'), len(layers), layers[-1].get('name'))\n",
                            QString::fromStdString(path.string())});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QString("300 200 9 Background"));
    }

    void readsNestedStacksAndForeignOps() {
        // What Krita writes: groups as nested stacks, modes we do not have.
        ZipWriter zip;
        zip.add("mimetype", std::string("image/openraster"), ZipWriter::Method::Stored);
        const Image red(4, 4, 4, 200);
        zip.add("data/a.png", encodeImage(red, ".png"), ZipWriter::Method::Stored);
        zip.add("data/b.png", encodeImage(Image(2, 2, 4, 100), ".png"), ZipWriter::Method::Stored);
        zip.add("stack.xml", std::string("<?xml version='1.0'?><image w='8' h='6'><stack>"
                                         "<stack name='group' visibility='hidden' opacity='0.5'>"
                                         "<layer name='b' src='data/b.png' x='3' y='2' composite-op='krita:burn'/></stack>"
                                         "<layer name='a &amp; &#x4E2D;' src='data/a.png' opacity='0.25'/></stack></image>"));
        const auto path = file("krita.ora");
        const auto bytes = zip.finish();
        writeFileAtomically(path, bytes);
        const LayeredFile back = readOpenRaster(path);
        QCOMPARE(back.document.layerCount(), 2);
        QCOMPARE(back.document.layer(0).name, std::string("a & 中"));
        QCOMPARE(back.document.layer(0).opacity, 0.25f);
        QCOMPARE(back.document.layer(1).name, std::string("b"));
        QCOMPARE(back.document.layer(1).visible, false);
        QCOMPARE(back.document.layer(1).opacity, 0.5f);
        QCOMPARE(back.document.layer(1).x, 3);
        QCOMPARE(back.document.layer(1).blendMode, BlendMode::Normal);
        QVERIFY(back.transcript.empty());
    }

    void badFilesAreErrors_data() {
        QTest::addColumn<QByteArray>("stackXml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no size") << QByteArray("<image><stack/></image>") << "no size";
        QTest::newRow("malformed") << QByteArray("<image w='1' h='1'><stack>") << "malformed XML";
        QTest::newRow("missing src") << QByteArray("<image w='1' h='1'><stack><layer src='data/x.png'/></stack></image>")
                                     << "is missing";
        QTest::newRow("huge") << QByteArray("<image w='100000' h='1'><stack/></image>") << "bad width";
        QTest::newRow("entity") << QByteArray("<image w='1' h='1' a='&bogus;'><stack/></image>") << "unknown entity";
    }
    void badFilesAreErrors() {
        QFETCH(QByteArray, stackXml);
        QFETCH(QString, expected);
        ZipWriter zip;
        zip.add("mimetype", std::string("image/openraster"), ZipWriter::Method::Stored);
        zip.add("stack.xml", stackXml.toStdString());
        const auto path = file("bad.ora");
        const auto bytes = zip.finish();
        writeFileAtomically(path, bytes);
        try {
            readOpenRaster(path);
            QFAIL("accepted");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains(expected), e.what());
            QVERIFY2(QString(e.what()).contains("bad.ora"), e.what());
        }
        writeFileAtomically(path, std::span<const std::uint8_t>(bytes.data(), bytes.size() / 2));
        QVERIFY_THROWS_EXCEPTION(ace::Error, readOpenRaster(path));
    }

private:
    std::filesystem::path file(const std::string& name) const { return std::filesystem::path(m_dir.path().toStdString()) / name; }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOpenRaster)
#include "tst_openraster.moc"
