#include "httpreply.h"

#include "sync/wire.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOffice)

namespace ms::server {

QHttpServerResponse jsonReply(const QByteArray &body, HttpStatus status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

QHttpServerResponse jsonReply(const QJsonObject &body, HttpStatus status)
{
    return jsonReply(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse failReply(HttpStatus status, const QString &code, const QString &message)
{
    return jsonReply(sync::encodeError(makeError(code, message)), status);
}

// Maps a storage error to the HTTP status a client can act on.
QHttpServerResponse failReply(const Error &e)
{
    HttpStatus status = HttpStatus::InternalServerError;
    if (e.code.endsWith(QLatin1String("disk_full")))
        status = HttpStatus::InsufficientStorage;
    else if (e.code == QLatin1String("blob.offset_mismatch") || e.code == QLatin1String("blob.partial_foreign")
             || e.code == QLatin1String("blob.total_mismatch"))
        status = HttpStatus::Conflict;
    else if (e.code == QLatin1String("blob.too_large") || e.code == QLatin1String("blob.partial_quota"))
        status = HttpStatus::PayloadTooLarge;
    else if (e.code == QLatin1String("blob.hash_mismatch"))
        status = HttpStatus::UnprocessableEntity;
    else if (e.code.startsWith(QLatin1String("sync.")))
        status = HttpStatus::BadRequest;
    else if (e.code == QLatin1String("auth.device_key_mismatch") || e.code.startsWith(QLatin1String("auth.role")))
        status = HttpStatus::Forbidden;
    else if (e.code == QLatin1String("review.not_awaiting") || e.code == QLatin1String("review.decision_reused"))
        status = HttpStatus::Conflict;
    else if (e.code == QLatin1String("office.unknown_job") || e.code == QLatin1String("billing.unknown_batch")
             || e.code == QLatin1String("blob.not_found"))
        status = HttpStatus::NotFound;
    else if (e.code.startsWith(QLatin1String("office.bad_")) || e.code.startsWith(QLatin1String("review.bad_")))
        status = HttpStatus::BadRequest;
    if (status == HttpStatus::InternalServerError)
        qCWarning(lcOffice) << e.code << e.message;
    return jsonReply(sync::encodeError(e), status);
}

QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}


} // namespace ms::server
