#include "CollectionScript.h"

#include "FsWalk.h"
#include "SysctlConfig.h"
#include "common/ShellQuote.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace triad {

namespace {

Error invalid(const CollectorDef &c, const QString &message)
{
    return makeError(Error::Code::InvalidInput, QStringLiteral("collector %1: %2").arg(c.id, message), c.location.toString());
}

QString fileSnippet(const CollectorDef &c, QString *error)
{
    QString s;
    const QString path = shellQuote(c.path);
    if (!c.includeGlob.isEmpty()) {
        const QFileInfo glob(c.includeGlob);
        static const QRegularExpression safePattern(QStringLiteral("^[A-Za-z0-9._*?-]+$"));
        if (!safePattern.match(glob.fileName()).hasMatch() || glob.path().contains(QLatin1Char('*')) ||
            glob.path().contains(QLatin1Char('?'))) {
            *error = QStringLiteral("include_glob '%1' may use * and ? in its file name only").arg(c.includeGlob);
            return {};
        }
        // The folder is quoted; only the vetted file-name pattern is left for the shell to expand.
        s += QStringLiteral("for f in %1/%2; do [ -f \"$f\" ] && [ -r \"$f\" ] || continue; "
                            "printf '#@triad-file %s\\n' \"$f\"; cat -- \"$f\"; echo; done; ")
                 .arg(shellQuote(glob.path()), glob.fileName());
        s += QStringLiteral("[ -e %1 ] || exit 3; [ -r %1 ] || exit 4; printf '#@triad-file %s\\n' %1; cat -- %1").arg(path);
    } else {
        s += QStringLiteral("[ -e %1 ] || exit 3; [ -r %1 ] || exit 4; cat -- %1").arg(path);
    }
    return s;
}

} // namespace

Result<QString> collectorSnippet(const CollectorDef &c)
{
    static const QRegularExpression sysctlKey(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    static const QRegularExpression unitName(QStringLiteral("^[A-Za-z0-9@_.:+-]+$"));
    switch (c.type) {
    case CollectorDef::Type::Command:
        if (c.run.isEmpty())
            return invalid(c, QStringLiteral("a command needs `run`"));
        return shellJoin(c.run);
    case CollectorDef::Type::File: {
        if (c.path.isEmpty())
            return invalid(c, QStringLiteral("a file collector needs `path`"));
        QString error;
        QString s = fileSnippet(c, &error);
        if (!error.isEmpty())
            return invalid(c, error);
        return s;
    }
    case CollectorDef::Type::Stat:
        if (c.path.isEmpty())
            return invalid(c, QStringLiteral("a stat collector needs `path`"));
        return QStringLiteral("if [ -e %1 ]; then printf '1|'; stat -L -c '%F|%a|%u|%g|%U|%G|%s|%Y' -- %1; else echo 0; fi")
            .arg(shellQuote(c.path));
    case CollectorDef::Type::Process:
        if (c.name.isEmpty())
            return invalid(c, QStringLiteral("a process collector needs `name`"));
        // `read` is a builtin: a host with 500 processes must not cost 500 `cat` processes.
        return QStringLiteral("for p in /proc/[0-9]*; do c=; read -r c 2>/dev/null <\"$p/comm\" || continue; "
                              "[ \"$c\" = %1 ] || continue; printf '%s\\037' \"${p#/proc/}\"; "
                              "tr '\\000' '\\037' < \"$p/cmdline\" 2>/dev/null; echo; done")
            .arg(shellQuote(c.name));
    case CollectorDef::Type::Package:
        if (!unitName.match(c.name).hasMatch())
            return invalid(c, QStringLiteral("'%1' is not a package name").arg(c.name));
        // $P is the list of every package the script reads once with one dpkg-query (see
        // buildCollectionScript): a lookup in it costs one awk, where dpkg-query per package would
        // parse the whole status database each time. Without the list, ask dpkg-query or rpm.
        return QStringLiteral(
                   "if [ -n \"${P:-}\" ]; then awk -F '\t' -v %2 '$1 == p && $2 == \"installed\" "
                   "{ print \"installed\\t\" $3; f = 1; exit } END { if (!f) print \"absent\" }' \"$P\"; "
                   "elif command -v dpkg-query >/dev/null 2>&1; then "
                   "s=$(dpkg-query -W -f='${db:Status-Status}\\t${Version}' -- %1 2>/dev/null); "
                   "case \"$s\" in installed*) printf 'installed\\t%s\\n' \"${s#*\t}\";; *) echo absent;; esac; "
                   "elif command -v rpm >/dev/null 2>&1; then "
                   "if v=$(rpm -q --qf '%{VERSION}-%{RELEASE}' -- %1 2>/dev/null); then printf 'installed\\t%s\\n' \"$v\"; "
                   "else echo absent; fi; "
                   "else echo 'no dpkg-query or rpm on this host' >&2; exit 3; fi")
            .arg(shellQuote(c.name), shellQuote(QStringLiteral("p=") + c.name));
    case CollectorDef::Type::Service:
        if (!unitName.match(c.name).hasMatch())
            return invalid(c, QStringLiteral("'%1' is not a service name").arg(c.name));
        return QStringLiteral("command -v systemctl >/dev/null 2>&1 || { echo 'systemctl not found' >&2; exit 3; }; "
                              "printf 'enabled=%s\\n' \"$(systemctl is-enabled -- %1 2>/dev/null)\"; "
                              "printf 'active=%s\\n' \"$(systemctl is-active -- %1 2>/dev/null)\"")
            .arg(shellQuote(c.name));
    case CollectorDef::Type::Sysctl: {
        if (!sysctlKey.match(c.name).hasMatch() || c.name.contains(QStringLiteral("..")))
            return invalid(c, QStringLiteral("'%1' is not a sysctl key").arg(c.name));
        const QString path = QStringLiteral("/proc/sys/") + QString(c.name).replace(QLatin1Char('.'), QLatin1Char('/'));
        return QStringLiteral("[ -r %1 ] || exit 3; cat -- %1").arg(shellQuote(path));
    }
    case CollectorDef::Type::FsWalk:
        return fsWalkSnippet(c);
    case CollectorDef::Type::SysctlConfig:
        return sysctlConfigSnippet();
    }
    return invalid(c, QStringLiteral("unknown collector type"));
}

namespace {

/// For reading only: words that need no quoting are shown bare ("sshd -T", not "'sshd' '-T'").
QString readable(const QStringList &argv)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    QStringList words;
    for (const QString &a : argv)
        words << (plain.match(a).hasMatch() ? a : shellQuote(a));
    return words.join(QLatin1Char(' '));
}

} // namespace

