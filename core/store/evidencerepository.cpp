#include "store/evidencerepository.h"

#include "model/sha256.h"

#include "store/database.h"
#include "store/evidencefiles.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/recordownersql.h"
#include "store/store.h"
#include "store/storelog.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonDocument>

#include <optional>

namespace ms {

using namespace storeutil;

namespace {

constexpr const char *kSelect =
    "SELECT id, uuid, job_id, card_id, requirement, kind, sha256, mime, size, value, unit, meta, "
    "user_uuid, captured_at, version, supersedes, prev_hash, chain_hash, task_id FROM evidence e ";
constexpr const char *kCurrentOnly =
    " AND NOT EXISTS (SELECT 1 FROM evidence n WHERE n.supersedes = e.uuid)";

Evidence evidenceFrom(const Statement &q)
{
    Evidence e;
    e.id = q.integer(0);
    e.uuid = q.text(1);
    e.jobId = q.integer(2);
    e.cardId = q.text(3);
    e.requirement = q.text(4);
    e.kind = evidenceKindFromKey(q.text(5)).value_or(EvidenceKind::Text);
    e.sha256 = q.text(6);
    e.mime = q.text(7);
    e.size = q.integer(8);
    e.value = q.text(9);
    e.unit = q.text(10);
    e.meta = QJsonDocument::fromJson(q.text(11).toUtf8()).object();
    e.userUuid = q.text(12);
    e.capturedAt = json::parseTime(q.text(13));
    e.version = int(q.integer(14));
    e.taskId = q.integer(18);
    return e;
}

QString chainOf(const QString &prev, const QByteArray &canonical)
{
    Sha256 h;
    h.addData(prev.toLatin1());
    h.addData(canonical);
    return h.hex();
}

QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

EvidenceRepository::EvidenceRepository(Database &db, EvidenceFiles &files, Store &store,
                                       OutboxRepository &outbox)
    : m_db(db), m_files(files), m_store(store), m_outbox(outbox)
{
}

QByteArray EvidenceRepository::canonicalJson(const Evidence &e, const QString &supersedes)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical. Deliberately not built
    // from json::fromEvidence (the sync payload, nearly the same fields): a field added there
    // would change the hash of every stored row and break every existing chain.
    const QJsonObject o{{QStringLiteral("uuid"), e.uuid},
                        {QStringLiteral("job_id"), double(e.jobId)},
                        {QStringLiteral("card_id"), e.cardId},
                        {QStringLiteral("requirement"), e.requirement},
                        {QStringLiteral("kind"), evidenceKindKey(e.kind)},
                        {QStringLiteral("sha256"), e.sha256},
                        {QStringLiteral("mime"), e.mime},
                        {QStringLiteral("size"), double(e.size)},
                        {QStringLiteral("value"), e.value},
                        {QStringLiteral("unit"), e.unit},
                        {QStringLiteral("meta"), e.meta},
                        {QStringLiteral("user_uuid"), e.userUuid},
                        {QStringLiteral("captured_at"), json::isoTime(e.capturedAt)},
                        {QStringLiteral("supersedes"), supersedes},
                        {QStringLiteral("version"), e.version}};
    if (e.taskId == 0)
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    QJsonObject task = o; // a task-level card's row: job_id 0, task_id names the owner
    task.insert(QStringLiteral("task_id"), double(e.taskId));
    return QJsonDocument(task).toJson(QJsonDocument::Compact);
}

Result<Evidence> EvidenceRepository::add(const NewEvidence &item)
{
    auto r = add(QList<NewEvidence>{item});
    if (!r)
        return r.error();
    return r.value().constFirst();
}

Result<QList<Evidence>> EvidenceRepository::add(const QList<NewEvidence> &items)
{
    if (items.isEmpty())
        return QList<Evidence>{};
    // 1. Files first: each is durable under its hash name before any row names it.
    QList<Evidence> records;
    QStringList written; // new files this call created (removed again if the rows fail)
    auto cleanup = [&] {
        // A file this call wrote is removed again unless a record names it (when the list
        // cannot be read, it stays: the next start-up sweep quarantines it).
        const auto still = referencedBlobs();
        for (const QString &sha : written)
            if (still && !still.value().contains(sha))
                m_files.discard(sha);
    };
    for (const NewEvidence &item : items) {
        Evidence e = item.record;
        if (e.jobId != 0)
            e.taskId = 0; // one owner: the job, or (task-level card) the task
        if ((e.jobId == 0 && e.taskId == 0) || e.cardId.isEmpty()) {
            cleanup();
            return badInput(Tr::tr("证据缺少工单或卡片编号。"));
        }
        if (!item.data.isEmpty() || !item.sourcePath.isEmpty()) {
            auto blob = item.data.isEmpty() ? m_files.writeFile(item.sourcePath)
                                            : m_files.write(item.data);
            if (!blob) {
                cleanup();
                return blob.error();
            }
            if (!blob->existed)
                written << blob->sha256;
            e.sha256 = blob->sha256;
            e.size = blob->size;
        } else {
            e.sha256.clear();
            e.size = 0;
        }
        if (e.uuid.isEmpty())
            e.uuid = newUuid();
        if (!e.capturedAt.isValid())
            e.capturedAt = now();
        // Millisecond precision: what is stored must hash the same when read back.
        e.capturedAt = json::parseTime(json::isoTime(e.capturedAt));
        e.version = 1;
        records << e;
    }

    // 2. All rows + outbox rows in one transaction. On failure the files are removed after the
    // rollback, so rows of this very transaction no longer count as references.
    std::optional<Error> failure;
    auto fail = [&](const Error &err) {
        failure = err;
        return false;
    };
    [&] {
        Transaction tx(m_db);
        if (!tx.ok())
            return fail(tx.error());
        auto ins = m_db.prepare(QStringLiteral(
            "INSERT INTO evidence(uuid, job_id, card_id, requirement, kind, sha256, mime, size, "
            "value, unit, meta, user_uuid, captured_at, supersedes, prev_hash, chain_hash, version, "
            "task_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        auto supQ = m_db.prepare(QStringLiteral(
            "SELECT ifnull(job_id, 0), ifnull(task_id, 0) FROM evidence WHERE uuid = ?"));
        if (!ins || !supQ)
            return fail(m_db.lastError(Tr::tr("保存证据")));
        for (int i = 0; i < records.size(); ++i) {
            Evidence &e = records[i];
            const QString supersedes = items.at(i).supersedes;
            const RecordOwner owner = RecordOwner::of(e);
            const auto ownerRef = ownerUuid(m_db, owner);
            if (!ownerRef)
                return fail(ownerRef.error());
            if (!supersedes.isEmpty()) {
                supQ.value().reset();
                supQ.value().bindText(1, supersedes);
                if (!supQ.value().step() || supQ.value().integer(0) != e.jobId
                    || supQ.value().integer(1) != e.taskId)
                    return fail(noRow(supQ.value(),
                                      badInput(Tr::tr("要重拍替换的证据 %1 不存在或不属于该工单。")
                                                   .arg(supersedes))));
                const auto later = this->supersededBy(supersedes);
                if (!later)
                    return fail(later.error());
                if (!later.value().isEmpty())
                    return fail(badInput(Tr::tr("证据 %1 已被重拍替换过，请替换最新的那一份。").arg(supersedes)));
            }
            auto chainQ = m_db.prepare(
                QStringLiteral("SELECT chain_hash FROM evidence WHERE %1 = ? ORDER BY id DESC "
                               "LIMIT 1")
                    .arg(ownerColumn(owner)));
            if (!chainQ)
                return fail(chainQ.error());
            chainQ.value().bindInt(1, owner.id());
            const QString prev = chainQ.value().step() ? chainQ.value().text(0) : QString();
            if (chainQ.value().failed())
                return fail(chainQ.value().error());
            const QString chain = chainOf(prev, canonicalJson(e, supersedes));
            Statement &q = ins.value();
            q.reset();
            q.bindText(1, e.uuid).bindText(3, e.cardId);
            bindOwner(q, 2, 18, owner);
            q.bindText(4, nn(e.requirement)).bindText(5, evidenceKindKey(e.kind));
            q.bindText(6, nn(e.sha256)).bindText(7, nn(e.mime)).bindInt(8, e.size);
            q.bindText(9, nn(e.value)).bindText(10, nn(e.unit));
            q.bindText(11, QString::fromUtf8(QJsonDocument(e.meta).toJson(QJsonDocument::Compact)));
            q.bindText(12, nn(e.userUuid)).bindText(13, json::isoTime(e.capturedAt));
            if (supersedes.isEmpty())
                q.bindNull(14);
            else
                q.bindText(14, supersedes);
            q.bindText(15, nn(prev)).bindText(16, chain).bindInt(17, e.version);
            if (auto r = q.run(); !r)
                return fail(r.error());
            e.id = m_db.lastInsertId();
            QJsonObject payload =
                withOwner(json::fromEvidence(e, QString(), supersedes), owner, ownerRef.value());
            payload.insert(QStringLiteral("prev_hash"), prev);
            payload.insert(QStringLiteral("chain_hash"), chain);
            const QStringList blobs = e.sha256.isEmpty() ? QStringList() : QStringList{e.sha256};
            if (auto r = m_outbox.append(QStringLiteral("evidence"), e.uuid, e.version,
                                         QStringLiteral("upsert"), payload, blobs);
                !r)
                return fail(r.error());
        }
        if (auto r = tx.commit(); !r)
            return fail(r.error());
        return true;
    }();
    if (failure) {
        cleanup();
        return *failure;
    }
    for (const Evidence &e : records) {
        const RowId job = e.jobId;
        const RowId task = e.taskId;
        const QString card = e.cardId;
        if (job == 0)
            m_db.afterCommit([this, task, card] { emit m_store.taskCardChanged(task, card); });
        else
            m_db.afterCommit([this, job, card] { emit m_store.evidenceAdded(job, card); });
    }
    return records;
}

Result<Statement> EvidenceRepository::selectOf(const RecordOwner &owner, const QString &cardId,
                                               bool includeSuperseded)
{
    // "task_id = ?" needs no "task_id IS NOT NULL" to use the partial index evidence_task_card:
    // SQLite knows that "x = ?" implies it.
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("WHERE ") + ownerColumn(owner)
                           + QStringLiteral(" = ?")
                           + (cardId.isEmpty() ? QString() : QStringLiteral(" AND card_id = ?"))
                           + (includeSuperseded ? QString() : QLatin1String(kCurrentOnly))
                           + QStringLiteral(" ORDER BY id"));
    if (!st)
        return st.error();
    st.value().bindInt(1, owner.id());
    if (!cardId.isEmpty())
        st.value().bindText(2, cardId);
    return st;
}

