// triad-cli issues | diff | waive | attest: the issue lifecycle from the command line.
#include "CliContext.h"

#include "common/Csv.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/AttestationRecorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad {
namespace {

QJsonValue runRef(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue();
}

QJsonObject waiverJson(const Waiver &w)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject{{QStringLiteral("id"), w.id},
                       {QStringLiteral("check_id"), w.checkId},
                       {QStringLiteral("scope"), w.assetScope.isEmpty() ? QStringLiteral("all") : w.assetScope},
                       {QStringLiteral("justification"), w.justification},
                       {QStringLiteral("approver"), w.approver},
                       {QStringLiteral("ticket"), w.ticket},
                       {QStringLiteral("created_by"), w.createdBy},
                       {QStringLiteral("created_at"), w.createdAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("expires"), w.expiresOn.toString(Qt::ISODate)},
                       {QStringLiteral("ended_at"), w.endedAt.isValid() ? QJsonValue(w.endedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
                       {QStringLiteral("active"), w.isActiveAt(now)}};
}

QList<IssueEventRecord> eventsOf(ProjectDatabase &db, qint64 issueId)
{
    auto events = db.issueEvents(issueId);
    return events ? *events : QList<IssueEventRecord>{};
}

QString waiverState(const Waiver &w)
{
    if (w.endedAt.isValid())
        return QStringLiteral("ended");
    return w.isActiveAt(QDateTime::currentDateTimeUtc()) ? QStringLiteral("active") : QStringLiteral("expired");
}

int listIssues(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the issues tracked across runs (asset, check, subject)."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("state"), QStringLiteral("open, fixed, waived or all (default: open)."), QStringLiteral("state"), QStringLiteral("open")},
        {QStringLiteral("severity"), QStringLiteral("Only this severity or higher (info, low, medium, high, critical)."), QStringLiteral("level")},
        {QStringLiteral("asset"), QStringLiteral("Only issues of this asset."), QStringLiteral("name")},
        {QStringLiteral("check"), QStringLiteral("Only issues of this check."), QStringLiteral("id")},
        {QStringLiteral("search"), QStringLiteral("Text in the check id, title, subject or asset name."), QStringLiteral("text")},
        {QStringLiteral("history"), QStringLiteral("Print each issue's events (opened, fixed, regressed, waived...).")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("csv"), QStringLiteral("Print CSV.")},
    });
    if (!ctx.parse(parser, QStringLiteral("issues"), args, 1, 1))
        return ExitBadInput;
    IssueFilter filter;
    const QString state = parser.value(QStringLiteral("state"));
    if (state != QLatin1String("all")) {
        if (state != QLatin1String("open") && state != QLatin1String("fixed") && state != QLatin1String("waived"))
            return ctx.usage(QStringLiteral("issues"), QStringLiteral("--state must be open, fixed, waived or all"));
        filter.states = {state};
    }
    if (parser.isSet(QStringLiteral("severity"))) {
        filter.minSeverity = severityFromString(parser.value(QStringLiteral("severity")));
        if (!filter.minSeverity)
            return ctx.usage(QStringLiteral("issues"), QStringLiteral("unknown severity '%1'").arg(parser.value(QStringLiteral("severity"))));
    }
    filter.assetName = parser.value(QStringLiteral("asset"));
    filter.checkId = parser.value(QStringLiteral("check"));
    filter.text = parser.value(QStringLiteral("search"));

    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto issues = (*db)->issues(filter);
    if (!issues)
        return ctx.fail(issues.error());
    QHash<qint64, Waiver> waivers;
    if (auto all = (*db)->waivers())
        for (const Waiver &w : std::as_const(*all))
            waivers.insert(w.id, w);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const IssueRecord &i : std::as_const(*issues)) {
            QJsonObject o{{QStringLiteral("id"), i.id},
                          {QStringLiteral("asset"), i.assetName},
                          {QStringLiteral("check_id"), i.checkId},
                          {QStringLiteral("title"), i.title},
                          {QStringLiteral("subject"), i.subject},
                          {QStringLiteral("severity"), toString(i.severity)},
                          {QStringLiteral("state"), i.displayState()},
                          {QStringLiteral("first_seen_run"), runRef(i.firstSeenRun)},
                          {QStringLiteral("last_seen_run"), runRef(i.lastSeenRun)},
                          {QStringLiteral("fixed_run"), runRef(i.fixedRun)},
                          {QStringLiteral("regressions"), i.regressions},
                          {QStringLiteral("waiver"), i.waiverId && waivers.contains(i.waiverId) ? QJsonValue(waiverJson(waivers[i.waiverId]))
                                                                                                  : QJsonValue()}};
            if (parser.isSet(QStringLiteral("history"))) {
                QJsonArray events;
                for (const IssueEventRecord &e : eventsOf(**db, i.id))
                    events.append(QJsonObject{{QStringLiteral("event"), toString(e.event)}, {QStringLiteral("run"), runRef(e.runId)},
                                              {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)}});
                o.insert(QStringLiteral("events"), events);
            }
            array.append(o);
        }
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        ctx.out() << csvRecord({QStringLiteral("asset"), QStringLiteral("check_id"), QStringLiteral("title"), QStringLiteral("subject"),
                                QStringLiteral("severity"), QStringLiteral("state"), QStringLiteral("first_seen_run"),
                                QStringLiteral("last_seen_run"), QStringLiteral("fixed_run"), QStringLiteral("regressions"),
                                QStringLiteral("waiver_id")});
        for (const IssueRecord &i : std::as_const(*issues))
            ctx.out() << csvRecord({i.assetName, i.checkId, i.title, i.subject, toString(i.severity), i.displayState(),
                                    QString::number(i.firstSeenRun), i.lastSeenRun ? QString::number(i.lastSeenRun) : QString(),
                                    i.fixedRun ? QString::number(i.fixedRun) : QString(), QString::number(i.regressions),
                                    i.waiverId ? QString::number(i.waiverId) : QString()});
        return ExitOk;
    }
    if (issues->isEmpty()) {
        ctx.out() << "No " << (state == QLatin1String("all") ? QString() : state + QLatin1Char(' '))
                  << "issues. Issues appear when a scan finds a failing check.\n";
        return ExitOk;
    }
    for (const IssueRecord &i : std::as_const(*issues)) {
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5").arg(i.displayState().toUpper(), -6).arg(toString(i.severity), -8)
                         .arg(i.assetName, -14).arg(i.checkId, -32).arg(i.title);
        if (!i.subject.isEmpty())
            ctx.out() << "  [" << i.subject << ']';
        ctx.out() << "\n        first seen run " << i.firstSeenRun << ", last seen run " << i.lastSeenRun;
        if (i.fixedRun)
            ctx.out() << ", fixed in run " << i.fixedRun;
        if (i.regressions)
            ctx.out() << ", came back " << i.regressions << (i.regressions == 1 ? " time" : " times");
        if (i.waived)
            ctx.out() << ", waived (waiver " << i.waiverId << " until " << waivers.value(i.waiverId).expiresOn.toString(Qt::ISODate) << ')';
        else if (i.waiverExpired)
            ctx.out() << ", waiver " << i.waiverId << " has expired or ended";
        ctx.out() << '\n';
        if (parser.isSet(QStringLiteral("history"))) {
            for (const IssueEventRecord &e : eventsOf(**db, i.id))
                ctx.out() << "        " << e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  " << toString(e.event)
                          << (e.runId ? QStringLiteral(" (run %1)").arg(e.runId) : QString()) << '\n';
        }
    }
    ctx.out() << issues->size() << (issues->size() == 1 ? " issue\n" : " issues\n");
    return ExitOk;
}

