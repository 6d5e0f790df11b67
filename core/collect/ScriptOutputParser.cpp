#include "ScriptOutputParser.h"

namespace triad {

namespace {

QByteArray frame(const CollectionScript &script, const QByteArray &rest)
{
    return QByteArrayLiteral("@@TRIAD:") + script.nonce + ':' + rest;
}

/// The bytes between `open` (a whole line) and `close` (preceded by the newline the script
/// always prints), searching from `from`. Empty optional when either frame is missing.
std::optional<QByteArray> between(const QByteArray &out, const QByteArray &open, const QByteArray &close, qsizetype from,
                                  qsizetype *closeAt = nullptr)
{
    const qsizetype start = out.indexOf(open, from);
    if (start < 0)
        return std::nullopt;
    const qsizetype body = start + open.size();
    QByteArray needle = close;
    needle.prepend('\n');     // the script prints a newline before every closing frame
    const qsizetype end = out.indexOf(needle, body);
    if (end < 0)
        return std::nullopt;
    if (closeAt)
        *closeAt = end + 1;
    return out.mid(body, end - body);
}

HostFacts parseFacts(const QByteArray &text)
{
    HostFacts facts;
    const QList<QByteArray> lines = text.split('\n');
    facts.hostname = QString::fromUtf8(lines.value(0)).trimmed();
    facts.kernel = QString::fromUtf8(lines.value(1)).trimmed();
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
            value = value.mid(1, value.size() - 2);
        const QByteArray key = line.left(eq).trimmed();
        if (key == "ID")
            facts.osId = value;
        else if (key == "VERSION_ID")
            facts.osVersion = value;
        else if (key == "PRETTY_NAME")
            facts.osPrettyName = value;
    }
    return facts;
}

/// An uptime stamp ("12345.67") in hundredths of a second; -1 when absent or malformed.
qint64 uptimeCentis(const QByteArray &stamp)
{
    const qsizetype dot = stamp.indexOf('.');
    if (dot <= 0 || stamp.size() - dot != 3)
        return -1;
    bool okWhole = false, okFraction = false;
    const qint64 whole = stamp.left(dot).toLongLong(&okWhole);
    const qint64 fraction = stamp.mid(dot + 1).toLongLong(&okFraction);
    if (!okWhole || !okFraction || whole < 0 || fraction < 0 || whole > (qint64(1) << 40))
        return -1;
    return whole * 100 + fraction;
}

/// The rest of the line that starts at `from` (without the newline).
QByteArray restOfLine(const QByteArray &output, qsizetype from)
{
    const qsizetype end = output.indexOf('\n', from);
    return output.mid(from, end < 0 ? -1 : end - from);
}

} // namespace

bool scriptCompleted(const QByteArray &output, const CollectionScript &script)
{
    return output.contains(frame(script, "DONE\n"));
}

CollectionBatch parseScriptOutput(const QByteArray &output, const CollectionScript &script, const QDateTime &collectedAt)
{
    CollectionBatch batch;
    qsizetype factsEnd = -1;
    const QByteArray factsClose = frame(script, "FACTSEND:");
    if (auto facts = between(output, frame(script, "FACTS\n"), factsClose, 0, &factsEnd))
        batch.facts = parseFacts(*facts);
    // Each collector's duration is the distance between its END stamp and the previous stamp;
    // hosts without /proc/uptime give no stamps, and durations stay 0 (not measured).
    qint64 previousStamp = factsEnd < 0 ? -1 : uptimeCentis(restOfLine(output, factsEnd + factsClose.size()));

    qsizetype cursor = 0;
    for (qsizetype i = 0; i < script.collectors.size(); ++i) {
        const CollectorDef &spec = script.collectors.at(i).spec;
        RawOutput raw;
        raw.collectorKey = script.collectors.at(i).key;
        raw.command = displayCommand(spec);
        raw.collectedAt = collectedAt;

        const QByteArray index = QByteArray::number(i);
        const QByteArray endPrefix = frame(script, "END:" + index + ':');
        qsizetype closeAt = -1;
        auto body = between(output, frame(script, "BEGIN:" + index + '\n'), endPrefix, cursor, &closeAt);
        if (!body) {
            raw.status = CollectionStatus::Error;
            raw.errorMessage = QStringLiteral("collection stopped before this collector finished");
            batch.outputs << raw;
            continue;
        }
        const qsizetype codeStart = closeAt + endPrefix.size();
        const QByteArray endLine = restOfLine(output, codeStart);     // "<exit code>:<uptime>"
        const qsizetype colon = endLine.indexOf(':');
        bool ok = false;
        raw.exitCode = endLine.left(colon).toInt(&ok);
        if (!ok)
            raw.exitCode = -1;
        const qint64 stamp = colon < 0 ? -1 : uptimeCentis(endLine.mid(colon + 1));
        if (stamp >= 0 && previousStamp >= 0 && stamp >= previousStamp)
            raw.durationMs = (stamp - previousStamp) * 10;
        previousStamp = stamp;
        cursor = codeStart + endLine.size();

        raw.stdoutData = *body;
        if (raw.stdoutData.size() > spec.maxBytes) {
            raw.stdoutData.truncate(spec.maxBytes);
            raw.truncated = true;
        }
        if (auto err = between(output, frame(script, "ERR:" + index + '\n'), frame(script, "ERREND:" + index + '\n'), cursor))
            raw.stderrData = *err;

        if (raw.exitCode == kExitTimedOut) {
            raw.status = CollectionStatus::Timeout;
            raw.errorMessage = QStringLiteral("timed out after %1 s").arg(spec.timeoutSeconds);
        } else if (raw.exitCode == kExitNeedsRoot && spec.sudo) {
            raw.status = CollectionStatus::Error;
            raw.errorMessage = QStringLiteral("needs root: connect as root or allow passwordless sudo (sudo -n was refused)");
        } else {
            raw.status = CollectionStatus::Ok;
        }
        batch.outputs << raw;
    }
    return batch;
}

} // namespace triad
