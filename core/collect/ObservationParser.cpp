#include "ObservationParser.h"

#include "collect/FsWalk.h"
#include "collect/SysctlConfig.h"
#include "collect/TextParsers.h"

#include <QRegularExpression>
#include <QStringList>

namespace triad {

namespace {

Observation value(QVariant v)
{
    return Observation{Observation::State::Value, std::move(v), {}, {}, {}};
}

Observation missing(QVariant facts = {})
{
    return Observation{Observation::State::Missing, std::move(facts), {}, {}, {}};
}

Observation error(const QString &why)
{
    return Observation{Observation::State::Error, {}, why, {}, {}};
}

QString firstLine(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString fileType(const QString &statType)
{
    if (statType.startsWith(QLatin1String("regular")))
        return QStringLiteral("file");
    if (statType == QLatin1String("directory"))
        return QStringLiteral("directory");
    if (statType == QLatin1String("symbolic link"))
        return QStringLiteral("symlink");
    if (statType == QLatin1String("socket"))
        return QStringLiteral("socket");
    if (statType == QLatin1String("fifo"))
        return QStringLiteral("fifo");
    if (statType.startsWith(QLatin1String("block")))
        return QStringLiteral("block");
    if (statType.startsWith(QLatin1String("character")))
        return QStringLiteral("char");
    return QStringLiteral("other");
}

Observation parseStat(const RawOutput &raw)
{
    const QString line = firstLine(raw.stdoutData);
    if (line == QLatin1String("0"))
        return missing(QVariantMap{{QStringLiteral("exists"), false}});
    const QStringList f = line.split(QLatin1Char('|'));
    if (f.size() != 9 || f.at(0) != QLatin1String("1"))
        return error(QStringLiteral("unexpected stat output: %1").arg(line.left(200)));
    bool okMode = false;
    const uint mode = f.at(2).toUInt(&okMode, 8);
    if (!okMode)
        return error(QStringLiteral("unexpected file mode: %1").arg(f.at(2)));
    return value(QVariantMap{{QStringLiteral("exists"), true},
                             {QStringLiteral("type"), fileType(f.at(1))},
                             {QStringLiteral("mode"), QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'))},
                             {QStringLiteral("uid"), f.at(3).toLongLong()},
                             {QStringLiteral("gid"), f.at(4).toLongLong()},
                             {QStringLiteral("owner"), f.at(5)},
                             {QStringLiteral("group"), f.at(6)},
                             {QStringLiteral("size"), f.at(7).toLongLong()},
                             {QStringLiteral("mtime"), f.at(8).toLongLong()}});
}

/// "--key=value", "--key value" (when value does not start with '-') and bare "--key" (true).
QVariantMap parseFlags(const QStringList &args)
{
    QVariantMap flags;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-") || arg == QLatin1String("--"))
            continue;
        QString key = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        const qsizetype eq = key.indexOf(QLatin1Char('='));
        if (eq > 0) {
            flags.insert(key.left(eq), key.mid(eq + 1));
        } else if (i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1Char('-'))) {
            flags.insert(key, args.at(i + 1));
            ++i;
        } else {
            flags.insert(key, QStringLiteral("true"));
        }
    }
    return flags;
}

Observation parseProcesses(const RawOutput &raw)
{
    QVariantList processes;
    for (const QByteArray &line : raw.stdoutData.split('\n')) {
        if (line.isEmpty())
            continue;
        QList<QByteArray> fields = line.split('\x1f');
        while (!fields.isEmpty() && fields.last().isEmpty())
            fields.removeLast();
        if (fields.size() < 2)
            continue;   // a process that exited between listing and reading (empty cmdline)
        QStringList args;
        for (qsizetype i = 1; i < fields.size(); ++i)
            args << QString::fromUtf8(fields.at(i));
        processes << QVariantMap{{QStringLiteral("pid"), fields.at(0).toLongLong()},
                                 {QStringLiteral("args"), args},
                                 {QStringLiteral("flags"), parseFlags(args)}};
    }
    if (processes.isEmpty())
        return missing(QVariantList{});
    return value(processes);
}

Observation parsePackage(const RawOutput &raw)
{
    if (raw.exitCode == 3)
        return error(QString::fromUtf8(raw.stderrData).trimmed());
    const QString line = firstLine(raw.stdoutData);
    if (line.startsWith(QLatin1String("installed")))
        return value(QVariantMap{{QStringLiteral("installed"), true},
                                 {QStringLiteral("version"), line.section(QLatin1Char('\t'), 1).trimmed()}});
    if (line == QLatin1String("absent"))
        return missing(QVariantMap{{QStringLiteral("installed"), false}});
    return error(QStringLiteral("unexpected package query output: %1").arg(line.left(200)));
}

Observation parseService(const RawOutput &raw)
{
    if (raw.exitCode == 3)
        return error(QStringLiteral("cannot query services: %1").arg(QString::fromUtf8(raw.stderrData).trimmed()));
    QString enabled;
    QString active;
    for (const QString &line : QString::fromUtf8(raw.stdoutData).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("enabled=")))
            enabled = line.mid(8).trimmed();
        else if (line.startsWith(QLatin1String("active=")))
            active = line.mid(7).trimmed();
    }
    if (enabled.isEmpty() || enabled == QLatin1String("not-found"))
        return missing(QVariantMap{{QStringLiteral("exists"), false},
                                   {QStringLiteral("enabled"), QStringLiteral("not-found")},
                                   {QStringLiteral("active"), active.isEmpty() ? QStringLiteral("inactive") : active}});
    return value(QVariantMap{{QStringLiteral("exists"), true},
                             {QStringLiteral("enabled"), enabled},
                             {QStringLiteral("active"), active}});
}

