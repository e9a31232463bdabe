#include "store/office/sqliteofficestore.h"

#include "store/database.h"
#include "store/office/blobstore.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <sqlite3.h>

namespace ms::office {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::office::SqliteOfficeStore", text);
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
    };
    return list;
}

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

PushResult refused(const OutboxEntry &r, const QString &code, const QString &reason)
{
    return PushResult{r.seq, r.uuid, r.version, PushStatus::Refused, code, reason};
}
} // namespace

QString pushStatusKey(PushStatus s)
{
    switch (s) {
    case PushStatus::Stored: return QStringLiteral("stored");
    case PushStatus::Duplicate: return QStringLiteral("duplicate");
    case PushStatus::Stale: return QStringLiteral("stale");
    case PushStatus::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("refused");
}

std::optional<PushStatus> pushStatusFromKey(const QString &key)
{
    for (auto s : {PushStatus::Stored, PushStatus::Duplicate, PushStatus::Stale, PushStatus::Refused})
        if (pushStatusKey(s) == key)
            return s;
    return std::nullopt;
}

SqliteOfficeStore::SqliteOfficeStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
SqliteOfficeStore::~SqliteOfficeStore() = default;

Result<std::unique_ptr<SqliteOfficeStore>> SqliteOfficeStore::open(const QString &filePath)
{
    DatabaseOptions options;
    options.durableCommits = true;
    auto db = Database::open(filePath, migrations(), options);
    if (!db)
        return db.error();
    return std::unique_ptr<SqliteOfficeStore>(new SqliteOfficeStore(std::move(db).value()));
}

Result<std::unique_ptr<SqliteOfficeStore>> SqliteOfficeStore::openAnother(const QString &filePath)
{
    DatabaseOptions options;
    options.checkFileHeader = false;
    options.quickCheckOnOpen = false;
    options.durableCommits = true;
    auto db = Database::open(filePath, migrations(), options);
    if (!db)
        return db.error();
    return std::unique_ptr<SqliteOfficeStore>(new SqliteOfficeStore(std::move(db).value()));
}

Result<QString> SqliteOfficeStore::createToken(const QString &device, const QString &user)
{
    if (device.trimmed().isEmpty() || user.trimmed().isEmpty())
        return makeError(QStringLiteral("office.bad_token_request"),
                         tr("设备名和用户名都不能为空"));
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QString token = QStringLiteral("mst_")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO tokens(token_hash, device, user, created_at) VALUES(?,?,?,?)"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindText(1, hashToken(token)).bindText(2, device).bindText(3, user).bindText(4, now());
    if (auto r = s.run(); !r)
        return r.error();
    return token;
}

Result<int> SqliteOfficeStore::revokeToken(const QString &deviceOrToken)
{
    auto st = m_db->prepare(QStringLiteral(
        "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND (device = ? OR token_hash = ?)"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindText(1, now()).bindText(2, deviceOrToken).bindText(3, hashToken(deviceOrToken));
    if (auto r = s.run(); !r)
        return r.error();
    const int changed = sqlite3_changes(m_db->handle());
    if (changed == 0)
        return makeError(QStringLiteral("office.unknown_token"),
                         tr("没有找到设备或令牌“%1”的有效令牌").arg(deviceOrToken));
    return changed;
}

Result<std::optional<DeviceToken>> SqliteOfficeStore::authenticate(const QString &token)
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT id, device, user, created_at FROM tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindText(1, hashToken(token));
    if (!s.step())
        return s.failed() ? Result<std::optional<DeviceToken>>(s.error())
                          : Result<std::optional<DeviceToken>>(std::optional<DeviceToken>());
    DeviceToken t;
    t.id = s.integer(0);
    t.device = s.text(1);
    t.user = s.text(2);
    t.createdAt = QDateTime::fromString(s.text(3), Qt::ISODateWithMs);
    return std::optional<DeviceToken>(t);
}

Result<QString> SqliteOfficeStore::deviceTokenHash(const QString &device)
{
    auto st = m_db->prepare(QStringLiteral("SELECT token_hash FROM tokens WHERE device = ? AND "
                                           "revoked_at IS NULL ORDER BY id DESC LIMIT 1"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindText(1, device);
    if (!s.step())
        return s.failed() ? Result<QString>(s.error())
                          : Result<QString>(makeError(QStringLiteral("office.unknown_token"),
                                                      tr("设备“%1”没有有效的令牌（从未创建，或已吊销）").arg(device)));
    return s.text(0);
}

Result<PushResult> SqliteOfficeStore::applyOne(const DeviceToken &from, const OutboxEntry &r)
{
    if (r.uuid.isEmpty() || r.entity.isEmpty() || r.version < 1)
        return refused(r, QStringLiteral("sync.bad_record"),
                       tr("记录缺少 uuid、entity 或有效的 version"));
    if (r.op != QLatin1String("upsert") && r.op != QLatin1String("delete"))
        return refused(r, QStringLiteral("sync.bad_record"),
                       tr("未知操作“%1”（应为 upsert 或 delete）").arg(r.op));
    for (const QString &sha : r.blobs) {
        if (!isSha256Hex(sha))
            return refused(r, QStringLiteral("sync.bad_record"),
                           tr("证据哈希“%1”不是 64 位小写十六进制 SHA-256").arg(sha));
        auto has = hasBlob(sha);
        if (!has)
            return has.error();
        if (!*has)
            return refused(r, QStringLiteral("sync.missing_blob"),
                           tr("记录引用的证据文件 %1 尚未上传到办公室；请先上传该文件再发送记录。")
                               .arg(sha));
    }
    auto cur = m_db->prepare(QStringLiteral("SELECT version FROM records WHERE uuid = ?"));
    if (!cur)
        return cur.error();
    Statement &c = cur.value();
    c.bindText(1, r.uuid);
    const bool exists = c.step();
    if (c.failed())
        return c.error();
    if (exists) {
        const qint64 held = c.integer(0);
        if (held == r.version)
            return PushResult{r.seq, r.uuid, r.version, PushStatus::Duplicate, {}, {}};
        if (held > r.version)
            return PushResult{r.seq, r.uuid, r.version, PushStatus::Stale, {}, {}};
    }
    auto up = m_db->prepare(QStringLiteral(
        "INSERT INTO records(uuid, entity, version, op, payload, device, user, received_at) "
        "VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(uuid) DO UPDATE SET entity=excluded.entity, "
        "version=excluded.version, op=excluded.op, payload=excluded.payload, "
        "device=excluded.device, user=excluded.user, received_at=excluded.received_at"));
    if (!up)
        return up.error();
    Statement &u = up.value();
    u.bindText(1, r.uuid).bindText(2, r.entity).bindInt(3, r.version).bindText(4, r.op);
    u.bindText(5, compact(r.payload)).bindText(6, from.device).bindText(7, from.user);
    u.bindText(8, now());
    if (auto ok = u.run(); !ok)
        return ok.error();
    auto del = m_db->prepare(QStringLiteral("DELETE FROM record_blobs WHERE record_uuid = ?"));
    if (!del)
        return del.error();
    del.value().bindText(1, r.uuid);
    if (auto ok = del.value().run(); !ok)
        return ok.error();
    for (const QString &sha : r.blobs) {
        auto ins = m_db->prepare(QStringLiteral(
            "INSERT OR IGNORE INTO record_blobs(record_uuid, sha256) VALUES(?,?)"));
        if (!ins)
            return ins.error();
        ins.value().bindText(1, r.uuid).bindText(2, sha);
        if (auto ok = ins.value().run(); !ok)
            return ok.error();
    }
    return PushResult{r.seq, r.uuid, r.version, PushStatus::Stored, {}, {}};
}

Result<QList<PushResult>> SqliteOfficeStore::pushRecords(const DeviceToken &from,
                                                         const QList<OutboxEntry> &records)
{
    Transaction tx(*m_db);
    if (!tx.ok())
        return tx.error();
    QList<PushResult> results;
    results.reserve(records.size());
    for (const OutboxEntry &r : records) {
        auto one = applyOne(from, r);
        if (!one)
            return one.error(); // tx rolls back: nothing of this batch is stored
        results << *one;
    }
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return results;
}

// The one commit that need not be on disk when it returns, which saves a WAL fsync per uploaded
// file: the file itself is already durable in the blob store, and a row lost in a power cut is
// written again the next time anyone asks about the file (OfficeServer::heldState). A record that
// names the file is pushed after this commit, and its own FULL commit syncs the WAL up to and
// including this row, so no acknowledged record can ever point at a missing row.
Result<void> SqliteOfficeStore::recordBlob(const QString &sha256, qint64 size)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT OR IGNORE INTO blobs(sha256, size, stored_at) VALUES(?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, sha256).bindInt(2, size).bindText(3, now());
    if (auto relaxed = m_db->exec(QStringLiteral("PRAGMA synchronous=NORMAL")); !relaxed)
        return relaxed;
    auto done = st.value().run();
    if (auto full = m_db->exec(QStringLiteral("PRAGMA synchronous=FULL")); !full)
        return full;
    return done;
}

Result<bool> SqliteOfficeStore::hasBlob(const QString &sha256)
{
    auto st = m_db->prepare(QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = ?"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindText(1, sha256);
    const bool found = s.step();
    if (s.failed())
        return s.error();
    return found;
}

Result<AssignmentPage> SqliteOfficeStore::pullAssignments(const DeviceToken &to, qint64 cursor,
                                                          int limit)
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT seq, entity, uuid, version, payload FROM assignments WHERE seq > ? AND "
        "(assignees = '' OR instr(',' || assignees || ',', ',' || ? || ',') > 0) "
        "ORDER BY seq LIMIT ?"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    s.bindInt(1, cursor).bindText(2, to.user).bindInt(3, limit + 1);
    AssignmentPage page;
    page.cursor = cursor;
    while (s.step()) {
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        Assignment a{s.integer(0), s.text(1), s.text(2), int(s.integer(3)), parseObject(s.text(4))};
        page.cursor = a.seq;
        page.items << a;
    }
    if (s.failed())
        return s.error();
    if (!page.more) {
        // Rows not visible to this user still advance the cursor, so the next pull is cheap.
        auto mx = m_db->prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM assignments"));
        if (mx && mx.value().step())
            page.cursor = std::max(page.cursor, mx.value().integer(0));
    }
    return page;
}

Result<int> SqliteOfficeStore::upsertAssignment(const Assignment &a, const QString &taskUuid,
                                                const QString &assignees)
{
    auto cur = m_db->prepare(QStringLiteral(
        "SELECT version, payload, assignees FROM assignments WHERE uuid = ?"));
    if (!cur)
        return cur.error();
    Statement &c = cur.value();
    c.bindText(1, a.uuid);
    int version = 1;
    int outcome = 0;
    if (c.step()) {
        QJsonObject held = parseObject(c.text(1));
        QJsonObject incoming = a.payload;
        held.remove(QStringLiteral("version"));
        incoming.remove(QStringLiteral("version"));
        if (held == incoming && c.text(2) == assignees)
            return 2;
        version = int(c.integer(0)) + 1;
        outcome = 1;
    } else if (c.failed()) {
        return c.error();
    }
    // Delete + insert gives the row a new seq, so tablets past the old cursor see the change.
    auto del = m_db->prepare(QStringLiteral("DELETE FROM assignments WHERE uuid = ?"));
    if (!del)
        return del.error();
    del.value().bindText(1, a.uuid);
    if (auto ok = del.value().run(); !ok)
        return ok.error();
    QJsonObject payload = a.payload;
    payload.insert(QStringLiteral("version"), version);
    auto ins = m_db->prepare(QStringLiteral(
        "INSERT INTO assignments(entity, uuid, version, payload, task_uuid, assignees) "
        "VALUES(?,?,?,?,?,?)"));
    if (!ins)
        return ins.error();
    Statement &i = ins.value();
    i.bindText(1, a.entity).bindText(2, a.uuid).bindInt(3, version).bindText(4, compact(payload));
    i.bindText(5, taskUuid).bindText(6, assignees);
    if (auto ok = i.run(); !ok)
        return ok.error();
    return outcome;
}

Result<ImportSummary> SqliteOfficeStore::importTask(const Assignment &task,
                                                    const QList<Assignment> &customers,
                                                    const QStringList &assignees)
{
    Transaction tx(*m_db);
    if (!tx.ok())
        return tx.error();
    const QString who = assignees.join(QLatin1Char(','));
    ImportSummary summary;
    summary.taskUuid = task.uuid;
    auto t = upsertAssignment(task, task.uuid, who);
    if (!t)
        return t.error();
    summary.taskCreated = *t == 0;
    for (const Assignment &c : customers) {
        auto r = upsertAssignment(c, task.uuid, who);
        if (!r)
            return r.error();
        (*r == 0 ? summary.customersCreated
                 : *r == 1 ? summary.customersUpdated : summary.customersUnchanged)++;
    }
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return summary;
}

Result<OfficeStats> SqliteOfficeStore::stats()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM assignments WHERE entity = 'task'),"
        " (SELECT count(*) FROM assignments WHERE entity = 'customer'),"
        " (SELECT count(*) FROM records WHERE entity = 'job' AND op <> 'delete'),"
        " (SELECT count(*) FROM records),"
        " (SELECT count(*) FROM blobs), (SELECT coalesce(sum(size), 0) FROM blobs),"
        " (SELECT count(DISTINCT device) FROM tokens WHERE revoked_at IS NULL)"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    if (!s.step())
        return s.failed() ? s.error() : m_db->lastError(QStringLiteral("stats"));
    return OfficeStats{s.integer(0), s.integer(1), s.integer(2), s.integer(3),
                       s.integer(4), s.integer(5), s.integer(6)};
}

Result<QList<BlobReference>> SqliteOfficeStore::blobReferences()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT rb.record_uuid, r.entity, rb.sha256 FROM record_blobs rb "
        "JOIN records r ON r.uuid = rb.record_uuid ORDER BY rb.record_uuid"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    QList<BlobReference> out;
    while (s.step())
        out << BlobReference{s.text(0), s.text(1), s.text(2)};
    if (s.failed())
        return s.error();
    return out;
}

Result<QStringList> SqliteOfficeStore::blobHashes()
{
    auto st = m_db->prepare(QStringLiteral("SELECT sha256 FROM blobs ORDER BY sha256"));
    if (!st)
        return st.error();
    Statement &s = st.value();
    QStringList out;
    while (s.step())
        out << s.text(0);
    if (s.failed())
        return s.error();
    return out;
}

Result<void> SqliteOfficeStore::integrityCheck()
{
    return m_db->integrityCheck();
}

} // namespace ms::office
