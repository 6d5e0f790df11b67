#include "InventoryImport.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <fnmatch.h>

namespace triad::InventoryImport {

namespace {

Error lineError(const QString &file, int line, const QString &message)
{
    return makeError(Error::Code::InvalidInput, message, file + QLatin1Char(':') + QString::number(line));
}

bool parsePort(const QString &text, int &port)
{
    bool ok = false;
    const int p = text.trimmed().toInt(&ok);
    if (!ok || p < 1 || p > 65535)
        return false;
    port = p;
    return true;
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        const QString tag = t.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    }
    return tags;
}

/// Splits one CSV record (RFC 4180 quoting; fields may not span lines).
Result<QStringList> csvFields(const QString &line, const QString &file, int lineNo)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            fields << field.trimmed();
            field.clear();
        } else {
            field += c;
        }
    }
    if (quoted)
        return lineError(file, lineNo, QStringLiteral("unterminated quote"));
    fields << field.trimmed();
    return fields;
}

bool matchesPattern(const QString &host, const QString &pattern)
{
    const QByteArray h = host.toUtf8();
    const QByteArray p = pattern.toUtf8();
    return ::fnmatch(p.constData(), h.constData(), 0) == 0;
}

/// ssh_config(5) pattern lists: any positive match, and no negated (!pattern) match.
bool hostMatches(const QString &host, const QStringList &patterns)
{
    bool positive = false;
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (matchesPattern(host, pattern.mid(1)))
                return false;
        } else if (matchesPattern(host, pattern)) {
            positive = true;
        }
    }
    return positive;
}

bool isWildcard(const QString &pattern)
{
    return pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?')) || pattern.startsWith(QLatin1Char('!'));
}

constexpr int kMaxHostsPerPattern = 10000;

/// "web[01:03]" -> web01, web02, web03 (Ansible's numeric and alphabetic ranges).
Result<QStringList> expandRange(const QString &pattern, const QString &file, int lineNo)
{
    static const QRegularExpression range(QStringLiteral("^(.*)\\[([0-9a-z]+):([0-9a-z]+)\\](.*)$"));
    const auto m = range.match(pattern);
    if (!m.hasMatch())
        return QStringList{pattern};
    const QString from = m.captured(2);
    const QString to = m.captured(3);
    QStringList names;
    bool okFrom = false;
    bool okTo = false;
    const int a = from.toInt(&okFrom);
    const int b = to.toInt(&okTo);
    if (okFrom && okTo) {
        if (b < a || b - a >= kMaxHostsPerPattern)
            return lineError(file, lineNo, QStringLiteral("bad host range [%1:%2]").arg(from, to));
        for (int i = a; i <= b; ++i)
            names << m.captured(1) + QStringLiteral("%1").arg(i, int(from.size()), 10, QLatin1Char('0')) + m.captured(4);
    } else if (from.size() == 1 && to.size() == 1 && from <= to) {
        for (QChar c = from.at(0); c <= to.at(0); c = QChar(c.unicode() + 1))
            names << m.captured(1) + c + m.captured(4);
    } else {
        return lineError(file, lineNo, QStringLiteral("bad host range [%1:%2]").arg(from, to));
    }
    // Further ranges in the same name expand recursively; the cap holds for the product too
    // ("h[0:9999][0:9999]" would otherwise be a hundred million names).
    QStringList all;
    for (const QString &n : std::as_const(names)) {
        auto more = expandRange(n, file, lineNo);
        if (!more)
            return more.error();
        all << *more;
        if (all.size() > kMaxHostsPerPattern)
            return lineError(file, lineNo, QStringLiteral("host pattern '%1' expands to more than %2 hosts").arg(pattern).arg(kMaxHostsPerPattern));
    }
    return all;
}

QMap<QString, QString> keyValues(const QStringList &words)
{
    QMap<QString, QString> vars;
    for (const QString &w : words) {
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        if (eq > 0)
            vars.insert(w.left(eq), w.mid(eq + 1));
    }
    return vars;
}

QString unquote(const QString &s)
{
    if (s.size() >= 2 && ((s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"'))) ||
                          (s.startsWith(QLatin1Char('\'')) && s.endsWith(QLatin1Char('\'')))))
        return s.mid(1, s.size() - 2);
    return s;
}

} // namespace

