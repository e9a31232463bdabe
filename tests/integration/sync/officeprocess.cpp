#include "officeprocess.h"

#include "common/testenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <csignal>

namespace ms::test {

QJsonObject ProcessResult::json() const { return QJsonDocument::fromJson(out.trimmed()).object(); }

ProcessResult run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    QProcessEnvironment all = QProcessEnvironment::systemEnvironment();
    all.insert(env);
    p.setProcessEnvironment(all);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

namespace {
OfficeDatabaseProvider &provider()
{
    static OfficeDatabaseProvider p; // set once, before any test runs
    return p;
}

// `args` with "--database URL" for their "--data DIR" when the office runs on PostgreSQL.
QStringList withDatabase(QStringList args)
{
    const qsizetype data = args.indexOf(QStringLiteral("--data"));
    if (!provider() || data < 0 || data + 1 >= args.size()
        || args.contains(QStringLiteral("--database")))
        return args;
    const QString url = officeDatabase(args.at(data + 1));
    if (!url.isEmpty())
        args << QStringLiteral("--database") << url;
    return args;
}
} // namespace

void setOfficeDatabaseProvider(OfficeDatabaseProvider p)
{
    provider() = std::move(p);
}
bool officeOnPostgres()
{
    return bool(provider());
}
QString officeDatabase(const QString &dataDir)
{
    return provider() ? provider()(dataDir) : QString();
}

ProcessResult runOffice(const QStringList &args)
{
    return run(executable(QStringLiteral("meterswap-office")), withDatabase(args));
}
ProcessResult runCtl(const QStringList &args, const QProcessEnvironment &env)
{
    return run(executable(QStringLiteral("meterswapctl")), args, env);
}

OfficeServerProcess::OfficeServerProcess(QString dataDir) : m_dataDir(std::move(dataDir)) {}

OfficeServerProcess::~OfficeServerProcess() { kill(); }

bool OfficeServerProcess::start(quint16 port, const QString &tlsCert, const QString &tlsKey)
{
    m_process = std::make_unique<QProcess>();
    QStringList args{QStringLiteral("serve"), QStringLiteral("--data"), m_dataDir,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)};
    if (!tlsCert.isEmpty())
        args << QStringLiteral("--tls-cert") << tlsCert << QStringLiteral("--tls-key") << tlsKey;
    args << m_extraArgs;
    args = withDatabase(args);
    // The request log goes to a file: a pipe nobody reads would fill up and stall the server.
    m_process->setStandardErrorFile(m_dataDir + QStringLiteral("/server.log"), QIODevice::Append);
    m_process->start(executable(QStringLiteral("meterswap-office")), args);
    QElapsedTimer clock;
    clock.start();
    QByteArray out;
    static const QRegularExpression re(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    while (clock.elapsed() < 15000) {
        if (m_process->state() == QProcess::NotRunning)
            return false;
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            m_tls = m.captured(0).contains(QLatin1String("https")); // also DIR/tls from `tls init`
            return true;
        }
    }
    return false;
}

void OfficeServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

int OfficeServerProcess::terminate()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    m_process->waitForFinished(10000);
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QByteArray OfficeServerProcess::log() const
{
    QFile f(m_dataDir + QStringLiteral("/server.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString OfficeServerProcess::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http")).arg(m_port);
}

QString OfficeServerProcess::token(const QString &device, const QString &user)
{
    const ProcessResult r = runOffice({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--data"),
                                    m_dataDir, QStringLiteral("--device"), device, QStringLiteral("--user"), user});
    return r.exitCode == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
}

QJsonObject OfficeServerProcess::stats()
{
    return runOffice({QStringLiteral("stats"), QStringLiteral("--data"), m_dataDir, QStringLiteral("--json")}).json();
}

} // namespace ms::test
