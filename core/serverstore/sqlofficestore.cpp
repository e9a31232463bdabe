#include "serverstore/sqlofficestore.h"

#include "serverstore/blobstore.h"
#include "serverstore/jobprojection.h"
#include "serverstore/pgconnection.h"
#include "serverstore/pgofficeschema.h"
#include "serverstore/recordrules.h"
#include "serverstore/sqliteconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace ms::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::server::SqlOfficeStore", text);
}

const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1, R"sql(
CREATE TABLE tokens(
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,
  user TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT);
CREATE TABLE records(
  uuid TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  version INTEGER NOT NULL,
  op TEXT NOT NULL,
  payload TEXT NOT NULL,
  device TEXT NOT NULL,
  user TEXT NOT NULL,
  received_at TEXT NOT NULL);
CREATE INDEX records_entity ON records(entity);
CREATE TABLE record_blobs(
  record_uuid TEXT NOT NULL REFERENCES records(uuid) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  PRIMARY KEY(record_uuid, sha256));
CREATE TABLE blobs(
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  stored_at TEXT NOT NULL);
CREATE TABLE assignments(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  uuid TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  task_uuid TEXT NOT NULL,
  assignees TEXT NOT NULL DEFAULT '');
CREATE INDEX assignments_task ON assignments(task_uuid);
)sql"},
        // A record uuid belongs to records.device, the device that first stored it (only that
        // device may change it, so the column never changes). Conflicting records are kept here
        // beside the held one until the office resolves them. Assignments remember who lost them
        // (withdrawn), so those tablets get a tombstone; assignees '' now means nobody.
        {2, R"sql(
CREATE TABLE record_conflicts(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  entity TEXT NOT NULL,
  version INTEGER NOT NULL,
  op TEXT NOT NULL,
  payload TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,
  blobs TEXT NOT NULL DEFAULT '[]',
  fields TEXT NOT NULL,
  device TEXT NOT NULL,
  user TEXT NOT NULL,
  held_device TEXT NOT NULL,
  held_version INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  resolved_at TEXT,
  UNIQUE(uuid, device, version, payload_sha256));
CREATE INDEX record_conflicts_open ON record_conflicts(uuid) WHERE resolved_at IS NULL;
ALTER TABLE assignments ADD COLUMN withdrawn TEXT NOT NULL DEFAULT '';
)sql"},
        {3, OfficeChainLog::kMigrationSql}, // record chains: device keys, the chain log
        // token roles; the job projection back-filled from the records held; office decisions,
        // billing exports; reviews delivered to the device that owns the job
        {4, JobProjection::kMigrationSql},
        // stock (issue 15): batches, meters and seals issued, old meters received
        {5, SqlOfficeStock::kMigrationSql},
        // seals on a task's concentrator box counted as used (the same text on PostgreSQL: 4)
        {6, SqlOfficeStock::kTaskSealsMigrationSql},
    };
    return list;
}

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// The customer a job record is for (older payloads without one count by their own uuid).
constexpr const char *kJobCustomer =
    "coalesce(nullif(json_extract(payload, '$.customer_uuid'), ''), uuid)";

} // namespace

SqlOfficeStore::SqlOfficeStore(std::unique_ptr<SqlConnection> db)
    : m_db(std::move(db)), m_chain(*m_db), m_projection(*m_db), m_jobs(*m_db, m_projection),
      m_stock(*m_db)
{
}
SqlOfficeStore::~SqlOfficeStore() = default;

Result<std::unique_ptr<SqlOfficeStore>> SqlOfficeStore::open(const QString &filePath)
{
    DatabaseOptions options;
    options.moveAsideWhenCorrupt = false; // the office refuses to start on a corrupt database
    auto db = Database::open(filePath, migrations(), options);
    if (!db)
        return db.error();
    return std::unique_ptr<SqlOfficeStore>(
        new SqlOfficeStore(std::make_unique<SqliteConnection>(std::move(db).value())));
}

