// Task samples per family: each target is exactly what its instruction asks of its inputs,
// samples are well-formed LCUs, and a seed gives byte-identical samples.
#include <QtTest>

#include <QRegularExpression>

#include <opencv2/imgproc.hpp>

#include <cstring>
#include <set>

#include "ace/imaging/synth/InstructionTemplates.h"
#include "ace/imaging/synth/Scene.h"
#include "ace/imaging/synth/SceneRenderer.h"
#include "ace/imaging/synth/TaskSampler.h"

using namespace ace::synth;

Q_DECLARE_METATYPE(ace::synth::TaskKind)

namespace {

cv::Mat mat(const ace::Image& img) {
    cv::Mat m(img.height, img.width, CV_8UC(img.channels));
    std::memcpy(m.data, img.data.data(), img.byteSize());
    return m;
}

// Pixels where a and b differ lie where `region` is set.
int changesOutside(const ace::Image& a, const ace::Image& b, const ace::Image& region) {
    int bad = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            if (std::memcmp(a.pixel(x, y), b.pixel(x, y), 3) != 0 && region.pixel(x, y)[0] == 0) ++bad;
    return bad;
}

int changedPixels(const ace::Image& a, const ace::Image& b) {
    int n = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) n += std::memcmp(a.pixel(x, y), b.pixel(x, y), 3) != 0;
    return n;
}

TaskSamplerOptions mixedSizes() {
    TaskSamplerOptions o;
    o.sizes = {{64, 64}, {96, 64}, {64, 96}};
    return o;
}

}  // namespace

class TestTaskSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wellFormed_data() {
        QTest::addColumn<TaskKind>("kind");
        for (TaskKind k : allTaskKinds()) QTest::newRow(taskKindName(k).c_str()) << k;
    }
    void wellFormed() {
        QFETCH(TaskKind, kind);
        const TaskSampler sampler(17, mixedSizes());
        for (std::uint64_t i = 0; i < 12; ++i) {
            const LcuSample s = sampler.sample(kind, i);
            QCOMPARE(s.kind, kind);
            QVERIFY(!s.target.isNull());
            QCOMPARE(s.target.channels, 3);
            QVERIFY(s.width() % 16 == 0 && s.height() % 16 == 0);
            QCOMPARE(s.masks.size(), s.images.size());
            QCOMPARE(s.tasks.size(), s.images.size());
            if (kind == TaskKind::TextToImage) {
                QCOMPARE(s.instructions.size(), std::size_t(1));
                QVERIFY(s.images.empty());
                QVERIFY(!QString::fromStdString(s.instruction()).contains("{image"));
            } else {
                QCOMPARE(s.instructions.size(), s.images.size());
                QVERIFY(!s.images.empty());
                // Every image the unit holds is named by some instruction.
                for (std::size_t k = 0; k < s.images.size(); ++k) {
                    const std::string id = k == 0 ? "{image}" : "{image" + std::to_string(k) + "}";
                    bool named = false;
                    for (const auto& text : s.instructions) named = named || text.find(id) != std::string::npos;
                    QVERIFY2(named, qPrintable(QString::fromStdString(id + " in " + s.instruction())));
                }
            }
            for (const auto& text : s.instructions) {
                QVERIFY(!text.empty());
                QVERIFY2(text.find('<') == std::string::npos, text.c_str());
            }
            for (std::size_t k = 0; k < s.images.size(); ++k) {
                QCOMPARE(s.images[k].width, s.width());
                QCOMPARE(s.images[k].height, s.height());
                QCOMPARE(s.images[k].channels, 3);
                if (!s.masks[k].isNull()) {
                    QCOMPARE(s.masks[k].channels, 1);
                    QCOMPARE(s.masks[k].width, s.width());
                    for (auto v : s.masks[k].data) QVERIFY(v == 0 || v == 255);
                    QCOMPARE(s.tasks[k], std::string("inpainting"));
                } else {
                    QCOMPARE(s.tasks[k], std::string());
                }
            }
            if (!s.editRegion.isNull()) {
                QCOMPARE(s.editRegion.channels, 1);
                // The edit really changes something, and nothing outside its region.
                QVERIFY(changedPixels(s.images.back(), s.target) > 0 || kind == TaskKind::InpaintBox ||
                        kind == TaskKind::InpaintFreeForm || kind == TaskKind::Outpaint);
                QCOMPARE(changesOutside(s.images.back(), s.target, s.editRegion), 0);
            }
            QVERIFY(renderScene(s.targetScene) == s.target || kind == TaskKind::Canny || kind == TaskKind::Grayscale ||
                    kind == TaskKind::Mosaic || kind == TaskKind::Blur || kind == TaskKind::Segmentation);
        }
    }

    void deterministic_data() { wellFormed_data(); }
    void deterministic() {
        QFETCH(TaskKind, kind);
        const TaskSampler a(99, mixedSizes()), b(99, mixedSizes()), c(100, mixedSizes());
        bool anyDiffers = false;
        for (std::uint64_t i = 0; i < 4; ++i) {
            const LcuSample x = a.sample(kind, i), y = b.sample(kind, i), z = c.sample(kind, i);
            QVERIFY(x.target == y.target);
            QVERIFY(x.images == y.images);
            QVERIFY(x.masks == y.masks);
            QVERIFY(x.instructions == y.instructions);
            anyDiffers = anyDiffers || !(x.target == z.target);
        }
        QVERIFY(anyDiffers);
    }

    void streamIsDeterministicAndMixesKinds() {
        const TaskSampler a(5), b(5);
        std::set<TaskKind> kinds;
        for (std::uint64_t i = 0; i < 200; ++i) {
            const LcuSample x = a.sample(i);
            kinds.insert(x.kind);
            if (i < 20) {
                const LcuSample y = b.sample(i);
                QVERIFY(x.target == y.target && x.images == y.images && x.instructions == y.instructions);
            }
        }
        QCOMPARE(kinds.size(), allTaskKinds().size());
        // Index i alone fixes sample i: order of the calls does not matter.
        QVERIFY(a.sample(150).target == b.sample(150).target);
    }

    void weightsSelectKinds() {
        TaskSamplerOptions o;
        o.weights = {};
        for (TaskKind k : allTaskKinds()) o.weights[k] = 0.0;
        o.weights[TaskKind::Grayscale] = 1.0;
        const TaskSampler sampler(1, o);
        for (std::uint64_t i = 0; i < 10; ++i) QCOMPARE(sampler.sample(i).kind, TaskKind::Grayscale);
    }

    void grayscaleHasZeroSaturation() {
        const TaskSampler sampler(3);
        for (std::uint64_t i = 0; i < 10; ++i) {
            const LcuSample s = sampler.sample(TaskKind::Grayscale, i);
            cv::Mat hsv;
            cv::cvtColor(mat(s.target), hsv, cv::COLOR_RGB2HSV);
            std::vector<cv::Mat> ch;
            cv::split(hsv, ch);
            QCOMPARE(cv::countNonZero(ch[1]), 0);
            // And it is the input's luminance.
            cv::Mat grey;
            cv::cvtColor(mat(s.images[0]), grey, cv::COLOR_RGB2GRAY);
            cv::split(mat(s.target), ch);
            QCOMPARE(cv::norm(ch[0], grey, cv::NORM_INF), 0.0);
        }
    }

    void cannyTargetIsCannyOfInput() {
        const TaskSampler sampler(4, mixedSizes());
        for (std::uint64_t i = 0; i < 40; ++i) {
            const LcuSample s = sampler.sample(TaskKind::Canny, i);
            cv::Mat edges;
            cv::Canny(mat(s.images[0]), edges, 100, 200);
            std::vector<cv::Mat> ch;
            cv::split(mat(s.target), ch);
            for (const auto& c : ch) QCOMPARE(cv::norm(c, edges, cv::NORM_INF), 0.0);
            QVERIFY(cv::countNonZero(edges) > 0);
        }
    }

    void mosaicIsBlockwiseConstantAndBlurIsSmooth() {
        const TaskSampler sampler(6);
        for (std::uint64_t i = 0; i < 5; ++i) {
            const LcuSample m = sampler.sample(TaskKind::Mosaic, i);
            const int block = 8;  // 64 px / 8
            for (int y = 0; y < m.height(); ++y)
                for (int x = 0; x < m.width(); ++x)
                    QVERIFY(std::memcmp(m.target.pixel(x, y), m.target.pixel(x - x % block, y - y % block), 3) == 0);
            const LcuSample b = sampler.sample(TaskKind::Blur, i);
            cv::Mat expected;
            cv::GaussianBlur(mat(b.images[0]), expected, cv::Size(0, 0), 2.0);
            QCOMPARE(cv::norm(expected, mat(b.target), cv::NORM_INF), 0.0);
        }
    }

    void controlMapsEncodeTheTarget_data() {
        QTest::addColumn<TaskKind>("kind");
        QTest::newRow("canny") << TaskKind::ControlCanny;
        QTest::newRow("grayscale") << TaskKind::ControlGrayscale;
        QTest::newRow("segmentation") << TaskKind::ControlSegmentation;
    }
    void controlMapsEncodeTheTarget() {
        QFETCH(TaskKind, kind);
        const TaskSampler sampler(8);
        for (std::uint64_t i = 0; i < 5; ++i) {
            const LcuSample s = sampler.sample(kind, i);
            cv::Mat grey, expected;
            cv::cvtColor(mat(s.target), grey, cv::COLOR_RGB2GRAY);
            if (kind == TaskKind::ControlCanny) {
                cv::Canny(mat(s.target), expected, 100, 200);
                cv::cvtColor(expected, expected, cv::COLOR_GRAY2RGB);
            } else if (kind == TaskKind::ControlGrayscale) {
                cv::cvtColor(grey, expected, cv::COLOR_GRAY2RGB);
            } else {
                expected = mat(renderSegmentation(s.targetScene));
            }
            QCOMPARE(cv::norm(expected, mat(s.images[0]), cv::NORM_INF), 0.0);
            // The instruction describes the scene to draw.
            QVERIFY(s.instruction().find(describeScene(s.targetScene)) != std::string::npos);
        }
    }

    void recolourChangesOnlyThatShape() {
        const TaskSampler sampler(9);
        for (std::uint64_t i = 0; i < 10; ++i) {
            const LcuSample s = sampler.sample(TaskKind::Recolour, i);
            const Scene& before = s.inputScenes[0];
            const Scene& after = s.targetScene;
            QCOMPARE(before.shapes.size(), after.shapes.size());
            int changedShapes = 0;
            for (std::size_t k = 0; k < before.shapes.size(); ++k) {
                if (before.shapes[k] == after.shapes[k]) continue;
                ++changedShapes;
                QCOMPARE(before.shapes[k].kind, after.shapes[k].kind);
                QCOMPARE(before.shapes[k].cx, after.shapes[k].cx);
                QVERIFY(!(before.shapes[k].colour == after.shapes[k].colour));
                QVERIFY(s.instruction().find(shapeNoun(before.shapes[k])) != std::string::npos);
                QVERIFY(s.instruction().find(after.shapes[k].colour.name) != std::string::npos);
                // Changed pixels = the shape's visible pixels.
                const ace::Image vis = visibleCoverage(before, k);
                QCOMPARE(changesOutside(s.images[0], s.target, vis), 0);
                for (int y = 0; y < s.height(); ++y)
                    for (int x = 0; x < s.width(); ++x)
                        if (vis.pixel(x, y)[0] == 255)
                            for (int c = 0; c < 3; ++c)
                                QCOMPARE(int(s.target.pixel(x, y)[c]), int(after.shapes[k].colour.rgb[c]));
            }
            QCOMPARE(changedShapes, 1);
        }
    }

    void elementEditsChangeTheShapeList() {
        const TaskSampler sampler(10);
        for (std::uint64_t i = 0; i < 8; ++i) {
            const LcuSample add = sampler.sample(TaskKind::AddShape, i);
            QCOMPARE(add.targetScene.shapes.size(), add.inputScenes[0].shapes.size() + 1);
            QVERIFY(add.instruction().find(shapeNoun(add.targetScene.shapes.back())) != std::string::npos);
            const LcuSample rem = sampler.sample(TaskKind::RemoveShape, i);
            QCOMPARE(rem.targetScene.shapes.size() + 1, rem.inputScenes[0].shapes.size());
            const LcuSample rep = sampler.sample(TaskKind::ReplaceShape, i);
            QCOMPARE(rep.targetScene.shapes.size(), rep.inputScenes[0].shapes.size());
            const LcuSample txt = sampler.sample(TaskKind::AddText, i);
            QCOMPARE(txt.targetScene.texts.size(), txt.inputScenes[0].texts.size() + 1);
            QVERIFY(txt.instruction().find("\"" + txt.targetScene.texts.back().text + "\"") != std::string::npos);
            const LcuSample era = sampler.sample(TaskKind::EraseText, i);
            QCOMPARE(era.targetScene.texts.size() + 1, era.inputScenes[0].texts.size());
            // Without the text, the target is the plain render of the remaining scene.
            QVERIFY(renderScene(era.targetScene) == era.target);
        }
    }

    void changeBackgroundKeepsShapes() {
        const TaskSampler sampler(12);
        for (std::uint64_t i = 0; i < 8; ++i) {
            const LcuSample s = sampler.sample(TaskKind::ChangeBackground, i);
            QVERIFY(s.inputScenes[0].shapes == s.targetScene.shapes);
            QVERIFY(!(s.inputScenes[0].background == s.targetScene.background));
            QVERIFY(s.instruction().find(describeBackground(s.targetScene.background)) != std::string::npos);
        }
    }

    void inpaintingTargetsEqualInputOutsideMask_data() {
        QTest::addColumn<TaskKind>("kind");
        QTest::newRow("box") << TaskKind::InpaintBox;
        QTest::newRow("free-form") << TaskKind::InpaintFreeForm;
        QTest::newRow("guided") << TaskKind::InpaintGuided;
        QTest::newRow("outpaint") << TaskKind::Outpaint;
    }
    void inpaintingTargetsEqualInputOutsideMask() {
        QFETCH(TaskKind, kind);
        const TaskSampler sampler(13, mixedSizes());
        for (std::uint64_t i = 0; i < 10; ++i) {
            const LcuSample s = sampler.sample(kind, i);
            const ace::Image& mask = s.masks[0];
            QCOMPARE(s.tasks[0], std::string("inpainting"));
            int masked = 0;
            for (int y = 0; y < s.height(); ++y)
                for (int x = 0; x < s.width(); ++x) {
                    if (mask.pixel(x, y)[0] == 0) {
                        QVERIFY(std::memcmp(s.images[0].pixel(x, y), s.target.pixel(x, y), 3) == 0);
                    } else {
                        ++masked;
                        for (int c = 0; c < 3; ++c) QCOMPARE(int(s.images[0].pixel(x, y)[c]), 0);
                    }
                }
            QVERIFY(masked > 0 && masked < s.width() * s.height());
            if (kind == TaskKind::InpaintGuided) {
                // The new shape lies inside the mask.
                const Shape& added = s.targetScene.shapes.back();
                const ace::Image cov = shapeCoverage(added, s.width(), s.height());
                for (int y = 0; y < s.height(); ++y)
                    for (int x = 0; x < s.width(); ++x)
                        if (cov.pixel(x, y)[0] > 0) QCOMPARE(int(mask.pixel(x, y)[0]), 255);
                QVERIFY(s.instruction().find(shapeNoun(added)) != std::string::npos);
            }
        }
    }

    void outpaintingMaskCoversExactlyTheNewArea() {
        const TaskSampler sampler(14, mixedSizes());
        for (std::uint64_t i = 0; i < 20; ++i) {
            const LcuSample s = sampler.sample(TaskKind::Outpaint, i);
            const ace::Image& mask = s.masks[0];
            // The kept area is one axis-aligned rectangle: the bounding box of the unmasked pixels,
            // fully unmasked, and everything else masked.
            int x0 = s.width(), y0 = s.height(), x1 = -1, y1 = -1;
            for (int y = 0; y < s.height(); ++y)
                for (int x = 0; x < s.width(); ++x)
                    if (mask.pixel(x, y)[0] == 0) {
                        x0 = std::min(x0, x);
                        y0 = std::min(y0, y);
                        x1 = std::max(x1, x);
                        y1 = std::max(y1, y);
                    }
            QVERIFY(x1 >= x0 && y1 >= y0);
            for (int y = 0; y < s.height(); ++y)
                for (int x = 0; x < s.width(); ++x) {
                    const bool kept = x >= x0 && x <= x1 && y >= y0 && y <= y1;
                    QCOMPARE(int(mask.pixel(x, y)[0]), kept ? 0 : 255);
                }
            // The side named by the instruction is the one extended.
            const std::string& text = s.instruction();
            if (text.find("to the left and right") != std::string::npos) QVERIFY(x0 > 0 && x1 < s.width() - 1 && y0 == 0);
            else if (text.find("to the left") != std::string::npos) QVERIFY(x0 > 0 && x1 == s.width() - 1 && y0 == 0);
            else if (text.find("to the right") != std::string::npos) QVERIFY(x0 == 0 && x1 < s.width() - 1);
            else if (text.find("upwards and downwards") != std::string::npos) QVERIFY(y0 > 0 && y1 < s.height() - 1 && x0 == 0);
            else if (text.find("upwards") != std::string::npos) QVERIFY(y0 > 0 && y1 == s.height() - 1);
            else if (text.find("downwards") != std::string::npos) QVERIFY(y0 == 0 && y1 < s.height() - 1);
            else QVERIFY(x0 > 0 && y0 > 0 && x1 < s.width() - 1 && y1 < s.height() - 1);
        }
    }

    void layerAndReferenceKinds() {
        const TaskSampler sampler(15);
        for (std::uint64_t i = 0; i < 6; ++i) {
            const LcuSample dec = sampler.sample(TaskKind::Decouple, i);
            QCOMPARE(dec.targetScene.shapes.size(), std::size_t(1));
            QCOMPARE(dec.targetScene.background.primary.name, std::string("white"));
            const Shape& cut = dec.targetScene.shapes[0];
            bool fromInput = false;
            for (const auto& sh : dec.inputScenes[0].shapes) fromInput = fromInput || sh == cut;
            QVERIFY(fromInput);

            const LcuSample fuse = sampler.sample(TaskKind::Fuse, i);
            QCOMPARE(fuse.images.size(), std::size_t(2));
            QVERIFY(fuse.inputScenes[0].shapes.back() == fuse.targetScene.shapes.back());
            QVERIFY(fuse.inputScenes[1].background == fuse.targetScene.background);
            QCOMPARE(changesOutside(fuse.images[1], fuse.target,
                                    shapeCoverage(fuse.targetScene.shapes.back(), fuse.width(), fuse.height())), 0);

            const LcuSample ref = sampler.sample(TaskKind::Reference, i);
            QCOMPARE(ref.images.size(), std::size_t(2));
            const Shape& added = ref.targetScene.shapes.back();
            bool inReference = false;
            for (const auto& sh : ref.inputScenes[1].shapes) inReference = inReference || sh == added;
            QVERIFY(inReference);
            QVERIFY(ref.inputScenes[0].background == ref.targetScene.background);
            QCOMPARE(changesOutside(ref.images[0], ref.target, shapeCoverage(added, ref.width(), ref.height())), 0);
        }
    }

    void conversationChainsEdits() {
        const TaskSampler sampler(16);
        for (std::uint64_t i = 0; i < 5; ++i) {
            const auto turns = sampler.conversation(i, 3);
            QCOMPARE(turns.size(), std::size_t(3));
            for (std::size_t k = 0; k < turns.size(); ++k) {
                const LcuSample& t = turns[k];
                QCOMPARE(t.images.size(), k + 1);
                QCOMPARE(t.instructions.size(), k + 1);
                // Turn k's input is turn k-1's output; earlier inputs are kept as history.
                if (k > 0) {
                    QVERIFY(t.images.back() == turns[k - 1].target);
                    for (std::size_t j = 0; j < k; ++j) QVERIFY(t.images[j] == turns[k - 1].images[j]);
                }
                // The reference's renumbering: the prompt of image j >= 1 names {image<j>}.
                for (std::size_t j = 1; j < t.instructions.size(); ++j) {
                    QVERIFY(t.instructions[j].find("{image" + std::to_string(j) + "}") != std::string::npos);
                    QVERIFY(t.instructions[j].find("{image}") == std::string::npos);
                }
                QVERIFY(t.instructions[0].find("{image}") != std::string::npos);
                QCOMPARE(changesOutside(t.images.back(), t.target, t.editRegion), 0);
            }
        }
        QCOMPARE(InstructionTemplates::renumberImageReference("Make {image} red, like {image}.", 2),
                 std::string("Make {image2} red, like {image2}."));
    }

    // The instructions are the text the model learns to read: "an" before a vowel, "a" before a
    // consonant, in every kind's phrases (shapes, backgrounds, replacements).
    void articlesAgreeWithTheNextWord() {
        const TaskSampler sampler(19);
        const QRegularExpression wrongA("\\ba [aeiou]", QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression wrongAn("\\ban [^aeiou]", QRegularExpression::CaseInsensitiveOption);
        int vowelPhrases = 0;
        for (std::uint64_t i = 0; i < 3000; ++i)
            for (const std::string& text : sampler.sample(i).instructions) {
                const QString s = QString::fromStdString(text);
                QVERIFY2(!wrongA.match(s).hasMatch() && !wrongAn.match(s).hasMatch(), text.c_str());
                vowelPhrases += s.contains("an orange");
            }
        QVERIFY(vowelPhrases > 10);
        QCOMPARE(withArticle("orange square"), std::string("an orange square"));
        QCOMPARE(withArticle("red ring"), std::string("a red ring"));
    }

    void corpusHoldsEveryInstruction() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "corpus.txt";
        const TaskSampler sampler(18);
        sampler.writeCorpus(file, 50);
        QFile f(QString::fromStdString(file.string()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        std::size_t expected = 10;
        for (std::uint64_t i = 0; i < 50; ++i) expected += sampler.sample(i).instructions.size();
        QCOMPARE(std::size_t(lines.size()), expected);
        QVERIFY(lines.contains("{image9}"));
        QCOMPARE(lines[0].toStdString(), sampler.sample(0).instructions[0]);
    }

    void rejectsBadOptions() {
        TaskSamplerOptions odd;
        odd.sizes = {{60, 64}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TaskSampler(1, odd));
        TaskSamplerOptions none;
        for (TaskKind k : allTaskKinds()) none.weights[k] = 0.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TaskSampler(1, none));
    }
};

QTEST_GUILESS_MAIN(TestTaskSampler)
#include "tst_tasksampler.moc"
