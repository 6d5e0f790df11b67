// The project database on real files.
#include "db/Migrations.h"
#include "db/ProjectDatabase.h"
#include "TestPrinters.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace triad;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

std::unique_ptr<ProjectDatabase> newProject(const QString &path)
{
    auto db = ProjectDatabase::create(path, ProjectInfo{QStringLiteral("ACME pre-audit"), QStringLiteral("ACME"), {}});
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    return std::move(*db);
}

RawOutput raw(const QString &key, const QByteArray &out)
{
    RawOutput r;
    r.collectorKey = key;
    r.command = QStringLiteral("cat /etc/x");
    r.exitCode = 0;
    r.stdoutData = out;
    r.stderrData = "warn\n";
    r.status = CollectionStatus::Ok;
    r.collectedAt = QDateTime::currentDateTimeUtc();
    r.durationMs = 12;
    return r;
}

StoredResult result(const QString &check, CheckStatus status, const QStringList &keys)
{
    StoredResult r;
    r.result.checkId = check;
    r.result.status = status;
    r.result.expected = QStringLiteral("x <= 4");
    r.result.actual = QStringLiteral("6");
    r.result.collectorKeys = keys;
    r.rawStatus = status;
    r.severity = Severity::High;
    r.title = QStringLiteral("Title");
    r.requirementIds = {QStringLiteral("5.1.16"), QStringLiteral("8.3.4")};
    return r;
}

