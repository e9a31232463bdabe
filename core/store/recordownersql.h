#pragma once
// How a RecordOwner (model/recordowner.h) is stored, for the repositories of owned records
// (steps, evidence, seals): the owner column, the owner's uuid and how an outbox payload names
// it. Internal to core/store.
#include "model/recordowner.h"
#include "model/result.h"

#include <QJsonObject>
#include <QString>

namespace ms {
class Database;
class Statement;
} // namespace ms

namespace ms::storeutil {

// "job_id" or "task_id": the column of step_records / evidence / seals that names the owner.
QString ownerColumn(const RecordOwner &owner);

// The owner's uuid (jobs.uuid or tasks.uuid). "store.bad_input" naming the owner when it is not
// on this device or the owner is not valid.
Result<QString> ownerUuid(Database &db, const RecordOwner &owner);

// Binds the owner to the statement's job_id and task_id parameters (the other one NULL).
void bindOwner(Statement &q, int jobIdParam, int taskIdParam, const RecordOwner &owner);

// A record's outbox payload names its owner: job_uuid for a job; job_uuid "" and task_uuid for a
// task (what the office reads, see docs/sync-protocol.md).
QJsonObject withOwner(QJsonObject payload, const RecordOwner &owner, const QString &ownerUuid);

} // namespace ms::storeutil
