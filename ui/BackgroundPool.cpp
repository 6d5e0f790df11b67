#include "BackgroundPool.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace triad {

QThreadPool *backgroundPool()
{
    // A child of the application: ~QThreadPool waits for the work still running (a catalog load,
    // a page of issues) while the application is torn down, before the process's static objects
    // (the parsers' regular expressions among them) are destroyed under a running task.
    // As many threads as the global pool had: the views' loads keep the order in which they
    // complete today.
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        pool->setObjectName(QStringLiteral("triad-background"));
    }
    return pool;
}

} // namespace triad
