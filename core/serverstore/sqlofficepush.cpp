// SqlOfficeStore::pushRecords: one batch of a device's records applied as a set. What the office
// holds of the batch (records, assignments, evidence files, the device's chain) is read once;
// each record is then checked in memory, in order, against that picture as if every earlier
// record of the batch were already written; the stored ones are written with one statement per
// table (records, evidence links, each projected table, stock use, the chain). A batch of 200
// costs ~20 round trips instead of ~2,000 (docs/scaling.md, docs/decisions/0018-postgresql.md).
#include "serverstore/sqlofficestore.h"

#include "model/sha256.h"
#include "serverstore/recordrules.h"
#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace ms::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::server::SqlOfficeStore", text);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

wire::PushResult refused(const OutboxEntry &r, const QString &code, const QString &reason)
{
    return wire::PushResult{r.seq, r.uuid, r.version, wire::PushStatus::Refused, code, reason, {}};
}

wire::PushResult answer(const OutboxEntry &r, wire::PushStatus status)
{
    return wire::PushResult{r.seq, r.uuid, r.version, status, {}, {}, {}};
}

// A NUL character anywhere in the record: PostgreSQL's text and jsonb cannot hold one, so such a
// record could never be stored there, and no tablet writes one.
bool hasNul(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().contains(QChar(0));
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            if (hasNul(item))
                return true;
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key().contains(QChar(0)) || hasNul(it.value()))
                return true;
    }
    return false;
}

} // namespace

// What a batch sees and what it will write.
struct SqlOfficeStore::PushBatch
{
    QHash<QString, HeldRecord> held; // uuid -> as the office holds it, this batch's writes included
    QSet<QString> heldBefore;        // uuids the office held before the batch
    QHash<QString, std::pair<QString, int>> assigned; // uuid -> (entity, version) handed out
    QSet<QString> blobs;                              // evidence files the office has
    struct Stored
    {
        QString uuid, entity, op, payload;
        int version = 0;
        QStringList blobs;
        QString jobUuid;
    };
    QList<Stored> stored;               // one row per uuid: its newest stored version
    QHash<QString, qsizetype> storedAt; // uuid -> index in stored
};

const QJsonObject &SqlOfficeStore::HeldRecord::object() const
{
    if (!parsed) {
        payload = QJsonDocument::fromJson(payloadText.toUtf8()).object();
        parsed = true;
    }
    return payload;
}

Result<void> SqlOfficeStore::readHeld(PushBatch &b, const QList<OutboxEntry> &records)
{
    QStringList uuids, offices;
    QSet<QString> shas;
    for (const OutboxEntry &r : records) {
        uuids << r.uuid;
        if (isOfficeEntity(r.entity))
            offices << r.uuid;
        for (const QString &sha : r.blobs)
            if (isSha256Hex(sha))
                shas.insert(sha);
    }
    const QString list = m_db->inList(1);
    auto held = m_db->prepare(QStringLiteral("SELECT uuid, entity, version, op, payload, device "
                                             "FROM records WHERE uuid%1")
                                  .arg(list));
    if (!held)
        return held.error();
    held.value().bindText(1, SqlConnection::jsonList(uuids));
    while (held.value().step()) {
        SqlStatement &s = held.value();
        HeldRecord h{s.text(1), int(s.integer(2)), s.text(3), s.text(4), s.text(5), {}, false};
        b.heldBefore.insert(s.text(0));
        b.held.insert(s.text(0), std::move(h));
    }
    if (held.value().failed())
        return held.value().error();
    if (!offices.isEmpty()) {
        auto st = m_db->prepare(QStringLiteral("SELECT uuid, entity, version FROM assignments "
                                               "WHERE uuid%1")
                                    .arg(list));
        if (!st)
            return st.error();
        st.value().bindText(1, SqlConnection::jsonList(offices));
        while (st.value().step())
            b.assigned.insert(st.value().text(0), {st.value().text(1), int(st.value().integer(2))});
        if (st.value().failed())
            return st.value().error();
    }
    if (!shas.isEmpty()) {
        auto st =
            m_db->prepare(QStringLiteral("SELECT sha256 FROM blobs WHERE sha256%1").arg(list));
        if (!st)
            return st.error();
        st.value().bindText(1, SqlConnection::jsonList(QStringList(shas.cbegin(), shas.cend())));
        while (st.value().step())
            b.blobs.insert(st.value().text(0));
        if (st.value().failed())
            return st.value().error();
    }
    return {};
}

