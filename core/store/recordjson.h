#pragma once
// JSON form of every synced record: the outbox payload and what the office server parses.
// Field names are snake_case; times ISO 8601 UTC with milliseconds; row ids are NOT included
// (they are local), references use uuids (job_uuid, customer_uuid, task_uuid).
#include "model/types.h"
#include "store/storetypes.h"

#include <QJsonObject>

namespace ms::json {

QJsonObject fromTask(const Task &t);
QJsonObject fromCustomer(const Customer &c, const QString &taskUuid);
QJsonObject fromJob(const Job &j, const QString &taskUuid, const QString &customerUuid);
QJsonObject fromStep(const StepRecord &s, const QString &jobUuid);
QJsonObject fromEvidence(const Evidence &e, const QString &jobUuid, const QString &supersedes);
QJsonObject fromSeal(const Seal &s, const QString &jobUuid);
QJsonObject fromUser(const User &u);            // never contains the PIN hash or salt
QJsonObject fromMismatch(const MismatchInfo &m, const QString &customerUuid);

// Parse back (sync pull, office server). Missing fields keep their defaults; uuid references
// are returned in the *Uuid out-params for the caller to resolve to local ids.
Task toTask(const QJsonObject &o);
Customer toCustomer(const QJsonObject &o, QString *taskUuid = nullptr);

QString isoTime(const QDateTime &t);            // "" for null
QDateTime parseTime(const QString &s);

} // namespace ms::json
