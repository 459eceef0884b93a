#include "StallMeter.h"

#include <ctime>

namespace {
// CPU time of the calling thread in ns (wall time where the platform has no per-thread clock).
qint64 threadCpuNs(const QElapsedTimer& wall) {
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0) return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
#endif
    return wall.nsecsElapsed();
}
}  // namespace

namespace ace {

StallMeter::StallMeter(int intervalMs, QObject* parent) : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start() {
    m_maxGapMs = 0.0;
    m_maxBusyMs = 0.0;
    m_totalCpuMs = 0.0;
    m_spanMs = 0.0;
    m_ticks = 0;
    m_clock.start();
    m_first = m_last = m_clock.nsecsElapsed();
    m_firstCpu = m_lastCpu = threadCpuNs(m_clock);
    m_timer.start();
}

void StallMeter::stop() {
    tick();  // a stall right before stop() counts too
    m_timer.stop();
}

void StallMeter::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 cpu = threadCpuNs(m_clock);
    m_maxGapMs = std::max(m_maxGapMs, static_cast<double>(now - m_last) / 1e6);
    m_maxBusyMs = std::max(m_maxBusyMs, static_cast<double>(cpu - m_lastCpu) / 1e6);
    m_last = now;
    m_lastCpu = cpu;
    m_spanMs = static_cast<double>(now - m_first) / 1e6;
    m_totalCpuMs = static_cast<double>(cpu - m_firstCpu) / 1e6;
    ++m_ticks;
}

QString StallMeter::report(const QString& what) const {
    return QStringLiteral("%1: longest stall %2 ms wall-clock (%3 ms GUI-thread CPU within one gap); "
                          "GUI-thread CPU %4 ms over %5 ms (%6%), %7 ticks of %8 ms")
        .arg(what)
        .arg(m_maxGapMs, 0, 'f', 1)
        .arg(m_maxBusyMs, 0, 'f', 1)
        .arg(m_totalCpuMs, 0, 'f', 1)
        .arg(m_spanMs, 0, 'f', 0)
        .arg(m_spanMs > 0 ? 100.0 * m_totalCpuMs / m_spanMs : 0.0, 0, 'f', 1)
        .arg(m_ticks)
        .arg(intervalMs());
}

}  // namespace ace
