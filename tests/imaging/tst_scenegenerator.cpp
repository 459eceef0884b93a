// Synthetic scenes: the description (shape list, colours, background) matches the drawn pixels,
// and one seed always gives the same scene.
#include <QtTest>

#include <cmath>

#include "ace/imaging/synth/SceneGenerator.h"
#include "ace/imaging/synth/SceneRenderer.h"

using namespace ace::synth;

namespace {

struct Moments {
    double area = 0, cx = 0, cy = 0;
};

Moments moments(const ace::Image& coverage) {
    Moments m;
    for (int y = 0; y < coverage.height; ++y)
        for (int x = 0; x < coverage.width; ++x) {
            const double a = coverage.pixel(x, y)[0] / 255.0;
            m.area += a;
            m.cx += a * x;
            m.cy += a * y;
        }
    if (m.area > 0) {
        m.cx /= m.area;
        m.cy /= m.area;
    }
    return m;
}

SceneOptions options(double textProbability, int minShapes = 1, int maxShapes = 3) {
    SceneOptions o;
    o.textProbability = textProbability;
    o.minShapes = minShapes;
    o.maxShapes = maxShapes;
    return o;
}

Shape makeShape(ShapeKind kind, double cx, double cy, double r) {
    Shape s;
    s.kind = kind;
    s.colour = colourByName("red");
    s.cx = cx;
    s.cy = cy;
    s.radius = r;
    return s;
}

}  // namespace

class TestSceneGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameScene() {
        const SceneGenerator gen(options(0.5));
        for (std::uint64_t seed : {1ULL, 7ULL, 123456789ULL}) {
            SynthRandom a(seed), b(seed);
            const Scene sa = gen.generate(a, 64, 64), sb = gen.generate(b, 64, 64);
            QVERIFY(sa == sb);
            QVERIFY(renderScene(sa) == renderScene(sb));
            QCOMPARE(sceneToJson(sa), sceneToJson(sb));
        }
        SynthRandom a(1), b(2);
        QVERIFY(renderScene(gen.generate(a, 64, 64)) != renderScene(gen.generate(b, 64, 64)));
    }

    void randomIsPortable() {
        // Fixed values: the generator must not depend on the standard library's distributions.
        SynthRandom rng(42);
        const std::uint64_t first = rng.next();
        SynthRandom again(42);
        QCOMPARE(again.next(), first);
        SynthRandom r(5);
        for (int i = 0; i < 1000; ++i) {
            const int v = r.uniformInt(-3, 4);
            QVERIFY(v >= -3 && v <= 4);
            const double u = r.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
        }
        QVERIFY(SynthRandom::mix(1, 2) != SynthRandom::mix(2, 1));
    }

    void shapeAreaAndCentreMatchPixels_data() {
        QTest::addColumn<int>("kind");
        for (ShapeKind k : allShapeKinds()) QTest::newRow(shapeKindName(k).c_str()) << int(k);
    }
    void shapeAreaAndCentreMatchPixels() {
        QFETCH(int, kind);
        for (double r : {8.0, 12.5, 20.0}) {
            const Shape s = makeShape(ShapeKind(kind), 40.5, 37.0, r);
            const Moments m = moments(shapeCoverage(s, 96, 96));
            QVERIFY2(std::abs(m.area - shapeArea(s)) < 0.06 * shapeArea(s) + 3.0,
                     qPrintable(QString("area %1 vs %2").arg(m.area).arg(shapeArea(s))));
            // Triangle and star are symmetric about the centre only in x; their centroid lies on the
            // circumcentre for the triangle (equilateral) and for the star (5-fold symmetry).
            QVERIFY2(std::abs(m.cx - s.cx) < 0.35, qPrintable(QString("cx %1 vs %2").arg(m.cx).arg(s.cx)));
            QVERIFY2(std::abs(m.cy - s.cy) < 0.35, qPrintable(QString("cy %1 vs %2").arg(m.cy).arg(s.cy)));
        }
    }

    void descriptionMatchesPixels() {
        // Every shape's fully covered pixels carry exactly its described colour; background pixels
        // far from shapes carry the described background (solid kinds).
        const SceneGenerator gen(options(0.5));
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            SynthRandom rng(seed);
            const Scene scene = gen.generate(rng, 64, 64);
            const ace::Image img = renderScene(scene);
            QVERIFY(!scene.shapes.empty());
            for (std::size_t i = 0; i < scene.shapes.size(); ++i) {
                const auto& s = scene.shapes[i];
                QVERIFY(s.cx - s.radius >= 0 && s.cx + s.radius <= 63);
                QVERIFY(s.cy - s.radius >= 0 && s.cy + s.radius <= 63);
                const ace::Image vis = visibleCoverage(scene, i);
                int full = 0;
                for (int y = 0; y < 64; ++y)
                    for (int x = 0; x < 64; ++x)
                        if (vis.pixel(x, y)[0] == 255) {
                            ++full;
                            for (int c = 0; c < 3; ++c) QCOMPARE(int(img.pixel(x, y)[c]), int(s.colour.rgb[c]));
                        }
                // Shapes do not overlap, so most of the outline is visible.
                QVERIFY2(full > 0.5 * shapeArea(s), qPrintable(QString::fromStdString(describeShape(s, scene))));
                for (const auto& bg : {scene.background.primary, scene.background.secondary})
                    QVERIFY(colourDistance(s.colour, bg) >= gen.options().minColourDistance);
                for (std::size_t j = i + 1; j < scene.shapes.size(); ++j) QVERIFY(!(scene.shapes[j].colour == s.colour));
            }
            if (scene.background.kind == BackgroundKind::Solid) {
                const ace::Image fg = foregroundCoverage(scene);
                for (int y = 0; y < 64; ++y)
                    for (int x = 0; x < 64; ++x)
                        if (fg.pixel(x, y)[0] == 0)
                            for (int c = 0; c < 3; ++c)
                                QCOMPARE(int(img.pixel(x, y)[c]), int(scene.background.primary.rgb[c]));
            }
        }
    }

    void backgroundsShowTheirColours_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("linear") << int(BackgroundKind::LinearGradient);
        QTest::newRow("radial") << int(BackgroundKind::RadialGradient);
        QTest::newRow("stripes") << int(BackgroundKind::Stripes);
        QTest::newRow("checker") << int(BackgroundKind::Checker);
        QTest::newRow("noise") << int(BackgroundKind::Noise);
    }
    void backgroundsShowTheirColours() {
        QFETCH(int, kind);
        Background b;
        b.kind = BackgroundKind(kind);
        b.primary = colourByName("blue");
        b.secondary = colourByName("yellow");
        b.textureSeed = 99;
        b.period = 8;
        const ace::Image img = renderBackground(b, 64, 48);
        auto dist = [&](int x, int y, const NamedColour& c) {
            double s = 0;
            for (int k = 0; k < 3; ++k) s += std::pow(double(img.pixel(x, y)[k]) - c.rgb[k], 2);
            return std::sqrt(s);
        };
        if (b.kind == BackgroundKind::Noise) {
            // Brightness varies, hue stays: every pixel is within the texture amplitude of blue.
            double spread = 0;
            for (int y = 0; y < 48; ++y)
                for (int x = 0; x < 64; ++x) {
                    QVERIFY(dist(x, y, b.primary) < 90);
                    spread = std::max(spread, dist(x, y, b.primary));
                }
            QVERIFY(spread > 5);
            return;
        }
        // Both colours appear (exactly for stripes/checker, at the ends for gradients).
        double nearP = 1e9, nearS = 1e9;
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x) {
                nearP = std::min(nearP, dist(x, y, b.primary));
                nearS = std::min(nearS, dist(x, y, b.secondary));
            }
        // The radial centre (31.5, 23.5) falls between pixels: its neighbours are a few levels off.
        QVERIFY(nearP < (b.kind == BackgroundKind::RadialGradient ? 8.0 : 1.0));
        QVERIFY(nearS < 1.0);
    }

    void textIsDrawnWhereDescribed() {
        const SceneGenerator gen(options(0.0, 0, 0));
        SynthRandom rng(3);
        Scene scene = gen.generate(rng, 64, 64);
        const auto text = gen.placeText(rng, scene);
        QVERIFY(text.has_value());
        scene.texts.push_back(*text);
        const ace::Image cov = textCoverage(*text, 64, 64);
        const PixelBox box = textBox(*text);
        int inside = 0;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                if (cov.pixel(x, y)[0] > 0) {
                    QVERIFY(x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height);
                    ++inside;
                }
        QVERIFY(inside > 10);
        QVERIFY(QString::fromStdString(describeScene(scene)).contains(QString::fromStdString(text->text)));
    }

    void segmentationUsesClassColours() {
        const SceneGenerator gen;
        SynthRandom rng(11);
        const Scene scene = gen.generate(rng, 64, 64);
        const ace::Image seg = renderSegmentation(scene);
        for (std::size_t i = 0; i < scene.shapes.size(); ++i) {
            const auto& s = scene.shapes[i];
            const auto rgb = segmentationColour(s.kind);
            const int x = int(std::lround(s.cx)), y = int(std::lround(s.cy));
            if (s.kind == ShapeKind::Ring) continue;  // the centre is a hole
            for (int c = 0; c < 3; ++c) QCOMPARE(int(seg.pixel(x, y)[c]), int(rgb[c]));
        }
        QCOMPARE(int(seg.pixel(0, 0)[0]) + seg.pixel(0, 0)[1] + seg.pixel(0, 0)[2], 0);
    }

    void jsonNamesEveryShape() {
        const SceneGenerator gen;
        SynthRandom rng(21);
        const Scene scene = gen.generate(rng, 64, 64);
        const QString json = QString::fromStdString(sceneToJson(scene));
        for (const auto& s : scene.shapes) {
            QVERIFY(json.contains(QString::fromStdString("\"" + shapeKindName(s.kind) + "\"")));
            QVERIFY(json.contains(QString::fromStdString("\"" + s.colour.name + "\"")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSceneGenerator)
#include "tst_scenegenerator.moc"
