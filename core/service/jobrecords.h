#pragma once
// Everything the store holds about one open job (or a task's own cards), read in one snapshot,
// with the workflow's view of it: what JobSession shows, re-read after every action. A job's
// records include its task's (task-level cards count for every job of the task).
//
//   auto records = ms::JobRecords::read(store, workflow, jobId, 0); // or (store, workflow, 0,
//   taskId) if (!records) show(records.error().message);   // a read that fails says so
#include "model/result.h"
#include "model/review.h"
#include "model/types.h"
#include "workflow/jobsnapshot.h"
#include "workflow/workflow.h"

#include <QList>
#include <QSet>

namespace ms {

class Store;

struct JobRecords
{
    Job job;                  // (a task's cards: empty)
    Customer customer;        // (a task's cards: empty)
    Task task;                // the job's task, or the task itself
    QList<Evidence> evidence; // the job's and its task's, current rows only, oldest first
    QList<Seal> seals;        // the job's
    QList<Seal> taskSeals;    // the task's
    JobSnapshot snapshot;     // ticks, captures and choices, for the workflow
    WorkflowState state;      // where the job's walk stands (a task's cards: in progress)
    QSet<QString> completedTaskCards;
    QList<JobReview> reviews; // the office's reviews of the job, in arrival order

    // jobId != 0: that job with its task's records; else the task `taskId` alone.
    static Result<JobRecords> read(Store &store, const Workflow &workflow, RowId jobId,
                                   RowId taskId);
};

} // namespace ms
