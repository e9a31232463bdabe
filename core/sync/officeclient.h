#pragma once
// A small client of the office API (/api/v1/office/*, docs/sync-protocol.md "Office API") for
// the office roles: meterswapctl review/billing now, the office workstation later. Each call
// goes through SyncHttp (token, certificate pin, retries on network errors and 5xx) and blocks
// in a local event loop until the answer, which suits a command line; the app will want the
// asynchronous SyncHttp directly.
#include "sync/synchttp.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

namespace ms::sync {

class OfficeClient
{
public:
    explicit OfficeClient(HttpOptions options);

    // The answer's JSON object for a 2xx; an error naming what the office said otherwise
    // (403 auth.role: the role the token lacks).
    Result<QJsonObject> get(const QString &path, const QUrlQuery &query = {});
    Result<QJsonObject> post(const QString &path, const QJsonObject &body);
    // The raw answer of a 2xx POST (the billing export's CSV) and its headers' batch/count.
    Result<HttpReply> postRaw(const QString &path, const QJsonObject &body);

    static QString newDecisionUuid();

private:
    Result<HttpReply> call(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                           const QByteArray &body);

    QNetworkAccessManager m_nam;
    SyncHttp m_http;
};

} // namespace ms::sync
