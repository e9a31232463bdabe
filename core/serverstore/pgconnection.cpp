#include "serverstore/pgconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QScopeGuard>

#include <libpq-fe.h>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::PgConnection)
};

constexpr unsigned kTextOid = 25;

// A cursor over one execution's whole result (libpq hands it over at once), so several
// statements may be open on the connection at a time, as with SQLite.
class PgCursor final : public SqlCursor
{
public:
    PgCursor(PgConnection &c, PgConnection::Translated t) : m_c(c), m_t(std::move(t)) {}
    ~PgCursor() override { clear(); }

    void bindText(int index, const QString &value) override { set(index, value.toUtf8(), false); }
    void bindInt(int index, qint64 value) override { set(index, QByteArray::number(value), false); }
    void bindDouble(int index, double value) override
    {
        set(index, QByteArray::number(value, 'g', 17), false);
    }
    void bindNull(int index) override { set(index, {}, true); }
    bool step() override
    {
        if (m_error)
            return false;
        if (!m_result) {
            QList<QByteArray> values = m_values;
            QList<bool> nulls = m_nulls;
            values.resize(m_t.params);
            nulls.resize(m_t.params);
            for (qsizetype i = m_values.size(); i < m_t.params; ++i)
                nulls[i] = true; // unbound: NULL, as SQLite does
            auto r = m_c.execute(m_t, values, nulls);
            if (!r) {
                m_error = r.error();
                return false;
            }
            m_result = *r;
            m_rows = PQntuples(m_result);
            m_row = -1;
        }
        return ++m_row < m_rows;
    }
    const std::optional<Error> &error() const override { return m_error; }
    void reset() override
    {
        clear();
        m_values.clear();
        m_nulls.clear();
        m_error.reset();
    }
    bool isNull(int col) const override { return !valid() || PQgetisnull(m_result, m_row, col); }
    qint64 integer(int col) const override
    {
        if (isNull(col))
            return 0;
        const char *v = PQgetvalue(m_result, m_row, col);
        if (v[0] == 't' && v[1] == 0)
            return 1;
        if (v[0] == 'f' && v[1] == 0)
            return 0;
        return QByteArray(v).toLongLong();
    }
    double real(int col) const override
    {
        return isNull(col) ? 0.0 : QByteArray(PQgetvalue(m_result, m_row, col)).toDouble();
    }
    QString text(int col) const override
    {
        if (isNull(col))
            return {};
        return QString::fromUtf8(PQgetvalue(m_result, m_row, col),
                                 PQgetlength(m_result, m_row, col));
    }

private:
    bool valid() const { return m_result && m_row >= 0 && m_row < m_rows; }
    void set(int index, const QByteArray &value, bool null)
    {
        if (index < 1)
            return;
        if (m_values.size() < index) {
            m_values.resize(index);
            m_nulls.resize(index, true);
        }
        m_values[index - 1] = value;
        m_nulls[index - 1] = null;
    }
    void clear()
    {
        if (m_result)
            PQclear(m_result);
        m_result = nullptr;
    }

    PgConnection &m_c;
    PgConnection::Translated m_t;
    QList<QByteArray> m_values;
    QList<bool> m_nulls;
    PGresult *m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
    std::optional<Error> m_error;
};

class PgLevel final : public SqlConnection::Level
{
public:
    PgLevel(PgConnection &c, int level) : m_c(c), m_level(level) {}
    ~PgLevel() override { rollback(); }
    Result<void> commit() override
    {
        if (!m_open)
            return {};
        m_open = false;
        m_c.depth() = m_level - 1;
        auto done =
            m_c.command(m_level == 1 ? QByteArrayLiteral("COMMIT")
                                     : "RELEASE SAVEPOINT ms_sp" + QByteArray::number(m_level));
        if (!done && m_level == 1)
            (void)m_c.command(QByteArrayLiteral("ROLLBACK")); // a failed COMMIT has rolled back
        return done;
    }
    void rollback() override
    {
        if (!m_open)
            return;
        m_open = false;
        m_c.depth() = m_level - 1;
        if (m_level == 1) {
            (void)m_c.command(QByteArrayLiteral("ROLLBACK"));
        } else {
            const QByteArray sp = "ms_sp" + QByteArray::number(m_level);
            (void)m_c.command("ROLLBACK TO SAVEPOINT " + sp);
            (void)m_c.command("RELEASE SAVEPOINT " + sp);
        }
    }

private:
    PgConnection &m_c;
    int m_level;
    bool m_open = true;
};

