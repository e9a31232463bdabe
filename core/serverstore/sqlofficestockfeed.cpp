// SqlOfficeStock: what the tablets pull of the crew's stock (entity "stock_issue", one row
// per crew in the assignment feed) and stock_use, what each job used, refreshed on push.
#include "serverstore/sqlofficestock.h"

#include "serverstore/sqlconnection.h"
#include "serverstore/sqlofficestocksql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace ms::server {

namespace {
// An empty QString binds as NULL; the NOT NULL text columns take "".
QString text(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("") : s;
}

// The crew's stock row in the assignment feed: one per crew, the same uuid every time.
QString crewRowUuid(const QString &crew)
{
    static const QUuid ns(QStringLiteral("6f1c2a8e-4b1d-4c7a-9a57-3d2f5e0b9c11"));
    return QUuid::createUuidV5(ns, crew).toString(QUuid::WithoutBraces);
}

QSet<QString> userSet(const QString &column)
{
    const QStringList list = column.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return QSet<QString>(list.begin(), list.end());
}

QString userColumn(const QSet<QString> &users)
{
    QStringList list(users.begin(), users.end());
    list.sort();
    return text(list.join(QLatin1Char(',')));
}
} // namespace

Result<void> SqlOfficeStock::noteRecords(const QStringList &sources, const QStringList &jobs,
                                         const QStringList &jobRecords)
{
    if (sources.isEmpty())
        return {};
    const QString list = m_db.inList(1);
    const QString sqls[] = {
        QStringLiteral("DELETE FROM stock_use WHERE src%1").arg(list),
        QStringLiteral("DELETE FROM stock_use WHERE job_uuid%1").arg(list),
        QStringLiteral(MS_STOCK_USE_FILL(" AND j.uuid%1", " AND j.uuid%1")).arg(list),
        QStringLiteral(MS_STOCK_USE_TASK_SEALS(" AND u.uuid%1")).arg(list)};
    for (int i = 0; i < 4; ++i) {
        auto st = m_db.prepare(sqls[i]);
        if (!st)
            return st.error();
        st.value().bindText(1, SqlConnection::jsonList(i == 0 || i == 3 ? sources : jobs));
        if (auto ok = st.value().run(); !ok)
            return ok;
    }
    for (const QString &job : jobRecords)
        if (auto ok = noteJob(job); !ok)
            return ok;
    return {};
}

Result<void> SqlOfficeStock::noteJob(const QString &jobUuid)
{
    auto st = m_db.prepare(QStringLiteral("SELECT crew, user FROM office_jobs WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, jobUuid);
    if (!st.value().step())
        return st.value().failed() ? Result<void>(st.value().error()) : Result<void>();
    const QString crew = st.value().text(0), user = st.value().text(1);
    auto row = m_db.prepare(QStringLiteral("SELECT assignees FROM assignments WHERE uuid = ?"));
    if (!row)
        return row.error();
    row.value().bindText(1, crewRowUuid(crew));
    if (!row.value().step())
        return row.value().failed() ? Result<void>(row.value().error()) : Result<void>();
    if (userSet(row.value().text(0)).contains(user))
        return {};
    return refreshCrew(crew);
}

Result<void> SqlOfficeStock::refreshCrew(const QString &crew)
{
    if (crew.isEmpty())
        return {};
    // Every writer of assignments holds this until it commits (seq order is commit order).
    if (auto locked = m_db.lockKey(QStringLiteral("assignments")); !locked)
        return locked;
    QJsonArray lists[2];
    const char *const queries[2] = {
        "SELECT asset_no FROM stock_meters WHERE crew = ? AND returned_at = '' ORDER BY asset_no",
        "SELECT seal_no FROM stock_seals WHERE crew = ? AND returned_at = '' ORDER BY seal_no"};
    for (int i = 0; i < 2; ++i) {
        auto st = m_db.prepare(QString::fromLatin1(queries[i]));
        if (!st)
            return st.error();
        st.value().bindText(1, crew);
        while (st.value().step())
            lists[i].append(st.value().text(0));
        if (st.value().failed())
            return st.value().error();
    }
    // The crew's users: those its tasks are assigned to, and those whose jobs are the crew's.
    QSet<QString> users;
    auto who = m_db.prepare(QStringLiteral(
        "SELECT assignees FROM assignments WHERE entity = 'task' AND "
        "json_extract(payload, '$.crew') = ?1 UNION SELECT DISTINCT user FROM office_jobs "
        "WHERE crew = ?1"));
    if (!who)
        return who.error();
    who.value().bindText(1, crew);
    while (who.value().step())
        users |= userSet(who.value().text(0));
    if (who.value().failed())
        return who.value().error();
    const QString uuid = crewRowUuid(crew);
    QJsonObject payload{{QStringLiteral("uuid"), uuid},
                        {QStringLiteral("crew"), crew},
                        {QStringLiteral("meters"), lists[0]},
                        {QStringLiteral("seals"), lists[1]}};
    int version = 1;
    QSet<QString> withdrawn;
    auto cur = m_db.prepare(QStringLiteral(
        "SELECT version, payload, assignees, withdrawn FROM assignments WHERE uuid = ?"));
    if (!cur)
        return cur.error();
    cur.value().bindText(1, uuid);
    if (cur.value().step()) {
        QJsonObject held = QJsonDocument::fromJson(cur.value().text(1).toUtf8()).object();
        held.remove(QStringLiteral("version"));
        const QSet<QString> before = userSet(cur.value().text(2));
        if (held == payload && before == users)
            return {};
        withdrawn = (userSet(cur.value().text(3)) | before) - users;
        version = int(cur.value().integer(0)) + 1;
    } else if (cur.value().failed()) {
        return cur.value().error();
    }
    payload.insert(QStringLiteral("version"), version);
    // Delete + insert: a new seq, so tablets past the old cursor see the change.
    auto del = m_db.prepare(QStringLiteral("DELETE FROM assignments WHERE uuid = ?"));
    if (!del)
        return del.error();
    del.value().bindText(1, uuid);
    if (auto ok = del.value().run(); !ok)
        return ok;
    auto ins = m_db.prepare(QStringLiteral(
        "INSERT INTO assignments(entity, uuid, version, payload, task_uuid, assignees, withdrawn) "
        "VALUES('stock_issue', ?, ?, ?, '', ?, ?)"));
    if (!ins)
        return ins.error();
    ins.value().bindText(1, uuid).bindInt(2, version);
    ins.value().bindText(3,
                         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    ins.value().bindText(4, userColumn(users)).bindText(5, userColumn(withdrawn));
    return ins.value().run();
}

} // namespace ms::server
