#include "ProjectDatabase.h"

#include "common/Hash.h"
#include "db/Migrations.h"
#include "db/SqlValues.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/statvfs.h>
#include <unistd.h>

namespace triad {

using namespace sql;

namespace {

quint32 bigEndian32(const QByteArray &bytes, int offset)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData() + offset);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

/// Reads the SQLite header without opening the file through SQLite, so that a file which is not
/// ours is refused without a single byte (or a -wal/-shm file) being written.
Status inspectFile(const QString &path, int &schemaVersion)
{
    QFileInfo info(path);
    if (!info.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("no such project file"), path);
    if (!info.isFile())
        return makeError(Error::Code::Incompatible, QStringLiteral("not a Triad project (not a regular file)"), path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read the project file: %1").arg(file.errorString()), path);
    const QByteArray header = file.read(100);
    if (header.isEmpty())
        return makeError(Error::Code::Incompatible, QStringLiteral("not a Triad project (the file is empty)"), path);
    if (header.size() < 100 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return makeError(Error::Code::Incompatible, QStringLiteral("not a Triad project (not an SQLite database)"), path);
    // Offsets of the SQLite file format: user_version at 60, application_id at 68.
    if (bigEndian32(header, 68) != quint32(Migrations::kApplicationId))
        return makeError(Error::Code::Incompatible,
                         QStringLiteral("not a Triad project (an SQLite database of another application)"), path);
    schemaVersion = int(bigEndian32(header, 60));
    if (schemaVersion > Migrations::latestVersion())
        return makeError(Error::Code::Incompatible,
                         QStringLiteral("written by a newer version of Triad (schema %1; this build reads up to %2)")
                             .arg(schemaVersion).arg(Migrations::latestVersion()),
                         path);
    return {};
}

/// Root ignores file modes, so "can I write" is asked of the file system too.
bool isWritable(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    struct statvfs fs {};
    if (::statvfs(native.constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return false;
    // The -wal and -shm files live beside the project: the folder must be writable too.
    return ::access(native.constData(), W_OK) == 0 && ::access(dir.constData(), W_OK) == 0;
}

bool processIsAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

RunInfo runFrom(const QSqlQuery &q)
{
    RunInfo r;
    r.id = q.value(0).toLongLong();
    r.templateId = q.value(1).toString();
    r.templateVersion = q.value(2).toString();
    r.templateSha256 = q.value(3).toString();
    r.templateTitle = q.value(4).toString();
    r.tailoringName = q.value(5).toString();
    r.parametersJson = q.value(6).toString();
    r.startedAt = timeFrom(q.value(7));
    r.finishedAt = timeFrom(q.value(8));
    r.status = runStatusFromString(q.value(9).toString()).value_or(RunStatus::Failed);
    r.operatorName = q.value(10).toString();
    r.appVersion = q.value(11).toString();
    r.pid = q.value(12).toLongLong();
    r.hostname = q.value(13).toString();
    r.derivedFromRunId = q.value(14).toLongLong();
    r.tailoringId = q.value(15).toLongLong();
    r.tailoringVersion = q.value(16).toInt();
    r.tailoringSha256 = q.value(17).toString();
    return r;
}

/// A reader that may not write (a read-only open) still must not show a dead process's run as
/// running: the next read-write open records it as incomplete (recoverAbandonedRuns).
RunInfo abandonedShownIncomplete(RunInfo r)
{
    if (r.status == RunStatus::Running && r.hostname == QHostInfo::localHostName() && !processIsAlive(r.pid))
        r.status = RunStatus::Incomplete;
    return r;
}

const QString kRunColumns = QStringLiteral(
    "id, template_id, template_version, template_sha256, template_title, tailoring_name, parameters_json, "
    "started_at, finished_at, status, operator, app_version, pid, hostname, derived_from_run_id, tailoring_id, "
    "(SELECT version FROM tailorings t WHERE t.id = runs.tailoring_id), "
    "(SELECT sha256 FROM tailorings t WHERE t.id = runs.tailoring_id)");

Asset assetFrom(const QSqlQuery &q)
{
    Asset a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.kind = q.value(2).toString();
    a.transport = q.value(3).toString();
    a.address = q.value(4).toString();
    a.port = q.value(5).toInt();
    a.user = q.value(6).toString();
    a.tags = stringListFrom(q.value(7));
    a.credentialRef = q.value(8).toString();
    a.hostKeySha256 = q.value(9).toString();
    a.useSudo = q.value(10).toBool();
    a.proxyJump = q.value(11).toString();
    a.notes = q.value(12).toString();
    a.sudoCredentialRef = q.value(13).toString();
    return a;
}

const QString kAssetColumns = QStringLiteral(
    "id, name, kind, transport, address, port, user, tags, credential_ref, host_key_sha256, use_sudo, proxy_jump, notes, "
    "sudo_credential_ref");

StoredEvidence evidenceFrom(const QSqlQuery &q)
{
    StoredEvidence e;
    e.id = q.value(0).toLongLong();
    e.runId = q.value(1).toLongLong();
    e.assetId = q.value(2).toLongLong();
    e.raw.collectorKey = q.value(3).toString();
    e.raw.command = q.value(4).toString();
    e.raw.exitCode = q.value(5).toInt();
    e.raw.stdoutData = q.value(6).toByteArray();
    e.raw.stderrData = q.value(7).toByteArray();
    e.raw.truncated = q.value(8).toBool();
    const QString status = q.value(9).toString();
    e.raw.status = status == QLatin1String("ok")        ? CollectionStatus::Ok
                   : status == QLatin1String("timeout") ? CollectionStatus::Timeout
                   : status == QLatin1String("error")   ? CollectionStatus::Error
                                                        : CollectionStatus::Skipped;
    e.raw.errorMessage = q.value(10).toString();
    e.sha256 = q.value(11).toString();
    e.raw.collectedAt = timeFrom(q.value(12));
    e.raw.durationMs = q.value(13).toLongLong();
    return e;
}

const QString kEvidenceColumns = QStringLiteral(
    "id, run_id, asset_id, collector_key, command, exit_code, stdout, stderr, truncated, status, error, sha256, "
    "collected_at, duration_ms");

} // namespace

QString toString(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Completed: return QStringLiteral("completed");
    case RunStatus::Incomplete: return QStringLiteral("incomplete");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<RunStatus> runStatusFromString(const QString &text)
{
    for (auto s : {RunStatus::Running, RunStatus::Completed, RunStatus::Incomplete, RunStatus::Cancelled, RunStatus::Failed})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

QString toString(AssetRunStatus status)
{
    switch (status) {
    case AssetRunStatus::Pending: return QStringLiteral("pending");
    case AssetRunStatus::Ok: return QStringLiteral("ok");
    case AssetRunStatus::Unreachable: return QStringLiteral("unreachable");
    case AssetRunStatus::Error: return QStringLiteral("error");
    case AssetRunStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<AssetRunStatus> assetRunStatusFromString(const QString &text)
{
    for (auto s : {AssetRunStatus::Pending, AssetRunStatus::Ok, AssetRunStatus::Unreachable, AssetRunStatus::Error,
                   AssetRunStatus::Cancelled})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

ProjectDatabase::ProjectDatabase(QString path, OpenMode mode)
    : m_path(std::move(path)), m_mode(mode),
      m_connectionName(QStringLiteral("triad-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ProjectDatabase::~ProjectDatabase()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();   // the last handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(m_connectionName);
}

int ProjectDatabase::currentSchemaVersion()
{
    return Migrations::latestVersion();
}

Error ProjectDatabase::sqlError(const QSqlQuery &query, const QString &what) const
{
    return makeError(Error::Code::Database, what + QStringLiteral(": ") + query.lastError().text(), m_path);
}

Error ProjectDatabase::sqlError(const QString &what) const
{
    return makeError(Error::Code::Database, what + QStringLiteral(": ") + m_db.lastError().text(), m_path);
}

Result<QSqlQuery> ProjectDatabase::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q, QStringLiteral("cannot prepare a statement"));
    for (const QVariant &v : values)
        q.addBindValue(bindable(v));
    if (!q.exec())
        return sqlError(q, QStringLiteral("write failed"));
    return q;
}

Status ProjectDatabase::inTransaction(const QString &what, const std::function<Status()> &work)
{
    if (!m_db.transaction())
        return sqlError(QStringLiteral("cannot start a transaction"));
    Status s = work();
    if (s && !m_db.commit())
        s = sqlError(QStringLiteral("cannot %1").arg(what));
    if (!s)
        m_db.rollback();
    return s;
}

Status ProjectDatabase::execOne(const QString &sql, const QVariantList &values, const QString &what)
{
    auto q = exec(sql, values);
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(Error::Code::NotFound, QStringLiteral("no %1").arg(what), m_path);
    return {};
}

Status ProjectDatabase::connect()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return makeError(Error::Code::Database, QStringLiteral("the Qt SQLite driver is missing (install libqt6sql6-sqlite)"), m_path);
    m_db.setDatabaseName(m_path);
    if (m_mode == OpenMode::ReadOnly && !isWritable(m_path)) {
        // On a read-only medium SQLite cannot create the WAL index (-shm) it needs even to read;
        // nobody can write there either, so the file is safely opened as immutable.
        m_db.setDatabaseName(QStringLiteral("file:") + QString::fromUtf8(QUrl::toPercentEncoding(m_path, "/")) +
                             QStringLiteral("?immutable=1"));
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else if (m_mode == OpenMode::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    else
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return sqlError(QStringLiteral("cannot open the project"));
    QStringList pragmas{QStringLiteral("PRAGMA foreign_keys = ON")};
    if (m_mode == OpenMode::ReadWrite)
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = NORMAL");
    for (const QString &pragma : std::as_const(pragmas)) {
        QSqlQuery q(m_db);
        if (!q.exec(pragma))
            return sqlError(q, QStringLiteral("cannot configure the project database"));
    }
    QSqlQuery version(m_db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
        return sqlError(version, QStringLiteral("cannot read the schema version"));
    m_schemaVersion = version.value(0).toInt();
    return {};
}

Status ProjectDatabase::migrate()
{
    const QList<QStringList> steps = Migrations::steps();
    if (m_schemaVersion > int(steps.size()))
        return makeError(Error::Code::Incompatible, QStringLiteral("written by a newer version of Triad"), m_path);
    for (int version = m_schemaVersion + 1; version <= int(steps.size()); ++version) {
        if (!m_db.transaction())
            return sqlError(QStringLiteral("cannot start the upgrade to schema %1").arg(version));
        for (const QString &sql : steps.at(version - 1)) {
            QSqlQuery q(m_db);
            if (!q.exec(sql)) {
                const Error e = sqlError(q, QStringLiteral("upgrade to schema %1 failed").arg(version));
                m_db.rollback();
                return e;
            }
        }
        QSqlQuery bump(m_db);
        // PRAGMA takes no bound values; `version` is an integer of ours, never user data.
        if (!bump.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) ||
            !bump.exec(QStringLiteral("PRAGMA application_id = %1").arg(Migrations::kApplicationId)) || !m_db.commit()) {
            const Error e = sqlError(bump, QStringLiteral("upgrade to schema %1 failed").arg(version));
            m_db.rollback();
            return e;
        }
        m_schemaVersion = version;
    }
    return {};
}

Result<std::unique_ptr<ProjectDatabase>> ProjectDatabase::create(const QString &path, const ProjectInfo &info)
{
    if (QFileInfo::exists(path))
        return makeError(Error::Code::InvalidInput, QStringLiteral("a file of that name exists already"), path);
    if (info.name.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("a project needs a name"), path);
    std::unique_ptr<ProjectDatabase> db(new ProjectDatabase(path, OpenMode::ReadWrite));
    if (auto s = db->connect(); !s) {
        QFile::remove(path);
        return s.error();
    }
    if (auto s = db->migrate(); !s) {
        db.reset();
        QFile::remove(path);
        return s.error();
    }
    auto inserted = db->exec(QStringLiteral("INSERT INTO project (id, name, customer, created_at) VALUES (1, ?, ?, ?)"),
                             {info.name, info.customer,
                              timeText(info.createdAt.isValid() ? info.createdAt : QDateTime::currentDateTimeUtc())});
    if (!inserted) {
        db.reset();
        QFile::remove(path);
        return inserted.error();
    }
    return db;
}

Result<std::unique_ptr<ProjectDatabase>> ProjectDatabase::open(const QString &path, OpenMode mode)
{
    int headerVersion = 0;
    if (auto s = inspectFile(path, headerVersion); !s)
        return s.error();
    if (mode == OpenMode::ReadWrite && !isWritable(path))
        return makeError(Error::Code::Io,
                         QStringLiteral("the project file is read-only (it can be opened for reading; copy it to change it)"), path);
    std::unique_ptr<ProjectDatabase> db(new ProjectDatabase(path, mode));
    if (auto s = db->connect(); !s)
        return s.error();
    if (db->m_schemaVersion < Migrations::latestVersion()) {
        if (mode == OpenMode::ReadOnly)
            return makeError(Error::Code::Incompatible,
                             QStringLiteral("schema %1 needs an upgrade to %2: open it once for writing")
                                 .arg(db->m_schemaVersion).arg(Migrations::latestVersion()),
                             path);
        if (auto s = db->migrate(); !s)
            return s.error();
    }
    if (mode == OpenMode::ReadWrite) {
        if (auto s = db->recoverAbandonedRuns(); !s)
            return s.error();
    }
    return db;
}

Status ProjectDatabase::recoverAbandonedRuns()
{
    auto running = exec(QStringLiteral("SELECT id, pid, hostname FROM runs WHERE status = 'running'"));
    if (!running)
        return running.error();
    const QString here = QHostInfo::localHostName();
    QList<qint64> abandoned;
    while (running->next()) {
        // A run of another machine (a project on a shared drive) is left alone: we cannot tell.
        if (running->value(2).toString() == here && !processIsAlive(running->value(1).toLongLong()))
            abandoned << running->value(0).toLongLong();
    }
    for (qint64 id : std::as_const(abandoned)) {
        if (auto s = exec(QStringLiteral("UPDATE runs SET status = 'incomplete', finished_at = ? WHERE id = ?"),
                          {timeText(QDateTime::currentDateTimeUtc()), id}); !s)
            return s.error();
        if (auto s = appendAudit(QStringLiteral("triad"), QStringLiteral("run.incomplete"),
                                 QStringLiteral("run %1 was left running by a process that no longer exists").arg(id)); !s)
            return s;
    }
    return {};
}

Result<ProjectInfo> ProjectDatabase::projectInfo()
{
    auto q = exec(QStringLiteral("SELECT name, customer, created_at FROM project WHERE id = 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::Incompatible, QStringLiteral("the project record is missing"), m_path);
    return ProjectInfo{q->value(0).toString(), q->value(1).toString(), timeFrom(q->value(2))};
}

Result<qint64> ProjectDatabase::addAsset(const Asset &a)
{
    if (a.name.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("an asset needs a name"), m_path);
    auto existing = exec(QStringLiteral("SELECT 1 FROM assets WHERE name = ?"), {a.name});
    if (!existing)
        return existing.error();
    if (existing->next())
        return makeError(Error::Code::InvalidInput, QStringLiteral("an asset named '%1' exists already").arg(a.name), m_path);
    auto q = exec(QStringLiteral("INSERT INTO assets (name, kind, transport, address, port, user, tags, credential_ref, "
                                 "host_key_sha256, use_sudo, proxy_jump, notes, sudo_credential_ref, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {a.name, a.kind, a.transport, a.address, a.port, a.user, jsonText(QJsonArray::fromStringList(a.tags)),
                   a.credentialRef, a.hostKeySha256, a.useSudo, a.proxyJump, a.notes, a.sudoCredentialRef,
                   timeText(QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Status ProjectDatabase::updateAsset(const Asset &a)
{
    return execOne(QStringLiteral("UPDATE assets SET name = ?, kind = ?, transport = ?, address = ?, port = ?, user = ?, "
                                 "tags = ?, credential_ref = ?, host_key_sha256 = ?, use_sudo = ?, proxy_jump = ?, "
                                 "notes = ?, sudo_credential_ref = ? WHERE id = ?"),
                  {a.name, a.kind, a.transport, a.address, a.port, a.user, jsonText(QJsonArray::fromStringList(a.tags)),
                   a.credentialRef, a.hostKeySha256, a.useSudo, a.proxyJump, a.notes, a.sudoCredentialRef, a.id},
                   QStringLiteral("asset with id %1").arg(a.id));
}

Status ProjectDatabase::removeAsset(qint64 id)
{
    return execOne(QStringLiteral("DELETE FROM assets WHERE id = ?"), {id}, QStringLiteral("asset with id %1").arg(id));
}

Result<QList<Asset>> ProjectDatabase::assets()
{
    return selectAll<Asset>(QStringLiteral("SELECT ") + kAssetColumns + QStringLiteral(" FROM assets ORDER BY id"), {}, assetFrom);
}

Result<Asset> ProjectDatabase::assetByName(const QString &name)
{
    auto q = exec(QStringLiteral("SELECT ") + kAssetColumns + QStringLiteral(" FROM assets WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no asset named '%1'").arg(name), m_path);
    return assetFrom(*q);
}

Status ProjectDatabase::recordTemplateUse(const QString &templateId, const QString &version, const QString &sha256,
                                          const QByteArray &content)
{
    auto q = exec(QStringLiteral("INSERT OR IGNORE INTO templates_used (template_id, version, sha256, content, first_used_at) "
                                 "VALUES (?, ?, ?, ?, ?)"),
                  {templateId, version, sha256, content, timeText(QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    return {};
}

Result<QByteArray> ProjectDatabase::templateContent(const QString &templateId, const QString &sha256)
{
    auto q = exec(QStringLiteral("SELECT content FROM templates_used WHERE template_id = ? AND sha256 = ?"), {templateId, sha256});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("template %1 (%2) is not stored").arg(templateId, sha256), m_path);
    return q->value(0).toByteArray();
}

Result<qint64> ProjectDatabase::beginRun(const RunInfo &r)
{
    auto q = exec(QStringLiteral("INSERT INTO runs (template_id, template_version, template_sha256, template_title, "
                                 "tailoring_name, parameters_json, started_at, status, operator, app_version, pid, "
                                 "hostname, derived_from_run_id, tailoring_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)"),
                  {r.templateId, r.templateVersion, r.templateSha256, r.templateTitle, r.tailoringName,
                   r.parametersJson.isEmpty() ? QStringLiteral("{}") : r.parametersJson,
                   timeText(r.startedAt.isValid() ? r.startedAt : QDateTime::currentDateTimeUtc()), r.operatorName,
                   r.appVersion, r.pid ? r.pid : qint64(::getpid()),
                   r.hostname.isEmpty() ? QHostInfo::localHostName() : r.hostname,
                   idOrNull(r.derivedFromRunId),
                   idOrNull(r.tailoringId)});
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Status ProjectDatabase::finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt)
{
    return execOne(QStringLiteral("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"),
                   {toString(status), timeText(finishedAt), runId}, QStringLiteral("run %1").arg(runId));
}

Result<QList<RunInfo>> ProjectDatabase::runs()
{
    return selectAll<RunInfo>(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs ORDER BY id"), {},
                              [](const QSqlQuery &q) { return abandonedShownIncomplete(runFrom(q)); });
}

Result<RunInfo> ProjectDatabase::run(qint64 id)
{
    auto q = exec(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no run %1 in this project").arg(id), m_path);
    return abandonedShownIncomplete(runFrom(*q));
}

Result<qint64> ProjectDatabase::latestRunId()
{
    auto q = exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM runs"));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Status ProjectDatabase::storeAssetResults(qint64 runId, const AssetRunRecord &record, const QList<RawOutput> &evidence,
                                          const QList<StoredResult> &rawResults)
{
    if (!m_db.transaction())
        return sqlError(QStringLiteral("cannot start a transaction"));
    auto fail = [this](const Error &e) {
        m_db.rollback();
        return e;
    };
    const QVariant assetId = idOrNull(record.assetId);
    const QJsonObject facts{{QStringLiteral("hostname"), record.facts.hostname},
                            {QStringLiteral("kernel"), record.facts.kernel},
                            {QStringLiteral("os_id"), record.facts.osId},
                            {QStringLiteral("os_version"), record.facts.osVersion},
                            {QStringLiteral("os_pretty_name"), record.facts.osPrettyName}};
    if (auto q = exec(QStringLiteral("INSERT INTO run_assets (run_id, asset_id, asset_name, status, error, duration_ms, "
                                     "facts_json, timings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {runId, assetId, record.assetName, toString(record.status), record.error, record.durationMs,
                       jsonText(facts), jsonText(toJson(record.timings))});
        !q)
        return fail(q.error());

    QHash<QString, qint64> evidenceIdByKey;
    QSqlQuery insertEvidence(m_db);
    insertEvidence.prepare(QStringLiteral("INSERT INTO evidence (run_id, asset_id, collector_key, command, exit_code, stdout, "
                                          "stderr, truncated, status, error, sha256, collected_at, duration_ms) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const RawOutput &raw : evidence) {
        const QVariantList values{runId, assetId, raw.collectorKey, raw.command, raw.exitCode,
                                  raw.stdoutData.isNull() ? QByteArray("") : raw.stdoutData,
                                  raw.stderrData.isNull() ? QByteArray("") : raw.stderrData, raw.truncated,
                                  toString(raw.status), raw.errorMessage, sha256Hex(raw.stdoutData),
                                  timeText(raw.collectedAt.isValid() ? raw.collectedAt : QDateTime::currentDateTimeUtc()),
                                  raw.durationMs};
        for (int i = 0; i < values.size(); ++i)
            insertEvidence.bindValue(i, bindable(values.at(i)));
        if (!insertEvidence.exec())
            return fail(sqlError(insertEvidence, QStringLiteral("cannot store evidence")));
        evidenceIdByKey.insert(raw.collectorKey, insertEvidence.lastInsertId().toLongLong());
    }

    // Waivers decide the final status; the raw verdict is stored beside it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StoredResult> results = rawResults;
    auto waiverByKey = applyWaivers(record.assetId, record.assetName, results, now);
    if (!waiverByKey)
        return fail(waiverByKey.error());

    QSqlQuery insertResult(m_db);
    insertResult.prepare(QStringLiteral("INSERT INTO results (run_id, asset_id, asset_name, check_id, subject, title, severity, "
                                        "raw_status, status, expected, actual, message, requirements_json) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery link(m_db);
    link.prepare(QStringLiteral("INSERT OR IGNORE INTO result_evidence (result_id, evidence_id) VALUES (?, ?)"));
    for (const StoredResult &r : results) {
        const QVariantList values{runId, assetId, record.assetName, r.result.checkId, r.result.subject, r.title,
                                  toString(r.severity), toString(r.rawStatus), toString(r.result.status),
                                  r.result.expected, r.result.actual, r.result.message,
                                  jsonText(QJsonArray::fromStringList(r.requirementIds))};
        for (int i = 0; i < values.size(); ++i)
            insertResult.bindValue(i, bindable(values.at(i)));
        if (!insertResult.exec())
            return fail(sqlError(insertResult, QStringLiteral("cannot store a result")));
        const qint64 resultId = insertResult.lastInsertId().toLongLong();
        for (const QString &key : r.result.collectorKeys) {
            const auto it = evidenceIdByKey.constFind(key);
            if (it == evidenceIdByKey.cend())
                continue;   // a collector that never ran (e.g. unreachable asset) has no row
            link.bindValue(0, resultId);
            link.bindValue(1, *it);
            if (!link.exec())
                return fail(sqlError(link, QStringLiteral("cannot link a result to its evidence")));
        }
    }
    if (auto s = trackIssues(runId, record.assetName, results, *waiverByKey, now); !s)
        return fail(s.error());
    if (!m_db.commit())
        return fail(sqlError(QStringLiteral("cannot commit the results of %1").arg(record.assetName)));
    return {};
}

Result<QList<AssetRunRecord>> ProjectDatabase::runAssets(qint64 runId)
{
    auto q = exec(QStringLiteral("SELECT asset_id, asset_name, status, error, duration_ms, facts_json, timings_json "
                                 "FROM run_assets WHERE run_id = ? ORDER BY id"),
                  {runId});
    if (!q)
        return q.error();
    QList<AssetRunRecord> list;
    while (q->next()) {
        AssetRunRecord r;
        r.runId = runId;
        r.assetId = q->value(0).toLongLong();
        r.assetName = q->value(1).toString();
        r.status = assetRunStatusFromString(q->value(2).toString()).value_or(AssetRunStatus::Error);
        r.error = q->value(3).toString();
        r.durationMs = q->value(4).toLongLong();
        const QJsonObject facts = QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object();
        r.facts.hostname = facts.value(QStringLiteral("hostname")).toString();
        r.facts.kernel = facts.value(QStringLiteral("kernel")).toString();
        r.facts.osId = facts.value(QStringLiteral("os_id")).toString();
        r.facts.osVersion = facts.value(QStringLiteral("os_version")).toString();
        r.facts.osPrettyName = facts.value(QStringLiteral("os_pretty_name")).toString();
        r.timings = assetTimingsFromJson(QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object());
        list << r;
    }
    return list;
}

Result<QList<StoredResult>> ProjectDatabase::results(qint64 runId)
{
    QHash<qint64, QList<qint64>> evidenceByResult;
    {
        auto links = exec(QStringLiteral("SELECT re.result_id, re.evidence_id FROM result_evidence re "
                                         "JOIN results r ON r.id = re.result_id WHERE r.run_id = ? "
                                         "ORDER BY re.result_id, re.evidence_id"),
                          {runId});
        if (!links)
            return links.error();
        while (links->next())
            evidenceByResult[links->value(0).toLongLong()].append(links->value(1).toLongLong());
    }
    auto q = exec(QStringLiteral("SELECT id, asset_id, asset_name, check_id, subject, title, severity, raw_status, status, "
                                 "expected, actual, message, requirements_json FROM results WHERE run_id = ? ORDER BY id"),
                  {runId});
    if (!q)
        return q.error();
    QList<StoredResult> list;
    while (q->next()) {
        StoredResult r;
        r.id = q->value(0).toLongLong();
        r.runId = runId;
        r.assetId = q->value(1).toLongLong();
        r.assetName = q->value(2).toString();
        r.result.checkId = q->value(3).toString();
        r.result.subject = q->value(4).toString();
        r.title = q->value(5).toString();
        r.severity = severityFromString(q->value(6).toString()).value_or(Severity::Medium);
        r.rawStatus = checkStatusFromString(q->value(7).toString()).value_or(CheckStatus::Error);
        r.result.status = checkStatusFromString(q->value(8).toString()).value_or(CheckStatus::Error);
        r.result.expected = q->value(9).toString();
        r.result.actual = q->value(10).toString();
        r.result.message = q->value(11).toString();
        r.requirementIds = stringListFrom(q->value(12));
        r.evidenceIds = evidenceByResult.value(r.id);
        list << r;
    }
    return list;
}

Result<StoredEvidence> ProjectDatabase::evidence(qint64 id)
{
    auto q = exec(QStringLiteral("SELECT ") + kEvidenceColumns + QStringLiteral(" FROM evidence WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no evidence %1").arg(id), m_path);
    return evidenceFrom(*q);
}

Result<QList<StoredEvidence>> ProjectDatabase::evidenceForRunAsset(qint64 runId, qint64 assetId)
{
    return selectAll<StoredEvidence>(QStringLiteral("SELECT ") + kEvidenceColumns +
                                         QStringLiteral(" FROM evidence WHERE run_id = ? AND asset_id = ? ORDER BY id"),
                                     {runId, assetId}, evidenceFrom);
}

Result<QList<StoredEvidence>> ProjectDatabase::evidenceForResult(qint64 resultId)
{
    QString columns = kEvidenceColumns;
    columns.replace(QRegularExpression(QStringLiteral("(^|, )")), QStringLiteral("\\1e."));
    return selectAll<StoredEvidence>(QStringLiteral("SELECT ") + columns +
                                         QStringLiteral(" FROM evidence e JOIN result_evidence re ON re.evidence_id = e.id "
                                                        "WHERE re.result_id = ? ORDER BY e.id"),
                                     {resultId}, evidenceFrom);
}

Status ProjectDatabase::appendAudit(const QString &actor, const QString &action, const QString &details)
{
    auto q = exec(QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)"),
                  {timeText(QDateTime::currentDateTimeUtc()), actor, action, details});
    if (!q)
        return q.error();
    return {};
}

Result<QList<AuditEntry>> ProjectDatabase::auditLog()
{
    return selectAll<AuditEntry>(QStringLiteral("SELECT id, at, actor, action, details FROM audit_log ORDER BY id"), {},
                                 [](const QSqlQuery &q) {
                                     return AuditEntry{q.value(0).toLongLong(), timeFrom(q.value(1)), q.value(2).toString(),
                                                       q.value(3).toString(), q.value(4).toString()};
                                 });
}

} // namespace triad
