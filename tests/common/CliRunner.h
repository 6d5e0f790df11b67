#pragma once

// Runs the real triad-cli binary the way a user or a CI job would, for end-to-end tests.

#include "TestPaths.h"

#include <QFile>
#include <QProcess>
#include <QTest>
#include <QString>
#include <QStringList>

struct CliOutcome {
    int exitCode = -1;      ///< -1 timed out, -2 crashed
    QString out;
    QString err;
};

/// triad-cli `args` with the shipped (or given) templates and a fixed operator name.
inline CliOutcome runCli(const QStringList &args, const QString &templatesDir = QStringLiteral(TRIAD_TEMPLATES_DIR),
                         int timeoutMs = 120000, const QProcessEnvironment &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRIAD_TEMPLATES_DIR"), templatesDir);
    env.insert(QStringLiteral("TRIAD_OPERATOR"), QStringLiteral("test-operator"));
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TRIAD_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// Writes (or replaces) a file the test hands to triad-cli: a template, a tailoring, evidence.
inline void writeTestFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(text), qint64(text.size()));
}
