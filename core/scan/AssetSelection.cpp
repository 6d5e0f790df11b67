#include "AssetSelection.h"

#include <QSet>

namespace triad {

Result<QList<Asset>> selectAssets(const QList<Asset> &assets, const QStringList &selectors)
{
    if (assets.isEmpty())
        return makeError(Error::Code::NotFound, QStringLiteral("the project has no assets (add one with 'assets add')"));
    if (selectors.isEmpty())
        return assets;

    QSet<qint64> chosen;
    for (const QString &selector : selectors) {
        bool matched = false;
        for (const Asset &asset : assets) {
            if (asset.name == selector || asset.tags.contains(selector)) {
                chosen.insert(asset.id);
                matched = true;
            }
        }
        if (!matched)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("no asset is named or tagged '%1'").arg(selector));
    }
    QList<Asset> selected;
    for (const Asset &asset : assets) {
        if (chosen.contains(asset.id))
            selected << asset;
    }
    return selected;
}

} // namespace triad
