// The zip writer and reader: round trips, an independent reader (Python's zipfile) accepts what
// we write, and corrupt archives are refused with ace::Error (CRC, sizes, offsets, truncation).
#include <QtTest>

#include <random>

#include "ace/common/Error.h"
#include "ace/document/Zip.h"

using namespace ace;

namespace {
std::vector<std::uint8_t> sampleArchive() {
    ZipWriter w;
    w.add("mimetype", std::string("application/x-test"), ZipWriter::Method::Stored);
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i % 17) + "\n";
    w.add("dir/text.txt", text);
    std::vector<std::uint8_t> noise(5000);
    std::mt19937 rng(1);
    for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
    w.add("noise.bin", noise);
    w.add("empty", std::string());
    w.add("名字.txt", std::string("unicode name"));
    return w.finish();
}
}  // namespace

class TestZip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip() {
        const auto bytes = sampleArchive();
        const ZipReader r(bytes, "sample.zip");
        QCOMPARE(r.entries().size(), std::size_t(5));
        QCOMPARE(r.entries()[0].name, std::string("mimetype"));
        QCOMPARE(r.entries()[0].method, std::uint16_t(0));
        QCOMPARE(r.entries()[0].dataOffset, std::uint64_t(38));  // OpenRaster's magic offset
        QCOMPARE(r.readText("mimetype"), std::string("application/x-test"));
        QCOMPARE(r.entry("dir/text.txt").method, std::uint16_t(8));
        QVERIFY(r.entry("dir/text.txt").compressedSize < r.entry("dir/text.txt").size / 4);
        QCOMPARE(r.entry("noise.bin").method, std::uint16_t(0));  // incompressible: stored
        QCOMPARE(r.read("noise.bin").size(), std::size_t(5000));
        QVERIFY(r.read("empty").empty());
        QCOMPARE(r.readText("名字.txt"), std::string("unicode name"));
        QVERIFY_THROWS_EXCEPTION(ace::Error, r.read("absent"));
    }

    void independentReaderAccepts() {
        QTemporaryDir dir;
        const QString path = dir.filePath("sample.zip");
        const auto bytes = sampleArchive();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
        f.close();
        QProcess p;
        p.start("python3", {"-c",
                            "import sys, zipfile\n"
                            "z = zipfile.ZipFile(sys.argv[1])\n"
                            "assert z.testzip() is None\n"
                            "print(len(z.namelist()), len(z.read('dir/text.txt')), z.read('名字.txt').decode())\n",
                            path});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const ZipReader ours(bytes, "sample.zip");
        const auto textSize = ours.read("dir/text.txt").size();
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QString("5 %1 unicode name").arg(textSize));
    }

    void corruptionIsDetected_data() {
        QTest::addColumn<int>("what");
        QTest::newRow("flipped data byte") << 0;
        QTest::newRow("bad CRC") << 1;
        QTest::newRow("size too small") << 2;
        QTest::newRow("offset past end") << 3;
        QTest::newRow("entry count") << 4;
    }
    void corruptionIsDetected() {
        QFETCH(int, what);
        auto bytes = sampleArchive();
        const ZipReader clean(bytes, "x");
        const auto& e = clean.entry("dir/text.txt");
        // Central directory record of the second entry.
        std::size_t cd = bytes.size() - 22;
        const std::uint32_t cdOffset = bytes[cd + 16] | (bytes[cd + 17] << 8) | (bytes[cd + 18] << 16) | (bytes[cd + 19] << 24);
        std::size_t second = cdOffset + 46 + 8;  // past "mimetype"
        switch (what) {
        case 0: bytes[e.dataOffset + 10] ^= 0x55; break;
        case 1: bytes[second + 16] ^= 1; break;
        case 2: bytes[second + 24] = 3, bytes[second + 25] = 0, bytes[second + 26] = 0, bytes[second + 27] = 0; break;
        case 3: bytes[second + 42] = 0xf0, bytes[second + 43] = 0xff, bytes[second + 44] = 0xff, bytes[second + 45] = 0x7f; break;
        case 4: bytes[cd + 10] = 9, bytes[cd + 8] = 9; break;
        }
        QVERIFY_THROWS_EXCEPTION(ace::Error, {
            const ZipReader r(bytes, "x");
            r.read("dir/text.txt");
        });
    }

    void everyTruncationIsAnError() {
        const auto bytes = sampleArchive();
        for (std::size_t n = 0; n < bytes.size(); n += 7) {
            std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(n));
            try {
                const ZipReader r(cut, "cut");
                for (const auto& e : r.entries()) r.read(e.name);
                QFAIL(qPrintable(QString("truncation at %1 was accepted").arg(n)));
            } catch (const ace::Error&) {
            }
        }
    }

    void limitsAreEnforced() {
        ZipWriter w;
        w.add("big", std::string(100000, 'a'));
        ZipLimits limits;
        limits.maxEntryBytes = 1000;
        const ZipReader r(w.finish(), "limits", limits);
        QVERIFY_THROWS_EXCEPTION(ace::Error, r.read("big"));
    }

    void duplicateNamesAreRefused() {
        ZipWriter w;
        w.add("a", std::string("1"));
        QVERIFY_THROWS_EXCEPTION(ace::Error, w.add("a", std::string("2")));
    }
};

QTEST_GUILESS_MAIN(TestZip)
#include "tst_zip.moc"
