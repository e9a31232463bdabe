#include "store/sealrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/recordownersql.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

namespace ms {

using namespace storeutil;

SealRepository::SealRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<Seal> SealRepository::add(const RecordOwner &owner, const QString &position,
                                 const QString &number)
{
    Seal s;
    owner.applyTo(s);
    s.position = position.trimmed();
    s.number = number.trimmed();
    if (s.position.isEmpty() || s.number.isEmpty())
        return badInput(Tr::tr("请填写封印位置和封印编号。"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const auto ownerRef = ownerUuid(m_db, owner);
    if (!ownerRef)
        return ownerRef.error();
    auto dup = m_db.prepare(QStringLiteral(
        "SELECT c.account_no, c.name, t.name FROM seals s LEFT JOIN jobs j ON j.id = s.job_id "
        "LEFT JOIN customers c ON c.id = j.customer_id LEFT JOIN tasks t ON t.id = s.task_id "
        "WHERE s.number = ? AND s.removed = 0"));
    if (!dup)
        return dup.error();
    dup.value().bindText(1, s.number);
    const bool taken = dup.value().step();
    if (dup.value().failed())
        return dup.value().error();
    if (taken && dup.value().isNull(0))
        return makeError(QStringLiteral("store.duplicate"),
                         Tr::tr("封印编号 %1 已登记在任务“%2”的集中器上。请核对封印上的编号后重新输入。")
                             .arg(s.number, dup.value().text(2)));
    if (taken)
        return makeError(QStringLiteral("store.duplicate"),
                         Tr::tr("封印编号 %1 已登记在户号 %2（%3）上。请核对封印上的编号后重新输入。")
                             .arg(s.number, dup.value().text(0), dup.value().text(1)));
    s.uuid = newUuid();
    s.at = json::parseTime(json::isoTime(now()));
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO seals(uuid, job_id, task_id, position, number, at) VALUES (?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, s.uuid).bindText(4, s.position);
    bindOwner(st.value(), 2, 3, owner);
    st.value().bindText(5, s.number).bindText(6, json::isoTime(s.at));
    if (auto r = st.value().run(); !r)
        return r.error();
    s.id = m_db.lastInsertId();
    const QJsonObject payload = withOwner(json::fromSeal(s, QString()), owner, ownerRef.value());
    if (auto r = m_outbox.append(QStringLiteral("seal"), s.uuid, s.version,
                                 QStringLiteral("upsert"), payload);
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    notifyChanged(owner);
    return s;
}

Result<void> SealRepository::remove(const QString &uuid)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto find = m_db.prepare(QStringLiteral(
        "SELECT ifnull(s.job_id, 0), s.version, ifnull(j.uuid, t.uuid), s.position, s.number, "
        "s.at, ifnull(s.task_id, 0) FROM seals s LEFT JOIN jobs j ON j.id = s.job_id "
        "LEFT JOIN tasks t ON t.id = s.task_id WHERE s.uuid = ? AND s.removed = 0"));
    if (!find)
        return find.error();
    find.value().bindText(1, uuid);
    if (!find.value().step())
        return noRow(find.value(), notFound(Tr::tr("找不到该封印记录，可能已被删除。")));
    Seal s;
    s.uuid = uuid;
    s.jobId = find.value().integer(0);
    s.version = int(find.value().integer(1)) + 1;
    s.position = find.value().text(3);
    s.number = find.value().text(4);
    s.at = json::parseTime(find.value().text(5));
    s.taskId = find.value().integer(6);
    const QString ownerRef = find.value().text(2);
    auto st = m_db.prepare(
        QStringLiteral("UPDATE seals SET removed = 1, version = ? WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, s.version).bindText(2, uuid);
    if (auto r = st.value().run(); !r)
        return r;
    const RecordOwner owner = RecordOwner::of(s);
    if (auto r = m_outbox.append(QStringLiteral("seal"), uuid, s.version, QStringLiteral("delete"),
                                 withOwner(json::fromSeal(s, QString()), owner, ownerRef));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r;
    notifyChanged(owner);
    return {};
}

void SealRepository::notifyChanged(const RecordOwner &owner)
{
    if (owner.isTask())
        m_db.afterCommit([this, id = owner.taskId] { emit m_store.taskCardChanged(id, {}); });
    else
        m_db.afterCommit([this, id = owner.jobId] { emit m_store.sealsChanged(id); });
}

Result<QList<Seal>> SealRepository::list(const RecordOwner &owner)
{
    QList<Seal> out;
    auto st = m_db.prepare(
        QStringLiteral("SELECT id, uuid, ifnull(job_id, 0), position, number, at, version, "
                       "ifnull(task_id, 0) FROM seals WHERE %1 = ? AND removed = 0 ORDER BY id")
            .arg(ownerColumn(owner)));
    if (!st)
        return st.error();
    st.value().bindInt(1, owner.id());
    while (st.value().step()) {
        const Statement &q = st.value();
        Seal s;
        s.id = q.integer(0);
        s.uuid = q.text(1);
        s.jobId = q.integer(2);
        s.position = q.text(3);
        s.number = q.text(4);
        s.at = json::parseTime(q.text(5));
        s.version = int(q.integer(6));
        s.taskId = q.integer(7);
        out << s;
    }
    if (st.value().failed())
        return st.value().error();
    return out;
}

} // namespace ms
