#pragma once

class QThreadPool;

namespace triad {

/// The threads the GUI runs its database reads and writes and other long work on.
///
/// Not QThreadPool::globalInstance(): Qt's raster paint engine (6.4) splits large fills across
/// the global pool and the GUI thread waits for those pieces. With database loads in the global
/// pool, painting after a 50-host scan waited up to 370 ms for the loads of the reload to free a
/// thread (tests/bench/bench_gui_latency, traced with perf sched_switch: QSemaphore::acquire in
/// QRasterPaintEngine::drawLines). Long work here leaves the global pool to painting.
QThreadPool *backgroundPool();

} // namespace triad
