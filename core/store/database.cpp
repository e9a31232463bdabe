#include "store/database.h"

#include "store/checkpointer.h"
#include "store/storelog.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "meterswap.store", QtWarningMsg)

namespace ms {

namespace {

// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::Database)
};

bool isDiskFull(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_FULL || code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC
        || code == SQLITE_IOERR_TRUNCATE;
}

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// A failed read: nothing was being saved, so the words say what could not be read.
Error readErrorFromCode(int code, const QString &detail, const QString &what)
{
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return makeError(QStringLiteral("store.busy"),
                         Tr::tr("数据库正被其他程序使用，暂时读不出%1。请关闭其他换表通窗口或命令后重试；"
                                "数据都还在。")
                             .arg(what));
    if (isCorruption(code))
        return makeError(QStringLiteral("store.corrupt"),
                         Tr::tr("数据库文件已损坏，读不出%1（%2）。请重启程序，损坏的文件会被移到一旁保存。")
                             .arg(what, detail));
    return makeError(QStringLiteral("store.sql"), Tr::tr("读不出%1：%2").arg(what, detail));
}

Error errorFromCode(int code, const QString &detail, const QString &what)
{
    if (isDiskFull(code))
        return makeError(QStringLiteral("store.disk_full"),
                         Tr::tr("存储空间已满，%1未能保存，之前的数据都还在。请删除不需要的文件或同步后清理空间，再重试。")
                             .arg(what));
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return makeError(QStringLiteral("store.busy"),
                         Tr::tr("数据库正被其他程序使用，%1未能保存。请稍候再试。").arg(what));
    if (primary == SQLITE_CONSTRAINT)
        return makeError(QStringLiteral("store.constraint"),
                         Tr::tr("%1未能保存：数据不符合约束（%2）。").arg(what, detail));
    if (isCorruption(code))
        return makeError(QStringLiteral("store.corrupt"),
                         Tr::tr("数据库文件已损坏，%1未能完成（%2）。请重启程序，损坏的文件会被移到一旁保存。")
                             .arg(what, detail));
    return makeError(QStringLiteral("store.sql"), Tr::tr("%1失败：%2").arg(what, detail));
}

// Moves the file and its -wal/-shm aside; returns the new main path or empty on failure.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, target))
        return {};
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side) && !QFile::rename(side, target + QLatin1String(suffix)))
            qCWarning(lcStore) << "could not move" << side << "aside";
    }
    return target;
}

// false when the file exists, is not empty, and does not start with SQLite's magic string.
bool hasSqliteHeader(const QString &path, QString *why)
{
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *why = f.errorString();
        return true; // let SQLite report what is wrong with it
    }
    if (f.read(16) == QByteArray("SQLite format 3", 16))
        return true;
    *why = Tr::tr("文件不是数据库（文件头不对）");
    return false;
}

// Why a database that is not corrupt could not be opened, naming the file and what to do.
// Nothing has been changed on disk.
Error openError(int code, const QString &path, const QString &why)
{
    const int primary = code & 0xff;
    if (isDiskFull(code))
        return makeError(QStringLiteral("store.disk_full"),
                         Tr::tr("存储空间已满，无法打开数据库 %1（%2）。没有改动任何文件。"
                                "请删除不需要的文件腾出空间，然后重新启动。")
                             .arg(path, why));
    if (primary == SQLITE_PERM || primary == SQLITE_READONLY || primary == SQLITE_AUTH)
        return makeError(QStringLiteral("store.permission"),
                         Tr::tr("数据库文件 %1 不能写入（%2）。没有改动任何文件。"
                                "请让管理员把该文件和它所在的目录改为本程序的用户可读写，然后重新启动。")
                             .arg(path, why));
    if (primary == SQLITE_CANTOPEN)
        return makeError(QStringLiteral("store.cantopen"),
                         Tr::tr("无法打开数据库文件 %1（%2）。没有改动任何文件。"
                                "请检查存储卡是否插好、该目录是否存在且可读写，然后重新启动。")
                             .arg(path, why));
    if (primary == SQLITE_IOERR)
        return makeError(QStringLiteral("store.io"),
                         Tr::tr("读写数据库文件 %1 时出错（%2）。没有改动任何文件。存储卡或磁盘可能有故障："
                                "请先备份整个数据目录，再重新启动；仍然出错请联系技术支持。")
                             .arg(path, why));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return makeError(QStringLiteral("store.busy"),
                         Tr::tr("数据库文件 %1 正被其他程序使用（%2）。请关闭其他换表通窗口或命令后重试。")
                             .arg(path, why));
    return makeError(QStringLiteral("store.open_failed"),
                     Tr::tr("无法打开数据库 %1：%2。没有改动任何文件。").arg(path, why));
}

} // namespace

