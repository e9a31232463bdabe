#pragma once
// Test helper: the real meterswap-office (and meterswapctl) as child processes on loopback.
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ms::test {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const; // stdout parsed as one JSON object
};

// Runs a program to completion (30 s limit), in this process's environment plus `env`.
ProcessResult run(const QString &program, const QStringList &args,
                  const QProcessEnvironment &env = {});
// Which database the office of a data directory keeps: "" (SQLite in the directory, the
// default) or a postgresql:// URL. The suites' ".postgresql" copies install a provider
// (officepostgres.cpp) that gives every data directory its own database of a throwaway cluster;
// runOffice and OfficeServerProcess then add "--database URL" to every office command.
using OfficeDatabaseProvider = std::function<QString(const QString &dataDir)>;
void setOfficeDatabaseProvider(OfficeDatabaseProvider provider);
QString officeDatabase(const QString &dataDir);
bool officeOnPostgres();                          // a provider is installed
ProcessResult runOffice(const QStringList &args); // meterswap-office ARGS (+ --database)
ProcessResult runCtl(const QStringList &args, const QProcessEnvironment &env = {}); // meterswapctl ARGS

class OfficeServerProcess
{
public:
    explicit OfficeServerProcess(QString dataDir);
    ~OfficeServerProcess(); // SIGKILL if still running

    // Starts `serve` on 127.0.0.1:port (0 = free port) and waits for "listening on".
    bool start(quint16 port = 0, const QString &tlsCert = {}, const QString &tlsKey = {});
    void setExtraArgs(const QStringList &args) { m_extraArgs = args; } // for the next start()
    void kill();            // SIGKILL: no chance to tidy up
    int terminate();        // SIGTERM; returns the exit code
    quint16 port() const { return m_port; }
    QString url() const;
    QString token(const QString &device, const QString &user); // token create
    QJsonObject stats();
    QByteArray log() const; // everything the server wrote to stderr

private:
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_tls = false;
    QStringList m_extraArgs;
};

} // namespace ms::test
