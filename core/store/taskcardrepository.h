#pragma once
// 台区/任务作业卡: cards whose scope is "task" (signal survey 2.x, concentrator mounting 4.x,
// concentrator install 19.1, its checks 27.5 / 28.4, parameters 36.x …) are done once per task
// (transformer area / concentrator), not per customer. Their step ticks, evidence and seals are
// owned by the task (RecordOwner::task: StepRepository, EvidenceRepository, SealRepository). This
// repository keeps each card's decision choice and completion (table task_cards). Every change is
// one transaction with its outbox row (entity "task_card").
#include "model/result.h"
#include "model/types.h"

#include <QDateTime>
#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

// A task-level card's state beyond its ticks and evidence.
struct TaskCardRecord
{
    RowId id = 0;
    QString uuid;
    RowId taskId = 0;
    QString cardId;
    QString choice;          // decision edge chosen ("" = none), e.g. 2.4 → "surface"
    QString reason;
    QDateTime chosenAt;
    QDateTime completedAt;   // null = not completed
    QString userUuid;
    QDateTime updatedAt;
    int version = 1;
};

class TaskCardRepository
{
public:
    TaskCardRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Migration 3 (schema.cpp): job-or-task owner on step_records/evidence/seals + task_cards.
    static const char *const kMigrationSql;

    // Records the choice at the card's decision (choice "" clears it).
    Result<TaskCardRecord> setChoice(RowId taskId, const QString &cardId, const QString &choice,
                                     const QString &reason, const QString &userUuid);
    // Marks the card completed (or not). The caller checks completeness (Workflow).
    Result<TaskCardRecord> setCompleted(RowId taskId, const QString &cardId, bool completed,
                                        const QString &userUuid);
    Result<QList<TaskCardRecord>> cards(RowId taskId);
    Result<TaskCardRecord> card(RowId taskId, const QString &cardId); // "store.not_found"

private:
    Result<TaskCardRecord> save(TaskCardRecord record, bool exists);

    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