/// Runs SQL on a file through a separate connection, as a foreign program would.
void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestProjectDatabase final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void createAndReopen()
    {
        const QString file = path(QStringLiteral("a.triad"));
        {
            auto db = newProject(file);
            QCOMPARE(db->schemaVersion(), ProjectDatabase::currentSchemaVersion());
        }
        QVERIFY(!ProjectDatabase::create(file, ProjectInfo{QStringLiteral("x"), {}, {}}));   // exists
        auto db = ProjectDatabase::open(file);
        QVERIFY(db);
        auto info = (*db)->projectInfo();
        QCOMPARE(info->name, QStringLiteral("ACME pre-audit"));
        QCOMPARE(info->customer, QStringLiteral("ACME"));
        QVERIFY(info->createdAt.isValid());

        QSqlQuery q(QSqlDatabase::database());
        Q_UNUSED(q)
    }

    void pragmasAndSchemaFromEmpty()
    {
        const QString file = path(QStringLiteral("pragmas.triad"));
        newProject(file).reset();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
            QCOMPARE(q.value(0).toInt(), Migrations::kApplicationId);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), Migrations::latestVersion());
            for (const char *table : {"project", "assets", "credentials", "templates_used", "tailorings", "runs", "run_assets",
                                      "evidence", "results", "result_evidence", "issues", "issue_events", "waivers",
                                      "attestations", "audit_log", "vault"}) {
                QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                   .arg(QLatin1String(table))) && q.next());
                QVERIFY2(q.value(0).toInt() == 1, table);
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    }

    void migratesEveryEarlierVersion()
    {
        // A file at each earlier schema version (made by applying the first N steps) is upgraded
        // to the latest on open. With one version so far this covers "from empty"; each new
        // migration step adds a row here by itself.
        const QList<QStringList> steps = Migrations::steps();
        for (int from = 0; from < steps.size(); ++from) {
            const QString file = path(QStringLiteral("from-v%1.triad").arg(from));
            QStringList sql{QStringLiteral("PRAGMA application_id = %1").arg(Migrations::kApplicationId)};
            for (int s = 0; s < from; ++s)
                sql << steps.at(s);
            sql << QStringLiteral("PRAGMA user_version = %1").arg(from);
            if (from >= 1)
                sql << QStringLiteral("INSERT INTO project (id, name, created_at) VALUES (1, 'old', '2025-01-01T00:00:00.000Z')");
            else
                sql << QStringLiteral("CREATE TABLE placeholder (x)");   // so that the file has a header
            rawSql(file, sql);
            auto db = ProjectDatabase::open(file);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
            QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
        }
    }

    void version1AssetsSurviveTheVaultMigration()
    {
        // Schema 2 adds the vault and the assets' sudo credential reference: a version-1 project
        // with assets and a credential row keeps them, with no sudo reference.
        const QString file = path(QStringLiteral("v1-with-assets.triad"));
        QStringList sql{QStringLiteral("PRAGMA application_id = %1").arg(Migrations::kApplicationId)};
        sql << Migrations::steps().at(0);
        sql << QStringLiteral("PRAGMA user_version = 1")
            << QStringLiteral("INSERT INTO project (id, name, created_at) VALUES (1, 'old', '2025-01-01T00:00:00.000Z')")
            << QStringLiteral("INSERT INTO assets (name, transport, address, credential_ref, use_sudo, created_at) "
                              "VALUES ('web-01', 'ssh', '10.0.0.5', 'key:/k', 1, '2025-01-01T00:00:00.000Z')")
            << QStringLiteral("INSERT INTO credentials (name, kind, sealed, created_at) "
                              "VALUES ('old', 'password', x'00', '2025-01-01T00:00:00.000Z')");
        rawSql(file, sql);
        auto db = ProjectDatabase::open(file);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
        auto asset = (*db)->assetByName(QStringLiteral("web-01"));
        QVERIFY(asset);
        QCOMPARE(asset->credentialRef, QStringLiteral("key:/k"));
        QVERIFY(asset->useSudo);
        QVERIFY(asset->sudoCredentialRef.isEmpty());
        QCOMPARE((*db)->credentials()->size(), 1);
        QVERIFY((*db)->vaultCheckValue()->isEmpty());
    }

    void credentialRowsHoldSealedBlobsOnly()
    {
        auto db = newProject(path(QStringLiteral("vault.triad")));
        QVERIFY(db->vaultCheckValue()->isEmpty());
        QVERIFY(!db->createVault({}));
        QVERIFY(db->createVault(QByteArrayLiteral("TRV1-check")));
        QVERIFY(!db->createVault(QByteArrayLiteral("TRV1-other")));     // one vault per project
        QCOMPARE(*db->vaultCheckValue(), QByteArrayLiteral("TRV1-check"));

        QVERIFY(db->storeCredential(QStringLiteral("asset/web-01/password"), QStringLiteral("password"), "blob-1"));
        QVERIFY(db->storeCredential(QStringLiteral("asset/web-01/sudo"), QStringLiteral("sudo-password"), "blob-2"));
        QVERIFY(db->storeCredential(QStringLiteral("asset/web-01/password"), QStringLiteral("password"), "blob-3"));  // replaced
        QVERIFY(!db->storeCredential(QStringLiteral("x"), QStringLiteral("no-such-kind"), "blob"));                 // CHECK
        QVERIFY(!db->storeCredential(QString(), QStringLiteral("password"), "blob"));
        auto list = db->credentials();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("asset/web-01/password"));
        QCOMPARE(list->at(0).sealed, QByteArray("blob-3"));
        QCOMPARE(list->at(1).kind, QStringLiteral("sudo-password"));
        QVERIFY(list->at(1).createdAt.isValid());

        Asset a;
        a.name = QStringLiteral("web-01");
        a.address = QStringLiteral("10.0.0.5");
        a.credentialRef = QStringLiteral("vault:asset/web-01/password");
        a.sudoCredentialRef = QStringLiteral("vault:asset/web-01/sudo");
        QVERIFY(db->addAsset(a));
        auto back = db->assetByName(a.name);
        QCOMPARE(back->sudoCredentialRef, a.sudoCredentialRef);
        back->sudoCredentialRef.clear();
        QVERIFY(db->updateAsset(*back));
        QVERIFY(db->assetByName(a.name)->sudoCredentialRef.isEmpty());

        QVERIFY(db->removeCredential(QStringLiteral("asset/web-01/sudo")));
        QVERIFY(!db->removeCredential(QStringLiteral("asset/web-01/sudo")));
        QCOMPARE(db->credentials()->size(), 1);
    }

    void refusesForeignFilesWithoutTouchingThem()
    {
        const QString empty = path(QStringLiteral("empty.triad"));
        QFile(empty).open(QIODevice::WriteOnly);
        const QString text = path(QStringLiteral("notes.triad"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        const QString other = path(QStringLiteral("other.sqlite"));
        rawSql(other, {QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("INSERT INTO t VALUES (1)")});
        const QString newer = path(QStringLiteral("newer.triad"));
        newProject(newer).reset();
        rawSql(newer, {QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1),
                       QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});

        const QList<std::pair<QString, QString>> cases{{empty, QStringLiteral("empty")},
                                                       {text, QStringLiteral("not an SQLite database")},
                                                       {other, QStringLiteral("another application")},
                                                       {newer, QStringLiteral("newer version of Triad")}};
        for (const auto &[file, words] : cases) {
            const QByteArray before = hashOf(file);
            for (auto mode : {ProjectDatabase::OpenMode::ReadWrite, ProjectDatabase::OpenMode::ReadOnly}) {
                auto db = ProjectDatabase::open(file, mode);
                QVERIFY(!db);
                QVERIFY2(db.error().message.contains(words), qPrintable(db.error().toString()));
                QCOMPARE(db.error().location, file);
            }
            QCOMPARE(hashOf(file), before);
            QVERIFY(!QFile::exists(file + QStringLiteral("-wal")) || file == newer);
        }
        auto missing = ProjectDatabase::open(path(QStringLiteral("missing.triad")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(!QFile::exists(path(QStringLiteral("missing.triad"))));
    }

    void readOnlyFileSystem()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to bind-mount a read-only folder");
        const QString dir = path(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(dir));
        const QString file = dir + QStringLiteral("/p.triad");
        {
            auto db = newProject(file);
            Asset a;
            a.name = QStringLiteral("web-01");
            QVERIFY((*db).addAsset(a));
        }
        const QByteArray d = QFile::encodeName(dir);
        if (::mount(d.constData(), d.constData(), nullptr, MS_BIND, nullptr) != 0 ||
            ::mount(nullptr, d.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            QSKIP("cannot bind-mount here");
        auto rw = ProjectDatabase::open(file, ProjectDatabase::OpenMode::ReadWrite);
        auto ro = ProjectDatabase::open(file, ProjectDatabase::OpenMode::ReadOnly);
        const bool roOk = ro && (*ro)->assets() && (*ro)->assets()->size() == 1;
        ro = makeError(Error::Code::Internal, {});
        ::umount(d.constData());
        QVERIFY(!rw);
        QVERIFY2(rw.error().message.contains(QStringLiteral("read-only")), qPrintable(rw.error().toString()));
        QVERIFY(roOk);
    }

    void assetsRoundTrip()
    {
        auto db = newProject(path(QStringLiteral("assets.triad")));
        Asset a;
        a.name = QStringLiteral("web-01");
        a.kind = QStringLiteral("linux");
        a.transport = QStringLiteral("ssh");
        a.address = QStringLiteral("10.0.0.5");
        a.port = 2222;
        a.user = QStringLiteral("audit");
        a.tags = {QStringLiteral("prod"), QStringLiteral("pci")};
        a.credentialRef = QStringLiteral("key:/home/a/.ssh/id");
        a.hostKeySha256 = QStringLiteral("SHA256:abc");
        a.useSudo = true;
        a.proxyJump = QStringLiteral("bastion");
        a.notes = QStringLiteral("rack 4");
        auto id = db->addAsset(a);
        QVERIFY(id);
        QVERIFY(!db->addAsset(a));       // duplicate name
        Asset bad = a;
        bad.name = QStringLiteral("bad");
        bad.port = 70000;
        QVERIFY(!db->addAsset(bad));     // CHECK constraint
        auto back = db->assetByName(QStringLiteral("web-01"));
        QVERIFY(back);
        QCOMPARE(back->id, *id);
        QCOMPARE(back->port, 2222);
        QCOMPARE(back->tags, a.tags);
        QCOMPARE(back->useSudo, true);
        QCOMPARE(back->proxyJump, QStringLiteral("bastion"));
        QCOMPARE(back->hostKeySha256, QStringLiteral("SHA256:abc"));
        back->address = QStringLiteral("10.0.0.6");
        QVERIFY(db->updateAsset(*back));
        QCOMPARE(db->assetByName(QStringLiteral("web-01"))->address, QStringLiteral("10.0.0.6"));
        QVERIFY(db->removeAsset(*id));
        QCOMPARE(db->assets()->size(), 0);
        QVERIFY(!db->removeAsset(*id));
    }

    void storesResultsWithEvidenceAtomically()
    {
        auto db = newProject(path(QStringLiteral("results.triad")));
        Asset a;
        a.name = QStringLiteral("web-01");
        const qint64 assetId = *db->addAsset(a);
        RunInfo run;
        run.templateId = QStringLiteral("cis-linux");
        run.templateVersion = QStringLiteral("1.0.0");
        auto runId = db->beginRun(run);
        QVERIFY(runId);

        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary.append(char(i));
        RawOutput big = raw(QStringLiteral("lib/binary"), binary);
        big.truncated = true;
        AssetRunRecord record;
        record.assetId = assetId;
        record.assetName = a.name;
        record.status = AssetRunStatus::Ok;
        record.durationMs = 420;
        record.facts.hostname = QStringLiteral("web-01.example");
        record.facts.osPrettyName = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
        QVERIFY(db->storeAssetResults(*runId, record, {raw(QStringLiteral("lib/sshd"), "maxauthtries 6\n"), big},
                                      {result(QStringLiteral("ssh.max-auth-tries"), CheckStatus::Fail, {QStringLiteral("lib/sshd")}),
                                       result(QStringLiteral("bin.check"), CheckStatus::Pass,
                                              {QStringLiteral("lib/sshd"), QStringLiteral("lib/binary"), QStringLiteral("lib/absent")})}));
        QVERIFY(db->finishRun(*runId, RunStatus::Completed, QDateTime::currentDateTimeUtc()));

        auto results = db->results(*runId);
        QCOMPARE(results->size(), 2);
        QCOMPARE(results->at(0).result.checkId, QStringLiteral("ssh.max-auth-tries"));
        QCOMPARE_WORDS(results->at(0).result.status, CheckStatus::Fail);
        QCOMPARE(results->at(0).requirementIds, (QStringList{QStringLiteral("5.1.16"), QStringLiteral("8.3.4")}));
        QCOMPARE(results->at(0).evidenceIds.size(), 1);
        QCOMPARE(results->at(1).evidenceIds.size(), 2);
        auto e = db->evidence(results->at(1).evidenceIds.at(1));
        QVERIFY(e);
        QCOMPARE(e->raw.stdoutData, binary);
        QVERIFY(e->raw.truncated);
        QCOMPARE(e->sha256, QString::fromLatin1(QCryptographicHash::hash(binary, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(e->raw.stderrData, QByteArray("warn\n"));
        QCOMPARE(db->evidenceForResult(results->at(1).id)->size(), 2);
        auto assets = db->runAssets(*runId);
        QCOMPARE(assets->size(), 1);
        QCOMPARE(assets->at(0).facts.osPrettyName, record.facts.osPrettyName);
        QCOMPARE(assets->at(0).durationMs, 420);
        QCOMPARE_WORDS(db->run(*runId)->status, RunStatus::Completed);
        QCOMPARE(*db->latestRunId(), *runId);

        // A row the schema refuses in the middle of the batch: nothing of this asset stays.
        Asset b;
        b.name = QStringLiteral("db-01");
        record.assetId = *db->addAsset(b);
        record.assetName = b.name;
        StoredResult broken = result(QStringLiteral("broken"), CheckStatus::Fail, {});
        broken.rawStatus = CheckStatus::Waived;     // raw statuses never say "waived"
        const Status s = db->storeAssetResults(*runId, record, {raw(QStringLiteral("lib/x"), "x")},
                                               {result(QStringLiteral("ok"), CheckStatus::Pass, {}), broken});
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Database);
        QCOMPARE(db->runAssets(*runId)->size(), 1);
        QCOMPARE(db->results(*runId)->size(), 2);
    }

    void abandonedRunsBecomeIncomplete()
    {
        const QString file = path(QStringLiteral("crash.triad"));
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        ::waitpid(child, nullptr, 0);   // now certainly dead
        {
            auto db = newProject(file);
            RunInfo dead;
            dead.templateId = QStringLiteral("t");
            dead.templateVersion = QStringLiteral("1");
            dead.pid = child;
            QVERIFY(db->beginRun(dead));
            RunInfo alive = dead;
            alive.pid = ::getpid();
            QVERIFY(db->beginRun(alive));
        }
        auto db = ProjectDatabase::open(file);
        QVERIFY(db);
        auto runs = (*db)->runs();
        QCOMPARE_WORDS(runs->at(0).status, RunStatus::Incomplete);
        QVERIFY(runs->at(0).finishedAt.isValid());
        QCOMPARE_WORDS(runs->at(1).status, RunStatus::Running);
        bool logged = false;
        const auto log = (*db)->auditLog();
        for (const AuditEntry &e : *log)
            logged = logged || e.action == QLatin1String("run.incomplete");
        QVERIFY(logged);
    }

    void foreignKeysAreEnforced()
    {
        auto db = newProject(path(QStringLiteral("fk.triad")));
        AssetRunRecord record;
        record.assetName = QStringLiteral("ghost");
        record.status = AssetRunStatus::Ok;
        QVERIFY(!db->storeAssetResults(9999, record, {}, {}));     // no run 9999
    }

    void templatesAndAudit()
    {
        auto db = newProject(path(QStringLiteral("tpl.triad")));
        QVERIFY(db->recordTemplateUse(QStringLiteral("cis-linux"), QStringLiteral("1.0"), QStringLiteral("abc"), "yaml: 1\n"));
        QVERIFY(db->recordTemplateUse(QStringLiteral("cis-linux"), QStringLiteral("1.0"), QStringLiteral("abc"), "yaml: 1\n"));
        QCOMPARE(*db->templateContent(QStringLiteral("cis-linux"), QStringLiteral("abc")), QByteArray("yaml: 1\n"));
        QVERIFY(!db->templateContent(QStringLiteral("cis-linux"), QStringLiteral("zzz")));
        QVERIFY(db->appendAudit(QStringLiteral("alice"), QStringLiteral("asset.add"), QStringLiteral("web-01")));
        auto log = db->auditLog();
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->at(0).actor, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestProjectDatabase)
#include "tst_project_database.moc"
