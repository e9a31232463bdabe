#include "officeserver.h"

#include "httpreply.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <cstdio>

Q_LOGGING_CATEGORY(lcOffice, "meterswap.office", QtWarningMsg)

namespace ms::server {

namespace {
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse json(const QByteArray &body, Status status = Status::Ok)
{
    return jsonReply(body, status);
}

QHttpServerResponse fail(Status status, const QString &code, const QString &message)
{
    return failReply(status, code, message);
}

QHttpServerResponse fail(const Error &e) { return failReply(e); }

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    return requestHeader(request, name);
}

const char *methodName(Method m)
{
    switch (m) {
    case Method::Get: return "GET";
    case Method::Put: return "PUT";
    case Method::Post: return "POST";
    case Method::Head: return "HEAD";
    case Method::Delete: return "DELETE";
    default: return "OTHER";
    }
}

void logRequest(const QHttpServerRequest &request, int status)
{
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
        + ' ' + methodName(request.method()) + ' ' + request.url().path(QUrl::FullyEncoded).toUtf8()
        + (request.url().hasQuery() ? '?' + request.url().query(QUrl::FullyEncoded).toUtf8() : QByteArray())
        + ' ' + QByteArray::number(status) + ' ' + QByteArray::number(request.body().size()) + "B\n";
    std::fputs(line.constData(), stderr);
}
} // namespace

OfficeServer::OfficeServer(OfficeStore &store, BlobStore &blobs, ServerConfig config,
                           QObject *parent)
    : QObject(parent), m_store(store), m_blobs(blobs), m_config(std::move(config)),
      m_office(store, blobs, m_config.catalog, m_config.thumbDir,
               [this](const QHttpServerRequest &r) { return authorize(r); }),
      m_stock(store, [this](const QHttpServerRequest &r) { return authorize(r); })
{
    setupRoutes();
}

void OfficeServer::serve(QTcpServer *feed)
{
    m_http.bind(feed);
}

void OfficeServer::setupRoutes()
{
    m_http.route(sync::apiPath(QStringLiteral("health")), Method::Get,
                 [this](const QHttpServerRequest &) { return health(); });
    m_http.route(sync::apiPath(QStringLiteral("whoami")), Method::Get,
                 [this](const QHttpServerRequest &r) { return whoAmI(r); });
    m_http.route(sync::apiPath(QStringLiteral("assignments")), Method::Get,
                 [this](const QHttpServerRequest &r) { return pullAssignments(r); });
    m_http.route(sync::apiPath(QStringLiteral("blobs/<arg>")), Method::Get | Method::Head,
                 [this](const QString &sha, const QHttpServerRequest &r) { return blobState(sha, r); });
    m_http.route(sync::apiPath(QStringLiteral("blobs/<arg>")), Method::Put | Method::Post,
                 [this](const QString &sha, const QHttpServerRequest &r) { return blobAppend(sha, r); });
    m_http.route(sync::apiPath(QStringLiteral("blob-states")), Method::Post,
                 [this](const QHttpServerRequest &r) { return blobStates(r); });
    m_http.route(sync::apiPath(QStringLiteral("records")), Method::Post,
                 [this](const QHttpServerRequest &r) { return pushRecords(r); });
    m_office.addRoutes(m_http);
    m_stock.addRoutes(m_http);
    m_http.afterRequest([](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        logRequest(request, int(response.statusCode()));
        return std::move(response);
    });
    m_http.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        logRequest(request, 404);
        responder.write(sync::encodeError(makeError(QStringLiteral("office.not_found"),
                                                    tr("没有这个接口：%1").arg(request.url().path()))),
                        QByteArrayLiteral("application/json"), Status::NotFound);
    });
}

std::variant<DeviceToken, QHttpServerResponse>
OfficeServer::authorize(const QHttpServerRequest &request)
{
    const QByteArray auth = header(request, QByteArrayLiteral("Authorization"));
    if (!auth.startsWith("Bearer ") || auth.size() <= 7)
        return fail(Status::Unauthorized, QStringLiteral("auth.missing_token"),
                    tr("缺少设备令牌（Authorization: Bearer …）；请在设置中填写办公室发放的令牌。"));
    auto token = m_store.authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!token)
        return fail(token.error());
    if (!token->has_value())
        return fail(Status::Unauthorized, QStringLiteral("auth.bad_token"),
                    tr("办公室不认可此设备令牌（错误或已吊销）；请向办公室申请新令牌。"));
    // The device's signing key: bound to the token on first use, never another one after.
    if (const QByteArray key = header(request, sync::kDeviceKeyHeader); !key.isEmpty())
        if (auto bound = m_store.bindDeviceKey(**token, QString::fromLatin1(key.trimmed())); !bound)
            return fail(bound.error());
    return **token;
}

// For a load balancer or monitoring: no token; 200 while this server reaches its database.
QHttpServerResponse OfficeServer::health()
{
    if (auto ok = m_store.ping(); !ok)
        return fail(Status::ServiceUnavailable, ok.error().code, ok.error().message);
    return json(QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                          {QStringLiteral("api"), 1}})
                    .toJson(QJsonDocument::Compact));
}

QHttpServerResponse OfficeServer::whoAmI(const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const auto &t = std::get<DeviceToken>(who);
    auto key = m_store.deviceKey(t);
    if (!key)
        return fail(key.error());
    return json(QJsonDocument(QJsonObject{{QStringLiteral("device"), t.device},
                                          {QStringLiteral("user"), t.user},
                                          {QStringLiteral("device_key"), *key},
                                          {QStringLiteral("roles"), QJsonArray::fromStringList(t.roles)},
                                          {QStringLiteral("api"), 1}})
                    .toJson(QJsonDocument::Compact));
}

