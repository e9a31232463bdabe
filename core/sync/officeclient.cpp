#include "sync/officeclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QUuid>

namespace ms::sync {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::sync::OfficeClient)
};
} // namespace

OfficeClient::OfficeClient(HttpOptions options) : m_http(m_nam, std::move(options)) {}

QString OfficeClient::newDecisionUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<HttpReply> OfficeClient::call(const QByteArray &verb, const QString &path,
                                     const QUrlQuery &query, const QByteArray &body)
{
    std::optional<Result<HttpReply>> answer;
    QEventLoop loop;
    const auto done = [&](Result<HttpReply> r) {
        answer = std::move(r);
        loop.quit();
    };
    if (verb == "GET")
        m_http.get(path, query, done);
    else
        m_http.post(path, body, done);
    if (!answer)
        loop.exec();
    if (!answer->ok())
        return answer->error();
    const HttpReply &reply = answer->value();
    if (reply.status < 200 || reply.status > 299)
        return SyncHttp::answerError(reply);
    return reply;
}

Result<QJsonObject> OfficeClient::get(const QString &path, const QUrlQuery &query)
{
    auto reply = call("GET", path, query, {});
    if (!reply)
        return reply.error();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject())
        return makeError(QStringLiteral("sync.bad_answer"),
                         Tr::tr("办公室的回答不是 JSON 对象（%1）；请检查服务器地址和版本。").arg(path));
    return doc.object();
}

Result<QJsonObject> OfficeClient::post(const QString &path, const QJsonObject &body)
{
    auto reply = postRaw(path, body);
    if (!reply)
        return reply.error();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject())
        return makeError(QStringLiteral("sync.bad_answer"),
                         Tr::tr("办公室的回答不是 JSON 对象（%1）；请检查服务器地址和版本。").arg(path));
    return doc.object();
}

Result<HttpReply> OfficeClient::postRaw(const QString &path, const QJsonObject &body)
{
    return call("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace ms::sync
