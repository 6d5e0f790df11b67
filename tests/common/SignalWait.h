#pragma once

#include <QSignalSpy>
#include <QTest>

namespace triad::test {

/// Waits until `spy` has recorded more than `before` signals; true if it did within `timeout` ms.
///
/// Use it instead of QSignalSpy::wait() after an action whose answer comes from a worker thread:
/// wait() only counts signals emitted while it waits, but QFuture::then(context, ...) (Qt 6.4)
/// runs its continuation at once, inside the call that attached it, when the future has already
/// finished. On a loaded machine a quick worker (one SQLite write) can finish that early, and its
/// signal then arrives inside the action, before wait() begins.
inline bool receivedMoreThan(QSignalSpy &spy, qsizetype before, int timeout = 20000)
{
    return QTest::qWaitFor([&spy, before] { return spy.count() > before; }, timeout);
}

/// The same for a spy that was empty before the action.
inline bool received(QSignalSpy &spy, int timeout = 20000)
{
    return receivedMoreThan(spy, 0, timeout);
}

} // namespace triad::test