// The order of the checks is the order of the rules in docs/sync-protocol.md ("Who may write a
// record"): shape, owner, version step, evidence, then what the office holds.
Result<wire::PushResult> SqlOfficeStore::decide(const DeviceToken &from, PushBatch &b,
                                                const OutboxEntry &r)
{
    if (r.uuid.isEmpty() || r.entity.isEmpty() || r.version < 1)
        return refused(r, QStringLiteral("sync.bad_record"),
                       tr("记录缺少 uuid、entity 或有效的 version"));
    if (r.op != QLatin1String("upsert") && r.op != QLatin1String("delete"))
        return refused(r, QStringLiteral("sync.bad_record"),
                       tr("未知操作“%1”（应为 upsert 或 delete）").arg(r.op));
    if (r.uuid.contains(QChar(0)) || r.entity.contains(QChar(0)) || hasNul(r.payload))
        return refused(r, QStringLiteral("sync.bad_record"),
                       tr("记录 %1 含有 NUL 字符（编码 "
                          "0），办公室无法保存；这不是正常编辑产生的，请联系技术支持。")
                           .arg(QString(r.uuid).remove(QChar(0))));
    if (r.entity == QLatin1String("review"))
        return refused(
            r, QStringLiteral("record.office_entity"),
            tr("审核结论只由办公室作出，平板不能发送“review”记录；请升级本机的换表通。"));
    const auto heldIt = b.held.constFind(r.uuid);
    const HeldRecord *held = heldIt == b.held.cend() ? nullptr : &*heldIt;
    if (held && held->entity != r.entity)
        return refused(
            r, QStringLiteral("record.entity_changed"),
            tr("办公室的记录 %1 是“%2”，不能作为“%3”改写；这不是正常编辑产生的，请联系办公室。")
                .arg(r.uuid, held->entity, r.entity));
    std::optional<int> assigned;
    if (isOfficeEntity(r.entity))
        if (const auto a = b.assigned.constFind(r.uuid);
            a != b.assigned.cend() && a->first == r.entity)
            assigned = a->second;
    const bool mine = !held || held->device == from.device;
    if (!mine && !assigned) // only a task or customer the office handed out has several editors
        return refused(r, QStringLiteral("record.not_owner"),
                       tr("记录 %1（%2）属于设备 %3，本设备不能改写它。若本机是替换 %3 的新平板，"
                          "请办公室用原设备名 %3 为本机签发令牌后再同步。")
                           .arg(r.uuid, r.entity, held->device));
    const qint64 base = held ? held->version : assigned.value_or(0);
    if (qint64(r.version) > base + wire::kMaxVersionStep)
        return refused(
            r, QStringLiteral("record.version_jump"),
            tr("记录 %1 的版本从 %2 跳到 %3，超过了每次最多 %4 的增幅；这不是正常编辑产生的，"
               "请联系办公室。")
                .arg(r.uuid)
                .arg(base)
                .arg(r.version)
                .arg(wire::kMaxVersionStep));
    for (const QString &sha : r.blobs) {
        if (!isSha256Hex(sha))
            return refused(r, QStringLiteral("sync.bad_record"),
                           tr("证据哈希“%1”不是 64 位小写十六进制 SHA-256").arg(sha));
        if (!b.blobs.contains(sha))
            return refused(
                r, QStringLiteral("sync.missing_blob"),
                tr("记录引用的证据文件 %1 尚未上传到办公室；请先上传该文件再发送记录。").arg(sha));
    }
    if (held) {
        QStringList fields;
        if (held->op != r.op)
            fields << QStringLiteral("op");
        if (!mine) {
            // Another device's edit of a customer or task: never one whole record over another.
            fields << differingFields(held->object(), r.payload, {QStringLiteral("version")});
            if (fields.isEmpty())
                return answer(r, wire::PushStatus::Duplicate);
            return conflict(from, r, *held, fields);
        }
        if (held->version == r.version) {
            fields << differingFields(held->object(), r.payload);
            return fields.isEmpty() ? answer(r, wire::PushStatus::Duplicate)
                                    : conflict(from, r, *held, fields);
        }
        if (held->version > r.version)
            return answer(r, wire::PushStatus::Stale);
    }
    // Stored: the next record of the batch sees it as held.
    const QString payload = compact(r.payload);
    HeldRecord now{r.entity, r.version, r.op, payload, from.device, r.payload, true};
    b.held.insert(r.uuid, std::move(now));
    PushBatch::Stored row{r.uuid,
                          r.entity,
                          r.op,
                          payload,
                          r.version,
                          r.blobs,
                          r.entity == QLatin1String("job")
                              ? r.uuid
                              : r.payload.value(QStringLiteral("job_uuid")).toString()};
    if (const auto at = b.storedAt.constFind(r.uuid); at != b.storedAt.cend()) {
        b.stored[*at] = std::move(row);
    } else {
        b.storedAt.insert(r.uuid, b.stored.size());
        b.stored << std::move(row);
    }
    return answer(r, wire::PushStatus::Stored);
}

