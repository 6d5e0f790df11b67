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

} // namespace triad
