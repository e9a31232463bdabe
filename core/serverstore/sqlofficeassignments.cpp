// SqlOfficeStore: the assignment feed (tasks and customers handed to tablets, tombstones for
// those taken away again). See docs/sync-protocol.md, "GET assignments".
#include "serverstore/sqlofficestore.h"

#include "serverstore/sqlconnection.h"

#include <QJsonDocument>

namespace ms::server {

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// assignees / withdrawn columns: user names joined by ',' (sorted, no repeats); '' = nobody
QSet<QString> userSet(const QString &column)
{
    const QStringList list = column.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return QSet<QString>(list.begin(), list.end());
}

QString userColumn(const QSet<QString> &users)
{
    QStringList list(users.begin(), users.end());
    list.sort();
    return users.isEmpty() ? QStringLiteral("") : list.join(QLatin1Char(',')); // NOT NULL
}

QSet<QString> userSet(const QStringList &a, const QStringList &b = {})
{
    QSet<QString> out;
    for (const QStringList *list : {&a, &b})
        for (const QString &user : *list)
            if (!user.trimmed().isEmpty())
                out.insert(user.trimmed());
    return out;
}

// The user is one of a column's names (names never contain ',').
constexpr const char *kNamed = "instr(',' || %1 || ',', ',' || ?2 || ',') > 0";
} // namespace

// Page and cursor are read in one snapshot: an import committing between the two reads would
// otherwise move the cursor past rows this page never saw, and the tablet would skip them for
// good.
Result<wire::AssignmentPage> SqlOfficeStore::pullAssignments(const DeviceToken &to, qint64 cursor,
                                                             int limit)
{
    SqlTransaction snapshot(*m_db, SqlTransaction::Lock::Read);
    if (!snapshot.ok())
        return snapshot.error();
    wire::AssignmentPage page;
    page.cursor = cursor;
    {
        const QString assigned = QString::fromLatin1(kNamed).arg(QLatin1String("assignees"));
        const QString withdrawn = QString::fromLatin1(kNamed).arg(QLatin1String("withdrawn"));
        // An office review goes to the device that owns its job (assignments.device).
        auto st = m_db->prepare(QStringLiteral(
            "SELECT seq, entity, uuid, version, payload, task_uuid, %1 OR entity = 'review' "
            "FROM assignments WHERE seq > ?1 AND (%1 OR %2 OR (entity = 'review' AND device = ?4)) "
            "ORDER BY seq LIMIT ?3").arg(assigned, withdrawn));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindInt(1, cursor).bindText(2, to.user).bindInt(3, limit + 1).bindText(4, to.device);
        while (s.step()) {
            if (page.items.size() == limit) {
                page.more = true;
                break;
            }
            wire::Assignment a;
            a.seq = s.integer(0);
            a.entity = s.text(1);
            a.uuid = s.text(2);
            a.version = int(s.integer(3));
            a.taskUuid = s.text(5);
            a.withdrawn = s.integer(6) == 0; // listed for this user only as one who lost it
            if (!a.withdrawn)
                a.payload = parseObject(s.text(4));
            page.cursor = a.seq;
            page.items << a;
        }
        if (s.failed())
            return s.error();
    }
    if (m_betweenPageAndCursor)
        m_betweenPageAndCursor();
    if (!page.more) {
        // Rows not visible to this user still advance the cursor, so the next pull is cheap.
        auto mx = m_db->prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM assignments"));
        if (!mx)
            return mx.error();
        if (!mx.value().step())
            return mx.value().failed() ? mx.value().error()
                                       : m_db->lastError(QStringLiteral("assignment cursor"));
        page.cursor = std::max(page.cursor, mx.value().integer(0));
    }
    if (auto ok = snapshot.commit(); !ok)
        return ok.error();
    return page;
}