Format detect(const QString &path, const QByteArray &content)
{
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        return Format::Csv;
    static const QRegularExpression hostLine(QStringLiteral("^\\s*Host\\s+\\S"),
                                             QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    if (QFileInfo(path).fileName() == QLatin1String("config") || hostLine.match(QString::fromUtf8(content)).hasMatch())
        return Format::SshConfig;
    return Format::AnsibleIni;
}

Result<QList<ImportedHost>> parseCsv(const QByteArray &content, const QString &fileName)
{
    const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
    QHash<QString, int> column;
    QList<ImportedHost> hosts;
    QSet<QString> seen;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        auto fields = csvFields(line, fileName, lineNo);
        if (!fields)
            return fields.error();
        if (column.isEmpty()) {
            for (qsizetype c = 0; c < fields->size(); ++c)
                column.insert(fields->at(c).toLower().replace(QLatin1Char(' '), QLatin1Char('_')), int(c));
            if (!column.contains(QStringLiteral("name")))
                return lineError(fileName, lineNo, QStringLiteral("the header row has no 'name' column"));
            continue;
        }
        auto value = [&](const QString &key) {
            return column.contains(key) ? fields->value(column.value(key)) : QString();
        };
        ImportedHost host;
        host.line = lineNo;
        host.name = value(QStringLiteral("name"));
        if (host.name.isEmpty())
            return lineError(fileName, lineNo, QStringLiteral("empty name"));
        if (seen.contains(host.name))
            return lineError(fileName, lineNo, QStringLiteral("host '%1' is listed twice").arg(host.name));
        seen.insert(host.name);
        host.address = value(QStringLiteral("address"));
        if (host.address.isEmpty())
            host.address = host.name;
        const QString port = value(QStringLiteral("port"));
        if (!port.isEmpty() && !parsePort(port, host.port))
            return lineError(fileName, lineNo, QStringLiteral("port '%1' is not a number from 1 to 65535").arg(port));
        host.user = value(QStringLiteral("user"));
        host.keyFile = value(QStringLiteral("key"));
        host.proxyJump = value(QStringLiteral("proxy_jump"));
        host.tags = splitTags(value(QStringLiteral("tags")));
        hosts << host;
    }
    if (column.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("empty CSV file"), fileName);
    return hosts;
}

