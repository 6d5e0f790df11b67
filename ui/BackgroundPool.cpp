#include "BackgroundPool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace triad {

QThreadPool *backgroundPool()
{
    // As many threads as the global pool had: the views' loads keep the order in which they
    // complete today (IssuesView shows whichever page arrives last, without a generation check).
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;      // lives as long as the process, like the global pool
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("triad-background"));
        return p;
    }();
    return pool;
}

} // namespace triad
