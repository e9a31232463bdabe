#include "store/steprecordwriter.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/storeutil.h"

namespace ms {

using namespace storeutil;

Result<void> writeStepRecord(Database &db, StepOwner owner, RowId ownerId, StepRecord &s)
{
    const QString column = owner == StepOwner::Job ? QStringLiteral("job_id") : QStringLiteral("task_id");
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

} // namespace ms
