// Flat exports (PNG, JPEG, WebP of the composite or of one layer) and "export all results" with
// its JSON sidecar.
#include <QtTest>

#include "DocumentTestUtil.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/document/Export.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

class TestFlatExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pngIsTheExactComposite() {
        const Document doc = test::sampleDocument();
        const auto path = file("flat.png");
        exportFlat(path, doc);
        QVERIFY(readImage(path, 4) == composite(doc));
    }

    void oneLayer() {
        const Document doc = test::sampleDocument();
        const auto path = file("layer.png");
        exportFlat(path, doc, {.layerIndex = 1});
        QVERIFY(readImage(path, 4) == renderLayer(doc, 1));
        const auto mask = file("mask.png");
        exportFlat(mask, doc, {.layerIndex = doc.layerCount() - 1});
        const Image m = readImage(mask, 1);
        const Layer& ml = doc.layer(doc.layerCount() - 1);
        QCOMPARE(m.width, doc.width());
        QCOMPARE(*m.pixel(ml.x + 2, ml.y + 3), *ml.image().pixel(2, 3));
        QCOMPARE(*m.pixel(0, 0), std::uint8_t(0));
    }

    void lossyFormatsHonourQuality_data() {
        QTest::addColumn<QString>("ext");
        QTest::newRow("jpeg") << ".jpg";
        QTest::newRow("webp") << ".webp";
    }
    void lossyFormatsHonourQuality() {
        QFETCH(QString, ext);
        Document doc(128, 128);
        doc.addLayer(Layer::raster("noise", test::randomRgba(128, 128, 4)));
        const auto low = file("low" + ext.toStdString()), high = file("high" + ext.toStdString());
        exportFlat(low, doc, {.quality = 20});
        exportFlat(high, doc, {.quality = 95});
        QVERIFY(std::filesystem::file_size(low) < std::filesystem::file_size(high));
        QCOMPARE(readImage(high, 3).width, 128);
    }

    void unknownFormatIsAnError() {
        QVERIFY_THROWS_EXCEPTION(ace::Error, exportFlat(file("x.gif"), test::sampleDocument()));
        QVERIFY_THROWS_EXCEPTION(ace::Error, exportFlat(file("x.png"), test::sampleDocument(), {.layerIndex = 99}));
    }

    void exportAllResultsWithSidecar() {
        Document doc(32, 32);
        doc.addLayer(Layer::raster("import", test::randomRgba(32, 32, 1)));
        Layer result = Layer::raster("turn 2", Image());
        result.versions.clear();
        for (int seed : {11, 12}) {
            Provenance p;
            p.instruction = "turn 2 {image}";
            p.seed = seed;
            p.turn = 2;
            p.referencedImages = {"import"};
            p.settings = {{"steps", 20}, {"guideScale", 4.5}};
            result.versions.push_back({test::randomRgba(32, 32, seed), p});
        }
        doc.addLayer(std::move(result));
        Layer first = Layer::raster("turn 1", test::randomRgba(16, 16, 5));
        Provenance p1;
        p1.instruction = "a cat";
        p1.seed = 5;
        p1.turn = 1;
        first.versions[0].provenance = p1;
        doc.addLayer(std::move(first));

        const auto folder = file("results");
        const auto written = exportAllResults(folder, doc, "cat");
        QCOMPARE(written.size(), std::size_t(4));
        QCOMPARE(written[0].filename().string(), std::string("cat-001.png"));
        QCOMPARE(written[3].filename().string(), std::string("cat.json"));
        QVERIFY(readImage(written[0], 4) == doc.layer(2).image());  // turn 1 first
        QVERIFY(readImage(written[2], 4) == doc.layer(1).versions[1].image);
        const auto json = readFileBytes(written[3], 1 << 20);
        const auto sidecar = nlohmann::json::parse(json.begin(), json.end());
        QCOMPARE(sidecar["results"].size(), std::size_t(3));
        QCOMPARE(sidecar["results"][0]["instruction"].get<std::string>(), std::string("a cat"));
        QCOMPARE(sidecar["results"][2]["seed"].get<int>(), 12);
        QCOMPARE(sidecar["results"][2]["file"].get<std::string>(), std::string("cat-003.png"));
        QCOMPARE(sidecar["results"][1]["settings"]["steps"].get<int>(), 20);
    }

private:
    std::filesystem::path file(const std::string& name) const { return std::filesystem::path(m_dir.path().toStdString()) / name; }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFlatExport)
#include "tst_flatexport.moc"
