#pragma once

#include "common/Result.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace triad {

class Catalog;
class ProjectDatabase;
struct Score;

/// Exit codes of triad-cli (DESIGN.md §8). Scripts rely on them: never renumber.
enum ExitCode : int {
    ExitOk = 0,
    ExitChecksFailed = 1,   ///< below --fail-under, or failed checks with --junit
    ExitBadInput = 2,       ///< bad usage or bad input, with a message naming what is wrong
    ExitUnreachable = 3,    ///< no asset could be reached
};

/// Shared plumbing of the sub-commands: output streams, error printing, common loaders.
class CliContext {
public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Prints "triad-cli: <location>: <message>" and returns the exit code for the error's kind.
    int fail(const Error &error);
    /// Prints a usage error for `command` and returns ExitBadInput.
    int usage(const QString &command, const QString &message);

    /// Parses `args` (without the program and command words) with `parser`; on failure prints the
    /// problem and returns false. Positional count is checked against [minPositional, maxPositional].
    bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args,
               int minPositional, int maxPositional);

    Result<std::unique_ptr<ProjectDatabase>> openProject(const QString &path, bool writable);
    /// The shipped templates (see Paths.h), plus `extraFiles` validated together with them.
    Result<Catalog> loadCatalog(const QStringList &extraFiles = {}, QList<Error> *allErrors = nullptr);

    /// "latest" (or empty) or a run id, resolved against the project.
    static Result<qint64> resolveRun(ProjectDatabase &db, const QString &text);

    /// The operator recorded in runs and the audit log: $TRIAD_OPERATOR, else the login name.
    static QString operatorName();

    /// Writes `data` to `path` ("-" = standard output), reporting failures as an Error.
    Status writeOutput(const QString &path, const QByteArray &data);
    /// Writes the run document of `runId` (README "JSON formats") to `path` ("-" = standard output).
    Status writeRunJson(ProjectDatabase &db, qint64 runId, const Score &score, const QString &path);

private:
    QTextStream m_out;
    QTextStream m_err;
    int m_exitCodeForLastError = ExitBadInput;
};

int runProjectCommand(CliContext &ctx, const QStringList &args);
int runAssetsCommand(CliContext &ctx, const QStringList &args);
int runTemplatesCommand(CliContext &ctx, const QStringList &args);
int runScanCommand(CliContext &ctx, const QStringList &args);
int runRunsCommand(CliContext &ctx, const QStringList &args);
int runResultsCommand(CliContext &ctx, const QStringList &args);
int runIssuesCommand(CliContext &ctx, const QStringList &args);
int runDiffCommand(CliContext &ctx, const QStringList &args);
int runWaiveCommand(CliContext &ctx, const QStringList &args);
int runAttestCommand(CliContext &ctx, const QStringList &args);
int runTailoringsCommand(CliContext &ctx, const QStringList &args);
int runReevaluateCommand(CliContext &ctx, const QStringList &args);
int runTimingCommand(CliContext &ctx, const QStringList &args);
int runRequirementsCommand(CliContext &ctx, const QStringList &args);

} // namespace triad
