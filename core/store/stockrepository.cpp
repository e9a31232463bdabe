#include "store/stockrepository.h"

#include "store/database.h"
#include "store/transaction.h"

namespace ms {

const char *const StockRepository::kMigrationSql = R"SQL(
CREATE TABLE stock_crews(
    uuid TEXT PRIMARY KEY,   -- the office's stock row of the crew
    crew TEXT NOT NULL,
    version INTEGER NOT NULL);
CREATE TABLE stock_issued(
    crew_uuid TEXT NOT NULL REFERENCES stock_crews(uuid) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK(kind IN ('meter','seal')),
    number TEXT NOT NULL,
    PRIMARY KEY(kind, number, crew_uuid));
CREATE INDEX stock_issued_crew ON stock_issued(crew_uuid);
)SQL";

namespace {
const char *kindKey(StockRepository::Kind kind)
{
    return kind == StockRepository::Kind::Meter ? "meter" : "seal";
}
} // namespace

StockRepository::StockRepository(Database &db) : m_db(db) {}

Result<void> StockRepository::applyPulled(const QList<wire::IssuedStock> &stock)
{
    if (stock.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    for (const wire::IssuedStock &s : stock) {
        auto held = m_db.prepare(QStringLiteral("SELECT version FROM stock_crews WHERE uuid = ?"));
        if (!held)
            return held.error();
        held.value().bindText(1, s.uuid);
        const bool has = held.value().step();
        if (held.value().failed())
            return held.value().error();
        if (has && !s.withdrawn && held.value().integer(0) >= s.version)
            continue; // already this version (or a newer one)
        auto del = m_db.prepare(QStringLiteral("DELETE FROM stock_crews WHERE uuid = ?"));
        if (!del)
            return del.error();
        del.value().bindText(1, s.uuid);
        if (auto ok = del.value().run(); !ok)
            return ok;
        if (s.withdrawn)
            continue;
        auto crew = m_db.prepare(
            QStringLiteral("INSERT INTO stock_crews(uuid, crew, version) VALUES(?,?,?)"));
        if (!crew)
            return crew.error();
        crew.value().bindText(1, s.uuid).bindText(2, s.crew).bindInt(3, s.version);
        if (auto ok = crew.value().run(); !ok)
            return ok;
        for (Kind kind : {Kind::Meter, Kind::Seal}) {
            for (const QString &n : kind == Kind::Meter ? s.meters : s.seals) {
                auto ins = m_db.prepare(QStringLiteral(
                    "INSERT OR IGNORE INTO stock_issued(crew_uuid, kind, number) VALUES(?,?,?)"));
                if (!ins)
                    return ins.error();
                ins.value().bindText(1, s.uuid).bindText(2, QLatin1String(kindKey(kind)));
                ins.value().bindText(3, n);
                if (auto ok = ins.value().run(); !ok)
                    return ok;
            }
        }
    }
    return tx.commit();
}

Result<bool> StockRepository::hasStock(Kind kind)
{
    auto st =
        m_db.prepare(QStringLiteral("SELECT EXISTS(SELECT 1 FROM stock_issued WHERE kind = ?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, QLatin1String(kindKey(kind)));
    if (!st.value().step())
        return st.value().failed() ? st.value().error()
                                   : m_db.lastReadError(QStringLiteral("stock"));
    return st.value().integer(0) != 0;
}

Result<bool> StockRepository::isIssued(Kind kind, const QString &number)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT EXISTS(SELECT 1 FROM stock_issued WHERE kind = ? AND number = ?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, QLatin1String(kindKey(kind))).bindText(2, number);
    if (!st.value().step())
        return st.value().failed() ? st.value().error()
                                   : m_db.lastReadError(QStringLiteral("stock"));
    return st.value().integer(0) != 0;
}

} // namespace ms
