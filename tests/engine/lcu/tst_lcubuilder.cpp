// LcuBuilder: frame order, texts, negatives, indicators, targets and history handling of the
// reference's ACEInference.__call__ for text-to-image, edits, masks, several images and history;
// and clear errors for every request the reference cannot run.
#include <QtTest>

#include <torch/torch.h>

#include "ace/common/Error.h"
#include "lcu/LcuBuilder.h"

namespace {

using Texts = std::vector<std::string>;
using Ints = std::vector<int>;
constexpr int64_t kBudget = 1024;

ace::Image solid(int w, int h, int c, std::uint8_t v) { return ace::Image(w, h, c, v); }

ace::InputImage input(int w, int h, std::uint8_t v = 100, std::string task = "") {
    return ace::InputImage{solid(w, h, 3, v), ace::Image(), std::move(task)};
}

ace::Turn turn(std::string instruction, std::vector<ace::InputImage> images) {
    return ace::Turn{std::move(instruction), std::move(images)};
}

ace::TurnRequest request(ace::Turn current, std::vector<ace::Turn> history = {}, std::string negative = "") {
    ace::TurnRequest r;
    r.current = std::move(current);
    r.history = std::move(history);
    r.options.negativePrompt = std::move(negative);
    return r;
}

QString errorOf(const ace::TurnRequest& r, int64_t budget = kBudget) {
    try {
        ace::buildLcu(r, budget, 512, 512);
    } catch (const ace::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString joined(const Texts& t) {
    QStringList l;
    for (const auto& s : t)
        l << QString::fromStdString("\"" + s + "\"");
    return l.join(QLatin1String(", "));
}

}  // namespace

Q_DECLARE_METATYPE(ace::TurnRequest)
Q_DECLARE_METATYPE(Texts)
Q_DECLARE_METATYPE(Ints)

class TestLcuBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void assembly_data() {
        QTest::addColumn<ace::TurnRequest>("req");
        QTest::addColumn<bool>("textToImage");
        QTest::addColumn<Ints>("imageSizes");  // w, h per condition image, in frame order
        QTest::addColumn<Texts>("texts");
        QTest::addColumn<Texts>("negatives");
        QTest::addColumn<Ints>("indicators");

        QTest::newRow("text to image") << request(turn("a red fox", {}), {}, "blurry") << true << Ints{}
                                       << Texts{"a red fox"} << Texts{"blurry"} << Ints{0};
        // A history is ignored without a current image, as in the reference.
        QTest::newRow("text to image ignores history")
            << request(turn("a red fox", {}), {turn("x {image}", {input(64, 64)})}) << true << Ints{}
            << Texts{"a red fox"} << Texts{""} << Ints{0};
        // Single edit: the same instruction on both frames; the negative replaces it on both.
        QTest::newRow("single edit") << request(turn("make {image} red", {input(64, 48)}), {}, "ugly") << false
                                     << Ints{64, 48} << Texts{"make {image} red", "make {image} red"}
                                     << Texts{"ugly", "ugly"} << Ints{1, 0};
        // Several images without history: one prompt per image, none renamed; negatives
        // [neg, p, ..., p, neg].
        const std::string multi = "put {image1} into {image} next to {image2}";
        QTest::newRow("three images")
            << request(turn(multi, {input(64, 48), input(32, 32), input(48, 96)}), {}, "n") << false
            << Ints{64, 48, 32, 32, 48, 96} << Texts{multi, multi, multi, multi} << Texts{"n", multi, multi, "n"}
            << Ints{3, 0, 1, 2};
        // History of two turns: their first inputs come first (oldest first), their instructions
        // are renamed by position, and the target is the oldest input.
        QTest::newRow("history of two turns")
            << request(turn("make {image} smile", {input(48, 48)}),
                       {turn("draw {image} bluer", {input(64, 32), input(16, 16)}), turn("add a hat to {image}", {input(32, 64)})},
                       "bad")
            << false << Ints{64, 32, 32, 64, 48, 48}
            << Texts{"make {image2} smile", "draw {image} bluer", "add a hat to {image1}", "make {image2} smile"}
            << Texts{"bad", "draw {image} bluer", "add a hat to {image1}", "bad"} << Ints{3, 0, 1, 2};
        // History turns without an input (text to image) contribute nothing.
        QTest::newRow("history turn without input")
            << request(turn("now {image} at night", {input(32, 32)}),
                       {turn("a castle", {}), turn("{image} in snow", {input(48, 32)})})
            << false << Ints{48, 32, 32, 32}
            << Texts{"now {image1} at night", "{image} in snow", "now {image1} at night"}
            << Texts{"", "{image} in snow", ""} << Ints{2, 0, 1};
        // Renaming is the reference's literal replace: every "{image}", others untouched.
        QTest::newRow("renaming")
            << request(turn("{image}{image} and {image1}", {input(32, 32)}),
                       {turn("a {image}", {input(32, 32)}), turn("b {image} {image1} {image}", {input(32, 32)})})
            << false << Ints{32, 32, 32, 32, 32, 32}
            << Texts{"{image2}{image2} and {image1}", "a {image}", "b {image1} {image1} {image1}",
                     "{image2}{image2} and {image1}"}
            << Texts{"", "a {image}", "b {image1} {image1} {image1}", ""} << Ints{3, 0, 1, 2};
        // History with two current images (undefined in the reference): each current frame gets
        // the current instruction with its image names shifted past the history.
        QTest::newRow("history with two current images")
            << request(turn("put {image} on {image1}, not {image3}", {input(32, 32), input(48, 48)}),
                       {turn("first {image}", {input(64, 64)})}, "neg")
            << false << Ints{64, 64, 32, 32, 48, 48}
            << Texts{"put {image1} on {image2}, not {image3}", "first {image}", "put {image1} on {image2}, not {image3}",
                     "put {image1} on {image2}, not {image3}"}
            << Texts{"neg", "first {image}", "put {image1} on {image2}, not {image3}", "neg"} << Ints{3, 0, 1, 2};
        // Only the last five history inputs are kept (the reference app's limit).
        std::vector<ace::Turn> longHistory;
        for (int i = 0; i < 7; ++i)
            longHistory.push_back(turn("h" + std::to_string(i), {input(16 * (i + 1), 32)}));
        QTest::newRow("history capped at five")
            << request(turn("c", {input(32, 32)}), longHistory) << false
            << Ints{48, 32, 64, 32, 80, 32, 96, 32, 112, 32, 32, 32}
            << Texts{"c", "h2", "h3", "h4", "h5", "h6", "c"} << Texts{"", "h2", "h3", "h4", "h5", "h6", ""}
            << Ints{6, 0, 1, 2, 3, 4, 5};
        // Nine condition images: the largest unit (ten frames, every indicator used).
        std::vector<ace::InputImage> nine;
        for (int i = 0; i < 4; ++i)
            nine.push_back(input(16, 16));
        std::vector<ace::Turn> five;
        for (int i = 0; i < 5; ++i)
            five.push_back(turn("h", {input(16, 16)}));
        QTest::newRow("ten frames") << request(turn("c", nine), five) << false
                                    << Ints(18, 16)
                                    << Texts{"c", "h", "h", "h", "h", "h", "c", "c", "c", "c"}
                                    << Texts{"", "h", "h", "h", "h", "h", "c", "c", "c", ""}
                                    << Ints{9, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    }
    void assembly() {
        QFETCH(ace::TurnRequest, req);
        QFETCH(bool, textToImage);
        QFETCH(Ints, imageSizes);
        QFETCH(Texts, texts);
        QFETCH(Texts, negatives);
        QFETCH(Ints, indicators);
        const ace::LcuPlan plan = ace::buildLcu(req, kBudget, 64, 48);
        QCOMPARE(plan.textToImage, textToImage);
        QVERIFY2(plan.frameTexts == texts, qPrintable(joined(plan.frameTexts)));
        QVERIFY2(plan.negativeFrameTexts == negatives, qPrintable(joined(plan.negativeFrameTexts)));
        QCOMPARE(plan.indicators, indicators);
        QCOMPARE(plan.images.size() * 2, imageSizes.size());
        QCOMPARE(plan.frameTexts.size(), plan.images.size() + 1);
        for (size_t i = 0; i < plan.images.size(); ++i) {
            QCOMPARE(plan.images[i].image.size(2), imageSizes[2 * i]);
            QCOMPARE(plan.images[i].image.size(1), imageSizes[2 * i + 1]);
            QCOMPARE(plan.images[i].mask.sizes().vec(),
                     (std::vector<int64_t>{1, imageSizes[2 * i + 1], imageSizes[2 * i]}));
        }
        QCOMPARE(plan.targetMask.sizes().vec(), (std::vector<int64_t>{1, plan.height, plan.width}));
        if (textToImage) {
            QCOMPARE(plan.width, 64);
            QCOMPARE(plan.height, 48);
            QVERIFY(torch::equal(plan.targetMask, torch::ones({1, 48, 64})));
        } else {
            // The target is the first condition image (with history: the oldest) and its mask.
            QCOMPARE(plan.width, imageSizes[0]);
            QCOMPARE(plan.height, imageSizes[1]);
            QVERIFY(torch::equal(plan.targetMask, plan.images[0].mask));
        }
    }

    void maskedInpaintingEdit() {
        ace::InputImage in{solid(64, 48, 3, 200), solid(64, 48, 1, 0), "inpainting"};
        for (int y = 8; y < 24; ++y)
            for (int x = 16; x < 48; ++x)
                *in.mask.pixel(x, y) = 255;
        const ace::LcuPlan plan = ace::buildLcu(request(turn("fill {image}", {in})), kBudget, 512, 512);
        torch::Tensor want = torch::zeros({1, 48, 64});
        want.index_put_({0, torch::indexing::Slice(8, 24), torch::indexing::Slice(16, 48)}, 1.0f);
        QVERIFY(torch::equal(plan.targetMask, want));
        QVERIFY(torch::equal(plan.images[0].mask, want));
        const torch::Tensor image = plan.images[0].image;
        const float kept = (200.0f / 255.0f - 0.5f) / 0.5f;
        QVERIFY(torch::equal(image.index({torch::indexing::Slice(), torch::indexing::Slice(8, 24),
                                          torch::indexing::Slice(16, 48)}),
                             torch::full({3, 16, 32}, -1.0f)));
        QCOMPARE(image[1][0][0].item<float>(), kept);
        QCOMPARE(image[2][47][63].item<float>(), kept);
        // The same mask without the inpainting task keeps the pixels.
        in.task = "";
        const ace::LcuPlan plain = ace::buildLcu(request(turn("edit {image}", {in})), kBudget, 512, 512);
        QVERIFY(torch::equal(plain.images[0].image, torch::full({3, 48, 64}, kept)));
        QVERIFY(torch::equal(plain.targetMask, want));
    }

    void largeImagesFitTheBudget() {
        const ace::LcuPlan plan = ace::buildLcu(request(turn("e", {input(1000, 750)})), 1024, 512, 512);
        QCOMPARE(plan.width, 576);
        QCOMPARE(plan.height, 432);
    }

    void textToImageSizes_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("error");  // empty: accepted
        QTest::newRow("default") << 0 << 0 << QString();
        QTest::newRow("explicit") << 96 << 32 << QString();
        QTest::newRow("not a multiple of 16") << 500 << 512 << QStringLiteral("width 496 or 512, height 512");
        QTest::newRow("height odd latent") << 512 << 520 << QStringLiteral("height 512 or 528");
        QTest::newRow("tiny") << 8 << 16 << QStringLiteral("width 16");
        QTest::newRow("negative") << -512 << 512 << QStringLiteral("-512x512");
        QTest::newRow("beyond the position table") << 16 * 1025 << 512 << QStringLiteral("too large");
    }
    void textToImageSizes() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, error);
        ace::TurnRequest r = request(turn("x", {}));
        r.options.outputWidth = width;
        r.options.outputHeight = height;
        const QString msg = errorOf(r);
        if (error.isEmpty()) {
            QVERIFY2(msg.isEmpty(), qPrintable(msg));
            const ace::LcuPlan plan = ace::buildLcu(r, kBudget, 512, 512);
            QCOMPARE(plan.width, width ? width : 512);
            QCOMPARE(plan.height, height ? height : 512);
        } else {
            QVERIFY2(msg.contains(error), qPrintable(msg));
        }
    }

    // A model trained with patch 1 (ace-train's dit_patch_size) has a RoPE position every 8 px:
    // its table of 24 rows (the built-in presets') holds 192 px per side, not 384.
    void textToImageSizeFollowsThePatch() {
        ace::TurnRequest r = request(turn("x", {}));
        r.options.outputWidth = 192;
        r.options.outputHeight = 64;
        QCOMPARE(ace::buildLcu(r, 24, 64, 64, 8).width, 192);
        r.options.outputWidth = 208;
        QCOMPARE(ace::buildLcu(r, 24, 64, 64, 16).width, 208);
        try {
            ace::buildLcu(r, 24, 64, 64, 8);
            QFAIL("208 px at 8 px per position accepted with 24 positions");
        } catch (const ace::Error& e) {
            QVERIFY2(QString(e.what()).contains("at most 192 px per side"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::buildLcu(r, 24, 64, 64, 3));
    }

    void errors_data() {
        QTest::addColumn<ace::TurnRequest>("req");
        QTest::addColumn<QStringList>("mentions");

        ace::InputImage badMask = input(64, 48);
        badMask.mask = solid(32, 48, 1, 255);
        QTest::newRow("mask size") << request(turn("e", {input(32, 32), badMask}))
                                   << QStringList{"input image 2", "32x48", "64x48"};
        ace::InputImage histMask = input(64, 48);
        histMask.mask = solid(64, 40, 1, 255);
        QTest::newRow("history mask size") << request(turn("e", {input(32, 32)}), {turn("h", {histMask})})
                                           << QStringList{"history turn 1", "64x40", "64x48"};
        std::vector<ace::InputImage> ten(10, input(16, 16));
        QTest::newRow("too many images") << request(turn("e", ten)) << QStringList{"10 condition images", "at most 9"};
        std::vector<ace::Turn> five(5, turn("h", {input(16, 16)}));
        QTest::newRow("too many with history")
            << request(turn("e", std::vector<ace::InputImage>(5, input(16, 16))), five)
            << QStringList{"10 condition images", "5 from the history"};
        QTest::newRow("empty image") << request(turn("e", {ace::InputImage{}})) << QStringList{"the input image", "empty"};
        QTest::newRow("too small") << request(turn("e", {input(32, 32), input(12, 40)}))
                                   << QStringList{"input image 2", "12x40", "too small"};
        QTest::newRow("unknown task") << request(turn("e", {input(32, 32, 1, "sharpen")}))
                                      << QStringList{"\"sharpen\"", "the input image"};
    }
    void errors() {
        QFETCH(ace::TurnRequest, req);
        QFETCH(QStringList, mentions);
        const QString msg = errorOf(req);
        QVERIFY2(!msg.isEmpty(), "no error");
        for (const QString& m : mentions)
            QVERIFY2(msg.contains(m), qPrintable(msg));
    }

    void renameImageReference() {
        QCOMPARE(ace::renameImageReference("{image} and {image}", 3), std::string("{image3} and {image3}"));
        QCOMPARE(ace::renameImageReference("{image1} {image2} {images} {Image}", 4),
                 std::string("{image1} {image2} {images} {Image}"));
        QCOMPARE(ace::renameImageReference("", 1), std::string());
        QCOMPARE(ace::renameImageReference("{image}{image}", 1), std::string("{image1}{image1}"));
    }
};

QTEST_GUILESS_MAIN(TestLcuBuilder)
#include "tst_lcubuilder.moc"
