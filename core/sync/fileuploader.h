#pragma once
// Uploads evidence files to the office over several connections at once (one UploadLane, on a
// thread of its own, per connection), each file in chunks from the offset the office already
// holds. While one lane waits for the office to hash and fsync a finished file, the others keep
// the link busy. Files can be added while others are on their way, so the lanes never wait for
// the caller between batches.
//
//   FileUploader up(httpOptions, 4, 1 << 20);
//   connect(&up, &FileUploader::fileDone, ...);     // mark it uploaded locally
//   up.add(jobs);                                   // more later: up.add(moreJobs)
#include "model/result.h"
#include "sync/uploadlane.h"

#include <QList>
#include <QObject>

#include <memory>
#include <vector>

namespace ms::sync {

class FileUploader : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        QString sha256;
        QString path;       // the local file
        qint64 size = 0;
        qint64 offset = 0;  // bytes the office already holds
    };

    FileUploader(const HttpOptions &http, int lanes, qint64 chunkBytes, QObject *parent = nullptr);
    ~FileUploader() override;

    void add(const QList<Job> &jobs); // queued behind the files already waiting; idle lanes start
    void abort();                     // stops every lane and forgets the queue; no further signals
    void setPaused(bool paused);      // the chunks in flight finish; no new one starts until resumed

    int laneCount() const { return int(m_lanes.size()); }
    void resetCounters();
    int retries() const;              // over every lane
    qint64 bodyBytesSent() const;     // request body bytes written, every attempt included

Q_SIGNALS:
    void bytesAccepted(qint64 bytes);           // a chunk the office stored
    void fileDone(const QString &sha256);       // verified and kept by the office
    // It cannot be sent: the office found its bytes do not match the hash, or it is unreadable here.
    void fileRefused(const QString &sha256);
    void failed(const ms::Error &error);        // a lane gave up (network, token, disk): stop
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    void nextFile(int lane);
    void laneFree(int lane);
    void sendChunk(int lane, const Job &job, qint64 offset);
    void chunkSent(int lane, const UploadChunk &chunk, const Result<HttpReply> &r);
    void stop(const Error &error);

    std::vector<std::unique_ptr<UploadLane>> m_lanes;
    qint64 m_chunkBytes;
    QList<Job> m_queue;
    QList<Job> m_current;  // per lane: the file it is sending
    QList<bool> m_laneBusy;
    int m_conflicts = 0;
    bool m_running = true; // false after abort() or a failure, until add() again
};

} // namespace ms::sync