bool identifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}
} // namespace

PgConnection::Translated PgConnection::translate(const QString &sql)
{
    Translated t;
    QString out;
    out.reserve(sql.size() + 16);
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) { // a literal or quoted name
            qsizetype j = i + 1;
            while (j < n) {
                if (sql.at(j) == c) {
                    if (j + 1 < n && sql.at(j + 1) == c) { // '' inside ''
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            out += sql.mid(i, j + 1 - i);
            i = j + 1;
        } else if (c == QLatin1Char('?')) {
            qsizetype j = i + 1;
            while (j < n && sql.at(j).isDigit())
                ++j;
            const int index = j > i + 1 ? sql.mid(i + 1, j - i - 1).toInt() : t.params + 1;
            t.params = std::max(t.params, index);
            if (t.used.size() < index)
                t.used.resize(index, false);
            t.used[index - 1] = true;
            out += QLatin1Char('$') + QString::number(index);
            i = j;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype j = i;
            while (j < n && identifierChar(sql.at(j)))
                ++j;
            const QString word = sql.mid(i, j - i);
            const bool qualified = i > 0 && sql.at(i - 1) == QLatin1Char('.');
            out += !qualified && word.compare(QLatin1String("user"), Qt::CaseInsensitive) == 0
                       ? QStringLiteral("\"user\"")
                       : word;
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    t.sql = out.toUtf8();
    return t;
}

Result<std::unique_ptr<PgConnection>> PgConnection::open(const QString &url,
                                                         const QList<Migration> &migrations)
{
    std::unique_ptr<PgConnection> c(new PgConnection);
    c->m_url = url.toUtf8();
    if (auto ok = c->connect(); !ok)
        return ok.error();
    if (auto ok = c->migrate(migrations); !ok)
        return ok.error();
    return c;
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

Result<void> PgConnection::connect()
{
    if (m_conn)
        PQfinish(m_conn);
    m_prepared.clear();
    m_depth = 0;
    m_conn = PQconnectdb(m_url.constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        // libpq's message names host and port, never the password
        const QString why = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return makeError(
            QStringLiteral("store.open_failed"),
            Tr::tr("无法连接 PostgreSQL 数据库：%1。请检查 --database 中的主机、端口、用户和库名，"
                   "以及数据库是否在运行。")
                .arg(why));
    }
    PQsetClientEncoding(m_conn, "UTF8");
    // notices ("… already exists, skipping") are not for the office's log. Every execution of a
    // prepared statement is planned for the tables as they are then: a generic plan made while
    // the office was young (a few rows: a sequential scan is cheapest) was kept when the table
    // had grown a hundred thousand rows, and a push's read of its batch's records scanned them
    // all. Planning costs tens of microseconds per statement; a batch runs ~20.
    return command(QByteArrayLiteral("SET TIME ZONE 'UTC'; SET client_min_messages TO warning; "
                                     "SET plan_cache_mode TO force_custom_plan"));
}

Result<void> PgConnection::ensureConnected()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return {};
    if (m_depth > 0) // the transaction is gone with the connection: its caller sees the error
        return makeError(QStringLiteral("store.unavailable"),
                         Tr::tr("与 PostgreSQL 数据库的连接中断了；请稍后重试。"));
    return connect();
}

Error PgConnection::errorOf(PGresult *result, const QString &what) const
{
    const QByteArray state =
        result ? QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QByteArray();
    const QString message =
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)).trimmed();
    QString code = QStringLiteral("store.sql");
    if (state.startsWith("23"))
        code = QStringLiteral("store.constraint");
    else if (state == "40001" || state == "40P01" || state == "55P03")
        code = QStringLiteral("store.busy");
    else if (state == "53100")
        code = QStringLiteral("store.disk_full");
    else if (state.isEmpty() || state.startsWith("08") || state.startsWith("57P"))
        code = QStringLiteral("store.unavailable");
    return makeError(code, Tr::tr("PostgreSQL 数据库未能完成“%1”：%2").arg(what, message));
}

Error PgConnection::lastError(const QString &what) const
{
    return errorOf(nullptr, what);
}

Result<void> PgConnection::command(const QByteArray &sql)
{
    if (auto ok = ensureConnected(); !ok)
        return ok;
    PGresult *r = PQexec(m_conn, sql.constData());
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error e = errorOf(r, QString::fromUtf8(sql.left(60)));
        PQclear(r);
        return e;
    }
    m_changes = QByteArray(PQcmdTuples(r)).toInt();
    PQclear(r);
    return {};
}

