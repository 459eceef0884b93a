// Compositing: every blend mode against an independent double-precision implementation of the
// W3C formulas, hand-computed values, dirty-rectangle recomposites equal to full ones, and the
// layer operations that composite (merge down).
#include <QtTest>

#include <cmath>
#include <random>

#include "DocumentTestUtil.h"
#include "ace/common/Error.h"
#include "ace/document/Compositor.h"

using namespace ace;

namespace {

double blendRef(BlendMode m, double cb, double cs) {
    switch (m) {
    case BlendMode::Normal: return cs;
    case BlendMode::Multiply: return cb * cs;
    case BlendMode::Screen: return cb + cs - cb * cs;
    case BlendMode::Overlay: return cb <= 0.5 ? 2 * cb * cs : 1 - 2 * (1 - cb) * (1 - cs);
    case BlendMode::Darken: return std::min(cb, cs);
    case BlendMode::Lighten: return std::max(cb, cs);
    case BlendMode::Difference: return std::abs(cb - cs);
    }
    return cs;
}

// Straight-alpha reference, pixel by pixel, in double.
Image referenceComposite(const Document& doc) {
    Image out(doc.width(), doc.height(), 4);
    for (int y = 0; y < doc.height(); ++y)
        for (int x = 0; x < doc.width(); ++x) {
            double cb[3] = {0, 0, 0}, ab = 0;  // straight backdrop
            for (const Layer& l : doc.layers()) {
                if (!l.visible || l.kind != LayerKind::Raster || !l.bounds().contains(x, y)) continue;
                const std::uint8_t* p = l.image().pixel(x - l.x, y - l.y);
                const double as = p[3] / 255.0 * l.opacity;
                const double ao = as + ab * (1 - as);
                double co[3];
                for (int k = 0; k < 3; ++k) {
                    const double cs = p[k] / 255.0;
                    const double mixed = (1 - ab) * cs + ab * blendRef(l.blendMode, cb[k], cs);
                    const double premul = as * mixed + (1 - as) * ab * cb[k];
                    co[k] = ao > 0 ? premul / ao : 0;
                }
                ab = ao;
                for (int k = 0; k < 3; ++k) cb[k] = co[k];
            }
            std::uint8_t* o = out.pixel(x, y);
            if (ab <= 0) continue;
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::lround(std::clamp(cb[k], 0.0, 1.0) * 255));
            o[3] = static_cast<std::uint8_t>(std::lround(ab * 255));
        }
    return out;
}

int maxColourDifference(const Image& a, const Image& b) {
    // Colour of (nearly) transparent pixels is meaningless; compare it weighted by alpha.
    int worst = 0;
    for (std::size_t i = 0; i < a.data.size(); i += 4) {
        worst = std::max(worst, std::abs(a.data[i + 3] - b.data[i + 3]));
        if (a.data[i + 3] < 8) continue;
        for (int k = 0; k < 3; ++k) worst = std::max(worst, std::abs(a.data[i + k] - b.data[i + k]));
    }
    return worst;
}

}  // namespace

