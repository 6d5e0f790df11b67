#include "SysctlConfig.h"

#include "common/ShellQuote.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <fnmatch.h>

namespace triad {

const QStringList &sysctlConfigDirs()
{
    static const QStringList dirs{QStringLiteral("/etc/sysctl.d"), QStringLiteral("/run/sysctl.d"),
                                  QStringLiteral("/usr/local/lib/sysctl.d"), QStringLiteral("/usr/lib/sysctl.d"),
                                  QStringLiteral("/lib/sysctl.d")};
    return dirs;
}

QString sysctlConfigMainFile()
{
    return QStringLiteral("/etc/sysctl.conf");
}

QString sysctlConfigSnippet()
{
    QStringList dirs;
    for (const QString &d : sysctlConfigDirs())
        dirs << shellQuote(d);
    // `read` and `printf` are builtins: the whole configuration costs no process per file or key.
    return QStringLiteral("r() { if [ -f \"$1\" ]; then if [ -r \"$1\" ]; then printf '=%s\\n' \"$1\"; "
                          "while IFS= read -r l || [ -n \"$l\" ]; do printf ' %s\\n' \"$l\"; done <\"$1\"; "
                          "else printf '!%s\\n' \"$1\"; fi; elif [ -e \"$1\" ]; then printf '~%s\\n' \"$1\"; fi; }; "
                          "for d in %1; do [ -d \"$d\" ] || continue; for f in \"$d\"/*.conf; do r \"$f\"; done; done; r %2")
        .arg(dirs.join(QLatin1Char(' ')), shellQuote(sysctlConfigMainFile()));
}

QString sysctlConfigDisplay()
{
    // Not "sysctl --system": that command applies the files, and this one only reads them.
    return QStringLiteral("cat %1/*.conf %2").arg(sysctlConfigDirs().join(QStringLiteral("/*.conf ")), sysctlConfigMainFile());
}

namespace {

struct FileBlock {
    char kind = '=';            ///< '=' read, '!' unreadable, '~' masks (not a regular file)
    QString path;
    QStringList lines;
};

struct Assignment {
    QString value;
    bool set = true;            ///< false: "-key" alone, the key is kept out of globs
    QString origin;
};

struct GlobAssignment {
    QString pattern;
    QString value;
    QString origin;
};

Observation failed(const QString &why)
{
    return Observation{Observation::State::Error, {}, why, {}, {}};
}

/// sysctl.d(5): with a slash as the first separator, slashes separate and dots are part of names;
/// with a dot first, dots and slashes are interchanged. The result is the dotted form.
QString normalizedKey(QString key)
{
    key = key.trimmed();
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    if (slash >= 0 && (dot < 0 || slash < dot)) {
        for (QChar &c : key) {
            if (c == QLatin1Char('/'))
                c = QLatin1Char('.');
            else if (c == QLatin1Char('.'))
                c = QLatin1Char('/');
        }
    }
    while (key.startsWith(QLatin1Char('.')))
        key.remove(0, 1);
    return key;
}

/// The dotted form back to a /proc/sys-style path, for fnmatch with FNM_PATHNAME.
QByteArray pathForm(const QString &dotted)
{
    QString p = dotted;
    for (QChar &c : p) {
        if (c == QLatin1Char('.'))
            c = QLatin1Char('/');
        else if (c == QLatin1Char('/'))
            c = QLatin1Char('.');
    }
    return p.toUtf8();
}

bool isGlob(const QString &key)
{
    return key.contains(QLatin1Char('*')) || key.contains(QLatin1Char('?')) || key.contains(QLatin1Char('['));
}

/// The keys a glob is resolved for: each wildcard component replaced by "all" or "default".
QStringList globCandidates(const QString &pattern)
{
    const QStringList parts = pattern.split(QLatin1Char('.'));
    QList<qsizetype> wild;
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (isGlob(parts.at(i)))
            wild << i;
    if (wild.isEmpty() || wild.size() > 3 || pattern.size() > 256)
        return {};
    QStringList out;
    for (int bits = 0; bits < (1 << wild.size()); ++bits) {
        QStringList candidate = parts;
        for (qsizetype w = 0; w < wild.size(); ++w)
            candidate[wild.at(w)] = (bits >> w) & 1 ? QStringLiteral("default") : QStringLiteral("all");
        out << candidate.join(QLatin1Char('.'));
    }
    return out;
}

QList<FileBlock> blocksOf(const QByteArray &output)
{
    QList<FileBlock> blocks;
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        const char head = line.at(0);
        if (head == '=' || head == '!' || head == '~')
            blocks.append(FileBlock{head, QString::fromUtf8(line.mid(1)), {}});
        else if (head == ' ' && !blocks.isEmpty())
            blocks.last().lines << QString::fromUtf8(line.mid(1));
    }
    return blocks;
}

} // namespace

