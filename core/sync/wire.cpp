#include "sync/wire.h"

#include "model/recordchain.h"
#include "model/sha256.h"
#include "store/recordjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ms::sync {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::sync::Wire)
};

Error bad(const QString &where, const QString &what)
{
    return makeError(QStringLiteral("sync.bad_request"), QStringLiteral("%1: %2").arg(where, what));
}

Result<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("sync.malformed_json"),
                         Tr::tr("%1 不是有效的 JSON（第 %2 字节：%3）")
                             .arg(what).arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return makeError(QStringLiteral("sync.malformed_json"), Tr::tr("%1 应为 JSON 对象").arg(what));
    return doc.object();
}

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
} // namespace

QString apiPath(const QString &rest) { return QStringLiteral("/api/v1/") + rest; }

QJsonObject outboxEntryToJson(const OutboxEntry &e)
{
    QJsonObject o{{QStringLiteral("seq"), e.seq},
            {QStringLiteral("entity"), e.entity},
            {QStringLiteral("uuid"), e.uuid},
            {QStringLiteral("version"), e.version},
            {QStringLiteral("op"), e.op},
            {QStringLiteral("payload"), e.payload},
            {QStringLiteral("blobs"), QJsonArray::fromStringList(e.blobs)},
            {QStringLiteral("created_at"), e.createdAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (e.chain.n > 0)
        o.insert(QStringLiteral("chain"),
                 QJsonObject{{QStringLiteral("n"), e.chain.n},
                             {QStringLiteral("prev"), e.chain.prev},
                             {QStringLiteral("link"), e.chain.link},
                             {QStringLiteral("signature"), e.chain.signature}});
    return o;
}

Result<OutboxEntry> outboxEntryFromJson(const QJsonObject &o, const QString &where)
{
    OutboxEntry e;
    const auto need = [&](const char *key, QJsonValue::Type type) -> std::optional<Error> {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.type() != type)
            return bad(where + QLatin1Char('.') + QLatin1String(key), Tr::tr("缺少或类型不对"));
        return std::nullopt;
    };
    for (auto [key, type] : {std::pair{"seq", QJsonValue::Double}, {"entity", QJsonValue::String},
                             {"uuid", QJsonValue::String}, {"version", QJsonValue::Double},
                             {"op", QJsonValue::String}, {"payload", QJsonValue::Object}})
        if (auto err = need(key, type))
            return *err;
    e.seq = o.value(QStringLiteral("seq")).toInteger();
    e.entity = str(o, "entity");
    e.uuid = str(o, "uuid");
    e.version = o.value(QStringLiteral("version")).toInt();
    e.op = str(o, "op");
    e.payload = o.value(QStringLiteral("payload")).toObject();
    const QJsonValue blobs = o.value(QStringLiteral("blobs"));
    if (!blobs.isUndefined() && !blobs.isArray())
        return bad(where + QStringLiteral(".blobs"), Tr::tr("应为字符串数组"));
    const QJsonArray arr = blobs.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isString())
            return bad(QStringLiteral("%1.blobs[%2]").arg(where).arg(i), Tr::tr("应为 SHA-256 字符串"));
        e.blobs << arr.at(i).toString();
    }
    e.createdAt = QDateTime::fromString(str(o, "created_at"), Qt::ISODateWithMs);
    const QJsonValue chain = o.value(QStringLiteral("chain"));
    if (chain.isUndefined())
        return e; // unsigned: the office refuses it per record (sync.unsigned_record)
    const QJsonObject c = chain.toObject();
    const QJsonValue n = c.value(QStringLiteral("n"));
    if (!chain.isObject() || !n.isDouble() || n.toDouble() < 1 || n.toDouble() > 9e15
        || n.toDouble() != double(n.toInteger()))
        return bad(where + QStringLiteral(".chain.n"), Tr::tr("应为正整数"));
    e.chain.n = n.toInteger();
    e.chain.prev = str(c, "prev");
    e.chain.link = str(c, "link");
    e.chain.signature = str(c, "signature");
    if (!chain::isHex(e.chain.prev, 32))
        return bad(where + QStringLiteral(".chain.prev"), Tr::tr("应为 64 位小写十六进制"));
    if (!chain::isHex(e.chain.link, 32))
        return bad(where + QStringLiteral(".chain.link"), Tr::tr("应为 64 位小写十六进制"));
    if (!chain::isHex(e.chain.signature, SigningKey::kSignatureBytes))
        return bad(where + QStringLiteral(".chain.signature"), Tr::tr("应为 128 位小写十六进制"));
    return e;
}

