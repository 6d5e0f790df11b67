#include "CompareQueries.h"

#include "db/ProjectDatabase.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace triad {

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::New:
        return QObject::tr("New");
    case ChangeKind::Regressed:
        return QObject::tr("Regressed");
    case ChangeKind::Fixed:
        return QObject::tr("Fixed");
    case ChangeKind::StillOpen:
        return QObject::tr("Still open");
    case ChangeKind::Evidence:
        return QObject::tr("Changed evidence");
    }
    return {};
}

int RunComparisonData::count(ChangeKind kind) const
{
    return int(
        std::count_if(rows.cbegin(), rows.cend(), [kind](const ComparisonRow &r) { return r.kind == kind; }));
}

namespace {

QString resultKey(const QString &asset, const QString &check, const QString &subject)
{
    return asset + QChar(0x1e) + check + QChar(0x1e) + subject;
}

/// (asset, check, subject) -> the digests of the evidence that result read, for one run.
Result<QHash<QString, QList<EvidenceDigest>>> evidenceByResult(ProjectDatabase &db, qint64 runId)
{
    auto summaries = db.evidenceSummaries(runId);
    if (!summaries)
        return summaries.error();
    QHash<qint64, EvidenceDigest> byId;
    for (const EvidenceSummary &e : std::as_const(*summaries))
        byId.insert(e.id, EvidenceDigest {e.collectorKey, e.sha256});
    auto results = db.results(runId);
    if (!results)
        return results.error();
    QHash<QString, QList<EvidenceDigest>> digests;
    for (const StoredResult &r : std::as_const(*results)) {
        QList<EvidenceDigest> &list = digests[resultKey(r.assetName, r.result.checkId, r.result.subject)];
        for (qint64 id : r.evidenceIds)
            if (byId.contains(id))
                list << byId.value(id);
    }
    return digests;
}

} // namespace

namespace CompareQueries {

QFuture<Result<RunComparisonData>> compare(const QString &path, qint64 runA, qint64 runB)
{
    return QtConcurrent::run([path, runA, runB]() -> Result<RunComparisonData> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        RunComparisonData data;
        auto a = (*db)->run(runA);
        if (!a)
            return a.error();
        auto b = (*db)->run(runB);
        if (!b)
            return b.error();
        data.runA = *a;
        data.runB = *b;
        auto cmp = (*db)->compareRuns(runA, runB);
        if (!cmp)
            return cmp.error();
        auto before = evidenceByResult(**db, runA);
        if (!before)
            return before.error();
        auto after = evidenceByResult(**db, runB);
        if (!after)
            return after.error();
        const QList<std::pair<ChangeKind, const QList<ComparedResult> *>> groups {
            {ChangeKind::New, &cmp->newFailures},
            {ChangeKind::Regressed, &cmp->regressed},
            {ChangeKind::Fixed, &cmp->fixed},
            {ChangeKind::StillOpen, &cmp->stillOpen}};
        for (const auto &[kind, list] : groups) {
            for (const ComparedResult &c : *list) {
                ComparisonRow row;
                row.kind = kind;
                row.assetName = c.assetName;
                row.checkId = c.checkId;
                row.subject = c.subject;
                row.title = c.title;
                row.severity = c.severity;
                row.before = c.before;
                row.after = c.after;
                row.actualBefore = c.actualBefore;
                row.actualAfter = c.actualAfter;
                const QString key = resultKey(c.assetName, c.checkId, c.subject);
                if (c.before)
                    row.evidenceBefore = before->value(key);
                if (c.after)
                    row.evidenceAfter = after->value(key);
                data.rows << row;
            }
        }
        for (const EvidenceChange &e : std::as_const(cmp->changedEvidence)) {
            ComparisonRow row;
            row.kind = ChangeKind::Evidence;
            row.assetName = e.assetName;
            row.collectorKey = e.collectorKey;
            row.command = e.command;
            row.title = e.command;
            row.evidenceBefore = {EvidenceDigest {e.collectorKey, e.sha256Before}};
            row.evidenceAfter = {EvidenceDigest {e.collectorKey, e.sha256After}};
            data.rows << row;
        }
        return data;
    });
}

std::pair<qint64, qint64> defaultPair(const QList<RunInfo> &runs)
{
    if (runs.size() < 2)
        return {0, 0};
    QList<RunInfo> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const RunInfo &x, const RunInfo &y) { return x.id > y.id; });
    const RunInfo &latest = sorted.first();
    for (int i = 1; i < sorted.size(); ++i)
        if (sorted.at(i).templateId == latest.templateId)
            return {sorted.at(i).id, latest.id};
    return {sorted.at(1).id, latest.id};
}

} // namespace CompareQueries

} // namespace triad
