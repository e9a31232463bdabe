#include "store/steprecordwriter.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/storeutil.h"

namespace ms {

using namespace storeutil;

namespace {

QString ownerColumn(StepOwner owner)
{
    return owner == StepOwner::Job ? QStringLiteral("job_id") : QStringLiteral("task_id");
}

} // namespace

Result<void> writeStepRecord(Database &db, StepOwner owner, RowId ownerId, StepRecord &s)
{
    const QString column = ownerColumn(owner);
    auto find = db.prepare(QStringLiteral("SELECT id, uuid, version FROM step_records "
                                          "WHERE %1 = ? AND card_id = ? AND step_index = ?").arg(column));
    if (!find)
        return find.error();
    find.value().bindInt(1, ownerId).bindText(2, s.cardId).bindInt(3, s.stepIndex);
    const bool exists = find.value().step();
    if (exists) {
        s.id = find.value().integer(0);
        s.uuid = find.value().text(1);
        s.version = int(find.value().integer(2)) + 1;
    } else {
        s.uuid = newUuid();
    }
    auto st = db.prepare(exists
        ? QStringLiteral("UPDATE step_records SET done=?4, user_uuid=?5, at=?6, version=?7 "
                         "WHERE uuid=?8")
        : QStringLiteral("INSERT INTO step_records(%1, card_id, step_index, done, user_uuid, "
                         "at, version, uuid) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)").arg(column));
    if (!st)
        return st.error();
    Statement &q = st.value();
    if (!exists)
        q.bindInt(1, ownerId).bindText(2, s.cardId).bindInt(3, s.stepIndex);
    q.bindInt(4, s.done ? 1 : 0).bindText(5, s.userUuid).bindText(6, json::isoTime(s.at));
    q.bindInt(7, s.version).bindText(8, s.uuid);
    if (auto r = q.run(); !r)
        return r.error();
    if (!exists)
        s.id = db.lastInsertId();
    return {};
}

QList<StepRecord> stepRecordsOf(Database &db, StepOwner owner, RowId ownerId, const QString &cardId)
{
    QList<StepRecord> out;
    // "task_id = ?1" alone uses the partial index step_records_task: SQLite knows it implies
    // "task_id IS NOT NULL".
    auto st = db.prepare(QStringLiteral("SELECT id, uuid, %1, card_id, step_index, done, user_uuid, "
                                        "at, version FROM step_records WHERE %1 = ?1 "
                                        "AND (?2 = '' OR card_id = ?2) ORDER BY card_id, step_index")
                             .arg(ownerColumn(owner)));
    if (!st)
        return out;
    Statement &q = st.value();
    q.bindInt(1, ownerId).bindText(2, cardId.isNull() ? QStringLiteral("") : cardId);
    while (q.step()) {
        StepRecord s;
        s.id = q.integer(0);
        s.uuid = q.text(1);
        if (owner == StepOwner::Job)
            s.jobId = q.integer(2);
        else
            s.taskId = q.integer(2);
        s.cardId = q.text(3);
        s.stepIndex = int(q.integer(4));
        s.done = q.integer(5) != 0;
        s.userUuid = q.text(6);
        s.at = json::parseTime(q.text(7));
        s.version = int(q.integer(8));
        out << s;
    }
    return out;
}

} // namespace ms
