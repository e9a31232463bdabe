#pragma once
// The /api/v1 HTTP endpoints of meterswap-office over an OfficeStore and a BlobStore
// (docs/sync-protocol.md). One log line per request on stderr.
#include "edgegate.h"
#include "officeapi.h"
#include "serverstore/blobstore.h"
#include "serverstore/officestore.h"
#include "stockapi.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

namespace ms::server {

struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                 // 0: any free port
    QString catalogVersion;           // handed to tablets with their assignments
    std::optional<QSslConfiguration> tls;
    int workers = 4;                  // threads serving requests (ServerPool)
    EdgeLimits edge;                  // the front layer's caps (edgegate.h)
    std::shared_ptr<const Catalog> catalog; // the cards the tablets walk (office review)
    QString thumbDir;                 // evidence thumbnails (beside the evidence volumes)
};

class OfficeServer : public QObject
{
    Q_OBJECT
public:
    OfficeServer(OfficeStore &store, BlobStore &blobs, ServerConfig config,
                 QObject *parent = nullptr);

    // Serves the connections that `feed` accepts (see ServerPool), in the calling thread.
    void serve(QTcpServer *feed);

private:
    void setupRoutes();
    QHttpServerResponse pullAssignments(const QHttpServerRequest &request);
    QHttpServerResponse blobState(const QString &sha256, const QHttpServerRequest &request);
    QHttpServerResponse blobStates(const QHttpServerRequest &request); // many files in one call
    // What the blob store holds of a file; a complete one is (re)recorded in the office store.
    Result<wire::BlobState> heldState(const QString &sha256);
    QHttpServerResponse blobAppend(const QString &sha256, const QHttpServerRequest &request);
    QHttpServerResponse pushRecords(const QHttpServerRequest &request);
    QHttpServerResponse health();
    QHttpServerResponse whoAmI(const QHttpServerRequest &request);
    // The token's device, or a 401/500 response to send instead.
    std::variant<DeviceToken, QHttpServerResponse> authorize(const QHttpServerRequest &request);

    OfficeStore &m_store;
    BlobStore &m_blobs;
    ServerConfig m_config;
    QHttpServer m_http;
    OfficeApi m_office; // /api/v1/office/*: the office roles
    StockApi m_stock;   // /api/v1/office/stock*: the warehouse
};

} // namespace ms::server
