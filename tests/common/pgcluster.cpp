#include "common/pgcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <libpq-fe.h>

#include <memory>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace ms::test {

namespace {
QString g_skipReason;

struct RunAs
{
    uid_t uid = 0;
    gid_t gid = 0;
    bool switchUser = false;
};

RunAs runAs()
{
    RunAs r;
    if (geteuid() != 0)
        return r;
    if (const passwd *pw = getpwnam("postgres")) {
        r.uid = pw->pw_uid;
        r.gid = pw->pw_gid;
        r.switchUser = true;
    }
    return r;
}

// In the child, before exec: become postgres when root, and die with the test process.
void prepareChild(QProcess &p, const RunAs &as)
{
    p.setChildProcessModifier([as] {
        if (as.switchUser) {
            if (setgid(as.gid) != 0 || setuid(as.uid) != 0)
                _exit(126);
        }
        prctl(PR_SET_PDEATHSIG, SIGQUIT); // postgres: immediate shutdown
    });
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

std::unique_ptr<PgCluster> &holder()
{
    static std::unique_ptr<PgCluster> cluster;
    return cluster;
}
} // namespace

QString postgresBinDir()
{
    const QString env = qEnvironmentVariable("MS_PG_BIN");
    for (const QString &dir : {env, QStringLiteral("/usr/lib/postgresql/15/bin")})
        if (!dir.isEmpty() && QFileInfo(dir + QStringLiteral("/postgres")).isExecutable()
            && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable())
            return dir;
    return {};
}

QString PgCluster::skipReason()
{
    return g_skipReason;
}

PgCluster *PgCluster::instance()
{
    static bool tried = false;
    if (!tried) {
        tried = true;
        if (postgresBinDir().isEmpty()) {
            g_skipReason = QStringLiteral(
                "PostgreSQL 15 is not installed (no initdb/postgres in /usr/lib/postgresql/15/bin "
                "or $MS_PG_BIN): run packaging/install-deps.sh to run the PostgreSQL side");
        } else {
            std::unique_ptr<PgCluster> c(new PgCluster);
            if (c->start())
                holder() = std::move(c);
            else
                g_skipReason =
                    QStringLiteral("the throwaway PostgreSQL cluster did not start: ") + c->m_error;
        }
    }
    return holder().get();
}

bool PgCluster::start()
{
    const RunAs as = runAs();
    const QString bin = postgresBinDir();
    m_dir = QDir::tempPath() + QStringLiteral("/ms-pg-%1").arg(QCoreApplication::applicationPid());
    QDir(m_dir).removeRecursively();
    if (!QDir().mkpath(m_dir)
        || (as.switchUser && chown(m_dir.toLocal8Bit().constData(), as.uid, as.gid) != 0)) {
        m_error = QStringLiteral("cannot make %1").arg(m_dir);
        return false;
    }
    QProcess init;
    prepareChild(init, as);
    init.start(bin + QStringLiteral("/initdb"),
               {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("-U"), QStringLiteral("meterswap"),
                QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                QStringLiteral("--no-sync")});
    if (!init.waitForFinished(120000) || init.exitCode() != 0) {
        m_error =
            QStringLiteral("initdb failed: ") + QString::fromLocal8Bit(init.readAllStandardError());
        return false;
    }
    m_port = freePort();
    m_server = std::make_unique<QProcess>(); // stopped in ~PgCluster
    QProcess *server = m_server.get();
    server->setStandardOutputFile(QProcess::nullDevice());
    prepareChild(*server, as);
    QStringList options{QStringLiteral("-D"), m_dir + QStringLiteral("/data"),
                        QStringLiteral("-k"), m_dir,
                        QStringLiteral("-p"), QString::number(m_port),
                        QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                        QStringLiteral("-c"), QStringLiteral("max_connections=200")};
    // Tests need no durability; a benchmark that measures commits asks for it (MS_PG_FSYNC=1).
    if (qEnvironmentVariable("MS_PG_FSYNC") != QLatin1String("1"))
        options << QStringLiteral("-c") << QStringLiteral("fsync=off");
    // Diagnostics: MS_PG_OPTIONS="-c auto_explain.log_min_duration=5 …" adds server settings,
    // MS_PG_LOG=FILE keeps the server's log after the cluster is gone.
    options << qEnvironmentVariable("MS_PG_OPTIONS").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString logFile = qEnvironmentVariable("MS_PG_LOG", m_dir + QStringLiteral("/log"));
    server->setStandardErrorFile(logFile);
    server->start(bin + QStringLiteral("/postgres"), options);
    if (!server->waitForStarted(10000)) {
        m_error = QStringLiteral("postgres did not start: ") + server->errorString();
        return false;
    }
    m_pid = server->processId();
    const QByteArray ping = QStringLiteral("host=127.0.0.1 port=%1 user=meterswap dbname=postgres")
                                .arg(m_port)
                                .toUtf8();
    for (int i = 0; i < 300; ++i) {
        if (PQping(ping.constData()) == PQPING_OK)
            return true;
        if (server->state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    QFile log(logFile);
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("postgres is not answering on 127.0.0.1:%1: %2")
                  .arg(m_port)
                  .arg(QString::fromLocal8Bit(log.readAll().right(2000)));
    return false;
}

PgCluster::~PgCluster()
{
    if (m_pid > 0) {
        ::kill(pid_t(m_pid), SIGQUIT); // immediate shutdown: nothing of it is kept
        m_server->waitForFinished(5000);
    }
    m_server.reset();
    QDir(m_dir).removeRecursively();
}

QString PgCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://meterswap@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString PgCluster::exec(const QString &database, const QString &sql) const
{
    PGconn *c = PQconnectdb(url(database).toUtf8().constData());
    QString error;
    if (PQstatus(c) != CONNECTION_OK) {
        error = QString::fromUtf8(PQerrorMessage(c));
    } else {
        PGresult *r = PQexec(c, sql.toUtf8().constData());
        if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
            error = QString::fromUtf8(PQresultErrorMessage(r));
        PQclear(r);
    }
    PQfinish(c);
    return error;
}

QString PgCluster::createDatabase()
{
    const QString name = QStringLiteral("ms_test_%1").arg(++m_databases);
    if (const QString e =
            exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE ") + name);
        !e.isEmpty()) {
        m_error = e;
        return {};
    }
    return url(name);
}

} // namespace ms::test
