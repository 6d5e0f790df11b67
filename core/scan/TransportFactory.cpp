#include "TransportFactory.h"

#include "collect/LocalTransport.h"

namespace triad {

Result<std::unique_ptr<Transport>> makeTransport(const Asset &asset)
{
    if (asset.transport == QLatin1String("local"))
        return std::unique_ptr<Transport>(std::make_unique<LocalTransport>());
    return makeError(Error::Code::Unsupported,
                     QStringLiteral("transport '%1' is not available in this build of Triad").arg(asset.transport),
                     asset.name);
}

} // namespace triad