Result<QList<Evidence>> EvidenceRepository::list(const RecordOwner &owner, const QString &cardId,
                                                 bool includeSuperseded)
{
    QList<Evidence> out;
    auto st = selectOf(owner, cardId, includeSuperseded);
    if (!st)
        return st.error();
    while (st.value().step())
        out << evidenceFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<Evidence> EvidenceRepository::byUuid(const QString &uuid)
{
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, uuid);
    if (!st.value().step())
        return noRow(st.value(), notFound(Tr::tr("找不到该证据（%1）。").arg(uuid)));
    return evidenceFrom(st.value());
}

Result<QString> EvidenceRepository::supersededBy(const QString &uuid)
{
    return firstText(QStringLiteral("SELECT uuid FROM evidence WHERE supersedes = ?"), uuid);
}

Result<QString> EvidenceRepository::chainHash(const QString &uuid)
{
    return firstText(QStringLiteral("SELECT chain_hash FROM evidence WHERE uuid = ?"), uuid);
}

Result<QString> EvidenceRepository::firstText(const QString &sql, const QString &arg)
{
    auto st = m_db.prepare(sql);
    if (!st)
        return st.error();
    st.value().bindText(1, arg);
    if (st.value().step())
        return st.value().text(0);
    if (st.value().failed())
        return st.value().error();
    return QString();
}

