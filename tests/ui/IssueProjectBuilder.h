#pragma once
// Builds project files with issues through the real database API: runs of results stored with
// storeAssetResults, so that the lifecycle rules open, fix and waive issues as in a scan.

#include "db/ProjectDatabase.h"

#include <QDateTime>

#include <algorithm>
#include <memory>

namespace triad::test {

struct Verdict {
    Verdict(QString assetName, QString check, CheckStatus checkStatus, Severity checkSeverity,
            QString checkSubject = {}, QStringList requirementIds = {}, QByteArray evidence = {})
        : asset(std::move(assetName)), checkId(std::move(check)), status(checkStatus),
          severity(checkSeverity), subject(std::move(checkSubject)), requirements(std::move(requirementIds)),
          output(std::move(evidence))
    {
    }
    QString asset;
    QString checkId;
    CheckStatus status;
    Severity severity;
    QString subject;
    QStringList requirements; ///< empty: "5.2.1"
    QByteArray output; ///< the evidence its collector stored; empty: a line naming the check
};

class IssueProjectBuilder {
public:
    explicit IssueProjectBuilder(const QString &path, const QString &name = QStringLiteral("Issues test"))
    {
        ProjectInfo info;
        info.name = name;
        info.createdAt = QDateTime::currentDateTimeUtc();
        auto db = ProjectDatabase::create(path, info);
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        m_db = std::move(*db);
    }

    ProjectDatabase &db() { return *m_db; }

    qint64 addAsset(const QString &name, const QStringList &tags = {})
    {
        Asset asset;
        asset.name = name;
        asset.transport = QStringLiteral("local");
        asset.tags = tags;
        auto id = m_db->addAsset(asset);
        if (!id)
            qFatal("%s", qPrintable(id.error().toString()));
        m_assets.insert(name, *id);
        return *id;
    }

    /// One completed run with these verdicts, grouped by asset; each check reads evidence of its
    /// own collector ("lib/<check>").
    qint64 addRun(const QList<Verdict> &verdicts, const QString &templateId = QStringLiteral("cis-linux"))
    {
        RunInfo run;
        run.templateId = templateId;
        run.templateVersion = QStringLiteral("1.0.0");
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.status = RunStatus::Running;
        auto runId = m_db->beginRun(run);
        if (!runId)
            qFatal("%s", qPrintable(runId.error().toString()));
        QMap<QString, QList<StoredResult>> byAsset;
        QMap<QString, QList<RawOutput>> evidenceByAsset;
        for (const Verdict &v : verdicts) {
            StoredResult r;
            r.result.checkId = v.checkId;
            r.result.status = v.status;
            r.result.subject = v.subject;
            r.result.expected = QStringLiteral("expected of ") + v.checkId;
            r.result.actual = QStringLiteral("actual <b>of</b> ") + v.checkId;
            r.rawStatus = v.status;
            r.severity = v.severity;
            r.title = QStringLiteral("Title of ") + v.checkId;
            r.requirementIds
                = v.requirements.isEmpty() ? QStringList {QStringLiteral("5.2.1")} : v.requirements;
            r.result.collectorKeys = {QStringLiteral("lib/") + v.checkId};
            byAsset[v.asset] << r;
            QList<RawOutput> &outputs = evidenceByAsset[v.asset];
            const bool collected = std::any_of(outputs.cbegin(), outputs.cend(), [&](const RawOutput &o) {
                return o.collectorKey == r.result.collectorKeys.first();
            });
            if (!collected) {
                RawOutput out;
                out.collectorKey = r.result.collectorKeys.first();
                out.command = QStringLiteral("cat /etc/") + v.checkId;
                out.exitCode = 0;
                out.stdoutData = v.output.isEmpty()
                    ? ("output of " + v.checkId.toUtf8() + " on " + v.asset.toUtf8() + "\n")
                    : v.output;
                out.status = CollectionStatus::Ok;
                out.collectedAt = QDateTime::currentDateTimeUtc();
                outputs << out;
            }
        }
        for (auto it = byAsset.cbegin(); it != byAsset.cend(); ++it) {
            AssetRunRecord record;
            record.runId = *runId;
            record.assetId = m_assets.value(it.key());
            record.assetName = it.key();
            record.status = AssetRunStatus::Ok;
            if (auto s = m_db->storeAssetResults(*runId, record, evidenceByAsset.value(it.key()), it.value());
                !s)
                qFatal("%s", qPrintable(s.error().toString()));
        }
        (void)m_db->finishRun(*runId, RunStatus::Completed, QDateTime::currentDateTimeUtc());
        return *runId;
    }

    qint64 addWaiver(const QString &checkId, const QString &scope = {}, int days = 30)
    {
        Waiver w;
        w.checkId = checkId;
        w.assetScope = scope;
        w.justification = QStringLiteral("Compensated by the bastion host");
        w.approver = QStringLiteral("CISO");
        w.ticket = QStringLiteral("SEC-42");
        w.expiresOn = QDate::currentDate().addDays(days);
        auto id = m_db->addWaiver(w, QStringLiteral("tester"));
        if (!id)
            qFatal("%s", qPrintable(id.error().toString()));
        return *id;
    }

private:
    std::unique_ptr<ProjectDatabase> m_db;
    QHash<QString, qint64> m_assets;
};

} // namespace triad::test
