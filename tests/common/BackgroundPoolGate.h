#pragma once

#include "ui/BackgroundPool.h"

#include <QSemaphore>
#include <QThreadPool>

namespace triad::test {

/// Holds every thread of the GUI's background pool until it goes out of scope (or open() is
/// called), so that work submitted meanwhile is still running when its continuation is attached.
///
/// Why: QFuture::then(context, ...) on a future that has already finished calls the continuation
/// at once, inside the call that attached it. A test of "a late answer is dropped" must therefore
/// make sure the answer is late; on a loaded machine the background thread could otherwise finish
/// before the GUI thread reached .then().
class BackgroundPoolGate
{
public:
    BackgroundPoolGate()
        : m_threads(backgroundPool()->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i)
            backgroundPool()->start([this] {
                m_started.release();
                m_gate.acquire();
            });
        m_started.acquire(m_threads); // every thread is held before the test goes on
    }
    ~BackgroundPoolGate() { open(); }

    void open()
    {
        if (m_open)
            return;
        m_open = true;
        m_gate.release(m_threads);
    }

    BackgroundPoolGate(const BackgroundPoolGate &) = delete;
    BackgroundPoolGate &operator=(const BackgroundPoolGate &) = delete;

private:
    const int m_threads;
    QSemaphore m_started;
    QSemaphore m_gate;
    bool m_open = false;
};

} // namespace triad::test