Observation parseSysctl(const RawOutput &raw)
{
    if (raw.exitCode == 3)
        return missing();
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    return value(QString::fromUtf8(raw.stdoutData).trimmed().replace(spaces, QStringLiteral(" ")));
}

Observation parseTextCollector(const CollectorDef &spec, const RawOutput &raw)
{
    if (spec.type == CollectorDef::Type::File) {
        if (raw.exitCode == 3)
            return missing();
        if (raw.exitCode == 4)
            return error(QStringLiteral("permission denied reading %1").arg(spec.path));
        if (raw.exitCode != 0)
            return error(QStringLiteral("reading %1 failed (exit %2): %3")
                             .arg(spec.path).arg(raw.exitCode).arg(QString::fromUtf8(raw.stderrData).trimmed().left(300)));
    } else if (raw.exitCode == 127) {
        return missing();   // the command does not exist on this host
    } else if (raw.exitCode == 126 || (raw.exitCode > 128 && raw.exitCode != 141) ||
               (!spec.okExitCodes.isEmpty() && !spec.okExitCodes.contains(raw.exitCode))) {
        // Not runnable, killed by a signal (141 is SIGPIPE from the output cap: the output is
        // kept and flagged truncated), or a failure the template names: never data.
        const QString why = QString::fromUtf8(raw.stderrData).trimmed().left(300);
        return error(raw.exitCode > 128 ? QStringLiteral("the command was killed by signal %1%2").arg(raw.exitCode - 128)
                                                  .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why)
                                        : QStringLiteral("the command failed (exit %1)%2").arg(raw.exitCode)
                                                  .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    QByteArray text = raw.stdoutData;
    if (spec.type == CollectorDef::Type::File && !spec.includeGlob.isEmpty()) {
        // Drop the "#@triad-file <path>" markers between concatenated files.
        QByteArray kept;
        kept.reserve(text.size());
        for (const QByteArray &line : text.split('\n')) {
            if (!line.startsWith("#@triad-file "))
                kept += line + '\n';
        }
        kept.chop(1);
        text = kept;
    }
    auto parsed = parseText(spec.parse, text);
    if (!parsed)
        return error(parsed.error().message);
    return value(*parsed);
}

} // namespace

Observation parseObservation(const CollectorDef &spec, const RawOutput &raw)
{
    switch (raw.status) {
    case CollectionStatus::Ok: break;
    case CollectionStatus::Timeout:
        return error(raw.errorMessage.isEmpty() ? QStringLiteral("timed out after %1 s").arg(spec.timeoutSeconds) : raw.errorMessage);
    case CollectionStatus::Error:
    case CollectionStatus::Skipped:
        return error(raw.errorMessage.isEmpty() ? QStringLiteral("not collected") : raw.errorMessage);
    }
    switch (spec.type) {
    case CollectorDef::Type::Command:
    case CollectorDef::Type::File: return parseTextCollector(spec, raw);
    case CollectorDef::Type::Stat: return parseStat(raw);
    case CollectorDef::Type::Process: return parseProcesses(raw);
    case CollectorDef::Type::Package: return parsePackage(raw);
    case CollectorDef::Type::Service: return parseService(raw);
    case CollectorDef::Type::Sysctl: return parseSysctl(raw);
    case CollectorDef::Type::FsWalk: return parseFsWalk(raw);
    case CollectorDef::Type::SysctlConfig: return parseSysctlConfig(raw);
    }
    return error(QStringLiteral("unknown collector type"));
}

} // namespace triad
