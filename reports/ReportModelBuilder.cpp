#include "ReportModelBuilder.h"

#include "TextSanitizer.h"
#include "common/Paths.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Parameters.h"
#include "engine/TailoringLoader.h"
#include "engine/TemplateLoader.h"
#include "scan/RunScore.h"
#include "scan/RunTemplate.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <memory>
#include <vector>

namespace triad::report {
namespace {

QString key3(const QString &asset, const QString &check, const QString &subject)
{
    return asset + QChar(0x1e) + check + QChar(0x1f) + subject;
}

/// Worst-first status of several results of one requirement on one asset.
QString combine(const QList<CheckStatus> &statuses)
{
    auto has = [&](CheckStatus s) { return statuses.contains(s); };
    if (has(CheckStatus::Fail))
        return QStringLiteral("fail");
    if (has(CheckStatus::Error))
        return QStringLiteral("error");
    if (has(CheckStatus::Waived))
        return QStringLiteral("waived");
    if (has(CheckStatus::Pass))
        return QStringLiteral("pass");
    if (has(CheckStatus::Manual))
        return QStringLiteral("manual");
    return QStringLiteral("not_applicable");
}

void addWord(StatusCounts &c, const QString &word)
{
    if (auto s = checkStatusFromString(word))
        c.add(*s);
}

} // namespace

void StatusCounts::add(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass: ++pass; break;
    case CheckStatus::Fail: ++fail; break;
    case CheckStatus::Error: ++error; break;
    case CheckStatus::NotApplicable: ++notApplicable; break;
    case CheckStatus::Manual: ++manual; break;
    case CheckStatus::Waived: ++waived; break;
    }
}

QString statusWord(CheckStatus status)
{
    return toString(status);
}

