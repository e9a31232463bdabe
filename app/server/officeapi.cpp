#include "officeapi.h"

#include "billingcsv.h"
#include "httpreply.h"
#include "jobview.h"
#include "stockapi.h"
#include "thumbnails.h"

#include "catalog/catalog.h"
#include "model/sha256.h"
#include "sync/wire.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonDocument>
#include <QUrlQuery>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::OfficeApi)
};

using Method = QHttpServerRequest::Method;

const QString kClerk = QStringLiteral("office_clerk");
const QString kBilling = QStringLiteral("billing");
const QString kEngineer = QStringLiteral("engineer");

QString roleName(const QString &role)
{
    if (role == QLatin1String("office_clerk"))
        return Tr::tr("内勤审核（office_clerk）");
    if (role == QLatin1String("billing"))
        return Tr::tr("电费核算（billing）");
    if (role == QLatin1String("engineer"))
        return Tr::tr("工程专责（engineer）");
    if (role == QLatin1String("warehouse"))
        return Tr::tr("库房管理（warehouse）");
    return role;
}

// A date parameter YYYY-MM-DD, or "" when absent; nullopt when malformed.
std::optional<QString> dateParam(const QUrlQuery &q, const QString &name)
{
    const QString v = q.queryItemValue(name);
    if (v.isEmpty())
        return QString();
    if (!QDate::fromString(v, Qt::ISODate).isValid() || v.size() != 10)
        return std::nullopt;
    return v;
}

std::optional<QJsonObject> body(const QHttpServerRequest &request)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QHttpServerResponse badBody()
{
    return failReply(HttpStatus::BadRequest, QStringLiteral("office.bad_body"),
                     Tr::tr("请求体应为 JSON 对象；请检查客户端版本。"));
}
} // namespace

OfficeApi::OfficeApi(OfficeStore &store, BlobStore &blobs, std::shared_ptr<const Catalog> catalog,
                     const QString &thumbDir, Authorize authorize)
    : m_store(store), m_blobs(blobs), m_catalog(std::move(catalog)),
      m_thumbs(std::make_unique<Thumbnails>(blobs, thumbDir)), m_authorize(std::move(authorize))
{
}

OfficeApi::~OfficeApi() = default;

void OfficeApi::addRoutes(QHttpServer &http)
{
    const auto path = [](const char *rest) { return sync::apiPath(QString::fromLatin1(rest)); };
    http.route(path("office/review/queue"), Method::Get,
               [this](const QHttpServerRequest &r) { return reviewQueue(r); });
    http.route(path("office/jobs/<arg>"), Method::Get,
               [this](const QString &uuid, const QHttpServerRequest &r) { return jobPage(uuid, r); });
    const std::pair<const char *, const char *> decisions[] = {
        {"office/jobs/<arg>/approve", "approved"},
        {"office/jobs/<arg>/send-back", "sent_back"},
        {"office/jobs/<arg>/billing-confirm", "billing_confirmed"},
        {"office/jobs/<arg>/billing-send-back", "billing_sent_back"}};
    for (const auto &[route, kind] : decisions) {
        const QString k = QString::fromLatin1(kind);
        http.route(path(route), Method::Post, [this, k](const QString &uuid, const QHttpServerRequest &r) {
            return decide(uuid, k, r);
        });
    }
    http.route(path("office/billing/queue"), Method::Get,
               [this](const QHttpServerRequest &r) { return billingQueue(r); });
    http.route(path("office/billing/export"), Method::Post,
               [this](const QHttpServerRequest &r) { return billingExport(r); });
    http.route(path("office/billing/exports"), Method::Get,
               [this](const QHttpServerRequest &r) { return exportLog(r); });
    http.route(path("office/progress"), Method::Get,
               [this](const QHttpServerRequest &r) { return progress(r); });
    http.route(path("blobs/<arg>/thumb"), Method::Get,
               [this](const QString &sha, const QHttpServerRequest &r) { return thumb(sha, r); });
    http.route(path("blobs/<arg>/content"), Method::Get,
               [this](const QString &sha, const QHttpServerRequest &r) { return content(sha, r); });
}