Result<int> SqlOfficeStore::upsertAssignment(const wire::Assignment &a, const QString &taskUuid,
                                             const QStringList &assigneeList)
{
    const QSet<QString> assignees = userSet(assigneeList);
    int version = 1;
    int outcome = 0;
    QSet<QString> withdrawn;
    {
        auto cur = m_db->prepare(QStringLiteral(
            "SELECT version, payload, assignees, withdrawn FROM assignments WHERE uuid = ?"));
        if (!cur)
            return cur.error();
        SqlStatement &c = cur.value();
        c.bindText(1, a.uuid);
        if (c.step()) {
            QJsonObject held = parseObject(c.text(1));
            QJsonObject incoming = a.payload;
            held.remove(QStringLiteral("version"));
            incoming.remove(QStringLiteral("version"));
            const QSet<QString> before = userSet(c.text(2));
            if (held == incoming && before == assignees)
                return 2;
            // Whoever loses the row is told so (a tombstone) at the next pull; whoever gets it
            // back is no longer among them.
            withdrawn = (userSet(c.text(3)) | before) - assignees;
            version = int(c.integer(0)) + 1;
            outcome = 1;
        } else if (c.failed()) {
            return c.error();
        }
    }
    // Delete + insert gives the row a new seq, so tablets past the old cursor see the change.
    auto del = m_db->prepare(QStringLiteral("DELETE FROM assignments WHERE uuid = ?"));
    if (!del)
        return del.error();
    del.value().bindText(1, a.uuid);
    if (auto ok = del.value().run(); !ok)
        return ok.error();
    QJsonObject payload = a.payload;
    payload.insert(QStringLiteral("version"), version);
    auto ins = m_db->prepare(QStringLiteral(
        "INSERT INTO assignments(entity, uuid, version, payload, task_uuid, assignees, withdrawn) "
        "VALUES(?,?,?,?,?,?,?)"));
    if (!ins)
        return ins.error();
    SqlStatement &i = ins.value();
    i.bindText(1, a.entity).bindText(2, a.uuid).bindInt(3, version).bindText(4, compact(payload));
    i.bindText(5, taskUuid).bindText(6, userColumn(assignees)).bindText(7, userColumn(withdrawn));
    if (auto ok = i.run(); !ok)
        return ok.error();
    return outcome;
}

Result<QStringList> SqlOfficeStore::withdrawMissing(const QString &taskUuid,
                                                    const QSet<QString> &keep)
{
    QList<wire::Assignment> gone;
    {
        auto st = m_db->prepare(QStringLiteral(
            "SELECT uuid, version, payload FROM assignments "
            "WHERE task_uuid = ? AND entity = 'customer' AND assignees <> ''"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, taskUuid);
        while (s.step())
            if (!keep.contains(s.text(0)))
                gone << wire::Assignment{0, QStringLiteral("customer"), s.text(0), int(s.integer(1)),
                                   parseObject(s.text(2)), {}, false, taskUuid};
        if (s.failed())
            return s.error();
    }
    QStringList accounts;
    for (const wire::Assignment &a : std::as_const(gone)) {
        auto r = upsertAssignment(a, taskUuid, {}); // assigned to nobody: a tombstone for all
        if (!r)
            return r.error();
        accounts << a.payload.value(QStringLiteral("account_no")).toString();
    }
    return accounts;
}

// Each customer goes to its own assignees plus the import's common ones; the task goes to all
// of them. A customer the office had under this task and the file no longer names is withdrawn.
Result<ImportSummary> SqlOfficeStore::importTask(const wire::Assignment &task,
                                                 const QList<wire::Assignment> &customers,
                                                 const QStringList &assignees)
{
    SqlTransaction tx(*m_db);
    if (!tx.ok())
        return tx.error();
    // Every writer of assignments holds this until it commits, so seq order is commit order
    // and a cursor never passes a row that commits later (docs/decisions/0018-postgresql.md).
    if (auto locked = m_db->lockKey(QStringLiteral("assignments")); !locked)
        return locked.error();
    QSet<QString> everyone = userSet(assignees);
    QSet<QString> named;
    for (const wire::Assignment &c : customers) {
        everyone |= userSet(c.assignees);
        named.insert(c.uuid);
    }
    ImportSummary summary;
    summary.taskUuid = task.uuid;
    auto t = upsertAssignment(task, task.uuid, QStringList(everyone.begin(), everyone.end()));
    if (!t)
        return t.error();
    summary.taskCreated = *t == 0;
    for (const wire::Assignment &c : customers) {
        auto r = upsertAssignment(c, task.uuid, c.assignees + assignees);
        if (!r)
            return r.error();
        (*r == 0 ? summary.customersCreated
                 : *r == 1 ? summary.customersUpdated : summary.customersUnchanged)++;
    }
    auto withdrawn = withdrawMissing(task.uuid, named);
    if (!withdrawn)
        return withdrawn.error();
    summary.customersWithdrawn = *withdrawn;
    // The crew's stock goes to the users the task is now assigned to as well.
    if (auto ok = m_stock.refreshCrew(task.payload.value(QStringLiteral("crew")).toString()); !ok)
        return ok.error();
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return summary;
}

} // namespace ms::server
