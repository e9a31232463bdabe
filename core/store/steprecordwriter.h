#pragma once
// Writes one step record (insert, or a new version of the existing row) for its owner — a job
// (job_id) or a task (task_id). Shared by JobRepository and TaskCardRepository; the caller
// fills `s` (card, step, done, user, time), runs this inside its transaction, then appends the
// outbox row. Sets s.id, s.uuid and s.version.
#include "model/result.h"
#include "model/types.h"

namespace ms {

class Database;

enum class StepOwner { Job, Task };

Result<void> writeStepRecord(Database &db, StepOwner owner, RowId ownerId, StepRecord &s);

} // namespace ms
