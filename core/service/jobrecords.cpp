#include "service/jobrecords.h"

#include "store/store.h"
#include "store/transaction.h"

namespace ms {

Result<JobRecords> JobRecords::read(Store &store, const Workflow &workflow, RowId jobId,
                                    RowId taskId)
{
    // Every read below sees the same state of the database.
    Transaction oneSnapshot(store.database(), Transaction::Lock::Read);
    if (!oneSnapshot.ok())
        return oneSnapshot.error();
    JobRecords d;
    JobSnapshot &snap = d.snapshot;
    QList<StepRecord> steps;
    if (jobId != 0) {
        auto job = store.jobs().byId(jobId);
        if (!job)
            return job.error();
        d.job = job.value();
        auto customer = store.tasks().customer(d.job.customerId);
        if (!customer)
            return customer.error();
        d.customer = customer.value();
        taskId = d.job.taskId;
        snap.customer.mismatch = d.customer.mismatchFlag;
        snap.customer.prepaid = d.customer.payment == PaymentType::Prepaid;
        const RecordOwner owner = RecordOwner::job(jobId);
        auto jobSteps = store.steps().list(owner);
        auto evidence = store.evidence().list(owner);
        auto seals = store.seals().list(owner);
        auto reviews = store.reviews().forJob(d.job.uuid);
        if (!jobSteps || !evidence || !seals || !reviews)
            return !jobSteps   ? jobSteps.error()
                   : !evidence ? evidence.error()
                   : !seals    ? seals.error()
                               : reviews.error();
        d.reviews = reviews.value();
        steps = jobSteps.value();
        d.evidence = evidence.value();
        d.seals = seals.value();
        for (auto it = d.job.branches.constBegin(); it != d.job.branches.constEnd(); ++it) {
            const QJsonObject b = it.value().toObject();
            snap.choose(it.key(), b.value(QStringLiteral("choice")).toString(),
                        b.value(QStringLiteral("reason")).toString());
        }
    }
    if (taskId != 0) {
        auto task = store.tasks().byId(taskId);
        if (!task)
            return task.error();
        d.task = task.value();
        // The task's own records (task-level cards) count for the task and for each of its jobs.
        const RecordOwner owner = RecordOwner::task(taskId);
        auto taskSteps = store.steps().list(owner);
        auto evidence = store.evidence().list(owner);
        auto seals = store.seals().list(owner);
        auto cards = store.taskCards().cards(taskId);
        if (!taskSteps || !evidence || !seals || !cards)
            return !taskSteps  ? taskSteps.error()
                   : !evidence ? evidence.error()
                   : !seals    ? seals.error()
                               : cards.error();
        steps += taskSteps.value();
        d.evidence += evidence.value();
        d.taskSeals = seals.value();
        for (const TaskCardRecord &r : cards.value()) {
            if (!r.choice.isEmpty())
                snap.choose(r.cardId, r.choice, r.reason);
            if (r.completedAt.isValid())
                d.completedTaskCards.insert(r.cardId);
        }
    }
    for (const StepRecord &s : std::as_const(steps))
        if (s.done)
            snap.tick(s.cardId, s.stepIndex);
    for (const Evidence &e : std::as_const(d.evidence))
        snap.capture(e.cardId, e.requirement, e.sha256.isEmpty() ? e.value : e.sha256);
    if (jobId == 0)
        d.state.status = JobStatus::InProgress; // a task's cards: no walk of a job
    else
        d.state = workflow.evaluate(snap);
    if (auto done = oneSnapshot.commit(); !done)
        return done.error();
    return d;
}

} // namespace ms