QByteArray encodePushBatch(const QList<OutboxEntry> &records)
{
    QJsonArray arr;
    for (const OutboxEntry &e : records)
        arr.append(outboxEntryToJson(e));
    return compact({{QStringLiteral("records"), arr}});
}

Result<QList<OutboxEntry>> decodePushBatch(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("记录批次"));
    if (!obj)
        return obj.error();
    const QJsonValue v = obj->value(QStringLiteral("records"));
    if (!v.isArray())
        return bad(QStringLiteral("records"), Tr::tr("缺少记录数组"));
    const QJsonArray arr = v.toArray();
    if (arr.size() > kMaxBatchRecords)
        return makeError(QStringLiteral("sync.batch_too_large"),
                         Tr::tr("一批最多 %1 条记录，收到 %2 条；请分批发送。")
                             .arg(kMaxBatchRecords).arg(arr.size()));
    QList<OutboxEntry> out;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString where = QStringLiteral("records[%1]").arg(i);
        if (!arr.at(i).isObject())
            return bad(where, Tr::tr("应为对象"));
        auto e = outboxEntryFromJson(arr.at(i).toObject(), where);
        if (!e)
            return e.error();
        out << *e;
    }
    return out;
}

QByteArray encodePushResults(const QList<wire::PushResult> &results)
{
    QJsonArray arr;
    for (const auto &r : results) {
        QJsonObject o{{QStringLiteral("seq"), r.seq},
                      {QStringLiteral("uuid"), r.uuid},
                      {QStringLiteral("version"), r.version},
                      {QStringLiteral("status"), wire::pushStatusKey(r.status)}};
        if (!r.code.isEmpty())
            o.insert(QStringLiteral("code"), r.code);
        if (!r.reason.isEmpty())
            o.insert(QStringLiteral("reason"), r.reason);
        if (!r.fields.isEmpty())
            o.insert(QStringLiteral("fields"), QJsonArray::fromStringList(r.fields));
        arr.append(o);
    }
    return compact({{QStringLiteral("results"), arr}});
}

Result<QList<wire::PushResult>> decodePushResults(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("服务器应答"));
    if (!obj)
        return obj.error();
    QList<wire::PushResult> out;
    const QJsonArray arr = obj->value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QJsonObject o = arr.at(i).toObject();
        const auto status = wire::pushStatusFromKey(str(o, "status"));
        if (!status)
            return bad(QStringLiteral("results[%1].status").arg(i), Tr::tr("未知状态"));
        QStringList fields;
        for (const QJsonValue &f : o.value(QStringLiteral("fields")).toArray())
            fields << f.toString();
        out << wire::PushResult{o.value(QStringLiteral("seq")).toInteger(), str(o, "uuid"),
                                  o.value(QStringLiteral("version")).toInt(), *status,
                                  str(o, "code"), str(o, "reason"), fields};
    }
    return out;
}

// Field names and formats are the store's (core/store/recordjson): one mapping for both.
Result<Task> taskFromJson(const QJsonObject &o)
{
    Task t = json::toTask(o);
    if (t.uuid.isEmpty() || t.name.isEmpty())
        return bad(QStringLiteral("task"), Tr::tr("任务缺少 uuid 或名称"));
    return t;
}