std::optional<QHttpServerResponse> OfficeApi::requireRole(const DeviceToken &token,
                                                          const QStringList &anyOf)
{
    for (const QString &role : anyOf)
        if (token.roles.contains(role))
            return std::nullopt;
    QStringList names;
    for (const QString &role : anyOf)
        names << roleName(role);
    return failReply(HttpStatus::Forbidden, QStringLiteral("auth.role"),
                     token.isOffice()
                         ? Tr::tr("此操作需要 %1 角色，令牌（用户 %2）没有；请向办公室管理员申请带该角色的令牌。")
                               .arg(names.join(Tr::tr(" 或 ")), token.user)
                         : Tr::tr("这是外勤平板的令牌，不能使用办公室接口（需要 %1 角色）；请用办公室发放的"
                                  "办公令牌（token create … --roles）。")
                               .arg(names.join(Tr::tr(" 或 "))));
}

std::variant<DeviceToken, QHttpServerResponse>
OfficeApi::officeUser(const QHttpServerRequest &request, const QStringList &anyOf)
{
    auto who = m_authorize(request);
    if (std::holds_alternative<QHttpServerResponse>(who))
        return who;
    if (auto denied = requireRole(std::get<DeviceToken>(who), anyOf))
        return std::move(*denied);
    return who;
}

QHttpServerResponse OfficeApi::reviewQueue(const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kClerk});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const QUrlQuery q = request.query();
    QueueFilter f;
    f.task = q.queryItemValue(QStringLiteral("task"));
    f.crew = q.queryItemValue(QStringLiteral("crew"), QUrl::FullyDecoded);
    f.after = q.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    const auto from = dateParam(q, QStringLiteral("from"));
    const auto to = dateParam(q, QStringLiteral("to"));
    if (!from || !to)
        return failReply(HttpStatus::BadRequest, QStringLiteral("office.bad_date"),
                         Tr::tr("from / to 应为 YYYY-MM-DD 格式的日期"));
    f.from = *from;
    f.to = *to;
    if (const QString l = q.queryItemValue(QStringLiteral("limit")); !l.isEmpty()) {
        bool ok = false;
        f.limit = l.toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 200)
            return failReply(HttpStatus::BadRequest, QStringLiteral("office.bad_limit"),
                             Tr::tr("limit 应为 1…200 之间的整数（收到“%1”）").arg(l));
    }
    auto page = m_store.jobs().reviewQueue(f);
    if (!page)
        return failReply(page.error());
    QJsonArray jobs;
    for (const JobHead &h : std::as_const(page->jobs))
        jobs.append(queueJobJson(h));
    return jsonReply(QJsonObject{{QStringLiteral("jobs"), jobs},
                                 {QStringLiteral("next"), page->next.isEmpty()
                                                              ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(page->next)}});
}

QHttpServerResponse OfficeApi::jobPage(const QString &uuid, const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kClerk, kBilling, kEngineer});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    auto job = m_store.jobs().job(uuid);
    if (!job)
        return failReply(job.error());
    if (!job->has_value())
        return failReply(HttpStatus::NotFound, QStringLiteral("office.unknown_job"),
                         Tr::tr("办公室没有工单 %1；请确认编号，或等施工人员同步后再看。").arg(uuid));
    const auto hasThumb = [this](const QString &sha) {
        auto has = m_store.hasBlob(sha);
        return has && *has;
    };
    QJsonObject page = jobPageJson(**job, *m_catalog, hasThumb);
    auto flags = m_store.stock().jobFlags(uuid);
    if (!flags)
        return failReply(flags.error());
    QJsonArray findings = page.value(QStringLiteral("findings")).toArray();
    for (const QJsonValue &f : stockFindings(*flags))
        findings.append(f);
    page.insert(QStringLiteral("findings"), findings);
    return jsonReply(page);
}

