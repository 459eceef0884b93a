#pragma once
// Measures how responsive the GUI thread is: a precise timer ticks every few milliseconds and the
// longest gap between two ticks is the longest time the event loop was blocked (plus the
// interval). It also records the GUI thread's own CPU time between ticks: the work it did in the
// gap, which does not grow when other processes crowd the machine (on a loaded build server the
// wall-clock gap mostly measures waiting for a core). Used by the tests and reported by them.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ace {

class StallMeter final : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(int intervalMs = 5, QObject* parent = nullptr);
    void start();
    void stop();
    double maxGapMs() const { return m_maxGapMs; }
    double maxBusyMs() const { return m_maxBusyMs; }  // GUI-thread CPU time within one gap
    double totalCpuMs() const { return m_totalCpuMs; }  // GUI-thread CPU time from start() to stop()
    double spanMs() const { return m_spanMs; }          // wall-clock time from start() to stop()
    int ticks() const { return m_ticks; }
    int intervalMs() const { return m_timer.interval(); }
    // One line with every figure, for the tests' output: "<what>: longest stall 12.3 ms wall-clock
    // (4.1 ms GUI-thread CPU within one gap); GUI-thread CPU 85.0 ms over 2310 ms (3.7%), 420 ticks of 5 ms".
    QString report(const QString& what) const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_first = 0, m_firstCpu = 0;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    double m_totalCpuMs = 0.0;
    double m_spanMs = 0.0;
    double m_maxGapMs = 0.0;
    double m_maxBusyMs = 0.0;
    int m_ticks = 0;
};

}  // namespace ace
