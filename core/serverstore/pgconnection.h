#pragma once
// SqlConnection over libpq: the office on PostgreSQL, shared by several server processes
// (docs/scaling.md, docs/decisions/0018-postgresql.md). One connection per server thread.
// Statements are prepared once per connection and sent with text parameters whose types the
// server infers; `?N` becomes `$N` and the column name user becomes "user". A connection lost
// (the database restarted) is opened again at the next statement outside a transaction.
#include "serverstore/sqlconnection.h"

#include "store/database.h" // ms::Migration

#include <QHash>
#include <QList>

#include <memory>

struct pg_conn;
struct pg_result;

namespace ms::server {

class PgConnection final : public SqlConnection
{
public:
    // Connects to `url` (postgresql://USER[:PASSWORD]@HOST:PORT/DB or a libpq key=value
    // string) and migrates the schema to the newest of `migrations`, several processes starting
    // at once included. Errors: "store.open_failed", "store.too_new", "store.migration_failed".
    static Result<std::unique_ptr<PgConnection>> open(const QString &url,
                                                      const QList<Migration> &migrations);
    ~PgConnection() override;

    Engine engine() const override { return Engine::Postgres; }
    Result<SqlStatement> prepare(const QString &sql) override;
    Result<void> exec(const QString &sql) override;
    int changes() const override { return m_changes; }
    Error lastError(const QString &what) const override;
    Result<void> integrityCheck() override;
    Result<std::unique_ptr<Level>> begin(Lock lock) override;
    Result<void> lockKey(const QString &key) override;
    Result<void> lockKeys(const QStringList &keys) override;
    Result<void> setDurableCommits(bool durable) override;
    int schemaVersion() const override { return m_version; }
    QString rowsFrom(int param, std::initializer_list<SqlColumn> columns) const override;
    QString inList(int param, SqlColumn::Type type = SqlColumn::Text) const override;

    // What the store's SQL becomes on PostgreSQL (exposed for tests).
    struct Translated
    {
        QByteArray sql;
        int params = 0;   // the highest $N
        QList<bool> used; // used[N-1]: $N occurs (an unused one is sent as text)
    };
    static Translated translate(const QString &sql);

    // --- used by the cursor and the transaction levels ---
    // Runs a prepared statement (preparing it on first use); the result or the error.
    Result<pg_result *> execute(const Translated &statement, const QList<QByteArray> &values,
                                const QList<bool> &nulls);
    Result<void> command(const QByteArray &sql); // no parameters, no rows
    int &depth() { return m_depth; }

private:
    PgConnection() = default;
    Result<void> connect();
    Result<void> ensureConnected();
    Result<void> migrate(const QList<Migration> &migrations);
    Error errorOf(pg_result *result, const QString &what) const;

    QByteArray m_url;
    pg_conn *m_conn = nullptr;
    QHash<QByteArray, QByteArray> m_prepared; // translated SQL -> statement name
    QHash<QString, Translated> m_translated;  // the store's SQL -> what PostgreSQL is sent
    int m_depth = 0;
    int m_changes = 0;
    int m_version = 0;
};

} // namespace ms::server
