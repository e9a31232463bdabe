#pragma once
// 表单填写记录: what a clerk typed on an appendix form's screen, kept per form number and per job
// or task (by uuid), so reopening the form or printing it (`meterswapctl form pdf`) shows it.
// One row per (form, owner) holding every typed field; each save that changes something bumps
// the version and appends an outbox row (entity "form_entry") in the same transaction.
//
//   auto saved = store.formEntries().save(8, FormOwner::job(job.uuid), {{"remark", "客户出差"}}, user);
//   if (!saved) show(saved.error().message);           // e.g. "store.disk_full"; nothing lost
//   auto typed = store.formEntries().load(8, FormOwner::job(job.uuid)); // empty map when none
#include "model/result.h"
#include "model/types.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace ms {

class Database;
class OutboxRepository;

// Whose form it is: a customer's job or a task (台区).
struct FormOwner
{
    enum class Kind { Job, Task };
    Kind kind = Kind::Job;
    QString uuid;

    static FormOwner job(const QString &uuid) { return {Kind::Job, uuid}; }
    static FormOwner task(const QString &uuid) { return {Kind::Task, uuid}; }
    QString kindKey() const { return kind == Kind::Job ? QStringLiteral("job") : QStringLiteral("task"); }
    bool isValid() const { return !uuid.isEmpty(); }
};

struct FormEntries
{
    RowId id = 0;
    QString uuid;
    int form = 0;
    FormOwner owner;
    QHash<QString, QString> entries; // field key → typed text ("" = deliberately cleared)
    QString userUuid;                // who saved last
    QDateTime updatedAt;
    int version = 0;                 // 0 = nothing saved yet
};

class FormEntryRepository
{
public:
    FormEntryRepository(Database &db, OutboxRepository &outbox);

    // The schema step that adds the table (registered in the store's migration list).
    static const char *const kMigrationSql;

    // What was saved for this form and owner; an empty FormEntries (version 0) when nothing was.
    // Errors: "store.bad_input" (form outside 1–31, empty owner), "store.sql".
    Result<FormEntries> load(int form, const FormOwner &owner);

    // Replaces the typed fields of this form and owner. Saving the same entries again changes
    // nothing (no version bump, no outbox row). Errors: "store.bad_input" (form outside 1–31,
    // unknown job/task, bad field key), "store.disk_full", "store.busy", "store.sql"; on any
    // error nothing is written and the caller still holds what was typed.
    Result<FormEntries> save(int form, const FormOwner &owner,
                             const QHash<QString, QString> &entries, const QString &userUuid);

    // The outbox payload (what the office receives).
    static QJsonObject toJson(const FormEntries &e);

private:
    Result<void> checkKey(int form, const FormOwner &owner);

    Database &m_db;
    OutboxRepository &m_outbox;
};

} // namespace ms
