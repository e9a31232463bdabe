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

Store::Store(QString dataDir, std::unique_ptr<Database> db, EvidenceFiles files, OpenNotice notice)
    : m_dataDir(std::move(dataDir)), m_db(std::move(db)), m_files(std::move(files)),
      m_notice(std::move(notice)), m_chain(*m_db), m_outbox(*m_db, *this),
      m_users(*m_db, *this, m_outbox), m_tasks(*m_db, *this, m_outbox),
      m_jobs(*m_db, *this, m_outbox), m_evidence(*m_db, m_files, *this, m_outbox),
      m_seals(*m_db, *this, m_outbox), m_mismatch(*m_db, *this, m_outbox), m_settings(*m_db, *this),
      m_formEntries(*m_db, m_outbox), m_taskCards(*m_db, *this, m_outbox),
      m_steps(*m_db, *this, m_outbox), m_reviews(*m_db, *this), m_stock(*m_db),
      m_choices(m_jobs, m_taskCards), m_officeDesk(*m_db)
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
    if (alone && options.sweepOnOpen)
        store->sweepEvidence();
    if (lockFd >= 0)
        ::flock(lockFd, LOCK_SH);
    return store;
}

void Store::sweepEvidence()
{
    SweepPlan plan;
    // A new database (first start, or the old one moved aside) names no file: every file on disk
    // is someone's unsynced work. Leave all of it exactly where it is, at this start and every
    // later one (the hold is kept in this database: adopting a rescued one lifts it).
    const QString holdKey = QString::fromLatin1(kSweepHoldKey);
    const auto hold = m_settings.value(holdKey);
    if (!hold) { // a hold that cannot be read is a hold: never move a file on a guess
        qCWarning(lcStore) << "start-up sweep skipped: cannot read the sweep hold:"
                           << hold.error().message;
        return;
    }
    plan.touchOrphans = !m_notice.created && !m_notice.movedAside && hold.value().isEmpty();
    auto referenced = m_evidence.referencedBlobs();
    auto reclaimable = m_evidence.reclaimableBlobs();
    if (!referenced || !reclaimable) {
        qCWarning(lcStore) << "start-up sweep skipped: cannot read which files records name:"
                           << (referenced ? reclaimable.error() : referenced.error()).message;
        return;
    }
    plan.referenced = std::move(referenced).value();
    plan.reclaimable = std::move(reclaimable).value();
    m_sweep = m_files.sweep(plan);
    if (m_sweep.unaccounted > 0 && hold.value().isEmpty()) {
        const QString reason = m_notice.movedAside ? QStringLiteral("moved_aside:") + m_notice.movedTo
                                                   : QStringLiteral("unaccounted");
        if (auto held = m_settings.setValue(holdKey, reason); !held)
            qCWarning(lcStore) << "could not record the evidence hold:" << held.error().message;
    }
    if (m_sweep.temporariesRemoved || m_sweep.orphansQuarantined || m_sweep.supersededRemoved)
        qCInfo(lcStore) << "start-up sweep:" << m_sweep.temporariesRemoved << "interrupted writes removed,"
                        << m_sweep.orphansQuarantined << "files named by no record quarantined,"
                        << m_sweep.supersededRemoved << "confirmed retakes removed";
    if (m_sweep.unaccounted > 0 && !m_notice.movedAside) {
        const QString line =
            Tr::tr("证据文件夹中有 %n 个文件没有任何记录指向它们。它们已原样保留，没有删除或移动。"
                   "如果数据库曾被替换或恢复，请联系技术支持。", nullptr, m_sweep.unaccounted);
        m_notice.message = m_notice.message.isEmpty() ? line : m_notice.message + QLatin1Char('\n') + line;
    }
}

} // namespace ms