Result<std::unique_ptr<SqlOfficeStore>> SqlOfficeStore::openAnother(const QString &filePath)
{
    DatabaseOptions options;
    options.checkFileHeader = false;
    options.quickCheckOnOpen = false;
    options.moveAsideWhenCorrupt = false; // the office refuses to start on a corrupt database
    auto db = Database::open(filePath, migrations(), options);
    if (!db)
        return db.error();
    return std::unique_ptr<SqlOfficeStore>(
        new SqlOfficeStore(std::make_unique<SqliteConnection>(std::move(db).value())));
}

Result<std::unique_ptr<SqlOfficeStore>> SqlOfficeStore::openPostgres(const QString &url)
{
    auto db = PgConnection::open(url, pgOfficeMigrations());
    if (!db)
        return db.error();
    return std::unique_ptr<SqlOfficeStore>(new SqlOfficeStore(std::move(db).value()));
}

Result<QString> SqlOfficeStore::createToken(const QString &device, const QString &user,
                                            const QStringList &roles)
{
    if (device.trimmed().isEmpty() || user.trimmed().isEmpty())
        return makeError(QStringLiteral("office.bad_token_request"),
                         tr("设备名和用户名都不能为空"));
    for (const QString &role : roles)
        if (!kOfficeRoles.contains(role))
            return makeError(QStringLiteral("office.unknown_role"),
                             tr("未知的角色“%1”；可用的角色：%2")
                                 .arg(role, kOfficeRoles.join(QLatin1Char(','))));
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QString token = QStringLiteral("mst_")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO tokens(token_hash, device, user, created_at, roles) VALUES(?,?,?,?,?)"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    QStringList sorted = roles;
    sorted.sort();
    sorted.removeDuplicates();
    s.bindText(1, hashToken(token)).bindText(2, device).bindText(3, user).bindText(4, now());
    s.bindText(5, sorted.isEmpty() ? QStringLiteral("") : sorted.join(QLatin1Char(','))); // NOT NULL
    if (auto r = s.run(); !r)
        return r.error();
    return token;
}

Result<int> SqlOfficeStore::revokeToken(const QString &deviceOrToken)
{
    auto st = m_db->prepare(QStringLiteral(
        "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND (device = ? OR token_hash = ?)"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, now()).bindText(2, deviceOrToken).bindText(3, hashToken(deviceOrToken));
    if (auto r = s.run(); !r)
        return r.error();
    const int changed = m_db->changes();
    if (changed == 0)
        return makeError(QStringLiteral("office.unknown_token"),
                         tr("没有找到设备或令牌“%1”的有效令牌").arg(deviceOrToken));
    return changed;
}

Result<std::optional<DeviceToken>> SqlOfficeStore::authenticate(const QString &token)
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT id, device, user, created_at, roles FROM tokens WHERE token_hash = ? AND "
        "revoked_at IS NULL"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, hashToken(token));
    if (!s.step())
        return s.failed() ? Result<std::optional<DeviceToken>>(s.error())
                          : Result<std::optional<DeviceToken>>(std::optional<DeviceToken>());
    DeviceToken t;
    t.id = s.integer(0);
    t.device = s.text(1);
    t.user = s.text(2);
    t.createdAt = QDateTime::fromString(s.text(3), Qt::ISODateWithMs);
    t.roles = s.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return std::optional<DeviceToken>(t);
}

Result<void> SqlOfficeStore::bindDeviceKey(const DeviceToken &token, const QString &publicKeyHex)
{
    return m_chain.bindKey(token, publicKeyHex);
}

Result<QString> SqlOfficeStore::deviceKey(const DeviceToken &token)
{
    auto key = m_chain.boundKey(token.id);
    if (!key)
        return key.error();
    return key->has_value() ? (*key)->publicKey : QString();
}

