#pragma once
// Uploads evidence files to the office over several connections at once (one SyncHttp per
// lane), each file in chunks from the offset the office already holds. While one lane waits for
// the office to hash and fsync a finished file, the others keep the link busy.
//
//   FileUploader up({&laneA, &laneB}, 1 << 20);
//   connect(&up, &FileUploader::fileDone, ...);     // mark it uploaded locally
//   connect(&up, &FileUploader::finished, ...);     // every file done or refused
//   up.run(jobs);
#include "model/result.h"
#include "sync/synchttp.h"

#include <QList>
#include <QObject>

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

    FileUploader(QList<SyncHttp *> lanes, qint64 chunkBytes, QObject *parent = nullptr);

    void run(QList<Job> jobs); // starts up to one file per lane; finished() when all are through
    void abort();              // stops every lane; no further signals

Q_SIGNALS:
    void bytesAccepted(qint64 bytes);           // a chunk the office stored
    void fileDone(const QString &sha256);       // verified and kept by the office
    void fileRefused(const QString &sha256);    // the office found its bytes do not match the hash
    void finished();
    void failed(const ms::Error &error);        // a lane gave up (network, token, disk): stop

private:
    void nextFile(int lane);
    void sendChunk(int lane, const Job &job, qint64 offset);
    void stop(const Error &error);

    QList<SyncHttp *> m_lanes;
    qint64 m_chunkBytes;
    QList<Job> m_queue;
    int m_busy = 0;
    int m_conflicts = 0;
    bool m_running = false;
};

} // namespace ms::sync
