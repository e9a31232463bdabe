#pragma once
// The office store's two engines for typed tests (one suite run against both): SQLite in a
// temporary directory, and PostgreSQL 15 in a fresh database of the process's throwaway
// cluster (pgcluster.h). A PostgreSQL test is skipped, with the reason, only when PostgreSQL is
// not installed.
#include "common/pgcluster.h"
#include "serverstore/sqlofficestore.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace ms::test {

struct SqliteEngine
{
    static constexpr const char *kName = "SQLite";
    QTemporaryDir dir;
    QString skipReason() const { return {}; }
    QString path() const { return dir.filePath(QStringLiteral("office.db")); }
    Result<std::unique_ptr<server::SqlOfficeStore>> open()
    {
        return server::SqlOfficeStore::open(path());
    }
    // one more connection, as another server thread (or, on PostgreSQL, another server) has
    Result<std::unique_ptr<server::SqlOfficeStore>> openAnother()
    {
        return server::SqlOfficeStore::openAnother(path());
    }
    // Runs SQL on the database through a connection of its own, as someone with access would.
    QString tamper(const QString &sql)
    {
        sqlite3 *db = nullptr;
        if (sqlite3_open(path().toUtf8().constData(), &db) != SQLITE_OK)
            return QStringLiteral("cannot open %1").arg(path());
        char *error = nullptr;
        const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
        const QString message = error ? QString::fromUtf8(error) : QString();
        sqlite3_free(error);
        sqlite3_close(db);
        return rc == SQLITE_OK ? QString() : message;
    }
};

struct PostgresEngine
{
    static constexpr const char *kName = "PostgreSQL";
    QString url;
    QString database;
    PostgresEngine()
    {
        if (PgCluster *c = PgCluster::instance()) {
            url = c->createDatabase();
            database = url.section(QLatin1Char('/'), -1);
        }
    }
    QString skipReason() const
    {
        if (!PgCluster::instance())
            return PgCluster::skipReason();
        return url.isEmpty() ? QStringLiteral("could not create a database: ")
                                   + PgCluster::instance()->error()
                             : QString();
    }
    Result<std::unique_ptr<server::SqlOfficeStore>> open()
    {
        return server::SqlOfficeStore::openPostgres(url);
    }
    Result<std::unique_ptr<server::SqlOfficeStore>> openAnother() { return open(); }
    QString tamper(const QString &sql) { return PgCluster::instance()->exec(database, sql); }
};

using OfficeEngines = ::testing::Types<SqliteEngine, PostgresEngine>;

struct EngineName
{
    template <typename T> static std::string GetName(int) { return T::kName; }
};

} // namespace ms::test

// In a typed test's body: skips a PostgreSQL test when PostgreSQL cannot run here, saying why.
#define MS_REQUIRE_ENGINE(engine)                                                                  \
    do {                                                                                           \
        if (const QString why = (engine).skipReason(); !why.isEmpty())                             \
            GTEST_SKIP() << why.toStdString();                                                     \
    } while (false)