QJsonArray comparedJson(const QList<ComparedResult> &list)
{
    QJsonArray a;
    for (const ComparedResult &r : list)
        a.append(QJsonObject{{QStringLiteral("asset"), r.assetName},
                             {QStringLiteral("check_id"), r.checkId},
                             {QStringLiteral("title"), r.title},
                             {QStringLiteral("subject"), r.subject},
                             {QStringLiteral("severity"), toString(r.severity)},
                             {QStringLiteral("before"), r.before ? QJsonValue(toString(*r.before)) : QJsonValue()},
                             {QStringLiteral("after"), r.after ? QJsonValue(toString(*r.after)) : QJsonValue()},
                             {QStringLiteral("actual_before"), r.actualBefore},
                             {QStringLiteral("actual_after"), r.actualAfter}});
    return a;
}

int diffRuns(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compare two runs: new, fixed, regressed and still-open failures, changed evidence."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addPositionalArgument(QStringLiteral("run-a"), QStringLiteral("The earlier run (id or 'latest')."));
    parser.addPositionalArgument(QStringLiteral("run-b"), QStringLiteral("The later run (id or 'latest')."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!ctx.parse(parser, QStringLiteral("diff"), args, 3, 3))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto a = CliContext::resolveRun(**db, parser.positionalArguments().at(1));
    if (!a)
        return ctx.fail(a.error());
    auto b = CliContext::resolveRun(**db, parser.positionalArguments().at(2));
    if (!b)
        return ctx.fail(b.error());
    auto cmp = (*db)->compareRuns(*a, *b);
    if (!cmp)
        return ctx.fail(cmp.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray evidence;
        for (const EvidenceChange &e : std::as_const(cmp->changedEvidence))
            evidence.append(QJsonObject{{QStringLiteral("asset"), e.assetName},
                                        {QStringLiteral("collector"), e.collectorKey},
                                        {QStringLiteral("command"), e.command},
                                        {QStringLiteral("sha256_before"), e.sha256Before},
                                        {QStringLiteral("sha256_after"), e.sha256After}});
        const QJsonObject doc{{QStringLiteral("run_a"), cmp->runA},
                              {QStringLiteral("run_b"), cmp->runB},
                              {QStringLiteral("new"), comparedJson(cmp->newFailures)},
                              {QStringLiteral("fixed"), comparedJson(cmp->fixed)},
                              {QStringLiteral("regressed"), comparedJson(cmp->regressed)},
                              {QStringLiteral("still_open"), comparedJson(cmp->stillOpen)},
                              {QStringLiteral("changed_evidence"), evidence}};
        ctx.out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out() << "Run " << cmp->runA << " -> run " << cmp->runB << ": " << cmp->newFailures.size() << " new, " << cmp->fixed.size()
              << " fixed, " << cmp->regressed.size() << " regressed, " << cmp->stillOpen.size() << " still open, "
              << cmp->changedEvidence.size() << " evidence item(s) changed\n";
    const QList<QPair<QString, const QList<ComparedResult> *>> sections{
        {QStringLiteral("NEW"), &cmp->newFailures}, {QStringLiteral("REGRESSED"), &cmp->regressed},
        {QStringLiteral("FIXED"), &cmp->fixed}, {QStringLiteral("STILL OPEN"), &cmp->stillOpen}};
    for (const auto &[name, list] : sections) {
        for (const ComparedResult &r : *list) {
            ctx.out() << QStringLiteral("%1  %2  %3  %4").arg(name, -10).arg(toString(r.severity), -8).arg(r.assetName, -14).arg(r.checkId);
            if (!r.subject.isEmpty())
                ctx.out() << "  [" << r.subject << ']';
            ctx.out() << '\n';
        }
    }
    for (const EvidenceChange &e : std::as_const(cmp->changedEvidence))
        ctx.out() << QStringLiteral("%1  %2  %3  $ %4\n").arg(QStringLiteral("EVIDENCE"), -10).arg(e.assetName, -14).arg(e.collectorKey, -32).arg(e.command);
    return ExitOk;
}

int waive(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record an accepted exception for a check (on all assets, one asset or a tag), list waivers, or end one.\n"
        "  waive P.triad --check ID [--asset NAME | --tag TAG] --justification T --approver A --expires YYYY-MM-DD [--ticket T]\n"
        "  waive P.triad --list [--json]\n"
        "  waive P.triad --end ID --reason T\n"
        "  waive P.triad --extend ID --expires YYYY-MM-DD"));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("check"), QStringLiteral("Check id."), QStringLiteral("id")},
        {QStringLiteral("asset"), QStringLiteral("Only this asset."), QStringLiteral("name")},
        {QStringLiteral("tag"), QStringLiteral("Only assets with this tag."), QStringLiteral("tag")},
        {QStringLiteral("justification"), QStringLiteral("Why the risk is accepted."), QStringLiteral("text")},
        {QStringLiteral("approver"), QStringLiteral("Who accepted it."), QStringLiteral("name")},
        {QStringLiteral("ticket"), QStringLiteral("Change or risk ticket."), QStringLiteral("id")},
        {QStringLiteral("expires"), QStringLiteral("Last day it applies (YYYY-MM-DD)."), QStringLiteral("date")},
        {QStringLiteral("list"), QStringLiteral("List waivers.")},
        {QStringLiteral("end"), QStringLiteral("End waiver ID now."), QStringLiteral("id")},
        {QStringLiteral("extend"), QStringLiteral("Change the expiry of waiver ID."), QStringLiteral("id")},
        {QStringLiteral("reason"), QStringLiteral("Why a waiver ends."), QStringLiteral("text")},
        {QStringLiteral("json"), QStringLiteral("Print JSON (with --list).")},
    });
    if (!ctx.parse(parser, QStringLiteral("waive"), args, 1, 1))
        return ExitBadInput;
    const bool listing = parser.isSet(QStringLiteral("list"));
    auto db = ctx.openProject(parser.positionalArguments().at(0), !listing);
    if (!db)
        return ctx.fail(db.error());
    const QString actor = CliContext::operatorName();

    if (listing) {
        auto all = (*db)->waivers();
        if (!all)
            return ctx.fail(all.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const Waiver &w : std::as_const(*all))
                a.append(waiverJson(w));
            ctx.out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (all->isEmpty())
            ctx.out() << "No waivers.\n";
        for (const Waiver &w : std::as_const(*all))
            ctx.out() << QStringLiteral("%1  %2  %3  %4  until %5  approved by %6%7\n        %8\n")
                             .arg(w.id, 4).arg(waiverState(w), -8).arg(w.checkId, -32)
                             .arg(w.assetScope.isEmpty() ? QStringLiteral("all assets") : w.assetScope, -16)
                             .arg(w.expiresOn.toString(Qt::ISODate), w.approver,
                                  w.ticket.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(w.ticket), w.justification);
        return ExitOk;
    }
    auto idOf = [&](const QString &option) -> std::optional<qint64> {
        bool ok = false;
        const qint64 id = parser.value(option).toLongLong(&ok);
        return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
    };
    const QDate expires = QDate::fromString(parser.value(QStringLiteral("expires")), Qt::ISODate);
    if (parser.isSet(QStringLiteral("end"))) {
        const auto id = idOf(QStringLiteral("end"));
        if (!id || parser.value(QStringLiteral("reason")).trimmed().isEmpty())
            return ctx.usage(QStringLiteral("waive"), QStringLiteral("--end needs a waiver id and --reason"));
        if (auto s = (*db)->endWaiver(*id, actor, parser.value(QStringLiteral("reason"))); !s)
            return ctx.fail(s.error());
        ctx.out() << "Waiver " << *id << " ended. Its issues count again from the next scan on.\n";
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("extend"))) {
        const auto id = idOf(QStringLiteral("extend"));
        if (!id || !expires.isValid())
            return ctx.usage(QStringLiteral("waive"), QStringLiteral("--extend needs a waiver id and --expires YYYY-MM-DD"));
        if (auto s = (*db)->changeWaiverExpiry(*id, expires, actor); !s)
            return ctx.fail(s.error());
        ctx.out() << "Waiver " << *id << " now expires " << expires.toString(Qt::ISODate) << ".\n";
        return ExitOk;
    }
    Waiver w;
    w.checkId = parser.value(QStringLiteral("check"));
    w.justification = parser.value(QStringLiteral("justification"));
    w.approver = parser.value(QStringLiteral("approver"));
    w.ticket = parser.value(QStringLiteral("ticket"));
    w.expiresOn = expires;
    if (parser.isSet(QStringLiteral("asset")) && parser.isSet(QStringLiteral("tag")))
        return ctx.usage(QStringLiteral("waive"), QStringLiteral("give --asset or --tag, not both"));
    if (parser.isSet(QStringLiteral("asset"))) {
        auto asset = (*db)->assetByName(parser.value(QStringLiteral("asset")));
        if (!asset)
            return ctx.fail(asset.error());
        w.assetScope = QStringLiteral("asset:") + asset->name;
    } else if (parser.isSet(QStringLiteral("tag"))) {
        w.assetScope = QStringLiteral("tag:") + parser.value(QStringLiteral("tag"));
    }
    if (w.checkId.isEmpty() || w.justification.isEmpty() || w.approver.isEmpty() || !expires.isValid())
        return ctx.usage(QStringLiteral("waive"), QStringLiteral("a waiver needs --check, --justification, --approver and --expires YYYY-MM-DD"));
    if (expires < QDate::currentDate())
        return ctx.usage(QStringLiteral("waive"), QStringLiteral("--expires %1 is in the past").arg(expires.toString(Qt::ISODate)));
    auto id = (*db)->addWaiver(w, actor);
    if (!id)
        return ctx.fail(id.error());
    ctx.out() << "Waiver " << *id << " recorded for " << w.checkId << " ("
              << (w.assetScope.isEmpty() ? QStringLiteral("all assets") : w.assetScope) << ") until "
              << expires.toString(Qt::ISODate) << ". It applies from the next scan on.\n";
    return ExitOk;
}

