#include "store/taskrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/rows.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QSet>

namespace ms {

using namespace storeutil;

namespace {

constexpr const char *kTaskColumns =
    "SELECT id, uuid, code, name, area_name, area_code, address, crew, leader, planned_start, "
    "planned_end, version, concentrator_archive_write FROM tasks ";

Task taskFrom(const Statement &q)
{
    Task t;
    t.id = q.integer(0);
    t.uuid = q.text(1);
    t.code = q.text(2);
    t.name = q.text(3);
    t.areaName = q.text(4);
    t.areaCode = q.text(5);
    t.address = q.text(6);
    t.crew = q.text(7);
    t.leader = q.text(8);
    t.plannedStart = QDate::fromString(q.text(9), Qt::ISODate);
    t.plannedEnd = QDate::fromString(q.text(10), Qt::ISODate);
    t.version = int(q.integer(11));
    t.concentratorArchiveWrite = q.integer(12) != 0;
    return t;
}

QVariant dateOrNull(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QString nn(const QString &s) // NOT NULL text columns
{
    return s.isNull() ? QStringLiteral("") : s;
}

// Writes all customer columns; `id` 0 inserts. Returns the row id.
Result<RowId> writeCustomer(Database &db, const Customer &c)
{
    const bool insert = c.id == 0;
    auto st = db.prepare(insert
        ? QStringLiteral("INSERT INTO customers(uuid, task_id, account_no, name, address, phone, "
                         "meter_box_no, payment, old_asset_no, old_comm_address, old_model, "
                         "old_protocol, new_asset_no, new_comm_address, new_model, new_protocol, "
                         "last_billed_reading, mismatch_flag, search_text, version, updated_at) "
                         "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,"
                         "?19,?20,?21)")
        : QStringLiteral("UPDATE customers SET uuid=?1, task_id=?2, account_no=?3, name=?4, "
                         "address=?5, phone=?6, meter_box_no=?7, payment=?8, old_asset_no=?9, "
                         "old_comm_address=?10, old_model=?11, old_protocol=?12, new_asset_no=?13, "
                         "new_comm_address=?14, new_model=?15, new_protocol=?16, "
                         "last_billed_reading=?17, mismatch_flag=?18, search_text=?19, "
                         "version=?20, updated_at=?21 WHERE id=?22"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindText(1, c.uuid).bindInt(2, c.taskId).bindText(3, nn(c.accountNo)).bindText(4, nn(c.name));
    q.bindText(5, nn(c.address)).bindText(6, nn(c.phone)).bindText(7, nn(c.meterBoxNo));
    q.bindText(8, rows::paymentKey(c.payment));
    q.bindText(9, nn(c.oldMeter.assetNo)).bindText(10, nn(c.oldMeter.commAddress));
    q.bindText(11, nn(c.oldMeter.model)).bindText(12, nn(c.oldMeter.protocol));
    q.bindText(13, nn(c.newMeter.assetNo)).bindText(14, nn(c.newMeter.commAddress));
    q.bindText(15, nn(c.newMeter.model)).bindText(16, nn(c.newMeter.protocol));
    if (c.lastBilledReading)
        q.bindDouble(17, *c.lastBilledReading);
    else
        q.bindNull(17);
    q.bindInt(18, c.mismatchFlag ? 1 : 0).bindText(19, rows::searchText(c));
    q.bindInt(20, c.version).bindText(21, json::isoTime(now()));
    if (!insert)
        q.bindInt(22, c.id);
    if (auto r = q.run(); !r)
        return r.error();
    return insert ? db.lastInsertId() : c.id;
}

} // namespace

TaskRepository::TaskRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<TaskImportResult> TaskRepository::importTask(const Task &taskIn,
                                                    const QList<Customer> &customers,
                                                    Origin origin)
{
    if (taskIn.name.trimmed().isEmpty())
        return badInput(Tr::tr("任务名称不能为空。"));
    QSet<QString> accounts;
    for (int i = 0; i < customers.size(); ++i) {
        const QString acc = customers.at(i).accountNo.trimmed();
        if (acc.isEmpty())
            return badInput(Tr::tr("第 %1 个客户没有户号，请补上户号再导入。").arg(i + 1));
        if (accounts.contains(acc))
            return badInput(Tr::tr("户号 %1 在导入的客户中出现了两次，请删去重复的一行。").arg(acc));
        accounts.insert(acc);
    }
    const bool local = origin == Origin::Local;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    TaskImportResult result;
    Task task = taskIn;
    std::optional<Task> existing;
    if (!task.uuid.isEmpty())
        if (auto found = byUuid(task.uuid))
            existing = found.value();
    if (task.uuid.isEmpty())
        task.uuid = newUuid();
    if (existing)
        task.version = local ? existing->version + 1 : qMax(task.version, existing->version);
    else if (local)
        task.version = 1;
    {
        auto st = m_db.prepare(
            existing ? QStringLiteral(
                "UPDATE tasks SET code=?2, name=?3, area_name=?4, area_code=?5, "
                "address=?6, crew=?7, leader=?8, planned_start=?9, planned_end=?10, "
                "version=?11, updated_at=?12, concentrator_archive_write=?13 WHERE uuid=?1")
                     : QStringLiteral(
                         "INSERT INTO tasks(uuid, code, name, area_name, area_code, address, "
                         "crew, leader, planned_start, planned_end, version, updated_at, "
                         "concentrator_archive_write) "
                         "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"));
        if (!st)
            return st.error();
        Statement &q = st.value();
        q.bindText(1, task.uuid).bindText(2, nn(task.code)).bindText(3, task.name.trimmed());
        q.bindText(4, nn(task.areaName)).bindText(5, nn(task.areaCode)).bindText(6, nn(task.address));
        q.bindText(7, nn(task.crew)).bindText(8, nn(task.leader));
        q.bind(9, dateOrNull(task.plannedStart)).bind(10, dateOrNull(task.plannedEnd));
        q.bindInt(11, task.version).bindText(12, json::isoTime(now()));
        q.bindInt(13, task.concentratorArchiveWrite ? 1 : 0);
        if (auto r = q.run(); !r)
            return r.error();
        task.id = existing ? existing->id : m_db.lastInsertId();
    }
    if (local)
        if (auto r = m_outbox.append(QStringLiteral("task"), task.uuid, task.version,
                                     QStringLiteral("upsert"), json::fromTask(task));
            !r)
            return r.error();

    auto findJob = m_db.prepare(QStringLiteral("SELECT id FROM jobs WHERE customer_id = ?"));
    if (!findJob)
        return findJob.error();
    for (const Customer &in : customers) {
        Customer c = in;
        c.taskId = task.id;
        c.accountNo = c.accountNo.trimmed();
        std::optional<Customer> old;
        if (!c.uuid.isEmpty()) {
            auto f = customerByUuid(c.uuid);
            if (f)
                old = f.value();
            else if (f.error().code != QLatin1String("store.not_found"))
                return f.error(); // a failed read is not "a new customer"
        }
        if (!old) {
            auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(rows::kCustomerColumns)
                                   + QStringLiteral(" FROM customers c WHERE c.task_id = ? AND "
                                                    "c.account_no = ?"));
            if (!st)
                return st.error();
            st.value().bindInt(1, task.id).bindText(2, c.accountNo);
            if (st.value().step())
                old = rows::customerFrom(st.value(), 0);
            else if (st.value().failed())
                return st.value().error();
        }
        if (old) {
            c.id = old->id;
            c.uuid = old->uuid;
            c.version = local ? old->version + 1 : qMax(c.version, old->version);
            ++result.customersUpdated;
        } else {
            if (c.uuid.isEmpty())
                c.uuid = newUuid();
            if (local)
                c.version = 1;
            ++result.customersAdded;
        }
        auto id = writeCustomer(m_db, c);
        if (!id)
            return id.error();
        c.id = id.value();
        if (!local && old) { // assigned to this tablet (again): no longer withdrawn
            auto back = m_db.prepare(
                QStringLiteral("UPDATE customers SET withdrawn_at = NULL WHERE id = ?"));
            if (!back)
                return back.error();
            back.value().bindInt(1, c.id);
            if (auto r = back.value().run(); !r)
                return r.error();
        }
        if (local)
            if (auto r = m_outbox.append(QStringLiteral("customer"), c.uuid, c.version,
                                         QStringLiteral("upsert"), json::fromCustomer(c, task.uuid));
                !r)
                return r.error();

        findJob.value().reset();
        findJob.value().bindInt(1, c.id);
        if (findJob.value().step())
            continue;
        if (findJob.value().failed())
            return findJob.value().error();
        Job job;
        job.uuid = newUuid();
        job.taskId = task.id;
        job.customerId = c.id;
        auto ins = m_db.prepare(QStringLiteral(
            "INSERT INTO jobs(uuid, task_id, customer_id, updated_at) VALUES (?,?,?,?)"));
        if (!ins)
            return ins.error();
        ins.value().bindText(1, job.uuid).bindInt(2, task.id).bindInt(3, c.id);
        ins.value().bindText(4, json::isoTime(now()));
        if (auto r = ins.value().run(); !r)
            return r.error();
        job.id = m_db.lastInsertId();
        ++result.jobsCreated;
        if (local)
            if (auto r = m_outbox.append(QStringLiteral("job"), job.uuid, 1,
                                         QStringLiteral("upsert"),
                                         json::fromJob(job, task.uuid, c.uuid));
                !r)
                return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    const RowId taskId = task.id;
    m_db.afterCommit([this, taskId] { emit m_store.taskChanged(taskId); });
    result.task = task;
    return result;
}

Result<QList<Task>> TaskRepository::list()
{
    QList<Task> out;
    auto st = m_db.prepare(QLatin1String(kTaskColumns) + QStringLiteral("ORDER BY id"));
    if (!st)
        return st.error();
    while (st.value().step())
        out << taskFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<Task> TaskRepository::byId(RowId id)
{
    auto st = m_db.prepare(QLatin1String(kTaskColumns) + QStringLiteral("WHERE id = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, id);
    if (!st.value().step())
        return noRow(st.value(), notFound(Tr::tr("找不到编号为 %1 的任务。").arg(id)));
    return taskFrom(st.value());
}

Result<Task> TaskRepository::byUuid(const QString &uuid)
{
    auto st = m_db.prepare(QLatin1String(kTaskColumns) + QStringLiteral("WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, uuid);
    if (!st.value().step())
        return noRow(st.value(), notFound(Tr::tr("找不到该任务（%1）。").arg(uuid)));
    return taskFrom(st.value());
}

Result<QList<Customer>> TaskRepository::customers(RowId taskId)
{
    QList<Customer> out;
    auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(rows::kCustomerColumns)
                           + QStringLiteral(" FROM customers c WHERE c.task_id = ? "
                                            "ORDER BY c.meter_box_no, c.account_no"));
    if (!st)
        return st.error();
    st.value().bindInt(1, taskId);
    while (st.value().step())
        out << rows::customerFrom(st.value(), 0);
    if (st.value().failed())
        return st.value().error();
    return out;
}

namespace {
Result<Customer> customerWhere(Database &db, const QString &where, const QVariant &value)
{
    auto st = db.prepare(QStringLiteral("SELECT ") + QLatin1String(rows::kCustomerColumns)
                         + QStringLiteral(" FROM customers c WHERE ") + where
                         + QStringLiteral(" ORDER BY c.id DESC LIMIT 1"));
    if (!st)
        return st.error();
    st.value().bind(1, value);
    if (!st.value().step())
        return noRow(st.value(), notFound(Tr::tr("找不到该客户（%1）。").arg(value.toString())));
    return rows::customerFrom(st.value(), 0);
}
} // namespace

Result<Customer> TaskRepository::customer(RowId customerId)
{
    return customerWhere(m_db, QStringLiteral("c.id = ?"), customerId);
}

Result<Customer> TaskRepository::customerByUuid(const QString &uuid)
{
    return customerWhere(m_db, QStringLiteral("c.uuid = ?"), uuid);
}

Result<Customer> TaskRepository::customerByAccount(const QString &accountNo)
{
    return customerWhere(m_db, QStringLiteral("c.account_no = ?"), accountNo);
}

Result<Customer> TaskRepository::updateCustomer(const Customer &in)
{
    auto old = customer(in.id);
    if (!old)
        return old.error();
    if (in.accountNo.trimmed().isEmpty())
        return badInput(Tr::tr("户号不能为空。"));
    auto task = byId(old->taskId);
    if (!task)
        return task.error();
    Customer c = in;
    c.uuid = old->uuid;
    c.taskId = old->taskId;
    c.accountNo = c.accountNo.trimmed();
    c.version = old->version + 1;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto r = writeCustomer(m_db, c); !r) {
        if (r.error().code == QLatin1String("store.constraint"))
            return makeError(QStringLiteral("store.duplicate"),
                             Tr::tr("户号 %1 在本任务中已存在。").arg(c.accountNo));
        return r.error();
    }
    if (auto r = m_outbox.append(QStringLiteral("customer"), c.uuid, c.version,
                                 QStringLiteral("upsert"), json::fromCustomer(c, task->uuid));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    const RowId id = c.id;
    m_db.afterCommit([this, id] { emit m_store.customerChanged(id); });
    return c;
}

} // namespace ms
