#include "serverstore/sqliteconnection.h"

#include "store/transaction.h"

namespace ms::server {

namespace {
class SqliteCursor final : public SqlCursor
{
public:
    explicit SqliteCursor(Statement statement) : m_s(std::move(statement)) {}
    void bindText(int index, const QString &value) override { m_s.bindText(index, value); }
    void bindInt(int index, qint64 value) override { m_s.bindInt(index, value); }
    void bindDouble(int index, double value) override { m_s.bindDouble(index, value); }
    void bindNull(int index) override { m_s.bindNull(index); }
    bool step() override
    {
        const bool row = m_s.step();
        if (m_s.failed())
            m_error = m_s.error();
        return row;
    }
    const std::optional<Error> &error() const override { return m_error; }
    void reset() override
    {
        m_s.reset();
        m_error.reset();
    }
    bool isNull(int col) const override { return m_s.isNull(col); }
    qint64 integer(int col) const override { return m_s.integer(col); }
    double real(int col) const override { return m_s.real(col); }
    QString text(int col) const override { return m_s.text(col); }

private:
    Statement m_s;
    std::optional<Error> m_error;
};

class SqliteLevel final : public SqlConnection::Level
{
public:
    SqliteLevel(Database &db, Transaction::Lock lock) : m_tx(db, lock) {}
    bool ok() const { return m_tx.ok(); }
    Error error() const { return m_tx.error(); }
    Result<void> commit() override { return m_tx.commit(); }
    void rollback() override { m_tx.rollback(); }

private:
    Transaction m_tx; // nests as a savepoint inside an open one
};
} // namespace

// json_extract gives a JSON number as an INTEGER or REAL value and a string as TEXT, so the
// columns need no casts.
QString SqliteConnection::rowsFrom(int param, std::initializer_list<SqlColumn> columns) const
{
    QStringList list;
    int i = 0;
    for (const SqlColumn &c : columns)
        list << QStringLiteral("json_extract(value, '$[%1]') AS %2")
                    .arg(i++)
                    .arg(QLatin1String(c.name));
    return QStringLiteral("(SELECT %1 FROM json_each(?%2)) AS rows")
        .arg(list.join(QStringLiteral(", ")))
        .arg(param);
}

QString SqliteConnection::inList(int param, SqlColumn::Type) const
{
    return QStringLiteral(" IN (SELECT value FROM json_each(?%1))").arg(param);
}

Result<SqlStatement> SqliteConnection::prepare(const QString &sql)
{
    auto st = m_db->prepare(sql);
    if (!st)
        return st.error();
    return SqlStatement(std::make_unique<SqliteCursor>(std::move(st).value()));
}

Result<std::unique_ptr<SqlConnection::Level>> SqliteConnection::begin(Lock lock)
{
    auto level = std::make_unique<SqliteLevel>(
        *m_db, lock == Lock::Read ? Transaction::Lock::Read : Transaction::Lock::Write);
    if (!level->ok())
        return level->error();
    return std::unique_ptr<Level>(std::move(level));
}

Result<void> SqliteConnection::setDurableCommits(bool durable)
{
    return m_db->exec(durable ? QStringLiteral("PRAGMA synchronous=FULL")
                              : QStringLiteral("PRAGMA synchronous=NORMAL"));
}

} // namespace ms::server