Result<PulledCustomer> customerFromJson(const QJsonObject &o)
{
    PulledCustomer p;
    p.customer = json::toCustomer(o, &p.taskUuid);
    if (p.customer.uuid.isEmpty() || p.taskUuid.isEmpty() || p.customer.accountNo.isEmpty())
        return bad(QStringLiteral("customer"), Tr::tr("客户缺少 uuid、task_uuid 或户号"));
    return p;
}

QJsonObject reviewPayload(const JobReview &r)
{
    QJsonArray items;
    for (const ReviewItem &i : r.items)
        items.append(QJsonObject{{QStringLiteral("card"), i.card},
                                 {QStringLiteral("requirement"), i.requirement},
                                 {QStringLiteral("reason"), i.reason}});
    return {{QStringLiteral("job_uuid"), r.jobUuid},
            {QStringLiteral("customer_uuid"), r.customerUuid},
            {QStringLiteral("submission"), r.submission},
            {QStringLiteral("decision"), reviewDecisionKey(r.decision)},
            {QStringLiteral("items"), items},
            {QStringLiteral("by"), r.by},
            {QStringLiteral("at"), json::isoTime(r.at)}};
}

Result<JobReview> reviewFromJson(const QJsonObject &item, const QString &where)
{
    JobReview r;
    r.uuid = str(item, "uuid");
    r.version = item.value(QStringLiteral("version")).toInt(1);
    const QJsonObject p = item.value(QStringLiteral("payload")).toObject();
    r.jobUuid = str(p, "job_uuid");
    r.customerUuid = str(p, "customer_uuid");
    r.submission = p.value(QStringLiteral("submission")).toInt(0);
    r.by = str(p, "by");
    r.at = json::parseTime(str(p, "at"));
    if (r.uuid.isEmpty() || r.jobUuid.isEmpty())
        return bad(where, Tr::tr("审核结论应有 uuid 和 payload.job_uuid"));
    if (r.submission < 1)
        return bad(where + QStringLiteral(".payload.submission"),
                   Tr::tr("应为 1 或更大的整数（审核的是第几次送审）"));
    const auto decision = reviewDecisionFromKey(str(p, "decision"));
    if (!decision)
        return bad(where + QStringLiteral(".payload.decision"),
                   Tr::tr("未知的审核结论“%1”：这台平板上的换表通太旧，请升级后再同步")
                       .arg(str(p, "decision")));
    r.decision = *decision;
    const QJsonArray items = p.value(QStringLiteral("items")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        ReviewItem it{str(o, "card"), str(o, "requirement"), str(o, "reason")};
        if (it.card.isEmpty() || it.requirement.isEmpty())
            return bad(where + QStringLiteral(".payload.items[%1]").arg(i),
                       Tr::tr("退回项应有 card 和 requirement"));
        r.items << it;
    }
    if (r.decision == ReviewDecision::SentBack && r.items.isEmpty())
        return bad(where + QStringLiteral(".payload.items"),
                   Tr::tr("退回的审核结论应至少有一项退回内容"));
    return r;
}

Result<wire::IssuedStock> issuedStockFromJson(const QJsonObject &item, const QString &where)
{
    wire::IssuedStock s;
    s.uuid = str(item, "uuid");
    s.version = item.value(QStringLiteral("version")).toInt(1);
    s.withdrawn = item.value(QStringLiteral("withdrawn")).toBool();
    const QJsonObject p = item.value(QStringLiteral("payload")).toObject();
    s.crew = str(p, "crew");
    if (s.uuid.isEmpty() || (!s.withdrawn && s.crew.isEmpty()))
        return bad(where, Tr::tr("库存记录应有 uuid 和 payload.crew"));
    for (const QJsonValue &v : p.value(QStringLiteral("meters")).toArray())
        s.meters << v.toString();
    for (const QJsonValue &v : p.value(QStringLiteral("seals")).toArray())
        s.seals << v.toString();
    return s;
}