Result<QString> SqlOfficeStore::deviceTokenHash(const QString &device)
{
    auto st = m_db->prepare(QStringLiteral("SELECT token_hash FROM tokens WHERE device = ? AND "
                                           "revoked_at IS NULL ORDER BY id DESC LIMIT 1"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, device);
    if (!s.step())
        return s.failed() ? Result<QString>(s.error())
                          : Result<QString>(makeError(QStringLiteral("office.unknown_token"),
                                                      tr("设备“%1”没有有效的令牌（从未创建，或已吊销）").arg(device)));
    return s.text(0);
}

// The one commit that need not be on disk when it returns, which saves a WAL fsync per uploaded
// file: the file itself is already durable in the blob store, and a row lost in a power cut is
// written again the next time anyone asks about the file (OfficeServer::heldState). A record that
// names the file is pushed after this commit, and its own FULL commit syncs the WAL up to and
// including this row, so no acknowledged record can ever point at a missing row. (PostgreSQL:
// synchronous_commit off for this one; any later synchronous commit, on any connection, flushes
// the one WAL up to itself, this row included.)
Result<void> SqlOfficeStore::recordBlob(const QString &sha256, qint64 size)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO blobs(sha256, size, stored_at) VALUES(?,?,?) ON CONFLICT DO NOTHING"));
    if (!st)
        return st.error();
    st.value().bindText(1, sha256).bindInt(2, size).bindText(3, now());
    if (auto relaxed = m_db->setDurableCommits(false); !relaxed)
        return relaxed;
    auto done = st.value().run();
    if (auto full = m_db->setDurableCommits(true); !full)
        return full;
    return done;
}

Result<bool> SqlOfficeStore::hasBlob(const QString &sha256)
{
    auto st = m_db->prepare(QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = ?"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, sha256);
    const bool found = s.step();
    if (s.failed())
        return s.error();
    return found;
}

Result<OfficeStats> SqlOfficeStore::stats()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM assignments WHERE entity = 'task'),"
        " (SELECT count(*) FROM assignments WHERE entity = 'customer'),"
        // a job is a customer's: several devices' job records for one customer count once
        " (SELECT count(DISTINCT %1) FROM records WHERE entity = 'job' AND op <> 'delete'),"
        " (SELECT count(*) FROM records),"
        " (SELECT count(*) FROM blobs), (SELECT coalesce(sum(size), 0) FROM blobs),"
        " (SELECT count(DISTINCT device) FROM tokens WHERE revoked_at IS NULL),"
        // merge rule: a customer's job is done when any device's own job record says done
        " (SELECT count(DISTINCT %1) FROM records"
        "   WHERE entity = 'job' AND op <> 'delete' AND json_extract(payload, '$.status') = 'done'),"
        " (SELECT count(*) FROM record_conflicts WHERE resolved_at IS NULL),"
        " (SELECT count(*) FROM assignments WHERE entity = 'task' AND assignees = '')")
                                .arg(QLatin1String(kJobCustomer)));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    if (!s.step())
        return s.failed() ? s.error() : m_db->lastError(QStringLiteral("stats"));
    return OfficeStats{s.integer(0), s.integer(1), s.integer(2), s.integer(3), s.integer(4),
                       s.integer(5), s.integer(6), s.integer(7), s.integer(8), s.integer(9)};
}

Result<void> SqlOfficeStore::ping()
{
    auto st = m_db->prepare(QStringLiteral("SELECT 1"));
    if (!st)
        return st.error();
    st.value().step();
    if (st.value().failed())
        return st.value().error();
    return {};
}

Result<QList<BlobReference>> SqlOfficeStore::blobReferences()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT rb.record_uuid, r.entity, rb.sha256 FROM record_blobs rb "
        "JOIN records r ON r.uuid = rb.record_uuid ORDER BY rb.record_uuid"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    QList<BlobReference> out;
    while (s.step())
        out << BlobReference{s.text(0), s.text(1), s.text(2)};
    if (s.failed())
        return s.error();
    return out;
}

Result<QStringList> SqlOfficeStore::blobHashes()
{
    auto st = m_db->prepare(QStringLiteral("SELECT sha256 FROM blobs ORDER BY sha256"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    QStringList out;
    while (s.step())
        out << s.text(0);
    if (s.failed())
        return s.error();
    return out;
}

Result<void> SqlOfficeStore::integrityCheck()
{
    return m_db->integrityCheck();
}

Result<ChainAudit> SqlOfficeStore::verifyRecordChains()
{
    return m_chain.verify();
}

} // namespace ms::server
