#pragma once
// The warehouse's endpoints under /api/v1/office/stock (docs/sync-protocol.md "Stock"): issue to
// a crew, returns, the batches (what appendices 6, 7 and 24 print), and the reconciliation.
// Every request needs the warehouse role (the reconciliation also the engineer's); others get
// 403 auth.role.
#include "serverstore/officestore.h"

#include <QHttpServer>
#include <QJsonArray>

#include <functional>
#include <variant>

namespace ms::server {

// The review page's findings for a job's numbers not issued to its crew (code "stock.not_issued").
QJsonArray stockFindings(const QList<StockFlag> &flags);
QJsonObject reconciliationJson(const StockReconciliation &r);
QJsonObject batchJson(const StockBatch &b);

class StockApi
{
public:
    using Authorize =
        std::function<std::variant<DeviceToken, QHttpServerResponse>(const QHttpServerRequest &)>;
    StockApi(OfficeStore &store, Authorize authorize);
    void addRoutes(QHttpServer &http);

private:
    std::variant<DeviceToken, QHttpServerResponse> user(const QHttpServerRequest &request,
                                                        const QStringList &anyOf);
    QHttpServerResponse issue(const QHttpServerRequest &request);
    QHttpServerResponse returns(const QHttpServerRequest &request);
    QHttpServerResponse reconcile(const QHttpServerRequest &request);
    QHttpServerResponse batches(const QHttpServerRequest &request);
    QHttpServerResponse batch(const QString &uuid, const QHttpServerRequest &request);

    OfficeStore &m_store;
    Authorize m_authorize;
};

} // namespace ms::server
