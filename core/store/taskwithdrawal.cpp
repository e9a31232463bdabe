// TaskRepository: customers the office withdrew from this tablet (docs/sync-protocol.md,
// "GET assignments", tombstones).
#include "store/taskrepository.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/rows.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

namespace ms {

using namespace storeutil;

namespace {
// A job nothing was done on yet: removing it loses no work.
constexpr const char *kUntouchedJob =
    "SELECT j.id FROM jobs j WHERE j.customer_id = ?1 AND j.status = 'not_started'"
    " AND j.branches = '{}' AND j.appointment_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM step_records s WHERE s.job_id = j.id)"
    " AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.job_id = j.id)"
    " AND NOT EXISTS (SELECT 1 FROM seals l WHERE l.job_id = j.id)"
    " AND NOT EXISTS (SELECT 1 FROM form_entries f WHERE f.owner_kind = 'job'"
    "                 AND f.owner_uuid = j.uuid)"
    " AND NOT EXISTS (SELECT 1 FROM customer_mismatch m WHERE m.customer_id = j.customer_id)"
    " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.uuid = j.uuid AND o.confirmed_at IS NULL)";
} // namespace

Result<WithdrawResult> TaskRepository::withdrawCustomer(const QString &customerUuid)
{
    WithdrawResult result;
    auto found = customerByUuid(customerUuid);
    if (!found)
        return found.error().code == QLatin1String("store.not_found")
                   ? Result<WithdrawResult>(result)
                   : found.error();
    Customer c = *found;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    c.name.clear();
    c.address.clear();
    c.phone.clear();
    auto scrub = m_db.prepare(QStringLiteral(
        "UPDATE customers SET name = '', address = '', phone = '', search_text = ?, "
        "withdrawn_at = coalesce(withdrawn_at, ?), updated_at = ? WHERE id = ?"));
    if (!scrub)
        return scrub.error();
    const QString at = json::isoTime(now());
    scrub.value().bindText(1, rows::searchText(c)).bindText(2, at).bindText(3, at);
    scrub.value().bindInt(4, c.id);
    if (auto r = scrub.value().run(); !r)
        return r.error();
    result.customers = 1;
    auto untouched = m_db.prepare(QLatin1String(kUntouchedJob));
    if (!untouched)
        return untouched.error();
    untouched.value().bindInt(1, c.id);
    const bool remove = untouched.value().step();
    const RowId jobId = remove ? untouched.value().integer(0) : 0;
    if (untouched.value().failed())
        return untouched.value().error();
    if (remove) {
        auto del = m_db.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
        if (!del)
            return del.error();
        del.value().bindInt(1, jobId);
        if (auto r = del.value().run(); !r)
            return r.error();
        ++result.jobsRemoved;
    } else {
        auto has = m_db.prepare(QStringLiteral("SELECT count(*) FROM jobs WHERE customer_id = ?"));
        if (!has)
            return has.error();
        has.value().bindInt(1, c.id);
        if (!has.value().step()) // count(*) always answers a row: no row is a failed read
            return has.value().failed() ? has.value().error()
                                        : m_db.lastReadError(Tr::tr("客户的工单数"));
        result.jobsKept += int(has.value().integer(0));
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    const RowId taskId = c.taskId;
    const RowId customerId = c.id;
    m_db.afterCommit([this, taskId, customerId] {
        emit m_store.customerChanged(customerId);
        emit m_store.taskChanged(taskId);
    });
    return result;
}

Result<WithdrawResult> TaskRepository::withdrawTask(const QString &taskUuid)
{
    WithdrawResult result;
    auto task = byUuid(taskUuid);
    if (!task)
        return task.error().code == QLatin1String("store.not_found")
                   ? Result<WithdrawResult>(result)
                   : task.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto list = customers(task->id);
    if (!list)
        return list.error();
    for (const Customer &c : list.value()) {
        auto one = withdrawCustomer(c.uuid);
        if (!one)
            return one.error();
        result.customers += one->customers;
        result.jobsRemoved += one->jobsRemoved;
        result.jobsKept += one->jobsKept;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return result;
}

} // namespace ms
