// Repeated edits must not drift: registration of an engine-resolution result back onto the input
// (measured with phase correlation), paste-back of unmasked pixels (bit-identical after 10 round
// trips), feathering that stays inside the mask, and the outpainting canvas extension. The test
// images are drawn with OpenCV (shapes, text, noise) so that they have real structure to register.
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

#include "ace/common/Error.h"
#include "ace/imaging/EditCompositing.h"

namespace {

cv::Mat view(ace::Image& image) {
    return cv::Mat(image.height, image.width, CV_MAKETYPE(CV_8U, image.channels), image.data.data());
}
cv::Mat view(const ace::Image& image) { return view(const_cast<ace::Image&>(image)); }

ace::Image fromMat(const cv::Mat& mat) {
    ace::Image out(mat.cols, mat.rows, mat.channels());
    cv::Mat dst = view(out);
    mat.copyTo(dst);
    return out;
}

// A photo-like test image: gradient background, filled shapes, text and sensor noise, slightly
// blurred so it is band-limited like a real photo.
ace::Image makeScene(int width, int height, unsigned seed) {
    cv::Mat img(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>(40 + 150 * x / width),
                                                static_cast<uchar>(60 + 120 * y / height), 110);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> px(0, width - 1), py(0, height - 1), col(0, 255);
    const int scale = std::max(1, std::min(width, height) / 40);
    for (int i = 0; i < 25; ++i) {
        const cv::Scalar c(col(rng), col(rng), col(rng));
        cv::circle(img, {px(rng), py(rng)}, 2 + scale * (1 + i % 5), c, cv::FILLED, cv::LINE_AA);
        cv::rectangle(img, cv::Rect(px(rng), py(rng), 3 * scale, 2 * scale), c, 2, cv::LINE_AA);
        cv::line(img, {px(rng), py(rng)}, {px(rng), py(rng)}, c, 1 + i % 3, cv::LINE_AA);
    }
    cv::putText(img, "ACE 123", {width / 8, height / 2}, cv::FONT_HERSHEY_SIMPLEX, scale * 0.15 + 0.5,
                cv::Scalar(250, 250, 250), 2, cv::LINE_AA);
    cv::Mat noise(img.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(6));
    cv::add(img, noise, img);
    cv::GaussianBlur(img, img, cv::Size(3, 3), 0.7);
    return fromMat(img);
}

// The reference's target size (ace-reference.md §1.3): scale = min(1, sqrt(L / (H/16 * W/16))),
// then floor to multiples of 16.
cv::Size referenceTokenSize(int width, int height, int maxSeqLen) {
    const double scale = std::min(1.0, std::sqrt(maxSeqLen / ((height / 16.0) * (width / 16.0))));
    const int h = static_cast<int>(std::floor(height * scale)) / 16 * 16;
    const int w = static_cast<int>(std::floor(width * scale)) / 16 * 16;
    return {w, h};
}

// What the engine hands back for an input: the aspect crop resized (antialiased) to the token
// budget. `change` adds a colour shift and fresh noise, like a model that redraws everything.
ace::Image engineOutput(const ace::Image& input, int maxSeqLen, int change, unsigned seed) {
    const ace::CropRect crop = ace::referenceAspectCrop(input.width, input.height);
    cv::Mat cropped = view(input)(cv::Rect(crop.x, crop.y, crop.width, crop.height));
    cv::Mat out;
    cv::resize(cropped, out, referenceTokenSize(crop.width, crop.height, maxSeqLen), 0, 0, cv::INTER_AREA);
    if (change != 0) {
        cv::Mat noise(out.size(), CV_16SC3);
        cv::theRNG().state = seed;
        cv::randn(noise, cv::Scalar::all(change), cv::Scalar::all(8));
        cv::Mat wide;
        out.convertTo(wide, CV_16SC3);
        wide += noise;
        wide.convertTo(out, CV_8UC3);
    }
    return fromMat(out);
}

cv::Mat greyFloat(const ace::Image& image, const ace::CropRect& crop) {
    cv::Mat grey, f;
    cv::cvtColor(view(image)(cv::Rect(crop.x, crop.y, crop.width, crop.height)), grey, cv::COLOR_RGB2GRAY);
    grey.convertTo(f, CV_64F);
    // Compare only the band both images share: the engine's resolution drops the finest detail,
    // and phase correlation weighs every frequency alike, so unshared detail only adds noise.
    cv::GaussianBlur(f, f, cv::Size(0, 0), 2.0);
    return f;
}

// Sub-pixel translation between two images of the same size: phase correlation (Hann window) on
// the band both share. Its reading is exact at zero shift and grows with a real shift (the peak
// centroid overestimates it, see phaseCorrelationSeesShifts), which is what the no-drift tests need.
cv::Point2d measureShift(const ace::Image& a, const ace::Image& b, const ace::CropRect& crop) {
    const cv::Mat fa = greyFloat(a, crop), fb = greyFloat(b, crop);
    cv::Mat window;
    cv::createHanningWindow(window, fa.size(), CV_64F);
    return cv::phaseCorrelate(fa, fb, window);
}

ace::Image discMask(int width, int height, cv::Point centre, int radius) {
    cv::Mat m = cv::Mat::zeros(height, width, CV_8UC1);
    cv::circle(m, centre, radius, cv::Scalar(255), cv::FILLED);
    cv::rectangle(m, cv::Rect(width / 10, height / 10, width / 6, height / 8), cv::Scalar(200), cv::FILLED);
    return fromMat(m);
}

}  // namespace