QByteArray encodeAssignmentPage(const wire::AssignmentPage &page, const QString &catalogVersion)
{
    QJsonArray tasks, customers, withdrawn, reviews, stock;
    for (const auto &a : page.items) {
        if (a.entity == QLatin1String("stock_issue")) // what the warehouse issued to a crew
            stock.append(QJsonObject{{QStringLiteral("entity"), a.entity},
                                     {QStringLiteral("uuid"), a.uuid},
                                     {QStringLiteral("version"), a.version},
                                     {QStringLiteral("withdrawn"), a.withdrawn},
                                     {QStringLiteral("payload"), a.payload}});
        else if (a.entity == QLatin1String("review")) // an office verdict for this device's job
            reviews.append(QJsonObject{{QStringLiteral("entity"), a.entity},
                                       {QStringLiteral("uuid"), a.uuid},
                                       {QStringLiteral("version"), a.version},
                                       {QStringLiteral("payload"), a.payload}});
        else if (a.withdrawn)
            withdrawn.append(QJsonObject{{QStringLiteral("entity"), a.entity},
                                         {QStringLiteral("uuid"), a.uuid},
                                         {QStringLiteral("task_uuid"), a.taskUuid}});
        else
            (a.entity == QLatin1String("task") ? tasks : customers).append(a.payload);
    }
    return compact({{QStringLiteral("tasks"), tasks},
                    {QStringLiteral("customers"), customers},
                    {QStringLiteral("withdrawn"), withdrawn},
                    {QStringLiteral("reviews"), reviews},
                    {QStringLiteral("stock"), stock},
                    {QStringLiteral("cursor"), QString::number(page.cursor)},
                    {QStringLiteral("more"), page.more},
                    {QStringLiteral("catalog_version"), catalogVersion}});
}

Result<PulledAssignments> decodeAssignmentPage(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("任务分配"));
    if (!obj)
        return obj.error();
    PulledAssignments out;
    for (const QJsonValue &v : obj->value(QStringLiteral("tasks")).toArray()) {
        auto t = taskFromJson(v.toObject());
        if (!t)
            return t.error();
        out.tasks << *t;
    }
    for (const QJsonValue &v : obj->value(QStringLiteral("customers")).toArray()) {
        auto c = customerFromJson(v.toObject());
        if (!c)
            return c.error();
        out.customers << *c;
    }
    const QJsonArray withdrawn = obj->value(QStringLiteral("withdrawn")).toArray();
    for (qsizetype i = 0; i < withdrawn.size(); ++i) {
        const QJsonObject w = withdrawn.at(i).toObject();
        Withdrawal t{str(w, "entity"), str(w, "uuid"), str(w, "task_uuid")};
        if (t.uuid.isEmpty()
            || (t.entity != QLatin1String("task") && t.entity != QLatin1String("customer")))
            return bad(QStringLiteral("withdrawn[%1]").arg(i),
                       Tr::tr("应有 entity（task 或 customer）和 uuid"));
        out.withdrawn << t;
    }
    const QJsonArray reviews = obj->value(QStringLiteral("reviews")).toArray();
    for (qsizetype i = 0; i < reviews.size(); ++i) {
        const QString where = QStringLiteral("reviews[%1]").arg(i);
        const QJsonObject item = reviews.at(i).toObject();
        const QString entity = str(item, "entity");
        if (!entity.isEmpty() && entity != QLatin1String("review"))
            return bad(where, Tr::tr("未知的记录类型“%1”：这台平板上的换表通太旧，请升级后再同步")
                                  .arg(entity));
        auto r = reviewFromJson(item, where);
        if (!r)
            return r.error();
        out.reviews << *r;
    }
    const QJsonArray stock = obj->value(QStringLiteral("stock")).toArray();
    for (qsizetype i = 0; i < stock.size(); ++i) {
        auto item = issuedStockFromJson(stock.at(i).toObject(), QStringLiteral("stock[%1]").arg(i));
        if (!item)
            return item.error();
        out.stock << *item;
    }
    out.cursor = str(*obj, "cursor").toLongLong();
    out.more = obj->value(QStringLiteral("more")).toBool();
    out.catalogVersion = str(*obj, "catalog_version");
    return out;
}

