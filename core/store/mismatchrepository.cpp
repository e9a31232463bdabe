#include "store/mismatchrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

namespace ms {

using namespace storeutil;

namespace {

QVariant optionalValue(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<double> optionalFrom(const Statement &q, int col)
{
    return q.isNull(col) ? std::nullopt : std::optional<double>(q.real(col));
}

constexpr const char *kPurchaseSelect =
    "SELECT account_no, cumulative_kwh, last_purchase_date, purchase_count, imported_at "
    "FROM purchase_records ";

PurchaseRecord purchaseFrom(const Statement &q)
{
    PurchaseRecord p;
    p.accountNo = q.text(0);
    p.cumulativeKwh = q.real(1);
    p.lastPurchaseDate = QDate::fromString(q.text(2), Qt::ISODate);
    p.purchaseCount = int(q.integer(3));
    p.importedAt = json::parseTime(q.text(4));
    return p;
}

constexpr const char *kMismatchSelect =
    "SELECT m.customer_id, m.mechanical_register, m.remaining_energy, m.difference, m.tier, "
    "m.note, m.updated_at, m.version FROM customer_mismatch m ";

MismatchInfo mismatchFrom(const Statement &q)
{
    MismatchInfo m;
    m.customerId = q.integer(0);
    m.mechanicalRegister = optionalFrom(q, 1);
    m.remainingEnergy = optionalFrom(q, 2);
    m.difference = optionalFrom(q, 3);
    m.tier = q.text(4);
    m.note = q.text(5);
    m.updatedAt = json::parseTime(q.text(6));
    m.version = int(q.integer(7));
    return m;
}

} // namespace

MismatchRepository::MismatchRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<int> MismatchRepository::importPurchases(const QList<PurchaseRecord> &records)
{
    for (const PurchaseRecord &p : records) {
        if (p.accountNo.trimmed().isEmpty())
            return badInput(Tr::tr("购电记录缺少户号。"));
        if (p.cumulativeKwh < 0 || p.purchaseCount < 0)
            return badInput(Tr::tr("户号 %1 的累计购电量或购电次数为负数，请核对原始数据。").arg(p.accountNo));
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO purchase_records(account_no, cumulative_kwh, last_purchase_date, "
        "purchase_count, imported_at) VALUES (?,?,?,?,?) ON CONFLICT(account_no) DO UPDATE SET "
        "cumulative_kwh = excluded.cumulative_kwh, last_purchase_date = excluded.last_purchase_date,"
        " purchase_count = excluded.purchase_count, imported_at = excluded.imported_at"));
    if (!st)
        return st.error();
    const QString at = json::isoTime(now());
    for (const PurchaseRecord &p : records) {
        Statement &q = st.value();
        q.reset();
        q.bindText(1, p.accountNo.trimmed()).bindDouble(2, p.cumulativeKwh);
        q.bind(3, p.lastPurchaseDate.isValid() ? QVariant(p.lastPurchaseDate.toString(Qt::ISODate))
                                               : QVariant());
        q.bindInt(4, p.purchaseCount).bindText(5, at);
        if (auto r = q.run(); !r)
            return r.error();
    }
    // Purchase records come from the office (5.1): nothing to send back.
    if (auto r = tx.commit(); !r)
        return r.error();
    m_db.afterCommit([this] { emit m_store.mismatchChanged(0); });
    return int(records.size());
}

Result<std::optional<PurchaseRecord>> MismatchRepository::purchase(const QString &accountNo)
{
    auto st = m_db.prepare(QLatin1String(kPurchaseSelect) + QStringLiteral("WHERE account_no = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, accountNo.trimmed());
    if (st.value().step())
        return std::optional<PurchaseRecord>(purchaseFrom(st.value()));
    if (st.value().failed())
        return st.value().error();
    return std::optional<PurchaseRecord>();
}

Result<QList<PurchaseRecord>> MismatchRepository::purchases()
{
    QList<PurchaseRecord> out;
    auto st = m_db.prepare(QLatin1String(kPurchaseSelect) + QStringLiteral("ORDER BY account_no"));
    if (!st)
        return st.error();
    while (st.value().step())
        out << purchaseFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<MismatchInfo> MismatchRepository::save(const MismatchInfo &in)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto cust = m_db.prepare(QStringLiteral("SELECT uuid FROM customers WHERE id = ?"));
    if (!cust)
        return cust.error();
    cust.value().bindInt(1, in.customerId);
    if (!cust.value().step())
        return noRow(cust.value(), badInput(Tr::tr("客户 %1 不存在。").arg(in.customerId)));
    const QString customerUuid = cust.value().text(0);
    MismatchInfo m = in;
    m.updatedAt = json::parseTime(json::isoTime(now()));
    const auto read = forCustomer(in.customerId);
    if (!read)
        return read.error();
    const std::optional<MismatchInfo> old = read.value();
    QString uuid;
    if (old) {
        m.version = old->version + 1;
        auto u = m_db.prepare(QStringLiteral("SELECT uuid FROM customer_mismatch WHERE customer_id = ?"));
        if (!u)
            return u.error();
        u.value().bindInt(1, in.customerId);
        if (!u.value().step())
            return noRow(u.value(), badInput(Tr::tr("客户 %1 不存在。").arg(in.customerId)));
        uuid = u.value().text(0);
    } else {
        m.version = 1;
        uuid = newUuid();
    }
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO customer_mismatch(customer_id, uuid, mechanical_register, remaining_energy, "
        "difference, tier, note, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(customer_id) DO UPDATE SET mechanical_register = excluded.mechanical_register,"
        " remaining_energy = excluded.remaining_energy, difference = excluded.difference,"
        " tier = excluded.tier, note = excluded.note, updated_at = excluded.updated_at,"
        " version = excluded.version"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, m.customerId).bindText(2, uuid);
    q.bind(3, optionalValue(m.mechanicalRegister)).bind(4, optionalValue(m.remainingEnergy));
    q.bind(5, optionalValue(m.difference));
    q.bindText(6, m.tier.isNull() ? QStringLiteral("") : m.tier);
    q.bindText(7, m.note.isNull() ? QStringLiteral("") : m.note);
    q.bindText(8, json::isoTime(m.updatedAt)).bindInt(9, m.version);
    if (auto r = q.run(); !r)
        return r.error();
    if (auto r = m_outbox.append(QStringLiteral("mismatch"), uuid, m.version,
                                 QStringLiteral("upsert"), json::fromMismatch(m, customerUuid));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    const RowId id = m.customerId;
    m_db.afterCommit([this, id] { emit m_store.mismatchChanged(id); });
    return m;
}

Result<std::optional<MismatchInfo>> MismatchRepository::forCustomer(RowId customerId)
{
    auto st = m_db.prepare(QLatin1String(kMismatchSelect) + QStringLiteral("WHERE m.customer_id = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, customerId);
    if (st.value().step())
        return std::optional<MismatchInfo>(mismatchFrom(st.value()));
    if (st.value().failed())
        return st.value().error();
    return std::optional<MismatchInfo>();
}

Result<QList<MismatchInfo>> MismatchRepository::forTask(RowId taskId)
{
    QList<MismatchInfo> out;
    auto st = m_db.prepare(QLatin1String(kMismatchSelect)
                           + QStringLiteral("JOIN customers c ON c.id = m.customer_id "
                                            "WHERE c.task_id = ? ORDER BY c.meter_box_no, c.account_no"));
    if (!st)
        return st.error();
    st.value().bindInt(1, taskId);
    while (st.value().step())
        out << mismatchFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

} // namespace ms
