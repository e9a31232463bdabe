#include "serverpool.h"

#include "edgegate.h"

#include <QCoreApplication>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ms::server {

struct ServerPool::Worker
{
    QThread thread;
    std::unique_ptr<OfficeStore> store;  // this worker's database connection
    // Created in the thread and deleted there when it finishes: the OfficeServer and the
    // acceptor (on a copy of the listening socket) are its children.
    QObject *host = nullptr;
};

ServerPool::ServerPool(StoreFactory openStore, BlobStore &blobs, ServerConfig config, int workers,
                       QObject *parent)
    : QObject(parent), m_openStore(std::move(openStore)), m_blobs(blobs),
      m_config(std::move(config)), m_workerCount(std::clamp(workers, 1, 32))
{
}

ServerPool::~ServerPool()
{
    if (m_listener)
        m_listener->close();
    // Each thread ends after the request it is handling; its host is deleted as it finishes.
    for (auto &w : m_workers)
        w->thread.quit();
    for (auto &w : m_workers)
        w->thread.wait();
}

Result<quint16> ServerPool::start()
{
    // The listening socket is made here; every worker accepts on its own duplicate of it, so an
    // idle worker picks up the next connection while busy ones finish their requests.
    m_listener = std::make_unique<QTcpServer>();
    if (!m_listener->listen(m_config.address, m_config.port))
        return makeError(QStringLiteral("office.listen_failed"),
                         tr("无法在 %1:%2 上监听（%3）；请换一个端口。")
                             .arg(m_config.address.toString())
                             .arg(m_config.port)
                             .arg(m_listener->errorString()));
    m_listener->pauseAccepting(); // this thread never accepts
    // One count of open connections for every worker: the caps hold for the office as a whole.
    auto budget = std::make_shared<ConnectionBudget>(m_config.edge);
    for (int i = 0; i < m_workerCount; ++i) {
        auto w = std::make_unique<Worker>();
        auto store = m_openStore();
        if (!store)
            return store.error();
        w->store = std::move(store).value();
        const int descriptor = ::dup(int(m_listener->socketDescriptor()));
        if (descriptor < 0)
            return makeError(QStringLiteral("office.listen_failed"),
                             tr("无法为服务线程复制监听套接字：%1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        w->thread.setObjectName(QStringLiteral("office-%1").arg(i));
        w->host = new QObject;
        w->host->moveToThread(&w->thread);
        connect(&w->thread, &QThread::finished, w->host, &QObject::deleteLater);
        w->thread.start();
        Worker *raw = w.get();
        bool accepting = false;
        QMetaObject::invokeMethod(raw->host, [this, raw, descriptor, budget, &accepting] {
            auto *server = new OfficeServer(*raw->store, m_blobs, m_config, raw->host);
            OfficeStore *db = raw->store.get();
            auto *guard = new EdgeGuard(m_config.edge, budget, [db](const QByteArray &token) {
                auto known = db->authenticate(QString::fromLatin1(token));
                return !known || known->has_value();
            });
            QTcpServer *acceptor = m_config.tls
                ? static_cast<QTcpServer *>(new GatedSslServer(*m_config.tls, *guard, raw->host))
                : new GatedTcpServer(*guard, raw->host);
            guard->setParent(raw->host); // after the acceptor: its sockets' gates go first
            accepting = acceptor->setSocketDescriptor(descriptor);
            server->serve(acceptor);
        }, Qt::BlockingQueuedConnection);
        m_workers.push_back(std::move(w));
        if (!accepting)
            return makeError(QStringLiteral("office.listen_failed"),
                             tr("服务线程 %1 无法接受连接；请重启服务器。").arg(i));
    }
    return m_listener->serverPort();
}

} // namespace ms::server
