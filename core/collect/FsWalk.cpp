#include "FsWalk.h"

#include "common/ShellQuote.h"

#include <QStringList>

namespace triad {

namespace {

// Never walked: their contents are not files on this host's disks, and some never end.
const QStringList kPrunedFsTypes{
    QStringLiteral("proc"),       QStringLiteral("sysfs"),      QStringLiteral("devtmpfs"),  QStringLiteral("devpts"),
    QStringLiteral("cgroup"),     QStringLiteral("cgroup2"),    QStringLiteral("securityfs"), QStringLiteral("debugfs"),
    QStringLiteral("tracefs"),    QStringLiteral("pstore"),     QStringLiteral("bpf"),       QStringLiteral("fusectl"),
    QStringLiteral("configfs"),   QStringLiteral("mqueue"),     QStringLiteral("hugetlbfs"), QStringLiteral("autofs"),
    QStringLiteral("binfmt_misc"), QStringLiteral("efivarfs"),  QStringLiteral("nsfs"),      QStringLiteral("nfs"),
    QStringLiteral("nfs4"),       QStringLiteral("cifs"),       QStringLiteral("smb3"),      QStringLiteral("smbfs"),
    QStringLiteral("fuse.sshfs"), QStringLiteral("9p"),         QStringLiteral("ceph"),      QStringLiteral("glusterfs"),
    QStringLiteral("afs")};

// kind letter -> list name in the observation
struct RecordKind {
    char letter;
    const char *list;
};
constexpr RecordKind kKinds[] = {
    {'S', "suid_sgid_files"},
    {'W', "world_writable_files"},
    {'D', "world_writable_dirs_without_sticky"},
    {'O', "unowned"},
};

bool isTrue(const QString &s)
{
    return s == QLatin1String("true") || s == QLatin1String("1") || s == QLatin1String("yes");
}

QStringList printfAction(char letter)
{
    return {QStringLiteral("-printf"), QStringLiteral("%1|%y|%m|%U|%G|%u|%g|%p\\0").arg(QLatin1Char(letter))};
}

QString typeName(const QString &letter)
{
    if (letter == QLatin1String("f"))
        return QStringLiteral("file");
    if (letter == QLatin1String("d"))
        return QStringLiteral("directory");
    if (letter == QLatin1String("l"))
        return QStringLiteral("symlink");
    if (letter == QLatin1String("s"))
        return QStringLiteral("socket");
    if (letter == QLatin1String("p"))
        return QStringLiteral("fifo");
    if (letter == QLatin1String("b"))
        return QStringLiteral("block");
    if (letter == QLatin1String("c"))
        return QStringLiteral("char");
    return QStringLiteral("other");
}

} // namespace

Result<QString> fsWalkSnippet(const CollectorDef &c)
{
    auto invalid = [&c](const QString &message) {
        return makeError(Error::Code::InvalidInput, QStringLiteral("collector %1: %2").arg(c.id, message), c.location.toString());
    };
    if (c.roots.isEmpty())
        return invalid(QStringLiteral("a fswalk collector needs at least one root"));
    for (const QString &root : c.roots) {
        if (!root.startsWith(QLatin1Char('/')) || root.contains(QLatin1Char('\n')) || root.contains(QChar(0)))
            return invalid(QStringLiteral("walk root '%1' is not an absolute path").arg(root));
    }
    for (const QString &e : c.excludes) {
        if (e.isEmpty() || e.contains(QLatin1Char('\n')) || e.contains(QChar(0)))
            return invalid(QStringLiteral("exclude pattern '%1' is empty or holds a newline").arg(e));
    }
    const QString cross = c.crossMounts.trimmed().toLower();
    if (!isTrue(cross) && cross != QLatin1String("false") && cross != QLatin1String("0") && cross != QLatin1String("no"))
        return invalid(QStringLiteral("cross_mounts must be true or false, not '%1'").arg(c.crossMounts));

    QStringList head{QStringLiteral("find")};
    head << c.roots;
    if (!isTrue(cross))
        head << QStringLiteral("-xdev");
    QStringList pruned;
    for (const QString &fs : kPrunedFsTypes)
        pruned << (pruned.isEmpty() ? QStringList() : QStringList{QStringLiteral("-o")}) << QStringLiteral("-fstype") << fs;
    for (const QString &e : c.excludes)
        pruned << QStringLiteral("-o") << QStringLiteral("-path") << e;
    head << QStringLiteral("(") << pruned << QStringLiteral(")") << QStringLiteral("-prune") << QStringLiteral("-o");
    // GNU find's comma operator evaluates every branch for every file: one pass, four reports.
    QStringList modes;
    modes << QStringLiteral("(")
          << QStringLiteral("(") << QStringLiteral("-type") << QStringLiteral("f") << QStringLiteral("-perm") << QStringLiteral("/6000")
          << printfAction('S') << QStringLiteral(")") << QStringLiteral(",")
          << QStringLiteral("(") << QStringLiteral("-type") << QStringLiteral("f") << QStringLiteral("-perm") << QStringLiteral("-0002")
          << printfAction('W') << QStringLiteral(")") << QStringLiteral(",")
          << QStringLiteral("(") << QStringLiteral("-type") << QStringLiteral("d") << QStringLiteral("-perm") << QStringLiteral("-0002")
          << QStringLiteral("!") << QStringLiteral("-perm") << QStringLiteral("-1000") << printfAction('D') << QStringLiteral(")")
          << QStringLiteral(",");

    // Unowned files: -nouser/-nogroup ask NSS for every file's ids (4x slower on a large tree).
    // Instead, ids missing from the enumerated account lists make a file a candidate ('C'), and
    // only those few ids are looked up one by one afterwards, each once (directories such as LDAP
    // may not enumerate). The id lists hold digits only, so they are safe as unquoted words.
    static const QString prologue = QStringLiteral(R"SH(command -v find >/dev/null 2>&1 || { echo 'find is not installed' >&2; exit 3; }
find / -maxdepth 0 -printf '' 2>/dev/null || { echo 'find has no -printf (GNU findutils needed)' >&2; exit 3; }
ids() { { getent "$1" 2>/dev/null || cat "/etc/$1"; } | cut -d: -f3 | sort -un |
  while read -r i; do case $i in ''|*[!0-9]*) ;; *) printf ' -o -%s %s' "$2" "$i";; esac; done; }
known() { if command -v getent >/dev/null 2>&1; then getent "$1" "$2" >/dev/null 2>&1; else grep -q "^[^:]*:[^:]*:$2:" "/etc/$1"; fi; }
U=$(ids passwd uid); G=$(ids group gid)
if [ -n "$U" ] && [ -n "$G" ]; then set -- '!' '(' ${U# -o } ')' -o '!' '(' ${G# -o } ')'; else set -- -nouser -o -nogroup; fi
)SH");
    static const QString epilogue = QStringLiteral(R"SH( | tr '\n\000' '\036\n' | {
okU=; badU=; okG=; badG=
while IFS= read -r l; do
  case $l in 'C|'*) ;; *) printf '%s\n' "$l"; continue;; esac
  IFS='|' read -r k y m u g un gn p <<EOF
