#pragma once
// Building the office's HTTP answers: JSON bodies, errors as {"error": {"code", "message"}} with
// the status a client can act on, and reading a request header.
#include "model/result.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>

namespace ms::server {

using HttpStatus = QHttpServerResponder::StatusCode;

QHttpServerResponse jsonReply(const QByteArray &body, HttpStatus status = HttpStatus::Ok);
QHttpServerResponse jsonReply(const QJsonObject &body, HttpStatus status = HttpStatus::Ok);
QHttpServerResponse failReply(HttpStatus status, const QString &code, const QString &message);
// A storage or validation error mapped to its status (409 conflicts, 413, 422, 507, 400 for
// sync.* and bad input, 403 auth.*, 404 unknown things, 500 otherwise: logged).
QHttpServerResponse failReply(const Error &e);
QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name);

} // namespace ms::server
