#include "officepostgres.h"

#include "common/pgcluster.h"
#include "officeprocess.h"

#include <QDir>
#include <QHash>
#include <QMutex>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

namespace ms::test {

namespace {
struct Databases
{
    QMutex mutex;
    QHash<QString, QString> urls; // canonical data directory -> its database's URL
};

Databases &databases()
{
    static Databases d;
    return d;
}

QString urlFor(const QString &dataDir)
{
    Databases &d = databases();
    QMutexLocker lock(&d.mutex);
    const QString key = QDir(dataDir).absolutePath();
    if (const auto it = d.urls.constFind(key); it != d.urls.cend())
        return *it;
    PgCluster *pg = PgCluster::instance();
    const QString url = pg ? pg->createDatabase() : QString();
    if (url.isEmpty()) {
        // The copies are registered only where PostgreSQL 15 is installed: not running them on
        // SQLite instead, silently.
        std::fprintf(stderr, "MS_TEST_OFFICE_ENGINE=postgresql, but no database: %s %s\n",
                     qPrintable(PgCluster::skipReason()), pg ? qPrintable(pg->error()) : "");
        std::abort();
    }
    d.urls.insert(key, url);
    return url;
}

// Installed before main() when the environment asks for PostgreSQL.
const bool installed = [] {
    if (qEnvironmentVariable("MS_TEST_OFFICE_ENGINE") == QLatin1String("postgresql"))
        setOfficeDatabaseProvider(urlFor);
    return true;
}();
} // namespace

QString execOfficeSql(const QString &dataDir, const QString &sql)
{
    (void)installed;
    if (officeOnPostgres())
        return PgCluster::instance()->exec(officeDatabase(dataDir).section(QLatin1Char('/'), -1),
                                           sql);
    sqlite3 *db = nullptr;
    const QString path = QDir(dataDir).filePath(QStringLiteral("office.db"));
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return QStringLiteral("cannot open %1").arg(path);
    }
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(error ? error : "?");
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

} // namespace ms::test
