#include "store/officedeskrepository.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/storeutil.h"

#include <QJsonDocument>

namespace ms {

using namespace storeutil;

const char *const OfficeDeskRepository::kMigrationSql = R"SQL(
CREATE TABLE office_answers(
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE office_decisions(
    id INTEGER PRIMARY KEY,
    decision_uuid TEXT NOT NULL UNIQUE,
    job_uuid TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    refused INTEGER NOT NULL DEFAULT 0
);
)SQL";

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}
} // namespace

OfficeDeskRepository::OfficeDeskRepository(Database &db) : m_db(db) {}

Result<void> OfficeDeskRepository::putAnswer(const QString &key, const QJsonObject &body)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO office_answers(key, body, fetched_at) VALUES (?,?,?) "
        "ON CONFLICT(key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at"));
    if (!st)
        return st.error();
    st.value().bindText(1, key).bindText(2, compact(body)).bindText(3, json::isoTime(now()));
    return st.value().run();
}

Result<std::optional<CachedAnswer>> OfficeDeskRepository::answer(const QString &key)
{
    auto st = m_db.prepare(QStringLiteral("SELECT body, fetched_at FROM office_answers WHERE key = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, key);
    if (st.value().step()) {
        CachedAnswer a;
        a.body = QJsonDocument::fromJson(st.value().text(0).toUtf8()).object();
        a.fetchedAt = json::parseTime(st.value().text(1));
        return std::optional<CachedAnswer>(a);
    }
    if (st.value().failed())
        return st.value().error();
    return std::optional<CachedAnswer>();
}

const char *const OfficeDeskRepository::kUserMigrationSql = R"SQL(
ALTER TABLE office_decisions ADD COLUMN user_uuid TEXT NOT NULL DEFAULT '';
CREATE INDEX office_decisions_user ON office_decisions(user_uuid, id);
)SQL";

Result<void> OfficeDeskRepository::queueDecision(const PendingDecision &d)
{
    if (d.decisionUuid.isEmpty() || d.jobUuid.isEmpty() || d.kind.isEmpty())
        return badInput(Tr::tr("审核决定缺少编号、工单或类型，没有保存：请重新操作一次。"));
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO office_decisions(decision_uuid, job_uuid, kind, body, summary, created_at, "
        "user_uuid) VALUES (?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, d.decisionUuid).bindText(2, d.jobUuid).bindText(3, d.kind);
    st.value().bindText(4, compact(d.body)).bindText(5, text(d.summary));
    st.value().bindText(6, json::isoTime(d.createdAt.isValid() ? d.createdAt : now()));
    st.value().bindText(7, text(d.userUuid));
    return st.value().run();
}

Result<QList<PendingDecision>> OfficeDeskRepository::pendingDecisions(const QString &userUuid)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT decision_uuid, job_uuid, kind, body, summary, created_at, last_error, refused, "
        "user_uuid FROM office_decisions WHERE user_uuid = ? OR user_uuid = '' ORDER BY id"));
    if (!st)
        return st.error();
    st.value().bindText(1, text(userUuid));
    QList<PendingDecision> out;
    while (st.value().step()) {
        const Statement &q = st.value();
        PendingDecision d;
        d.decisionUuid = q.text(0);
        d.jobUuid = q.text(1);
        d.kind = q.text(2);
        d.body = QJsonDocument::fromJson(q.text(3).toUtf8()).object();
        d.summary = q.text(4);
        d.createdAt = json::parseTime(q.text(5));
        d.lastError = q.text(6);
        d.refused = q.integer(7) != 0;
        d.userUuid = q.text(8);
        out << d;
    }
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<void> OfficeDeskRepository::markFailed(const QString &decisionUuid, const QString &error,
                                              bool refused)
{
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE office_decisions SET last_error = ?, refused = ? WHERE decision_uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, text(error)).bindInt(2, refused ? 1 : 0).bindText(3, decisionUuid);
    return st.value().run();
}

Result<void> OfficeDeskRepository::removeDecision(const QString &decisionUuid)
{
    auto st = m_db.prepare(QStringLiteral("DELETE FROM office_decisions WHERE decision_uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, decisionUuid);
    return st.value().run();
}

} // namespace ms
