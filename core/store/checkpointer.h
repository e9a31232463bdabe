#pragma once
// Runs WAL checkpoints on a background thread with its own connection (internal to core/store).
// A checkpoint copies the WAL's pages into the database file and fsyncs it (a commit with
// synchronous=FULL fsyncs only the WAL). Moving it off the writer keeps every user action's
// latency flat (bench: step record p99).
#include <QByteArray>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace ms {

class Checkpointer
{
public:
    // Installs a WAL hook on `writer` (auto-checkpoint off there) and starts the thread.
    Checkpointer(sqlite3 *writer, const QString &filePath);
    ~Checkpointer(); // one last checkpoint, then the thread ends
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    static constexpr int kWalPages = 1000; // checkpoint once the WAL holds this many pages

private:
    static int walHook(void *self, sqlite3 *db, const char *name, int pages);
    void run();

    sqlite3 *m_writer = nullptr;
    QByteArray m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ms