QHttpServerResponse OfficeApi::decide(const QString &uuid, const QString &kind,
                                      const QHttpServerRequest &request)
{
    const bool billing = kind.startsWith(QLatin1String("billing"));
    auto who = officeUser(request, {billing ? kBilling : kClerk});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const DeviceToken &user = std::get<DeviceToken>(who);
    const auto o = body(request);
    if (!o)
        return badBody();
    DecisionRequest d;
    d.uuid = o->value(QStringLiteral("decision_uuid")).toString().trimmed();
    d.jobUuid = uuid;
    d.kind = kind;
    d.byUser = user.user;
    d.byDevice = user.device;
    if (d.uuid.isEmpty() || d.uuid.size() > 64)
        return failReply(HttpStatus::BadRequest, QStringLiteral("office.bad_decision_uuid"),
                         Tr::tr("需要 decision_uuid（客户端生成的决定编号，最多 64 个字符），"
                                "以便离线排队的决定只生效一次。"));
    if (kind == QLatin1String("sent_back")) {
        auto items = checkSendBackItems(o->value(QStringLiteral("items")).toArray(), *m_catalog);
        if (!items)
            return failReply(HttpStatus::BadRequest, items.error().code, items.error().message);
        d.items = *items;
    }
    if (kind == QLatin1String("billing_sent_back")) {
        d.reason = o->value(QStringLiteral("reason")).toString().trimmed();
        if (d.reason.isEmpty())
            return failReply(HttpStatus::BadRequest, QStringLiteral("review.bad_reason"),
                             Tr::tr("请写明退回内勤的原因（reason），内勤会在审核队列中看到它。"));
    }
    auto outcome = m_store.jobs().decide(d);
    if (!outcome)
        return failReply(outcome.error());
    const OfficeDecision &x = outcome->decision;
    return jsonReply(QJsonObject{{QStringLiteral("decision_uuid"), x.uuid},
                                 {QStringLiteral("job_uuid"), x.jobUuid},
                                 {QStringLiteral("decision"), x.kind},
                                 {QStringLiteral("submission"), x.submission},
                                 {QStringLiteral("items"), x.items},
                                 {QStringLiteral("reason"), x.reason},
                                 {QStringLiteral("by"), x.byUser},
                                 {QStringLiteral("at"), x.at},
                                 {QStringLiteral("repeated"), outcome->repeated},
                                 {QStringLiteral("state"), outcome->state}});
}

QHttpServerResponse OfficeApi::billingQueue(const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kBilling});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    QueueFilter f;
    f.limit = 200;
    f.task = request.query().queryItemValue(QStringLiteral("task"));
    auto rows = m_store.jobs().billingQueue(f);
    if (!rows)
        return failReply(rows.error());
    QJsonArray jobs;
    for (const BillingRow &r : std::as_const(*rows))
        jobs.append(billingJson(r));
    return jsonReply(QJsonObject{{QStringLiteral("jobs"), jobs}});
}

QHttpServerResponse OfficeApi::billingExport(const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kBilling});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const DeviceToken &user = std::get<DeviceToken>(who);
    const auto o = body(request);
    if (!o)
        return badBody();
    const QString batch = o->value(QStringLiteral("batch")).toString();
    auto result = m_store.jobs().exportBilling(batch, user.user, user.device);
    if (!result)
        return failReply(result.error());
    QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"), billingCsv(*result));
    response.setHeader(QByteArrayLiteral("X-MeterSwap-Batch"), result->batch.toUtf8());
    response.setHeader(QByteArrayLiteral("X-MeterSwap-Count"), QByteArray::number(result->rows.size()));
    response.setHeader(QByteArrayLiteral("X-MeterSwap-Reexport"), result->reexport ? "1" : "0");
    response.setHeader(QByteArrayLiteral("Content-Disposition"),
                       "attachment; filename=\"billing-"
                           + (result->batch.isEmpty() ? QByteArray("empty") : result->batch.toUtf8())
                           + ".csv\"");
    return response;
}

QHttpServerResponse OfficeApi::exportLog(const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kBilling});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    auto log = m_store.jobs().exportLog();
    if (!log)
        return failReply(log.error());
    QJsonArray out;
    for (const ExportLogEntry &e : std::as_const(*log))
        out.append(QJsonObject{{QStringLiteral("batch"), e.batch},
                               {QStringLiteral("kind"), e.kind},
                               {QStringLiteral("by"), e.byUser},
                               {QStringLiteral("device"), e.byDevice},
                               {QStringLiteral("at"), e.at},
                               {QStringLiteral("count"), e.count}});
    return jsonReply(QJsonObject{{QStringLiteral("exports"), out}});
}

