#include "Evidence.h"

namespace triad {

QString toString(CollectionStatus status)
{
    switch (status) {
    case CollectionStatus::Ok: return QStringLiteral("ok");
    case CollectionStatus::Timeout: return QStringLiteral("timeout");
    case CollectionStatus::Error: return QStringLiteral("error");
    case CollectionStatus::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

QJsonObject toJson(const AssetTimings &t)
{
    return {{QStringLiteral("connect_ms"), t.connectMs},     {QStringLiteral("auth_ms"), t.authMs},
            {QStringLiteral("collect_ms"), t.collectMs},     {QStringLiteral("evaluate_ms"), t.evaluateMs},
            {QStringLiteral("store_ms"), t.storeMs},         {QStringLiteral("bytes_sent"), t.bytesSent},
            {QStringLiteral("bytes_received"), t.bytesReceived}, {QStringLiteral("commands"), t.commands}};
}

AssetTimings assetTimingsFromJson(const QJsonObject &json)
{
    auto number = [&json](const char *key) { return qint64(json.value(QLatin1String(key)).toDouble()); };
    AssetTimings t;
    t.connectMs = number("connect_ms");
    t.authMs = number("auth_ms");
    t.collectMs = number("collect_ms");
    t.evaluateMs = number("evaluate_ms");
    t.storeMs = number("store_ms");
    t.bytesSent = number("bytes_sent");
    t.bytesReceived = number("bytes_received");
    t.commands = int(number("commands"));
    return t;
}

} // namespace triad
