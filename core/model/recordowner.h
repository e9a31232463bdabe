#pragma once
// Whose record it is: a customer's job (工单), or a task (台区/任务) for the cards done once per
// task (card scope "task"). Step records, evidence and seals name exactly one owner, and the store
// and the job service take this one type instead of a job path and a task path.
//
//   store.steps().setStep(ms::RecordOwner::job(jobId), "21.4", 2, true, userUuid);
//   auto rows = store.evidence().list(ms::RecordOwner::task(taskId));
//   ms::RecordOwner::of(evidence);   // the owner a record names
#include "model/types.h"

namespace ms {

struct RecordOwner
{
    RowId jobId = 0;  // set for a job's record
    RowId taskId = 0; // set (and jobId 0) for a task's record

    static RecordOwner job(RowId id) { return {id, 0}; }
    static RecordOwner task(RowId id) { return {0, id}; }
    // The owner a StepRecord, Evidence or Seal names: its job, else its task.
    template <typename Record> static RecordOwner of(const Record &record)
    {
        return record.jobId != 0 ? job(record.jobId) : task(record.taskId);
    }

    bool isTask() const { return jobId == 0; }
    // Exactly one of jobId and taskId is set.
    bool isValid() const { return (jobId != 0) != (taskId != 0); }
    RowId id() const { return isTask() ? taskId : jobId; }
    // Makes the record name this owner (the other id 0).
    template <typename Record> void applyTo(Record &record) const
    {
        record.jobId = jobId;
        record.taskId = taskId;
    }
    bool operator==(const RecordOwner &) const = default;
};

} // namespace ms
