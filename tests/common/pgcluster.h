#pragma once
// A throwaway PostgreSQL 15 cluster for one test process (docs/decisions/0018-postgresql.md):
// initdb into a temporary directory, postgres started as this process's child on a free
// loopback port (127.0.0.1 only, its socket in that directory), stopped when the process ends —
// also when it dies, through the parent-death signal. As root (CI), initdb and postgres run as
// the user postgres, since PostgreSQL refuses to run as root. Nothing else is touched: a
// system cluster on 5432 is not used.
#include <QString>

#include <memory>

class QProcess;

namespace ms::test {

class PgCluster
{
public:
    // The process's cluster, started on first use; nullptr when it cannot run (skipReason()).
    static PgCluster *instance();
    // Why there is no cluster: the PostgreSQL 15 binaries are missing, or startup failed.
    static QString skipReason();

    // A new, empty database; its postgresql:// URL. "" when creation failed (see error()).
    QString createDatabase();
    QString url(const QString &database) const;
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_pid; } // the postmaster (its backends are its children)
    QString error() const { return m_error; }
    // Runs SQL on `database` through a connection of its own; "" or the error message.
    QString exec(const QString &database, const QString &sql) const;

    ~PgCluster();

private:
    PgCluster() = default;
    bool start();

    QString m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server; // the postmaster, as long as the cluster lives
    qint64 m_pid = 0;
    int m_databases = 0;
    QString m_error;
};

// The directory holding initdb/postgres ($MS_PG_BIN, else /usr/lib/postgresql/15/bin), or "".
QString postgresBinDir();

} // namespace ms::test
