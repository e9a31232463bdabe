#include "store/taskcardrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/recordownersql.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QCoreApplication>

namespace ms {

using namespace storeutil;

namespace {

constexpr const char *kCardColumns =
    "id, uuid, task_id, card_id, choice, reason, chosen_at, completed_at, user_uuid, updated_at, "
    "version";

TaskCardRecord cardFrom(const Statement &q)
{
    TaskCardRecord r;
    r.id = q.integer(0);
    r.uuid = q.text(1);
    r.taskId = q.integer(2);
    r.cardId = q.text(3);
    r.choice = q.text(4);
    r.reason = q.text(5);
    r.chosenAt = json::parseTime(q.text(6));
    r.completedAt = json::parseTime(q.text(7));
    r.userUuid = q.text(8);
    r.updatedAt = json::parseTime(q.text(9));
    r.version = int(q.integer(10));
    return r;
}

QJsonObject cardJson(const TaskCardRecord &r, const QString &taskUuid)
{
    return {{QStringLiteral("uuid"), r.uuid},
            {QStringLiteral("task_uuid"), taskUuid},
            {QStringLiteral("card_id"), r.cardId},
            {QStringLiteral("choice"), r.choice},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("chosen_at"), json::isoTime(r.chosenAt)},
            {QStringLiteral("completed_at"), json::isoTime(r.completedAt)},
            {QStringLiteral("user_uuid"), r.userUuid},
            {QStringLiteral("updated_at"), json::isoTime(r.updatedAt)},
            {QStringLiteral("version"), r.version}};
}

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(json::isoTime(t)) : QVariant();
}

QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

TaskCardRepository::TaskCardRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<TaskCardRecord> TaskCardRepository::card(RowId taskId, const QString &cardId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(kCardColumns)
                           + QStringLiteral(" FROM task_cards WHERE task_id = ? AND card_id = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, taskId).bindText(2, cardId);
    if (!st.value().step())
        return noRow(st.value(),
                     notFound(QCoreApplication::translate("ms::Store", "任务 %1 的作业卡 %2 还没有记录。")
                                  .arg(taskId)
                                  .arg(cardId)));
    return cardFrom(st.value());
}

Result<QList<TaskCardRecord>> TaskCardRepository::cards(RowId taskId)
{
    QList<TaskCardRecord> out;
    auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(kCardColumns)
                           + QStringLiteral(" FROM task_cards WHERE task_id = ? ORDER BY id"));
    if (!st)
        return st.error();
    st.value().bindInt(1, taskId);
    while (st.value().step())
        out << cardFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<TaskCardRecord> TaskCardRepository::setChoice(RowId taskId, const QString &cardId,
                                                     const QString &choice, const QString &reason,
                                                     const QString &userUuid)
{
    if (cardId.isEmpty())
        return badInput(QCoreApplication::translate("ms::Store", "分支记录缺少决策点或选择。"));
    auto existing = card(taskId, cardId);
    if (!existing && existing.error().code != QLatin1String("store.not_found"))
        return existing.error();
    TaskCardRecord r = existing ? existing.value() : TaskCardRecord{};
    r.taskId = taskId;
    r.cardId = cardId;
    r.choice = nn(choice);
    r.reason = choice.isEmpty() ? QStringLiteral("") : nn(reason);
    r.chosenAt = choice.isEmpty() ? QDateTime() : now();
    r.userUuid = nn(userUuid);
    return save(r, bool(existing));
}

Result<TaskCardRecord> TaskCardRepository::setCompleted(RowId taskId, const QString &cardId,
                                                        bool completed, const QString &userUuid)
{
    if (cardId.isEmpty())
        return badInput(QCoreApplication::translate("ms::Store", "步骤记录缺少卡片编号或步骤序号。"));
    auto existing = card(taskId, cardId);
    if (!existing && existing.error().code != QLatin1String("store.not_found"))
        return existing.error();
    TaskCardRecord r = existing ? existing.value() : TaskCardRecord{};
    if (existing && completed == r.completedAt.isValid())
        return r; // nothing changes: no version bump, no outbox row
    r.taskId = taskId;
    r.cardId = cardId;
    r.completedAt = completed ? now() : QDateTime();
    r.userUuid = nn(userUuid);
    return save(r, bool(existing));
}

Result<TaskCardRecord> TaskCardRepository::save(TaskCardRecord r, bool exists)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto uuid = ownerUuid(m_db, RecordOwner::task(r.taskId));
    if (!uuid)
        return uuid.error();
    r.updatedAt = json::parseTime(json::isoTime(now()));
    r.chosenAt = json::parseTime(json::isoTime(r.chosenAt));
    r.completedAt = json::parseTime(json::isoTime(r.completedAt));
    if (exists) {
        ++r.version;
    } else {
        r.uuid = newUuid();
        r.version = 1;
    }
    auto st = m_db.prepare(exists
        ? QStringLiteral("UPDATE task_cards SET choice=?3, reason=?4, chosen_at=?5, completed_at=?6, "
                         "user_uuid=?7, updated_at=?8, version=?9 WHERE uuid=?10")
        : QStringLiteral("INSERT INTO task_cards(task_id, card_id, choice, reason, chosen_at, "
                         "completed_at, user_uuid, updated_at, version, uuid) "
                         "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    if (!exists)
        q.bindInt(1, r.taskId).bindText(2, r.cardId);
    q.bindText(3, nn(r.choice)).bindText(4, nn(r.reason)).bind(5, timeOrNull(r.chosenAt));
    q.bind(6, timeOrNull(r.completedAt)).bindText(7, nn(r.userUuid));
    q.bindText(8, json::isoTime(r.updatedAt)).bindInt(9, r.version).bindText(10, r.uuid);
    if (auto res = q.run(); !res)
        return res.error();
    if (!exists)
        r.id = m_db.lastInsertId();
    if (auto res = m_outbox.append(QStringLiteral("task_card"), r.uuid, r.version,
                                   QStringLiteral("upsert"), cardJson(r, uuid.value()));
        !res)
        return res.error();
    if (auto res = tx.commit(); !res)
        return res.error();
    const RowId taskId = r.taskId;
    const QString cardId = r.cardId;
    m_db.afterCommit([this, taskId, cardId] { emit m_store.taskCardChanged(taskId, cardId); });
    return r;
}

} // namespace ms
