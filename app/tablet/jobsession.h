#pragma once
// One open job: what the store knows about it, turned into a JobSnapshot for the workflow, and
// every user action on it (tick a step, save a photo/signature/value, choose a branch, complete a
// card) as one store transaction. No widgets here, so the UI test and the screens share it.
//
// Task-level cards (scope "task": 2.4, 4.x, 19.1, 27.5, 28.4, 36.x …) are recorded against the
// task, never a job: openTask() opens a session on the task alone (台区/任务作业卡), and a job
// session that reaches such a card (27.5 / 28.4 on the swap walk) reads and writes the task's
// records for it, so the concentrator is checked once per task, not once per customer.
#include "appcontext.h"
#include "media/photopipeline.h"
#include "media/signature.h"
#include "model/result.h"
#include "store/storetypes.h"
#include "workflow/jobsnapshot.h"
#include "workflow/taskcards.h"
#include "workflow/workflow.h"

#include <QSet>

#include <QObject>

namespace ms {

// A seal recorded on the task (集中器 / 集中器箱), with the card and requirement it was typed on
// (empty when no seal-number record of the task names it).
struct TaskSeal
{
    Seal seal;
    QString cardId;
    QString requirement;
};

class JobSession : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<JobSession>> open(AppContext &ctx, RowId jobId,
                                                    QObject *parent = nullptr);
    // A session on the task's own cards (no job, no customer).
    static Result<std::unique_ptr<JobSession>> openTask(AppContext &ctx, RowId taskId,
                                                        QObject *parent = nullptr);

    bool isTaskSession() const { return m_taskSession; }
    // Whether this card's records belong to the task (task session, or a task-level card).
    bool recordsOnTask(const QString &cardId) const;
    // The task's task-level cards with progress (done / in progress / not started).
    TaskCardsOverview taskCards() const;

    const Job &job() const { return m_job; }
    const Customer &customer() const { return m_customer; }
    const Task &task() const { return m_task; }
    const JobSnapshot &snapshot() const { return m_snapshot; }
    const WorkflowState &state() const { return m_state; }
    CardProgress progress(const QString &cardId) const;
    QList<Evidence> evidence(const QString &cardId, const QString &requirement = {}) const;
    // The task's own seals, in the order they were recorded.
    QList<TaskSeal> taskSeals() const;

    Result<void> setStep(const QString &cardId, int index, bool done);
    Result<Evidence> addPhoto(const QString &cardId, const QString &requirement,
                              const ProcessedPhoto &photo);
    Result<Evidence> addVideo(const QString &cardId, const QString &requirement,
                              const QByteArray &bytes, const QString &mime);
    Result<Evidence> addSignature(const QString &cardId, const QString &requirement,
                                  const SignatureArtifact &art, const QString &summary);
    // Typed values: readings, numbers, seal numbers, text, barcodes, checks ("yes"/"no").
    // A seal number is also recorded as a seal of the job, in the same transaction.
    Result<Evidence> addValue(const QString &cardId, const QString &requirement,
                              const QString &value, const QJsonObject &meta = {});
    Result<void> choose(const QString &cardId, const QString &choice, const QString &reason);
    // Leaves `cardId`: fails with the missing items named, else returns the next card id
    // ("" when the job is done). Job status and current card are saved. A task-level card is
    // also marked completed on the task; in a task session the next card is the next
    // task-level one ("" when the flow leaves task scope).
    Result<QString> completeCard(const QString &cardId);

    // What the signer is shown: customer, old/new meter numbers and readings.
    QString signatureSummary() const;
    Watermark watermark(const QString &cardId) const;
    // Latest reading typed/read for the old or new meter ("" when none yet).
    QString latestReading(const QString &meter) const;

    void reload();

signals:
    void changed();

private:
    JobSession(AppContext &ctx, QObject *parent);
    Result<Evidence> addEvidence(NewEvidence item);
    Result<void> saveJobState();
    Result<void> markTaskCard(const QString &cardId);

    AppContext &m_ctx;
    Job m_job;
    Customer m_customer;
    Task m_task;
    QList<Evidence> m_evidence;
    JobSnapshot m_snapshot;
    WorkflowState m_state;
    bool m_taskSession = false;
    QSet<QString> m_completedTaskCards;
};

} // namespace ms
