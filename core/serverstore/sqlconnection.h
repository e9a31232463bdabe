#pragma once
// The office store's one connection to its database, SQLite (sqliteconnection.h, over
// ms::Database) or PostgreSQL (pgconnection.h, over libpq), so that SqlOfficeStore's logic and
// SQL are written once (docs/decisions/0018-postgresql.md). The SQL is the common subset: `?` or
// `?N` placeholders, standard upserts (INSERT … ON CONFLICT), the column "user" quoted by the
// PostgreSQL side; what SQLite has and PostgreSQL lacks (json_extract, instr, group_concat,
// json_each over text) the PostgreSQL schema defines with SQLite's meaning. Each engine has its
// own migrations and version record.
#include "model/result.h"

#include <QJsonArray>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

namespace ms::server {

// One prepared statement's cursor; the engines implement it.
class SqlCursor
{
public:
    virtual ~SqlCursor() = default;
    virtual void bindText(int index, const QString &value) = 0; // 1-based, like ?N
    virtual void bindInt(int index, qint64 value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindNull(int index) = 0;
    virtual bool step() = 0; // true: a row; false: done or failed (error())
    virtual const std::optional<Error> &error() const = 0;
    virtual void reset() = 0; // bindings cleared, ready to run again
    virtual bool isNull(int col) const = 0;
    virtual qint64 integer(int col) const = 0; // a boolean column reads 1 / 0
    virtual double real(int col) const = 0;
    virtual QString text(int col) const = 0;
};

// The statement the store code holds: the same calls as ms::Statement.
class SqlStatement
{
public:
    explicit SqlStatement(std::unique_ptr<SqlCursor> cursor) : m_cursor(std::move(cursor)) {}

    SqlStatement &bindText(int index, const QString &value)
    {
        m_cursor->bindText(index, value);
        return *this;
    }
    SqlStatement &bindInt(int index, qint64 value)
    {
        m_cursor->bindInt(index, value);
        return *this;
    }
    SqlStatement &bindDouble(int index, double value)
    {
        m_cursor->bindDouble(index, value);
        return *this;
    }
    SqlStatement &bindNull(int index)
    {
        m_cursor->bindNull(index);
        return *this;
    }
    bool step() { return m_cursor->step(); }
    bool failed() const { return m_cursor->error().has_value(); }
    const Error &error() const { return *m_cursor->error(); }
    Result<void> run(); // to completion (INSERT/UPDATE/DELETE)
    void reset() { m_cursor->reset(); }
    bool isNull(int col) const { return m_cursor->isNull(col); }
    qint64 integer(int col) const { return m_cursor->integer(col); }
    double real(int col) const { return m_cursor->real(col); }
    QString text(int col) const { return m_cursor->text(col); }

private:
    std::unique_ptr<SqlCursor> m_cursor;
};

// A column of a set of rows bound as one parameter (SqlConnection::rowsFrom).
struct SqlColumn
{
    enum Type { Text, Integer, Real };
    const char *name;
    Type type = Text;
};

class SqlConnection
{
public:
    enum class Engine { Sqlite, Postgres };
    // Write: the outermost transaction of a change. Read: several reads that see one snapshot.
    enum class Lock { Write, Read };

    // One level of a transaction (the outermost, or a savepoint within it).
    class Level
    {
    public:
        virtual ~Level() = default; // not committed: rolled back
        virtual Result<void> commit() = 0;
        virtual void rollback() = 0;
    };

    virtual ~SqlConnection() = default;
    virtual Engine engine() const = 0;
    virtual Result<SqlStatement> prepare(const QString &sql) = 0;
    virtual Result<void> exec(const QString &sql) = 0; // statements without results
    virtual int changes() const = 0;                   // rows the last statement changed
    virtual Error lastError(const QString &what) const = 0;
    virtual Result<void> integrityCheck() = 0;
    virtual Result<std::unique_ptr<Level>> begin(Lock lock) = 0;
    // Inside a write transaction: waits until no other transaction (of any server process)
    // holds `key`, and holds it until this transaction ends. SQLite needs none (one writer at a
    // time); PostgreSQL takes an advisory transaction lock. Take several in a fixed order.
    virtual Result<void> lockKey(const QString &key) = 0;
    // lockKey for each of `keys` (sorted, no repeats: the fixed order), in one round trip.
    virtual Result<void> lockKeys(const QStringList &keys)
    {
        for (const QString &key : keys)
            if (auto ok = lockKey(key); !ok)
                return ok;
        return {};
    }
    // false: the next commits need not be on disk when they return (see recordBlob).
    virtual Result<void> setDurableCommits(bool durable) = 0;
    virtual int schemaVersion() const = 0;

    // Many rows as ONE parameter, so that a statement handles a whole batch in one round trip:
    // bind ?`param` to jsonRows(rows) (a JSON array of arrays, one per row, in `columns`' order)
    // and read them in SQL through the FROM item this returns (named `rows`), e.g.
    // "INSERT INTO t(a, b) SELECT a, b FROM " + rowsFrom(1, {{"a"}, {"b", SqlColumn::Integer}})
    // + " WHERE true ON CONFLICT …". SQLite reads the array with json_each, PostgreSQL with
    // jsonb_array_elements; JSON null is SQL NULL.
    virtual QString rowsFrom(int param, std::initializer_list<SqlColumn> columns) const = 0;
    // "column is one of the values bound to ?`param`" (a JSON array, e.g. jsonList()), as the
    // text to write after the column: "DELETE FROM t WHERE uuid" + inList(1). On PostgreSQL
    // `= ANY(ARRAY(…))`, which looks each value up in the column's index whatever the planner
    // believes of the table's size (an IN over a set function became a hash join over the
    // whole table while the table's statistics were young).
    virtual QString inList(int param, SqlColumn::Type type = SqlColumn::Text) const = 0;
    static QString jsonList(const QStringList &values);
    static QString jsonRows(const QJsonArray &rows);
};

// RAII transaction over SqlConnection, used like ms::Transaction.
class SqlTransaction
{
public:
    using Lock = SqlConnection::Lock;
    explicit SqlTransaction(SqlConnection &connection, Lock lock = Lock::Write);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    Result<void> commit();
    void rollback();

private:
    std::unique_ptr<SqlConnection::Level> m_level;
    std::optional<Error> m_error;
};

} // namespace ms::server
