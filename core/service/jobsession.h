#pragma once
// The job service: one open job (or a task's own cards) and every user action on it. Each action
// — tick a step, add evidence of any kind (photo, video, signature, a reading typed or read over
// the port, barcode, seal number, check), choose a branch, complete a card — is ONE store
// transaction: its records, their outbox rows and the job's saved state (current card, status)
// commit together or not at all. changed() is emitted once per action, after the commit. What
// this object shows is only ever read from the store: after a commit, and again after a failure,
// so it never shows a change that was rolled back. The rules live in core/workflow (what a card
// needs, ValueValidator's plausibility, branch conditions) and are applied here, once.
// The tablet's screens, the meter-read page and meterswapctl change jobs only through this class;
// tests drive it with a real store and no widget.
//
//   auto opened = ms::JobSession::open(store, catalog, workflow, {user.uuid, user.name}, jobId);
//   if (!opened) { show(opened.error().message); return; }
//   ms::JobSession &job = *opened.value();
//   if (auto r = job.setStep("21.3", 0, true); !r) show(r.error().message);
//   auto next = job.completeCard("21.3");  // "workflow.incomplete" names what is still missing
//
// Task-level cards (scope "task": 2.4, 4.x, 19.1, 27.5, 28.4, 36.x …) are recorded against the
// task, never a job (RecordOwner::task): openTask() opens a session on the task alone
// (台区/任务作业卡), and a job session that reaches such a card (27.5 / 28.4 on the swap walk)
// reads and writes the task's records for it, so the concentrator is checked once per task.
// Call actions outside any open Transaction: each one is a transaction of its own.
// The office's review (内勤审核, docs/sync-protocol.md "Reviews"): completing the last card of the
// field walk (30.2) submits the job (submission 1); a job the office sent back is re-done item by
// item — each new capture of a sent-back item supersedes the evidence it replaces (kept, marked
// superseded) — and resubmit() sends the next round once every item is re-done; on an approved
// job every action is refused ("job.approved").
#include "catalog/catalog.h"
#include "media/photopipeline.h"
#include "media/signature.h"
#include "meter/reader/crosscheck.h"
#include "model/recordowner.h"
#include "model/result.h"
#include "service/actor.h"
#include "service/jobrecords.h"
#include "service/reviewstatus.h"
#include "store/storetypes.h"
#include "workflow/jobsnapshot.h"
#include "workflow/taskcards.h"
#include "workflow/workflow.h"

#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

namespace ms {

class Store;

// A seal recorded on the task (集中器 / 集中器箱), with the card and requirement it was typed on
// (empty when no seal-number record of the task names it).
struct TaskSeal
{
    Seal seal;
    QString cardId;
    QString requirement;
};

// One value for addPortValues: the card and requirement it answers.
struct PortValue
{
    QString cardId;
    QString requirement;
    QString value;
};

class JobSession : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<JobSession>> open(Store &store, const Catalog &catalog,
                                                    const Workflow &workflow, const Actor &actor,
                                                    RowId jobId, QObject *parent = nullptr);
    // A session on the task's own cards (no job, no customer).
    static Result<std::unique_ptr<JobSession>> openTask(Store &store, const Catalog &catalog,
                                                        const Workflow &workflow,
                                                        const Actor &actor, RowId taskId,
                                                        QObject *parent = nullptr);

    bool isTaskSession() const { return m_taskSession; }
    // Whose records this card's are: the task's (a task session, or a task-level card), else
    // the job's.
    RecordOwner ownerOf(const QString &cardId) const;
    // The task's task-level cards with progress (done / in progress / not started).
    TaskCardsOverview taskCards() const;

    const Job &job() const { return m_data.job; }
    const Customer &customer() const { return m_data.customer; }
    const Task &task() const { return m_data.task; }
    const JobSnapshot &snapshot() const { return m_data.snapshot; }
    const WorkflowState &state() const { return m_data.state; }
    CardProgress progress(const QString &cardId) const;
    QList<Evidence> evidence(const QString &cardId, const QString &requirement = {}) const;
    // The job's seals (none in a task session), in the order they were recorded.
    const QList<Seal> &seals() const { return m_data.seals; }
    // The task's own seals, in the order they were recorded.
    QList<TaskSeal> taskSeals() const;

