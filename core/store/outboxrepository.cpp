#include "store/outboxrepository.h"

#include "store/database.h"
#include "store/outboxrow.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ms {

using namespace storeutil;

OutboxRepository::OutboxRepository(Database &db, Store &store) : m_db(db), m_store(store) {}

Result<qint64> OutboxRepository::append(const QString &entity, const QString &uuid, int version,
                                        const QString &op, const QJsonObject &payload,
                                        const QStringList &blobs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    OutboxEntry row;
    row.entity = entity;
    row.uuid = uuid;
    row.version = version;
    row.op = op;
    row.payload = payload;
    row.blobs = blobs;
    auto link = m_store.outboxChain().append(row); // same transaction: the row and its link
    if (!link)
        return link.error();
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO outbox(entity, uuid, version, op, payload, blobs, created_at, "
        "chain_n, chain_prev, chain_link, chain_sig) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindText(1, entity).bindText(2, uuid).bindInt(3, version).bindText(4, op);
    q.bindText(5, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q.bindText(6, QString::fromUtf8(
                      QJsonDocument(QJsonArray::fromStringList(blobs)).toJson(QJsonDocument::Compact)));
    q.bindText(7, json::isoTime(now()));
    q.bindInt(8, link->n).bindText(9, link->prev).bindText(10, link->link);
    q.bindText(11, link->signature);
    if (auto r = q.run(); !r)
        return r.error();
    const qint64 seq = m_db.lastInsertId();
    if (!blobs.isEmpty()) {
        auto b = m_db.prepare(
            QStringLiteral("INSERT OR IGNORE INTO outbox_blobs(seq, sha256) VALUES (?,?)"));
        if (!b)
            return b.error();
        for (const QString &sha : blobs) {
            b.value().reset();
            b.value().bindInt(1, seq).bindText(2, sha);
            if (auto r = b.value().run(); !r)
                return r.error();
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    m_db.afterCommit([this] { emit m_store.outboxChanged(); });
    return seq;
}


Result<QList<OutboxEntry>> OutboxRepository::pending(int limit, qint64 afterSeq)
{
    QList<OutboxEntry> out;
    auto st = m_db.prepare(QLatin1String(outboxrow::kSelect)
                           + QStringLiteral("WHERE confirmed_at IS NULL AND seq > ? "
                                            "ORDER BY seq LIMIT ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, afterSeq).bindInt(2, limit);
    while (q.step())
        out << outboxrow::from(q);
    if (q.failed())
        return q.error();
    return out;
}

Result<QList<OutboxEntry>> OutboxRepository::all(int limit)
{
    QList<OutboxEntry> out;
    auto st = m_db.prepare(QLatin1String(outboxrow::kSelect)
                           + QStringLiteral("ORDER BY seq DESC LIMIT ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, limit);
    while (q.step())
        out.prepend(outboxrow::from(q));
    if (q.failed())
        return q.error();
    return out;
}

Result<void> OutboxRepository::markConfirmed(const QList<qint64> &seqs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET confirmed_at = ? WHERE seq = ? AND confirmed_at IS NULL"));
    if (!st)
        return st.error();
    auto verdict = m_db.prepare(QStringLiteral("DELETE FROM outbox_verdicts WHERE seq = ?"));
    if (!verdict)
        return verdict.error();
    const QString at = json::isoTime(now());
    for (qint64 seq : seqs) {
        st.value().reset();
        st.value().bindText(1, at).bindInt(2, seq);
        if (auto r = st.value().run(); !r)
            return r;
        verdict.value().reset();
        verdict.value().bindInt(1, seq);
        if (auto r = verdict.value().run(); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    m_db.afterCommit([this] { emit m_store.outboxChanged(); });
    return {};
}

Result<void> OutboxRepository::recordVerdicts(const QList<OutboxVerdict> &verdicts)
{
    if (verdicts.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO outbox_verdicts(seq, status, code, reason, fields, at) "
        "SELECT seq, ?2, ?3, ?4, ?5, ?6 FROM outbox WHERE seq = ?1 AND confirmed_at IS NULL"));
    if (!st)
        return st.error();
    const QString at = json::isoTime(now());
    for (const OutboxVerdict &v : verdicts) {
        Statement &q = st.value();
        q.reset();
        q.bindInt(1, v.seq).bindText(2, v.status);
        q.bindText(3, v.code.isNull() ? QStringLiteral("") : v.code);
        q.bindText(4, v.reason.isNull() ? QStringLiteral("") : v.reason);
        q.bindText(5, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(v.fields))
                                            .toJson(QJsonDocument::Compact)));
        q.bindText(6, at);
        if (auto r = q.run(); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    m_db.afterCommit([this] { emit m_store.outboxChanged(); });
    return {};
}

Result<QList<OutboxVerdict>> OutboxRepository::verdicts()
{
    QList<OutboxVerdict> out;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT o.seq, o.entity, o.uuid, o.version, o.payload, v.status, v.code, v.reason, v.fields "
        "FROM outbox_verdicts v JOIN outbox o ON o.seq = v.seq "
        "WHERE o.confirmed_at IS NULL ORDER BY o.seq"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    while (q.step()) {
        OutboxVerdict v;
        v.seq = q.integer(0);
        v.entity = q.text(1);
        v.uuid = q.text(2);
        v.version = int(q.integer(3));
        const QJsonObject payload = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
        if (v.entity == QLatin1String("customer"))
            v.label = QStringLiteral("%1 %2").arg(
                payload.value(QStringLiteral("account_no")).toString(),
                payload.value(QStringLiteral("name")).toString());
        else if (v.entity == QLatin1String("task"))
            v.label = payload.value(QStringLiteral("name")).toString();
        if (v.label.trimmed().isEmpty())
            v.label = v.uuid.left(8);
        v.status = q.text(5);
        v.code = q.text(6);
        v.reason = q.text(7);
        for (const QJsonValue &f : QJsonDocument::fromJson(q.text(8).toUtf8()).array())
            v.fields << f.toString();
        out << v;
    }
    if (q.failed())
        return q.error();
    return out;
}

Result<PendingCounts> OutboxRepository::counts()
{
    PendingCounts c;
    auto records = m_db.prepare(QStringLiteral(
        "SELECT count(*) FROM outbox WHERE confirmed_at IS NULL"));
    if (!records)
        return records.error();
    if (!records.value().step())
        return noRow(records.value(), notFound(Tr::tr("读不出待发送的记录数。")));
    c.records = int(records.value().integer(0));
    auto files = m_db.prepare(QStringLiteral(
            "SELECT count(*), coalesce(sum(sz), 0) FROM ("
            " SELECT DISTINCT b.sha256, (SELECT max(e.size) FROM evidence e"
            // the `<> ''` lets SQLite use the partial index evidence_sha; without it every
            // waiting file scanned the whole evidence table (1 s for 3,000 photos)
            "   WHERE e.sha256 = b.sha256 AND e.sha256 <> '') AS sz"
            " FROM outbox_blobs b JOIN outbox o ON o.seq = b.seq"
            " WHERE o.confirmed_at IS NULL"
            "   AND b.sha256 NOT IN (SELECT sha256 FROM blob_uploads))"));
    if (!files)
        return files.error();
    if (!files.value().step())
        return noRow(files.value(), notFound(Tr::tr("读不出待发送的记录数。")));
    c.files = int(files.value().integer(0));
    c.bytes = files.value().integer(1);
    return c;
}

Result<void> OutboxRepository::markBlobsUploaded(const QStringList &sha256s)
{
    if (sha256s.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO blob_uploads(sha256, uploaded_at) VALUES (?, ?)"));
    if (!st)
        return st.error();
    const QString at = json::isoTime(now());
    for (const QString &sha256 : sha256s) {
        st.value().reset();
        st.value().bindText(1, sha256).bindText(2, at);
        if (auto r = st.value().run(); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    m_db.afterCommit([this] { emit m_store.outboxChanged(); });
    return {};
}

Result<bool> OutboxRepository::isBlobUploaded(const QString &sha256)
{
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM blob_uploads WHERE sha256 = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, sha256);
    if (st.value().step())
        return true;
    if (st.value().failed())
        return st.value().error();
    return false;
}

Result<QStringList> OutboxRepository::pendingBlobs()
{
    QStringList out;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT b.sha256 FROM outbox_blobs b JOIN outbox o ON o.seq = b.seq"
        " WHERE o.confirmed_at IS NULL AND b.sha256 NOT IN (SELECT sha256 FROM blob_uploads)"
        " GROUP BY b.sha256 ORDER BY min(b.seq)"));
    if (!st)
        return st.error();
    while (st.value().step())
        out << st.value().text(0);
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<SyncState> OutboxRepository::syncState()
{
    SyncState s;
    auto st = m_db.prepare(
        QStringLiteral("SELECT cursor, last_sync_at, last_error FROM sync_state WHERE id = 1"));
    if (!st)
        return st.error();
    if (st.value().step()) {
        s.cursor = st.value().text(0);
        s.lastSyncAt = json::parseTime(st.value().text(1));
        s.lastError = st.value().text(2);
    } else if (st.value().failed()) {
        return st.value().error();
    }
    return s;
}

Result<void> OutboxRepository::setSyncCursor(const QString &cursor)
{
    auto st = m_db.prepare(QStringLiteral("UPDATE sync_state SET cursor = ? WHERE id = 1"));
    if (!st)
        return st.error();
    st.value().bindText(1, cursor.isNull() ? QStringLiteral("") : cursor);
    return st.value().run();
}

Result<void> OutboxRepository::recordSyncSuccess(const QDateTime &at)
{
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE sync_state SET last_sync_at = ?, last_error = '' WHERE id = 1"));
    if (!st)
        return st.error();
    st.value().bindText(1, json::isoTime(at));
    return st.value().run();
}

Result<void> OutboxRepository::recordSyncError(const QString &message)
{
    auto st = m_db.prepare(QStringLiteral("UPDATE sync_state SET last_error = ? WHERE id = 1"));
    if (!st)
        return st.error();
    st.value().bindText(1, message.isNull() ? QStringLiteral("") : message);
    return st.value().run();
}

} // namespace ms
