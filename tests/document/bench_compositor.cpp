// Compositing speed on a 2048 x 2048 stack of 10 layers: a brush stroke's dirty rectangles
// (one dab, a short stroke) and the full canvas. Prints the figures; asserts nothing on time.
#include <QtTest>

#include <chrono>
#include <ctime>

#include "DocumentTestUtil.h"
#include "ace/document/Compositor.h"

using namespace ace;

class BenchCompositor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        m_doc = Document(2048, 2048);
        const BlendMode modes[] = {BlendMode::Normal, BlendMode::Multiply, BlendMode::Screen, BlendMode::Overlay,
                                   BlendMode::Normal};
        for (int i = 0; i < 10; ++i) {
            Layer l = Layer::raster("layer " + std::to_string(i), test::randomRgba(2048, 2048, 100 + i));
            l.blendMode = modes[i % 5];
            l.opacity = 0.8f;
            m_doc.addLayer(std::move(l));
        }
        m_canvas = composite(m_doc);
    }

    void dirtyRect_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("dab 64x64") << 64;
        QTest::newRow("stroke 256x256") << 256;
        QTest::newRow("large 512x512") << 512;
        QTest::newRow("full 2048x2048") << 2048;
    }
    void dirtyRect() {
        QFETCH(int, size);
        const int repeats = size >= 2048 ? 3 : size >= 512 ? 10 : 100;
        // CPU time of this thread as well as wall time: the build machine is shared, and wall time
        // there measures the other jobs as much as this code.
        timespec cpu0{}, cpu1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
        const auto start = std::chrono::steady_clock::now();
        for (int r = 0; r < repeats; ++r) {
            const int x = (r * 97) % (2048 - size + 1), y = (r * 61) % (2048 - size + 1);
            compositeInto(m_doc, {x, y, size, size}, m_canvas);
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / repeats;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
        const double cpuMs = ((cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6) / repeats;
        qInfo("composite 10 layers of 2048x2048, dirty %dx%d: %.3f ms CPU, %.3f ms wall (%.0f Mpixel-layers/s CPU)", size,
              size, cpuMs, ms, 10.0 * size * size / (cpuMs * 1000.0));
        QVERIFY(ms > 0);
    }

private:
    Document m_doc;
    Image m_canvas;
};

QTEST_GUILESS_MAIN(BenchCompositor)
#include "bench_compositor.moc"
