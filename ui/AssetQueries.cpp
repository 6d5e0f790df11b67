#include "AssetQueries.h"

#include "IssueQueries.h"
#include "db/ProjectDatabase.h"
#include "scan/RunScore.h"
#include "vault/CredentialVault.h"

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace triad::AssetQueries {

namespace {

/// The newest run that included each asset, newest runs first, stopping once every asset has one.
Status fillLastResults(ProjectDatabase &db, QList<AssetRow> &rows)
{
    auto runs = db.runs();
    if (!runs)
        return runs.error();
    QHash<qint64, int> rowOf;
    for (int n = 0; n < rows.size(); ++n)
        rowOf.insert(rows[n].asset.id, n);
    int missing = int(rows.size());
    for (auto run = runs->crbegin(); run != runs->crend() && missing > 0; ++run) {
        auto records = db.runAssets(run->id);
        if (!records)
            return records.error();
        QList<const AssetRunRecord *> wanted;
        for (const AssetRunRecord &r : std::as_const(*records))
            if (rowOf.contains(r.assetId) && !rows[rowOf[r.assetId]].last)
                wanted << &r;
        if (wanted.isEmpty())
            continue;
        auto results = db.results(run->id);
        if (!results)
            return results.error();
        for (const AssetRunRecord *r : std::as_const(wanted)) {
            QList<StoredResult> own;
            for (const StoredResult &s : std::as_const(*results))
                if (s.assetId == r->assetId)
                    own << s;
            AssetLastResult last;
            last.runId = run->id;
            last.templateId = run->templateId;
            last.finishedAt = run->finishedAt.isValid() ? run->finishedAt : run->startedAt;
            last.status = r->status;
            last.error = r->error;
            last.failedChecks = int(std::count_if(own.cbegin(), own.cend(),
                                                  [](const StoredResult &s) { return s.result.status == CheckStatus::Fail; }));
            auto score = scoreResults(db, run->templateId, own, nullptr);
            if (score)
                last.percent = score->percent;
            rows[rowOf[r->assetId]].last = last;
            --missing;
        }
    }
    return {};
}

} // namespace

QFuture<Result<AssetList>> load(const QString &path)
{
    return QtConcurrent::run([path]() -> Result<AssetList> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        auto assets = (*db)->assets();
        if (!assets)
            return assets.error();
        AssetList list;
        for (const Asset &a : std::as_const(*assets))
            list.rows << AssetRow{a, std::nullopt};
        if (auto s = fillLastResults(**db, list.rows); !s)
            return s.error();
        auto credentials = (*db)->credentials();
        if (!credentials)
            return credentials.error();
        for (const StoredCredential &c : std::as_const(*credentials))
            list.credentialKinds.insert(c.name, c.kind);
        auto exists = CredentialVault::exists(**db);
        if (!exists)
            return exists.error();
        list.vaultExists = *exists;
        return list;
    });
}

QFuture<Result<Asset>> save(const QString &path, const Asset &edited, const AssetSecrets &secrets,
                            std::shared_ptr<CredentialVault> vault)
{
    return QtConcurrent::run([path, original = edited, secrets, vault]() -> Result<Asset> {
        Asset asset = original;
        auto db = ProjectDatabase::open(path);
        if (!db)
            return db.error();
        if (auto existing = (*db)->assetByName(asset.name); existing && existing->id != asset.id)
            return makeError(Error::Code::InvalidInput, QStringLiteral("an asset named '%1' exists already").arg(asset.name));
        if (secrets.any()) {
            if (!vault)
                return makeError(Error::Code::InvalidInput, QStringLiteral("the credential vault is locked"));
            if (auto s = storeAssetSecrets(**db, *vault, asset, secrets); !s)
                return s.error();
        }
        const bool adding = asset.id == 0;
        if (adding) {
            auto id = (*db)->addAsset(asset);
            if (!id)
                return id.error();
            asset.id = *id;
        } else {
            auto all = (*db)->assets();
            if (!all)
                return all.error();
            const auto before = std::find_if(all->cbegin(), all->cend(), [&asset](const Asset &a) { return a.id == asset.id; });
            if (before == all->cend())
                return makeError(Error::Code::NotFound, QStringLiteral("the asset was removed meanwhile"), asset.name);
            if (auto s = (*db)->updateAsset(asset); !s)
                return s.error();
            // Its own stored passwords that it no longer uses go (e.g. after switching to key login).
            Asset unused = *before;
            if (unused.credentialRef == asset.credentialRef)
                unused.credentialRef.clear();
            if (unused.sudoCredentialRef == asset.sudoCredentialRef)
                unused.sudoCredentialRef.clear();
            removeOwnAssetSecrets(**db, unused);
        }
        (void)(*db)->appendAudit(IssueQueries::operatorName(), adding ? QStringLiteral("asset.add") : QStringLiteral("asset.edit"),
                                 asset.name + QStringLiteral(" (") + asset.transport + QLatin1Char(')'));
        return asset;
    });
}

