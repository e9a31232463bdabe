#pragma once
// The office workstation's own memory (issue 14 §2): the last answer the office gave for each
// screen (so a screen keeps what it showed while the office cannot be reached, and after a
// restart), and the decisions made at this workstation that the office has not confirmed yet.
// Device-local, never pushed (no outbox row). A decision keeps the decision_uuid it was made
// with, so sending it again after a failure is applied once at the office.
#include "model/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ms {

class Database;

struct CachedAnswer
{
    QJsonObject body;
    QDateTime fetchedAt; // UTC
};

// One decision of an office user, waiting to reach the office.
struct PendingDecision
{
    QString decisionUuid;
    QString jobUuid;
    QString kind;      // "approve" | "send-back" | "billing-confirm" | "billing-send-back"
    QJsonObject body;  // the POST body (holds decision_uuid)
    QString summary;   // what the user decided, in words (for the list of unsent decisions)
    QDateTime createdAt;
    QString userUuid;  // the office user who made it: sent only under their own token
    QString lastError; // why the last attempt did not go through (empty: not tried yet)
    bool refused = false; // the office answered and refused it: never resent, shown until dropped
};

class OfficeDeskRepository
{
public:
    explicit OfficeDeskRepository(Database &db);

    // Migration 8 (schema.cpp): office_answers and office_decisions.
    static const char *const kMigrationSql;
    // A later migration: office_decisions.user_uuid (a shared office PC, each user's own token).
    static const char *const kUserMigrationSql;

    Result<void> putAnswer(const QString &key, const QJsonObject &body);
    Result<std::optional<CachedAnswer>> answer(const QString &key);

    // Queues a decision (one statement); a decision_uuid already queued is an error.
    Result<void> queueDecision(const PendingDecision &decision);
    // Not yet confirmed by the office, oldest first (refused ones included, marked): those of
    // `userUuid` and those made before decisions had an owner.
    Result<QList<PendingDecision>> pendingDecisions(const QString &userUuid);
    Result<void> markFailed(const QString &decisionUuid, const QString &error, bool refused);
    // The office applied it: it leaves the queue.
    Result<void> removeDecision(const QString &decisionUuid);

private:
    Database &m_db;
};

} // namespace ms