Result<void> SqlOfficeStore::writeStored(const DeviceToken &from, const PushBatch &b)
{
    if (b.stored.isEmpty())
        return {};
    const QString receivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QJsonArray rows, links;
    QStringList stale;
    QHash<QString, QStringList> byEntity, staleByEntity;
    QStringList sources, jobs, jobRecords;
    for (const PushBatch::Stored &s : b.stored) {
        rows.append(QJsonArray{s.uuid, s.entity, s.version, s.op, s.payload});
        for (const QString &sha : s.blobs)
            links.append(QJsonArray{s.uuid, sha});
        byEntity[s.entity] << s.uuid;
        if (b.heldBefore.contains(s.uuid)) {
            stale << s.uuid;
            staleByEntity[s.entity] << s.uuid;
        }
        if (s.entity == QLatin1String("job") || s.entity == QLatin1String("evidence")
            || s.entity == QLatin1String("seal")) {
            sources << s.uuid;
            if (!s.jobUuid.isEmpty()) // a task's seal has none (its stock_use row has job '')
                jobs << s.jobUuid;
        }
        if (s.entity == QLatin1String("job"))
            jobRecords << s.uuid;
    }
    auto up = m_db->prepare(
        QStringLiteral("INSERT INTO records(uuid, entity, version, op, payload, device, user, "
                       "received_at) SELECT uuid, entity, version, op, payload, ?2, ?3, ?4 FROM ")
        + m_db->rowsFrom(
            1, {{"uuid"}, {"entity"}, {"version", SqlColumn::Integer}, {"op"}, {"payload"}})
        + QStringLiteral(
            " WHERE true ON CONFLICT(uuid) DO UPDATE SET entity=excluded.entity, "
            "version=excluded.version, op=excluded.op, payload=excluded.payload, "
            "device=excluded.device, user=excluded.user, received_at=excluded.received_at "
            // never an older version over a newer one, whatever another server commits meanwhile
            "WHERE records.version < excluded.version"));
    if (!up)
        return up.error();
    up.value().bindText(1, SqlConnection::jsonRows(rows)).bindText(2, from.device);
    up.value().bindText(3, from.user).bindText(4, receivedAt);
    if (auto ok = up.value().run(); !ok)
        return ok;
    // A record new to the office has no evidence links or projected rows yet: nothing to clear.
    if (!stale.isEmpty()) {
        auto del = m_db->prepare(
            QStringLiteral("DELETE FROM record_blobs WHERE record_uuid%1").arg(m_db->inList(1)));
        if (!del)
            return del.error();
        del.value().bindText(1, SqlConnection::jsonList(stale));
        if (auto ok = del.value().run(); !ok)
            return ok;
    }
    if (!links.isEmpty()) {
        auto ins = m_db->prepare(
            QStringLiteral("INSERT INTO record_blobs(record_uuid, sha256) SELECT record_uuid, "
                           "sha256 FROM ")
            + m_db->rowsFrom(1, {{"record_uuid"}, {"sha256"}})
            + QStringLiteral(" WHERE true ON CONFLICT DO NOTHING"));
        if (!ins)
            return ins.error();
        ins.value().bindText(1, SqlConnection::jsonRows(links));
        if (auto ok = ins.value().run(); !ok)
            return ok;
    }
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) // the office's picture of jobs
        if (auto ok = m_projection.apply(it.key(), it.value(), staleByEntity.value(it.key())); !ok)
            return ok;
    // What the jobs used, for the warehouse's reconciliation; the crew's stock reaches its user.
    return m_stock.noteRecords(sources, jobs, jobRecords);
}

Result<QList<wire::PushResult>> SqlOfficeStore::pushRecords(const DeviceToken &from,
                                                            const QList<OutboxEntry> &records)
{
    SqlTransaction tx(*m_db);
    if (!tx.ok())
        return tx.error();
    // Several servers may apply batches at once (PostgreSQL): the device's chain is one
    // writer's at a time, and so is each record, and each job whose evidence or seals the batch
    // brings (its stock use is rebuilt from all of them; an office decision on it takes the
    // same key). One
    // sorted list ("device:" before "record:"), so two batches never wait on each other in a
    // circle. Nothing to wait for on SQLite, where a writer is alone.
    QStringList keys{QStringLiteral("device:") + from.device};
    for (const OutboxEntry &r : records) {
        keys << QStringLiteral("record:") + r.uuid;
        const QString job = r.payload.value(QStringLiteral("job_uuid")).toString();
        if (!job.isEmpty()
            && (r.entity == QLatin1String("evidence") || r.entity == QLatin1String("seal")))
            keys << QStringLiteral("record:") + job;
    }
    keys.sort();
    keys.removeDuplicates();
    if (auto locked = m_db->lockKeys(keys); !locked)
        return locked.error();
    auto key = m_chain.boundKey(from.id);
    if (!key)
        return key.error();
    auto read = m_chain.read(*key, records); // what the office holds of the device's chain
    if (!read)
        return read.error();
    OfficeChainLog::Batch chain = std::move(read).value();
    PushBatch batch;
    if (auto ok = readHeld(batch, records); !ok)
        return ok.error();
    QList<wire::PushResult> results;
    results.reserve(records.size());
    for (const OutboxEntry &r : records) {
        const auto admitted = OfficeChainLog::admit(chain, r); // continues the device's chain?
        if (admitted.refusal) {
            results << *admitted.refusal;
            continue;
        }
        auto one = decide(from, batch, r);
        if (!one)
            return one.error(); // tx rolls back: nothing of this batch is stored
        OfficeChainLog::note(chain, admitted, r, one->status);
        results << *one;
    }
    if (auto ok = writeStored(from, batch); !ok)
        return ok.error();
    if (auto ok = m_chain.write(chain); !ok)
        return ok.error();
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return results;
}

} // namespace ms::server