Result<void> PgConnection::exec(const QString &sql)
{
    return command(sql.toUtf8());
}

Result<PGresult *> PgConnection::execute(const Translated &t, const QList<QByteArray> &values,
                                         const QList<bool> &nulls)
{
    if (auto ok = ensureConnected(); !ok)
        return ok.error();
    QByteArray name = m_prepared.value(t.sql);
    if (name.isEmpty()) {
        name = "ms" + QByteArray::number(m_prepared.size() + 1);
        QList<Oid> types(t.params, 0); // 0: the server infers the type from the SQL
        for (int i = 0; i < t.params; ++i)
            if (i >= t.used.size() || !t.used[i])
                types[i] = kTextOid;
        PGresult *p =
            PQprepare(m_conn, name.constData(), t.sql.constData(), t.params, types.constData());
        if (PQresultStatus(p) != PGRES_COMMAND_OK) {
            Error e = errorOf(p, QString::fromUtf8(t.sql.left(80)));
            PQclear(p);
            return e;
        }
        PQclear(p);
        m_prepared.insert(t.sql, name);
    }
    QList<const char *> params(t.params, nullptr);
    for (int i = 0; i < t.params; ++i)
        if (!nulls.at(i))
            params[i] = values.at(i).constData();
    PGresult *r =
        PQexecPrepared(m_conn, name.constData(), t.params, params.constData(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error e = errorOf(r, QString::fromUtf8(t.sql.left(80)));
        PQclear(r);
        return e;
    }
    m_changes = QByteArray(PQcmdTuples(r)).toInt();
    return r;
}

QString PgConnection::rowsFrom(int param, std::initializer_list<SqlColumn> columns) const
{
    QStringList list;
    int i = 0;
    for (const SqlColumn &c : columns) {
        const QString field = QStringLiteral("x->>%1").arg(i++);
        const QString name = QLatin1String(c.name);
        switch (c.type) {
        case SqlColumn::Text: list << QStringLiteral("%1 AS %2").arg(field, name); break;
        case SqlColumn::Integer:
            list << QStringLiteral("CAST(%1 AS bigint) AS %2").arg(field, name);
            break;
        case SqlColumn::Real:
            list << QStringLiteral("CAST(%1 AS double precision) AS %2").arg(field, name);
            break;
        }
    }
    return QStringLiteral("(SELECT %1 FROM jsonb_array_elements(CAST(?%2 AS jsonb)) AS x) AS rows")
        .arg(list.join(QStringLiteral(", ")))
        .arg(param);
}

QString PgConnection::inList(int param, SqlColumn::Type type) const
{
    const QString value =
        QStringLiteral("jsonb_array_elements_text(CAST(?%1 AS jsonb))").arg(param);
    switch (type) {
    case SqlColumn::Integer:
        return QStringLiteral(" = ANY(ARRAY(SELECT CAST(%1 AS bigint)))").arg(value);
    case SqlColumn::Real:
        return QStringLiteral(" = ANY(ARRAY(SELECT CAST(%1 AS double precision)))").arg(value);
    case SqlColumn::Text: break;
    }
    return QStringLiteral(" = ANY(ARRAY(SELECT %1))").arg(value);
}

Result<SqlStatement> PgConnection::prepare(const QString &sql)
{
    auto it = m_translated.constFind(sql);
    if (it == m_translated.cend())
        it = m_translated.insert(sql, translate(sql));
    return SqlStatement(std::make_unique<PgCursor>(*this, *it));
}

Result<void> PgConnection::integrityCheck()
{
    // PostgreSQL checks its own pages (data checksums, WAL); here: the database answers and its
    // schema is the one this program knows.
    auto st = prepare(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!st)
        return st.error();
    if (!st.value().step())
        return st.value().failed() ? st.value().error()
                                   : lastError(QStringLiteral("schema_version"));
    if (st.value().integer(0) != m_version)
        return makeError(QStringLiteral("store.sql"),
                         Tr::tr("数据库的结构版本是 %1，本程序连接时是 "
                                "%2：另一个版本的程序升级过它。请用同一版本的程序。")
                             .arg(st.value().integer(0))
                             .arg(m_version));
    return {};
}

Result<std::unique_ptr<SqlConnection::Level>> PgConnection::begin(Lock lock)
{
    const int level = m_depth + 1;
    QByteArray sql = "SAVEPOINT ms_sp" + QByteArray::number(level);
    if (level == 1)
        sql = lock == Lock::Read
                  ? QByteArrayLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                  : QByteArrayLiteral("BEGIN");
    if (auto ok = command(sql); !ok)
        return ok.error();
    m_depth = level;
    return std::unique_ptr<Level>(std::make_unique<PgLevel>(*this, level));
}

Result<void> PgConnection::lockKey(const QString &key)
{
    auto st = prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))"));
    if (!st)
        return st.error();
    st.value().bindText(1, key);
    return st.value().run();
}

