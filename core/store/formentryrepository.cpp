#include "store/formentryrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ms {

using namespace storeutil;

// Version 2 of the store schema. Never edit: add a migration instead.
const char *const FormEntryRepository::kMigrationSql = R"SQL(
CREATE TABLE form_entries(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    form INTEGER NOT NULL CHECK(form BETWEEN 1 AND 31),
    owner_kind TEXT NOT NULL CHECK(owner_kind IN ('job','task')),
    owner_uuid TEXT NOT NULL,
    entries TEXT NOT NULL DEFAULT '{}',  -- JSON object: field key -> typed text
    user_uuid TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE(form, owner_kind, owner_uuid)
);
)SQL";

namespace {
constexpr int kMaxValueLength = 4000;

QJsonObject entriesJson(const QHash<QString, QString> &entries)
{
    QJsonObject o;
    for (auto it = entries.begin(); it != entries.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QHash<QString, QString> entriesFrom(const QString &text)
{
    QHash<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}
} // namespace

FormEntryRepository::FormEntryRepository(Database &db, OutboxRepository &outbox)
    : m_db(db), m_outbox(outbox)
{
}

QJsonObject FormEntryRepository::toJson(const FormEntries &e)
{
    QJsonObject o{{QStringLiteral("uuid"), e.uuid},
                  {QStringLiteral("form"), e.form},
                  {QStringLiteral("owner"), e.owner.kindKey()},
                  {QStringLiteral("entries"), entriesJson(e.entries)},
                  {QStringLiteral("user_uuid"), e.userUuid},
                  {QStringLiteral("updated_at"), json::isoTime(e.updatedAt)},
                  {QStringLiteral("version"), e.version}};
    o.insert(e.owner.kind == FormOwner::Kind::Job ? QStringLiteral("job_uuid") : QStringLiteral("task_uuid"),
             e.owner.uuid);
    return o;
}

Result<void> FormEntryRepository::checkKey(int form, const FormOwner &owner)
{
    if (form < 1 || form > 31)
        return badInput(Tr::tr("附录编号 %1 无效：应为 1 到 31。").arg(form));
    if (!owner.isValid())
        return badInput(Tr::tr("表单填写内容须属于某个工单或任务，请从工单或任务打开附录 %1。").arg(form));
    return {};
}

Result<FormEntries> FormEntryRepository::load(int form, const FormOwner &owner)
{
    if (auto r = checkKey(form, owner); !r)
        return r.error();
    FormEntries e;
    e.form = form;
    e.owner = owner;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT id, uuid, entries, user_uuid, updated_at, version FROM form_entries "
        "WHERE form = ? AND owner_kind = ? AND owner_uuid = ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, form).bindText(2, owner.kindKey()).bindText(3, owner.uuid);
    if (q.step()) {
        e.id = q.integer(0);
        e.uuid = q.text(1);
        e.entries = entriesFrom(q.text(2));
        e.userUuid = q.text(3);
        e.updatedAt = json::parseTime(q.text(4));
        e.version = int(q.integer(5));
    }
    if (q.failed())
        return q.error();
    return e;
}

Result<FormEntries> FormEntryRepository::save(int form, const FormOwner &owner,
                                              const QHash<QString, QString> &entries,
                                              const QString &userUuid)
{
    if (auto r = checkKey(form, owner); !r)
        return r.error();
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z0-9_]{1,64}$"));
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (!keyPattern.match(it.key()).hasMatch())
            return badInput(Tr::tr("附录 %1 的字段名“%2”无效（只能是小写字母、数字和下划线）。").arg(form).arg(it.key()));
        if (it.value().size() > kMaxValueLength)
            return badInput(Tr::tr("附录 %1 的字段“%2”内容过长（%3 字，最多 %4 字），请精简后再保存。")
                                .arg(form).arg(it.key()).arg(it.value().size()).arg(kMaxValueLength));
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto ownerRow = m_db.prepare(owner.kind == FormOwner::Kind::Job
                                     ? QStringLiteral("SELECT 1 FROM jobs WHERE uuid = ?")
                                     : QStringLiteral("SELECT 1 FROM tasks WHERE uuid = ?"));
    if (!ownerRow)
        return ownerRow.error();
    ownerRow.value().bindText(1, owner.uuid);
    if (!ownerRow.value().step())
        return ownerRow.value().failed()
            ? ownerRow.value().error()
            : badInput(owner.kind == FormOwner::Kind::Job
                           ? Tr::tr("找不到工单 %1，附录 %2 的填写内容无法保存。请重新同步任务后再试。").arg(owner.uuid).arg(form)
                           : Tr::tr("找不到任务 %1，附录 %2 的填写内容无法保存。请重新同步任务后再试。").arg(owner.uuid).arg(form));
    auto old = load(form, owner);
    if (!old)
        return old.error();
    if (old->version > 0 && old->entries == entries)
        return old; // nothing changed: no new version, nothing to sync

    FormEntries e = old.value();
    e.entries = entries;
    e.userUuid = userUuid.isNull() ? QStringLiteral("") : userUuid;
    e.updatedAt = json::parseTime(json::isoTime(now()));
    e.version = old->version + 1;
    const bool exists = old->version > 0;
    if (!exists)
        e.uuid = newUuid();
    auto st = m_db.prepare(exists
        ? QStringLiteral("UPDATE form_entries SET entries=?1, user_uuid=?2, updated_at=?3, version=?4 "
                         "WHERE uuid=?5")
        : QStringLiteral("INSERT INTO form_entries(entries, user_uuid, updated_at, version, uuid, form, "
                         "owner_kind, owner_uuid) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindText(1, QString::fromUtf8(QJsonDocument(entriesJson(entries)).toJson(QJsonDocument::Compact)));
    q.bindText(2, e.userUuid).bindText(3, json::isoTime(e.updatedAt)).bindInt(4, e.version);
    q.bindText(5, e.uuid);
    if (!exists)
        q.bindInt(6, form).bindText(7, owner.kindKey()).bindText(8, owner.uuid);
    if (auto r = q.run(); !r)
        return r.error();
    if (!exists)
        e.id = m_db.lastInsertId();
    if (auto r = m_outbox.append(QStringLiteral("form_entry"), e.uuid, e.version,
                                 QStringLiteral("upsert"), toJson(e));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return e;
}

} // namespace ms