class TestEditCompositing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aspectCrop_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::newRow("landscape, no crop") << 1000 << 750 << 0 << 0 << 1000 << 750;
        QTest::newRow("exactly 4:1") << 400 << 100 << 0 << 0 << 400 << 100;
        QTest::newRow("tall 5:1") << 100 << 500 << 0 << 50 << 100 << 400;
        QTest::newRow("wide") << 1400 << 300 << 100 << 0 << 1200 << 300;
        QTest::newRow("half offset rounds to even") << 101 << 3 << 44 << 0 << 12 << 3;
        QTest::newRow("half offset rounds to even 2") << 103 << 3 << 46 << 0 << 12 << 3;
    }
    void aspectCrop() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(int, w);
        QFETCH(int, h);
        const ace::CropRect crop = ace::referenceAspectCrop(width, height);
        QCOMPARE(crop.x, x);
        QCOMPARE(crop.y, y);
        QCOMPARE(crop.width, w);
        QCOMPARE(crop.height, h);
    }

    // The measurement must see a shift when there is one, or the no-drift tests prove nothing: a
    // quarter pixel reads far above their 0.03 px bound, always in the right direction.
    void phaseCorrelationSeesShifts_data() {
        QTest::addColumn<double>("dx");
        QTest::addColumn<double>("dy");
        QTest::newRow("one pixel right") << 1.0 << 0.0;
        QTest::newRow("two down, one left") << -1.0 << 2.0;
        QTest::newRow("quarter pixel") << 0.25 << 0.0;
        QTest::newRow("quarter pixel up") << 0.0 << -0.25;
    }
    void phaseCorrelationSeesShifts() {
        QFETCH(double, dx);
        QFETCH(double, dy);
        const ace::Image scene = makeScene(640, 480, 7);
        cv::Mat shifted;
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, dy);
        cv::warpAffine(view(scene), shifted, m, view(scene).size(), cv::INTER_CUBIC, cv::BORDER_REFLECT);
        const cv::Point2d d = measureShift(scene, fromMat(shifted), {0, 0, 640, 480});
        const auto reads = [](double measured, double truth) {
            if (truth == 0.0) return std::abs(measured) < 0.05;
            const double ratio = measured / truth;
            return ratio > 0.75 && ratio < 1.9;
        };
        QVERIFY2(reads(d.x, dx) && reads(d.y, dy), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
    }

    void registrationHasNoSubpixelShift_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("maxSeqLen");
        QTest::newRow("750x1000 photo, 512px model") << 1000 << 750 << 1024;
        QTest::newRow("odd size 777x555") << 777 << 555 << 1024;
        QTest::newRow("square 2048, 1024px model") << 2048 << 2048 << 4096;
        QTest::newRow("tall 5:1 (aspect crop)") << 260 << 1300 << 1024;
        QTest::newRow("below budget (no resize)") << 320 << 240 << 1024;
    }
    void registrationHasNoSubpixelShift() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, maxSeqLen);
        const ace::Image input = makeScene(width, height, 11);
        const ace::CropRect crop = ace::referenceAspectCrop(width, height);
        const ace::Image result = engineOutput(input, maxSeqLen, 0, 1);
        QVERIFY(result.width % 16 == 0 && result.height % 16 == 0);

        const ace::Image registered = ace::registerToInput(result, input);
        QCOMPARE(registered.width, input.width);
        QCOMPARE(registered.height, input.height);
        const cv::Point2d d = measureShift(input, registered, crop);
                QVERIFY2(std::hypot(d.x, d.y) < 0.03, qPrintable(QString("shift %1, %2 px").arg(d.x).arg(d.y)));

        // Outside the crop the input stays as it was.
        if (crop.y > 0) QVERIFY(std::memcmp(registered.data.data(), input.data.data(), input.stride() * crop.y) == 0);
    }

    // Ten turns of "engine output at its own resolution, mapped back": the content never wanders.
    void repeatedRegistrationDoesNotDrift() {
        const ace::Image input = makeScene(1000, 750, 3);
        ace::Image current = input;
        for (int turn = 0; turn < 10; ++turn) current = ace::registerToInput(engineOutput(current, 1024, 0, turn), current);
        const cv::Point2d d = measureShift(input, current, {0, 0, 1000, 750});
        QVERIFY2(std::hypot(d.x, d.y) < 0.05, qPrintable(QString("drift %1, %2 px").arg(d.x).arg(d.y)));
    }

    void pasteBackKeepsUnmaskedPixelsOverTenRoundTrips_data() {
        QTest::addColumn<double>("feather");
        QTest::newRow("feathered") << 6.0;
        QTest::newRow("hard edge") << 0.0;
    }
    void pasteBackKeepsUnmaskedPixelsOverTenRoundTrips() {
        QFETCH(double, feather);
        const int w = 900, h = 700;
        const ace::Image original = makeScene(w, h, 5);
        const ace::Image mask = discMask(w, h, {500, 380}, 150);
        ace::Image current = original;
        for (int turn = 0; turn < 10; ++turn) {
            // A model that changes colours and noise everywhere, at its own resolution.
            const ace::Image result = ace::registerToInput(engineOutput(current, 1024, 20, 100 + turn), current);
            current = ace::pasteBack(current, result, mask, {true, feather});
        }
        long changedInside = 0, insideCount = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const bool inside = mask.pixel(x, y)[0] > 128;
                const bool same = std::memcmp(current.pixel(x, y), original.pixel(x, y), 3) == 0;
                if (!inside && !same) QFAIL(qPrintable(QString("unmasked pixel (%1, %2) changed").arg(x).arg(y)));
                insideCount += inside;
                changedInside += inside && !same;
            }
        QVERIFY2(changedInside > insideCount * 9 / 10, qPrintable(QString("%1 of %2").arg(changedInside).arg(insideCount)));
    }

    void featherStaysInsideTheMask() {
        const ace::Image mask = discMask(200, 160, {100, 80}, 50);
        const ace::Image soft = ace::featherMaskInside(mask, 8.0);
        const ace::Image hard = ace::featherMaskInside(mask, 0.0);
        int ramp = 0;
        for (int y = 0; y < 160; ++y)
            for (int x = 0; x < 200; ++x) {
                const bool inside = mask.pixel(x, y)[0] > 128;
                const int s = soft.pixel(x, y)[0];
                QCOMPARE(hard.pixel(x, y)[0], inside ? 255 : 0);
                if (!inside) QCOMPARE(s, 0);
                if (inside && s > 0 && s < 255) ++ramp;
            }
        QCOMPARE(soft.pixel(100, 80)[0], 255);  // the disc's centre is 50 px from its edge
        QVERIFY(soft.pixel(100, 31)[0] > 0 && soft.pixel(100, 31)[0] < 255);  // 2 px inside
        QVERIFY(ramp > 1000);
    }

    void pasteBackPassesTheResultThroughWithoutMaskOrWhenOff() {
        const ace::Image input = makeScene(64, 48, 1);
        const ace::Image result = makeScene(64, 48, 2);
        QVERIFY(ace::pasteBack(input, result, ace::Image(64, 48, 1, 0)) == result);
        QVERIFY(ace::pasteBack(input, result, ace::Image(64, 48, 1, 100)) == result);  // faint = none
        QVERIFY(ace::pasteBack(input, result, discMask(64, 48, {30, 30}, 10), {false, 4.0}) == result);
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::pasteBack(input, makeScene(32, 48, 2), ace::Image(64, 48, 1, 0)));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::pasteBack(input, result, ace::Image(32, 48, 1, 0)));
    }

    void floodFillFillsTheEnclosedRegionOnly() {
        cv::Mat m = cv::Mat::zeros(60, 80, CV_8UC1);
        cv::rectangle(m, cv::Rect(10, 10, 30, 20), cv::Scalar(255), 1);  // an outline
        ace::Image mask = fromMat(m);
        const ace::MaskRect box = ace::floodFillMask(mask, 20, 20, 255);
        QCOMPARE(box.x, 11);
        QCOMPARE(box.y, 11);
        QCOMPARE(box.width, 28);
        QCOMPARE(box.height, 18);
        QCOMPARE(mask.pixel(20, 20)[0], 255);
        QCOMPARE(mask.pixel(5, 5)[0], 0);  // outside the outline
        QVERIFY(ace::floodFillMask(mask, 20, 20, 255).isEmpty());  // nothing left to change
        QVERIFY(ace::floodFillMask(mask, 200, 20, 255).isEmpty());
    }

    void extendCanvasMasksTheNewArea() {
        const ace::Image image = makeScene(100, 80, 9);
        ace::Image mask(100, 80, 1, 0);
        mask.pixel(10, 10)[0] = 255;
        const ace::CanvasExtension e = ace::extensionFromRatios(100, 80, 0.0, 0.25, 0.5, 0.25);
        QCOMPARE(e.top, 20);
        QCOMPARE(e.bottom, 20);
        QCOMPARE(e.left, 0);
        QCOMPARE(e.right, 50);
        const ace::ExtendedCanvas out = ace::extendCanvas(image, mask, e);
        QCOMPARE(out.image.width, 150);
        QCOMPARE(out.image.height, 120);
        for (int y = 0; y < 120; ++y)
            for (int x = 0; x < 150; ++x) {
                const bool old = x < 100 && y >= 20 && y < 100;
                if (old) {
                    QVERIFY(std::memcmp(out.image.pixel(x, y), image.pixel(x, y - 20), 3) == 0);
                    QCOMPARE(out.mask.pixel(x, y)[0], mask.pixel(x, y - 20)[0]);
                } else {
                    QCOMPARE(out.mask.pixel(x, y)[0], 255);
                    QCOMPARE(out.image.pixel(x, y)[0] + out.image.pixel(x, y)[1] + out.image.pixel(x, y)[2], 0);
                }
            }
        // Without a mask the old area is unmasked.
        QCOMPARE(ace::extendCanvas(image, {}, {4, 0, 0, 0}).mask.pixel(50, 50)[0], 0);
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::extendCanvas(image, {}, {-1, 0, 0, 0}));
    }
};

QTEST_GUILESS_MAIN(TestEditCompositing)
#include "tst_editcompositing.moc"
