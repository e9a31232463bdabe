#include "store/databaserescue.h"

#include "store/database.h"
#include "store/fsync.h"
#include "store/schema.h"
#include "store/storelog.h"
#include "store/storeutil.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtEndian>
#include <sqlite3.h>

namespace ms {

using storeutil::Tr;

namespace {

const QByteArray kMagic("SQLite format 3\0", 16);

// A connection closed on scope exit.
struct Conn
{
    sqlite3 *db = nullptr;
    explicit Conn(const QString &path, bool readOnly = false)
    {
        const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr) != SQLITE_OK) {
            sqlite3_close_v2(db);
            db = nullptr;
        }
    }
    ~Conn() { sqlite3_close_v2(db); }
    Conn(const Conn &) = delete;
    Conn &operator=(const Conn &) = delete;
    QString error() const { return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("cannot open"); }
    // The first column of the first row, or nullopt on any error.
    std::optional<QString> scalar(const char *sql) const
    {
        sqlite3_stmt *st = nullptr;
        if (!db || sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return std::nullopt;
        std::optional<QString> out;
        if (sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        return out;
    }
    std::optional<QString> schemaSignature() const
    {
        sqlite3_stmt *st = nullptr;
        if (!db || sqlite3_prepare_v2(db, "SELECT type, name, ifnull(sql, '') FROM sqlite_master "
                                          "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
                                      -1, &st, nullptr) != SQLITE_OK)
            return std::nullopt;
        QString sig;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            for (int c = 0; c < 3; ++c)
                sig += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c)))
                       + QLatin1Char('\x1f');
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return std::nullopt;
        return sig;
    }
};