    // --- actions: one transaction each; changed() once, after the commit ---
    Result<void> setStep(const QString &cardId, int index, bool done);
    Result<Evidence> addPhoto(const QString &cardId, const QString &requirement,
                              const ProcessedPhoto &photo);
    Result<Evidence> addVideo(const QString &cardId, const QString &requirement,
                              const QByteArray &bytes, const QString &mime);
    // A supervisor's or crew leader's signature only under a sign-in holding that role
    // ("service.wrong_signer" otherwise).
    Result<Evidence> addSignature(const QString &cardId, const QString &requirement,
                                  const SignatureArtifact &art, const QString &summary);
    // Typed values: readings, numbers, seal numbers, text, barcodes, checks ("yes"/"no"), checked
    // by ValueValidator: "value.invalid" says what is wrong; "value.implausible" (outside the
    // usual range) until the person confirms it, by passing meta {"confirmed_implausible": true}.
    // A seal number is also recorded as a seal of the job (or task), in the same transaction.
    // A new meter or seal not issued to the crew: "stock.not_issued" until meta gives
    // {"not_issued_reason": "…"} (issue 15; the office sees the reason in review).
    Result<Evidence> addValue(const QString &cardId, const QString &requirement,
                              const QString &value, const QJsonObject &meta = {});
    // A read over the meter's port for a meter_reading requirement: the frames file and every
    // register read (EvidenceRecords::meterRead), in one transaction.
    Result<QList<Evidence>> addMeterRead(const QString &cardId, const QString &requirement,
                                         const meter::SwapSetReading &reading,
                                         const QList<meter::CrossCheckWarning> &warnings,
                                         const QString &assetNo);
    // Values read from (or written to and read back from) the concentrator over its maintenance
    // port, each for its card's requirement (36.1 master_ip … 36.5 terminal_address; 37.x, 38.1), with
    // `meta` (the frames, hex) on every row: one transaction. ValueValidator applies; an
    // implausible value is kept (the device said so) and marked confirmed_implausible.
    Result<QList<Evidence>> addPortValues(const QList<PortValue> &values, const QJsonObject &meta);
    // The choice at the card's decision ("workflow.unknown_choice" when the card offers none such).
    Result<void> choose(const QString &cardId, const QString &choice, const QString &reason);
    // Leaves `cardId`: "workflow.incomplete" naming what is missing, else the next card id ("" when
    // the job is done). The job's status and current card are saved; a task-level card is also
    // marked completed on the task. In a task session the next card is the next task-level one
    // ("" when the flow leaves task scope).
    Result<QString> completeCard(const QString &cardId);

    // What the signer is shown: customer, old/new meter numbers and readings.
    QString signatureSummary() const;
    Watermark watermark(const QString &cardId) const;
    // Latest reading typed/read for the old or new meter ("" when none yet).
    QString latestReading(const QString &meter) const;

    // Where the job stands with the office's review, as the store held it at the last read.
    ReviewStatus review() const;
    // 重新提交: after a send-back, once every item is re-done, submits the next round
    // (submission n+1, submitted_at now). "job.not_sent_back", "job.items_pending" (naming the
    // items still to re-do) otherwise.
    Result<void> resubmit();

    // Re-reads everything from the store (e.g. after a sync changed the job). A failed read
    // leaves what is shown as it was and says why.
    Result<void> reload();

signals:
    void changed();

private:
    JobSession(Store &store, const Catalog &catalog, const Workflow &workflow, const Actor &actor,
               QObject *parent);
    Result<JobRecords> load() const; // this job's (task's) records, as the store holds them now
    // One action: `write` inside one transaction, then the job's state saved from what the store
    // now holds, then the commit; afterwards what is shown is what was committed (or, on any
    // failure, what the store still holds) and changed() is emitted once on success.
    // `submitWhenDone`: a card completion, which submits a job whose field walk is done and that
    // was never submitted. Refused ("job.approved") on a job the office approved.
    template <typename T>
    Result<T> act(const std::function<Result<T>()> &write, bool submitWhenDone = false);
    // Saves the job's current card and status as the workflow now sees them (no-op if unchanged).
    Result<void> saveJobState(JobRecords &records, bool submitWhenDone) const;
    // "job.approved" when the store holds an approval of this job (read inside the action's
    // transaction, so a review pulled meanwhile counts).
    Result<void> checkNotApproved() const;
    // A capture of a sent-back item: which earlier row each new row replaces (store read inside
    // the action's transaction).
    Result<void> markSupersedes(QList<NewEvidence> &items) const;
    // "service.wrong_signer" when a supervisor's or crew leader's signature is asked of a person
    // signed in without that role (an actor without roles, a tool, is not bound).
    Result<void> checkOwnSignature(const EvidenceRequirement &req) const;
    // "value.mismatch" when a requirement with `matches` gets a value the named requirement never
    // recorded (24.6's re-entered seal number against 24.3's).
    Result<void> checkMatches(const EvidenceRequirement &req, const QString &value) const;
    // A new meter's asset number (new_meter_asset) or a seal number not issued to this tablet's
    // crews (once it holds stock of that kind): "stock.not_issued", unless meta carries the
    // installer's "not_issued_reason" to go on with (kept in the evidence's meta).
    Result<void> checkIssued(const EvidenceRequirement &req, const QString &value,
                             QJsonObject &meta) const;
    Result<const EvidenceRequirement *> requirementOf(const QString &cardId, const QString &key,
                                                      QList<EvidenceKind> kinds) const;
    // Adds the rows (owner and user filled in); a seal number also becomes a seal.
    Result<QList<Evidence>> addEvidence(QList<NewEvidence> items);

    Store &m_store;
    const Catalog &m_catalog;
    const Workflow &m_workflow;
    Actor m_actor;
    bool m_taskSession = false;
    JobRecords m_data;
};

} // namespace ms
