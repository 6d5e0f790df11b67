#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace triad::testing {

/// The longest gap between ticks of a 5 ms timer on the calling thread while it runs: how long
/// that thread's event loop was kept from running (the GUI responsiveness tests' measure).
class EventLoopStallMeter {
public:
    EventLoopStallMeter()
    {
        m_tick.setInterval(5);
        QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [this] {
            m_worst = qMax(m_worst, m_clock.elapsed() - m_last);
            m_last = m_clock.elapsed();
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_tick.start();
    }
    void stop() { m_tick.stop(); }
    [[nodiscard]] qint64 worstMs() const { return m_worst; }

private:
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    QTimer m_tick;
};

} // namespace triad::testing
