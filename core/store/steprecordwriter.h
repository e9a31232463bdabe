#pragma once
// Step records of one owner — a job (job_id) or a task (task_id). Shared by JobRepository and
// TaskCardRepository.
#include "model/result.h"
#include "model/types.h"

#include <QList>

namespace ms {

class Database;

enum class StepOwner { Job, Task };

// Writes one step record (insert, or a new version of the existing row). The caller fills `s`
// (card, step, done, user, time), runs this inside its transaction, then appends the outbox row.
// Sets s.id, s.uuid and s.version.
Result<void> writeStepRecord(Database &db, StepOwner owner, RowId ownerId, StepRecord &s);

// The owner's step records of one card (empty: all cards), by card and step. Sets jobId or taskId
// by the owner. Shared by JobRepository::steps and TaskCardRepository::steps.
QList<StepRecord> stepRecordsOf(Database &db, StepOwner owner, RowId ownerId, const QString &cardId);

} // namespace ms
