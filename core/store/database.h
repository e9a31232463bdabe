#pragma once
// A thin owner of one sqlite3 connection (sqlite3 C API, not Qt SQL): open with WAL, foreign keys
// and a busy timeout, run versioned migrations, prepare statements, nest transactions.
// Used by the tablet Store and usable by the office server's own store.
#include "model/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace ms {

// One schema step. Migrations run in order inside one transaction each; PRAGMA user_version
// records how many have been applied. Never edit a published migration: append a new one.
struct Migration
{
    int version = 0;     // 1, 2, 3, ... (must equal its position + 1)
    const char *sql = nullptr;
};

struct DatabaseOptions
{
    int busyTimeoutMs = 5000;
    bool quickCheckOnOpen = true;  // PRAGMA quick_check; a failure counts as "corrupt"
    qint64 maxPageCount = 0;       // > 0: cap the file (tests use it to simulate a full disk)
    // WAL checkpoints (copying the WAL into the database file, with an fsync) run on a background
    // thread with its own connection, so a user action never waits for one. false: SQLite's
    // default auto-checkpoint.
    bool backgroundCheckpoint = true;
    // Checks the file starts with SQLite's header before SQLite touches it. Must be false when
    // this process already has the file open (another connection): reading the header through a
    // second descriptor and closing it drops every POSIX lock the process holds on the file, after
    // which another process may delete the live WAL (and with it committed rows).
    bool checkFileHeader = true;
    // PRAGMA synchronous=FULL instead of NORMAL: a commit is on disk when it returns, not only at
    // the next checkpoint. The office needs it (a tablet marks a record confirmed, for good, once
    // the office has acknowledged its commit), and so does the tablet (the screen says "saved" when
    // a capture commits; see docs/decisions/0003-durable-tablet-commits.md).
    bool durableCommits = true;
    // A corrupt file (SQLITE_CORRUPT / NOTADB / failed quick_check, nothing else) is moved aside
    // and a fresh database started (the tablet: its evidence files stay). false: open() fails with
    // "store.corrupt" and touches nothing (the office: it refuses to start).
    bool moveAsideWhenCorrupt = true;
};

// What open() had to do besides opening. The app shows `message` (plain words) when not empty.
struct OpenNotice
{
    bool created = false;    // there was no database file (or an empty one): a new one was made
    bool movedAside = false;
    QString movedTo;   // e.g. ".../meterswap.db.corrupt-20261105-142233"
    QString message;   // translated, tells the user what happened and that nothing was deleted
};

class Statement;

// One connection, used from one thread at a time (statements are cached per Database).
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) `filePath` and migrates it to the newest version. A file that is
    // not a database, fails quick_check, or cannot be read is moved aside together with its
    // -wal/-shm files to "<file>.corrupt-<yyyyMMdd-hhmmss>" (never deleted) and a fresh one is
    // created; `notice` (if given) then says so. Errors: "store.open_failed", "store.disk_full",
    // "store.migration_failed", "store.too_new" (file written by a newer MeterSwap).
    static Result<std::unique_ptr<Database>> open(const QString &filePath,
                                                  const QList<Migration> &migrations,
                                                  const DatabaseOptions &options = {},
                                                  OpenNotice *notice = nullptr);

    sqlite3 *handle() const { return m_db; }
    QString filePath() const { return m_path; }
    int schemaVersion() const;

    // Runs one or more statements without results. Error codes as in errorFor().
    Result<void> exec(const QString &sql);
    Result<Statement> prepare(const QString &sql);
    qint64 lastInsertId() const;
    int changes() const; // rows changed by the last statement

    // Maps the connection's last error to an ms::Error: SQLITE_FULL/IOERR_WRITE → "store.disk_full",
    // SQLITE_BUSY → "store.busy", SQLITE_CONSTRAINT → "store.constraint", else "store.sql".
    Error lastError(const QString &what) const;
    // The same codes, worded for a read that failed ("could not read …", not "… was not saved").
    Error lastReadError(const QString &what) const;

    // PRAGMA integrity_check; ok() only when it answers "ok".
    Result<void> integrityCheck();

    // --- used by Transaction ---
    int transactionDepth() const { return m_depth; }
    // Runs `fn` after the outermost transaction commits; dropped if that level rolls back.
    // Outside a transaction it runs at once.
    void afterCommit(std::function<void()> fn);
    // Write transactions committed on this connection since it was opened: outermost Transactions
    // (Lock::Write), and writes run outside any Transaction (each commits on its own). A user
    // action is one of them: tests count them around an action.
    qint64 commitCount() const { return m_commits; }

private:
    friend class Transaction;
    Database() = default;
    Result<void> migrate(const QList<Migration> &migrations);

    sqlite3 *m_db = nullptr;
    QString m_path;
    int m_depth = 0;
    qint64 m_commits = 0;
    struct Pending { int depth; std::function<void()> fn; };
    QList<Pending> m_afterCommit;
    // Prepared statements returned by finished Statements, reused by prepare() (same SQL text).
    friend class Statement;
    QHash<QByteArray, QList<sqlite3_stmt *>> m_cache;
    std::unique_ptr<class Checkpointer> m_checkpointer;
};

// A prepared statement. Bind with 1-based indexes or ":name"; step() until it returns false.
class Statement
{
public:
    Statement(Database *db, sqlite3_stmt *stmt, QByteArray sql = {});
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, const QVariant &value); // null QVariant → NULL
    Statement &bind(const char *name, const QVariant &value);
    Statement &bindText(int index, const QString &value);
    Statement &bindInt(int index, qint64 value);
    Statement &bindDouble(int index, double value);
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindNull(int index);

    // true: a row is ready; false: done. Errors land in error() (check with failed()).
    bool step();
    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }
    // Runs to completion; the common case for INSERT/UPDATE/DELETE.
    Result<void> run();
    void reset();

    bool isNull(int col) const;
    qint64 integer(int col) const;
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;

private:
    void release();
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql; // non-empty: goes back to the database's cache when done
    std::optional<Error> m_error;
};

} // namespace ms