QFuture<Status> remove(const QString &path, const Asset &asset)
{
    return QtConcurrent::run([path, asset]() -> Status {
        auto db = ProjectDatabase::open(path);
        if (!db)
            return db.error();
        if (auto s = (*db)->removeAsset(asset.id); !s)
            return s;
        removeOwnAssetSecrets(**db, asset);
        (void)(*db)->appendAudit(IssueQueries::operatorName(), QStringLiteral("asset.remove"), asset.name);
        return {};
    });
}

QFuture<Result<QList<ImportedHost>>> previewImport(const QString &file, std::optional<InventoryImport::Format> format)
{
    return QtConcurrent::run([file, format] { return InventoryImport::importFile(file, format); });
}

QFuture<Result<ImportSummary>> importHosts(const QString &path, const QString &source, const QList<ImportedHost> &hosts,
                                           const QStringList &extraTags)
{
    return QtConcurrent::run([path, source, hosts, extraTags]() -> Result<ImportSummary> {
        auto db = ProjectDatabase::open(path);
        if (!db)
            return db.error();
        ImportSummary summary;
        for (const ImportedHost &h : hosts) {
            if ((*db)->assetByName(h.name)) {
                summary.skipped << h.name;
                continue;
            }
            Asset a;
            a.name = h.name;
            a.transport = QStringLiteral("ssh");
            a.address = h.address;
            a.port = h.port;
            a.user = h.user;
            a.credentialRef = h.keyFile.isEmpty() ? QString() : QStringLiteral("key:") + h.keyFile;
            a.proxyJump = h.proxyJump;
            a.tags = h.tags;
            for (const QString &tag : extraTags)
                if (!tag.trimmed().isEmpty() && !a.tags.contains(tag.trimmed()))
                    a.tags << tag.trimmed();
            if (auto id = (*db)->addAsset(a); !id)
                return id.error();
            summary.added << h.name;
        }
        (void)(*db)->appendAudit(IssueQueries::operatorName(), QStringLiteral("asset.import"),
                                 QStringLiteral("%1: %2 added, %3 skipped").arg(source).arg(summary.added.size()).arg(summary.skipped.size()));
        return summary;
    });
}

QFuture<ConnectionOutcome> testConnection(const QString &path, const Asset &asset, std::shared_ptr<CredentialVault> vault,
                                          const QString &trustFingerprint, const QString &knownHostsFile)
{
    return QtConcurrent::run([path, asset, vault, trustFingerprint, knownHostsFile] {
        ConnectionOutcome outcome;
        ConnectionTestOptions options;
        options.vault = vault.get();
        options.trustFingerprint = trustFingerprint;
        options.knownHostsFile = knownHostsFile;
        outcome.report = triad::testConnection(asset, options);
        if (outcome.report.fingerprintToPin.isEmpty())
            return outcome;
        // Pin on the stored asset as it is now (it may have been edited meanwhile), and only if
        // nothing was pinned in between: a pin is never silently replaced.
        auto db = ProjectDatabase::open(path);
        if (!db) {
            outcome.pinError = db.error();
            return outcome;
        }
        auto stored = (*db)->assetByName(asset.name);
        if (!stored || stored->id != asset.id || !stored->hostKeySha256.isEmpty()) {
            outcome.pinError = makeError(Error::Code::InvalidInput, QStringLiteral("the asset changed during the test; not pinned"),
                                         asset.name);
            return outcome;
        }
        stored->hostKeySha256 = outcome.report.fingerprintToPin;
        if (auto s = (*db)->updateAsset(*stored); !s) {
            outcome.pinError = s.error();
            return outcome;
        }
        (void)(*db)->appendAudit(IssueQueries::operatorName(), QStringLiteral("asset.pin-host-key"),
                                 asset.name + QLatin1Char(' ') + stored->hostKeySha256);
        outcome.pinned = stored->hostKeySha256;
        return outcome;
    });
}

bool needsVault(const Asset &asset, const QHash<QString, QString> &credentialKinds)
{
    if (asset.credentialRef.startsWith(QLatin1String("vault:")) || asset.sudoCredentialRef.startsWith(QLatin1String("vault:")))
        return true;
    return asset.credentialRef.startsWith(QLatin1String("key:"))
        && credentialKinds.contains(CredentialVault::keyPassphraseName(asset.credentialRef.mid(4)));
}

} // namespace triad::AssetQueries
