#pragma once
// A lab for the Assessments page: a small template (one check reads a file the test writes; a
// second one waits a tailorable number of seconds on the host, so that a scan lasts long enough
// to be watched and cancelled) and a project of local assets with stored tailorings, all through
// the real template loader, database and local transport.

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <memory>

namespace triad::test {

inline const char *const kLabLibrary = R"(schema: triad-template/1
kind: checks
id: lab
parameters:
  state_file: {type: path, default: /nonexistent/lab.conf, description: The file the lab check reads}
  pause_s: {type: int, default: 0, min: 0, max: 60, description: Seconds the pause check waits on the host}
collectors:
  state: {type: file, path: "${state_file}", parse: {format: keyvalue, separator: "="}}
  pause: {type: command, run: [sh, -c, 'sleep "$1"; echo done', sh, "${pause_s}"], timeout_s: 120, parse: {format: raw}}
checks:
  - id: lab.setting
    title: The lab setting is hardened
    description: hardened=yes is set in the lab file.
    rationale: It stands for any configuration setting an auditor checks.
    severity: high
    rules:
      - {from: state, select: {key: hardened}, assert: {op: eq, value: "yes"}, on_missing: fail}
    remediation: {summary: Set hardened=yes.}
    verification: {steps: ["cat the lab file"], expected: hardened=yes}
  - id: lab.pause
    title: The host answers after a pause
    description: Stands for a slow collector.
    rationale: Lets a test watch a scan under way.
    severity: low
    rules:
      - {from: pause, assert: {op: regex, value: '^done'}, on_missing: fail}
    remediation: {summary: Nothing to do.}
    verification: {steps: ["wait"], expected: done}
)";

inline const char *const kLabTemplate = R"(schema: triad-template/1
kind: assessment
id: lab-template
title: Lab template
version: 1.0.0
uses: [lab]
requirements:
  - {id: "1.1", section: "1 Lab", title: The setting is hardened, checks: [lab.setting]}
  - {id: "1.2", section: "1 Lab", title: The host answers, checks: [lab.pause]}
)";

inline void writeLabFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// Writes the lab templates under `dir` and loads them as the catalog.
inline std::shared_ptr<const Catalog> makeLabCatalog(const QString &dir)
{
    QDir().mkpath(dir + QStringLiteral("/checks"));
    writeLabFile(dir + QStringLiteral("/checks/lab.yaml"), kLabLibrary);
    writeLabFile(dir + QStringLiteral("/lab-template.yaml"), kLabTemplate);
    auto catalog = Catalog::load({dir});
    if (!catalog)
        qFatal("%s", qPrintable(catalog.error().toString()));
    return std::make_shared<const Catalog>(std::move(*catalog));
}

inline Asset localAsset(const QString &name, const QStringList &tags)
{
    Asset a;
    a.name = name;
    a.kind = QStringLiteral("linux");
    a.transport = QStringLiteral("local");
    a.tags = tags;
    return a;
}

/// A project with `lab-1` (tag lab) and `slow-1`..`slow-4` (tag slow), and the tailorings
/// "lab" (reads `stateFile`, no pause) and "slow" (waits `pauseSeconds` on each host).
inline std::unique_ptr<ProjectDatabase> makeLabProject(const QString &path, const QString &stateFile, int pauseSeconds)
{
    ProjectInfo info;
    info.name = QStringLiteral("Assessments lab");
    info.createdAt = QDateTime::currentDateTimeUtc();
    auto db = ProjectDatabase::create(path, info);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    (void)(*db)->addAsset(localAsset(QStringLiteral("lab-1"), {QStringLiteral("lab")}));
    for (int i = 1; i <= 4; ++i)
        (void)(*db)->addAsset(localAsset(QStringLiteral("slow-%1").arg(i), {QStringLiteral("slow")}));
    auto lab = (*db)->storeTailoring(QStringLiteral("lab-template"), QStringLiteral("lab"),
                                     QStringLiteral("tailoring: {template: lab-template, name: lab}\n"
                                                    "parameters: {state_file: \"%1\", pause_s: 0}\n").arg(stateFile),
                                     QStringLiteral("test"));
    auto slow = (*db)->storeTailoring(QStringLiteral("lab-template"), QStringLiteral("slow"),
                                      QStringLiteral("tailoring: {template: lab-template, name: slow}\n"
                                                     "parameters: {state_file: \"%1\", pause_s: %2}\n").arg(stateFile).arg(pauseSeconds),
                                      QStringLiteral("test"));
    if (!lab || !slow)
        qFatal("cannot store the lab tailorings");
    return std::move(*db);
}

} // namespace triad::test