Result<void> PgConnection::lockKeys(const QStringList &keys)
{
    if (keys.size() < 2)
        return keys.isEmpty() ? Result<void>() : lockKey(keys.first());
    // One statement; the locks are taken in the array's order (the caller's sorted order).
    QString array = QStringLiteral("{");
    for (const QString &key : keys) {
        QString quoted = key;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        if (array.size() > 1)
            array += QLatin1Char(',');
        array += QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    array += QLatin1Char('}');
    auto st = prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM "
                                     "unnest(CAST(?1 AS text[])) AS k"));
    if (!st)
        return st.error();
    st.value().bindText(1, array);
    return st.value().run();
}

Result<void> PgConnection::setDurableCommits(bool durable)
{
    return command(durable ? QByteArrayLiteral("SET synchronous_commit = on")
                           : QByteArrayLiteral("SET synchronous_commit = off"));
}

// schema_version holds one row per migration applied. Servers starting together take turns
// (a session advisory lock), so each migration runs once.
Result<void> PgConnection::migrate(const QList<Migration> &migrations)
{
    if (auto ok = command(QByteArrayLiteral(
            "SELECT pg_advisory_lock(hashtextextended('meterswap-office schema', 0))"));
        !ok)
        return ok;
    const auto unlock = qScopeGuard([this] {
        (void)command(QByteArrayLiteral(
            "SELECT pg_advisory_unlock(hashtextextended('meterswap-office schema', 0))"));
    });
    if (auto ok = command(QByteArrayLiteral(
            "CREATE TABLE IF NOT EXISTS schema_version(version integer PRIMARY KEY, "
            "applied_at text NOT NULL)"));
        !ok)
        return ok;
    auto st = prepare(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!st || !st.value().step())
        return st ? st.value().error() : st.error();
    const int current = int(st.value().integer(0));
    if (current > migrations.size())
        return makeError(
            QStringLiteral("store.too_new"),
            Tr::tr("数据库由更新版本的换表通创建（版本 %1，本程序支持到 %2）。请升级程序。")
                .arg(current)
                .arg(migrations.size()));
    for (int i = current; i < migrations.size(); ++i) {
        const Migration &m = migrations.at(i);
        SqlTransaction tx(*this);
        if (!tx.ok())
            return tx.error();
        if (auto r = command(QByteArray(m.sql)); !r)
            return makeError(
                QStringLiteral("store.migration_failed"),
                Tr::tr("数据库升级到版本 %1 失败：%2").arg(m.version).arg(r.error().message));
        auto v = prepare(
            QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES(?1, ?2)"));
        if (!v)
            return v.error();
        v.value()
            .bindInt(1, m.version)
            .bindText(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (auto r = v.value().run(); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
    }
    m_version = int(migrations.size());
    return {};
}

} // namespace ms::server
