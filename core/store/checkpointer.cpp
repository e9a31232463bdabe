#include "store/checkpointer.h"

#include "store/storelog.h"

#include <QFile>
#include <sqlite3.h>

namespace ms {

Checkpointer::Checkpointer(sqlite3 *writer, const QString &filePath)
    : m_writer(writer), m_path(QFile::encodeName(filePath))
{
    sqlite3_wal_hook(m_writer, &Checkpointer::walHook, this); // replaces auto-checkpoint
    m_thread = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer()
{
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int Checkpointer::walHook(void *self, sqlite3 *, const char *, int pages)
{
    auto *me = static_cast<Checkpointer *>(self);
    if (pages >= kWalPages) {
        {
            std::lock_guard lock(me->m_mutex);
            me->m_due = true;
        }
        me->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::run()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr)
        != SQLITE_OK) {
        qCWarning(lcStore) << "checkpoint connection failed:" << sqlite3_errmsg(db);
        sqlite3_close(db);
        return;
    }
    sqlite3_busy_timeout(db, 2000);
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        const bool stop = m_stop;
        m_due = false;
        lock.unlock();
        int logPages = 0, done = 0;
        // PASSIVE never blocks the writer; it copies what it can and fsyncs the database file.
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                 &logPages, &done);
        qCDebug(lcStore) << "checkpoint rc" << rc << "copied" << done << "of" << logPages;
        if (stop)
            break;
    }
    sqlite3_close(db);
}

} // namespace ms
