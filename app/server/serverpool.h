#pragma once
// Serves the office API on several threads, so twenty tablets syncing at the end of the day do
// not queue behind one another's fsyncs. Every worker accepts connections on its own copy of one
// listening socket and runs its own OfficeServer (QHttpServer) with its own connection to the
// office database. Evidence files are shared (FileBlobStore is
// thread-safe). Nothing here is specific to one machine: see docs/scaling.md for the next step.
#include "officeserver.h"

#include <QTcpServer>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace ms::server {

class ServerPool : public QObject
{
    Q_OBJECT
public:
    using StoreFactory = std::function<Result<std::unique_ptr<OfficeStore>>()>;

    // openStore is called once per worker, in this thread, by start().
    ServerPool(StoreFactory openStore, BlobStore &blobs, ServerConfig config, int workers,
               QObject *parent = nullptr);
    ~ServerPool() override; // lets each worker finish the request it is on, then stops it

    // Opens the workers' stores, starts them and listens; the bound port or why not.
    Result<quint16> start();

private:
    struct Worker;

    StoreFactory m_openStore;
    BlobStore &m_blobs;
    ServerConfig m_config;
    int m_workerCount;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::unique_ptr<QTcpServer> m_listener;
};

} // namespace ms::server
