// PillowResize: byte-exact against Pillow's own Image.resize (BICUBIC and NEAREST) on committed
// test images of many sizes (tests/data/lcu/resize, made by Pillow 10.4).
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "ace/common/Error.h"
#include "ace/imaging/ImageIo.h"
#include "lcu/PillowResize.h"

namespace {

const std::filesystem::path kDir = std::filesystem::path(ACE_TEST_DATA_DIR) / "lcu" / "resize";

// "" when equal, else where and by how much the first difference is.
QString describeDifference(const ace::Image& actual, const ace::Image& expected) {
    if (actual.width != expected.width || actual.height != expected.height || actual.channels != expected.channels)
        return QStringLiteral("size %1x%2x%3, expected %4x%5x%6")
            .arg(actual.width).arg(actual.height).arg(actual.channels)
            .arg(expected.width).arg(expected.height).arg(expected.channels);
    int differing = 0, maxDiff = 0;
    size_t first = 0;
    for (size_t i = 0; i < actual.data.size(); ++i) {
        const int d = std::abs(int(actual.data[i]) - int(expected.data[i]));
        if (d != 0 && differing++ == 0)
            first = i;
        maxDiff = std::max(maxDiff, d);
    }
    if (differing == 0)
        return {};
    const size_t pixel = first / actual.channels;
    return QStringLiteral("%1 bytes differ (max %2), first at x=%3 y=%4 channel %5: %6 vs %7")
        .arg(differing).arg(maxDiff)
        .arg(pixel % actual.width).arg(pixel / actual.width).arg(first % actual.channels)
        .arg(actual.data[first]).arg(expected.data[first]);
}

}  // namespace

class TestPillowResize : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesPillow_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("expected");
        std::ifstream in(kDir / "cases.json");
        QVERIFY2(in.good(), "tests/data/lcu/resize/cases.json is missing");
        const auto cases = nlohmann::json::parse(in).at("cases");
        QVERIFY(cases.size() >= 30);
        for (const auto& c : cases) {
            const auto expected = c.at("expected").get<std::string>();
            QTest::newRow(expected.c_str())
                << QString::fromStdString(c.at("input").get<std::string>()) << c.at("channels").get<int>()
                << QString::fromStdString(c.at("mode").get<std::string>()) << c.at("width").get<int>()
                << c.at("height").get<int>() << QString::fromStdString(expected);
        }
    }
    void matchesPillow() {
        QFETCH(QString, input);
        QFETCH(int, channels);
        QFETCH(QString, mode);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, expected);
        const ace::Image src = ace::readImage(kDir / input.toStdString(), channels);
        const ace::Image want = ace::readImage(kDir / expected.toStdString(), channels);
        QCOMPARE(want.width, width);
        QCOMPARE(want.height, height);
        const ace::Image got = mode == QLatin1String("bicubic") ? ace::resizeBicubicPillow(src, width, height)
                                                                : ace::resizeNearestPillow(src, width, height);
        const QString diff = describeDifference(got, want);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void sameSizeIsCopy() {
        ace::Image img(5, 4, 3);
        for (size_t i = 0; i < img.data.size(); ++i)
            img.data[i] = static_cast<std::uint8_t>(i * 37);
        QVERIFY(ace::resizeBicubicPillow(img, 5, 4) == img);
        QVERIFY(ace::resizeNearestPillow(img, 5, 4) == img);
    }

    void rejectsBadInput_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("toWidth");
        QTest::addColumn<int>("toHeight");
        QTest::newRow("empty") << 0 << 0 << 3 << 0 << 4 << 4;
        QTest::newRow("short buffer") << 4 << 4 << 3 << 40 << 2 << 2;
        QTest::newRow("zero target") << 4 << 4 << 3 << 48 << 0 << 2;
        QTest::newRow("negative target") << 4 << 4 << 1 << 16 << 2 << -1;
    }
    void rejectsBadInput() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, bytes);
        QFETCH(int, toWidth);
        QFETCH(int, toHeight);
        ace::Image img;
        img.width = width;
        img.height = height;
        img.channels = channels;
        img.data.assign(bytes, 7);
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::resizeBicubicPillow(img, toWidth, toHeight));
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::resizeNearestPillow(img, toWidth, toHeight));
    }
};

QTEST_GUILESS_MAIN(TestPillowResize)
#include "tst_pillowresize.moc"
