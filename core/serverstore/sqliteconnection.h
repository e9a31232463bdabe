#pragma once
// SqlConnection over one ms::Database (SQLite, WAL): the office on one machine.
#include "serverstore/sqlconnection.h"

#include "store/database.h"

namespace ms::server {

class SqliteConnection final : public SqlConnection
{
public:
    explicit SqliteConnection(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

    Engine engine() const override { return Engine::Sqlite; }
    Result<SqlStatement> prepare(const QString &sql) override;
    Result<void> exec(const QString &sql) override { return m_db->exec(sql); }
    int changes() const override { return m_db->changes(); }
    Error lastError(const QString &what) const override { return m_db->lastError(what); }
    Result<void> integrityCheck() override { return m_db->integrityCheck(); }
    Result<std::unique_ptr<Level>> begin(Lock lock) override;
    Result<void> lockKey(const QString &) override { return {}; } // BEGIN IMMEDIATE: one writer
    Result<void> lockKeys(const QStringList &) override { return {}; }
    Result<void> setDurableCommits(bool durable) override;
    int schemaVersion() const override { return m_db->schemaVersion(); }
    QString rowsFrom(int param, std::initializer_list<SqlColumn> columns) const override;
    QString inList(int param, SqlColumn::Type type = SqlColumn::Text) const override;

    Database &database() { return *m_db; }

private:
    std::unique_ptr<Database> m_db;
};

} // namespace ms::server
