#include "stockapi.h"

#include "httpreply.h"
#include "officeapi.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrlQuery>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::StockApi)
};

using Method = QHttpServerRequest::Method;
const QString kWarehouse = QStringLiteral("warehouse");
const QString kEngineer = QStringLiteral("engineer");

QJsonObject tally(const StockTally &t)
{
    return {{QStringLiteral("meters"), t.meters}, {QStringLiteral("seals"), t.seals}};
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        return {v.toString()};
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// Stock errors as HTTP statuses: bad input 400, a number held elsewhere or a reused uuid 409,
// unknown numbers 422.
QHttpServerResponse stockFail(const Error &e)
{
    if (e.code == QLatin1String("stock.bad_request") || e.code == QLatin1String("stock.bad_number"))
        return failReply(HttpStatus::BadRequest, e.code, e.message);
    if (e.code == QLatin1String("stock.already_issued")
        || e.code == QLatin1String("stock.request_reused"))
        return failReply(HttpStatus::Conflict, e.code, e.message);
    if (e.code == QLatin1String("stock.unknown_number"))
        return failReply(HttpStatus::UnprocessableEntity, e.code, e.message);
    return failReply(e);
}

QJsonObject outcomeJson(const StockOutcome &o)
{
    QJsonObject out = batchJson(o.batch);
    out.insert(QStringLiteral("repeated"), o.repeated);
    out.insert(QStringLiteral("already"), o.already);
    return out;
}
} // namespace

QJsonArray stockFindings(const QList<StockFlag> &flags)
{
    QJsonArray out;
    for (const StockFlag &f : flags) {
        const bool seal = f.kind == QLatin1String("seal");
        QString message = seal ? Tr::tr("封印 %1 未出库给本班组").arg(f.number)
                               : Tr::tr("新表 %1 未出库给本班组").arg(f.number);
        message += f.issuedTo.isEmpty() ? Tr::tr("（库房从未发出）")
                                        : Tr::tr("（发给了 %1）").arg(f.issuedTo);
        message += f.reason.isEmpty() ? Tr::tr("，请向库房核实。")
                                      : Tr::tr("；施工人员说明：%1").arg(f.reason);
        out.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("stock.not_issued")},
                               {QStringLiteral("card"), f.card},
                               {QStringLiteral("requirement"), f.requirement},
                               {QStringLiteral("number"), f.number},
                               {QStringLiteral("issued_to"), f.issuedTo},
                               {QStringLiteral("reason"), f.reason},
                               {QStringLiteral("message"), message}});
    }
    return out;
}

QJsonObject batchJson(const StockBatch &b)
{
    QJsonArray lines;
    for (const StockLine &l : b.lines)
        lines.append(QJsonObject{{QStringLiteral("kind"), l.kind},
                                 {QStringLiteral("number"), l.number},
                                 {QStringLiteral("crew"), l.crew},
                                 {QStringLiteral("job_uuid"), l.jobUuid},
                                 {QStringLiteral("account_no"), l.accountNo}});
    return {{QStringLiteral("uuid"), b.uuid},       {QStringLiteral("kind"), b.kind},
            {QStringLiteral("crew"), b.crew},       {QStringLiteral("by"), b.byUser},
            {QStringLiteral("device"), b.byDevice}, {QStringLiteral("at"), b.at},
            {QStringLiteral("lines"), lines}};
}

QJsonObject reconciliationJson(const StockReconciliation &r)
{
    QJsonArray crews, differences;
    for (const CrewStock &c : r.crews)
        crews.append(QJsonObject{{QStringLiteral("crew"), c.crew},
                                 {QStringLiteral("issued"), tally(c.issued)},
                                 {QStringLiteral("installed"), tally(c.installed)},
                                 {QStringLiteral("returned"), tally(c.returned)},
                                 {QStringLiteral("on_hand"), tally(c.onHand)},
                                 {QStringLiteral("old_removed"), c.oldRemoved},
                                 {QStringLiteral("old_returned"), c.oldReturned}});
    for (const StockDifference &d : r.differences) {
        QJsonObject o{{QStringLiteral("kind"), d.kind},
                      {QStringLiteral("crew"), d.crew},
                      {QStringLiteral("job_uuid"), d.jobUuid},
                      {QStringLiteral("detail"), d.detail}};
        o.insert(d.sealNo.isEmpty() ? QStringLiteral("asset_no") : QStringLiteral("seal_no"),
                 d.sealNo.isEmpty() ? d.assetNo : d.sealNo);
        differences.append(o);
    }
    return {{QStringLiteral("crew"), r.crew},
            {QStringLiteral("issued"), tally(r.issued)},
            {QStringLiteral("installed"), tally(r.installed)},
            {QStringLiteral("returned"), tally(r.returned)},
            {QStringLiteral("on_hand"),
             QJsonObject{{QStringLiteral("meters"), QJsonArray::fromStringList(r.onHandMeters)},
                         {QStringLiteral("seals"), QJsonArray::fromStringList(r.onHandSeals)}}},
            {QStringLiteral("old_meters"),
             QJsonObject{{QStringLiteral("removed"), r.oldRemoved},
                         {QStringLiteral("returned"), r.oldReturned},
                         {QStringLiteral("on_hand"), QJsonArray::fromStringList(r.oldOnHand)}}},
            {QStringLiteral("crews"), crews},
            {QStringLiteral("differences"), differences}};
}

