#pragma once
// Measures how responsive the GUI thread is: a precise timer ticks every few milliseconds and the
// longest gap between two ticks is the longest time the event loop was blocked (plus the
// interval). Used by the tests to check that inference never stalls the GUI.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ace {

class StallMeter final : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(int intervalMs = 5, QObject* parent = nullptr);
    void start();
    void stop();
    double maxGapMs() const { return m_maxGapMs; }
    int ticks() const { return m_ticks; }
    int intervalMs() const { return m_timer.interval(); }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_maxGapMs = 0.0;
    int m_ticks = 0;
};

}  // namespace ace