QString severityLabel(Severity severity)
{
    QString s = toString(severity);
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString percentText(const std::optional<double> &percent)
{
    return percent ? QStringLiteral("%1 %").arg(*percent, 0, 'f', 1) : QStringLiteral("no data");
}

ReportModelBuilder::ReportModelBuilder(ProjectDatabase &db, const Catalog *catalog)
    : m_db(db), m_catalog(catalog)
{
}

Result<ReportModel> ReportModelBuilder::build(qint64 runId)
{
    ReportModel m;
    m.limits = m_limits;
    const ReportLimits &lim = m_limits;
    const QDateTime now = m_generatedAt.isValid() ? m_generatedAt.toUTC() : QDateTime::currentDateTimeUtc();

    auto run = m_db.run(runId);
    if (!run)
        return run.error();
    auto info = m_db.projectInfo();
    if (!info)
        return info.error();
    auto runAssets = m_db.runAssets(runId);
    if (!runAssets)
        return runAssets.error();
    auto resultsR = m_db.results(runId);
    if (!resultsR)
        return resultsR.error();
    auto projectAssets = m_db.assets();
    if (!projectAssets)
        return projectAssets.error();
    m.results = std::move(*resultsR);
    m.run = *run;
    m.runAssets = *runAssets;
    const QList<StoredResult> &results = m.results;

    // ---- the template as the run used it -------------------------------------------------
    const RunTemplate runTemplate = RunTemplate::of(m_db, *run, m_catalog);
    const AssessmentTemplate *assessment = runTemplate.get();
    m.cover.templateSource = runTemplate.source();

    // ---- cover ---------------------------------------------------------------------------
    CoverFacts &c = m.cover;
    c.projectName = oneLine(info->name, 200);
    c.customer = oneLine(info->customer, 200);
    c.runId = runId;
    c.runStatus = toString(run->status);
    c.templateId = run->templateId;
    c.templateTitle = oneLine(assessment ? assessment->title : run->templateTitle, 200);
    c.templateVersion = run->templateVersion;
    c.templateSha256 = run->templateSha256;
    if (assessment) {
        c.frameworkName = oneLine(assessment->frameworkName, 200);
        c.frameworkVersion = oneLine(assessment->frameworkVersion, 50);
    }
    c.tailoring = oneLine(run->tailoringName, 200);
    if (run->tailoringId) {
        // Name the kept version and what it changes, so the reader knows the template was adjusted.
        auto kept = m_db.tailoring(run->tailoringId);
        if (kept) {
            QStringList parts;
            if (auto t = TailoringLoader::loadText(kept->yaml.toUtf8(), kept->name)) {
                if (!t->parameters.isEmpty())
                    parts << QStringLiteral("%1 parameter(s) changed (%2)").arg(t->parameters.size())
                                 .arg(QStringList(t->parameters.keys()).join(QStringLiteral(", ")));
                if (!t->disabledChecks.isEmpty())
                    parts << QStringLiteral("%1 check(s) disabled (%2)").arg(t->disabledChecks.size())
                                 .arg(QStringList(t->disabledChecks.keys()).join(QStringLiteral(", ")));
                if (!t->severityOverrides.isEmpty())
                    parts << QStringLiteral("%1 severity change(s)").arg(t->severityOverrides.size());
            }
            c.tailoring = oneLine(QStringLiteral("%1, version %2%3").arg(kept->name).arg(kept->version)
                                      .arg(parts.isEmpty() ? QString() : QStringLiteral(": ") + parts.join(QStringLiteral("; "))),
                                  400);
        }
    }
    c.startedAt = run->startedAt;
    c.finishedAt = run->finishedAt;
    c.operatorName = oneLine(run->operatorName, 100);
    c.appVersion = run->appVersion;
    c.reportAppVersion = appVersion();
    c.generatedAt = now;
    c.derivedFromRunId = run->derivedFromRunId;
    c.assetCount = int(runAssets->size());

    // ---- assets and result counts --------------------------------------------------------
    QHash<QString, Asset> assetByName;
    for (const Asset &a : std::as_const(*projectAssets))
        assetByName.insert(a.name, a);
    QHash<QString, qsizetype> assetRowIndex;
    for (const AssetRunRecord &a : std::as_const(*runAssets)) {
        AssetRow row;
        row.name = oneLine(a.assetName, lim.fieldChars);
        const Asset known = assetByName.value(a.assetName);
        row.address = oneLine(known.transport == QLatin1String("local") ? QStringLiteral("local") : known.address, lim.fieldChars);
        row.status = toString(a.status);
        row.error = oneLine(a.error, lim.fieldChars);
        row.hostname = oneLine(a.facts.hostname, lim.fieldChars);
        row.os = oneLine(a.facts.osPrettyName, 120);
        row.kernel = oneLine(a.facts.kernel, 120);
        row.durationMs = a.durationMs;
        if (a.status == AssetRunStatus::Ok)
            ++c.assetsReached;
        c.scope << row.name;
        assetRowIndex.insert(a.assetName, m.assets.size());
        m.assets << row;
    }
    for (const StoredResult &r : results) {
        m.resultCounts.add(r.result.status);
        if (r.result.status == CheckStatus::Fail)
            ++m.failedBySeverity[int(r.severity)];
        if (auto it = assetRowIndex.constFind(r.assetName); it != assetRowIndex.cend())
            m.assets[*it].counts.add(r.result.status);
    }
    // Scored exactly as the CLI scores a stored run (RunScore), with the template as it was.
    auto score = scoreResults(m_db, run->templateId, results, assessment);
    if (!score)
        return score.error();
    m.score = *score;

    // ---- trend and comparison with the previous run of the same template -----------------
    auto allRuns = m_db.runs();
    if (!allRuns)
        return allRuns.error();
    QList<RunInfo> sameTemplate;
    QMap<QString, RunInfo> latestOther;
    for (const RunInfo &r : std::as_const(*allRuns)) {
        if (r.id > runId || r.status == RunStatus::Running)
            continue;
        if (r.templateId == run->templateId)
            sameTemplate << r;
        else
            latestOther[r.templateId] = r;      // runs() is in id order: the last one wins
    }
    std::sort(sameTemplate.begin(), sameTemplate.end(), [](const RunInfo &a, const RunInfo &b) { return a.id < b.id; });
    if (sameTemplate.isEmpty() || sameTemplate.last().id != runId)
        sameTemplate << *run;
    auto events = m_db.issueEventCountsByRun();
    if (!events)
        return events.error();
    const qsizetype firstTrend = std::max<qsizetype>(0, sameTemplate.size() - lim.trendRuns);
    for (qsizetype i = firstTrend; i < sameTemplate.size(); ++i) {
        const RunInfo &r = sameTemplate.at(i);
        TrendPoint p;
        p.runId = r.id;
        p.startedAt = r.startedAt;
        Score s;
        if (r.id == runId) {
            s = m.score;
        } else {
            auto rr = m_db.results(r.id);
            if (!rr)
                return rr.error();
            auto earlier = scoreResults(m_db, r.templateId, *rr, r.templateSha256 == run->templateSha256 ? assessment : nullptr);
            if (!earlier)
                return earlier.error();
            s = *earlier;
        }
        p.percent = s.percent;
        p.passed = s.passed;
        p.failed = s.failed;
        const QMap<QString, int> ev = events->value(r.id);
        p.opened = ev.value(QStringLiteral("opened"));
        p.fixed = ev.value(QStringLiteral("fixed"));
        p.regressed = ev.value(QStringLiteral("regressed"));
        m.trend << p;
    }
    for (const RunInfo &r : std::as_const(latestOther)) {
        auto rr = m_db.results(r.id);
        if (!rr)
            return rr.error();
        const RunTemplate other = RunTemplate::of(m_db, r, m_catalog);
        auto otherScore = scoreResults(m_db, r.templateId, *rr, other.sameAsRun() ? other.get() : nullptr);
        if (!otherScore)
            return otherScore.error();
        m.otherTemplates << TemplateScore{r.templateId, oneLine(r.templateTitle, 200), r.id, r.startedAt, *otherScore};
    }

    QSet<QString> newKeys, regressedKeys;
    if (sameTemplate.size() >= 2) {
        const qint64 previous = sameTemplate.at(sameTemplate.size() - 2).id;
        auto cmp = m_db.compareRuns(previous, runId);
        if (!cmp)
            return cmp.error();
        ChangeSummary &ch = m.changes;
        ch.previousRunId = previous;
        ch.newCount = int(cmp->newFailures.size());
        ch.fixedCount = int(cmp->fixed.size());
        ch.regressedCount = int(cmp->regressed.size());
        ch.stillOpenCount = int(cmp->stillOpen.size());
        ch.changedEvidenceCount = int(cmp->changedEvidence.size());
        auto capList = [&](const QList<ComparedResult> &from, QList<ComparedResult> &to) {
            for (const ComparedResult &x : from) {
                if (to.size() >= lim.changesListed)
                    break;
                ComparedResult y = x;
                y.assetName = oneLine(x.assetName, 120);
                y.subject = oneLine(x.subject, 120);
                y.title = oneLine(x.title, 200);
                y.actualBefore = oneLine(x.actualBefore, 120);
                y.actualAfter = oneLine(x.actualAfter, 120);
                to << y;
            }
        };
        capList(cmp->newFailures, ch.newItems);
        capList(cmp->fixed, ch.fixedItems);
        capList(cmp->regressed, ch.regressedItems);
        for (const ComparedResult &x : std::as_const(cmp->newFailures))
            newKeys.insert(key3(x.assetName, x.checkId, x.subject));
        for (const ComparedResult &x : std::as_const(cmp->regressed))
            regressedKeys.insert(key3(x.assetName, x.checkId, x.subject));
    }

    // ---- findings: one per check, most severe first -------------------------------------
    QMap<QString, QList<const StoredResult *>> byCheck;
    QSet<qint64> cited;
    for (const StoredResult &r : results) {
        const CheckStatus s = r.result.status;
        if (s == CheckStatus::Fail || s == CheckStatus::Waived || s == CheckStatus::Error) {
            byCheck[r.result.checkId] << &r;
            for (qint64 id : r.evidenceIds)
                cited.insert(id);
        }
    }
    const QVariantMap parameters = QJsonDocument::fromJson(run->parametersJson.toUtf8()).object().toVariantMap();
    QList<Finding> findings;
    for (auto it = byCheck.cbegin(); it != byCheck.cend(); ++it) {
        const QList<const StoredResult *> &list = it.value();
        Finding f;
        f.checkId = it.key();
        f.title = oneLine(list.first()->title, 300);
        f.severity = list.first()->severity;
        QSet<QString> reqs, affectedAssets;
        QList<const StoredResult *> ordered = list;
        std::stable_sort(ordered.begin(), ordered.end(), [](const StoredResult *a, const StoredResult *b) {
            auto rank = [](CheckStatus s) { return s == CheckStatus::Fail ? 0 : s == CheckStatus::Error ? 1 : 2; };
            return rank(a->result.status) < rank(b->result.status);
        });
        for (const StoredResult *r : std::as_const(ordered)) {
            f.severity = std::max(f.severity, r->severity);
            for (const QString &q : r->requirementIds)
                reqs.insert(q);
            affectedAssets.insert(r->assetName);
            switch (r->result.status) {
            case CheckStatus::Fail: ++f.failCount; break;
            case CheckStatus::Error: ++f.errorCount; break;
            default: ++f.waivedCount; break;
            }
            if (f.affected.size() < lim.affectedPerFinding) {
                AffectedItem a;
                a.asset = oneLine(r->assetName, 120);
                a.subject = oneLine(r->result.subject, 200);
                a.status = r->result.status;
                a.expected = oneLine(r->result.expected, lim.fieldChars);
                a.actual = oneLine(r->result.actual, lim.fieldChars);
                a.message = oneLine(r->result.message, lim.fieldChars);
                a.evidenceIds = r->evidenceIds;
                const QString k = key3(r->assetName, r->result.checkId, r->result.subject);
                a.regressed = regressedKeys.contains(k);
                a.isNew = newKeys.contains(k);
                f.affected << a;
            }
        }
        f.affectedTotal = int(list.size());
        f.affectedAssets = int(affectedAssets.size());
        f.requirementIds = QStringList(reqs.cbegin(), reqs.cend());
        std::sort(f.requirementIds.begin(), f.requirementIds.end());
        // The excerpt comes from the first failing result that read evidence.
        for (const StoredResult *r : std::as_const(ordered)) {
            if (r->evidenceIds.isEmpty())
                continue;
            auto ev = m_db.evidence(r->evidenceIds.first());
            if (!ev)
                return ev.error();
            f.excerptEvidenceId = ev->id;
            f.excerptAsset = oneLine(r->assetName, 120);
            f.excerptCommand = oneLine(ev->raw.command, 300);
            const QString out = QString::fromUtf8(ev->raw.stdoutData.isEmpty() ? ev->raw.stderrData : ev->raw.stdoutData);
            f.excerpt = excerpt(out, lim.excerptLines, lim.excerptChars, lim.lineChars, &f.excerptCut);
            f.excerptCut = f.excerptCut || ev->raw.truncated;
            break;
        }
        if (const CheckDef *def = m_catalog ? m_catalog->findCheck(f.checkId) : nullptr) {
            // The texts as the run's parameters made them ("${pass_max_days}" -> "365").
            auto sub = [&](const QString &text) { return Parameters::substitute(text, parameters).trimmed(); };
            f.definitionKnown = true;
            f.description = sub(def->description);
            f.rationale = sub(def->rationale);
            f.remediation.summary = sub(def->remediation.summary);
            f.remediation.impact = sub(def->remediation.impact);
            for (const QString &command : def->remediation.commands)
                f.remediation.commands << sub(command);
            for (const QString &step : def->verification.steps)
                f.verification.steps << sub(step);
            f.verification.expected = sub(def->verification.expected);
            f.references = def->references;
        }
        findings << f;
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        const bool aFails = a.failCount > 0 || a.waivedCount > 0, bFails = b.failCount > 0 || b.waivedCount > 0;
        if (aFails != bFails)
            return aFails;
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.failCount != b.failCount)
            return a.failCount > b.failCount;
        return a.checkId < b.checkId;
    });
    m.findings = findings;

    for (const Finding &f : std::as_const(m.findings)) {
        if (f.failCount == 0)
            continue;
        TopRisk t{f.checkId, f.title, f.severity, 0, f.failCount, 0, f.requirementIds};
        QSet<QString> failingAssets;
        for (const StoredResult *r : byCheck.value(f.checkId))
            if (r->result.status == CheckStatus::Fail) {
                failingAssets.insert(r->assetName);
                if (regressedKeys.contains(key3(r->assetName, r->result.checkId, r->result.subject)))
                    ++t.regressed;
            }
        t.affectedAssets = int(failingAssets.size());
        m.topRisks << t;
    }
    std::stable_sort(m.topRisks.begin(), m.topRisks.end(), [](const TopRisk &a, const TopRisk &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.regressed != b.regressed)
            return a.regressed > b.regressed;
        return a.affectedAssets > b.affectedAssets;
    });
    if (m.topRisks.size() > lim.topRisks)
        m.topRisks.resize(lim.topRisks);

    // ---- attestations and manual requirements --------------------------------------------
    auto attestations = m_db.attestations(run->templateId);
    if (!attestations)
        return attestations.error();
    QHash<QString, Attestation> latestAttestation;
    for (const Attestation &a : std::as_const(*attestations))
        latestAttestation.insert(a.requirementId, a);   // newest last
    QHash<QString, QString> requirementTitles;
    if (assessment)
        for (const RequirementDef &r : assessment->requirements)
            requirementTitles.insert(r.id, r.title);
    for (const Attestation &a : std::as_const(*attestations)) {
        AttestationRow row;
        row.attestation = a;
        row.attestation.statement = capped(a.statement, 4000);
        row.attestation.attester = oneLine(a.attester, 200);
        for (AttestationFile &file : row.attestation.files)
            file.fileName = oneLine(file.fileName, 200);
        row.requirementTitle = oneLine(requirementTitles.value(a.requirementId), 300);
        row.stale = latestAttestation.value(a.requirementId).id != a.id;
        m.attestations << row;
    }

    // ---- requirements by section, status across assets -----------------------------------
    QHash<QString, QHash<QString, QList<CheckStatus>>> statusByAssetCheck;  // asset -> check -> statuses
    for (const StoredResult &r : results)
        statusByAssetCheck[r.assetName][r.result.checkId] << r.result.status;
    QList<RequirementDef> requirements;
    if (assessment) {
        requirements = assessment->requirements;
    } else {
        QMap<QString, QSet<QString>> checksByReq;
        for (const StoredResult &r : results)
            for (const QString &q : r.requirementIds)
                checksByReq[q].insert(r.result.checkId);
        for (auto it = checksByReq.cbegin(); it != checksByReq.cend(); ++it) {
            RequirementDef d;
            d.id = it.key();
            d.section = QStringLiteral("Requirements");
            d.checks = QStringList(it.value().cbegin(), it.value().cend());
            requirements << d;
        }
    }
    QMap<QString, qsizetype> sectionIndex;
    for (const RequirementDef &req : std::as_const(requirements)) {
        RequirementRow row;
        row.id = oneLine(req.id, 60);
        row.title = oneLine(req.title, 300);
        row.checks = req.checks;
        row.mappingNote = oneLine(req.mappingNote, 600);
        row.manual = req.checks.isEmpty();
        if (!row.manual) {
            QList<CheckStatus> all;
            for (const AssetRunRecord &a : std::as_const(*runAssets)) {
                QList<CheckStatus> statuses;
                const auto &checks = statusByAssetCheck.value(a.assetName);
                for (const QString &check : req.checks)
                    statuses += checks.value(check);
                if (statuses.isEmpty())
                    continue;
                const QString word = combine(statuses);
                addWord(row.assets, word);
                all += statuses;
                if (word == QLatin1String("fail")) {
                    ++row.failingAssetsTotal;
                    if (row.failingAssets.size() < lim.failingAssetsPerRequirement)
                        row.failingAssets << oneLine(a.assetName, 80);
                }
            }
            row.automatedStatus = all.isEmpty() ? QStringLiteral("not_assessed") : combine(all);
        }
        // The manual part (manual-only or beside the checks) by its newest attestation.
        const auto att = latestAttestation.constFind(req.id);
        const bool attested = att != latestAttestation.cend();
        row.manualPart = manualPartOf(req, attested ? std::optional<CheckStatus>(att->status) : std::nullopt);
        const RequirementVerdict verdict = requirementVerdict(row.automatedStatus, row.manualPart);
        row.status = verdict.status;
        row.met = verdict.met;
        row.statusText = requirementStatusText(verdict);
        if (row.manualPart != ManualPart::None) {
            if (attested)
                row.attestation = QStringLiteral("%1 by %2 on %3")
                                      .arg(toString(att->status), oneLine(att->attester, 100),
                                           att->attestedAt.toUTC().date().toString(Qt::ISODate));
            ManualRequirement mr{row.id, row.title, req.manual ? capped(req.manual->askFor, 1000) : QString(),
                                 req.manual ? capped(req.manual->verify, 1000) : QString(), attested, req.checks, row.manualPart,
                                 row.statusText};
            m.manualRequirements << mr;
        }
        const QString section = req.section.isEmpty() ? QStringLiteral("Other requirements") : oneLine(req.section, 200);
        auto sit = sectionIndex.constFind(section);
        if (sit == sectionIndex.cend()) {
            sit = sectionIndex.insert(section, m.sections.size());
            m.sections << RequirementSection{section, {}};
        }
        m.sections[*sit].rows << row;
    }

    // ---- exceptions register -------------------------------------------------------------
    auto waivers = m_db.waivers();
    if (!waivers)
        return waivers.error();
    for (const Waiver &w : std::as_const(*waivers)) {
        WaiverRow row;
        row.waiver = w;
        row.waiver.justification = capped(w.justification, 2000);
        row.waiver.approver = oneLine(w.approver, 200);
        row.waiver.ticket = oneLine(w.ticket, 200);
        row.waiver.assetScope = oneLine(w.assetScope, 200);
        row.waiver.createdBy = oneLine(w.createdBy, 200);
        if (w.endedAt.isValid() && w.endedAt <= now)
            row.state = QStringLiteral("ended");
        else if (now.date() > w.expiresOn)
            row.state = QStringLiteral("expired");
        else
            row.state = QStringLiteral("active");
        for (const StoredResult &r : results)
            if (r.result.status == CheckStatus::Waived &&
                w.covers(r.result.checkId, r.assetName, assetByName.value(r.assetName).tags))
                ++row.waivedResults;
        m.waivers << row;
    }

    // ---- evidence register ---------------------------------------------------------------
    auto summaries = m_db.evidenceSummaries(runId);
    if (!summaries)
        return summaries.error();
    m.evidenceTotal = int(summaries->size());
    m.evidenceIndex = *summaries;
    m.evidenceSummarised = m.evidenceTotal > lim.evidenceListedItems;
    QMap<QString, QCryptographicHash *> manifestHash;
    QMap<QString, int> manifestCount;
    std::vector<std::unique_ptr<QCryptographicHash>> hashes;
    for (const EvidenceSummary &e : std::as_const(*summaries)) {
        m.evidenceSha.insert(e.id, e.sha256);
        auto hit = manifestHash.find(e.assetName);
        if (hit == manifestHash.end()) {
            hashes.push_back(std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256));
            hit = manifestHash.insert(e.assetName, hashes.back().get());
        }
        (*hit)->addData((e.sha256 + QStringLiteral("  ") + e.collectorKey + QLatin1Char('\n')).toUtf8());
        ++manifestCount[e.assetName];
        const bool isCited = cited.contains(e.id);
        if (m.evidenceSummarised && !isCited)
            continue;
        EvidenceItem item;
        item.id = e.id;
        item.asset = oneLine(e.assetName, 120);
        item.collectorKey = oneLine(e.collectorKey, 120);
        item.command = oneLine(e.command, 300);
        item.exitCode = e.exitCode;
        item.status = e.status;
        item.collectedAt = e.collectedAt;
        item.size = e.size;
        item.truncated = e.truncated;
        item.sha256 = e.sha256;
        item.cited = isCited;
        m.evidence << item;
    }
    for (auto it = manifestHash.cbegin(); it != manifestHash.cend(); ++it)
        m.manifests << EvidenceManifest{oneLine(it.key(), 120), manifestCount.value(it.key()),
                                        QString::fromLatin1(it.value()->result().toHex())};
    return m;
}

} // namespace triad::report