QHttpServerResponse OfficeApi::progress(const QHttpServerRequest &request)
{
    auto who = officeUser(request, {kEngineer});
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    const QUrlQuery q = request.query();
    const auto from = dateParam(q, QStringLiteral("from"));
    const auto to = dateParam(q, QStringLiteral("to"));
    if (!from || !to)
        return failReply(HttpStatus::BadRequest, QStringLiteral("office.bad_date"),
                         Tr::tr("from / to 应为 YYYY-MM-DD 格式的日期"));
    auto p = m_store.jobs().progress(ProgressFilter{q.queryItemValue(QStringLiteral("task")), *from, *to});
    if (!p)
        return failReply(p.error());
    const auto rowJson = [&p](const ProgressRow &r, bool perTask) {
        QJsonObject states;
        int jobs = 0;
        for (auto it = r.states.constBegin(); it != r.states.constEnd(); ++it) {
            states.insert(it.key(), it.value());
            jobs += it.value();
        }
        QJsonObject o{{QStringLiteral("task_uuid"), r.taskUuid},
                      {QStringLiteral("task_name"), r.taskName},
                      {QStringLiteral("jobs"), jobs},
                      {QStringLiteral("states"), states},
                      {QStringLiteral("reviews"), r.reviews},
                      {QStringLiteral("approvals"), r.approvals},
                      {QStringLiteral("pass_rate"), r.reviews ? double(r.approvals) / r.reviews
                                                              : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("first_time_right"),
                       r.approvedJobs ? double(r.firstTimeRight) / r.approvedJobs
                                      : QJsonValue(QJsonValue::Null)}};
        if (perTask) {
            QJsonArray reasons;
            for (const ReasonCount &c : std::as_const(p->reasons))
                if (c.taskUuid == r.taskUuid && reasons.size() < 5)
                    reasons.append(QJsonObject{{QStringLiteral("reason"), c.reason},
                                               {QStringLiteral("count"), c.count}});
            o.insert(QStringLiteral("top_send_back_reasons"), reasons);
        } else {
            o.insert(QStringLiteral("crew"), r.crew);
            o.insert(QStringLiteral("day"), r.day);
        }
        return o;
    };
    QJsonArray tasks, crews;
    for (const ProgressRow &r : std::as_const(p->byTask))
        tasks.append(rowJson(r, true));
    for (const ProgressRow &r : std::as_const(p->byCrewDay))
        crews.append(rowJson(r, false));
    return jsonReply(QJsonObject{{QStringLiteral("tasks"), tasks}, {QStringLiteral("crews"), crews}});
}

QHttpServerResponse OfficeApi::thumb(const QString &sha256, const QHttpServerRequest &request)
{
    auto who = officeUser(request, kOfficeRoles);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    if (!isSha256Hex(sha256))
        return failReply(HttpStatus::BadRequest, QStringLiteral("sync.bad_hash"),
                         Tr::tr("“%1”不是 64 位小写十六进制 SHA-256").arg(sha256));
    auto jpeg = m_thumbs->get(sha256);
    if (!jpeg)
        return jpeg.error().code == QLatin1String("thumb.not_image")
            ? failReply(HttpStatus::UnprocessableEntity, jpeg.error().code, jpeg.error().message)
            : failReply(jpeg.error());
    return QHttpServerResponse(QByteArrayLiteral("image/jpeg"), *jpeg);
}

QHttpServerResponse OfficeApi::content(const QString &sha256, const QHttpServerRequest &request)
{
    auto who = officeUser(request, kOfficeRoles);
    if (auto *resp = std::get_if<QHttpServerResponse>(&who))
        return std::move(*resp);
    if (!isSha256Hex(sha256))
        return failReply(HttpStatus::BadRequest, QStringLiteral("sync.bad_hash"),
                         Tr::tr("“%1”不是 64 位小写十六进制 SHA-256").arg(sha256));
    auto state = m_blobs.state(sha256);
    if (!state)
        return failReply(state.error());
    if (!state->complete)
        return failReply(HttpStatus::NotFound, QStringLiteral("blob.not_found"),
                         Tr::tr("办公室没有证据文件 %1（尚未上传完）").arg(sha256));
    auto bytes = m_blobs.read(sha256);
    if (!bytes)
        return failReply(bytes.error());
    return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"), *bytes);
}

} // namespace ms::server