class TestCompositor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data() {
        QTest::addColumn<int>("mode");
        for (BlendMode m : {BlendMode::Normal, BlendMode::Multiply, BlendMode::Screen, BlendMode::Overlay, BlendMode::Darken,
                            BlendMode::Lighten, BlendMode::Difference})
            QTest::newRow(std::string(blendModeName(m)).c_str()) << static_cast<int>(m);
    }
    void matchesReference() {
        QFETCH(int, mode);
        Document doc(40, 30);
        doc.addLayer(Layer::raster("a", test::randomRgba(40, 30, 7)));
        doc.addLayer(Layer::raster("b", test::randomRgba(30, 20, 8), 5, 4));
        Layer top = Layer::raster("c", test::randomRgba(25, 25, 9), 12, 8);
        top.blendMode = static_cast<BlendMode>(mode);
        top.opacity = 0.7f;
        doc.addLayer(std::move(top));
        doc.layer(1).blendMode = static_cast<BlendMode>(mode);
        const Image fast = composite(doc);
        const Image ref = referenceComposite(doc);
        QVERIFY2(maxColourDifference(fast, ref) <= 1, qPrintable(QString::number(maxColourDifference(fast, ref))));
    }

    void sampleDocumentMatchesReference() {
        const Document doc = test::sampleDocument();
        QCOMPARE(maxColourDifference(composite(doc), referenceComposite(doc)) <= 1, true);
    }

    void handComputedValues_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("expectedR");
        QTest::addColumn<int>("expectedG");
        // Backdrop (200, 40) opaque, source (128, 200) opaque.
        QTest::newRow("normal") << int(BlendMode::Normal) << 128 << 200;
        QTest::newRow("multiply") << int(BlendMode::Multiply) << 100 << 31;    // 200*128/255, 40*200/255
        QTest::newRow("screen") << int(BlendMode::Screen) << 228 << 209;       // 200+128-100.4, 40+200-31.4
        QTest::newRow("overlay") << int(BlendMode::Overlay) << 200 << 63;      // 1-2(1-cb)(1-cs) = 200.2; 2 cb cs = 62.7
        QTest::newRow("darken") << int(BlendMode::Darken) << 128 << 40;
        QTest::newRow("difference") << int(BlendMode::Difference) << 72 << 160;
    }
    void handComputedValues() {
        QFETCH(int, mode);
        QFETCH(int, expectedR);
        QFETCH(int, expectedG);
        Document doc(1, 1);
        Image bottom(1, 1, 4, 255), top(1, 1, 4, 255);
        bottom.data = {200, 40, 0, 255};
        top.data = {128, 200, 0, 255};
        doc.addLayer(Layer::raster("b", bottom));
        Layer t = Layer::raster("t", top);
        t.blendMode = static_cast<BlendMode>(mode);
        doc.addLayer(std::move(t));
        const Image out = composite(doc);
        QCOMPARE(int(out.data[0]), expectedR);
        QCOMPARE(int(out.data[1]), expectedG);
        QCOMPARE(int(out.data[3]), 255);
    }

    void halfOpacityOverTransparent() {
        // A blend mode over nothing shows the source itself (W3C: (1 - ab) Cs); opacity only
        // changes alpha.
        Document doc(1, 1);
        Image px(1, 1, 4);
        px.data = {10, 20, 30, 255};
        Layer l = Layer::raster("l", px);
        l.blendMode = BlendMode::Multiply;
        l.opacity = 0.5f;
        doc.addLayer(std::move(l));
        const Image out = composite(doc);
        QCOMPARE(int(out.data[0]), 10);
        QCOMPARE(int(out.data[2]), 30);
        QCOMPARE(int(out.data[3]), 128);
    }

    void hiddenAndMaskLayersDoNotComposite() {
        Document doc(8, 8);
        doc.addLayer(Layer::raster("bg", Image(8, 8, 4, 255)));
        const Image before = composite(doc);
        Layer hidden = Layer::raster("h", test::randomRgba(8, 8, 3));
        hidden.visible = false;
        doc.addLayer(std::move(hidden));
        doc.addLayer(Layer::mask("m", Image(8, 8, 1, 255)));
        QVERIFY(composite(doc) == before);
    }

    void dirtyRectEqualsFullRecomposite() {
        Document doc = test::sampleDocument(96, 80);
        Image canvas = composite(doc);
        std::mt19937 rng(5);
        for (int round = 0; round < 40; ++round) {
            // A "brush dab" on a random layer, then recomposite only its rectangle.
            const int index = static_cast<int>(rng() % doc.layerCount());
            Layer& layer = doc.layer(index);
            const int w = 1 + static_cast<int>(rng() % 20), h = 1 + static_cast<int>(rng() % 20);
            const int x0 = static_cast<int>(rng() % layer.image().width), y0 = static_cast<int>(rng() % layer.image().height);
            for (int y = y0; y < std::min(y0 + h, layer.image().height); ++y)
                for (int x = x0; x < std::min(x0 + w, layer.image().width); ++x)
                    for (int k = 0; k < layer.image().channels; ++k) layer.image().pixel(x, y)[k] = static_cast<std::uint8_t>(rng());
            if (round % 7 == 3) layer.opacity = static_cast<float>(rng() % 100) / 100.0f;
            if (round % 7 == 3) doc.markLayerDirty(index);
            else doc.markDirty({layer.x + x0, layer.y + y0, w, h});
            compositeInto(doc, doc.takeDirty(), canvas);
            QVERIFY2(canvas == composite(doc), qPrintable(QString("round %1").arg(round)));
        }
        QVERIFY(doc.dirty().isEmpty());
    }

    // An opaque normal layer replaces what is below it exactly, so the compositor does not blend
    // the layers under it where it covers the area: the bytes are those of the stack without them.
    void opaqueLayerHidesTheStackBelow() {
        Document doc = test::sampleDocument(96, 80);
        Image cover(60, 50, 4);
        for (int y = 0; y < 50; ++y)
            for (int x = 0; x < 60; ++x) {
                auto* p = cover.pixel(x, y);
                p[0] = static_cast<std::uint8_t>(x * 4), p[1] = static_cast<std::uint8_t>(y * 5), p[2] = 77, p[3] = 255;
            }
        const LayerId coverId = doc.insertLayer(doc.layerCount() / 2, Layer::raster("cover", cover, 20, 15));
        const Image full = composite(doc);
        QVERIFY(maxColourDifference(full, referenceComposite(doc)) <= 1);
        // The same stack from the cover layer up.
        Document above(96, 80);
        for (int j = doc.indexOf(coverId); j < doc.layerCount(); ++j) above.addLayer(doc.layer(j));
        Image inside, alone;
        compositeInto(doc, {20, 15, 60, 50}, inside);
        compositeInto(above, {20, 15, 60, 50}, alone);
        for (int y = 15; y < 65; ++y)
            QVERIFY(std::equal(inside.pixel(20, y), inside.pixel(80, y), alone.pixel(20, y)));
        // Not opaque (one translucent pixel): everything below is blended again.
        doc.findLayer(coverId)->image().pixel(10, 5)[3] = 200;
        QVERIFY(maxColourDifference(composite(doc), referenceComposite(doc)) <= 1);
    }

    void mergeDownKeepsTheLook() {
        Document doc = test::sampleDocument(64, 48);
        doc.layer(3).visible = true;
        const Image before = composite(doc);
        // Merge layer 2 (multiply? see sampleDocument) into the opaque normal background.
        doc.mergeDown(1);
        const Image after = composite(doc);
        QVERIFY(maxColourDifference(before, after) <= 1);
        QCOMPARE(doc.layerCount(), 8);
    }

    void flattenIsOpaque() {
        const Document doc = test::sampleDocument();
        const Image rgb = flattenToRgb(doc);
        QCOMPARE(rgb.channels, 3);
        QCOMPARE(rgb.width, doc.width());
    }

    void documentOperations() {
        Document doc(10, 10);
        const LayerId a = doc.addLayer(Layer::raster("a", Image(4, 4, 3, 9)));
        const LayerId b = doc.addLayer(Layer::raster("b", Image(4, 4, 4, 9)));
        QVERIFY(a != b);
        QCOMPARE(doc.layer(0).image().channels, 4);
        doc.setInputLayer(b);
        doc.moveLayer(1, 0);
        QCOMPARE(doc.layer(0).id, b);
        Layer taken = doc.takeLayer(0);
        QCOMPARE(taken.id, b);
        QCOMPARE(doc.inputLayer(), LayerId(0));
        // Re-inserting keeps the id; a duplicate gets a fresh one.
        QCOMPARE(doc.insertLayer(1, taken), b);
        QVERIFY(doc.insertLayer(0, taken) != b);
        QVERIFY_THROWS_EXCEPTION(ace::Error, doc.mergeDown(0));
        QVERIFY_THROWS_EXCEPTION(ace::Error, Document(0, 5));

        Layer& l = doc.layer(0);
        Provenance p;
        p.instruction = "make it blue";
        p.seed = 42;
        l.addVersion(Image(4, 4, 3, 200), p);
        QCOMPARE(l.versions.size(), std::size_t(2));
        QCOMPARE(l.currentVersion, 1);
        QCOMPARE(l.provenance()->seed, std::int64_t(42));
        QVERIFY(provenanceFromJson(provenanceToJson(p)) == p);
    }
};

QTEST_GUILESS_MAIN(TestCompositor)
#include "tst_compositor.moc"
