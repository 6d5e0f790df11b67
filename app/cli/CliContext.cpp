#include "CliContext.h"
#include "RunJson.h"

#include "common/Paths.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"

#include <QDir>
#include <QJsonDocument>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <pwd.h>
#include <unistd.h>

namespace triad {

CliContext::CliContext() : m_out(stdout), m_err(stderr) {}

int CliContext::fail(const Error &error)
{
    m_err << "triad-cli: " << error.toString() << '\n';
    m_err.flush();
    switch (error.code) {
    case Error::Code::Transport:
    case Error::Code::Timeout:
        return ExitUnreachable;
    default:
        return ExitBadInput;
    }
}

int CliContext::usage(const QString &command, const QString &message)
{
    m_err << "triad-cli " << command << ": " << message << "\n"
          << "Run 'triad-cli " << command << " --help' for its options.\n";
    m_err.flush();
    return ExitBadInput;
}

bool CliContext::parse(QCommandLineParser &parser, const QString &command, const QStringList &args,
                       int minPositional, int maxPositional)
{
    parser.addHelpOption();
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv{QStringLiteral("triad-cli ") + command};
    argv << args;
    if (!parser.parse(argv)) {
        usage(command, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        ::exit(ExitOk);
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        usage(command, n < minPositional ? QStringLiteral("missing arguments")
                                         : QStringLiteral("unexpected argument '%1'")
                                               .arg(parser.positionalArguments().value(maxPositional)));
        return false;
    }
    return true;
}

Result<std::unique_ptr<ProjectDatabase>> CliContext::openProject(const QString &path, bool writable)
{
    return ProjectDatabase::open(path, writable ? ProjectDatabase::OpenMode::ReadWrite
                                                : ProjectDatabase::OpenMode::ReadOnly);
}

Result<Catalog> CliContext::loadCatalog(const QStringList &extraFiles, QList<Error> *allErrors)
{
    const QString dir = defaultTemplatesDir();
    if (dir.isEmpty())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no template folder found (looked in %1); set TRIAD_TEMPLATES_DIR")
                             .arg(templateSearchPath().join(QStringLiteral(", "))));
    QStringList inputs{dir};
    const QString canonicalDir = QFileInfo(dir).canonicalFilePath();
    for (const QString &file : extraFiles) {
        // A file that is already part of the shipped folder is loaded once, not twice.
        const QString canonical = QFileInfo(file).canonicalFilePath();
        if (!canonical.isEmpty() && canonical.startsWith(canonicalDir + QLatin1Char('/')))
            continue;
        inputs << file;
    }
    return Catalog::load(inputs, allErrors);
}

QString CliContext::operatorName()
{
    const QString fromEnv = qEnvironmentVariable("TRIAD_OPERATOR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

Status CliContext::writeOutput(const QString &path, const QByteArray &data)
{
    if (path == QLatin1String("-")) {
        m_out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(data) != data.size())
            return makeError(Error::Code::Io, QStringLiteral("cannot write to standard output"));
        return {};
    }
    // QSaveFile: a reader never sees a half-written file, and a full disk leaves the old one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return makeError(Error::Code::Io, QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    return {};
}

Status CliContext::writeRunJson(ProjectDatabase &db, qint64 runId, const Score &score, const QString &path)
{
    auto doc = runDocument(db, runId, score);
    if (!doc)
        return doc.error();
    return writeOutput(path, QJsonDocument(*doc).toJson(QJsonDocument::Indented));
}

Result<qint64> CliContext::resolveRun(ProjectDatabase &db, const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("latest")) {
        auto latest = db.latestRunId();
        if (!latest)
            return latest.error();
        if (*latest == 0)
            return makeError(Error::Code::NotFound, QStringLiteral("the project has no runs yet"));
        return latest;
    }
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(Error::Code::InvalidInput, QStringLiteral("'%1' is not a run id").arg(text));
    return id;
}

} // namespace triad
