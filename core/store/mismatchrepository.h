#pragma once
// 机电不符 data: purchase records imported by the office clerk (5.1, appendix 4) and the
// per-customer mismatch fields (6.1 on site, 7.1 difference, 7.2 tier). The calculation itself
// is core/workflow/mismatch.h, the register that runs it over the store
// core/report/mismatchregister.h; this only stores it.
#include "model/result.h"
#include "store/storetypes.h"

#include <QList>
#include <optional>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class MismatchRepository
{
public:
    MismatchRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Upserts by 户号, one transaction. Errors: "store.bad_input" (empty 户号, negative kWh).
    Result<int> importPurchases(const QList<PurchaseRecord> &records);
    // nullopt when the account has none; a failed read is an error, never "no record".
    Result<std::optional<PurchaseRecord>> purchase(const QString &accountNo);
    Result<QList<PurchaseRecord>> purchases();

    // Upserts by customer; bumps version; outbox row (entity "mismatch").
    Result<MismatchInfo> save(const MismatchInfo &info);
    Result<std::optional<MismatchInfo>> forCustomer(RowId customerId); // nullopt: none yet
    Result<QList<MismatchInfo>> forTask(RowId taskId); // a failed read is an error

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
