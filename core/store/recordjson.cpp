#include "store/recordjson.h"

#include <QJsonArray>

namespace ms::json {

namespace {
QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}
QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}
QJsonObject meterJson(const MeterInfo &m)
{
    return {{QStringLiteral("asset_no"), m.assetNo},
            {QStringLiteral("comm_address"), m.commAddress},
            {QStringLiteral("model"), m.model},
            {QStringLiteral("protocol"), m.protocol}};
}
MeterInfo meterFrom(const QJsonObject &o)
{
    return {o.value(QStringLiteral("asset_no")).toString(),
            o.value(QStringLiteral("comm_address")).toString(),
            o.value(QStringLiteral("model")).toString(),
            o.value(QStringLiteral("protocol")).toString()};
}
} // namespace

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t;
}

QJsonObject fromTask(const Task &t)
{
    return {{QStringLiteral("uuid"), t.uuid},
            {QStringLiteral("code"), t.code},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("area_name"), t.areaName},
            {QStringLiteral("area_code"), t.areaCode},
            {QStringLiteral("address"), t.address},
            {QStringLiteral("crew"), t.crew},
            {QStringLiteral("leader"), t.leader},
            {QStringLiteral("planned_start"), dateText(t.plannedStart)},
            {QStringLiteral("planned_end"), dateText(t.plannedEnd)},
            {QStringLiteral("concentrator_archive_write"), t.concentratorArchiveWrite},
            {QStringLiteral("version"), t.version}};
}

QJsonObject fromCustomer(const Customer &c, const QString &taskUuid)
{
    return {{QStringLiteral("uuid"), c.uuid},
            {QStringLiteral("task_uuid"), taskUuid},
            {QStringLiteral("account_no"), c.accountNo},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("address"), c.address},
            {QStringLiteral("phone"), c.phone},
            {QStringLiteral("meter_box_no"), c.meterBoxNo},
            {QStringLiteral("payment"),
             c.payment == PaymentType::Prepaid ? QStringLiteral("prepaid")
                                               : QStringLiteral("postpaid")},
            {QStringLiteral("old_meter"), meterJson(c.oldMeter)},
            {QStringLiteral("new_meter"), meterJson(c.newMeter)},
            {QStringLiteral("last_billed_reading"), optionalNumber(c.lastBilledReading)},
            {QStringLiteral("mismatch"), c.mismatchFlag},
            {QStringLiteral("version"), c.version}};
}

QJsonObject fromJob(const Job &j, const QString &taskUuid, const QString &customerUuid)
{
    return {{QStringLiteral("uuid"), j.uuid},
            {QStringLiteral("task_uuid"), taskUuid},
            {QStringLiteral("customer_uuid"), customerUuid},
            {QStringLiteral("status"), jobStatusKey(j.status)},
            {QStringLiteral("current_card"), j.currentCard},
            {QStringLiteral("branches"), j.branches},
            {QStringLiteral("appointment_at"), isoTime(j.appointmentAt)},
            {QStringLiteral("started_at"), isoTime(j.startedAt)},
            {QStringLiteral("finished_at"), isoTime(j.finishedAt)},
            {QStringLiteral("submission"), j.submission},
            {QStringLiteral("submitted_at"), isoTime(j.submittedAt)},
            {QStringLiteral("version"), j.version}};
}

QJsonObject fromStep(const StepRecord &s, const QString &jobUuid)
{
    return {{QStringLiteral("uuid"), s.uuid},
            {QStringLiteral("job_uuid"), jobUuid},
            {QStringLiteral("card_id"), s.cardId},
            {QStringLiteral("step_index"), s.stepIndex},
            {QStringLiteral("done"), s.done},
            {QStringLiteral("user_uuid"), s.userUuid},
            {QStringLiteral("at"), isoTime(s.at)},
            {QStringLiteral("version"), s.version}};
}