StockApi::StockApi(OfficeStore &store, Authorize authorize)
    : m_store(store), m_authorize(std::move(authorize))
{
}

void StockApi::addRoutes(QHttpServer &http)
{
    const auto path = [](const char *rest) { return sync::apiPath(QString::fromLatin1(rest)); };
    http.route(path("office/stock/issue"), Method::Post,
               [this](const QHttpServerRequest &r) { return issue(r); });
    http.route(path("office/stock/return"), Method::Post,
               [this](const QHttpServerRequest &r) { return returns(r); });
    http.route(path("office/stock"), Method::Get,
               [this](const QHttpServerRequest &r) { return reconcile(r); });
    http.route(path("office/stock/batches"), Method::Get,
               [this](const QHttpServerRequest &r) { return batches(r); });
    http.route(path("office/stock/batches/<arg>"), Method::Get,
               [this](const QString &uuid, const QHttpServerRequest &r) { return batch(uuid, r); });
}

std::variant<DeviceToken, QHttpServerResponse> StockApi::user(const QHttpServerRequest &request,
                                                              const QStringList &anyOf)
{
    auto who = m_authorize(request);
    if (std::holds_alternative<QHttpServerResponse>(who))
        return who;
    if (auto denied = OfficeApi::requireRole(std::get<DeviceToken>(who), anyOf))
        return std::move(*denied);
    return who;
}

QHttpServerResponse StockApi::issue(const QHttpServerRequest &request)
{
    auto who = user(request, {kWarehouse});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const DeviceToken &token = std::get<DeviceToken>(who);
    const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
    StockIssueRequest r{o.value(QStringLiteral("request_uuid")).toString(),
                        o.value(QStringLiteral("crew")).toString(),
                        strings(o.value(QStringLiteral("meters"))),
                        strings(o.value(QStringLiteral("seals"))),
                        token.user,
                        token.device};
    auto out = m_store.stock().issue(r);
    return out ? jsonReply(outcomeJson(*out)) : stockFail(out.error());
}

QHttpServerResponse StockApi::returns(const QHttpServerRequest &request)
{
    auto who = user(request, {kWarehouse});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const DeviceToken &token = std::get<DeviceToken>(who);
    const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
    StockReturnRequest r{o.value(QStringLiteral("request_uuid")).toString(),
                         strings(o.value(QStringLiteral("meters"))),
                         strings(o.value(QStringLiteral("seals"))), token.user, token.device};
    auto out = m_store.stock().returnStock(r);
    return out ? jsonReply(outcomeJson(*out)) : stockFail(out.error());
}

QHttpServerResponse StockApi::reconcile(const QHttpServerRequest &request)
{
    auto who = user(request, {kWarehouse, kEngineer});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const QString crew =
        request.query().queryItemValue(QStringLiteral("crew"), QUrl::FullyDecoded).trimmed();
    auto r = m_store.stock().reconcile(crew);
    return r ? jsonReply(reconciliationJson(*r)) : failReply(r.error());
}

QHttpServerResponse StockApi::batches(const QHttpServerRequest &request)
{
    auto who = user(request, {kWarehouse});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    auto list = m_store.stock().batches(
        request.query().queryItemValue(QStringLiteral("crew"), QUrl::FullyDecoded).trimmed());
    if (!list)
        return failReply(list.error());
    QJsonArray out;
    for (const StockBatch &b : std::as_const(*list))
        out.append(batchJson(b));
    return jsonReply(QJsonObject{{QStringLiteral("batches"), out}});
}

QHttpServerResponse StockApi::batch(const QString &uuid, const QHttpServerRequest &request)
{
    auto who = user(request, {kWarehouse});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    auto b = m_store.stock().batch(uuid);
    if (!b)
        return failReply(b.error());
    if (!b->has_value())
        return failReply(HttpStatus::NotFound, QStringLiteral("stock.unknown_batch"),
                         Tr::tr("没有出入库单 %1；请从出入库记录中选择。").arg(uuid));
    return jsonReply(batchJson(**b));
}

} // namespace ms::server
