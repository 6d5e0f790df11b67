// Output of a host is hostile input: every collector type's parser, every text format, and the
// splitter of the framed script output must take any bytes. The first byte picks the collector
// type and parse format; the rest is the output.
#include "collect/CollectionScript.h"
#include "collect/ObservationParser.h"
#include "collect/ScriptOutputParser.h"

#include <QDateTime>

#include <cstddef>
#include <cstdint>

using namespace triad;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const auto types = int(CollectorDef::Type::SysctlConfig) + 1;
    const auto formats = int(ParseSpec::Format::Ini) + 1;
    CollectorDef spec;
    spec.id = QStringLiteral("c");
    spec.type = CollectorDef::Type(data[0] % types);
    spec.parse.format = ParseSpec::Format((data[0] / types) % formats);
    spec.parse.separator = (data[1] & 1) ? QStringLiteral("=") : QStringLiteral("whitespace");
    spec.parse.comment = QStringLiteral("#");
    spec.parse.duplicates = ParseSpec::Duplicates(data[1] % 3);
    spec.includeGlob = (data[1] & 8) ? QStringLiteral("/etc/x.d/*.conf") : QString();

    RawOutput raw;
    raw.collectorKey = spec.id;
    raw.status = CollectionStatus::Ok;
    raw.exitCode = data[1] >> 4;
    raw.truncated = (data[1] & 4) != 0;
    raw.stdoutData = QByteArray(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    (void)parseObservation(spec, raw);

    // The same bytes as a whole script's output, framed with a known nonce.
    CollectionScript script;
    script.nonce = "0123456789abcdef0123456789abcdef";
    script.collectors = {PlannedCollector{spec.id, spec, {}}, PlannedCollector{QStringLiteral("d"), spec, {}}};
    (void)parseScriptOutput(raw.stdoutData, script, QDateTime::currentDateTimeUtc());
    return 0;
}