bool validPageSize(quint32 size)
{
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

// Rewrites a header whose magic string is gone. Keeps the page size and user version where they
// still look right; everything else is set so that SQLite recomputes it (database size from the
// file's length) or to what every MeterSwap database has (UTF-8, no auto-vacuum, WAL).
bool writeHeader(const QString &path, quint32 pageSize, quint32 userVersion, qint64 fileSize)
{
    QByteArray h(100, '\0');
    h.replace(0, 16, kMagic);
    const quint16 ps = pageSize == 65536 ? 1 : quint16(pageSize);
    qToBigEndian<quint16>(ps, h.data() + 16);
    h[18] = 2; // WAL
    h[19] = 2;
    h[21] = 64;
    h[22] = 32;
    h[23] = 32;
    qToBigEndian<quint32>(1, h.data() + 24);                          // change counter
    qToBigEndian<quint32>(quint32(fileSize / pageSize), h.data() + 28); // ignored: 92 differs
    qToBigEndian<quint32>(1, h.data() + 40);                          // schema cookie
    qToBigEndian<quint32>(4, h.data() + 44);                          // schema format
    qToBigEndian<quint32>(1, h.data() + 56);                          // UTF-8
    qToBigEndian<quint32>(userVersion, h.data() + 60);
    qToBigEndian<quint32>(0, h.data() + 92);                          // size from file length
    qToBigEndian<quint32>(SQLITE_VERSION_NUMBER, h.data() + 96);
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    return f.write(h) == h.size() && f.flush();
}

// The migration level whose schema matches the database's, or 0 when none does.
int matchingSchemaVersion(const Conn &db)
{
    const auto have = db.schemaSignature();
    if (!have)
        return 0;
    const QList<Migration> all = storeMigrations();
    QTemporaryDir scratch;
    for (int k = int(all.size()); k >= 1 && scratch.isValid(); --k) {
        const QString path = scratch.filePath(QStringLiteral("v%1.db").arg(k));
        DatabaseOptions options;
        options.backgroundCheckpoint = false;
        options.durableCommits = false;
        if (!Database::open(path, all.mid(0, k), options))
            continue;
        if (Conn(path, true).schemaSignature() == have)
            return k;
    }
    return 0;
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
}

bool copyWithSide(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal"}) {
        const QString src = from + QLatin1String(suffix), dst = to + QLatin1String(suffix);
        QFile::remove(dst);
        if (QFileInfo::exists(src) && !QFile::copy(src, dst))
            return false;
        QFile::setPermissions(dst, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

void removeWithSides(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

Result<RescueReport> DatabaseRescue::inspect(const QString &movedAside)
{
    RescueReport report;
    report.movedAside = movedAside;
    const QString work = movedAside + QStringLiteral(".rescue-work");
    if (!copyWithSide(movedAside, work)) {
        removeWithSides(work);
        return makeError(QStringLiteral("store.io"),
                         Tr::tr("无法复制损坏的数据库 %1 以尝试恢复（磁盘是否已满？）。原文件没有改动。")
                             .arg(movedAside));
    }
    auto fail = [&](const QString &why) {
        removeWithSides(work);
        report.message = Tr::tr("无法从损坏的数据库中恢复记录（%1）。文件 %2 原样保留，请交给技术支持。")
                             .arg(why, movedAside);
        return report;
    };

    QFile f(work);
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    const QByteArray header = f.read(100);
    const qint64 fileSize = f.size();
    f.close();
    if (header.size() < 100)
        return fail(Tr::tr("文件太短"));

    int version = 0;
    if (!header.startsWith(kMagic)) {
        const quint16 raw = qFromBigEndian<quint16>(header.constData() + 16);
        const quint32 kept = raw == 1 ? 65536u : raw;
        const quint32 userVersion = qFromBigEndian<quint32>(header.constData() + 60);
        const bool versionLooksRight =
            userVersion >= 1 && userVersion <= quint32(storeMigrations().size());
        QList<quint32> sizes;
        if (validPageSize(kept))
            sizes << kept;
        for (quint32 s : {4096u, 1024u, 2048u, 8192u, 16384u, 32768u, 65536u, 512u})
            if (!sizes.contains(s))
                sizes << s;
        bool readable = false;
        for (quint32 size : std::as_const(sizes)) {
            if (fileSize % size != 0 || !writeHeader(work, size, versionLooksRight ? userVersion : 0, fileSize))
                continue;
            QFile::remove(work + QStringLiteral("-shm"));
            Conn probe(work);
            if (probe.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                readable = true;
                break;
            }
        }
        if (!readable)
            return fail(Tr::tr("文件头已损坏，无法确定页面大小"));
        report.headerRepaired = true;
        qCInfo(lcStore) << "rescue: rewrote the damaged header of a copy of" << movedAside;
    }

    const QString rescued = movedAside.section(QStringLiteral(".corrupt-"), 0, 0)
                            + QStringLiteral(".rescued-") + stamp();
    removeWithSides(rescued);
    {
        Conn db(work);
        if (!db.db)
            return fail(db.error());
        const auto uv = db.scalar("PRAGMA user_version");
        version = uv ? uv->toInt() : 0;
        const int schemaMatch = matchingSchemaVersion(db);
        if (schemaMatch == 0)
            return fail(Tr::tr("表结构无法识别"));
        if (version != schemaMatch)
            version = schemaMatch; // a wiped header lost it; the tables say which it is
        const QByteArray sql = "VACUUM INTO '" + QFile::encodeName(rescued).replace('\'', "''") + "'";
        char *err = nullptr;
        if (sqlite3_exec(db.db, sql.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
            const QString why = QString::fromUtf8(err ? err : "VACUUM INTO failed");
            sqlite3_free(err);
            removeWithSides(rescued);
            return fail(why);
        }
    }
    removeWithSides(work);

    Conn clean(rescued);
    const QByteArray setVersion = "PRAGMA user_version=" + QByteArray::number(version);
    sqlite3_exec(clean.db, setVersion.constData(), nullptr, nullptr, nullptr);
    sqlite3_exec(clean.db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (clean.scalar("PRAGMA quick_check") != QStringLiteral("ok")) {
        removeWithSides(rescued);
        return fail(Tr::tr("恢复出的副本未通过检查"));
    }
    report.schemaVersion = version;
    report.jobs = clean.scalar("SELECT count(*) FROM jobs").value_or(QString()).toLongLong();
    report.evidence = clean.scalar("SELECT count(*) FROM evidence").value_or(QString()).toLongLong();
    report.pendingRecords =
        clean.scalar("SELECT count(*) FROM outbox WHERE confirmed_at IS NULL").value_or(QString()).toLongLong();
    const QString evidenceDir = QFileInfo(movedAside).absolutePath() + QStringLiteral("/evidence/");
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(clean.db, "SELECT DISTINCT sha256 FROM evidence WHERE sha256 <> ''", -1,
                           &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const QString sha = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            if (!QFileInfo::exists(evidenceDir + sha.left(2) + QLatin1Char('/') + sha))
                ++report.missingFiles;
        }
        sqlite3_finalize(st);
    }
    report.recovered = true;
    report.rescuedPath = rescued;
    report.message = Tr::tr("可以从损坏的数据库中恢复：%1 个工单、%2 条证据记录、%3 条尚未同步的记录。")
                         .arg(report.jobs)
                         .arg(report.evidence)
                         .arg(report.pendingRecords);
    if (report.missingFiles > 0)
        report.message += QLatin1Char(' ')
                          + Tr::tr("其中 %n 个证据文件不在数据目录中。", nullptr, int(report.missingFiles));
    return report;
}

Result<void> DatabaseRescue::adopt(const QString &dataDir, const RescueReport &report)
{
    if (!report.recovered || !QFileInfo::exists(report.rescuedPath))
        return makeError(QStringLiteral("store.rescue_refused"),
                         Tr::tr("没有可用的恢复副本。请把 %1 交给技术支持。").arg(report.movedAside));
    const QString live = dataDir + QLatin1Char('/') + QLatin1String("meterswap.db");
    {
        Conn current(live, true);
        const auto work = current.scalar("SELECT (SELECT count(*) FROM evidence) "
                                          "+ (SELECT count(*) FROM outbox)");
        if (current.db && (!work || work->toLongLong() > 0))
            return makeError(QStringLiteral("store.rescue_refused"),
                             Tr::tr("新数据库中已经有新的工作记录，不能用恢复副本替换它。"
                                    "请先同步，然后联系技术支持合并 %1。")
                                 .arg(report.rescuedPath));
    }
    const QString replaced = live + QStringLiteral(".replaced-") + stamp();
    if (QFileInfo::exists(live)) {
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString side = live + QLatin1String(suffix);
            if (QFileInfo::exists(side) && !QFile::rename(side, replaced + QLatin1String(suffix)))
                return makeError(QStringLiteral("store.io"),
                                 Tr::tr("无法移开 %1。请检查数据目录的权限。").arg(side));
        }
    }
    if (!QFile::rename(report.rescuedPath, live))
        return makeError(QStringLiteral("store.io"),
                         Tr::tr("无法把恢复副本 %1 放到 %2。请检查数据目录的权限。").arg(report.rescuedPath, live));
    QFile::rename(report.rescuedPath + QStringLiteral("-wal"), live + QStringLiteral("-wal"));
    storeutil::fsyncPath(dataDir);
    qCWarning(lcStore) << "rescue: adopted" << report.rescuedPath << "as" << live
                       << "; the empty database is kept as" << replaced;
    return {};
}

int DatabaseRescue::evidenceFilesOnDisk(const QString &dataDir)
{
    int n = 0;
    QDirIterator it(dataDir + QStringLiteral("/evidence"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        n += it.fileName().size() == 64 ? 1 : 0;
    }
    return n;
}

} // namespace ms