Observation parseSysctlConfig(const RawOutput &raw)
{
    if (raw.exitCode != 0) {
        const QString why = QString::fromUtf8(raw.stderrData).trimmed().left(300);
        return failed(QStringLiteral("reading the sysctl configuration failed (exit %1)%2")
                          .arg(raw.exitCode).arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    if (raw.truncated)
        return failed(QStringLiteral("the sysctl configuration is longer than the collector's output cap"));

    const QList<FileBlock> blocks = blocksOf(raw.stdoutData);
    // Of the files with one name, the one in the first folder of the list counts.
    QMap<QString, std::pair<qsizetype, const FileBlock *>> byName;     // sorted by file name
    const FileBlock *mainFile = nullptr;
    for (const FileBlock &b : blocks) {
        if (b.path == sysctlConfigMainFile()) {
            mainFile = &b;
            continue;
        }
        const qsizetype slash = b.path.lastIndexOf(QLatin1Char('/'));
        const qsizetype rank = sysctlConfigDirs().indexOf(b.path.left(slash));
        if (slash < 0 || rank < 0)
            continue;
        const QString name = b.path.mid(slash + 1);
        const auto it = byName.constFind(name);
        if (it == byName.cend() || rank < it->first)
            byName.insert(name, {rank, &b});
    }
    QList<const FileBlock *> order;
    for (const auto &entry : std::as_const(byName))
        order << entry.second;
    if (mainFile)
        order << mainFile;

    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    QHash<QString, Assignment> explicitKeys;
    QList<GlobAssignment> globs;
    for (const FileBlock *file : std::as_const(order)) {
        if (file->kind == '!')
            return failed(QStringLiteral("cannot read %1").arg(file->path));
        for (qsizetype n = 0; n < file->lines.size(); ++n) {
            const QString line = file->lines.at(n).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
                continue;
            const QString origin = QStringLiteral("%1:%2").arg(file->path).arg(n + 1);
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq < 0) {
                // "-key" alone keeps the key out of every glob; a bare word is not an assignment.
                if (line.startsWith(QLatin1Char('-'))) {
                    const QString key = normalizedKey(line.mid(1));
                    if (!key.isEmpty())
                        explicitKeys.insert(key, Assignment{{}, false, origin});
                }
                continue;
            }
            QString key = line.left(eq).trimmed();
            if (key.startsWith(QLatin1Char('-')))
                key.remove(0, 1);
            key = normalizedKey(key);
            if (key.isEmpty())
                continue;
            const QString value = line.mid(eq + 1).trimmed().replace(blanks, QStringLiteral(" "));
            if (isGlob(key)) {
                globs.removeIf([&key](const GlobAssignment &g) { return g.pattern == key; });
                globs.append(GlobAssignment{key, value, origin});
            } else {
                explicitKeys.insert(key, Assignment{value, true, origin});
            }
        }
    }

    QVariantMap values;
    QHash<QString, QString> origins;
    for (auto it = explicitKeys.cbegin(); it != explicitKeys.cend(); ++it) {
        if (!it->set)
            continue;
        values.insert(it.key(), it->value);
        origins.insert(it.key(), it->origin);
    }
    // A key named by any line is not touched by globs; of several globs the last one wins.
    for (const GlobAssignment &g : std::as_const(globs)) {
        const QByteArray pattern = pathForm(g.pattern);
        for (const QString &candidate : globCandidates(g.pattern)) {
            if (explicitKeys.contains(candidate) || ::fnmatch(pattern.constData(), pathForm(candidate).constData(), FNM_PATHNAME) != 0)
                continue;
            values.insert(candidate, g.value);
            origins.insert(candidate, QStringLiteral("%1, by %2").arg(g.origin, g.pattern));
        }
    }
    Observation obs{Observation::State::Value, values, {}, origins, {}};
    obs.unsetText = QStringLiteral("not set in any sysctl configuration file");
    return obs;
}

} // namespace triad