QHttpServerResponse OfficeServer::pullAssignments(const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    bool ok = true;
    const QString since = request.query().queryItemValue(QStringLiteral("since"));
    const qint64 cursor = since.isEmpty() ? 0 : since.toLongLong(&ok);
    if (!ok || cursor < 0)
        return fail(Status::BadRequest, QStringLiteral("sync.bad_cursor"),
                    tr("游标“%1”不是非负整数").arg(since));
    int limit = sync::kMaxAssignmentPage;
    if (const QString l = request.query().queryItemValue(QStringLiteral("limit")); !l.isEmpty())
        limit = std::clamp(l.toInt(), 1, sync::kMaxAssignmentPage);
    auto page = m_store.pullAssignments(std::get<DeviceToken>(who), cursor, limit);
    if (!page)
        return fail(page.error());
    return json(sync::encodeAssignmentPage(*page, m_config.catalogVersion));
}

QHttpServerResponse OfficeServer::blobState(const QString &sha256, const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    if (!isSha256Hex(sha256))
        return fail(Status::BadRequest, QStringLiteral("sync.bad_hash"),
                    tr("“%1”不是 64 位小写十六进制 SHA-256").arg(sha256));
    auto state = heldState(sha256);
    if (!state)
        return fail(state.error());
    return json(sync::encodeBlobState(sha256, *state));
}

Result<wire::BlobState> OfficeServer::heldState(const QString &sha256)
{
    auto state = m_blobs.state(sha256);
    if (!state)
        return state.error();
    if (state->complete) // a file completed just before a crash is recorded now
        if (auto r = m_store.recordBlob(sha256, state->offset); !r)
            return r.error();
    return state;
}

QHttpServerResponse OfficeServer::blobStates(const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    auto hashes = sync::decodeBlobStateQuery(request.body());
    if (!hashes)
        return fail(hashes.error());
    QList<QPair<QString, wire::BlobState>> states;
    for (const QString &sha256 : std::as_const(*hashes)) {
        auto state = heldState(sha256);
        if (!state)
            return fail(state.error());
        states.append({sha256, *state});
    }
    return json(sync::encodeBlobStates(states));
}

QHttpServerResponse OfficeServer::blobAppend(const QString &sha256, const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    if (!isSha256Hex(sha256))
        return fail(Status::BadRequest, QStringLiteral("sync.bad_hash"),
                    tr("“%1”不是 64 位小写十六进制 SHA-256").arg(sha256));
    if (request.body().size() > sync::kMaxChunkBytes)
        return fail(Status::PayloadTooLarge, QStringLiteral("sync.chunk_too_large"),
                    tr("每次最多上传 %1 字节，收到 %2 字节；请分块上传。")
                        .arg(sync::kMaxChunkBytes).arg(request.body().size()));
    bool okOffset = false, okTotal = false;
    const qint64 offset = request.query().queryItemValue(QStringLiteral("offset")).toLongLong(&okOffset);
    const qint64 total = request.query().queryItemValue(QStringLiteral("total")).toLongLong(&okTotal);
    if (!okOffset || !okTotal || offset < 0 || total <= 0 || total > sync::kMaxBlobBytes)
        return fail(Status::BadRequest, QStringLiteral("sync.bad_range"),
                    tr("需要 offset（≥0）和 total（1…%1）两个参数").arg(sync::kMaxBlobBytes));
    const DeviceToken &from = std::get<DeviceToken>(who);
    auto state = m_blobs.append(sha256, offset, total, request.body(), UploadOwner{from.id, from.device});
    if (!state) {
        if (state.error().code == QLatin1String("blob.offset_mismatch")) {
            auto held = m_blobs.state(sha256);
            QJsonObject body = QJsonDocument::fromJson(sync::encodeError(state.error())).object();
            body.insert(QStringLiteral("offset"), held ? held->offset : 0);
            return json(QJsonDocument(body).toJson(QJsonDocument::Compact), Status::Conflict);
        }
        return fail(state.error());
    }
    if (state->complete)
        if (auto r = m_store.recordBlob(sha256, state->offset); !r)
            return fail(r.error());
    return json(sync::encodeBlobState(sha256, *state),
                state->complete ? Status::Created : Status::Ok);
}

QHttpServerResponse OfficeServer::pushRecords(const QHttpServerRequest &request)
{
    auto who = authorize(request);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    if (request.body().size() > sync::kMaxBatchBodyBytes)
        return fail(Status::PayloadTooLarge, QStringLiteral("sync.batch_too_large"),
                    tr("记录批次超过 %1 字节；请分批发送。").arg(sync::kMaxBatchBodyBytes));
    if (const DeviceToken &t = std::get<DeviceToken>(who); t.isOffice())
        return fail(Status::Forbidden, QStringLiteral("auth.role"),
                    tr("办公令牌（用户 %1）不能发送外勤记录；外勤记录只由施工平板用它自己的令牌同步。")
                        .arg(t.user));
    auto records = sync::decodePushBatch(request.body());
    if (!records)
        return fail(records.error());
    auto results = m_store.pushRecords(std::get<DeviceToken>(who), *records);
    if (!results)
        return fail(results.error());
    return json(sync::encodePushResults(*results));
}

} // namespace ms::server
