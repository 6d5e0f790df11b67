// Scale of the issue lifecycle (issue 5): a project of ASSETS x CHECKS x RUNS results on a real
// SQLite file. Prints, as runs accumulate: time to ingest one run with its lifecycle updates
// (target < 5 s), the open-issues query with filters (< 100 ms), a comparison of two runs (< 1 s)
// and the file size per million results. Not a ctest test: run it by hand (see README).
//   bench_lifecycle [ASSETS=200] [CHECKS=250] [RUNS=30] [DIR=/tmp]
#include "db/ProjectDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>

using namespace triad;

namespace {

constexpr int kCollectorsPerAsset = 40;

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const int assets = a.value(1, QStringLiteral("200")).toInt();
    const int checks = a.value(2, QStringLiteral("250")).toInt();
    const int runs = a.value(3, QStringLiteral("30")).toInt();
    const QString path = QDir(a.value(4, QDir::tempPath())).filePath(QStringLiteral("bench-lifecycle.triad"));
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    auto created = ProjectDatabase::create(path, ProjectInfo{QStringLiteral("Scale"), QStringLiteral("Bench"), {}});
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().toString()));
        return 2;
    }
    ProjectDatabase &db = **created;
    QList<qint64> assetIds;
    for (int i = 0; i < assets; ++i) {
        Asset asset;
        asset.name = QStringLiteral("host-%1").arg(i, 3, 10, QLatin1Char('0'));
        asset.transport = QStringLiteral("ssh");
        asset.address = QStringLiteral("127.0.0.1");
        asset.tags = {i % 2 ? QStringLiteral("pci") : QStringLiteral("web")};
        assetIds << db.addAsset(asset).value();
    }
    // Each (asset, check) starts failing with probability 0.2 and flips with probability 0.03 per
    // run: the churn of a fleet under remediation, with regressions.
    QRandomGenerator rng(42);
    QList<QList<bool>> failing(assets, QList<bool>(checks));
    for (auto &row : failing)
        for (qsizetype c = 0; c < row.size(); ++c)
            row[c] = rng.bounded(100) < 20;
    static const Severity severities[] = {Severity::Low, Severity::Medium, Severity::High, Severity::Critical};

    std::printf("%d assets x %d checks x %d runs (%lld results), %d evidence items per asset and run\n", assets, checks, runs,
                qlonglong(assets) * checks * runs, kCollectorsPerAsset);
    std::printf("%5s %10s %12s %14s %12s %12s %14s\n", "run", "results", "ingest s", "open-issues ms", "count ms", "diff ms",
                "MB / M results");
    qint64 previousRun = 0;
    for (int r = 1; r <= runs; ++r) {
        RunInfo info;
        info.templateId = QStringLiteral("cis-linux");
        info.templateVersion = QStringLiteral("1.0.0");
        info.startedAt = QDateTime::currentDateTimeUtc();
        QElapsedTimer ingest;
        ingest.start();
        const qint64 runId = db.beginRun(info).value();
        for (int i = 0; i < assets; ++i) {
            QList<RawOutput> evidence;
            for (int k = 0; k < kCollectorsPerAsset; ++k) {
                RawOutput raw;
                raw.collectorKey = QStringLiteral("lib/collector-%1").arg(k);
                raw.command = QStringLiteral("cat /etc/config-%1").arg(k);
                raw.exitCode = 0;
                raw.status = CollectionStatus::Ok;
                raw.stdoutData = QByteArray("setting_") + QByteArray::number(k) + " = " + QByteArray::number(r % 3) + "\n" +
                                 QByteArray(160, 'x');
                evidence << raw;
            }
            QList<StoredResult> rows;
            rows.reserve(checks);
            for (int c = 0; c < checks; ++c) {
                if (r > 1 && rng.bounded(100) < 3)
                    failing[i][c] = !failing[i][c];
                StoredResult row;
                row.result.checkId = QStringLiteral("check.%1").arg(c, 3, 10, QLatin1Char('0'));
                row.result.status = failing[i][c] ? CheckStatus::Fail : CheckStatus::Pass;
                row.result.expected = QStringLiteral("value <= 4");
                row.result.actual = failing[i][c] ? QStringLiteral("6") : QStringLiteral("4");
                row.result.collectorKeys = {QStringLiteral("lib/collector-%1").arg(c % kCollectorsPerAsset)};
                row.rawStatus = row.result.status;
                row.severity = severities[c % 4];
                row.title = QStringLiteral("Check number %1 holds").arg(c);
                row.requirementIds = {QStringLiteral("%1.%2").arg(c / 10 + 1).arg(c % 10 + 1)};
                rows << row;
            }
            AssetRunRecord record;
            record.assetId = assetIds[i];
            record.assetName = QStringLiteral("host-%1").arg(i, 3, 10, QLatin1Char('0'));
            record.status = AssetRunStatus::Ok;
            if (auto s = db.storeAssetResults(runId, record, evidence, rows); !s) {
                std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
                return 1;
            }
        }
        (void)db.finishRun(runId, RunStatus::Completed, QDateTime::currentDateTimeUtc());
        const double ingestSeconds = ingest.elapsed() / 1000.0;

        // What an auditor asks: open high/critical issues of the pci assets matching a text.
        IssueFilter filter;
        filter.states = {QStringLiteral("open")};
        filter.minSeverity = Severity::High;
        filter.text = QStringLiteral("check.1");
        filter.limit = 200;
        QElapsedTimer query;
        query.start();
        const auto open = db.issues(filter);
        const double queryMs = query.nsecsElapsed() / 1e6;
        query.restart();
        const auto count = db.countIssues(IssueFilter{});
        const double countMs = query.nsecsElapsed() / 1e6;
        double diffMs = 0;
        if (previousRun) {
            query.restart();
            const auto cmp = db.compareRuns(previousRun, runId);
            diffMs = query.nsecsElapsed() / 1e6;
            if (!cmp)
                return 1;
        }
        if (!open || !count)
            return 1;
        const double results = double(assets) * checks * r;
        if (r == 1 || r % 5 == 0 || r == runs)
            std::printf("%5d %10.0f %12.2f %14.1f %12.1f %12.1f %14.1f\n", r, results, ingestSeconds, queryMs, countMs, diffMs,
                        fileSize(path) / 1048576.0 / (results / 1e6));
        previousRun = runId;
    }
    std::printf("file: %s, %.1f MB\n", qPrintable(path), fileSize(path) / 1048576.0);
    return 0;
}