Database::~Database()
{
    m_checkpointer.reset();
    for (const auto &list : std::as_const(m_cache))
        for (sqlite3_stmt *st : list)
            sqlite3_finalize(st);
    if (m_db)
        sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath,
                                                 const QList<Migration> &migrations,
                                                 const DatabaseOptions &options,
                                                 OpenNotice *notice)
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    auto attempt = [&](QString *why, bool *corrupt, int *failCode) -> std::unique_ptr<Database> {
        std::unique_ptr<Database> db(new Database);
        db->m_path = filePath;
        const QByteArray native = QFile::encodeName(filePath);
        int rc = sqlite3_open_v2(native.constData(), &db->m_db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                     | SQLITE_OPEN_FULLMUTEX,
                                 nullptr);
        auto fail = [&](int code) {
            if (db->m_db) {
                // Leave the files exactly as found: no checkpoint into them, no WAL removal.
                int one = 1;
                sqlite3_db_config(db->m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
                sqlite3_file_control(db->m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
            }
            *why = db->m_db ? QString::fromUtf8(sqlite3_errmsg(db->m_db))
                            : QString::fromUtf8(sqlite3_errstr(code));
            // Only real corruption; a file that cannot be opened, read or written is not corrupt.
            *corrupt = isCorruption(code);
            *failCode = code;
            return nullptr;
        };
        if (rc != SQLITE_OK)
            return fail(rc);
        sqlite3_extended_result_codes(db->m_db, 1);
        // SQLite opens a file it may not write read-only without saying so; every save would
        // then fail. Say it now, before anything is shown as saved.
        if (sqlite3_db_readonly(db->m_db, "main") == 1)
            return fail(SQLITE_READONLY);
        sqlite3_busy_timeout(db->m_db, options.busyTimeoutMs);
        // Reading the schema is the first thing that touches the file's content.
        rc = sqlite3_exec(db->m_db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return fail(rc);
        rc = sqlite3_exec(db->m_db,
                          options.durableCommits
                              ? "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
                              : "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;",
                          nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return fail(rc);
        if (options.quickCheckOnOpen) {
            sqlite3_stmt *st = nullptr;
            rc = sqlite3_prepare_v2(db->m_db, "PRAGMA quick_check", -1, &st, nullptr);
            if (rc != SQLITE_OK)
                return fail(rc);
            QString answer;
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                if (answer.isEmpty())
                    answer = QString::fromUtf8(
                        reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            }
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE)
                return fail(rc);
            if (answer != QLatin1String("ok")) {
                int one = 1;
                sqlite3_db_config(db->m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
                sqlite3_file_control(db->m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
                *why = answer;
                *corrupt = true;
                return nullptr;
            }
        }
        if (options.maxPageCount > 0) {
            const QByteArray sql = "PRAGMA max_page_count=" + QByteArray::number(options.maxPageCount);
            sqlite3_exec(db->m_db, sql.constData(), nullptr, nullptr, nullptr);
        }
        return db;
    };

    QString why;
    bool corrupt = false;
    int failCode = SQLITE_OK;
    const QFileInfo before(filePath);
    const bool existed = before.exists() && before.size() > 0;
    std::unique_ptr<Database> db;
    // A file that is not SQLite at all is moved aside before SQLite touches it (opening would
    // reset a WAL it cannot read).
    if (options.checkFileHeader && !hasSqliteHeader(filePath, &why))
        corrupt = true;
    else
        db = attempt(&why, &corrupt, &failCode);
    if (!db && !corrupt)
        return openError(failCode, filePath, why);
    if (!db && !options.moveAsideWhenCorrupt)
        return makeError(QStringLiteral("store.corrupt"),
                         Tr::tr("数据库文件 %1 已损坏（%2）。程序没有改动它，现在停止。"
                                "请从备份恢复该文件，或把它交给技术支持；不要删除它。")
                             .arg(filePath, why));
    if (!db && QFileInfo::exists(filePath)) {
        qCWarning(lcStore) << "database corrupt:" << why << "- moving it aside";
        const QString movedTo = moveAside(filePath);
        if (movedTo.isEmpty())
            return makeError(QStringLiteral("store.open_failed"),
                             Tr::tr("数据库文件 %1 已损坏（%2），也无法移到一旁。程序没有改动任何文件。"
                                    "请检查数据目录的权限后重新启动。")
                                 .arg(filePath, why));
        if (notice) {
            notice->movedAside = true;
            notice->movedTo = movedTo;
            notice->message =
                Tr::tr("数据库文件已损坏（%1）。它已被原样移到 %2 保存，没有删除；程序已用一个新的空数据库启动。"
                       "证据文件（照片、签名等）都原样留在数据目录中。请把该文件交给技术支持以找回其中的记录。")
                    .arg(why, movedTo);
        }
        db = attempt(&why, &corrupt, &failCode);
    }
    if (!db)
        return openError(failCode, filePath, why);
    if (notice)
        notice->created = !existed || notice->movedAside;
    if (auto migrated = db->migrate(migrations); !migrated)
        return migrated.error();
    if (options.backgroundCheckpoint)
        db->m_checkpointer = std::make_unique<Checkpointer>(db->m_db, filePath);
    return db;
}

int Database::schemaVersion() const
{
    sqlite3_stmt *st = nullptr;
    int v = -1;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

Result<void> Database::migrate(const QList<Migration> &migrations)
{
    const int current = schemaVersion();
    if (current < 0)
        return lastError(Tr::tr("读取数据库版本"));
    if (current > migrations.size())
        return makeError(QStringLiteral("store.too_new"),
                         Tr::tr("数据库由更新版本的换表通创建（版本 %1，本程序支持到 %2）。请升级程序。")
                             .arg(current)
                             .arg(migrations.size()));
    for (int i = current; i < migrations.size(); ++i) {
        const Migration &m = migrations.at(i);
        Q_ASSERT(m.version == i + 1);
        Transaction tx(*this);
        if (!tx.ok())
            return tx.error();
        if (auto r = exec(QString::fromUtf8(m.sql)); !r)
            return makeError(r.error().code == QLatin1String("store.disk_full")
                                 ? r.error().code
                                 : QStringLiteral("store.migration_failed"),
                             Tr::tr("数据库升级到版本 %1 失败：%2").arg(m.version).arg(r.error().message));
        if (auto r = exec(QStringLiteral("PRAGMA user_version=%1").arg(m.version)); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        qCDebug(lcStore) << "migrated" << m_path << "to version" << m.version;
    }
    return {};
}

Result<void> Database::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK)
        return {};
    const QString detail = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(err);
    return errorFromCode(sqlite3_extended_errcode(m_db), detail, Tr::tr("数据库操作"));
}

Result<Statement> Database::prepare(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    if (auto it = m_cache.find(utf8); it != m_cache.end() && !it->isEmpty())
        return Statement(this, it->takeLast(), utf8);
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &st, nullptr) != SQLITE_OK)
        return lastReadError(Tr::tr("数据"));
    return Statement(this, st, utf8);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString &what) const
{
    return errorFromCode(sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)),
                         what);
}

Error Database::lastReadError(const QString &what) const
{
    return readErrorFromCode(sqlite3_extended_errcode(m_db),
                             QString::fromUtf8(sqlite3_errmsg(m_db)), what);
}

Result<void> Database::integrityCheck()
{
    auto st = prepare(QStringLiteral("PRAGMA integrity_check"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    QStringList problems;
    while (q.step())
        problems << q.text(0);
    if (q.failed())
        return q.error();
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return makeError(QStringLiteral("store.corrupt"),
                     Tr::tr("数据库完整性检查未通过：%1").arg(problems.join(QLatin1String("; "))));
}

void Database::afterCommit(std::function<void()> fn)
{
    if (m_depth == 0) {
        fn();
        return;
    }
    m_afterCommit.append({m_depth, std::move(fn)});
}

} // namespace ms