ChainReport EvidenceRepository::verifyChain(const RecordOwner &owner)
{
    const RowId jobId = owner.id(); // named in the message (a task's rows: the task id)
    ChainReport report;
    auto st = selectOf(owner, {}, true);
    if (!st) {
        report.ok = false;
        report.message = st.error().message;
        return report;
    }
    QString prev;
    while (st.value().step()) {
        const Statement &q = st.value();
        const Evidence e = evidenceFrom(q);
        const QString supersedes = q.text(15);
        const QString storedPrev = q.text(16);
        const QString stored = q.text(17);
        ++report.rows;
        const QString expected = chainOf(prev, canonicalJson(e, supersedes));
        if (storedPrev != prev || stored != expected) {
            report.ok = false;
            report.brokenUuid = e.uuid;
            report.message = Tr::tr("工单 %1 的第 %2 条证据（%3，卡片 %4）与哈希链不符：记录被改动、删除或插入过。")
                                 .arg(jobId).arg(report.rows).arg(e.uuid, e.cardId);
            return report;
        }
        prev = stored;
    }
    if (st.value().failed()) {
        report.ok = false;
        report.message = st.value().error().message;
    }
    return report;
}

Result<void> EvidenceRepository::verifyFiles(RowId jobId)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT DISTINCT sha256 FROM evidence WHERE sha256 <> '' AND (?1 = 0 OR job_id = ?1)"));
    if (!st)
        return st.error();
    st.value().bindInt(1, jobId);
    while (st.value().step())
        if (auto r = m_files.verify(st.value().text(0)); !r)
            return r;
    if (st.value().failed())
        return st.value().error();
    return {};
}