$l
EOF
  case " $okU " in *" $u "*) nu=0;; *) case " $badU " in *" $u "*) nu=1;; *)
    if known passwd "$u"; then okU="$okU $u"; nu=0; else badU="$badU $u"; nu=1; fi;; esac;; esac
  case " $okG " in *" $g "*) ng=0;; *) case " $badG " in *" $g "*) ng=1;; *)
    if known group "$g"; then okG="$okG $g"; ng=0; else badG="$badG $g"; ng=1; fi;; esac;; esac
  if [ $nu = 1 ] || [ $ng = 1 ]; then printf 'O|%s|%s|%s|%s|%s|%s|%s\n' "$y" "$m" "$u" "$g" "$un" "$gn" "$p"; fi
done; })SH");
    return QString(prologue + shellJoin(head + modes) + QStringLiteral(" '(' \"$@\" ')' ") +
           shellJoin(printfAction('C') + QStringList{QStringLiteral(")")}) + epilogue);
}

QString fsWalkDisplay(const CollectorDef &c)
{
    QString s = QStringLiteral("find ") + c.roots.join(QLatin1Char(' '));
    if (!isTrue(c.crossMounts.trimmed().toLower()))
        s += QStringLiteral(" -xdev");
    if (!c.excludes.isEmpty())
        s += QStringLiteral(" (excluding %1)").arg(c.excludes.join(QStringLiteral(", ")));
    return s + QStringLiteral(" for SUID/SGID, world-writable and unowned files");
}

Observation parseFsWalk(const RawOutput &raw)
{
    if (raw.exitCode != 0) {
        const QString why = QString::fromUtf8(raw.stderrData).trimmed().left(300);
        return Observation{Observation::State::Error, {},
                           QStringLiteral("filesystem walk failed (exit %1)%2").arg(raw.exitCode).arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why), {}, {}};
    }
    QHash<char, QVariantList> lists;
    QByteArray data = raw.stdoutData;
    // A capped walk ends in the middle of a record: drop it rather than report half a path.
    if (raw.truncated && !data.endsWith('\n'))
        data.truncate(data.lastIndexOf('\n') + 1);
    for (const QByteArray &line : data.split('\n')) {
        if (line.size() < 3 || line.at(1) != '|')
            continue;
        const char kind = line.at(0);
        // kind|type|mode|uid|gid|owner|group|path: the path is last and may itself hold '|'.
        const QList<QByteArray> f = line.split('|');
        if (f.size() < 8)
            continue;
        QString path = QString::fromUtf8(line.mid(line.indexOf('|') + 1).split('|').mid(6).join('|'));
        path.replace(QChar(0x1e), QStringLiteral("\\n"));
        const QString mode = QString::fromLatin1(f.at(2));
        const uint bits = mode.toUInt(nullptr, 8);
        const QString owner = QString::fromUtf8(f.at(5));
        const QString group = QString::fromUtf8(f.at(6));
        QVariantMap entry{{QStringLiteral("path"), path},
                          {QStringLiteral("type"), typeName(QString::fromLatin1(f.at(1)))},
                          {QStringLiteral("mode"), mode.rightJustified(4, QLatin1Char('0'))},
                          {QStringLiteral("uid"), f.at(3).toLongLong()},
                          {QStringLiteral("gid"), f.at(4).toLongLong()},
                          {QStringLiteral("owner"), owner},
                          {QStringLiteral("group"), group}};
        if (kind == 'S') {
            entry.insert(QStringLiteral("suid"), (bits & 04000) != 0);
            entry.insert(QStringLiteral("sgid"), (bits & 02000) != 0);
        } else if (kind == 'O') {
            // find prints the number where no name exists: that is what makes the file unowned.
            entry.insert(QStringLiteral("no_user"), owner == QString::fromLatin1(f.at(3)));
            entry.insert(QStringLiteral("no_group"), group == QString::fromLatin1(f.at(4)));
        }
        lists[kind] << entry;
    }
    QVariantMap value;
    for (const RecordKind &k : kKinds)
        value.insert(QString::fromLatin1(k.list), lists.value(k.letter));
    value.insert(QStringLiteral("truncated"), raw.truncated);
    return Observation{Observation::State::Value, value, {}, {}, {}};
}

} // namespace triad
