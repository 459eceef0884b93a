// The task scores that judge the built-in model: the target itself scores perfectly, a do-nothing
// answer scores as the baseline, and each kind-specific score measures what it claims.
#include <QtTest>

#include <cmath>

#include "ace/imaging/synth/SceneRenderer.h"
#include "ace/imaging/synth/TaskSampler.h"
#include "ace/imaging/synth/TaskScores.h"

using namespace ace::synth;
using ace::Image;

Q_DECLARE_METATYPE(ace::synth::TaskKind)
Q_DECLARE_METATYPE(ace::synth::ShapeKind)

namespace {

Image solid(int w, int h, std::array<std::uint8_t, 3> rgb) {
    Image img(w, h, 3);
    for (int i = 0; i < w * h; ++i)
        for (int k = 0; k < 3; ++k) img.data[size_t(i) * 3 + k] = rgb[k];
    return img;
}

}  // namespace

class TestTaskScores : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void targetScoresPerfectly_data() {
        QTest::addColumn<TaskKind>("kind");
        for (TaskKind k : allTaskKinds()) QTest::newRow(taskKindName(k).c_str()) << k;
    }

    void targetScoresPerfectly() {
        QFETCH(TaskKind, kind);
        const TaskSampler sampler(91);
        for (std::uint64_t i = 0; i < 4; ++i) {
            const LcuSample s = sampler.sample(kind, i);
            const TaskScores t = scoreOutput(s, s.target);
            QCOMPARE(t.targetL1, 0.0);
            if (!std::isnan(t.editL1)) QCOMPARE(t.editL1, 0.0);
            // The generator changes nothing outside the edit region.
            if (!std::isnan(t.keepL1)) QCOMPARE(t.keepL1, 0.0);
            if (!std::isnan(t.edgeF1)) QCOMPARE(t.edgeF1, 1.0);
            if (!std::isnan(t.colourRecall)) QCOMPARE(t.colourRecall, 1.0);
            if (!std::isnan(t.saturation)) QVERIFY(t.saturation < 0.01);
            QVERIFY(t.baselineL1 >= 0.0);
        }
    }

    void doNothingScoresAsTheBaseline() {
        const TaskSampler sampler(92);
        const LcuSample s = sampler.sample(TaskKind::Recolour, 3);
        const TaskScores t = scoreOutput(s, s.images.back());
        QCOMPARE(t.targetL1, t.baselineL1);
        QVERIFY(t.baselineL1 > 0);
        QCOMPARE(t.keepL1, 0.0);
        QVERIFY(t.editL1 > 0.05);  // the shape kept its old colour
        QCOMPARE(t.editL1, t.editBaselineL1);
        QCOMPARE(scoreOutput(s, s.target).editBaselineL1, t.editBaselineL1);  // the output does not enter it
    }

    void grayscaleSaturation() {
        const TaskSampler sampler(93);
        const LcuSample s = sampler.sample(TaskKind::Grayscale, 0);
        QVERIFY(scoreOutput(s, s.images.back()).saturation > 0.1);  // the colourful input
        QCOMPARE(meanSaturation(solid(8, 8, {90, 90, 90})), 0.0);
        QCOMPARE(meanSaturation(solid(8, 8, {255, 0, 0})), 1.0);
    }

    void edgeF1MeasuresOverlap() {
        Image ref(32, 32, 3), shifted(32, 32, 3), far(32, 32, 3);
        for (int y = 4; y < 28; ++y) {
            std::fill_n(ref.data.begin() + (size_t(y) * 32 + 10) * 3, 3, 255);
            std::fill_n(shifted.data.begin() + (size_t(y) * 32 + 11) * 3, 3, 255);  // 1 px off: tolerated
            std::fill_n(far.data.begin() + (size_t(y) * 32 + 20) * 3, 3, 255);
        }
        QCOMPARE(edgeF1(ref, ref), 1.0);
        QCOMPARE(edgeF1(shifted, ref), 1.0);
        QCOMPARE(edgeF1(far, ref), 0.0);
        QCOMPARE(edgeF1(Image(32, 32, 3), ref), 0.0);
        QCOMPARE(edgeF1(Image(32, 32, 3), Image(32, 32, 3)), 1.0);
        QCOMPARE(edgeF1(shifted, ref, 0), 0.0);
    }

    void colourRecallCountsNamedColours() {
        const NamedColour red = colourByName("red"), blue = colourByName("blue");
        Image half = solid(20, 20, blue.rgb);
        for (int i = 0; i < 200; ++i)
            for (int k = 0; k < 3; ++k) half.data[size_t(i) * 3 + k] = red.rgb[k];
        QCOMPARE(colourRecall(half, half, {red, blue}), 1.0);
        // All blue: red is missing (0), blue is there (capped at 1).
        QCOMPARE(colourRecall(solid(20, 20, blue.rgb), half, {red, blue}), 0.5);
    }

    void regionsAndSizesAreChecked() {
        const Image a = solid(4, 4, {0, 0, 0}), b = solid(4, 4, {255, 255, 255});
        Image region(4, 4, 1);
        std::fill_n(region.data.begin(), 8, 255);  // top half
        QCOMPARE(meanAbsDifference(a, b, region, true), 1.0);
        QCOMPARE(meanAbsDifference(a, a, region, false), 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanAbsDifference(a, solid(5, 4, {0, 0, 0})));
        const TaskSampler sampler(94);
        const LcuSample s = sampler.sample(TaskKind::TextToImage, 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreOutput(s, solid(s.width() + 16, s.height(), {0, 0, 0})));
    }

    void shapeClassifierKnowsEveryKind_data() {
        QTest::addColumn<ShapeKind>("kind");
        QTest::addColumn<double>("radius");
        QTest::addColumn<double>("rotation");
        for (ShapeKind k : allShapeKinds())
            for (double r : {7.0, 10.0, 16.0})
                for (double rot : {0.0, 25.0})
                    QTest::addRow("%s r%g rot%g", shapeKindName(k).c_str(), r, rot) << k << r << rot;
    }

    void shapeClassifierKnowsEveryKind() {
        QFETCH(ShapeKind, kind);
        QFETCH(double, radius);
        QFETCH(double, rotation);
        // Drawn off-centre and rotated; the classifier renders its references centred and upright.
        Shape s{kind, colourByName("red"), 40, 24, radius, rotation};
        const Shape like{ShapeKind::Circle, s.colour, 0, 0, radius, 0};
        QCOMPARE(classifyShape(shapeCoverage(s, 64, 64), like), kind);
    }

    void shapeAccuracyJudgesTheDrawnShape() {
        const TaskSampler sampler(96);
        double onTarget = 0, onWrongKind = 0, onBackground = 0;
        int judged = 0;
        for (int i = 0; judged < 40; ++i) {
            const LcuSample s = sampler.sample(TaskKind::TextToImage, i);
            const double a = shapeAccuracy(s.target, s.targetScene);
            if (std::isnan(a)) continue;
            ++judged;
            onTarget += a;
            Scene wrong = s.targetScene;
            for (Shape& shape : wrong.shapes)
                shape.kind = shape.kind == ShapeKind::Star ? ShapeKind::Circle : ShapeKind::Star;
            onWrongKind += shapeAccuracy(renderScene(wrong), s.targetScene);
            onBackground += shapeAccuracy(renderBackground(s.targetScene.background, s.width(), s.height()),
                                          s.targetScene);
        }
        qInfo("shape accuracy over %d samples: target %.3f, every shape swapped %.3f, background only %.3f", judged,
              onTarget / judged, onWrongKind / judged, onBackground / judged);
        QVERIFY(onTarget / judged >= 0.9);
        QVERIFY(onWrongKind / judged <= 0.1);
        QCOMPARE(onBackground, 0.0);
    }

    void namedListsOnlyWhatApplies() {
        const TaskSampler sampler(95);
        const LcuSample s = sampler.sample(TaskKind::Canny, 0);
        const auto named = scoreOutput(s, s.target).named();
        QStringList names;
        for (const auto& [n, v] : named) names << QString::fromStdString(n);
        QCOMPARE(names, QStringList({"target_l1", "baseline_l1", "edge_f1"}));
        const LcuSample edit = sampler.sample(TaskKind::InpaintBox, 0);
        names.clear();
        for (const auto& [n, v] : scoreOutput(edit, edit.target).named()) names << QString::fromStdString(n);
        QCOMPARE(names, QStringList({"target_l1", "baseline_l1", "edit_l1", "edit_baseline_l1", "edit_fill_l1", "keep_l1"}));
    }

    // The trivial-fill baseline paints the region the mean colour of the rest of the last input: on
    // an inpainting sample it is the edit L1 of exactly that answer, far below the blank input's.
    void meanFillIsTheTrivialInpainter() {
        Image image = solid(8, 8, {200, 100, 0});
        Image region(8, 8, 1, 0);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 4; ++x) {
                region.data[size_t(y) * 8 + x] = 255;
                for (int k = 0; k < 3; ++k) image.data[(size_t(y) * 8 + x) * 3 + k] = 0;
            }
        image.data[(8 * 8 - 1) * 3] = 0;  // one pixel outside: red mean (31 * 200) / 32 = 193.75
        const Image filled = meanFill(image, region);
        QCOMPARE(int(filled.data[0]), 194);
        QCOMPARE(int(filled.data[1]), 100);
        QCOMPARE(int(filled.data[2]), 0);
        QCOMPARE(int(filled.data[4 * 3]), 200);  // outside the region: unchanged

        const TaskSampler sampler(96);
        const LcuSample s = sampler.sample(TaskKind::InpaintBox, 1);
        const TaskScores t = scoreOutput(s, meanFill(s.images.back(), s.editRegion));
        QCOMPARE(t.editL1, t.editFillL1);
        QCOMPARE(t.keepL1, 0.0);
        QVERIFY(t.editFillL1 < t.editBaselineL1);
    }
};

QTEST_GUILESS_MAIN(TestTaskScores)
#include "tst_taskscores.moc"
