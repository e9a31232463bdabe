#include "store/steprepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/recordownersql.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

namespace ms {

using namespace storeutil;

StepRepository::StepRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db)
    , m_store(store)
    , m_outbox(outbox)
{}

Result<StepRecord> StepRepository::setStep(const RecordOwner &owner, const QString &cardId,
                                           int stepIndex, bool done, const QString &userUuid)
{
    if (cardId.isEmpty() || stepIndex < 0)
        return badInput(Tr::tr("步骤记录缺少卡片编号或步骤序号。"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto uuid = ownerUuid(m_db, owner);
    if (!uuid)
        return uuid.error();
    StepRecord s;
    owner.applyTo(s);
    s.cardId = cardId;
    s.stepIndex = stepIndex;
    s.done = done;
    s.userUuid = userUuid.isNull() ? QStringLiteral("") : userUuid;
    s.at = json::parseTime(json::isoTime(now())); // stored to the millisecond: read back the same
    const QString column = ownerColumn(owner);
    auto find = m_db.prepare(QStringLiteral("SELECT id, uuid, version FROM step_records "
                                            "WHERE %1 = ? AND card_id = ? AND step_index = ?")
                                 .arg(column));
    if (!find)
        return find.error();
    find.value().bindInt(1, owner.id()).bindText(2, s.cardId).bindInt(3, s.stepIndex);
    const bool exists = find.value().step();
    if (find.value().failed())
        return find.value().error();
    if (exists) {
        s.id = find.value().integer(0);
        s.uuid = find.value().text(1);
        s.version = int(find.value().integer(2)) + 1;
    } else {
        s.uuid = newUuid();
    }
    auto st = m_db.prepare(
        exists
            ? QStringLiteral("UPDATE step_records SET done=?4, user_uuid=?5, at=?6, version=?7 "
                             "WHERE uuid=?8")
            : QStringLiteral("INSERT INTO step_records(%1, card_id, step_index, done, user_uuid, "
                             "at, version, uuid) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)")
                  .arg(column));
    if (!st)
        return st.error();
    Statement &q = st.value();
    if (!exists)
        q.bindInt(1, owner.id()).bindText(2, s.cardId).bindInt(3, s.stepIndex);
    q.bindInt(4, s.done ? 1 : 0).bindText(5, s.userUuid).bindText(6, json::isoTime(s.at));
    q.bindInt(7, s.version).bindText(8, s.uuid);
    if (auto r = q.run(); !r)
        return r.error();
    if (!exists)
        s.id = m_db.lastInsertId();
    if (auto r =
            m_outbox.append(QStringLiteral("step"), s.uuid, s.version, QStringLiteral("upsert"),
                            withOwner(json::fromStep(s, QString()), owner, uuid.value()));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    if (owner.isTask())
        m_db.afterCommit([this, s] { emit m_store.taskCardChanged(s.taskId, s.cardId); });
    else
        m_db.afterCommit([this, s] { emit m_store.stepChanged(s.jobId, s.cardId, s.stepIndex); });
    return s;
}

Result<QList<StepRecord>> StepRepository::list(const RecordOwner &owner, const QString &cardId)
{
    // "task_id = ?1" alone uses the partial index step_records_task: SQLite knows it implies
    // "task_id IS NOT NULL".
    auto st =
        m_db.prepare(QStringLiteral("SELECT id, uuid, card_id, step_index, done, user_uuid, "
                                    "at, version FROM step_records WHERE %1 = ?1 "
                                    "AND (?2 = '' OR card_id = ?2) ORDER BY card_id, step_index")
                         .arg(ownerColumn(owner)));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, owner.id()).bindText(2, cardId.isNull() ? QStringLiteral("") : cardId);
    QList<StepRecord> out;
    while (q.step()) {
        StepRecord s;
        owner.applyTo(s);
        s.id = q.integer(0);
        s.uuid = q.text(1);
        s.cardId = q.text(2);
        s.stepIndex = int(q.integer(3));
        s.done = q.integer(4) != 0;
        s.userUuid = q.text(5);
        s.at = json::parseTime(q.text(6));
        s.version = int(q.integer(7));
        out << s;
    }
    if (q.failed())
        return q.error();
    return out;
}

} // namespace ms
