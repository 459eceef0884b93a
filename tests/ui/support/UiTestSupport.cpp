#include "UiTestSupport.h"

#include <QDir>
#include <QPainter>
#include <QRandomGenerator>
#include <QWidget>

namespace ace::test {

QImage makeScene(int width, int height, unsigned seed) {
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(70, 130, 200));
    sky.setColorAt(0.6, QColor(190, 210, 230));
    sky.setColorAt(1, QColor(90, 140, 70));
    p.fillRect(image.rect(), sky);
    QRandomGenerator rng(seed);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 12; ++i) {
        p.setBrush(QColor::fromHsv(rng.bounded(360), 120 + rng.bounded(120), 120 + rng.bounded(120)));
        p.setPen(Qt::NoPen);
        const int s = 10 + rng.bounded(std::max(11, std::min(width, height) / 5));
        if (i % 2) p.drawEllipse(rng.bounded(width), rng.bounded(height), s, s);
        else p.drawRect(rng.bounded(width), rng.bounded(height), s, s * 2 / 3);
    }
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setPixelSize(std::max(10, height / 10));
    p.setFont(f);
    p.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("ACE"));
    p.end();
    for (int y = 0; y < height; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = static_cast<int>(rng.bounded(9)) - 4;
            const QRgb c = row[x];
            row[x] = qRgb(std::clamp(qRed(c) + n, 0, 255), std::clamp(qGreen(c) + n, 0, 255), std::clamp(qBlue(c) + n, 0, 255));
        }
    }
    return image;
}

QString saveScreenshot(QWidget* widget, const QString& name) {
    const QString dir = QStringLiteral(ACE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // A run on a high-DPI screen (the *_hidpi tests) keeps its own files: name@2x.png.
    const qreal dpr = widget->devicePixelRatioF();
    const QString suffix = dpr > 1.0 ? QStringLiteral("@%1x").arg(dpr) : QString();
    const QString path = dir + "/" + name + suffix + ".png";
    widget->grab().save(path);
    return path;
}

long maskedPixels(const QImage& mask) {
    long n = 0;
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* row = mask.constScanLine(y);
        for (int x = 0; x < mask.width(); ++x) n += row[x] > 128;
    }
    return n;
}

}  // namespace ace::test
