#pragma once
// The office roles' endpoints under /api/v1/office/ (docs/sync-protocol.md "Office API"): the
// review queue, a job's whole picture with findings, review and billing decisions, billing
// export and its log, progress; and evidence thumbnails and files for office tokens. Every
// request is checked against the role it needs; field tokens get 403 auth.role.
#include "serverstore/blobstore.h"
#include "serverstore/officestore.h"

#include <QHttpServer>

#include <functional>
#include <memory>
#include <variant>

namespace ms {
class Catalog;
}

namespace ms::server {

class Thumbnails;

class OfficeApi
{
public:
    using Authorize =
        std::function<std::variant<DeviceToken, QHttpServerResponse>(const QHttpServerRequest &)>;

    // `catalog`: the cards the tablets walk (send-back items are checked against it);
    // `thumbDir`: where thumbnails are kept (beside the evidence, not in its volumes).
    OfficeApi(OfficeStore &store, BlobStore &blobs, std::shared_ptr<const Catalog> catalog,
              const QString &thumbDir, Authorize authorize);
    ~OfficeApi();
    void addRoutes(QHttpServer &http);

    // 403 auth.role naming the role when the token lacks it (field tokens have none).
    static std::optional<QHttpServerResponse> requireRole(const DeviceToken &token,
                                                          const QStringList &anyOf);

private:
    // The request's token when it carries one of `anyOf`; else the answer to send.
    std::variant<DeviceToken, QHttpServerResponse> officeUser(const QHttpServerRequest &request,
                                                              const QStringList &anyOf);
    QHttpServerResponse reviewQueue(const QHttpServerRequest &request);
    QHttpServerResponse jobPage(const QString &uuid, const QHttpServerRequest &request);
    QHttpServerResponse decide(const QString &uuid, const QString &kind,
                               const QHttpServerRequest &request);
    QHttpServerResponse billingQueue(const QHttpServerRequest &request);
    QHttpServerResponse billingExport(const QHttpServerRequest &request);
    QHttpServerResponse exportLog(const QHttpServerRequest &request);
    QHttpServerResponse progress(const QHttpServerRequest &request);
    QHttpServerResponse thumb(const QString &sha256, const QHttpServerRequest &request);
    QHttpServerResponse content(const QString &sha256, const QHttpServerRequest &request);

    OfficeStore &m_store;
    BlobStore &m_blobs;
    std::shared_ptr<const Catalog> m_catalog;
    std::unique_ptr<Thumbnails> m_thumbs;
    Authorize m_authorize;
};

} // namespace ms::server
