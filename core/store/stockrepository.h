#pragma once
// 领用的表计和封印 on the tablet: what the warehouse issued to this tablet's crews and not taken
// back, pulled with the assignments (entity "stock_issue", docs/sync-protocol.md "Stock"). One
// row per crew, replaced whole; the office's records, kept without an outbox row. The job
// service checks a new meter's asset number and a seal number against it (issue 15).
#include "model/result.h"
#include "model/wiretypes.h"

#include <QList>

namespace ms {

class Database;

class StockRepository
{
public:
    explicit StockRepository(Database &db);

    // Migration 9 (schema.cpp): stock_issued.
    static const char *const kMigrationSql;

    enum class Kind { Meter, Seal };

    // Replaces each crew's numbers with the pulled ones (a newer version only); a withdrawn
    // row removes that crew's. One transaction.
    Result<void> applyPulled(const QList<wire::IssuedStock> &stock);
    // Whether any crew of this tablet holds issued numbers of `kind` (no stock yet: no check).
    Result<bool> hasStock(Kind kind);
    // Whether `number` is issued to one of this tablet's crews.
    Result<bool> isIssued(Kind kind, const QString &number);

private:
    Database &m_db;
};

} // namespace ms