Result<QSet<QString>> EvidenceRepository::referencedBlobs()
{
    // Every file a record names, and every file the outbox still has to send.
    return shaSet(QStringLiteral("SELECT sha256 FROM evidence WHERE sha256 <> '' "
                                 "UNION SELECT b.sha256 FROM outbox_blobs b JOIN outbox o ON o.seq = b.seq "
                                 "WHERE o.confirmed_at IS NULL"));
}

Result<QSet<QString>> EvidenceRepository::reclaimableBlobs()
{
    // A file may go only when the office has it, and every row naming it was retaken by a newer
    // row, with both rows' outbox entries confirmed by the office.
    return shaSet(QStringLiteral(
        "SELECT e.sha256 FROM evidence e JOIN blob_uploads b ON b.sha256 = e.sha256 "
        "GROUP BY e.sha256 HAVING SUM(CASE WHEN EXISTS (SELECT 1 FROM evidence n "
        "  WHERE n.supersedes = e.uuid AND NOT EXISTS (SELECT 1 FROM outbox o "
        "    WHERE o.uuid IN (e.uuid, n.uuid) AND o.confirmed_at IS NULL)) "
        "  AND EXISTS (SELECT 1 FROM outbox o WHERE o.uuid = e.uuid) "
        "  THEN 0 ELSE 1 END) = 0"));
}

Result<QSet<QString>> EvidenceRepository::shaSet(const QString &sql)
{
    QSet<QString> out;
    auto st = m_db.prepare(sql);
    if (!st)
        return st.error();
    while (st.value().step())
        out.insert(st.value().text(0));
    if (st.value().failed())
        return st.value().error();
    return out;
}

} // namespace ms
