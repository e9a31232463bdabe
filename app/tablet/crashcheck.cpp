#include "crashcheck.h"

#include "store/store.h"
#include "uilog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QThread>

#include <memory>

namespace ms {

CrashCheck::CrashCheck(QString dataDir, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir))
{
    const QString marker = markerPath(m_dataDir);
    m_crashed = QFile::exists(marker);
    QFile file(marker);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n') < 0)
        qCWarning(lcUi) << "cannot mark the data directory in use:" << marker << file.errorString();
}

CrashCheck::~CrashCheck()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString CrashCheck::markerPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("meterswap.running"));
}

void CrashCheck::start()
{
    if (m_thread)
        return;
    auto result = std::make_shared<StoreVerifyReport>();
    m_thread = QThread::create([dir = m_dataDir, result] { *result = verify(dir); });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (result->ok())
            qCInfo(lcUi) << "check after an unclean exit:" << result->outbox.records
                         << "chained records and" << result->evidenceChains
                         << "evidence chains hold";
        Q_EMIT finished(*result);
    });
    m_thread->start(QThread::LowPriority);
}

void CrashCheck::markCleanExit()
{
    if (!QFile::remove(markerPath(m_dataDir)) && QFile::exists(markerPath(m_dataDir)))
        qCWarning(lcUi) << "cannot remove" << markerPath(m_dataDir);
}

StoreVerifyReport CrashCheck::verify(const QString &dataDir)
{
    // A second connection beside the app's: no header or quick check (reading the header
    // through another descriptor would drop the app's locks), no sweep, no checkpoint thread.
    StoreOptions options;
    options.dataDir = dataDir;
    options.sweepOnOpen = false;
    options.database.checkFileHeader = false;
    options.database.quickCheckOnOpen = false;
    options.database.backgroundCheckpoint = false;
    auto store = Store::open(options);
    if (!store) {
        StoreVerifyReport report;
        report.problems << chain::Problem{store.error().code, {}, {}, 0, 0, store.error().message};
        return report;
    }
    return verifyStore(**store);
}

QString CrashCheck::messageFor(const StoreVerifyReport &report)
{
    if (report.ok())
        return {};
    return tr("换表通上次没有正常退出。自检发现本机数据有 %n 处问题，第一处：%1\n"
              "请不要删除数据目录，联系技术支持（可运行 meterswapctl verify --data 数据目录 查看全部）。",
              nullptr, int(report.problems.size()))
        .arg(report.problems.first().message);
}

} // namespace ms