QByteArray encodeBlobState(const QString &sha256, const wire::BlobState &state)
{
    return compact({{QStringLiteral("sha256"), sha256},
                    {QStringLiteral("offset"), state.offset},
                    {QStringLiteral("complete"), state.complete}});
}

Result<wire::BlobState> decodeBlobState(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("文件状态"));
    if (!obj)
        return obj.error();
    if (!obj->value(QStringLiteral("offset")).isDouble())
        return bad(QStringLiteral("offset"), Tr::tr("缺少偏移量"));
    return wire::BlobState{obj->value(QStringLiteral("offset")).toInteger(),
                             obj->value(QStringLiteral("complete")).toBool()};
}

QByteArray encodeBlobStateQuery(const QStringList &sha256s)
{
    return compact({{QStringLiteral("sha256"), QJsonArray::fromStringList(sha256s)}});
}

Result<QStringList> decodeBlobStateQuery(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("文件状态查询"));
    if (!obj)
        return obj.error();
    const QJsonValue list = obj->value(QStringLiteral("sha256"));
    if (!list.isArray())
        return bad(QStringLiteral("sha256"), Tr::tr("应为 SHA-256 数组"));
    const QJsonArray array = list.toArray();
    if (array.size() > kMaxStateQuery)
        return bad(QStringLiteral("sha256"), Tr::tr("一次最多查询 %1 个文件，收到 %2 个").arg(kMaxStateQuery).arg(array.size()));
    QStringList out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString sha = array.at(i).toString();
        if (!isSha256Hex(sha))
            return bad(QStringLiteral("sha256[%1]").arg(i), Tr::tr("不是 64 位小写十六进制 SHA-256"));
        out << sha;
    }
    return out;
}

QByteArray encodeBlobStates(const QList<QPair<QString, wire::BlobState>> &states)
{
    QJsonArray blobs;
    for (const auto &[sha, state] : states)
        blobs.append(QJsonObject{{QStringLiteral("sha256"), sha},
                                 {QStringLiteral("offset"), state.offset},
                                 {QStringLiteral("complete"), state.complete}});
    return compact({{QStringLiteral("blobs"), blobs}});
}

Result<QHash<QString, wire::BlobState>> decodeBlobStates(const QByteArray &body)
{
    auto obj = parseObject(body, Tr::tr("文件状态"));
    if (!obj)
        return obj.error();
    if (!obj->value(QStringLiteral("blobs")).isArray())
        return bad(QStringLiteral("blobs"), Tr::tr("应为数组"));
    QHash<QString, wire::BlobState> out;
    const QJsonArray blobs = obj->value(QStringLiteral("blobs")).toArray();
    for (qsizetype i = 0; i < blobs.size(); ++i) {
        const QJsonObject b = blobs.at(i).toObject();
        const QString sha = b.value(QStringLiteral("sha256")).toString();
        const QJsonValue offset = b.value(QStringLiteral("offset"));
        if (!isSha256Hex(sha) || !offset.isDouble() || offset.toInteger() < 0)
            return bad(QStringLiteral("blobs[%1]").arg(i), Tr::tr("缺少 sha256 或有效的 offset"));
        out.insert(sha, wire::BlobState{offset.toInteger(), b.value(QStringLiteral("complete")).toBool()});
    }
    return out;
}

QByteArray encodeError(const Error &error)
{
    return compact({{QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), error.code},
                                 {QStringLiteral("message"), error.message}}}});
}

Error decodeError(const QByteArray &body, int httpStatus)
{
    const QJsonObject e = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    if (!e.isEmpty())
        return makeError(str(e, "code"), str(e, "message"));
    return makeError(QStringLiteral("sync.http_%1").arg(httpStatus),
                     Tr::tr("办公室服务器返回 HTTP %1").arg(httpStatus));
}

} // namespace ms::sync