QJsonObject fromEvidence(const Evidence &e, const QString &jobUuid, const QString &supersedes)
{
    return {{QStringLiteral("uuid"), e.uuid},
            {QStringLiteral("job_uuid"), jobUuid},
            {QStringLiteral("card_id"), e.cardId},
            {QStringLiteral("requirement"), e.requirement},
            {QStringLiteral("kind"), evidenceKindKey(e.kind)},
            {QStringLiteral("sha256"), e.sha256},
            {QStringLiteral("mime"), e.mime},
            {QStringLiteral("size"), double(e.size)},
            {QStringLiteral("value"), e.value},
            {QStringLiteral("unit"), e.unit},
            {QStringLiteral("meta"), e.meta},
            {QStringLiteral("user_uuid"), e.userUuid},
            {QStringLiteral("captured_at"), isoTime(e.capturedAt)},
            {QStringLiteral("supersedes"), supersedes},
            {QStringLiteral("version"), e.version}};
}

QJsonObject fromSeal(const Seal &s, const QString &jobUuid)
{
    return {{QStringLiteral("uuid"), s.uuid},
            {QStringLiteral("job_uuid"), jobUuid},
            {QStringLiteral("position"), s.position},
            {QStringLiteral("number"), s.number},
            {QStringLiteral("at"), isoTime(s.at)},
            {QStringLiteral("version"), s.version}};
}

QJsonObject fromUser(const User &u)
{
    return {{QStringLiteral("uuid"), u.uuid},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("roles"), QJsonArray::fromStringList(u.roles)}};
}

QJsonObject fromMismatch(const MismatchInfo &m, const QString &customerUuid)
{
    return {{QStringLiteral("customer_uuid"), customerUuid},
            {QStringLiteral("mechanical_register"), optionalNumber(m.mechanicalRegister)},
            {QStringLiteral("remaining_energy"), optionalNumber(m.remainingEnergy)},
            {QStringLiteral("difference"), optionalNumber(m.difference)},
            {QStringLiteral("tier"), m.tier},
            {QStringLiteral("note"), m.note},
            {QStringLiteral("updated_at"), isoTime(m.updatedAt)},
            {QStringLiteral("version"), m.version}};
}

Task toTask(const QJsonObject &o)
{
    Task t;
    t.uuid = o.value(QStringLiteral("uuid")).toString();
    t.code = o.value(QStringLiteral("code")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.areaName = o.value(QStringLiteral("area_name")).toString();
    t.areaCode = o.value(QStringLiteral("area_code")).toString();
    t.address = o.value(QStringLiteral("address")).toString();
    t.crew = o.value(QStringLiteral("crew")).toString();
    t.leader = o.value(QStringLiteral("leader")).toString();
    t.plannedStart = QDate::fromString(o.value(QStringLiteral("planned_start")).toString(), Qt::ISODate);
    t.plannedEnd = QDate::fromString(o.value(QStringLiteral("planned_end")).toString(), Qt::ISODate);
    t.concentratorArchiveWrite =
        o.value(QStringLiteral("concentrator_archive_write")).toBool(false);
    t.version = o.value(QStringLiteral("version")).toInt(1);
    return t;
}

Customer toCustomer(const QJsonObject &o, QString *taskUuid)
{
    Customer c;
    if (taskUuid)
        *taskUuid = o.value(QStringLiteral("task_uuid")).toString();
    c.uuid = o.value(QStringLiteral("uuid")).toString();
    c.accountNo = o.value(QStringLiteral("account_no")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    c.address = o.value(QStringLiteral("address")).toString();
    c.phone = o.value(QStringLiteral("phone")).toString();
    c.meterBoxNo = o.value(QStringLiteral("meter_box_no")).toString();
    c.payment = o.value(QStringLiteral("payment")).toString() == QLatin1String("prepaid")
        ? PaymentType::Prepaid
        : PaymentType::Postpaid;
    c.oldMeter = meterFrom(o.value(QStringLiteral("old_meter")).toObject());
    c.newMeter = meterFrom(o.value(QStringLiteral("new_meter")).toObject());
    const QJsonValue last = o.value(QStringLiteral("last_billed_reading"));
    if (last.isDouble())
        c.lastBilledReading = last.toDouble();
    c.mismatchFlag = o.value(QStringLiteral("mismatch")).toBool();
    c.version = o.value(QStringLiteral("version")).toInt(1);
    return c;
}

} // namespace ms::json
