#include "StallMeter.h"

namespace ace {

StallMeter::StallMeter(int intervalMs, QObject* parent) : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start() {
    m_maxGapMs = 0.0;
    m_ticks = 0;
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMeter::stop() {
    tick();  // a stall right before stop() counts too
    m_timer.stop();
}

void StallMeter::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGapMs = std::max(m_maxGapMs, static_cast<double>(now - m_last) / 1e6);
    m_last = now;
    ++m_ticks;
}

}  // namespace ace
