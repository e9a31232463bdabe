#include "store/recordownersql.h"

#include "store/database.h"
#include "store/storeutil.h"

namespace ms::storeutil {

QString ownerColumn(const RecordOwner &owner)
{
    return owner.isTask() ? QStringLiteral("task_id") : QStringLiteral("job_id");
}

Result<QString> ownerUuid(Database &db, const RecordOwner &owner)
{
    if (!owner.isValid())
        return badInput(Tr::tr("记录缺少所属的工单或任务。"));
    auto st = db.prepare(owner.isTask() ? QStringLiteral("SELECT uuid FROM tasks WHERE id = ?")
                                        : QStringLiteral("SELECT uuid FROM jobs WHERE id = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, owner.id());
    if (st.value().step())
        return st.value().text(0);
    if (st.value().failed())
        return st.value().error();
    return badInput(
        owner.isTask()
            ? Tr::tr("任务 %1 不存在：任务级作业卡只能记录在已下载的任务上。").arg(owner.taskId)
            : Tr::tr("工单 %1 不存在：记录只能保存在本机已有的工单上。").arg(owner.jobId));
}

void bindOwner(Statement &q, int jobIdParam, int taskIdParam, const RecordOwner &owner)
{
    if (owner.isTask())
        q.bindNull(jobIdParam).bindInt(taskIdParam, owner.taskId);
    else
        q.bindInt(jobIdParam, owner.jobId).bindNull(taskIdParam);
}

QJsonObject withOwner(QJsonObject payload, const RecordOwner &owner, const QString &ownerUuid)
{
    payload.insert(QStringLiteral("job_uuid"), owner.isTask() ? QString() : ownerUuid);
    if (owner.isTask())
        payload.insert(QStringLiteral("task_uuid"), ownerUuid);
    return payload;
}

} // namespace ms::storeutil