QString displayCommand(const CollectorDef &c)
{
    const QString sudo = c.sudo ? QStringLiteral("sudo ") : QString();
    switch (c.type) {
    case CollectorDef::Type::Command: return sudo + readable(c.run);
    case CollectorDef::Type::File:
        return sudo + QStringLiteral("cat ") + (c.includeGlob.isEmpty() ? QString() : c.includeGlob + QLatin1Char(' ')) +
               readable({c.path});
    case CollectorDef::Type::Stat: return sudo + QStringLiteral("stat -L ") + readable({c.path});
    case CollectorDef::Type::Process: return QStringLiteral("ps (processes named %1)").arg(readable({c.name}));
    case CollectorDef::Type::Package: return QStringLiteral("dpkg-query -W %1 (or rpm -q)").arg(readable({c.name}));
    case CollectorDef::Type::Service: return QStringLiteral("systemctl is-enabled/is-active %1").arg(readable({c.name}));
    case CollectorDef::Type::Sysctl: return QStringLiteral("sysctl %1").arg(readable({c.name}));
    case CollectorDef::Type::FsWalk: return sudo + fsWalkDisplay(c);
    case CollectorDef::Type::SysctlConfig: return sudo + sysctlConfigDisplay();
    }
    return {};
}

Result<CollectionScript> buildCollectionScript(const QList<PlannedCollector> &collectors)
{
    CollectionScript script;
    script.collectors = collectors;
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);
    script.nonce = QByteArray::number(random[0], 16).rightJustified(16, '0') + QByteArray::number(random[1], 16).rightJustified(16, '0');

    QString s;
    s += QStringLiteral(
        "# Triad collection script: it reads configuration and changes nothing on this host.\n"
        "# Each collector's output is framed by @@TRIAD lines carrying a random nonce.\n"
        "N=%1\n"
        "umask 077\n"
        "T=$(mktemp -d 2>/dev/null) || { T=/tmp/triad.$$; mkdir -m 700 \"$T\" || exit 91; }\n"
        "trap 'rm -rf \"$T\"' EXIT\n"
        "TO=; command -v timeout >/dev/null 2>&1 && TO=timeout\n"
        "SUDO=; SUDO_OK=1\n"
        "if [ \"$(id -u)\" -ne 0 ]; then SUDO='sudo -n'; sudo -n true >/dev/null 2>&1 || SUDO_OK=0; fi\n"
        "printf '@@TRIAD:%s:FACTS\\n' \"$N\"\n"
        "(hostname 2>/dev/null || cat /proc/sys/kernel/hostname) | head -n 1\n"
        "uname -r\n"
        "cat /etc/os-release 2>/dev/null\n"
        "U=; read U _ 2>/dev/null </proc/uptime\n"
        "printf '\\n@@TRIAD:%s:FACTSEND:%s\\n' \"$N\" \"$U\"\n")
             .arg(QString::fromLatin1(script.nonce));
    const bool readsPackages = std::any_of(collectors.cbegin(), collectors.cend(), [](const PlannedCollector &c) {
        return c.spec.type == CollectorDef::Type::Package;
    });
    if (readsPackages)
        s += QStringLiteral("P=; if command -v dpkg-query >/dev/null 2>&1 && "
                            "dpkg-query -W -f='${Package}\\t${db:Status-Status}\\t${Version}\\n' >\"$T/pkgs\" 2>/dev/null; "
                            "then P=\"$T/pkgs\"; fi\n");

    for (qsizetype i = 0; i < collectors.size(); ++i) {
        const CollectorDef &c = collectors.at(i).spec;
        auto snippet = collectorSnippet(c);
        if (!snippet)
            return snippet.error();
        // Only external programs and file reads (the sysctl configuration files too) can hang or
        // flood: they get the timeout and the output cap. Stat, sysctl, process, package and service reads are small and bounded, so
        // they run as a plain subshell: this script runs on every host of a fleet, and each
        // process it spares is spared a thousand times.
        const bool guarded = c.type == CollectorDef::Type::Command || c.type == CollectorDef::Type::File ||
                             c.type == CollectorDef::Type::FsWalk || c.type == CollectorDef::Type::SysctlConfig;
        const QString limit = guarded && c.timeoutSeconds > 0 ? QStringLiteral("$TO %1 ").arg(c.timeoutSeconds) : QString();
        // A command is an argument vector, every word quoted: it runs as it is, without a shell
        // of its own. File and walk snippets are shell code and need `sh -c` under the timeout.
        const QString program = c.type == CollectorDef::Type::Command ? *snippet : QString(QStringLiteral("sh -c ") + shellQuote(*snippet));
        QString direct = guarded ? QString(limit + program) : QString(QStringLiteral("( ") + *snippet + QStringLiteral(" )"));
        if (c.type == CollectorDef::Type::File && c.includeGlob.isEmpty()) {
            // A plain file read tests the path in this shell ([ is a builtin) and runs only `cat`
            // under the timeout: one process fewer than `sh -c` around the same test.
            const QString path = shellQuote(c.path);
            direct = QStringLiteral("if [ ! -e %1 ]; then (exit 3); elif [ ! -r %1 ]; then (exit 4); else %2cat -- %1; fi")
                         .arg(path, limit);
        }
        QString run;
        if (c.sudo) {
            // Root already (or `sudo -S` ran the whole script): no sudo at all.
            run = QStringLiteral("if [ -z \"$SUDO\" ]; then %1; elif [ $SUDO_OK -eq 1 ]; then %2$SUDO %3; "
                                 "else echo 'needs root: sudo -n was refused' >&2; (exit %4); fi")
                      .arg(direct, limit, program, QString::number(kExitNeedsRoot));
        } else {
            run = direct;
        }
        // The comment names the collector for a human reading the script; newlines would end it.
        QString title = collectors.at(i).key + QStringLiteral(": ") + displayCommand(c);
        title.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
        s += QStringLiteral("\n# ") + title + QLatin1Char('\n');
        // Emptying the status file is a builtin redirection (rm would cost a process per collector).
        s += QStringLiteral(": >\"$T/rc\"; printf '@@TRIAD:%s:BEGIN:%1\\n' \"$N\"\n").arg(i);
        // No pipefail in POSIX sh: the collector's own status travels through a file. head -c stops
        // a flood at the cap (the producer then dies of SIGPIPE: status 141, reported as truncated).
        // One arg() call: a second pass would substitute inside the (template-supplied) snippet.
        if (guarded)
            s += QStringLiteral("{ %1 </dev/null; echo $? >\"$T/rc\"; } 2>\"$T/err\" | head -c %2\n")
                     .arg(run, QString::number(c.maxBytes + 1));
        else
            s += QStringLiteral("{ %1 </dev/null; echo $? >\"$T/rc\"; } 2>\"$T/err\"\n").arg(run);
        // The uptime stamp (a builtin read, no process) times each collector to 10 ms on Linux.
        s += QStringLiteral("rc=; read rc 2>/dev/null <\"$T/rc\"; [ -n \"$rc\" ] || rc=141; U=; read U _ 2>/dev/null </proc/uptime; "
                            "printf '\\n@@TRIAD:%s:END:%1:%s:%s\\n' \"$N\" \"$rc\" \"$U\"\n").arg(i);
        s += QStringLiteral("if [ -s \"$T/err\" ]; then printf '@@TRIAD:%s:ERR:%1\\n' \"$N\"; head -c %2 \"$T/err\"; "
                            "printf '\\n@@TRIAD:%s:ERREND:%1\\n' \"$N\"; fi\n")
                 .arg(i).arg(kStderrCap);
    }
    s += QStringLiteral("printf '@@TRIAD:%s:DONE\\n' \"$N\"\n");
    script.text = s.toUtf8();
    return script;
}

} // namespace triad