Result<QList<ImportedHost>> parseSshConfig(const QByteArray &content, const QString &fileName)
{
    struct Block {
        QStringList patterns;
        QList<std::pair<QString, QString>> settings;   // keyword (lower case), value, in order
        int line = 0;
    };
    QList<Block> blocks;
    bool inMatch = false;
    const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
    static const QRegularExpression split(QStringLiteral("^\\s*(\\S+?)(?:\\s*=\\s*|\\s+)(.*?)\\s*$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto m = split.match(line);
        if (!m.hasMatch())
            return lineError(fileName, lineNo, QStringLiteral("expected 'Keyword value'"));
        const QString keyword = m.captured(1).toLower();
        const QString value = m.captured(2);
        if (keyword == QLatin1String("host")) {
            inMatch = false;
            Block b;
            b.patterns = value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            b.line = lineNo;
            blocks << b;
        } else if (keyword == QLatin1String("match")) {
            inMatch = true;     // conditions (exec, user, ...) cannot be evaluated offline
        } else if (!inMatch) {
            if (blocks.isEmpty()) {
                Block global;
                global.patterns = {QStringLiteral("*")};
                global.line = lineNo;
                blocks << global;
            }
            blocks.last().settings.append({keyword, unquote(value)});
        }
    }

    QList<ImportedHost> hosts;
    QSet<QString> seen;
    for (const Block &block : std::as_const(blocks)) {
        for (const QString &pattern : block.patterns) {
            if (isWildcard(pattern) || seen.contains(pattern))
                continue;
            seen.insert(pattern);
            ImportedHost host;
            host.name = pattern;
            host.line = block.line;
            QSet<QString> set;
            // ssh(1): for each keyword the first value obtained from a matching block wins.
            for (const Block &b : std::as_const(blocks)) {
                if (!hostMatches(pattern, b.patterns))
                    continue;
                for (const auto &[keyword, value] : b.settings) {
                    if (set.contains(keyword))
                        continue;
                    set.insert(keyword);
                    if (keyword == QLatin1String("hostname"))
                        host.address = value;
                    else if (keyword == QLatin1String("port") && !parsePort(value, host.port))
                        return lineError(fileName, b.line, QStringLiteral("Port '%1' is not a number from 1 to 65535").arg(value));
                    else if (keyword == QLatin1String("user"))
                        host.user = value;
                    else if (keyword == QLatin1String("identityfile"))
                        host.keyFile = value;
                    else if (keyword == QLatin1String("proxyjump") && value.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
                        host.proxyJump = value;
                }
            }
            if (host.address.isEmpty())
                host.address = host.name;
            hosts << host;
        }
    }
    return hosts;
}

Result<QList<ImportedHost>> parseAnsibleIni(const QByteArray &content, const QString &fileName)
{
    QMap<QString, ImportedHost> byName;
    QStringList order;
    QHash<QString, QStringList> groupsOfHost;
    QHash<QString, QStringList> parentsOfGroup;     // child group -> parent groups
    QHash<QString, QMap<QString, QString>> groupVars;

    QString section;
    QString sectionKind;    // "" hosts, "children", "vars"
    const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
    static const QRegularExpression header(QStringLiteral("^\\[([^\\]:]+)(?::(\\w+))?\\]$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const auto m = header.match(line);
            if (!m.hasMatch())
                return lineError(fileName, lineNo, QStringLiteral("bad section header '%1'").arg(line));
            section = m.captured(1).trimmed();
            sectionKind = m.captured(2);
            if (!sectionKind.isEmpty() && sectionKind != QLatin1String("children") && sectionKind != QLatin1String("vars"))
                return lineError(fileName, lineNo, QStringLiteral("unknown section kind ':%1'").arg(sectionKind));
            continue;
        }
        const QStringList words = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (sectionKind == QLatin1String("vars")) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return lineError(fileName, lineNo, QStringLiteral("expected 'name=value' in [%1:vars]").arg(section));
            groupVars[section].insert(line.left(eq).trimmed(), unquote(line.mid(eq + 1).trimmed()));
            continue;
        }
        if (sectionKind == QLatin1String("children")) {
            parentsOfGroup[words.first()].append(section);
            continue;
        }
        auto names = expandRange(words.first(), fileName, lineNo);
        if (!names)
            return names.error();
        const QMap<QString, QString> vars = keyValues(words.mid(1));
        for (const QString &name : std::as_const(*names)) {
            if (!byName.contains(name)) {
                ImportedHost host;
                host.name = name;
                host.address = name;
                host.line = lineNo;
                byName.insert(name, host);
                order << name;
            }
            ImportedHost &host = byName[name];
            if (vars.contains(QStringLiteral("ansible_host")))
                host.address = vars.value(QStringLiteral("ansible_host"));
            if (vars.contains(QStringLiteral("ansible_user")))
                host.user = vars.value(QStringLiteral("ansible_user"));
            if (vars.contains(QStringLiteral("ansible_ssh_private_key_file")))
                host.keyFile = vars.value(QStringLiteral("ansible_ssh_private_key_file"));
            if (vars.contains(QStringLiteral("ansible_port")) && !parsePort(vars.value(QStringLiteral("ansible_port")), host.port))
                return lineError(fileName, lineNo, QStringLiteral("ansible_port is not a number from 1 to 65535"));
            if (!section.isEmpty() && section != QLatin1String("all") && section != QLatin1String("ungrouped"))
                groupsOfHost[name].append(section);
        }
    }

    QList<ImportedHost> hosts;
    for (const QString &name : std::as_const(order)) {
        ImportedHost host = byName.value(name);
        // The host's groups and, transitively, their parent groups become its tags.
        QStringList pending = groupsOfHost.value(name);
        while (!pending.isEmpty()) {
            const QString group = pending.takeFirst();
            if (host.tags.contains(group))
                continue;
            host.tags << group;
            pending << parentsOfGroup.value(group);
        }
        // Group variables fill in what the host line left open.
        for (const QString &group : std::as_const(host.tags)) {
            const auto vars = groupVars.value(group);
            if (host.user.isEmpty())
                host.user = vars.value(QStringLiteral("ansible_user"));
            if (host.keyFile.isEmpty())
                host.keyFile = vars.value(QStringLiteral("ansible_ssh_private_key_file"));
            if (host.port == 22 && vars.contains(QStringLiteral("ansible_port")))
                parsePort(vars.value(QStringLiteral("ansible_port")), host.port);
        }
        hosts << host;
    }
    return hosts;
}

Result<QList<ImportedHost>> importFile(const QString &path, std::optional<Format> format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("cannot read: %1").arg(file.errorString()), path);
    if (file.size() > 64 * 1024 * 1024)
        return makeError(Error::Code::InvalidInput, QStringLiteral("inventory larger than 64 MiB"), path);
    const QByteArray content = file.readAll();
    switch (format.value_or(detect(path, content))) {
    case Format::Csv: return parseCsv(content, path);
    case Format::SshConfig: return parseSshConfig(content, path);
    case Format::AnsibleIni: return parseAnsibleIni(content, path);
    }
    return makeError(Error::Code::Internal, QStringLiteral("unknown inventory format"), path);
}

} // namespace triad::InventoryImport
