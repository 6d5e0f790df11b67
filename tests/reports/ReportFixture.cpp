#include "ReportFixture.h"

#include "common/Hash.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Parameters.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace triad::testing {
namespace {

quint32 mix(const QString &a, const QString &b)
{
    return quint32(qHash(a + QLatin1Char('|') + b, 7u));
}

struct CheckInfo {
    const CheckDef *def;
    QStringList requirements;
    QString collector;
};

} // namespace

QString hostileName()
{
    return QStringLiteral("<script>alert('x')</script>&amp;\x1b[31m\u202Eevil\u202C\u2066rtl\u2069");
}

QString hostileEvidence()
{
    return QStringLiteral("PermitRootLogin yes <script>alert(1)</script> & \"quoted\"\n") + QStringLiteral("\x01\x07\x1b[2J") +
           QStringLiteral("\u202Etxt.exe\u202C \u200F\n") + QString(10000, QLatin1Char('A')) + QStringLiteral("\nlast line\n");
}

Result<FixtureProject> buildFixtureProject(const QString &path, const Catalog &catalog, const FixtureOptions &o)
{
    const AssessmentTemplate *t = catalog.assessment(o.templateId);
    if (!t)
        return makeError(Error::Code::NotFound, QStringLiteral("no template %1").arg(o.templateId));
    auto created = ProjectDatabase::create(path, ProjectInfo{QStringLiteral("ACME pre-audit 2026"), QStringLiteral("ACME Corp"), {}});
    if (!created)
        return created.error();
    ProjectDatabase &db = **created;
    FixtureProject fx;
    fx.path = path;

    QFile file(t->file);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read %1").arg(t->file));
    if (auto s = db.recordTemplateUse(t->id, t->version, t->contentSha256, file.readAll()); !s)
        return s.error();

    // The checks of the template and the requirements each maps to.
    QList<CheckInfo> checks;
    QHash<QString, QStringList> reqsOfCheck;
    for (const RequirementDef &r : t->requirements)
        for (const QString &c : r.checks)
            reqsOfCheck[c] << r.id;
    for (auto it = reqsOfCheck.cbegin(); it != reqsOfCheck.cend(); ++it)
        if (const CheckDef *c = catalog.findCheck(it.key()))
            checks << CheckInfo{c, it.value(), {}};
    std::sort(checks.begin(), checks.end(), [](const CheckInfo &a, const CheckInfo &b) { return a.def->id < b.def->id; });
    if (checks.size() < 6)
        return makeError(Error::Code::InvalidInput, QStringLiteral("template %1 has too few checks").arg(o.templateId));
    // Two checks share a collector, as a planner's deduplication would make them.
    for (qsizetype i = 0; i < checks.size(); ++i)
        checks[i].collector = QStringLiteral("%1.collector-%2").arg(checks.at(i).def->library).arg(i / 2);
    fx.subjectCheck = checks.at(checks.size() / 2).def->id;

    // The parameter values a scan records with its run: library defaults, then the template's.
    QVariantMap parameters;
    for (const CheckLibrary &lib : catalog.libraries())
        for (const ParameterDef &p : lib.parameters)
            parameters.insert(p.name, p.defaultValue);
    for (auto it = t->defaults.cbegin(); it != t->defaults.cend(); ++it)
        parameters.insert(it.key(), it.value());
    const QString parametersJson = QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(parameters)).toJson(QJsonDocument::Compact));

    QStringList names;
    for (int i = 0; i < o.assets; ++i) {
        Asset a;
        const char *role = i % 3 == 0 ? "web" : i % 3 == 1 ? "db" : "app";
        a.name = QStringLiteral("%1-%2").arg(QLatin1String(role)).arg(i + 1, 3, 10, QLatin1Char('0'));
        if (o.hostile && i == 1)
            a.name = hostileName() + QString(300, QLatin1Char('h'));
        a.address = QStringLiteral("10.20.%1.%2").arg(i / 200).arg(i % 200 + 10);
        a.user = QStringLiteral("audit");
        a.tags = {QLatin1String(role), i % 2 ? QStringLiteral("pci") : QStringLiteral("prod")};
        if (auto id = db.addAsset(a); !id)
            return id.error();
        names << a.name;
    }
    fx.unreachableAsset = names.size() > 2 ? names.last() : QString();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    fx.activeWaiverCheck = checks.at(0).def->id;
    fx.expiredWaiverCheck = checks.at(5).def->id;
    for (int r = 1; r <= o.runs; ++r) {
        if (r == o.runs) {
            // Exceptions in force for the last run: one current, one that expired last month.
            Waiver active;
            active.checkId = fx.activeWaiverCheck;
            active.assetScope = QStringLiteral("tag:prod");
            active.justification = QStringLiteral("Legacy monitoring agent needs this until the Q1 migration & rollout");
            active.approver = QStringLiteral("CISO Jane Roe");
            active.ticket = QStringLiteral("SEC-1042");
            active.expiresOn = now.date().addDays(90);
            if (auto id = db.addWaiver(active, QStringLiteral("alice")); !id)
                return id.error();
            Waiver expired = active;
            expired.checkId = fx.expiredWaiverCheck;
            expired.assetScope.clear();
            expired.justification = QStringLiteral("Vendor appliance, replacement ordered");
            expired.ticket = QStringLiteral("SEC-0977");
            expired.expiresOn = now.date().addDays(-30);
            if (auto id = db.addWaiver(expired, QStringLiteral("alice")); !id)
                return id.error();
        }
        RunInfo run;
        run.templateId = t->id;
        run.templateVersion = t->version;
        run.templateSha256 = t->contentSha256;
        run.templateTitle = t->title;
        run.tailoringName = r == o.runs ? QStringLiteral("ACME production") : QString();
        run.startedAt = now.addDays(r - o.runs).addSecs(-3600);
        run.status = RunStatus::Running;
        run.operatorName = QStringLiteral("alice");
        run.parametersJson = parametersJson;
        run.appVersion = QStringLiteral("0.1.0");
        auto runId = db.beginRun(run);
        if (!runId)
            return runId.error();
        fx.runIds << *runId;
        for (int i = 0; i < names.size(); ++i) {
            AssetRunRecord rec;
            rec.runId = *runId;
            rec.assetName = names.at(i);
            rec.durationMs = 400 + i;
            rec.facts.hostname = (o.hostile && i == 1) ? hostileName() : names.at(i) + QStringLiteral(".acme.example");
            rec.facts.osPrettyName = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
            rec.facts.kernel = QStringLiteral("6.1.0-26-amd64");
            if (auto a = db.assetByName(names.at(i)))
                rec.assetId = a->id;
            QList<RawOutput> evidence;
            QList<StoredResult> results;
            if (names.at(i) == fx.unreachableAsset && r == o.runs) {
                rec.status = AssetRunStatus::Unreachable;
                rec.error = QStringLiteral("connection refused (port 22)");
            } else {
                rec.status = AssetRunStatus::Ok;
                QSet<QString> seen;
                for (int j = 0; j < checks.size(); ++j) {
                    const CheckInfo &c = checks.at(j);
                    if (!seen.contains(c.collector)) {
                        seen.insert(c.collector);
                        RawOutput raw;
                        raw.collectorKey = c.collector;
                        raw.command = QStringLiteral("cat /etc/%1.conf").arg(c.def->library);
                        raw.exitCode = 0;
                        QByteArray out;
                        for (int line = 0; line < 24; ++line)
                            out += QStringLiteral("%1_setting_%2 = value-%3  # run %4\n").arg(c.def->library).arg(line).arg((i + line) % 7).arg(r).toUtf8();
                        if (o.hostile)
                            out = hostileEvidence().toUtf8() + out;
                        raw.stdoutData = out;
                        raw.status = CollectionStatus::Ok;
                        raw.collectedAt = run.startedAt.addSecs(i);
                        raw.durationMs = 5;
                        evidence << raw;
                    }
                    const quint32 h = mix(names.at(i), c.def->id);
                    const bool f0 = h % 5 == 0;
                    bool fail = f0;
                    if (r == 2)
                        fail = f0 && (i + j) % 3 != 0;
                    if (r >= 3)
                        fail = (f0 && (i + j) % 3 != 0) || (f0 && (i + j) % 6 == 0) || h % 13 == 1;
                    CheckStatus status = fail ? CheckStatus::Fail : CheckStatus::Pass;
                    if (!fail && h % 19 == 7)
                        status = CheckStatus::NotApplicable;
                    if (i == 1 && h % 23 == 5)
                        status = CheckStatus::Error;
                    if (c.def->id == fx.activeWaiverCheck || c.def->id == fx.expiredWaiverCheck)
                        status = CheckStatus::Fail;
                    QStringList subjects{QString()};
                    if (c.def->id == fx.subjectCheck)
                        subjects = {QStringLiteral("toor"), QStringLiteral("backup")};
                    for (const QString &subject : std::as_const(subjects)) {
                        StoredResult sr;
                        sr.assetName = names.at(i);
                        sr.result.checkId = c.def->id;
                        sr.result.subject = o.hostile && !subject.isEmpty() ? subject + hostileName() : subject;
                        // Subject "toor" always fails; "backup" passes, then fails from the third run on.
                        sr.result.status = subject.isEmpty() ? status
                                         : subject == QLatin1String("toor") || r >= 3 ? CheckStatus::Fail
                                                                                      : CheckStatus::Pass;
                        sr.rawStatus = sr.result.status;
                        sr.result.expected = QStringLiteral("%1 is configured as the benchmark asks").arg(c.def->id);
                        sr.result.actual = sr.result.status == CheckStatus::Fail ? QStringLiteral("value-%1 (found in line %2)").arg(h % 7).arg(h % 24)
                                                                                 : QStringLiteral("value-ok");
                        if (o.hostile)
                            sr.result.actual += hostileName();
                        if (sr.result.status == CheckStatus::Error)
                            sr.result.message = QStringLiteral("collector timed out after 30 s");
                        sr.result.collectorKeys = {c.collector};
                        sr.severity = c.def->severity;
                        sr.title = Parameters::substitute(c.def->title, parameters);
                        sr.requirementIds = c.requirements;
                        results << sr;
                    }
                }
            }
            if (auto s = db.storeAssetResults(*runId, rec, evidence, results); !s)
                return s.error();
        }
        if (auto s = db.finishRun(*runId, RunStatus::Completed, run.startedAt.addSecs(95 + names.size())); !s)
            return s.error();
    }

    for (const RequirementDef &req : t->requirements) {
        if (!req.checks.isEmpty())
            continue;
        Attestation a;
        a.templateId = t->id;
        a.requirementId = req.id;
        a.status = CheckStatus::Pass;
        a.statement = QStringLiteral("Reviewed the approved list with the system owner; every account on it is current.");
        a.attester = QStringLiteral("Bob Auditor");
        const QByteArray content = "AllowGroups ssh-admins\n# reviewed 2026-11-20\n";
        auto id = db.addAttestation(a, {{QStringLiteral("sshd-allowgroups.txt"), content}});
        if (!id)
            return id.error();
        fx.attestedRequirement = req.id;
        fx.attestationFileSha256 = sha256Hex(content);
        break;      // one attested, the others left open
    }
    return fx;
}

} // namespace triad::testing