int attest(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record the verdict on a manual requirement, or on the manual part of a requirement that also has checks,\n"
        "with evidence files copied into the project, or list attestations."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("template"), QStringLiteral("Template id."), QStringLiteral("id")},
        {QStringLiteral("requirement"), QStringLiteral("Requirement id as the framework numbers it."), QStringLiteral("id")},
        {QStringLiteral("status"), QStringLiteral("pass or fail."), QStringLiteral("status")},
        {QStringLiteral("statement"), QStringLiteral("What was verified, and how."), QStringLiteral("text")},
        {QStringLiteral("attester"), QStringLiteral("Who attests (default: the operator)."), QStringLiteral("name")},
        {QStringLiteral("evidence"), QStringLiteral("A file to attach (repeatable)."), QStringLiteral("file")},
        {QStringLiteral("list"), QStringLiteral("List attestations.")},
        {QStringLiteral("json"), QStringLiteral("Print JSON (with --list).")},
    });
    if (!ctx.parse(parser, QStringLiteral("attest"), args, 1, 1))
        return ExitBadInput;
    const bool listing = parser.isSet(QStringLiteral("list"));
    auto db = ctx.openProject(parser.positionalArguments().at(0), !listing);
    if (!db)
        return ctx.fail(db.error());
    if (listing) {
        auto all = (*db)->attestations(parser.value(QStringLiteral("template")));
        if (!all)
            return ctx.fail(all.error());
        QJsonArray array;
        for (const Attestation &a : std::as_const(*all)) {
            QJsonArray files;
            for (const AttestationFile &f : a.files)
                files.append(QJsonObject{{QStringLiteral("name"), f.fileName}, {QStringLiteral("sha256"), f.sha256},
                                         {QStringLiteral("size"), f.size}});
            array.append(QJsonObject{{QStringLiteral("id"), a.id},
                                     {QStringLiteral("template"), a.templateId},
                                     {QStringLiteral("requirement"), a.requirementId},
                                     {QStringLiteral("status"), toString(a.status)},
                                     {QStringLiteral("statement"), a.statement},
                                     {QStringLiteral("attester"), a.attester},
                                     {QStringLiteral("attested_at"), a.attestedAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("files"), files}});
            if (!parser.isSet(QStringLiteral("json"))) {
                ctx.out() << QStringLiteral("%1  %2  %3  %4  by %5 on %6\n        %7\n").arg(a.id, 4).arg(toString(a.status).toUpper(), -4)
                                 .arg(a.templateId, -16).arg(a.requirementId, -12).arg(a.attester, a.attestedAt.toString(Qt::ISODate), a.statement);
                for (const AttestationFile &f : a.files)
                    ctx.out() << "        file " << f.fileName << "  sha256 " << f.sha256 << '\n';
            }
        }
        if (parser.isSet(QStringLiteral("json")))
            ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        else if (all->isEmpty())
            ctx.out() << "No attestations.\n";
        return ExitOk;
    }

    Attestation a;
    a.templateId = parser.value(QStringLiteral("template"));
    a.requirementId = parser.value(QStringLiteral("requirement"));
    a.statement = parser.value(QStringLiteral("statement"));
    a.attester = parser.isSet(QStringLiteral("attester")) ? parser.value(QStringLiteral("attester")) : CliContext::operatorName();
    const QString status = parser.value(QStringLiteral("status"));
    if (status != QLatin1String("pass") && status != QLatin1String("fail"))
        return ctx.usage(QStringLiteral("attest"), QStringLiteral("--status must be pass or fail"));
    a.status = status == QLatin1String("pass") ? CheckStatus::Pass : CheckStatus::Fail;
    if (a.templateId.isEmpty() || a.requirementId.isEmpty() || a.statement.isEmpty())
        return ctx.usage(QStringLiteral("attest"), QStringLiteral("an attestation needs --template, --requirement, --status and --statement"));
    // The same core path as the GUI's Record Attestation dialog: the requirement must have a
    // manual part, every evidence file must be readable, and then all is stored at once.
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto req = attestableRequirement(*catalog, a.templateId, a.requirementId);
    if (!req)
        return ctx.fail(req.error());
    const QStringList evidence = parser.values(QStringLiteral("evidence"));
    auto id = recordAttestation(**db, *catalog, a, evidence);
    if (!id)
        return ctx.fail(id.error());
    ctx.out() << "Attestation " << *id << " recorded: " << a.templateId << ' ' << a.requirementId << ' ' << status << ", "
              << evidence.size() << " file(s) attached.\n";
    if (!(*req)->checks.isEmpty())
        ctx.out() << "Requirement " << a.requirementId << " also has checks: this attestation covers its manual part; it is met when its checks pass as well.\n";
    return ExitOk;
}

} // namespace

int runIssuesCommand(CliContext &ctx, const QStringList &args)
{
    return listIssues(ctx, args);
}

int runDiffCommand(CliContext &ctx, const QStringList &args)
{
    return diffRuns(ctx, args);
}

int runWaiveCommand(CliContext &ctx, const QStringList &args)
{
    return waive(ctx, args);
}

int runAttestCommand(CliContext &ctx, const QStringList &args)
{
    return attest(ctx, args);
}

} // namespace triad
