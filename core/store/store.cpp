#include "store/store.h"

#include "store/schema.h"
#include "store/storelog.h"
#include "store/storeutil.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ms {

using namespace storeutil;

Store::Store(QString dataDir, std::unique_ptr<Database> db, EvidenceFiles files,
             OpenNotice notice)
    : m_dataDir(std::move(dataDir)), m_db(std::move(db)), m_files(std::move(files)),
      m_notice(std::move(notice)), m_chain(*m_db), m_outbox(*m_db, *this),
      m_users(*m_db, *this, m_outbox),
      m_tasks(*m_db, *this, m_outbox), m_jobs(*m_db, *this, m_outbox),
      m_evidence(*m_db, m_files, *this, m_outbox), m_seals(*m_db, *this, m_outbox),
      m_mismatch(*m_db, *this, m_outbox), m_settings(*m_db, *this),
      m_formEntries(*m_db, m_outbox), m_taskCards(*m_db, *this, m_outbox)
{
}

Store::~Store()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

QString Store::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Store::dataDirFromArguments(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--data") && i + 1 < args.size())
            return args.at(i + 1);
        if (a.startsWith(QLatin1String("--data=")))
            return a.mid(7);
    }
    return defaultDataDir();
}

Result<std::unique_ptr<Store>> Store::open(const QString &dataDir)
{
    StoreOptions options;
    options.dataDir = dataDir;
    return open(options);
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions &options)
{
    const QString dir = QDir(options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir)
                            .absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("store.open_failed"),
                         Tr::tr("无法创建数据目录 %1。请检查路径和权限，或用 --data 指定其他目录。").arg(dir));

    // Every open store holds a shared lock; only a store that is alone may sweep evidence
    // (another process could be between writing a file and committing its row).
    const int lockFd = ::open(QFile::encodeName(dir + QStringLiteral("/meterswap.lock")).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    const bool alone = lockFd >= 0 && ::flock(lockFd, LOCK_EX | LOCK_NB) == 0;

    OpenNotice notice;
    auto db = Database::open(dir + QLatin1Char('/') + QLatin1String(kDatabaseFileName),
                             storeMigrations(), options.database, &notice);
    if (!db) {
        if (lockFd >= 0)
            ::close(lockFd);
        return db.error();
    }
    std::unique_ptr<Store> store(new Store(dir, std::move(db).value(),
                                           EvidenceFiles(dir + QStringLiteral("/evidence"),
                                                         options.writeFault),
                                           std::move(notice)));
    store->m_lockFd = lockFd;
    // The device key (made on first start) and the chain over rows written before it existed.
    if (auto chained = store->m_chain.open(); !chained)
        return chained.error();
    if (alone && options.sweepOnOpen) {
        store->m_sweep = store->m_files.sweep(store->m_evidence.referencedBlobs());
        if (store->m_sweep.temporariesRemoved || store->m_sweep.orphansRemoved)
            qCInfo(lcStore) << "start-up sweep removed" << store->m_sweep.temporariesRemoved
                            << "temporaries and" << store->m_sweep.orphansRemoved
                            << "unreferenced evidence files";
    }
    if (lockFd >= 0)
        ::flock(lockFd, LOCK_SH);
    return store;
}

} // namespace ms
