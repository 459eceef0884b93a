#pragma once
// Helpers shared by the GUI tests: test images drawn with QPainter plus noise, screenshots saved
// as build artifacts (build/screenshots/<name>.png), and waiting on conditions.
#include <QCoreApplication>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>

class QWidget;

namespace ace::test {

// A photo-like RGB32 image: gradient, shapes, text, deterministic noise.
QImage makeScene(int width, int height, unsigned seed = 1);
// Saves widget->grab() to ACE_BINARY_DIR/screenshots/<name>.png (<name>@2x.png on a 2x screen)
// and returns the path.
QString saveScreenshot(QWidget* widget, const QString& name);
// Number of mask pixels above 128.
long maskedPixels(const QImage& mask);

// True once the spy has seen a signal: QSignalSpy records emissions from other threads directly,
// so one may arrive before wait() starts, which wait() alone would miss.
inline bool waitFor(QSignalSpy& spy, int timeoutMs) { return !spy.isEmpty() || spy.wait(timeoutMs); }

// A GUI test's start: settings and standard paths of its own, away from the user's.
inline void initGuiTestCase(const char* applicationName) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ACE Desktop Tests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(applicationName));
}

}  // namespace ace::test
