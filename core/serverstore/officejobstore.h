#pragma once
// The office's picture of the jobs (issue 14): the review queue, a job's whole record, the
// office's decisions on it (review verdicts and billing checks, each an office record of its
// own, idempotent by the uuid the deciding client made), the billing queue and its exports, and
// progress figures. Behind an interface like OfficeStore (docs/scaling.md). The tables are the
// job projection (jobprojection.h); docs/sync-protocol.md "Office API" describes the endpoints.
#include "model/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::server {

struct QueueFilter
{
    QString task;     // task uuid, "" = every task
    QString crew;     // "" = every crew
    QString from;     // YYYY-MM-DD (UTC day of submitted_at), "" = no bound
    QString to;       // YYYY-MM-DD inclusive
    int limit = 50;
    QString after;    // cursor from the previous page ("" = first page)
};

// One job as the queues show it.
struct JobHead
{
    QString uuid;
    QString device; // the device that owns the job record (reviews go there)
    QString user;
    QString customerUuid;
    QString taskUuid;
    QString crew;
    QString status;       // the tablet's own status: not_started | in_progress | done | …
    QString currentCard;
    QString reviewState;  // open | submitted | resubmitted | sent_back | approved |
                          // billing_confirmed | exported
    int submission = 0;
    QString submittedAt;
    QString startedAt;
    QString finishedAt;
    bool billingReturned = false; // billing sent it back to the clerk for this round
    QJsonObject customer;         // the customer's payload (assignment or record)
    QJsonObject task;             // the task's payload
    QJsonObject branches;         // the job's choices at decisions
};

struct QueuePage
{
    QList<JobHead> jobs;
    QString next; // "" = no more
};

struct JobEvidence
{
    QString uuid, device, card, requirement, kind, sha256, mime, value, unit, meter,
        registerName, source, capturedAt, supersedes, receivedAt;
    bool superseded = false; // a later capture replaced it (kept, never deleted)
};

struct JobStep
{
    QString card;
    int index = 0;
    bool done = false;
    QString at;
};

struct JobSeal
{
    QString position, number, at;
};

struct OfficeDecision
{
    QString uuid, jobUuid;
    QString kind; // approved | sent_back | billing_confirmed | billing_sent_back
    int submission = 0;
    QJsonArray items; // sent_back: [{"card", "requirement", "reason"}]
    QString reason;   // billing_sent_back
    QString byUser, byDevice, at;
};

struct JobSubmission
{
    int submission = 0;
    QString submittedAt, receivedAt;
};

// Another device's job record for the same customer (a supervisor's tablet checking the
// installer's work): shown beside the job, never merged into it — a send-back goes only to the
// device that owns the job.
struct OtherJob
{
    QString uuid, device, user, status, startedAt;
    QList<JobEvidence> evidence;
};

struct JobPicture
{
    JobHead head;
    QList<JobEvidence> evidence; // by card, requirement, capture time
    QList<JobStep> steps;
    QList<JobSeal> seals;
    QJsonObject mismatch; // {"mechanical_register", "remaining_energy", "difference", "tier"} or {}
    QList<JobSubmission> submissions;
    QList<OfficeDecision> decisions; // oldest first
    QString exportBatch, exportedAt;
    QList<OtherJob> otherJobs; // other job records of the same customer, oldest first
};

struct DecisionRequest
{
    QString uuid; // made by the client: the same uuid again answers the first outcome
    QString jobUuid;
    QString kind;
    QJsonArray items;
    QString reason;
    QString byUser, byDevice;
};

struct DecisionOutcome
{
    OfficeDecision decision;
    bool repeated = false; // this uuid was decided before; nothing changed
    QString state;         // the job's review state now
};

// What the billing checker sees of an approved job, and what the export writes.
struct BillingRow
{
    JobHead head;
    QString oldAssetNo, newAssetNo;
    QString oldTotal;                  // old meter 止码 (forward_total)
    QStringList oldTariffs{{}, {}, {}, {}}; // forward_t1..t4 ("" when not read)
    QString newTotal;                  // new meter 起码
    QString prepaidBalance;            // old meter balance (prepaid customers), in balanceUnit
    QString balanceUnit;               // "kWh" (remaining_energy) or "元" (remaining_money)
    QString ctRatio;                   // CT-connected meter: the CT ratio ("150/5"), else ""
    QString multiplier;                // 倍率: ct_multiplier, "1" when the meter is direct
    QString oldReadingSource;          // how the old 止码 was taken: "meter_port" | "manual"
    QString oldReadingNote;            // dead display: how the reading was obtained (21.3)
    QString mismatchDifference, mismatchTier; // 机电不符, when flagged
    QString approvedBy, approvedAt, confirmedBy, confirmedAt;
};

struct ExportResult
{
    QString batch; // "" when there was nothing to export
    bool reexport = false;
    QString at;
    QList<BillingRow> rows;
};

struct ExportLogEntry
{
    QString batch, kind, byUser, byDevice, at;
    int count = 0;
};

struct ProgressFilter
{
    QString task, from, to;
};

struct ProgressRow
{
    QString taskUuid, taskName, crew, day; // day: YYYY-MM-DD of submission (crew rows)
    QMap<QString, int> states;             // review state -> jobs
    int reviews = 0;        // review verdicts given (approved + sent_back)
    int approvals = 0;
    int approvedJobs = 0;   // jobs approved (at any round)
    int firstTimeRight = 0; // of those, approved at their first submission with no send-back
};

struct ReasonCount
{
    QString taskUuid, reason;
    int count = 0;
};

struct Progress
{
    QList<ProgressRow> byTask;
    QList<ProgressRow> byCrewDay;
    QList<ReasonCount> reasons; // most frequent first, per task
};

class OfficeJobStore
{
public:
    virtual ~OfficeJobStore() = default;

    // Jobs awaiting review (submitted or resubmitted), oldest submission first.
    // "office.bad_cursor" for a cursor this store did not make.
    virtual Result<QueuePage> reviewQueue(const QueueFilter &filter) = 0;
    // Approved jobs waiting for the billing check, oldest first.
    virtual Result<QList<BillingRow>> billingQueue(const QueueFilter &filter) = 0;
    virtual Result<std::optional<JobPicture>> job(const QString &uuid) = 0;
    virtual Result<BillingRow> billingFigures(const JobHead &head) = 0;
    // Records a decision in one transaction; a review verdict is also queued for the device
    // that owns the job (pulled as entity "review"). Errors: "office.unknown_job",
    // "review.not_awaiting" (the job is not in a state this decision applies to; the message
    // names its state), "review.decision_reused" (the uuid names another job's decision).
    virtual Result<DecisionOutcome> decide(const DecisionRequest &request) = 0;
    // batch "": every confirmed job not exported before, as a new batch (nothing → batch "");
    // else that batch again ("billing.unknown_batch"). Logged either way.
    virtual Result<ExportResult> exportBilling(const QString &batch, const QString &byUser,
                                               const QString &byDevice) = 0;
    virtual Result<QList<ExportLogEntry>> exportLog() = 0;
    virtual Result<Progress> progress(const ProgressFilter &filter) = 0;
};

} // namespace ms::server
